//! The table itself: one row per keyword. Adding a row adds a [`Keyword`] variant and a
//! [`Constraints`] slot; the compiler then lists the sites that must handle it.

use std::fmt;

use crate::keyword::{Level, ParamKind, Types, vocabulary};

vocabulary! {
    /// `type`, as a keyword: the value must be of one of these JSON types (`integer` takes
    /// `1.0`, `number` takes integers, as JSON Schema says). Only on a member whose Rust type
    /// does not decide its JSON type (a `serde_json::Value`): a member of one type has it from
    /// its Rust type instead.
    Type { spec: "type", json: Some("type"), slot: types, applies: Types::ANY, param: Types, level: Value }
    /// `minLength`: at least this many Unicode code points.
    MinLength { spec: "min_length", json: Some("minLength"), slot: min_length, applies: Types::STRING, param: Count, level: Value }
    /// `maxLength`: at most this many Unicode code points.
    MaxLength { spec: "max_length", json: Some("maxLength"), slot: max_length, applies: Types::STRING, param: Count, level: Value }
    /// `minItems`: at least this many items.
    MinItems { spec: "min_items", json: Some("minItems"), slot: min_items, applies: Types::ARRAY, param: Count, level: Value }
    /// `maxItems`: at most this many items.
    MaxItems { spec: "max_items", json: Some("maxItems"), slot: max_items, applies: Types::ARRAY, param: Count, level: Value }
    /// `format`: a named format of the registry ([`Format`](crate::Format)).
    Format { spec: "format", json: Some("format"), slot: format, applies: Types::STRING, param: Format, level: Value }
    /// `pattern`: an ECMA-262 regular expression the string must match (anchored as written).
    Pattern { spec: "pattern", json: Some("pattern"), slot: pattern, applies: Types::STRING, param: Text, level: Value }
    /// `x-m3ter-pattern-rule`: the `pattern` in words, for people: a pattern error says it
    /// (the pattern stays in the error's parameters).
    PatternRule { spec: "pattern_rule", json: Some("x-m3ter-pattern-rule"), slot: pattern_rule, applies: Types::STRING, param: Text, level: Value }
    /// `minimum`: at least this number.
    Minimum { spec: "minimum", json: Some("minimum"), slot: minimum, applies: Types::NUMBER, param: Number, level: Value }
    /// `maximum`: at most this number.
    Maximum { spec: "maximum", json: Some("maximum"), slot: maximum, applies: Types::NUMBER, param: Number, level: Value }
    /// `exclusiveMinimum`: greater than this number.
    ExclusiveMinimum { spec: "exclusive_minimum", json: Some("exclusiveMinimum"), slot: exclusive_minimum, applies: Types::NUMBER, param: Number, level: Value }
    /// `exclusiveMaximum`: less than this number.
    ExclusiveMaximum { spec: "exclusive_maximum", json: Some("exclusiveMaximum"), slot: exclusive_maximum, applies: Types::NUMBER, param: Number, level: Value }
    /// `multipleOf`: the number divided by this one (greater than 0) is an integer, decided
    /// exactly on the decimal values (`0.0075` is a multiple of `0.0001`).
    MultipleOf { spec: "multiple_of", json: Some("multipleOf"), slot: multiple_of, applies: Types::NUMBER, param: Number, level: Value }
    /// `uniqueItems` (`true`): no two items are equal (JSON Schema's equality: `1` and `1.0` are
    /// equal, objects regardless of member order). `false` constrains nothing and is not written.
    UniqueItems { spec: "unique_items", json: Some("uniqueItems"), slot: unique_items, applies: Types::ARRAY, param: Flag, level: Value }
    /// `minProperties`: at least this many members.
    MinProperties { spec: "min_properties", json: Some("minProperties"), slot: min_properties, applies: Types::OBJECT, param: Count, level: Value }
    /// `maxProperties`: at most this many members.
    MaxProperties { spec: "max_properties", json: Some("maxProperties"), slot: max_properties, applies: Types::OBJECT, param: Count, level: Value }
    /// `dependentRequired`: when a member named as a key is present, every member its list
    /// names must be too, given as JSON text (`dependent_required = "{\"a\": [\"b\"]}"`): an
    /// object of arrays of strings. One error per missing member, at the object's pointer.
    DependentRequired { spec: "dependent_required", json: Some("dependentRequired"), slot: dependent_required, applies: Types::OBJECT, param: Json, level: Value }
    /// `required` as the object's list of member names, on a value without fields (a
    /// `serde_json::Value`, or a nested schema of one), given as JSON text
    /// (`required_members = "[\"a\", \"b\"]"`): an array of distinct strings. One error
    /// `required` per missing member, at the member's pointer (`/p/a`), as a struct's missing
    /// field has; a value that is not an object has no members to require. Spelled apart from
    /// the member flag `required` (a struct field's, the parent's list given to each field).
    RequiredMembers { spec: "required_members", json: Some("required"), slot: required_members, applies: Types::OBJECT, param: Json, level: Value }
    /// `properties` on a value without fields (a `serde_json::Value`, or a nested schema of
    /// one): for each member name, the keywords of that member's value when it is present
    /// (`properties("a" (min_length = 1), "b" ())`), each error at the member's pointer
    /// (`/p/a`); `additional_properties` beside it then applies only to the other members. A
    /// struct declares its members as fields instead.
    Properties { spec: "properties", json: Some("properties"), slot: properties, applies: Types::OBJECT, param: MemberSchemas, level: Value }
    /// `additionalProperties` given a schema, on a map (an object without declared members):
    /// these keywords apply to the value of every member, a nested schema as `items(...)`
    /// holds one; each error is at the member's pointer (`/map/key`). On a
    /// `serde_json::Value`, to every member of an object. On a struct's `#[serde(flatten)]`
    /// map of its other members, to the members neither declared nor matched by a
    /// `patternProperties` pattern. (`additionalProperties: false` alone beside `properties`
    /// is a struct that denies unknown members, not this keyword.)
    AdditionalProperties { spec: "additional_properties", json: Some("additionalProperties"), slot: additional_properties, applies: Types::OBJECT, param: Items, level: Value }
    /// `propertyNames`: every member's name, a string, satisfies these keywords (a nested
    /// schema of string keywords). One error `propertyNames` per keyword a name breaks, at the
    /// object's pointer, naming the member and the error its name has.
    PropertyNames { spec: "property_names", json: Some("propertyNames"), slot: property_names, applies: Types::OBJECT, param: Items, level: Value }
    /// `patternProperties` on a map: for each ECMA-262 pattern (unanchored, as JSON Schema
    /// says), the keywords of the value of every member whose name matches it (each matching
    /// pattern applies), each error at the member's pointer; `additionalProperties` beside it
    /// then applies only to the members no pattern matches. On a struct's `#[serde(flatten)]`
    /// map of its other members, to every member of the object, declared ones too.
    PatternProperties { spec: "pattern_properties", json: Some("patternProperties"), slot: pattern_properties, applies: Types::OBJECT, param: PatternSchemas, level: Value }
    /// `const`: the value equals this one, given as JSON text (`const = "3"`, `const = "[1, null]"`),
    /// by JSON Schema's equality.
    Const { spec: "const", json: Some("const"), slot: const_value, applies: Types::ANY, param: Json, level: Value }
    /// `enum` of any JSON values: the value equals one of the array's, given as JSON text
    /// (`enum = "[1, \"a\", null]"`), by JSON Schema's equality. A `type: string` enum
    /// of strings is generated as a Rust enum instead.
    Enum { spec: "enum", json: Some("enum"), slot: enum_values, applies: Types::ANY, param: Json, level: Value }
    /// `items`: these keywords apply to every item of the array.
    Items { spec: "items", json: Some("items"), slot: items, applies: Types::ARRAY, param: Items, level: Value }
    /// `contains`: at least one item (or as `minContains`/`maxContains` say) satisfies these
    /// keywords, a nested schema as `items(...)` holds one.
    Contains { spec: "contains", json: Some("contains"), slot: contains, applies: Types::ARRAY, param: Items, level: Value }
    /// `minContains`: at least this many items satisfy `contains` (`0`: none need to); without
    /// `contains` it constrains nothing, as JSON Schema says.
    MinContains { spec: "min_contains", json: Some("minContains"), slot: min_contains, applies: Types::ARRAY, param: Count, level: Value }
    /// `maxContains`: at most this many items satisfy `contains`; without `contains` it
    /// constrains nothing, as JSON Schema says.
    MaxContains { spec: "max_contains", json: Some("maxContains"), slot: max_contains, applies: Types::ARRAY, param: Count, level: Value }
    /// `not`: the value must not satisfy these keywords, a nested schema as `items(...)` holds
    /// one (`not()`, the empty schema, is satisfied by every value: nothing passes it, which is
    /// how a `false` schema is written).
    Not { spec: "not", json: Some("not"), slot: not, applies: Types::ANY, param: Items, level: Value }
    /// `if`: a nested schema that decides, silently, which of `then` and `else` applies: its
    /// own errors are never reported. Written `if(...)` (`if` is a Rust keyword, but any
    /// identifier, keywords included, names a keyword in `#[spec(...)]`); without `then` or
    /// `else` it constrains nothing.
    If { spec: "if", json: Some("if"), slot: if_schema, applies: Types::ANY, param: Items, level: Value }
    /// `then`: the keywords the value must satisfy when it satisfies `if`, its errors reported
    /// as the value's own; without `if` it constrains nothing, as JSON Schema says.
    Then { spec: "then", json: Some("then"), slot: then_schema, applies: Types::ANY, param: Items, level: Value }
    /// `else`: the keywords the value must satisfy when it does not satisfy `if`, its errors
    /// reported as the value's own; without `if` it constrains nothing, as JSON Schema says.
    Else { spec: "else", json: Some("else"), slot: else_schema, applies: Types::ANY, param: Items, level: Value }
    /// `allOf`: the value satisfies every one of these nested schemas (written as `any_of`'s),
    /// each checked on its own, its errors reported as the value's own (at the value's
    /// pointer). The generator merges the parts it can merge exactly into one schema and keeps
    /// here only what merging would change (a part's `anyOf`, `oneOf`, `not`, `if`/`then`/`else`,
    /// `prefixItems` with its `items`, `contains` with its bounds).
    AllOf { spec: "all_of", json: Some("allOf"), slot: all_of, applies: Types::ANY, param: Schemas, level: Value }
    /// `anyOf`: the value satisfies at least one of these nested schemas, each written in
    /// parentheses (`any_of((min_length = 2), (maximum = 3))`). Their own errors are never
    /// reported: one error `anyOf` when none is satisfied.
    AnyOf { spec: "any_of", json: Some("anyOf"), slot: any_of, applies: Types::ANY, param: Schemas, level: Value }
    /// `oneOf`: the value satisfies exactly one of these nested schemas (written as `any_of`'s):
    /// one error `oneOf` when none is, or more than one.
    OneOf { spec: "one_of", json: Some("oneOf"), slot: one_of, applies: Types::ANY, param: Schemas, level: Value }
    /// `prefixItems`: item `i` satisfies schema `i` of these (written as `any_of`'s), its errors
    /// the item's own; `items` beside it applies to the items after them only.
    PrefixItems { spec: "prefix_items", json: Some("prefixItems"), slot: prefix_items, applies: Types::ARRAY, param: Schemas, level: Value }
    /// `nested`: the value is of a type with its own constraints (a reference to an object
    /// schema), validated in turn.
    Nested { spec: "nested", json: None, slot: nested, applies: Types::OBJECT.or(Types::ARRAY), param: Flag, level: Value }
    /// `required` (the parent's list, for an `Option` field): the member must be present.
    Required { spec: "required", json: Some("required"), slot: required, applies: Types::ANY, param: Flag, level: Member }
    /// `nullable` (a type list with `"null"`): the member may be `null`.
    Nullable { spec: "nullable", json: Some("nullable"), slot: nullable, applies: Types::ANY, param: Flag, level: Member }
    /// `default`: the member's value when it is absent, as JSON text (`default = "\"TIME_FIRST\""`).
    /// It constrains nothing; the generated models fill it in when reading a document without
    /// the member, and the JSON Schema states it.
    Default { spec: "default", json: Some("default"), slot: default, applies: Types::ANY, param: Json, level: Member }
    /// `forbidden` (`x-m3ter-operations`): the member must be absent, in the named operation.
    Forbidden { spec: "forbidden", json: Some("x-m3ter-operations"), slot: forbidden, applies: Types::ANY, param: Context, level: Member }
}
