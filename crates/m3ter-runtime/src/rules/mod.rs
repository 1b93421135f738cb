//! The runtime rules: plain functions that the code expanded by `#[derive(Validate)]` calls.
//!
//! Each check pushes its errors onto a caller-owned `Vec` and allocates nothing when the value
//! is valid.

pub mod access;
pub mod applicators;
pub mod arn;
pub mod bucket;
pub mod calendar;
pub mod contains;
pub mod internet;
pub mod json;
pub mod length;
pub mod multiple;
pub mod number;
pub mod pattern;
pub mod presence;
pub mod properties;
pub mod range;
pub mod uri;
pub mod values;

pub use access::{ItemsField, JsonField, NumberField, StrField};
pub use applicators::{check_any_of, check_not, check_one_of};
pub use arn::{IamRoleArn, parse_iam_role_arn};
pub use contains::check_contains;
pub use json::{
    check_type, json_schema_type, json_type_name, push_enum_error, push_forbidden, push_required,
    push_type_error, push_unknown_field,
};
pub use length::{check_items, check_length, count_chars_within};
pub use multiple::{check_multiple_of, is_multiple_of};
pub use number::Number;
pub use pattern::{Pattern, check_format, check_pattern};
pub use presence::check_forbidden;
pub use properties::{
    MembersField, PropertiesField, check_dependent_required, check_properties, check_property_name,
    check_required_members,
};
pub use range::check_range;
pub use values::{
    JsonEq, JsonLiteral, ValueField, check_const, check_enum_values, check_unique_items, hash_str,
    json_equal,
};
