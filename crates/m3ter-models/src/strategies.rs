//! Proptest strategies for valid and invalid requests (feature `proptest`).
//!
//! Built from the descriptors `#[derive(Validate)]` emits ([`Describe`]), so they follow the
//! spec: a new member or bound needs no edit here. Valid values are generated as JSON and
//! deserialized into the typed model; invalid ones are JSON documents labelled with the one
//! constraint they were made to break. A map's members are values of its value type
//! ([`Kind::Map`]), within `additional_properties(...)` and that type's own keywords.
//!
//! ```
//! use m3ter_models::strategies;
//! use m3ter_models::Validate;
//! use proptest::prelude::*;
//!
//! // A downstream crate tests its own code on any valid create request, S3 or GCS (in its
//! // tests, with `proptest!` and `#[test]`; run directly here).
//! use m3ter_models::CreateExportDestinationRequest as Request;
//! let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(16));
//! runner
//!     .run(&strategies::create_request(), |request| {
//!         prop_assert!(request.validate().is_ok());
//!         let bucket = match &request {
//!             Request::S3(s3) => &s3.bucket_name,
//!             Request::Gcs(gcs) => &gcs.bucket_name,
//!         };
//!         prop_assert!(!bucket.is_empty());
//!         Ok(())
//!     })
//!     .unwrap();
//!
//! // Invalid documents come labelled with the error they must produce.
//! runner
//!     .run(&strategies::invalid_create_request(), |(document, broken)| {
//!         let errors = m3ter_models::json::validate_value(
//!             &document,
//!             m3ter_models::json::Operation::Create,
//!             m3ter_models::json::Profile::Default,
//!         )
//!         .unwrap_err();
//!         prop_assert!(errors.iter().any(|e| e.path() == broken.path && e.code() == broken.code));
//!         Ok(())
//!     })
//!     .unwrap();
//! ```

use std::fmt::Debug;

use proptest::prelude::*;
use proptest::sample::select;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::describe::{
    Constraints, Describe, FieldSpec, Kind, TypeSpec, UnionSpec, UnionVariantSpec,
};
use crate::error::ErrorCode;
use crate::formats;
use m3ter_vocab::{Format, JsonType, Keyword, Types};

use crate::rules::{Number, Pattern};
use crate::{
    CreateExportDestinationRequest, ExportDestinationResponse, UpdateExportDestinationRequest,
};

/// Any valid create request.
pub fn create_request() -> BoxedStrategy<CreateExportDestinationRequest> {
    valid::<CreateExportDestinationRequest>()
}

/// Any valid update request.
pub fn update_request() -> BoxedStrategy<UpdateExportDestinationRequest> {
    valid::<UpdateExportDestinationRequest>()
}

/// Any response the server could send.
pub fn response() -> BoxedStrategy<ExportDestinationResponse> {
    valid::<ExportDestinationResponse>()
}

/// A create request document that breaks exactly one constraint, and which.
pub fn invalid_create_request() -> BoxedStrategy<(Value, Broken)> {
    invalid::<CreateExportDestinationRequest>()
}

/// An update request document that breaks exactly one constraint, and which.
pub fn invalid_update_request() -> BoxedStrategy<(Value, Broken)> {
    invalid::<UpdateExportDestinationRequest>()
}

/// The constraint an invalid document breaks: the error validation must report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The JSON Pointer of the error.
    pub path: String,
    /// Its code.
    pub code: ErrorCode,
}

/// Any valid value of a type deriving `Validate` with `#[spec(json)]`.
pub fn valid<T: Describe + DeserializeOwned + Debug + 'static>() -> BoxedStrategy<T> {
    valid_json(&T::KIND, &Constraints::NONE)
        .prop_filter_map("the model accepts what its descriptor allows", |value| {
            serde_json::from_value(value).ok()
        })
        .boxed()
}

/// Any valid JSON value of `kind` under `constraints`.
///
/// Under `not`, `if`, `allOf`, `anyOf`, `oneOf` or `prefixItems`, values are drawn without them and
/// those they refuse are dropped, decided here for the keywords of one value (through the
/// runtime's rules; an object's members one by one). Under a nested schema with a keyword of
/// items, a list cannot be decided here: the strategy draws nothing then, and proptest stops
/// with that reason (write that member's strategy by hand).
pub fn valid_json(kind: &'static Kind, constraints: &'static Constraints) -> BoxedStrategy<Value> {
    under_applicators(drawn(kind, constraints), constraints)
}

/// `values` held to the applicators of `constraints` (`not`, `if`, `anyOf`, `oneOf`), where it
/// has any: those they refuse are dropped ([`applicators_hold`]).
fn under_applicators(
    values: BoxedStrategy<Value>,
    constraints: &'static Constraints,
) -> BoxedStrategy<Value> {
    if constraints.not.is_none()
        && constraints.if_schema.is_none()
        && constraints.all_of.is_none()
        && constraints.any_of.is_none()
        && constraints.one_of.is_none()
        && constraints.prefix_items.is_none()
    {
        return values;
    }
    values
        .prop_filter(
            "the strategies decide `not`, `if`, `allOf`, `anyOf`, `oneOf` and `prefixItems` of the keywords of one value and an object's members only (not of a list's items): write this member's strategy by hand",
            move |value| applicators_hold(value, constraints) == Some(true),
        )
        .boxed()
}

/// Whether `value` passes the applicators of `constraints` (`not`, `if` with `then` and
/// `else`, `allOf`, `anyOf`, `oneOf`), as [`satisfies`] decides them.
fn applicators_hold(value: &Value, constraints: &Constraints) -> Option<bool> {
    let not = match constraints.not {
        Some(not) => !satisfies(value, not)?,
        None => true,
    };
    let conditional = match constraints.if_schema {
        Some(condition) => {
            let branch = if satisfies(value, condition)? {
                constraints.then_schema
            } else {
                constraints.else_schema
            };
            match branch {
                Some(branch) => satisfies(value, branch)?,
                None => true,
            }
        }
        None => true,
    };
    let matched = |schemas: &[Constraints]| -> Option<usize> {
        let mut count = 0;
        for schema in schemas {
            count += usize::from(satisfies(value, schema)?);
        }
        Some(count)
    };
    let all_of = match constraints.all_of {
        Some(schemas) => matched(schemas)? == schemas.len(),
        None => true,
    };
    let any_of = match constraints.any_of {
        Some(schemas) => matched(schemas)? > 0,
        None => true,
    };
    let one_of = match constraints.one_of {
        Some(schemas) => matched(schemas)? == 1,
        None => true,
    };
    let mut prefix = true;
    if let (Some(schemas), Some(items)) = (constraints.prefix_items, value.as_array()) {
        for (item, schema) in items.iter().zip(schemas) {
            prefix &= satisfies(item, schema)?;
        }
    }
    Some(not && conditional && all_of && any_of && one_of && prefix)
}

/// Whether `value` satisfies the nested schema `schema` (`not`'s, `if`'s, ...), through the
/// runtime's rules (an object's keywords member by member); `None` for a list under a keyword
/// of items, which is not decided here.
fn satisfies(value: &Value, schema: &Constraints) -> Option<bool> {
    use crate::rules::{NumberField, count_chars_within, is_multiple_of, json_equal};
    let mut holds = true;
    for (keyword, _) in schema.iter() {
        holds &= match keyword {
            Keyword::Type => schema
                .types()
                .is_none_or(|types| types.accepts(crate::rules::json_schema_type(value))),
            Keyword::MinLength | Keyword::MaxLength => value.as_str().is_none_or(|s| {
                count_chars_within(s, schema.min_length, schema.max_length).is_ok()
            }),
            Keyword::Pattern => value.as_str().is_none_or(|s| {
                schema
                    .pattern
                    .is_none_or(|pattern| Pattern::new(pattern).is_match(s))
            }),
            Keyword::Format => value.as_str().is_none_or(|s| {
                schema
                    .format
                    .is_none_or(|format| formats::check(format, s).is_ok())
            }),
            Keyword::Minimum
            | Keyword::Maximum
            | Keyword::ExclusiveMinimum
            | Keyword::ExclusiveMaximum => {
                value.number_value().is_none() || within_range(value, schema)
            }
            Keyword::MultipleOf => value.number_value().is_none_or(|n| {
                schema
                    .multiple_of
                    .is_none_or(|divisor| is_multiple_of(n, divisor))
            }),
            Keyword::Const | Keyword::Enum => listed_values(schema)
                .is_none_or(|values| values.iter().any(|v| json_equal(v, value))),
            Keyword::Not
            | Keyword::If
            | Keyword::AllOf
            | Keyword::AnyOf
            | Keyword::OneOf
            | Keyword::PrefixItems => applicators_hold(value, schema)?,
            // Decided with `if`.
            Keyword::Then | Keyword::Else => true,
            Keyword::MinItems
            | Keyword::MaxItems
            | Keyword::UniqueItems
            | Keyword::Items
            | Keyword::Contains
            | Keyword::MinContains
            | Keyword::MaxContains => {
                if value.is_array() {
                    return None;
                }
                true
            }
            // On an object, decided member by member (a member's nested schema with keywords
            // of a list is not: `None`); any other value has no members.
            Keyword::MinProperties | Keyword::MaxProperties => on_object(value, |object| {
                let count = object.len() as u64;
                Some(
                    schema.min_properties.is_none_or(|min| count >= min)
                        && schema.max_properties.is_none_or(|max| count <= max),
                )
            })?,
            Keyword::DependentRequired => on_object(value, |object| {
                Some(dependent_required(schema).iter().all(|(name, required)| {
                    !object.contains_key(name) || required.iter().all(|r| object.contains_key(r))
                }))
            })?,
            Keyword::RequiredMembers => on_object(value, |object| {
                Some(
                    required_members(schema)
                        .iter()
                        .all(|name| object.contains_key(name)),
                )
            })?,
            Keyword::Properties => on_object(value, |object| {
                all_satisfy(
                    schema
                        .properties
                        .unwrap_or(&[])
                        .iter()
                        .filter_map(|(name, inner)| Some((object.get(*name)?, *inner))),
                )
            })?,
            Keyword::PatternProperties => on_object(value, |object| {
                let patterns: Vec<(Pattern, &Constraints)> = schema
                    .pattern_properties
                    .unwrap_or(&[])
                    .iter()
                    .map(|(pattern, inner)| (Pattern::new(pattern), *inner))
                    .collect();
                all_satisfy(object.iter().flat_map(|(name, member)| {
                    patterns
                        .iter()
                        .filter(move |(pattern, _)| pattern.is_match(name))
                        .map(move |(_, inner)| (member, *inner))
                }))
            })?,
            // The members neither `properties` nor a pattern takes.
            Keyword::AdditionalProperties => on_object(value, |object| {
                let Some(values) = schema.additional_properties else {
                    return Some(true);
                };
                let patterns: Vec<Pattern> = schema
                    .pattern_properties
                    .unwrap_or(&[])
                    .iter()
                    .map(|(pattern, _)| Pattern::new(pattern))
                    .collect();
                let named = |name: &str| {
                    schema
                        .properties
                        .is_some_and(|members| members.iter().any(|(n, _)| *n == name))
                };
                all_satisfy(
                    object
                        .iter()
                        .filter(|(name, _)| {
                            !named(name) && !patterns.iter().any(|p| p.is_match(name))
                        })
                        .map(|(_, member)| (member, values)),
                )
            })?,
            Keyword::PropertyNames => on_object(value, |object| {
                let Some(names) = schema.property_names else {
                    return Some(true);
                };
                let mut holds = true;
                for name in object.keys() {
                    holds &= satisfies(&Value::String(name.clone()), names)?;
                }
                Some(holds)
            })?,
            // A nested type's own checks (the derive refuses `nested` inside `not`), words for
            // people, an annotation, presence: nothing a value decides here.
            Keyword::Nested
            | Keyword::PatternRule
            | Keyword::Default
            | Keyword::Required
            | Keyword::Nullable
            | Keyword::Forbidden => true,
        };
    }
    Some(holds)
}

/// Whether an object's members satisfy one keyword of members (decided by `holds`); any
/// other value has no members and satisfies it. `None` where a member's nested schema is not
/// decided here.
fn on_object(
    value: &Value,
    holds: impl FnOnce(&Map<String, Value>) -> Option<bool>,
) -> Option<bool> {
    match value.as_object() {
        Some(object) => holds(object),
        None => Some(true),
    }
}

/// Whether every `(member, schema)` pair satisfies, `None` when one is not decided here.
fn all_satisfy<'a>(pairs: impl Iterator<Item = (&'a Value, &'a Constraints)>) -> Option<bool> {
    let mut holds = true;
    for (member, schema) in pairs {
        holds &= satisfies(member, schema)?;
    }
    Some(holds)
}

/// Whether `constraints` has none of the keywords that decide on the value as a whole
/// (`const`, `enum`, the applicators), which a member changed could also break.
fn no_value_rules(constraints: &Constraints) -> bool {
    constraints.const_value.is_none()
        && constraints.enum_values.is_none()
        && constraints.not.is_none()
        && constraints.if_schema.is_none()
        && constraints.all_of.is_none()
        && constraints.any_of.is_none()
        && constraints.one_of.is_none()
}

/// Whether the nested schema is `not()`, which no value satisfies (a `false` schema).
fn refuses_all(schema: Option<&Constraints>) -> bool {
    schema.is_some_and(|schema| schema.not.is_some_and(Constraints::is_empty))
}

/// `required_members`' names (none when absent).
fn required_members(constraints: &Constraints) -> Vec<String> {
    constraints
        .required_members
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

/// [`valid_json`] but for `not`.
fn drawn(kind: &'static Kind, constraints: &'static Constraints) -> BoxedStrategy<Value> {
    // `const` and `enum` name the valid values: those of the member's JSON type.
    if let Some(values) = listed_values(constraints) {
        let values: Vec<Value> = values.into_iter().filter(|v| fits(kind, v)).collect();
        if !values.is_empty() {
            return select(values).boxed();
        }
    }
    match kind {
        Kind::String => string(StringRules::of(constraints))
            .prop_map(Value::String)
            .boxed(),
        Kind::Integer { min, max } => match constraints.multiple_of {
            Some(divisor) => multiple(divisor, constraints, Some((*min, *max))),
            None => integer(*min, *max, constraints).prop_map(int_value).boxed(),
        },
        Kind::Number => match constraints.multiple_of {
            Some(divisor) => multiple(divisor, constraints, None),
            None => number(constraints)
                .prop_map(|x| serde_json::json!(x))
                .boxed(),
        },
        Kind::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Uuid => any::<u128>()
            .prop_map(|n| Value::String(uuid::Uuid::from_u128(n).to_string()))
            .boxed(),
        Kind::DateTime => date_time().prop_map(Value::String).boxed(),
        Kind::Enum(values) => select(*values)
            .prop_map(|v| Value::String(v.to_owned()))
            .boxed(),
        Kind::Object(spec) => Depth::deeper(|| object(spec)),
        Kind::Union(spec) => Depth::deeper(|| union(spec)),
        Kind::Array(item) => {
            let min = constraints.min_items.unwrap_or(0) as usize;
            if min == 0 && Depth::reached() && constraints.contains.is_none() {
                return Just(Value::Array(Vec::new())).boxed();
            }
            let max = constraints
                .max_items
                .map_or(min + 4, |m| (m as usize).min(min + 4));
            let items = constraints.items.unwrap_or(&Constraints::NONE);
            if let Some(contains) = constraints.contains
                && let Some(list) = contains_list(constraints, valid_json(item, contains))
            {
                return list;
            }
            let list = proptest::collection::vec(valid_json(item, items), min..=max);
            if constraints.unique_items.is_some() {
                // Later duplicates dropped, then held to `minItems` again.
                return list
                    .prop_map(|items| {
                        let mut unique: Vec<Value> = Vec::with_capacity(items.len());
                        for item in items {
                            if !unique.iter().any(|u| crate::rules::json_equal(u, &item)) {
                                unique.push(item);
                            }
                        }
                        unique
                    })
                    .prop_filter("minItems after removing duplicates", move |items| {
                        items.len() >= min
                    })
                    .prop_map(Value::Array)
                    .boxed();
            }
            list.prop_map(Value::Array).boxed()
        }
        Kind::Map(values) => {
            let min = constraints.min_properties.unwrap_or(0) as usize;
            if min == 0
                && Depth::reached()
                && constraints.required_members.is_none()
                && matches!(values, Kind::Object(_) | Kind::Union(_) | Kind::Lazy(_))
            {
                return Just(Value::Object(Map::new())).boxed();
            }
            // `additionalProperties: false` or `propertyNames: false` (`not()`): no member
            // drawn (but those `required_members` names, below).
            let max = if refuses_all(constraints.additional_properties)
                || refuses_all(constraints.property_names)
            {
                min
            } else {
                constraints
                    .max_properties
                    .map_or(min + 3, |m| (m as usize).min(min + 3))
            };
            let upper = constraints.max_properties.map(|m| m as usize);
            let dependencies = dependent_required(constraints);
            // Each member's value is of the map's value type and satisfies
            // `additionalProperties`.
            let value = member_value(values, constraints);
            // Each member's name satisfies `propertyNames` (`m0`, `m1`, ... when absent).
            let object = match constraints.property_names {
                None => proptest::collection::vec(value.clone(), min..=max)
                    .prop_map(|values| {
                        values
                            .into_iter()
                            .enumerate()
                            .map(|(i, value)| (format!("m{i}"), value))
                            .collect::<Map<String, Value>>()
                    })
                    .boxed(),
                Some(names) => {
                    let name = valid_json(&Kind::String, names)
                        .prop_filter_map("a string", |v| v.as_str().map(str::to_owned));
                    proptest::collection::vec((name, value.clone()), min..=max)
                        .prop_map(|members| members.into_iter().collect::<Map<String, Value>>())
                        .prop_filter("minProperties once equal names are one", move |object| {
                            object.len() >= min
                        })
                        .boxed()
                }
            };
            // A member whose name a `patternProperties` pattern matches would be held to that
            // pattern's keywords too: such members are left out (and the map held to
            // `minProperties` again), so the values need satisfy `additionalProperties` only.
            let object = match constraints.pattern_properties {
                None => object,
                Some(patterns) => {
                    let patterns: Vec<Pattern> = patterns
                        .iter()
                        .map(|(pattern, _)| Pattern::new(pattern))
                        .collect();
                    object
                        .prop_map(move |mut members| {
                            members.retain(|name, _| !patterns.iter().any(|p| p.is_match(name)));
                            members
                        })
                        .prop_filter(
                            "minProperties once the matched names are left out",
                            move |m| m.len() >= min,
                        )
                        .boxed()
                }
            };
            // The members `required_members` names, each drawn from its `properties` schema
            // (any JSON value without one); the object then held to the other keywords of
            // members, as `satisfies` decides them.
            let required = required_members(constraints);
            let object = if required.is_empty() && constraints.properties.is_none() {
                object
            } else {
                let named: Vec<BoxedStrategy<(String, Value)>> = required
                    .into_iter()
                    .map(|name| {
                        // Its `properties` schema, else `additionalProperties`'.
                        let schema = constraints
                            .properties
                            .unwrap_or(&[])
                            .iter()
                            .find(|(n, _)| *n == name)
                            .map(|(_, inner)| *inner)
                            .or(constraints.additional_properties)
                            .unwrap_or(&Constraints::NONE);
                        valid_json(&Kind::Any, schema)
                            .prop_map(move |value| (name.clone(), value))
                            .boxed()
                    })
                    .collect();
                // The keywords of members alone: the applicators decide on the whole value
                // (`under_applicators`), `dependentRequired` adds members below.
                let members_only = Constraints {
                    required_members: constraints.required_members,
                    properties: constraints.properties,
                    pattern_properties: constraints.pattern_properties,
                    additional_properties: constraints.additional_properties,
                    property_names: constraints.property_names,
                    min_properties: constraints.min_properties,
                    max_properties: constraints.max_properties,
                    ..Constraints::NONE
                };
                (object, named)
                    .prop_map(|(mut object, named)| {
                        object.extend(named);
                        object
                    })
                    .prop_filter(
                        "the members held to `properties`, `required` and the counts",
                        move |object| {
                            satisfies(&Value::Object(object.clone()), &members_only) != Some(false)
                        },
                    )
                    .boxed()
            };
            if dependencies.is_empty() {
                return object.prop_map(Value::Object).boxed();
            }
            // A member that `dependentRequired` names brings the members it requires, as long
            // as `maxProperties` allows them.
            (object, value)
                .prop_map(move |(mut object, filler)| {
                    for (name, required) in &dependencies {
                        if object.contains_key(name) {
                            for member in required {
                                object
                                    .entry(member.clone())
                                    .or_insert_with(|| filler.clone());
                            }
                        }
                    }
                    object
                })
                .prop_filter("maxProperties with the required members", move |object| {
                    upper.is_none_or(|m| object.len() <= m)
                })
                .prop_map(Value::Object)
                .boxed()
        }
        Kind::Any => valid_any(constraints, false),
        // An object of the type, or any value of another JSON type.
        // At the depth limit of a recursive type, only a value of another JSON type, which
        // holds no object.
        Kind::ObjectOr(_) if Depth::reached() => valid_any(constraints, false)
            .prop_filter("not an object", |v| !v.is_object())
            .boxed(),
        Kind::ObjectOr(object) => prop_oneof![
            valid_json(object, constraints),
            valid_any(constraints, false).prop_filter("not an object", |v| !v.is_object()),
        ]
        .boxed(),
        Kind::Lazy(_) => drawn(kind.resolved(), constraints),
    }
}

/// How deep objects nest in a value being drawn, so that a recursive type (one that holds
/// itself through a list, a map, a box) gives values of bounded depth: past
/// [`Depth::LIMIT`] objects, a member whose type may hold more is left out where it may be
/// absent, `null` where it may be, and a list or a map of them is empty where it may be; past
/// [`Depth::MAX`], or past [`Depth::BUDGET`] objects built beyond the limit in one value
/// (a type that always holds another: no finite document has it; one that holds two more
/// would otherwise build 2^32 strategies before it stopped), nothing is drawn, and proptest
/// stops with the reason.
struct Depth;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// The objects built past [`Depth::LIMIT`] since the depth was last 0.
    static BEYOND: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Depth {
    /// The objects deep at which a recursive type's members stop holding more.
    const LIMIT: usize = 4;
    /// The objects deep at which nothing more is drawn.
    const MAX: usize = 32;
    /// The most objects built past [`Depth::LIMIT`] for one value (those its members must
    /// hold there: required, not nullable, lists and maps with a least size).
    const BUDGET: usize = 4096;

    fn reached() -> bool {
        DEPTH.with(|depth| depth.get() >= Self::LIMIT)
    }

    /// `build` one object deeper.
    fn deeper<T>(build: impl FnOnce() -> T) -> T {
        DEPTH.with(|depth| depth.set(depth.get() + 1));
        let built = build();
        DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
        if DEPTH.with(std::cell::Cell::get) == 0 {
            BEYOND.with(|beyond| beyond.set(0));
        }
        built
    }

    /// Whether nothing more is drawn: [`Depth::MAX`] objects deep, or one more object past
    /// [`Depth::LIMIT`] (counted here) would be more than [`Depth::BUDGET`].
    fn exceeded() -> bool {
        if DEPTH.with(|depth| depth.get() >= Self::MAX) {
            return true;
        }
        Self::reached()
            && BEYOND.with(|beyond| {
                beyond.set(beyond.get().saturating_add(1));
                beyond.get() > Self::BUDGET
            })
    }
}

/// The kinds a value of any JSON type ([`Kind::Any`]) is generated as, one per JSON type.
static ANY_BOOLEAN: Kind = Kind::Boolean;
static ANY_INTEGER: Kind = Kind::Integer {
    min: i64::MIN as i128,
    max: i64::MAX as i128,
};
static ANY_NUMBER: Kind = Kind::Number;
static ANY_STRING: Kind = Kind::String;
static ANY_ARRAY: Kind = Kind::Array(&Kind::Any);
static ANY_OBJECT: Kind = Kind::Map(&Kind::Any);

/// The kind a value of `kind` has when it is of the JSON type `ty`: `kind` itself, or for
/// [`Kind::Any`] the kind of `ty` when its `type` keyword (if any) takes `ty` (else `Any`,
/// which no typed mutation matches).
fn view(kind: &'static Kind, constraints: &Constraints, ty: JsonType) -> &'static Kind {
    let Kind::Any = kind else {
        return kind;
    };
    if !constraints.types().unwrap_or(Types::ANY).accepts(ty) {
        return &Kind::Any;
    }
    match ty {
        JsonType::Null => &Kind::Any,
        JsonType::Boolean => &ANY_BOOLEAN,
        JsonType::Integer => &ANY_INTEGER,
        JsonType::Number => &ANY_NUMBER,
        JsonType::String => &ANY_STRING,
        JsonType::Array => &ANY_ARRAY,
        JsonType::Object => &ANY_OBJECT,
    }
}

/// Any valid value of any JSON type under `constraints`: one of each type its `type` keyword
/// takes (every type without one), each within the keywords of its type. Arrays are not
/// generated inside an array's items (`nested`), so the strategy is finite.
fn valid_any(constraints: &'static Constraints, nested: bool) -> BoxedStrategy<Value> {
    let mut types = constraints.types().unwrap_or(Types::ANY);
    // The types `not` refuses as a whole are not drawn (a filter would drop every one).
    if let Some(not) = constraints.not
        && let Some(refused) = not.types()
        && not.iter().all(|(k, _)| k == Keyword::Type)
    {
        types = types.without(refused);
    }
    let mut options: Vec<BoxedStrategy<Value>> = Vec::new();
    for ty in JsonType::ALL {
        if !types.contains(ty) {
            continue;
        }
        options.push(match ty {
            JsonType::Null => Just(Value::Null).boxed(),
            JsonType::Array if nested => continue,
            JsonType::Array => {
                let min = constraints.min_items.unwrap_or(0) as usize;
                let max = constraints
                    .max_items
                    .map_or(min + 3, |m| (m as usize).min(min + 3));
                let items = constraints.items.unwrap_or(&Constraints::NONE);
                if let Some(contains) = constraints.contains
                    && let Some(list) = contains_list(constraints, valid_json(&Kind::Any, contains))
                {
                    options.push(list);
                    continue;
                }
                let unique = constraints.unique_items.is_some();
                proptest::collection::vec(valid_any(items, true), min..=max)
                    .prop_map(move |items| {
                        if !unique {
                            return items;
                        }
                        // `uniqueItems`: later duplicates dropped, then held to `minItems`.
                        let mut kept: Vec<Value> = Vec::with_capacity(items.len());
                        for item in items {
                            if !kept.iter().any(|k| crate::rules::json_equal(k, &item)) {
                                kept.push(item);
                            }
                        }
                        kept
                    })
                    .prop_filter("minItems after removing duplicates", move |items| {
                        items.len() >= min
                    })
                    .prop_map(Value::Array)
                    .boxed()
            }
            JsonType::Boolean
            | JsonType::Integer
            | JsonType::Number
            | JsonType::String
            // Drawn without the applicators, which decide on the union below (a type none of
            // whose values passes them would otherwise be rejected without end).
            | JsonType::Object => drawn(view(&Kind::Any, constraints, ty), constraints),
        });
    }
    if options.is_empty() {
        // Only arrays, inside an array: an empty one (the items' bounds are the outer array's).
        return Just(Value::Array(Vec::new())).boxed();
    }
    under_applicators(proptest::strategy::Union::new(options).boxed(), constraints)
}

/// The item counts a list under `contains` may have when every item satisfies `contains`:
/// from `minContains` (1 when absent) and `minItems` to `maxContains` and `maxItems` (at most
/// three more than the least). `None` when no list of such items can satisfy them all, or when
/// `items` or `uniqueItems` sits beside `contains` (an item drawn from `contains` alone may
/// break them, and the strategies have no checker of nested keywords on JSON values).
fn contains_counts(constraints: &Constraints) -> Option<(usize, usize)> {
    constraints.contains?;
    if constraints.items.is_some() || constraints.unique_items.is_some() {
        return None;
    }
    let least = constraints
        .min_contains
        .unwrap_or(1)
        .max(constraints.min_items.unwrap_or(0));
    let most = constraints
        .max_contains
        .unwrap_or(u64::MAX)
        .min(constraints.max_items.unwrap_or(u64::MAX))
        .min(least.saturating_add(3));
    (least <= most).then_some((usize::try_from(least).ok()?, usize::try_from(most).ok()?))
}

/// A list valid under `contains` (see [`contains_counts`]): each item drawn from `item`, a
/// strategy of values that satisfy the `contains` keywords.
fn contains_list(
    constraints: &Constraints,
    item: BoxedStrategy<Value>,
) -> Option<BoxedStrategy<Value>> {
    let (least, most) = contains_counts(constraints)?;
    Some(
        proptest::collection::vec(item, least..=most)
            .prop_map(Value::Array)
            .boxed(),
    )
}

/// A value the `type` keyword `types` refuses, if any JSON type is outside it.
fn outside(types: Types) -> Option<Value> {
    let samples = [
        (JsonType::Null, Value::Null),
        (JsonType::Boolean, Value::Bool(true)),
        (JsonType::Integer, Value::from(7)),
        (JsonType::Number, Value::from(7.5)),
        (JsonType::String, Value::from("seven")),
        (JsonType::Array, Value::Array(Vec::new())),
        (JsonType::Object, Value::Object(Map::new())),
    ];
    samples
        .into_iter()
        .find(|(ty, _)| !types.accepts(*ty))
        .map(|(_, value)| value)
}

fn int_value(i: i128) -> Value {
    if let Ok(i) = i64::try_from(i) {
        Value::from(i)
    } else {
        u64::try_from(i).map_or(Value::Null, Value::from)
    }
}

/// The values `const` or `enum` allow, when the constraints have either (`const` first).
fn listed_values(constraints: &Constraints) -> Option<Vec<Value>> {
    if let Some(text) = constraints.const_value {
        return serde_json::from_str(text).ok().map(|v| vec![v]);
    }
    match serde_json::from_str(constraints.enum_values?) {
        Ok(Value::Array(values)) => Some(values),
        _ => None,
    }
}

/// Whether `value` is of `kind`'s JSON type (a `const` or `enum` value the member can hold).
fn fits(kind: &Kind, value: &Value) -> bool {
    match kind {
        Kind::String => value.is_string(),
        Kind::Integer { min, max } => {
            matches!(crate::rules::NumberField::number_value(value), Some(Number::Int(i)) if (*min..=*max).contains(&i))
        }
        Kind::Number => value.is_number(),
        Kind::Boolean => value.is_boolean(),
        Kind::Enum(values) => value.as_str().is_some_and(|v| values.contains(&v)),
        Kind::Array(item) => value
            .as_array()
            .is_some_and(|items| items.iter().all(|i| fits(item, i))),
        Kind::Map(values) => value
            .as_object()
            .is_some_and(|members| members.values().all(|v| fits(values, v))),
        Kind::Any => true,
        // Parsed into a type that may write them otherwise: never listed (the generator and
        // the derive refuse `const`/`enum` there).
        Kind::Uuid | Kind::DateTime | Kind::Object(_) | Kind::Union(_) | Kind::ObjectOr(_) => false,
        Kind::Lazy(next) => fits(next(), value),
    }
}

/// `dependentRequired`'s pairs (none when absent).
fn dependent_required(constraints: &Constraints) -> Vec<(String, Vec<String>)> {
    let Some(Ok(Value::Object(pairs))) = constraints
        .dependent_required
        .map(serde_json::from_str::<Value>)
    else {
        return Vec::new();
    };
    pairs
        .into_iter()
        .map(|(name, required)| {
            let required = match required {
                Value::Array(names) => names
                    .into_iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            };
            (name, required)
        })
        .collect()
}

/// A valid value of a member of a map whose values are of `values` (the map's value type's
/// kind), under the map's `constraints`: a value of that kind within `additionalProperties`
/// (the value type's own keywords come with its kind: a struct's members, an integer's range).
/// A map of any JSON value without `additionalProperties` takes `null`, the simplest value.
fn member_value(values: &'static Kind, constraints: &'static Constraints) -> BoxedStrategy<Value> {
    match (values, constraints.additional_properties) {
        (Kind::Any, None) => Just(Value::Null).boxed(),
        (kind, schema) => valid_json(kind, schema.unwrap_or(&Constraints::NONE)),
    }
}

/// An object of `count` members named `m0`, `m1`, ..., each a `value`.
fn members(
    count: std::ops::RangeInclusive<usize>,
    value: BoxedStrategy<Value>,
) -> impl Strategy<Value = Map<String, Value>> {
    count
        .prop_flat_map(move |n| proptest::collection::vec(value.clone(), n..=n))
        .prop_map(|values| {
            values
                .into_iter()
                .enumerate()
                .map(|(i, value)| (format!("m{i}"), value))
                .collect()
        })
}

/// `|x|` as `digits × 10^exponent`, from its shortest decimal form (`0.0075` is `75 × 10^-4`).
fn decimal(x: Number) -> Option<(i128, i32)> {
    match x {
        Number::Int(i) => Some((i, 0)),
        Number::Float(f) => {
            let text = format!("{f:e}");
            let (mantissa, exponent) = text.split_once('e')?;
            let exponent: i32 = exponent.parse().ok()?;
            let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.len());
            let digits: i128 = mantissa.replace('.', "").parse().ok()?;
            Some((digits, exponent - i32::try_from(fraction).ok()?))
        }
    }
}

/// The number `k × divisor`, written as a decimal and read back (so `3 × 0.1` is `0.3`).
fn times(k: i128, divisor: Number) -> Option<Value> {
    let (digits, exponent) = decimal(divisor)?;
    let product = k.checked_mul(digits)?;
    if exponent >= 0
        && let Ok(int) =
            i64::try_from(product.checked_mul(10_i128.checked_pow(exponent.unsigned_abs())?)?)
    {
        return Some(Value::from(int));
    }
    let text = format!("{product}e{exponent}");
    serde_json::from_str::<Value>(&text).ok()
}

/// Whether `value` passes the range keywords of `constraints`.
fn within_range(value: &Value, constraints: &Constraints) -> bool {
    let Some(x) = crate::rules::NumberField::number_value(value) else {
        return false;
    };
    use std::cmp::Ordering::{Greater, Less};
    let order = |limit: Option<Number>| limit.map(|l| x.compare(l));
    !matches!(order(constraints.minimum), Some(Some(Less) | None))
        && !matches!(order(constraints.maximum), Some(Some(Greater) | None))
        && matches!(
            order(constraints.exclusive_minimum),
            None | Some(Some(Greater))
        )
        && matches!(
            order(constraints.exclusive_maximum),
            None | Some(Some(Less))
        )
}

/// Valid multiples of `divisor` within the range keywords (and an integer type's range).
fn multiple(
    divisor: Number,
    constraints: &'static Constraints,
    integer: Option<(i128, i128)>,
) -> BoxedStrategy<Value> {
    let (low, high) = number_bounds(constraints);
    let d = divisor.as_f64();
    #[allow(clippy::cast_possible_truncation)]
    let (k_low, k_high) = ((low / d).ceil() as i128, (high / d).floor() as i128);
    let k_high = k_high.min(k_low.saturating_add(2_000));
    if k_low > k_high {
        return Just(Value::from(0)).boxed();
    }
    (k_low..=k_high)
        .prop_filter_map("a multiple within the bounds", move |k| {
            let value = times(k, divisor)?;
            let number = crate::rules::NumberField::number_value(&value)?;
            let fits_integer = match (integer, number) {
                (None, _) => true,
                (Some((min, max)), Number::Int(i)) => (min..=max).contains(&i),
                (Some(_), Number::Float(_)) => false,
            };
            (fits_integer
                && within_range(&value, constraints)
                && crate::rules::is_multiple_of(number, divisor))
            .then_some(value)
        })
        .boxed()
}

/// A value of `kind` that is none of `allowed` (and of the member's JSON type, so that the
/// only error is `const`'s or `enum`'s).
fn other_value(kind: &'static Kind, allowed: Vec<Value>) -> Option<BoxedStrategy<Value>> {
    let candidates: BoxedStrategy<Value> = match kind {
        Kind::String => "[a-z]{0,6}".prop_map(Value::String).boxed(),
        Kind::Integer { min, max } => {
            let (min, max) = (*min, *max);
            (-1_000_i128..1_000)
                .prop_filter_map("in the type's range", move |i| {
                    (min..=max).contains(&i).then(|| int_value(i))
                })
                .boxed()
        }
        Kind::Number => (-1_000.0_f64..1_000.0)
            .prop_map(|x| serde_json::json!(x))
            .boxed(),
        Kind::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Map(values) => members(0..=2, member_value(values, &Constraints::NONE))
            .prop_map(Value::Object)
            .boxed(),
        Kind::Array(item) => proptest::collection::vec(valid_json(item, &Constraints::NONE), 0..3)
            .prop_map(Value::Array)
            .boxed(),
        Kind::Any => prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            "[a-z]{0,4}".prop_map(Value::String),
        ]
        .boxed(),
        Kind::Uuid
        | Kind::DateTime
        | Kind::Enum(_)
        | Kind::Object(_)
        | Kind::Union(_)
        | Kind::ObjectOr(_) => {
            return None;
        }
        Kind::Lazy(next) => return other_value(next(), allowed),
    };
    Some(
        candidates
            .prop_filter("none of the listed values", move |v| {
                !allowed.iter().any(|a| crate::rules::json_equal(a, v))
            })
            .boxed(),
    )
}

fn object(spec: &'static TypeSpec) -> BoxedStrategy<Value> {
    if Depth::exceeded() {
        return Just(Value::Null)
            .prop_filter(
                "a recursive type whose every object holds another (no finite document has it), or more objects past the depth limit than the budget: no value is drawn",
                |_| false,
            )
            .prop_map(|_| Value::Object(Map::new()))
            .boxed();
    }
    // Past the depth limit, a member whose type may hold another object of a recursive type
    // (`Kind::Lazy`) is left out where it may be absent.
    let limited = Depth::reached();
    let members: Vec<BoxedStrategy<Option<(String, Value)>>> = spec
        .fields
        .iter()
        // A member that takes no value (`not()`: every value satisfies the empty schema) is
        // left out where it may be absent.
        .filter(|f| {
            !f.forbidden && (f.required || !f.constraints.not.is_some_and(Constraints::is_empty))
        })
        .filter(|f| f.required || !(limited && matches!(f.kind, Kind::Lazy(_))))
        .map(|field| {
            let wire = field.wire_name.to_owned();
            if limited && field.nullable && matches!(field.kind, Kind::Lazy(_)) {
                return Just(Some((wire, Value::Null))).boxed();
            }
            let mut value = valid_json(field.kind, &field.constraints);
            if field.nullable {
                value = prop_oneof![4 => value, 1 => Just(Value::Null)].boxed();
            }
            // The patterns of the other members' map that match the member apply to it too
            // (`null` included).
            let patterns: Vec<&'static Constraints> = spec
                .others
                .and_then(|others| others.pattern_properties)
                .unwrap_or(&[])
                .iter()
                .filter(|(pattern, _)| Pattern::new(pattern).is_match(field.wire_name))
                .map(|(_, inner)| *inner)
                .collect();
            if !patterns.is_empty() {
                value = value
                    .prop_filter(
                        "the strategies decide a `pattern_properties` schema on a declared member for the keywords of one value and an object's members only (not of a list's items): write this member's strategy by hand",
                        move |v| patterns.iter().all(|inner| satisfies(v, inner) == Some(true)),
                    )
                    .boxed();
            }
            let entry = value.prop_map(move |v| Some((wire.clone(), v)));
            if field.required {
                entry.boxed()
            } else {
                prop_oneof![1 => Just(None), 2 => entry].boxed()
            }
        })
        .collect();
    members
        .prop_map(|entries| Value::Object(entries.into_iter().flatten().collect()))
        .boxed()
}

/// Any valid document of a union: a valid document of one of its variants, whose
/// discriminator, when the document has it, is the variant's tag (absent, the union takes the
/// first variant that accepts it, still a valid document).
fn union(spec: &'static UnionSpec) -> BoxedStrategy<Value> {
    let variants: Vec<BoxedStrategy<Value>> = spec
        .variants
        .iter()
        .map(|variant| {
            valid_json(variant.kind, &Constraints::NONE)
                .prop_map(move |mut document| {
                    if let Value::Object(members) = &mut document
                        && let Some(tag) = members.get_mut(spec.discriminator)
                    {
                        *tag = Value::from(variant.tag);
                    }
                    document
                })
                .boxed()
        })
        .collect();
    if variants.is_empty() {
        return Just(Value::Object(Map::new())).boxed();
    }
    proptest::strategy::Union::new(variants).boxed()
}

/// Characters from every UTF-8 width, and a combining mark.
fn any_char() -> BoxedStrategy<char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        1 => proptest::char::range('\u{e0}', '\u{ff}'),
        1 => proptest::char::range('\u{4e00}', '\u{4e2f}'),
        1 => proptest::char::range('\u{1f600}', '\u{1f64f}'),
        1 => Just('\u{301}'),
    ]
    .boxed()
}

/// What a generated string must satisfy.
#[derive(Clone, Copy)]
struct StringRules {
    min: u64,
    max: u64,
    pattern: Option<&'static str>,
    format: Option<Format>,
}

impl StringRules {
    fn of(constraints: &Constraints) -> Self {
        let min = constraints.min_length.unwrap_or(0);
        StringRules {
            min,
            max: constraints.max_length.unwrap_or(min + 40),
            pattern: constraints.pattern,
            format: constraints.format,
        }
    }

    fn within(self, s: &str) -> bool {
        crate::rules::count_chars_within(s, Some(self.min), Some(self.max)).is_ok()
    }

    fn format_ok(self, s: &str) -> bool {
        self.format
            .is_none_or(|format| formats::check(format, s).is_ok())
    }
}

fn string(rules: StringRules) -> BoxedStrategy<String> {
    // Generated from the pattern's translation (the `regex` syntax proptest reads, with the
    // ECMA-262 meaning), then held to the pattern itself.
    if let Some(source) = rules.pattern
        && let Ok(translated) = m3ter_vocab::pattern::translate(unanchored(source))
        && let Ok(generator) = proptest::string::string_regex(translated.as_str())
    {
        let pattern = Pattern::new(source);
        return generator
            .prop_filter("length, pattern and format", move |s| {
                rules.within(s) && pattern.is_match(s) && rules.format_ok(s)
            })
            .boxed();
    }
    if let Some(format) = rules.format {
        return format_value(format)
            .prop_filter("length", move |s| rules.within(s))
            .boxed();
    }
    let (min, max) = (rules.min as usize, rules.max as usize);
    proptest::collection::vec(any_char(), min..=max)
        .prop_map(|chars| chars.into_iter().collect())
        .boxed()
}

/// A pattern without its `^…$` anchors, which proptest's generator does not take.
fn unanchored(pattern: &str) -> &str {
    let pattern = pattern.strip_prefix('^').unwrap_or(pattern);
    match pattern.strip_suffix('$') {
        Some(inner) if !inner.ends_with('\\') => inner,
        _ => pattern,
    }
}

// Regexes of proptest's for the parts of the formats, as macros so that `concat!` can join
// them into `&'static str` strategies.

/// An RFC 5322 atom (a part of an e-mail address's dot-string).
macro_rules! atom {
    () => {
        "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,8}"
    };
}
/// An RFC 1123 host name of one to three labels.
macro_rules! hostname {
    () => {
        "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-zA-Z0-9]([a-z0-9-]{0,8}[a-z0-9])?){0,2}"
    };
}
/// An RFC 3986 path segment: unreserved, sub-delims, `:`, `@` and percent-encoded octets.
macro_rules! segment {
    () => {
        "([a-zA-Z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2}){0,6}"
    };
}
/// An optional RFC 3986 query and fragment.
macro_rules! query {
    () => {
        "(\\?([a-z0-9=&/?:@-]|%[0-9A-F]{2}){0,8})?(#[a-z0-9/?:@-]{0,8})?"
    };
}

/// Valid values of a format.
pub fn format_value(format: Format) -> BoxedStrategy<String> {
    match format {
        Format::Uuid => any::<u128>()
            .prop_map(|n| uuid::Uuid::from_u128(n).to_string())
            .boxed(),
        Format::DateTime => date_time().boxed(),
        Format::S3BucketName | Format::GcsBucketName => "[a-z0-9][a-z0-9-]{1,30}[a-z0-9]"
            .prop_filter("bucket rules", |s| {
                formats::s3_bucket_name(s).is_ok() && formats::gcs_bucket_name(s).is_ok()
            })
            .boxed(),
        Format::AwsIamRoleArn => iam_role_arn().boxed(),
        Format::Date => date_time().prop_map(|t| t[..10].to_owned()).boxed(),
        Format::Time => time().boxed(),
        Format::Duration => duration().boxed(),
        Format::Email => prop_oneof![
            concat!(atom!(), "(\\.", atom!(), "){0,2}@", hostname!()),
            concat!("\"[ !#-\\[\\]-~]{0,10}\"@", hostname!()),
            (atom!(), any::<[u8; 4]>())
                .prop_map(|(local, ip)| format!("{local}@[{}]", std::net::Ipv4Addr::from(ip))),
        ]
        .boxed(),
        Format::Hostname => hostname!().boxed(),
        Format::Ipv4 => any::<[u8; 4]>()
            .prop_map(|ip| std::net::Ipv4Addr::from(ip).to_string())
            .boxed(),
        // std writes the canonical forms (RFC 5952): `::` where it fits, an IPv4 tail for the
        // mapped and compatible ranges.
        Format::Ipv6 => prop_oneof![
            any::<u128>(),
            any::<u32>().prop_map(|v4| 0xffff_0000_0000 | u128::from(v4)),
            (any::<u16>(), any::<u16>()).prop_map(|(a, b)| (u128::from(a) << 112) | u128::from(b)),
        ]
        .prop_map(|ip| std::net::Ipv6Addr::from(ip).to_string())
        .boxed(),
        Format::Uri => uri().boxed(),
        // Pieces that stay valid in any order: no lone quantifier, no named group (a name
        // given twice is an error); a backreference and a lookaround are valid too.
        Format::Regex => proptest::collection::vec(
            select(
                &[
                    "^",
                    "$",
                    ".",
                    "[a-z]",
                    "[^\\]]",
                    "\\d+",
                    "(ab|c)",
                    "x{2,3}",
                    "\\p{L}*",
                    "\\.",
                    "(a)\\1",
                    "(?=b)",
                    "(?<!c)",
                    "(?:d)?",
                    "\\u{1F600}",
                ][..],
            ),
            0..6,
        )
        .prop_map(|pieces| pieces.concat())
        .boxed(),
        Format::UriReference => prop_oneof![
            uri(),
            concat!("(//", hostname!(), ")?(/", segment!(), "){0,3}", query!()),
            concat!(
                "(\\.\\.?/)?",
                segment!(),
                "(/",
                segment!(),
                "){0,2}",
                query!()
            )
            .prop_filter("no `:` before the first `/`", |s| {
                !s.split('/').next().is_some_and(|first| first.contains(':'))
            }),
        ]
        .boxed(),
    }
}

/// Any RFC 3339 full-time: a fraction or not, `Z` or a numeric offset.
fn time() -> impl Strategy<Value = String> {
    let offset = prop_oneof![
        Just("Z".to_owned()),
        Just("z".to_owned()),
        ("[+-]", 0u32..24, 0u32..60).prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
    ];
    (
        0u32..24,
        0u32..60,
        0u32..60,
        proptest::option::of("[0-9]{1,9}"),
        offset,
    )
        .prop_map(|(h, m, s, fraction, offset)| {
            let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
            format!("{h:02}:{m:02}:{s:02}{fraction}{offset}")
        })
}

/// Any RFC 3339 duration: a run of years, months, days (without a gap), then perhaps `T` and a
/// run of hours, minutes, seconds, or weeks alone.
fn duration() -> impl Strategy<Value = String> {
    const DATE: &[&[char]] = &[
        &[],
        &['Y'],
        &['Y', 'M'],
        &['Y', 'M', 'D'],
        &['M'],
        &['M', 'D'],
        &['D'],
    ];
    const TIME: &[&[char]] = &[
        &[],
        &['H'],
        &['H', 'M'],
        &['H', 'M', 'S'],
        &['M'],
        &['M', 'S'],
        &['S'],
    ];
    let run = |units: &[char], numbers: &[u32]| -> String {
        units
            .iter()
            .zip(numbers)
            .map(|(unit, n)| format!("{n}{unit}"))
            .collect()
    };
    (
        select(DATE),
        select(TIME),
        proptest::collection::vec(0u32..1000, 3),
    )
        .prop_map(
            move |(date, time, numbers)| match (date.is_empty(), time.is_empty()) {
                (true, true) => format!("P{}W", numbers[0]),
                (_, true) => format!("P{}", run(date, &numbers)),
                _ => format!("P{}T{}", run(date, &numbers), run(time, &numbers)),
            },
        )
}

/// Any RFC 3986 URI: a scheme, an authority or not, a path, a query and a fragment.
fn uri() -> impl Strategy<Value = String> {
    let authority = prop_oneof![
        concat!("//([a-z0-9._~-]{1,6}@)?", hostname!(), "(:[0-9]{1,5})?"),
        any::<u128>().prop_map(|ip| format!("//[{}]", std::net::Ipv6Addr::from(ip))),
        Just(String::new()),
    ];
    let scheme = "[a-zA-Z][a-zA-Z0-9+.-]{0,6}";
    (
        scheme,
        authority,
        concat!("(/", segment!(), "){0,3}", query!()),
    )
        .prop_map(|(scheme, authority, rest)| format!("{scheme}:{authority}{rest}"))
}

/// Values that are not of `format`: the registry's own counterexamples, and valid values
/// broken by a character that no format takes where it is put (a space, a control character,
/// a non-ASCII letter) or by their last character dropped, each held to the check.
pub fn invalid_format_value(format: Format) -> BoxedStrategy<String> {
    let broken = (
        format_value(format),
        select(&[" ", "\0", "\u{e9}", "\n"][..]),
        any::<bool>(),
    )
        .prop_map(|(valid, odd, at_end)| {
            if at_end {
                format!("{valid}{odd}")
            } else {
                format!("{odd}{valid}")
            }
        });
    let truncated = format_value(format).prop_map(|mut valid| {
        valid.pop();
        valid
    });
    prop_oneof![
        select(format.invalid_examples()).prop_map(str::to_owned),
        broken,
        truncated
    ]
    .prop_filter("breaks the format", move |s| {
        formats::check(format, s).is_err()
    })
    .boxed()
}

/// Any RFC 3339 date-time from 1970 to 2099 in UTC, with or without a fraction.
fn date_time() -> impl Strategy<Value = String> {
    (0i64..4_102_444_800, proptest::option::of(0u32..1_000)).prop_map(|(secs, millis)| {
        let time = chrono::DateTime::from_timestamp(secs, millis.unwrap_or(0) * 1_000_000)
            .unwrap_or_default();
        let precision = if millis.is_some() {
            chrono::SecondsFormat::Millis
        } else {
            chrono::SecondsFormat::Secs
        };
        time.to_rfc3339_opts(precision, true)
    })
}

/// Any valid IAM role ARN: 12-digit account, with or without a path, a role name over the
/// whole allowed alphabet, 1–64 long.
pub fn iam_role_arn() -> impl Strategy<Value = String> {
    let account = "[0-9]{12}";
    let path = prop_oneof![
        Just(String::new()),
        "[!-~]{1,40}/".prop_filter("not //", |p| !p.starts_with('/'))
    ];
    let name = "[A-Za-z0-9+=,.@_-]{1,64}";
    (account, path, name)
        .prop_map(|(account, path, name)| format!("arn:aws:iam::{account}:role/{path}{name}"))
}

fn number_bounds(constraints: &Constraints) -> (f64, f64) {
    let low = [constraints.minimum, constraints.exclusive_minimum]
        .into_iter()
        .flatten()
        .map(Number::as_f64)
        .fold(-1e6, f64::max);
    let high = [constraints.maximum, constraints.exclusive_maximum]
        .into_iter()
        .flatten()
        .map(Number::as_f64)
        .fold(1e6, f64::min);
    (low, high)
}

fn integer(
    type_min: i128,
    type_max: i128,
    constraints: &'static Constraints,
) -> BoxedStrategy<i128> {
    let bound = |n: Option<Number>, shift: i128| match n {
        Some(Number::Int(i)) => Some(i + shift),
        #[allow(clippy::cast_possible_truncation)]
        Some(Number::Float(f)) => Some(if shift >= 0 {
            f.floor() as i128 + shift
        } else {
            f.ceil() as i128 + shift
        }),
        None => None,
    };
    let low = [
        bound(constraints.minimum, 0),
        bound(constraints.exclusive_minimum, 1),
        Some(type_min),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(type_min);
    let high = [
        bound(constraints.maximum, 0),
        bound(constraints.exclusive_maximum, -1),
        Some(type_max),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(type_max);
    if low > high {
        return Just(low).boxed();
    }
    // Mostly near the bounds, where mistakes live.
    let near_low = low..=low.saturating_add(3).min(high);
    let near_high = high.saturating_sub(3).max(low)..=high;
    prop_oneof![near_low, near_high, low..=high].boxed()
}

fn number(constraints: &'static Constraints) -> BoxedStrategy<f64> {
    let (low, high) = number_bounds(constraints);
    (low..high)
        .prop_filter("exclusive bounds", move |x| {
            constraints
                .exclusive_minimum
                .is_none_or(|m| *x > m.as_f64())
                && constraints
                    .exclusive_maximum
                    .is_none_or(|m| *x < m.as_f64())
        })
        .boxed()
}

/// Any document of `T` that breaks one constraint, labelled with the error it must produce.
pub fn invalid<T: Describe>() -> BoxedStrategy<(Value, Broken)> {
    invalid_json(&T::KIND)
}

/// Any document of `kind` (an object type or a union) that breaks one constraint, labelled
/// with the error it must produce.
pub fn invalid_json(kind: &'static Kind) -> BoxedStrategy<(Value, Broken)> {
    if let Kind::Union(spec) = kind {
        return invalid_union(spec);
    }
    let Kind::Object(spec) = kind else {
        return Just((
            Value::Null,
            Broken {
                path: String::new(),
                code: ErrorCode::Type,
            },
        ))
        .boxed();
    };
    let mut mutations: Vec<BoxedStrategy<(Value, Broken)>> = Vec::new();
    for field in spec.fields {
        mutations.extend(field_mutations(spec, field));
    }
    if spec.deny_unknown_fields {
        let unknown = "x-unknown-member";
        mutations.push(
            object(spec)
                .prop_map(move |mut document| {
                    insert(&mut document, unknown, Value::Bool(true));
                    (document, broken(unknown, ErrorCode::UnknownField))
                })
                .boxed(),
        );
    }
    proptest::strategy::Union::new(mutations).boxed()
}

/// A union's broken documents: a variant's broken document carrying that variant's tag, so that
/// the error is the variant's own. Only variants that declare the discriminator can carry it,
/// and a break of the discriminator itself is the union's to judge (its tag rule), so neither
/// is generated; a union none of whose variants declare it gets the one break that needs no
/// variant: a document that is not an object.
fn invalid_union(spec: &'static UnionSpec) -> BoxedStrategy<(Value, Broken)> {
    let discriminator = spec.discriminator;
    let pointer = m3ter_vocab::pointer::member(discriminator);
    let variants: Vec<BoxedStrategy<(Value, Broken)>> = spec
        .variants
        .iter()
        .filter(|variant| {
            matches!(variant.kind, Kind::Object(object)
                if object.fields.iter().any(|f| f.wire_name == discriminator && !f.forbidden))
        })
        .map(|variant| {
            let pointer = pointer.clone();
            invalid_json(variant.kind)
                .prop_filter(
                    "the discriminator is the union's to judge",
                    move |(_, b)| b.path != pointer,
                )
                .prop_map(move |(mut document, broken)| {
                    insert(&mut document, discriminator, Value::from(variant.tag));
                    (document, broken)
                })
                .boxed()
        })
        .collect();
    // The union's own rule, broken on a valid document: a discriminator that is a string but no
    // tag (one `enum` error), one that is not a string (one `type` error), a document that is
    // not an object (one `type` error at the union).
    let mut breaks = variants;
    let tags: &'static [UnionVariantSpec] = spec.variants;
    let unknown = union(spec)
        .prop_flat_map(move |document| {
            "[A-Za-z0-9_]{0,8}"
                .prop_filter("not a tag", move |t| {
                    !tags.iter().any(|v| v.tag == t.as_str())
                })
                .prop_map(move |tag| (document.clone(), tag))
        })
        .prop_map(move |(mut document, tag)| {
            insert(&mut document, discriminator, Value::String(tag));
            (document, broken(discriminator, ErrorCode::Enum))
        });
    breaks.push(unknown.boxed());
    let not_a_string = (
        union(spec),
        prop_oneof![
            Just(Value::Null),
            any::<i32>().prop_map(Value::from),
            Just(Value::Bool(true)),
            Just(Value::Array(Vec::new())),
        ],
    )
        .prop_map(move |(mut document, tag)| {
            insert(&mut document, discriminator, tag);
            (document, broken(discriminator, ErrorCode::Type))
        });
    breaks.push(not_a_string.boxed());
    breaks.push(
        Just((
            Value::Array(Vec::new()),
            Broken {
                path: String::new(),
                code: ErrorCode::Type,
            },
        ))
        .boxed(),
    );
    proptest::strategy::Union::new(breaks).boxed()
}

fn broken(wire: &str, code: ErrorCode) -> Broken {
    Broken {
        path: m3ter_vocab::pointer::member(wire),
        code,
    }
}

fn insert(document: &mut Value, key: &str, value: Value) {
    if let Value::Object(members) = document {
        members.insert(key.to_owned(), value);
    }
}

/// Any string within the length rules, over printable ASCII, control characters and
/// characters of every UTF-8 width.
fn any_string(rules: StringRules) -> impl Strategy<Value = String> + Clone {
    let min = rules.min.max(1) as usize;
    proptest::collection::vec(
        prop_oneof![4 => proptest::char::range(' ', '~'), 1 => proptest::char::range('\0', '\u{1f}'), 1 => any_char()],
        min..=(min + 12).min(rules.max.max(1) as usize),
    )
    .prop_map(|chars| chars.into_iter().collect::<String>())
}

/// A value of the wrong JSON type for `kind`.
fn wrong_type(kind: &Kind) -> Option<Value> {
    Some(match kind {
        Kind::String | Kind::Uuid | Kind::DateTime | Kind::Enum(_) => Value::from(12345),
        Kind::Integer { .. } | Kind::Number => Value::from("12"),
        Kind::Boolean => Value::from("true"),
        Kind::Object(_) | Kind::Union(_) | Kind::Map(_) => Value::Array(Vec::new()),
        Kind::Array(_) => Value::Object(Map::new()),
        // Every JSON type is accepted.
        Kind::Any | Kind::ObjectOr(_) => return None,
        Kind::Lazy(next) => return wrong_type(next()),
    })
}

/// Every way to break `field` alone, each as a strategy of labelled documents.
fn field_mutations(
    spec: &'static TypeSpec,
    field: &'static FieldSpec,
) -> Vec<BoxedStrategy<(Value, Broken)>> {
    let wire = field.wire_name;
    let kind = field.kind.resolved();
    let mut out: Vec<BoxedStrategy<(Value, Broken)>> = Vec::new();
    let with_value = |value: BoxedStrategy<Value>, code: ErrorCode| {
        (object(spec), value)
            .prop_map(move |(mut document, value)| {
                insert(&mut document, wire, value);
                (document, broken(wire, code))
            })
            .boxed()
    };
    if field.forbidden {
        out.push(with_value(
            valid_json(kind, &field.constraints),
            ErrorCode::Forbidden,
        ));
        return out;
    }
    if field.required {
        out.push(
            object(spec)
                .prop_map(move |mut document| {
                    if let Value::Object(members) = &mut document {
                        members.remove(wire);
                    }
                    (document, broken(wire, ErrorCode::Required))
                })
                .boxed(),
        );
    }
    // A value of another JSON type: a `type` error, or for an enum the one `enum` error that
    // says the allowed values; any JSON value is a value of `Any`.
    let code = match kind {
        Kind::Enum(_) => ErrorCode::Enum,
        _ => ErrorCode::Type,
    };
    if let Some(value) = wrong_type(kind) {
        out.push(with_value(Just(value).boxed(), code));
        if !field.nullable {
            out.push(with_value(Just(Value::Null).boxed(), code));
        }
    }
    let c = &field.constraints;
    // One invalid value per keyword the member has, decided keyword by keyword without a
    // catch-all arm: a new keyword does not compile until it says how it is broken here.
    // A member of any JSON value is broken as a value of each type its `type` takes.
    let string_kind = view(kind, c, JsonType::String);
    let integer_kind = view(kind, c, JsonType::Integer);
    let array_kind = view(kind, c, JsonType::Array);
    let object_kind = view(kind, c, JsonType::Object);
    for keyword in Keyword::ALL.iter().copied().filter(|k| c.has(*k)) {
        match keyword {
            Keyword::Type => {
                if let (Kind::Any, Some(value)) = (kind, c.types().and_then(outside)) {
                    out.push(with_value(Just(value).boxed(), ErrorCode::Type));
                }
            }
            Keyword::MaxLength => {
                if let (Kind::String, Some(max)) = (string_kind, c.max_length) {
                    // Too long, made of a valid value repeated, so only the length is wrong.
                    let long = string(StringRules::of(c)).prop_map(move |s| {
                        let base = if s.is_empty() { "a".to_owned() } else { s };
                        let times = (max as usize) / base.chars().count() + 1;
                        Value::String(base.repeat(times))
                    });
                    out.push(with_value(long.boxed(), ErrorCode::Length));
                }
            }
            Keyword::MinLength => {
                if let (Kind::String, Some(min)) = (string_kind, c.min_length.filter(|m| *m > 0)) {
                    let short =
                        proptest::collection::vec(proptest::char::range('a', 'z'), 0..min as usize)
                            .prop_map(|chars| Value::String(chars.into_iter().collect()));
                    out.push(with_value(short.boxed(), ErrorCode::Length));
                }
            }
            Keyword::Format => {
                if let (Kind::String, Some(format)) = (string_kind, c.format) {
                    let rules = StringRules::of(c);
                    let bad = any_string(rules).prop_filter("breaks the format", move |s| {
                        rules.within(s) && formats::check(format, s).is_err()
                    });
                    out.push(with_value(
                        bad.prop_map(Value::String).boxed(),
                        ErrorCode::Format,
                    ));
                }
            }
            // A value that breaks its format is reported as `format` only (the pattern is not
            // matched again), so a pattern is broken on its own only without a format.
            Keyword::Pattern => {
                if let (Kind::String, Some(source), None) = (string_kind, c.pattern, c.format) {
                    let rules = StringRules::of(c);
                    let pattern = Pattern::new(source);
                    let bad = any_string(rules).prop_filter("breaks the pattern", move |s| {
                        rules.within(s) && !pattern.is_match(s)
                    });
                    out.push(with_value(
                        bad.prop_map(Value::String).boxed(),
                        ErrorCode::Pattern,
                    ));
                }
            }
            Keyword::Minimum | Keyword::ExclusiveMinimum => {
                let shift = i128::from(keyword == Keyword::ExclusiveMinimum);
                if let (Kind::Integer { min, .. }, Some(Number::Int(limit))) =
                    (integer_kind, c.number(keyword))
                    && limit + shift > *min
                {
                    out.push(with_value(
                        Just(int_value(limit + shift - 1)).boxed(),
                        ErrorCode::Range,
                    ));
                }
            }
            Keyword::Maximum | Keyword::ExclusiveMaximum => {
                let shift = i128::from(keyword == Keyword::ExclusiveMaximum);
                if let (Kind::Integer { max, .. }, Some(Number::Int(limit))) =
                    (integer_kind, c.number(keyword))
                    && limit - shift < *max
                {
                    out.push(with_value(
                        Just(int_value(limit - shift + 1)).boxed(),
                        ErrorCode::Range,
                    ));
                }
            }
            Keyword::MinItems | Keyword::MaxItems => {
                if let Kind::Array(item) = array_kind {
                    let items = c.items.unwrap_or(&Constraints::NONE);
                    let count = if keyword == Keyword::MinItems {
                        c.min_items.filter(|n| *n > 0).map(|n| n - 1)
                    } else {
                        c.max_items.map(|n| n + 1)
                    };
                    if let Some(count) = count {
                        let wrong =
                            proptest::collection::vec(valid_json(item, items), count as usize)
                                .prop_map(Value::Array);
                        out.push(with_value(wrong.boxed(), ErrorCode::Length));
                    }
                }
            }
            Keyword::Const | Keyword::Enum => {
                let code = if keyword == Keyword::Const {
                    ErrorCode::Const
                } else {
                    ErrorCode::Enum
                };
                // Against `const` alone when both are set: its value is in the `enum` too.
                let listed = if keyword == Keyword::Enum && c.const_value.is_some() {
                    None
                } else {
                    listed_values(&Constraints {
                        enum_values: c.enum_values.filter(|_| keyword == Keyword::Enum),
                        const_value: c.const_value.filter(|_| keyword == Keyword::Const),
                        ..Constraints::NONE
                    })
                };
                if let Some(other) = listed.and_then(|allowed| other_value(kind, allowed)) {
                    out.push(with_value(other, code));
                }
            }
            Keyword::MultipleOf => {
                if let (Kind::Integer { min, max }, Some(divisor)) = (kind, c.multiple_of) {
                    let (min, max) = (*min, *max);
                    let bad = (-1_000_i128..1_000).prop_filter_map("not a multiple", move |i| {
                        let value = int_value(i);
                        ((min..=max).contains(&i)
                            && within_range(&value, c)
                            && !crate::rules::is_multiple_of(Number::Int(i), divisor))
                        .then_some(value)
                    });
                    if (-1_000_i128..1_000).any(|i| {
                        (min..=max).contains(&i)
                            && within_range(&int_value(i), c)
                            && !crate::rules::is_multiple_of(Number::Int(i), divisor)
                    }) {
                        out.push(with_value(bad.boxed(), ErrorCode::MultipleOf));
                    }
                } else if let (Kind::Number, Some(divisor)) = (kind, c.multiple_of) {
                    // Half-way between two multiples.
                    let bad =
                        multiple(divisor, c, None).prop_filter_map("not a multiple", move |v| {
                            let x = v.as_f64()? + divisor.as_f64() / 2.0;
                            let value = serde_json::json!(x);
                            let number = crate::rules::NumberField::number_value(&value)?;
                            (within_range(&value, c)
                                && !crate::rules::is_multiple_of(number, divisor))
                            .then_some(value)
                        });
                    out.push(with_value(bad.boxed(), ErrorCode::MultipleOf));
                }
            }
            Keyword::UniqueItems => {
                if let Kind::Array(_) = kind {
                    let max = c.max_items;
                    // A valid list with its first item repeated (added, or over the last).
                    let bad =
                        valid_json(kind, c).prop_filter_map("room for a duplicate", move |list| {
                            let mut items = match list {
                                Value::Array(items) if !items.is_empty() => items,
                                _ => return None,
                            };
                            let first = items[0].clone();
                            if max.is_none_or(|m| (items.len() as u64) < m) {
                                items.push(first);
                            } else if items.len() >= 2 {
                                let last = items.len() - 1;
                                items[last] = first;
                            } else {
                                return None;
                            }
                            Some(Value::Array(items))
                        });
                    out.push(with_value(bad.boxed(), ErrorCode::UniqueItems));
                }
            }
            Keyword::MinProperties | Keyword::MaxProperties => {
                if let Kind::Map(values) = kind {
                    let count = if keyword == Keyword::MinProperties {
                        c.min_properties.filter(|n| *n > 0).map(|n| n - 1)
                    } else {
                        c.max_properties.map(|n| n + 1)
                    };
                    let code = if keyword == Keyword::MinProperties {
                        ErrorCode::MinProperties
                    } else {
                        ErrorCode::MaxProperties
                    };
                    if let Some(count) = count {
                        let n = count as usize;
                        out.push(with_value(
                            members(n..=n, member_value(values, c))
                                .prop_map(Value::Object)
                                .boxed(),
                            code,
                        ));
                    }
                }
            }
            // An object of the one member that requires others: they are missing.
            Keyword::DependentRequired => {
                if let Kind::Map(values) = kind
                    && c.min_properties.is_none_or(|n| n <= 1)
                    && c.max_properties.is_none_or(|n| n >= 1)
                    && c.const_value.is_none()
                    && c.enum_values.is_none()
                    && let Some((name, _)) = dependent_required(c)
                        .into_iter()
                        .find(|(name, required)| required.iter().any(|r| r != name))
                {
                    let object = member_value(values, c).prop_map(move |value| {
                        Value::Object([(name.clone(), value)].into_iter().collect())
                    });
                    out.push(with_value(object.boxed(), ErrorCode::DependentRequired));
                }
            }
            // One member whose value is of a JSON type `additionalProperties` does not take:
            // its `type` error, at the member's pointer. Its other keywords are held to each
            // value by `tests/vocabulary.rs`; here they are not broken one by one.
            Keyword::AdditionalProperties => {
                // `false` (`not()`): any member is a `not` error at its pointer (a map of JSON
                // values: a typed map's member of another type is its `type` error first).
                let closed =
                    refuses_all(c.additional_properties).then_some((Value::Null, ErrorCode::Not));
                let typed = c
                    .additional_properties
                    .and_then(|values| values.types())
                    .and_then(outside)
                    .map(|value| (value, ErrorCode::Type));
                if let (Kind::Map(values_kind), Some((value, code))) =
                    (object_kind, closed.or(typed))
                    && (code != ErrorCode::Not || matches!(values_kind, Kind::Any))
                    && c.min_properties.is_none_or(|n| n <= 1)
                    && c.max_properties.is_none_or(|n| n >= 1)
                    && c.const_value.is_none()
                    && c.enum_values.is_none()
                    && dependent_required(c).is_empty()
                {
                    let member: Map<String, Value> =
                        [("m0".to_owned(), value)].into_iter().collect();
                    out.push(
                        (object(spec), Just(Value::Object(member)))
                            .prop_map(move |(mut document, value)| {
                                insert(&mut document, wire, value);
                                let path = format!("{}/m0", m3ter_vocab::pointer::member(wire));
                                (document, Broken { path, code })
                            })
                            .boxed(),
                    );
                }
            }
            // One member whose name breaks `propertyNames`'s length (too long, or empty), or its
            // values (a name they do not list): a `propertyNames` error at the object.
            Keyword::PropertyNames => {
                if let (Kind::Map(values), Some(names)) = (object_kind, c.property_names)
                    && !refuses_all(c.additional_properties)
                    && c.min_properties.is_none_or(|n| n <= 1)
                    && c.max_properties.is_none_or(|n| n >= 1)
                    && c.const_value.is_none()
                    && c.enum_values.is_none()
                    && dependent_required(c).is_empty()
                {
                    let bad = match (names.max_length, names.min_length) {
                        // `false` (`not()`): any name.
                        _ if refuses_all(Some(names)) => Some("m0".to_owned()),
                        (Some(max), _) if max < 1024 => Some("n".repeat(max as usize + 1)),
                        (Some(_), _) => None,
                        (None, Some(min)) if min > 0 => Some(String::new()),
                        _ if names.const_value.is_some() || names.enum_values.is_some() => {
                            Some("\u{1}".to_owned())
                        }
                        _ => None,
                    };
                    let value = member_value(values, c);
                    if let Some(bad) = bad {
                        out.push(
                            (object(spec), value)
                                .prop_map(move |(mut document, value)| {
                                    let member: Map<String, Value> =
                                        [(bad.clone(), value)].into_iter().collect();
                                    insert(&mut document, wire, Value::Object(member));
                                    (document, broken(wire, ErrorCode::PropertyNames))
                                })
                                .boxed(),
                        );
                    }
                }
            }
            // A valid object without the first member `required` names: its `required` error,
            // at the member's pointer.
            Keyword::RequiredMembers => {
                if let (Kind::Map(_), Some(name)) =
                    (object_kind, required_members(c).into_iter().next())
                    && c.min_properties.is_none()
                    && dependent_required(c).is_empty()
                    && no_value_rules(c)
                {
                    let path = format!(
                        "{}/{}",
                        m3ter_vocab::pointer::member(wire),
                        m3ter_vocab::pointer::escape(&name)
                    );
                    out.push(
                        (object(spec), drawn(&ANY_OBJECT, c))
                            .prop_map(move |(mut document, mut value)| {
                                if let Value::Object(members) = &mut value {
                                    members.remove(&name);
                                }
                                insert(&mut document, wire, value);
                                let code = ErrorCode::Required;
                                (
                                    document,
                                    Broken {
                                        path: path.clone(),
                                        code,
                                    },
                                )
                            })
                            .boxed(),
                    );
                }
            }
            // A valid object whose member (one `required` names, or any where `maxProperties`
            // leaves room) is of a JSON type its `properties` schema's `type` refuses: its
            // `type` error, at the member's pointer.
            Keyword::Properties => {
                let required = required_members(c);
                let target = c
                    .properties
                    .unwrap_or(&[])
                    .iter()
                    .find_map(|(name, inner)| {
                        let value = inner.types().and_then(outside)?;
                        let room = required.iter().any(|r| r == name) || c.max_properties.is_none();
                        room.then(|| ((*name).to_owned(), value))
                    });
                if let (Kind::Map(_), Some((name, bad))) = (object_kind, target)
                    && c.property_names.is_none()
                    && c.pattern_properties.is_none()
                    && dependent_required(c).is_empty()
                    && no_value_rules(c)
                {
                    let path = format!(
                        "{}/{}",
                        m3ter_vocab::pointer::member(wire),
                        m3ter_vocab::pointer::escape(&name)
                    );
                    out.push(
                        (object(spec), drawn(&ANY_OBJECT, c))
                            .prop_map(move |(mut document, mut value)| {
                                if let Value::Object(members) = &mut value {
                                    members.insert(name.clone(), bad.clone());
                                }
                                insert(&mut document, wire, value);
                                let code = ErrorCode::Type;
                                (
                                    document,
                                    Broken {
                                        path: path.clone(),
                                        code,
                                    },
                                )
                            })
                            .boxed(),
                    );
                }
            }
            // Each pattern's keywords are held to the members it matches by
            // `tests/vocabulary.rs`; a name that matches a pattern is not generated here.
            Keyword::PatternProperties => {}
            // Too few matches: an empty list (where `minItems` allows one) has none. Too many:
            // one more item than `maxContains`, each drawn from `contains` (where the list can
            // be built so, `contains_counts`).
            Keyword::Contains => {
                let required = c.min_contains.unwrap_or(1);
                let code = if c.min_contains.is_some() {
                    ErrorCode::MinContains
                } else {
                    ErrorCode::Contains
                };
                if let Kind::Array(_) = array_kind
                    && required > 0
                    && c.min_items.unwrap_or(0) == 0
                    && c.const_value.is_none()
                    && c.enum_values.is_none()
                {
                    out.push(with_value(Just(Value::Array(Vec::new())).boxed(), code));
                }
            }
            Keyword::MaxContains => {
                if let (Kind::Array(item), Some(contains), Some(max)) =
                    (array_kind, c.contains, c.max_contains)
                    && contains_counts(c).is_some()
                    && c.max_items.is_none_or(|m| m > max)
                    && c.const_value.is_none()
                    && c.enum_values.is_none()
                    && let Ok(count) = usize::try_from(max + 1)
                {
                    let many = proptest::collection::vec(valid_json(item, contains), count)
                        .prop_map(Value::Array);
                    out.push(with_value(many.boxed(), ErrorCode::MaxContains));
                }
            }
            // Broken through `contains` (an empty list) where it is above 0.
            Keyword::MinContains => {}
            // Not broken here: a value that satisfies `if` but not `then` (or neither `if` nor
            // `else`) is drawn by no rule of one keyword.
            Keyword::If | Keyword::Then | Keyword::Else => {}
            // Not broken here either: a value that satisfies none of the schemas (or two of
            // `oneOf`'s, or fails one of `allOf`'s) is drawn by no rule of one keyword.
            Keyword::AllOf | Keyword::AnyOf | Keyword::OneOf => {}
            // The items are broken where their types are generated, as under `items`.
            Keyword::PrefixItems => {}
            // A value that satisfies `not`'s schema, where one of the member's kind can.
            Keyword::Not => {
                if let Some(not) = c.not
                    && listed_values(not).is_none_or(|values| values.iter().any(|v| fits(kind, v)))
                {
                    out.push(with_value(valid_json(kind, not), ErrorCode::Not));
                }
            }
            // Words for people about the pattern: broken with the pattern.
            Keyword::PatternRule => {}
            // An annotation (the value when absent): nothing a value can break.
            Keyword::Default => {}
            // The item constraints and a nested type's own are broken where those types are
            // generated (`invalid::<Item>()`); here the member stays valid.
            Keyword::Items | Keyword::Nested => {}
            // Presence: broken above (`required`, `null`, `forbidden`).
            Keyword::Required | Keyword::Nullable | Keyword::Forbidden => {}
        }
    }
    if let Kind::Enum(allowed) = kind {
        let other = "[A-Za-z_0-9 ]{0,12}"
            .prop_filter("not allowed", move |s| !allowed.contains(&s.as_str()));
        out.push(with_value(
            other.prop_map(Value::String).boxed(),
            ErrorCode::Enum,
        ));
    }
    out
}
