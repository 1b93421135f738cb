//! The generator's output for the fixture fragments, compiled (by build.rs) and exercised.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::types::Uuid;
use m3ter_models::{ErrorCode, Validate};
use m3ter_workspace_tests::all_keywords::{
    Color, CreateThingRequest, Part, UpdateThingRequest, Widget, WidgetOwner, WidgetShade,
};
use m3ter_workspace_tests::hostile::{Hostile, HostileFn, Match};
use serde_json::json;

fn widget() -> Widget {
    Widget::new(Uuid::nil(), "abc", Some("nick".to_owned()))
}

fn errors(value: &impl Validate) -> Vec<(String, ErrorCode)> {
    value
        .validate()
        .err()
        .map(|e| e.iter().map(|e| (e.path().to_owned(), e.code())).collect())
        .unwrap_or_default()
}

fn at(path: &str, code: ErrorCode) -> (String, ErrorCode) {
    (path.to_owned(), code)
}

#[test]
fn a_minimal_widget_is_valid_and_round_trips() {
    let w = widget();
    assert_eq!(errors(&w), vec![]);
    let value = serde_json::to_value(&w).unwrap();
    assert_eq!(
        value,
        json!({"id": "00000000-0000-0000-0000-000000000000", "label": "abc", "nick": "nick", "level": 3})
    );
    assert_eq!(serde_json::from_value::<Widget>(value).unwrap(), w);
}

/// `default: 3` on `level`: the constructor and a document without the member give 3, `null`
/// is refused as for any member that is not nullable, the schema states it, and a document
/// that says otherwise keeps its value.
#[test]
fn a_default_is_filled_in_stated_and_checked() {
    assert_eq!(widget().level, Some(3));
    let without =
        json!({"id": "00000000-0000-0000-0000-000000000000", "label": "abc", "nick": "nick"});
    let read: Widget = serde_json::from_value(without.clone()).unwrap();
    assert_eq!(read.level, Some(3));
    let bytes = serde_json::to_vec(&without).unwrap();
    assert_eq!(
        m3ter_models::json::from_slice::<Widget>(&bytes)
            .unwrap()
            .level,
        Some(3)
    );
    let mut with = without.clone();
    with["level"] = json!(7);
    assert_eq!(
        serde_json::from_value::<Widget>(with.clone())
            .unwrap()
            .level,
        Some(7)
    );
    with["level"] = json!(null);
    assert!(serde_json::from_value::<Widget>(with).is_err());
    let schema = serde_json::to_value(schemars::schema_for!(Widget)).unwrap();
    assert_eq!(
        schema["properties"]["level"]["default"],
        json!(3),
        "{schema}"
    );
}

#[test]
fn every_keyword_is_checked() {
    let mut w = widget();
    w.label = "ABC".into(); // pattern
    w.count = Some(11); // maximum
    w.ratio = Some(0.0); // exclusiveMinimum
    w.offset = Some(-6); // minimum (negative)
    w.tags = Some(vec![
        "ok".into(),
        String::new(),
        "toolong".into(),
        "x".into(),
    ]); // maxItems, items
    w.parts = Some(vec![
        Part::new("OK1"),
        Part {
            sku: "bad sku!!".into(),
            quantity: Some(0),
        },
    ]); // nested
    w.owner = Some(WidgetOwner {
        name: String::new(),
        email: None,
    }); // inline nested
    w.note = Some("n".repeat(21)); // nullable maxLength
    w.nick = Some("ab".into()); // nullable minLength
    w.role_arn = Some("arn:aws:iam::1:role/x".into()); // custom format
    assert_eq!(
        errors(&w),
        vec![
            at("/label", ErrorCode::Pattern),
            at("/count", ErrorCode::Range),
            at("/ratio", ErrorCode::Range),
            at("/offset", ErrorCode::Range),
            at("/tags", ErrorCode::Length),
            at("/tags/1", ErrorCode::Length),
            at("/tags/2", ErrorCode::Length),
            at("/parts/1/sku", ErrorCode::Length),
            at("/parts/1/sku", ErrorCode::Pattern),
            at("/parts/1/quantity", ErrorCode::Range),
            at("/owner/name", ErrorCode::Length),
            at("/note", ErrorCode::Length),
            at("/nick", ErrorCode::Length),
            at("/roleArn", ErrorCode::Format),
        ]
    );
}

/// `multipleOf`, `uniqueItems`, `minProperties`/`maxProperties`, `const` and `enum` of JSON
/// values, generated and checked on the typed and the raw path with the same errors.
#[test]
fn value_keywords_are_generated_and_checked_on_both_paths() {
    let valid = json!({
        "id": "00000000-0000-0000-0000-000000000000", "label": "abc", "nick": "nick",
        "step": 19.99, "codes": [1, 2], "attrs": {"a": 1}, "kind": "widget", "size": 2,
        "flags": [false, true], "colors": ["red", "GREEN"]
    });
    let read: Widget = serde_json::from_value(valid.clone()).unwrap();
    assert_eq!(errors(&read), vec![]);
    assert!(<Widget as m3ter_models::ValidateJson>::validate_json(&valid).is_ok());
    // `null` passes `size` only because its `enum` lists it.
    let mut with_null = valid.clone();
    with_null["size"] = json!(null);
    assert!(<Widget as m3ter_models::ValidateJson>::validate_json(&with_null).is_ok());
    let invalid = json!({
        "id": "00000000-0000-0000-0000-000000000000", "label": "abc", "nick": "nick",
        "step": 19.995, "codes": [1, 2, 1], "attrs": {}, "kind": "gadget", "size": 4,
        "flags": [true, false], "colors": ["GREEN", "GREEN"]
    });
    let expected = vec![
        at("/step", ErrorCode::MultipleOf),
        at("/codes", ErrorCode::UniqueItems),
        at("/attrs", ErrorCode::MinProperties),
        at("/kind", ErrorCode::Const),
        at("/size", ErrorCode::Enum),
        at("/flags", ErrorCode::Enum),
        // A list of a generated string enum: equal by its wire strings.
        at("/colors", ErrorCode::UniqueItems),
        at("/colors", ErrorCode::Enum),
    ];
    let typed: Widget = serde_json::from_value(invalid.clone()).unwrap();
    assert_eq!(errors(&typed), expected);
    let raw: Vec<(String, ErrorCode)> =
        <Widget as m3ter_models::ValidateJson>::validate_json(&invalid)
            .unwrap_err()
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect();
    assert_eq!(raw, expected);
    let mut too_many = valid;
    too_many["attrs"] = json!({"a": 1, "b": 2, "c": 3});
    let typed: Widget = serde_json::from_value(too_many).unwrap();
    assert_eq!(errors(&typed), vec![at("/attrs", ErrorCode::MaxProperties)]);
}

#[test]
fn bounds_hold_exactly_at_the_edges() {
    let mut w = widget();
    w.count = Some(10);
    w.ratio = Some(1.4999);
    w.offset = Some(-5);
    w.tags = Some(vec!["a".into(), "abcde".into(), "b".into()]);
    assert_eq!(errors(&w), vec![]);
    w.ratio = Some(1.5); // exclusiveMaximum
    assert_eq!(errors(&w), vec![at("/ratio", ErrorCode::Range)]);
}

#[test]
fn typed_formats_enums_and_nullability() {
    let value = json!({
        "id": "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "label": "abc",
        "nick": null,
        "color": "light-blue",
        "shade": "dark",
        "level": 3,
        "created": "2023-11-07T05:31:56Z",
        "meta": {"anything": [1, 2]}
    });
    let w: Widget = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(w.color, Some(Color::LightBlue));
    assert_eq!(w.shade, Some(WidgetShade::Dark));
    assert_eq!(w.nick, None);
    assert_eq!(
        serde_json::to_value(&w).unwrap(),
        value,
        "a required nullable member serializes as null"
    );
    for bad in [
        json!({"id": "nope", "label": "abc", "nick": null}),
        json!({"id": Uuid::nil(), "label": "abc", "nick": null, "color": "RED"}),
    ] {
        assert!(serde_json::from_value::<Widget>(bad).is_err());
    }
    assert_eq!(Color::WIRE_VALUES, ["red", "GREEN", "light-blue"]);
    assert_eq!(Color::Green.as_str(), "GREEN");
}

#[test]
fn per_operation_request_types() {
    let create = CreateThingRequest::new("t");
    assert_eq!(errors(&create), vec![]);
    let create = CreateThingRequest {
        revision: Some(3),
        ..CreateThingRequest::new("t")
    };
    assert_eq!(errors(&create), vec![at("/revision", ErrorCode::Forbidden)]);
    let update = UpdateThingRequest::new("t", 0);
    assert_eq!(errors(&update), vec![at("/revision", ErrorCode::Range)]);
    let nested = UpdateThingRequest {
        widget: Some(Widget {
            label: "x".into(),
            ..widget()
        }),
        ..UpdateThingRequest::new("t", 1)
    };
    assert_eq!(
        errors(&nested),
        vec![at("/widget/label", ErrorCode::Length)]
    );
}

#[test]
fn hostile_names_keep_their_wire_names() {
    let h = Hostile {
        r#type: Some("t".into()),
        self_: Some("s".into()),
        a_b: Some("dash".into()),
        _2fa: Some(true),
        field: Some("empty".into()),
        x_y: Some("x".into()),
        til_de: Some("xy".into()),
        quote_d: Some("has \"# inside".into()),
        n: Some(1),
        crate_: Some("c".into()),
        r#fn: Some(HostileFn::AB),
    };
    let value = serde_json::to_value(&h).unwrap();
    assert_eq!(
        value,
        json!({
            "type": "t", "self": "s", "a-b": "dash", "2fa": true, "": "empty",
            "x/y": "x", "til~de": "xy", "quote\"d": "has \"# inside", "né": 1, "crate": "c", "fn": "a\"b"
        })
    );
    assert_eq!(serde_json::from_value::<Hostile>(value).unwrap(), h);
    // JSON Pointers escape `/` and `~`.
    assert_eq!(
        errors(&h),
        vec![
            at("/x~1y", ErrorCode::Length),
            at("/til~0de", ErrorCode::Length),
            at("/quote\"d", ErrorCode::Pattern)
        ]
    );
    assert_eq!(HostileFn::WIRE_VALUES, ["a\"b", "c\\d", "}", "`tick`"]);
    assert_eq!(Match::default().r#loop, None);
}

#[test]
fn members_of_several_types_or_none_are_any_json_value() {
    use m3ter_models::ValidateJson;
    // `type: [string, integer, null]` and an untyped array keyword, as generated.
    let mut w = widget();
    w.code = Some(serde_json::json!("ab"));
    w.extra = Some(serde_json::json!("not an array: minItems checks nothing"));
    assert_eq!(errors(&w), vec![]);
    w.code = Some(serde_json::json!(null));
    assert_eq!(errors(&w), vec![]);
    w.code = Some(serde_json::json!(100.0));
    w.extra = Some(serde_json::json!([]));
    assert_eq!(
        errors(&w),
        vec![
            at("/code", ErrorCode::Range),
            at("/extra", ErrorCode::Length)
        ]
    );
    let mut document = serde_json::to_value(widget()).unwrap();
    document["code"] = serde_json::json!(["a"]);
    document["extra"] = serde_json::json!([true, "no"]);
    let raw = Widget::validate_json(&document).unwrap_err();
    let typed: Widget = serde_json::from_value(document).unwrap();
    assert_eq!(Some(raw.clone()), typed.validate().err());
    let found: Vec<_> = raw
        .iter()
        .map(|e| (e.path().to_owned(), e.code()))
        .collect();
    assert_eq!(
        found,
        vec![
            at("/code", ErrorCode::Type),
            at("/extra/1", ErrorCode::Type)
        ]
    );
    assert_eq!(
        raw.as_slice()[0].params()["expected"],
        "integer, string or null"
    );
}

/// A `readOnly` member of a request body is `forbidden` there (`required` says so of
/// responses), on the typed and the raw path alike; nested in a type generated once (shared by
/// the request and the response), it is an annotation.
#[test]
fn read_only_members_of_a_request_body_are_forbidden() {
    use m3ter_models::ValidateJson;
    use m3ter_workspace_tests::read_only::{AccountResponse, CreateAccount, Owner, UpdateAccount};
    let raw =
        |value: &serde_json::Value,
         validate: fn(&serde_json::Value) -> Result<(), m3ter_models::ValidationErrors>| {
            validate(value)
                .err()
                .map(|e| {
                    e.iter()
                        .map(|e| (e.path().to_owned(), e.code()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
    // Without its read-only members, a request passes; `id` is no longer required.
    let request = json!({"name": "n", "password": "p", "owner": {"id": "o", "email": "a@b.c"}});
    assert_eq!(raw(&request, CreateAccount::validate_json), vec![]);
    assert_eq!(raw(&request, UpdateAccount::validate_json), vec![]);
    let typed: CreateAccount = serde_json::from_value(request).unwrap();
    assert_eq!(errors(&typed), vec![]);
    // With them, each is `forbidden`, its own keywords not checked (`id`'s `minLength: 3`).
    let request = json!({"id": "x", "name": "n", "createdAt": "2026-01-01"});
    let expected = vec![
        at("/id", ErrorCode::Forbidden),
        at("/createdAt", ErrorCode::Forbidden),
    ];
    assert_eq!(raw(&request, CreateAccount::validate_json), expected);
    assert_eq!(raw(&request, UpdateAccount::validate_json), expected);
    let typed: CreateAccount = serde_json::from_value(request.clone()).unwrap();
    assert_eq!(errors(&typed), expected);
    let typed: UpdateAccount = serde_json::from_value(request).unwrap();
    assert_eq!(errors(&typed), expected);
    let error = CreateAccount::validate_json(&json!({"id": "x", "name": "n"})).unwrap_err();
    assert_eq!(
        error.iter().next().unwrap().to_string(),
        "/id: must not be present on create"
    );
    // A response keeps them, required as the schema says.
    assert_eq!(
        raw(&json!({"id": "a"}), AccountResponse::validate_json),
        vec![]
    );
    assert_eq!(
        raw(&json!({"name": "n"}), AccountResponse::validate_json),
        vec![at("/id", ErrorCode::Required)]
    );
    // `Owner` is generated once, for the request and the response: its `id` is allowed.
    assert_eq!(raw(&json!({"id": "o"}), Owner::validate_json), vec![]);
}

/// `additionalProperties: false` without `properties`: an object without members, each member
/// it has an `unknown_field` error at its own pointer, on the raw path, through `from_slice`,
/// and after serde where serde takes the document; without a `type`, any other JSON value
/// passes.
#[test]
fn an_object_that_allows_no_members_reports_each_member_at_its_pointer() {
    use m3ter_models::ValidateJson;
    use m3ter_workspace_tests::no_members::{Sealed, SealedEmpty, SealedNestedInner};
    let raw = |value: &serde_json::Value| -> Vec<(String, ErrorCode)> {
        Sealed::validate_json(value)
            .err()
            .map(|e| e.iter().map(|e| (e.path().to_owned(), e.code())).collect())
            .unwrap_or_default()
    };
    let from_slice = |value: &serde_json::Value| -> Vec<(String, ErrorCode)> {
        m3ter_models::json::from_slice::<Sealed>(value.to_string().as_bytes())
            .err()
            .map(|e| e.iter().map(|e| (e.path().to_owned(), e.code())).collect())
            .unwrap_or_default()
    };
    for valid in [
        json!({}),
        json!({"empty": {}, "loose": {}, "nested": {"inner": {}}}),
        json!({"loose": 3}),
        json!({"loose": "x"}),
        json!({"loose": [1, {"a": 1}]}),
        json!({"loose": null}),
    ] {
        assert_eq!(raw(&valid), vec![], "{valid}");
        assert_eq!(from_slice(&valid), vec![], "{valid}");
        let typed: Sealed = serde_json::from_value(valid.clone()).unwrap();
        assert_eq!(errors(&typed), vec![], "{valid}");
    }
    let invalid = json!({
        "empty": {"a": 1, "b/~": null},
        "loose": {"x": {}},
        "nested": {"inner": {"z": []}}
    });
    let expected = vec![
        at("/empty/a", ErrorCode::UnknownField),
        at("/empty/b~1~0", ErrorCode::UnknownField),
        at("/loose/x", ErrorCode::UnknownField),
        at("/nested/inner/z", ErrorCode::UnknownField),
    ];
    assert_eq!(raw(&invalid), expected);
    assert_eq!(from_slice(&invalid), expected);
    // serde refuses each unknown member, as the raw path does.
    assert!(serde_json::from_value::<Sealed>(invalid).is_err());
    // Not an object where one is required: a `type` error at the member.
    assert_eq!(
        raw(&json!({"empty": [], "nested": {"inner": 1}})),
        vec![
            at("/empty", ErrorCode::Type),
            at("/nested/inner", ErrorCode::Type)
        ]
    );
    // The typed values are structs without fields.
    let _: (SealedEmpty, SealedNestedInner) = (SealedEmpty::new(), SealedNestedInner::new());
    let error = Sealed::validate_json(&json!({"empty": {"a": 1}})).unwrap_err();
    assert_eq!(
        error.iter().next().unwrap().to_string(),
        "/empty/a: is not a known field"
    );
}

/// `patternProperties` and `additionalProperties: {schema}` beside `properties`: the struct
/// keeps its other members in a map, each pattern checks every member whose name matches it
/// (the properties too), `additionalProperties` the members neither declared nor matched;
/// each error at the member's pointer with the same code and params on the raw path, through
/// `from_slice` and after serde. `additionalProperties: false` beside `patternProperties`:
/// each member neither declared nor matched a `not` error. `additionalProperties: {schema}` in
/// an `allOf` part: it checks the members other parts declare too (`Parts`).
#[test]
fn members_beside_the_properties_are_checked_by_the_patterns_and_additional_properties() {
    use m3ter_models::ValidateJson;
    use m3ter_workspace_tests::other_members::{Closed, Open, Parts};
    type Found = Vec<(String, ErrorCode, String)>;
    fn list(result: Result<(), m3ter_models::ValidationErrors>) -> Found {
        result
            .err()
            .map(|e| {
                e.iter()
                    .map(|e| {
                        let params = serde_json::to_string(&e.params()).unwrap_or_default();
                        (e.path().to_owned(), e.code(), params)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    fn every_path<T>(document: &serde_json::Value) -> Found
    where
        T: ValidateJson + Validate + serde::de::DeserializeOwned,
    {
        let raw = list(T::validate_json(document));
        let bytes = document.to_string();
        let from_slice = m3ter_models::json::from_slice::<T>(bytes.as_bytes()).map(|_| ());
        assert_eq!(list(from_slice), raw, "{document}");
        if let Ok(typed) = serde_json::from_value::<T>(document.clone()) {
            assert_eq!(list(typed.validate()), raw, "{document}");
        }
        raw
    }
    let e = |path: &str, code: ErrorCode, params: &str| (path.to_owned(), code, params.to_owned());
    // `fmt`'s default (`"abc"`, 3 characters) is not filled in: the pattern `^f` allows 2.
    let open: Open = serde_json::from_value(json!({"name": "n"})).unwrap();
    assert_eq!(open.fmt, None);
    assert_eq!(errors(&open), vec![]);
    for valid in [
        json!({"name": "n"}),
        json!({"name": "abcde", "fox": [1, 2], "fmt": "ab", "additional_properties": true,
               "fy": [1, 2, 3, 4], "x-any": "thing", "count": 1, "f": 9}),
    ] {
        assert_eq!(every_path::<Open>(&valid), Found::new(), "{valid}");
    }
    // The other members are kept, and written back; the map is named past the property
    // `additional_properties`.
    let open: Open = serde_json::from_value(json!({"name": "n", "count": 2, "x-a": null})).unwrap();
    assert_eq!(open.additional_properties_2.len(), 2);
    assert_eq!(open.additional_properties, None);
    assert_eq!(
        serde_json::to_value(&open).unwrap(),
        json!({"name": "n", "count": 2, "x-a": null})
    );
    assert_eq!(
        every_path::<Open>(&json!({
            "name": "abcdef", "fox": [1], "fmt": "abc", "fy": [], "count": 0, "q": "s", "x-q": "s"
        })),
        vec![
            // The property's own (`maxLength: 5`), then the object's: `additionalProperties`
            // over the other members in key order, then the pattern's.
            e(
                "/name",
                ErrorCode::Length,
                r#"{"actual":6,"max":5,"unit":"characters"}"#
            ),
            e(
                "/count",
                ErrorCode::Range,
                r#"{"actual":0,"bound":"minimum","limit":1}"#
            ),
            e(
                "/q",
                ErrorCode::Type,
                r#"{"actual":"string","expected":"integer"}"#
            ),
            e(
                "/fmt",
                ErrorCode::Length,
                r#"{"actual":3,"max":2,"unit":"characters"}"#
            ),
            e(
                "/fox",
                ErrorCode::Length,
                r#"{"actual":1,"min":2,"unit":"items"}"#
            ),
            e(
                "/fy",
                ErrorCode::Length,
                r#"{"actual":0,"min":2,"unit":"items"}"#
            ),
        ]
    );
    // A schema for the other members in one `allOf` part checks the members another part
    // declares (`label`), not its own (`id`) nor those its pattern matches (`flag`).
    for valid in [
        json!({}),
        json!({"label": "abc", "flag": 5, "id": 7, "z": "xy"}),
    ] {
        assert_eq!(every_path::<Parts>(&valid), Found::new(), "{valid}");
    }
    assert_eq!(
        every_path::<Parts>(&json!({"label": "abcd", "flag": [], "id": 1, "z": "long!", "w": 1})),
        vec![
            // `label`'s own `minLength: 1` with the other schema's `maxLength: 3`.
            e(
                "/label",
                ErrorCode::Length,
                r#"{"actual":4,"max":3,"min":1,"unit":"characters"}"#
            ),
            e(
                "/w",
                ErrorCode::Type,
                r#"{"actual":"integer","expected":"string"}"#
            ),
            e(
                "/z",
                ErrorCode::Length,
                r#"{"actual":5,"max":3,"unit":"characters"}"#
            ),
        ]
    );
    for valid in [json!({}), json!({"a": 1, "v": "s", "vv": ""})] {
        assert_eq!(every_path::<Closed>(&valid), Found::new(), "{valid}");
    }
    assert_eq!(
        every_path::<Closed>(&json!({"a": 1, "b": 2, "v": 3, "w~": {}})),
        vec![
            e("/b", ErrorCode::Not, "{}"),
            e("/w~0", ErrorCode::Not, "{}"),
            e(
                "/v",
                ErrorCode::Type,
                r#"{"actual":"integer","expected":"string"}"#
            ),
        ]
    );
}

/// `foo bar`, `foo_bar` and `FooBar2` all derive the type name `SFooBar2`-ish names for their
/// inline types: each gets a distinct one, numbered in the members' order (`foo_bar` is the
/// second `foo_bar` field, so its type is `SFooBar2`; `FooBar2`'s own `SFooBar2` is then taken
/// and moves to `SFooBar2_2`), and an inline type named like a component (`T`'s `foo`, `TFoo`)
/// moves while the component keeps its name. Documents keep their wire names, and both paths
/// report the same errors at the wire names' pointers.
#[test]
fn inline_types_whose_names_collide_get_numbered_names() {
    use m3ter_models::ValidateJson;
    use m3ter_workspace_tests::colliding_names::{
        S, SFooBar, SFooBar2, SFooBar2_2, SFooBar2Kind, T, TFoo, TFoo2,
    };
    let s = S {
        foo_bar: SFooBar::new(1),
        foo_bar_2: Some(SFooBar2 {
            kind: Some(SFooBar2Kind::X),
            note: Some("ab".to_owned()),
        }),
        foo_bar2: Some(SFooBar2_2::B),
    };
    let value = serde_json::to_value(&s).unwrap();
    assert_eq!(
        value,
        json!({"foo bar": {"n": 1}, "foo_bar": {"kind": "x", "note": "ab"}, "FooBar2": "b"})
    );
    assert_eq!(serde_json::from_value::<S>(value.clone()).unwrap(), s);
    assert_eq!(errors(&s), vec![]);
    assert!(S::validate_json(&value).is_ok());
    let t = T {
        foo: Some(TFoo2 {
            label: Some("xy".to_owned()),
        }),
    };
    assert_eq!(
        serde_json::to_value(&t).unwrap(),
        json!({"foo": {"label": "xy"}})
    );
    assert_eq!(
        serde_json::to_value(TFoo { id: Some(3) }).unwrap(),
        json!({"id": 3})
    );

    fn raw<V: ValidateJson>(document: &serde_json::Value) -> Vec<(String, ErrorCode)> {
        V::validate_json(document)
            .err()
            .map(|e| e.iter().map(|e| (e.path().to_owned(), e.code())).collect())
            .unwrap_or_default()
    }
    // Values the types hold, that their keywords refuse: the same errors on both paths.
    let invalid =
        json!({"foo bar": {"n": 0}, "foo_bar": {"kind": "y", "note": "abc"}, "FooBar2": "a"});
    let expected = vec![
        at("/foo bar/n", ErrorCode::Range),
        at("/foo_bar/note", ErrorCode::Length),
    ];
    let typed: S = serde_json::from_value(invalid.clone()).unwrap();
    assert_eq!(errors(&typed), expected);
    assert_eq!(raw::<S>(&invalid), expected);
    let bytes = serde_json::to_vec(&invalid).unwrap();
    let from_slice: Vec<_> = m3ter_models::json::from_slice::<S>(&bytes)
        .unwrap_err()
        .iter()
        .map(|e| (e.path().to_owned(), e.code()))
        .collect();
    assert_eq!(from_slice, expected);
    // Values outside the enums: errors at the wire names' pointers on the raw path.
    let outside = json!({"foo bar": {"n": 1}, "foo_bar": {"kind": "z"}, "FooBar2": "c"});
    let expected = vec![
        at("/foo_bar/kind", ErrorCode::Enum),
        at("/FooBar2", ErrorCode::Enum),
    ];
    assert_eq!(raw::<S>(&outside), expected);
    assert!(serde_json::from_value::<S>(outside).is_err());
    let t_invalid = json!({"foo": {"label": "x"}});
    let typed: T = serde_json::from_value(t_invalid.clone()).unwrap();
    assert_eq!(errors(&typed), vec![at("/foo/label", ErrorCode::Length)]);
    assert_eq!(
        raw::<T>(&t_invalid),
        vec![at("/foo/label", ErrorCode::Length)]
    );
}

/// `A`'s `bc_x` and `ABc`'s `x` (the inline type of `A`'s `bc`) both have a spec default: the
/// functions that give them are each its struct's own, so they do not collide (module-level
/// ones were both `__default_a_bc_x`), and each member gets its own default.
#[test]
fn defaults_of_members_whose_names_collide_are_their_own() {
    use m3ter_workspace_tests::colliding_names::{A, ABc};
    assert_eq!(A::new().bc_x, Some(2));
    assert_eq!(ABc::new().x, Some(1));
    let read: A = serde_json::from_value(json!({"bc": {}})).unwrap();
    assert_eq!(read.bc_x, Some(2));
    assert_eq!(read.bc, Some(ABc { x: Some(1) }));
    let bytes = br#"{"bc": {}}"#;
    let raw = m3ter_models::json::from_slice::<A>(bytes).unwrap();
    assert_eq!(*raw, read);
}
