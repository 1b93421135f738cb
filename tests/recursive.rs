//! Recursive types: a component on a `$ref` cycle (`fixtures/generator/recursive.openapi.json`),
//! generated with its recursive members boxed, checked on the typed path (serde +
//! `validate()`), the raw path (`validate_json`) and `json::from_slice` with the same errors;
//! descriptors, JSON Schema and strategies that do not recurse forever; documents nested past
//! serde_json's limit refused alike on every path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::describe::Kind;
use m3ter_models::{Describe, ErrorCode, Validate, ValidateJson};
use m3ter_workspace_tests::recursive::{Condition, Filter, Group, Left, Node, Right, Shape};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn at(path: &str, code: ErrorCode) -> (String, ErrorCode) {
    (path.to_owned(), code)
}

/// The errors of `document` as a `T` on each path: serde then `validate()` (when serde reads
/// it), `validate_json`, and `json::from_slice`. All three must be the same list.
fn errors_on_every_path<T>(document: &Value) -> Vec<(String, ErrorCode)>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    let list = |errors: &m3ter_models::ValidationErrors| -> Vec<(String, ErrorCode)> {
        errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect()
    };
    let raw = T::validate_json(document)
        .err()
        .map(|e| list(&e))
        .unwrap_or_default();
    let bytes = serde_json::to_vec(document).unwrap();
    let sliced = m3ter_models::json::from_slice::<T>(&bytes)
        .err()
        .map(|e| list(&e))
        .unwrap_or_default();
    assert_eq!(
        raw, sliced,
        "validate_json and from_slice disagree on {document}"
    );
    if let Ok(typed) = serde_json::from_value::<T>(document.clone()) {
        let typed = typed.validate().err().map(|e| list(&e)).unwrap_or_default();
        assert_eq!(
            raw, typed,
            "the raw and the typed path disagree on {document}"
        );
    }
    raw
}

#[test]
fn a_recursive_component_is_boxed_where_it_holds_itself() {
    // `next` holds a `Node` in place: boxed. `children` holds them in a `Vec`: no box needed.
    let leaf = Node::new("c");
    let node = Node {
        children: Some(vec![leaf.clone()]),
        next: Some(Box::new(Node::new("d"))),
        ..Node::new("b")
    };
    assert_eq!(
        serde_json::to_value(&node).unwrap(),
        json!({"name": "b", "children": [{"name": "c"}], "next": {"name": "d"}})
    );
    // Mutual recursion: `Condition.within` (required) is a boxed `Filter`, whose `unless` is a
    // boxed `Condition`.
    let condition = Condition::new(Box::new(Filter::new()));
    assert!(condition.validate().is_ok());
    let filter = Filter {
        unless: Some(Box::new(condition)),
        ..Filter::new()
    };
    assert_eq!(
        serde_json::to_value(&filter).unwrap(),
        json!({"unless": {"within": {}}})
    );
}

#[test]
fn nested_errors_are_found_at_depth_on_every_path() {
    let valid = json!({
        "name": "a",
        "children": [{"name": "b", "children": [{"name": "c"}, {"name": "d", "next": {"name": "e"}}]}],
        "next": {"name": "f", "next": {"name": "g"}}
    });
    assert_eq!(errors_on_every_path::<Node>(&valid), vec![]);
    let invalid = json!({
        "name": "a",
        "children": [{"name": "b", "children": [{"name": "c"}, {"name": ""}]}],
        "next": {"name": "f", "next": {"name": "ninechars", "children": [{"name": "h"}, {"name": "i"}, {"name": "j"}, {"name": "k"}]}}
    });
    assert_eq!(
        errors_on_every_path::<Node>(&invalid),
        vec![
            at("/children/0/children/1/name", ErrorCode::Length),
            at("/next/next/name", ErrorCode::Length),
            at("/next/next/children", ErrorCode::Length),
        ]
    );
    // What serde decides, at depth: a missing `name`, an unknown member, a wrong type.
    let shapes = json!({
        "name": "a",
        "children": [{"name": "b", "children": [{}, {"name": "c", "extra": 1}]}],
        "next": {"name": "f", "next": []}
    });
    assert_eq!(
        errors_on_every_path::<Node>(&shapes),
        vec![
            at("/children/0/children/0/name", ErrorCode::Required),
            at("/children/0/children/1/extra", ErrorCode::UnknownField),
            at("/next/next", ErrorCode::Type),
        ]
    );
    // Through the mutual recursion: `within` is required in every `Condition`.
    let filter = json!({"all": [{"unless": {"within": {"unless": {"equals": 11}}}}]});
    assert_eq!(
        errors_on_every_path::<Filter>(&filter),
        vec![
            at("/all/0/unless/within/unless/equals", ErrorCode::Range),
            at("/all/0/unless/within/unless/within", ErrorCode::Required),
        ]
    );
}

/// A discriminated union whose variant holds the union again (`Group.first`, boxed, and
/// `Group.members`, a list).
#[test]
fn a_union_that_holds_itself_through_a_variant() {
    let document = json!({"kind": "group", "members": [
        {"kind": "circle", "radius": 1},
        {"kind": "group", "first": {"kind": "circle", "radius": -1}, "members": [{"kind": "square"}]}
    ]});
    assert_eq!(
        errors_on_every_path::<Shape>(&document),
        vec![
            at("/members/1/members/0/kind", ErrorCode::Enum),
            at("/members/1/first/radius", ErrorCode::Range),
        ]
    );
    // A variant whose one required member is its tag: `new()` takes nothing, and `Default`
    // is the same value.
    assert_eq!(Group::default(), Group::new());
    assert_eq!(
        serde_json::to_value(Shape::from(Group::new())).unwrap(),
        json!({"kind": "group"})
    );
    let valid = json!({"kind": "group", "first": {"kind": "group", "members": []}});
    assert_eq!(errors_on_every_path::<Shape>(&valid), vec![]);
    let mut runner = TestRunner::deterministic();
    let strategy = m3ter_models::strategies::valid::<Shape>();
    for _ in 0..32 {
        let shape = strategy.new_tree(&mut runner).unwrap().current();
        assert!(shape.validate().is_ok(), "{shape:?}");
    }
}

/// Two types that hold each other in lists only, neither taking other members (each one's
/// typed parse exact, which is then not defined through the other's).
#[test]
fn types_that_hold_each_other_in_lists_compile_and_check() {
    assert_eq!(
        errors_on_every_path::<Left>(&json!({"label": "ab"})),
        vec![]
    );
    assert_eq!(
        errors_on_every_path::<Left>(&json!({"label": "abcd"})),
        vec![at("/label", ErrorCode::Length)]
    );
    let document = json!({"rights": [{"lefts": [{"label": "a"}, {"rights": [{"lefts": [{"label": "long"}]}, {"x": 1}]}]}]});
    assert_eq!(
        errors_on_every_path::<Left>(&document),
        vec![
            at(
                "/rights/0/lefts/1/rights/0/lefts/0/label",
                ErrorCode::Length
            ),
            at("/rights/0/lefts/1/rights/1/x", ErrorCode::UnknownField),
        ]
    );
    let right: Right = serde_json::from_value(json!({"lefts": [{"rights": []}]})).unwrap();
    assert!(right.validate().is_ok());
}

/// A chain of `depth` nodes, each the `next` of the one before.
fn chain(depth: usize) -> String {
    let mut text = String::new();
    for _ in 0..depth {
        text.push_str(r#"{"name": "n", "next": "#);
    }
    text.push_str(r#"{"name": "end"}"#);
    text.push_str(&"}".repeat(depth));
    text
}

#[test]
fn deep_documents_get_one_verdict_and_never_exhaust_the_stack() {
    // Within serde_json's limit (127 arrays or objects inside each other): valid everywhere.
    let deep = chain(120);
    let value: Value = serde_json::from_str(&deep).unwrap();
    assert_eq!(errors_on_every_path::<Node>(&value), vec![]);
    assert!(m3ter_models::json::from_slice::<Node>(deep.as_bytes()).is_ok());
    // An error at the bottom is found at its pointer.
    let broken = deep.replace(r#""end""#, r#""""#);
    let value: Value = serde_json::from_str(&broken).unwrap();
    let pointer = format!("{}/name", "/next".repeat(120));
    assert_eq!(
        errors_on_every_path::<Node>(&value),
        vec![(pointer, ErrorCode::Length)]
    );
    // 10,000 deep: a `syntax` error from the parse on the raw path (`from_slice`, and the
    // parse `validate_json` is given its value by), and serde refuses it on the typed path.
    let too_deep = chain(10_000);
    let errors = m3ter_models::json::from_slice::<Node>(too_deep.as_bytes()).unwrap_err();
    let errors: Vec<_> = errors.iter().collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), ErrorCode::Syntax);
    assert_eq!(errors[0].path(), "");
    assert!(
        errors[0].to_string().contains("nested too deeply"),
        "{}",
        errors[0]
    );
    let parsed = m3ter_models::json::parse_value(too_deep.as_bytes()).unwrap_err();
    assert_eq!(parsed.code(), ErrorCode::Syntax);
    assert_eq!(parsed.to_string(), errors[0].to_string());
    let typed = serde_json::from_str::<Node>(&too_deep).unwrap_err();
    assert!(
        typed.to_string().contains("recursion limit exceeded"),
        "{typed}"
    );
}

#[test]
fn descriptors_refer_to_themselves_without_recursing() {
    let Kind::Object(spec) = &<Node as Describe>::KIND else {
        panic!("an object type");
    };
    assert_eq!(spec.name, "Node");
    let names: Vec<&str> = spec.fields.iter().map(|f| f.wire_name).collect();
    assert_eq!(names, ["name", "children", "next"]);
    // `children`: a list of the type itself; `next`: the type itself, read when needed.
    let Kind::Array(item) = spec.fields[1].kind.resolved() else {
        panic!("a list");
    };
    assert!(matches!(item, Kind::Object(inner) if inner.name == "Node"));
    assert!(matches!(spec.fields[2].kind.resolved(), Kind::Object(inner) if inner.name == "Node"));
    assert!(!spec.fields[2].required);
}

#[test]
fn the_json_schema_refers_to_the_definition() {
    let schema = serde_json::to_value(schemars::schema_for!(Node)).unwrap();
    assert_eq!(schema["properties"]["next"]["$ref"], json!("#"), "{schema}");
    assert_eq!(
        schema["properties"]["children"]["items"]["$ref"],
        json!("#"),
        "{schema}"
    );
    assert_eq!(schema["properties"]["name"]["minLength"], json!(1));
    let schema = serde_json::to_value(schemars::schema_for!(Filter)).unwrap();
    assert_eq!(
        schema["$defs"]["Condition"]["properties"]["within"]["$ref"],
        json!("#"),
        "{schema}"
    );
    assert_eq!(
        schema["properties"]["unless"]["$ref"],
        json!("#/$defs/Condition"),
        "{schema}"
    );
}

/// How deep objects nest in `value`.
fn depth(value: &Value) -> usize {
    match value {
        Value::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
        Value::Array(items) => items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[test]
fn strategies_draw_recursive_types_to_a_bounded_depth() {
    let mut runner = TestRunner::deterministic();
    let valid = m3ter_models::strategies::valid_json(
        &<Node as Describe>::KIND,
        &m3ter_models::describe::Constraints::NONE,
    );
    let mut deepest = 0;
    for _ in 0..64 {
        let document = valid.new_tree(&mut runner).unwrap().current();
        deepest = deepest.max(depth(&document));
        assert_eq!(
            errors_on_every_path::<Node>(&document),
            vec![],
            "{document}"
        );
    }
    // Past the first level, and never past the limit (4 objects, then members that hold
    // none, and a required `within` that is an object).
    assert!((2..=6).contains(&deepest), "{deepest}");
    let filters = m3ter_models::strategies::valid_json(
        &<Filter as Describe>::KIND,
        &m3ter_models::describe::Constraints::NONE,
    );
    for _ in 0..64 {
        let document = filters.new_tree(&mut runner).unwrap().current();
        assert!(depth(&document) <= 8, "{document}");
        assert_eq!(
            errors_on_every_path::<Filter>(&document),
            vec![],
            "{document}"
        );
    }
    // Labelled broken documents: each gets its label's error on every path.
    let invalid = m3ter_models::strategies::invalid::<Node>();
    for _ in 0..64 {
        let (document, broken) = invalid.new_tree(&mut runner).unwrap().current();
        let errors = errors_on_every_path::<Node>(&document);
        assert!(
            errors.contains(&(broken.path.clone(), broken.code)),
            "{document}: {broken:?} not in {errors:?}"
        );
    }
}

/// References back into the schema that holds them
/// (`fixtures/generator/self-reference.openapi.json`): each target a type of its own, named
/// from where it sits, the recursion through it as through a component.
#[test]
fn a_reference_back_into_its_own_schema_is_a_type_of_its_own() {
    use m3ter_workspace_tests::self_reference::{Expr, Formula, Loose, LooseValue, Tree, TreeRoot};
    // `#/components/schemas/Tree/properties/root`, from inside `root`: `TreeRoot`.
    let tree = Tree::new(TreeRoot {
        children: Some(vec![TreeRoot::new("b")]),
        ..TreeRoot::new("a")
    });
    assert!(tree.validate().is_ok());
    let document = json!({"root": {"name": "a", "children": [
        {"name": "b", "children": [{"name": "c"}, {"name": "", "children": [{"name": "e", "x": 1}]}]}
    ]}});
    assert_eq!(
        errors_on_every_path::<Tree>(&document),
        vec![
            at("/root/children/0/children/1/name", ErrorCode::Length),
            at(
                "/root/children/0/children/1/children/0/x",
                ErrorCode::UnknownField
            ),
        ]
    );
    // `#/$defs/Expr`, from inside `Expr`: `Expr`.
    let formula =
        json!({"expr": {"op": "+", "args": [{"op": "x"}, {"op": "", "args": [{"args": []}]}]}});
    assert_eq!(
        errors_on_every_path::<Formula>(&formula),
        vec![
            at("/expr/args/1/op", ErrorCode::Length),
            at("/expr/args/1/args/0/op", ErrorCode::Required),
        ]
    );
    assert!(Formula::new(Expr::new("x")).validate().is_ok());
    // The suite's "root pointer ref": `foo` is any value, whose objects are the schema again
    // (`properties` without `type`), with no other member.
    for valid in [
        json!({"value": {"foo": false}}),
        json!({"value": {"foo": {"foo": false}}}),
        json!({"value": {"foo": {"foo": {"foo": 3}}}}),
        json!({"value": 12}),
    ] {
        assert_eq!(errors_on_every_path::<Loose>(&valid), vec![], "{valid}");
    }
    assert_eq!(
        errors_on_every_path::<Loose>(&json!({"value": {"bar": false}})),
        vec![at("/value/bar", ErrorCode::UnknownField)]
    );
    assert_eq!(
        errors_on_every_path::<Loose>(&json!({"value": {"foo": {"foo": {"bar": false}}}})),
        vec![at("/value/foo/foo/bar", ErrorCode::UnknownField)]
    );
    let read: Loose = serde_json::from_value(json!({"value": {"foo": {"foo": 1}}})).unwrap();
    let m3ter_models::ObjectOr::Object(value) = read.value.unwrap() else {
        panic!("an object");
    };
    let LooseValue { foo: Some(foo), .. } = value else {
        panic!("`foo` is there");
    };
    assert!(matches!(
        *foo,
        m3ter_models::ObjectOr::Object(LooseValue { foo: Some(_), .. })
    ));
    // The JSON Schema refers to the definition; the strategies stop at a bounded depth, an
    // object of `LooseValue` or any other value.
    let schema = serde_json::to_value(schemars::schema_for!(Loose)).unwrap();
    let foo = &schema["$defs"]["LooseValue"]["properties"]["foo"]["anyOf"][0];
    assert_eq!(foo["$ref"], json!("#/$defs/LooseValue"), "{schema}");
    let mut runner = TestRunner::deterministic();
    let strategy = m3ter_models::strategies::valid_json(
        &<Loose as Describe>::KIND,
        &m3ter_models::describe::Constraints::NONE,
    );
    let invalid = m3ter_models::strategies::invalid::<Tree>();
    for _ in 0..64 {
        let document = strategy.new_tree(&mut runner).unwrap().current();
        assert!(depth(&document) <= 6, "{document}");
        assert_eq!(
            errors_on_every_path::<Loose>(&document),
            vec![],
            "{document}"
        );
        let (document, broken) = invalid.new_tree(&mut runner).unwrap().current();
        let errors = errors_on_every_path::<Tree>(&document);
        assert!(
            errors.contains(&(broken.path.clone(), broken.code)),
            "{document}: {broken:?} not in {errors:?}"
        );
    }
}

/// A user's own recursive type: `Vec<Self>` and `Option<Box<Self>>` with `#[spec]` keywords.
#[m3ter_models::model]
#[derive(Debug, serde::Serialize, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[spec(json, json_schema)]
struct Category {
    #[spec(min_length = 1, max_length = 10)]
    display_name: String,
    #[spec(nested, max_items = 2)]
    children: Vec<Self>,
    #[spec(nested)]
    parent_category: Option<Box<Category>>,
}

#[test]
fn the_derive_takes_a_users_recursive_type() {
    let document = json!({
        "displayName": "a",
        "children": [
            {"displayName": "b", "children": [{"displayName": "c", "children": []}, {"displayName": "", "children": [], "parentCategory": {"displayName": "p", "children": [1]}}]}
        ],
        "parentCategory": {"displayName": "root", "children": [], "parentCategory": {"displayName": "elevenchars", "children": [{"displayName": "x", "children": []}, {"displayName": "y", "children": []}, {"displayName": "z", "children": []}]}}
    });
    assert_eq!(
        errors_on_every_path::<Category>(&document),
        vec![
            at("/children/0/children/1/displayName", ErrorCode::Length),
            at(
                "/children/0/children/1/parentCategory/children/0",
                ErrorCode::Type
            ),
            at(
                "/parentCategory/parentCategory/displayName",
                ErrorCode::Length
            ),
            at("/parentCategory/parentCategory/children", ErrorCode::Length),
        ]
    );
    let valid = json!({"displayName": "a", "children": [{"displayName": "b", "children": []}], "parentCategory": {"displayName": "c", "children": []}});
    assert_eq!(errors_on_every_path::<Category>(&valid), vec![]);
    // The descriptor, the JSON Schema and the strategies stop where the type refers to itself.
    let Kind::Object(spec) = &<Category as Describe>::KIND else {
        panic!("an object type");
    };
    assert!(
        matches!(spec.fields[1].kind.resolved(), Kind::Array(Kind::Object(inner)) if inner.name == "Category")
    );
    let schema = serde_json::to_value(schemars::schema_for!(Category)).unwrap();
    assert_eq!(
        schema["properties"]["children"]["items"]["$ref"],
        json!("#"),
        "{schema}"
    );
    assert_eq!(
        schema["properties"]["children"]["maxItems"],
        json!(2),
        "{schema}"
    );
    assert_eq!(
        schema["properties"]["parentCategory"]["$ref"],
        json!("#"),
        "{schema}"
    );
    let mut runner = TestRunner::deterministic();
    let valid = m3ter_models::strategies::valid::<Category>();
    let invalid = m3ter_models::strategies::invalid::<Category>();
    for _ in 0..32 {
        let category = valid.new_tree(&mut runner).unwrap().current();
        assert!(category.validate().is_ok(), "{category:?}");
        let document = serde_json::to_value(&category).unwrap();
        assert!(depth(&document) <= 6, "{document}");
        let (document, broken) = invalid.new_tree(&mut runner).unwrap().current();
        let errors = errors_on_every_path::<Category>(&document);
        assert!(
            errors.contains(&(broken.path.clone(), broken.code)),
            "{document}: {broken:?} not in {errors:?}"
        );
    }
}

/// A type whose every object holds two more (two lists of at least one of itself): no finite
/// document has it, and neither its strategies: they say so at once, rather than building a
/// strategy for each of the 2^32 objects down to their last depth.
#[m3ter_models::model]
#[derive(Debug, serde::Serialize, serde::Deserialize, Validate)]
#[spec(json)]
struct Bush {
    #[spec(nested, min_items = 1)]
    left: Vec<Self>,
    #[spec(nested, min_items = 1)]
    right: Vec<Self>,
}

#[test]
fn strategies_of_a_type_no_finite_document_has_are_built_at_once() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let strategy = m3ter_models::strategies::valid::<Bush>();
        let drawn = strategy.new_tree(&mut TestRunner::deterministic()).is_ok();
        let invalid = m3ter_models::strategies::invalid::<Bush>();
        let broken = invalid.new_tree(&mut TestRunner::deterministic()).is_ok();
        let _ = done.send(drawn || broken);
    });
    let drawn = finished
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the strategies of `Bush` are built within 20 s");
    assert!(!drawn, "no finite `Bush` is drawn, valid or broken");
}
