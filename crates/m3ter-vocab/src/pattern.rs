//! The dialect rule for `pattern`: JSON Schema patterns are ECMA-262 regular expressions, and
//! the checks run them with Rust's `regex` crate. A construct whose meaning differs between the
//! two (or that exists in one only) is refused here, with what to write instead, so that a
//! pattern never means one thing in the spec and another in the checks. The generator and the
//! derive both call [`check_dialect`]; each then compiles the pattern with its own engine.

/// `Ok` when every construct of `pattern` means the same in ECMA-262 and in Rust's `regex`;
/// else what is wrong and what to write instead.
pub fn check_dialect(pattern: &str) -> Result<(), String> {
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    return Err("the pattern ends with a lone `\\`".to_owned());
                };
                if "dDwWsSbB".contains(next) {
                    return Err(format!(
                        "`\\{next}` means different things in ECMA-262 and Rust's regex (Unicode-aware there): write an explicit ASCII class such as `[0-9]`"
                    ));
                }
                if "AzZpPhHvVkKQE".contains(next) {
                    return Err(format!(
                        "`\\{next}` is not an escape ECMA-262 and Rust's regex share: write the characters or an explicit class"
                    ));
                }
            }
            '[' if in_class && chars.peek() == Some(&':') => {
                return Err(
                    "`[:...:]` is a POSIX class in Rust's regex and literal characters in ECMA-262: write an explicit class such as `[0-9]`"
                        .to_owned(),
                );
            }
            '[' if in_class => {
                return Err(
                    "a `[` inside a class is a nested class in Rust's regex and a literal in ECMA-262: escape it as `\\[`"
                        .to_owned(),
                );
            }
            '[' => {
                in_class = true;
                if chars.peek() == Some(&'^') {
                    chars.next();
                }
                // A `]` first in a class is literal in Rust's regex and an empty class in
                // ECMA-262.
                if chars.peek() == Some(&']') {
                    return Err(
                        "`[]` or `[^]` means different things in ECMA-262 and Rust's regex: escape a literal `]` as `\\]`"
                            .to_owned(),
                    );
                }
            }
            ']' if in_class => in_class = false,
            '&' | '-' | '~' if in_class && chars.peek() == Some(&c) => {
                return Err(format!(
                    "`{c}{c}` inside a class is a set operation in Rust's regex and literal characters in ECMA-262: escape the second `{c}`"
                ));
            }
            '.' if !in_class => {
                return Err(
                    "`.` matches a carriage return and U+2028/U+2029 in Rust's regex, not in ECMA-262: write an explicit class such as `[^\\n\\r]`"
                        .to_owned(),
                );
            }
            '(' if !in_class && chars.peek() == Some(&'?') => {
                chars.next();
                if chars.peek() != Some(&':') {
                    return Err(
                        "only `(?:...)` groups mean the same in ECMA-262 and Rust's regex: flags, lookaround and named groups are not supported"
                            .to_owned(),
                    );
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use super::check_dialect;

    #[test]
    fn shared_constructs_pass() {
        for pattern in [
            "^[0-9]{12}$",
            "^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$",
            "^[^\\x00-\\x20\\x7F](?:[^\\x00-\\x1F\\x7F]*[^\\x00-\\x20\\x7F])?$",
            "^a\\.b$",
            "^[a-z\\]]+$",
        ] {
            assert_eq!(check_dialect(pattern), Ok(()), "{pattern}");
        }
    }

    #[test]
    fn constructs_that_differ_are_refused() {
        for pattern in [
            "^\\d+$",
            "^\\w$",
            "^.+$",
            "[[:digit:]]",
            "[a-z&&[^aeiou]]",
            "\\Aabc\\z",
            "(?i)abc",
            "(?=a)",
            "\\p{Letter}",
            "[]a]",
            "abc\\",
        ] {
            assert!(check_dialect(pattern).is_err(), "{pattern}");
        }
    }
}
