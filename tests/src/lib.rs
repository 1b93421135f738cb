//! Workspace-level tests of m3ter-models: the source document's values, the generator on
//! fixture fragments (generated at build time by the real generator and exercised here), the
//! derive on users' own types, and the ecosystem integrations.
//!
//! The library holds the fixture models; the tests live beside it in `tests/*.rs`.

#![forbid(unsafe_code)]

pub mod boon_oracle;
pub mod fragment;

/// Models generated from `fixtures/generator/all-keywords.openapi.json`.
pub mod all_keywords {
    include!(concat!(env!("OUT_DIR"), "/all_keywords.rs"));
}

/// Models generated from `fixtures/generator/hostile.openapi.json`.
pub mod hostile {
    include!(concat!(env!("OUT_DIR"), "/hostile.rs"));
}

/// Models generated from `fixtures/generator/read-only.openapi.json`.
pub mod read_only {
    include!(concat!(env!("OUT_DIR"), "/read_only.rs"));
}

/// Models generated from `fixtures/generator/no-members.openapi.json`.
pub mod no_members {
    include!(concat!(env!("OUT_DIR"), "/no_members.rs"));
}

/// Models generated from `fixtures/generator/other-members.openapi.json`.
pub mod other_members {
    include!(concat!(env!("OUT_DIR"), "/other_members.rs"));
}

/// Models generated from `fixtures/generator/recursive.openapi.json`.
pub mod recursive {
    include!(concat!(env!("OUT_DIR"), "/recursive.rs"));
}

/// Models generated from `fixtures/generator/self-reference.openapi.json`.
pub mod self_reference {
    include!(concat!(env!("OUT_DIR"), "/self_reference.rs"));
}

/// Models generated from `fixtures/generator/colliding-names.openapi.json`.
pub mod colliding_names {
    include!(concat!(env!("OUT_DIR"), "/colliding_names.rs"));
}

/// The proptest case count: `M3TER_PROPTEST_CASES` when set, else `default` (sized for CI).
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("M3TER_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
