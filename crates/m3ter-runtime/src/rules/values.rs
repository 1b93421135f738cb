//! `const`, `enum` (of any JSON values) and `uniqueItems`: JSON Schema's equality, on raw JSON
//! and on typed values alike.
//!
//! Two JSON values are equal when they are of the same JSON type and: numbers have the same
//! mathematical value (`1` and `1.0` are equal), strings the same code points, arrays equal
//! items in order, objects the same member names with equal values (in any order). A typed
//! field is compared through [`JsonEq`] without being serialized, with the verdict its JSON
//! would get.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

use super::access::{ItemsField, NumberField};
use super::number::Number;

/// Whether `a` and `b` are equal by JSON Schema's equality.
pub fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(_), Value::Number(_)) => numbers_equal(a.number_value(), b.number_value()),
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => objects_equal(x, y),
        _ => false,
    }
}

fn objects_equal(x: &Map<String, Value>, y: &Map<String, Value>) -> bool {
    x.len() == y.len()
        && x.iter()
            .all(|(key, value)| y.get(key).is_some_and(|other| json_equal(value, other)))
}

/// Two numbers with the same mathematical value (never a NaN).
fn numbers_equal(a: Option<Number>, b: Option<Number>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.compare(b) == Some(std::cmp::Ordering::Equal))
}

/// A typed value compared with JSON Schema's equality, as its JSON would be.
pub trait JsonEq {
    /// Whether the value's JSON equals `other`.
    fn eq_json(&self, other: &Value) -> bool;
    /// Whether the JSON of two values of the type are equal.
    fn eq_same(&self, other: &Self) -> bool;
    /// A hash of the value's JSON that equal values share (`1` and `1.0`, objects in any
    /// member order), so that `uniqueItems` compares only items with the same hash.
    fn json_hash(&self) -> u64;
    /// A value of the type as serde writes it (`serde_json::to_value`), read as the rules
    /// read the typed value: an `f32` by its shortest decimal form (`0.1_f32` is the number
    /// `0.1`, not `0.100000001490116…`), lists, maps, `Option` and `Box` their items so; any
    /// other value as it is. What a keyword on the written JSON then checks (a pattern of the
    /// flattened other members that matches a declared member) is what the member's own
    /// keywords check, and what the raw path checks (`ValidateJson::as_read`).
    fn read_json(value: Value) -> Value {
        value
    }
}

/// The hash of a string's JSON (the wire string of a unit enum hashes so too).
pub fn hash_str(s: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write_u8(b's');
    hasher.write(s.as_bytes());
    hasher.finish()
}

fn hash_number(n: Option<Number>) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write_u8(b'n');
    match n {
        // An integral float within i128 equals that integer: hashed as it.
        Some(Number::Float(f)) if f.fract() == 0.0 && f.abs() < 1.7e38 => {
            #[allow(clippy::cast_possible_truncation)]
            hasher.write_i128(f as i128);
        }
        Some(Number::Float(f)) => hasher.write_u64(f.to_bits()),
        Some(Number::Int(i)) => hasher.write_i128(i),
        None => {}
    }
    hasher.finish()
}

fn hash_tag(tag: u8) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write_u8(tag);
    hasher.finish()
}

/// The hash of a sequence of item hashes.
fn hash_items(items: impl Iterator<Item = u64>) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write_u8(b'a');
    for item in items {
        hasher.write_u64(item);
    }
    hasher.finish()
}

/// The hash of an object's members, whatever their order.
fn hash_members<'a, V: JsonEq + ?Sized + 'a>(
    members: impl Iterator<Item = (&'a String, &'a V)>,
) -> u64 {
    let mut sum = hash_tag(b'o');
    for (key, value) in members {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write_u64(hash_str(key));
        hasher.write_u64(value.json_hash());
        sum = sum.wrapping_add(hasher.finish());
    }
    sum
}

/// The hash of a raw value (`JsonEq::json_hash` of `Value`).
pub fn json_hash(value: &Value) -> u64 {
    match value {
        Value::Null => hash_tag(b'z'),
        Value::Bool(b) => hash_tag(if *b { b't' } else { b'f' }),
        Value::Number(_) => hash_number(value.number_value()),
        Value::String(s) => hash_str(s),
        Value::Array(items) => hash_items(items.iter().map(json_hash)),
        Value::Object(members) => hash_members(members.iter()),
    }
}

macro_rules! str_eq {
    ($($t:ty),*) => {$(
        impl JsonEq for $t {
            fn eq_json(&self, other: &Value) -> bool {
                other.as_str() == Some(&**self)
            }
            fn eq_same(&self, other: &Self) -> bool {
                **self == **other
            }
            fn json_hash(&self) -> u64 {
                hash_str(self)
            }
        }
    )*};
}
str_eq!(String);

impl JsonEq for std::borrow::Cow<'_, str> {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_str() == Some(&**self)
    }
    fn eq_same(&self, other: &Self) -> bool {
        **self == **other
    }
    fn json_hash(&self) -> u64 {
        hash_str(self)
    }
}

impl JsonEq for str {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_str() == Some(self)
    }
    fn eq_same(&self, other: &Self) -> bool {
        self == other
    }
    fn json_hash(&self) -> u64 {
        hash_str(self)
    }
}

macro_rules! number_eq {
    ($($t:ty $(, read: $read:expr)?;)*) => {$(
        impl JsonEq for $t {
            fn eq_json(&self, other: &Value) -> bool {
                other.is_number() && numbers_equal(self.number_value(), other.number_value())
            }
            fn eq_same(&self, other: &Self) -> bool {
                numbers_equal(self.number_value(), other.number_value())
            }
            fn json_hash(&self) -> u64 {
                hash_number(self.number_value())
            }
            $(
                fn read_json(value: Value) -> Value {
                    let read: fn(&Value) -> std::borrow::Cow<'_, Value> = $read;
                    read(&value).into_owned()
                }
            )?
        }
    )*};
}
number_eq! {
    i8; i16; i32; i64; u8; u16; u32; u64; f64;
    f32, read: crate::json::read_f32;
}

impl JsonEq for bool {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_bool() == Some(*self)
    }
    fn eq_same(&self, other: &Self) -> bool {
        self == other
    }
    fn json_hash(&self) -> u64 {
        hash_tag(if *self { b't' } else { b'f' })
    }
}

impl JsonEq for Value {
    fn eq_json(&self, other: &Value) -> bool {
        json_equal(self, other)
    }
    fn eq_same(&self, other: &Self) -> bool {
        json_equal(self, other)
    }
    fn json_hash(&self) -> u64 {
        json_hash(self)
    }
}

impl JsonEq for Map<String, Value> {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_object().is_some_and(|o| objects_equal(self, o))
    }
    fn eq_same(&self, other: &Self) -> bool {
        objects_equal(self, other)
    }
    fn json_hash(&self) -> u64 {
        hash_members(self.iter())
    }
}

/// Each item of a written list read as a `T` ([`JsonEq::read_json`]).
fn read_items<T: JsonEq + ?Sized>(value: Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.into_iter().map(T::read_json).collect()),
        other => other,
    }
}

/// Each member of a written object read as a `V` ([`JsonEq::read_json`]).
fn read_members<V: JsonEq + ?Sized>(value: Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(key, member)| (key, V::read_json(member)))
                .collect(),
        ),
        other => other,
    }
}

impl<T: JsonEq> JsonEq for [T] {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_array().is_some_and(|items| {
            items.len() == self.len() && self.iter().zip(items).all(|(a, b)| a.eq_json(b))
        })
    }
    fn eq_same(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a.eq_same(b))
    }
    fn json_hash(&self) -> u64 {
        hash_items(self.iter().map(JsonEq::json_hash))
    }
    fn read_json(value: Value) -> Value {
        read_items::<T>(value)
    }
}

impl<T: JsonEq> JsonEq for Vec<T> {
    fn eq_json(&self, other: &Value) -> bool {
        self.as_slice().eq_json(other)
    }
    fn eq_same(&self, other: &Self) -> bool {
        self.as_slice().eq_same(other)
    }
    fn json_hash(&self) -> u64 {
        self.as_slice().json_hash()
    }
    fn read_json(value: Value) -> Value {
        read_items::<T>(value)
    }
}

impl<V: JsonEq, S: BuildHasher> JsonEq for HashMap<String, V, S> {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_object().is_some_and(|o| {
            o.len() == self.len()
                && self
                    .iter()
                    .all(|(k, v)| o.get(k).is_some_and(|other| v.eq_json(other)))
        })
    }
    fn eq_same(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(k, v)| other.get(k).is_some_and(|o| v.eq_same(o)))
    }
    fn json_hash(&self) -> u64 {
        hash_members(self.iter())
    }
    fn read_json(value: Value) -> Value {
        read_members::<V>(value)
    }
}

impl<V: JsonEq> JsonEq for BTreeMap<String, V> {
    fn eq_json(&self, other: &Value) -> bool {
        other.as_object().is_some_and(|o| {
            o.len() == self.len()
                && self
                    .iter()
                    .all(|(k, v)| o.get(k).is_some_and(|other| v.eq_json(other)))
        })
    }
    fn eq_same(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other)
                .all(|((k, v), (l, w))| k == l && v.eq_same(w))
    }
    fn json_hash(&self) -> u64 {
        hash_members(self.iter())
    }
    fn read_json(value: Value) -> Value {
        read_members::<V>(value)
    }
}

/// `None` is `null` (an item of a list of optional values).
impl<T: JsonEq> JsonEq for Option<T> {
    fn eq_json(&self, other: &Value) -> bool {
        match self {
            None => other.is_null(),
            Some(value) => value.eq_json(other),
        }
    }
    fn eq_same(&self, other: &Self) -> bool {
        match (self, other) {
            (None, None) => true,
            (Some(a), Some(b)) => a.eq_same(b),
            _ => false,
        }
    }
    fn json_hash(&self) -> u64 {
        self.as_ref()
            .map_or_else(|| hash_tag(b'z'), JsonEq::json_hash)
    }
    fn read_json(value: Value) -> Value {
        if value.is_null() {
            value
        } else {
            T::read_json(value)
        }
    }
}

impl<T: JsonEq + ?Sized> JsonEq for Box<T> {
    fn eq_json(&self, other: &Value) -> bool {
        (**self).eq_json(other)
    }
    fn eq_same(&self, other: &Self) -> bool {
        (**self).eq_same(other)
    }
    fn json_hash(&self) -> u64 {
        (**self).json_hash()
    }
    fn read_json(value: Value) -> Value {
        T::read_json(value)
    }
}

impl<T: JsonEq + ?Sized> JsonEq for &T {
    fn eq_json(&self, other: &Value) -> bool {
        (**self).eq_json(other)
    }
    fn eq_same(&self, other: &Self) -> bool {
        (**self).eq_same(other)
    }
    fn json_hash(&self) -> u64 {
        (**self).json_hash()
    }
    fn read_json(value: Value) -> Value {
        T::read_json(value)
    }
}

/// A field whose value `const` and `enum` compare, or absent (an optional field's `None`).
pub trait ValueField {
    /// The value's type.
    type Value: JsonEq + ?Sized;
    /// The value, or `None` when the field is absent.
    fn value(&self) -> Option<&Self::Value>;
}

macro_rules! value_field {
    ($($t:ty),*) => {$(
        impl ValueField for $t {
            type Value = $t;
            fn value(&self) -> Option<&$t> {
                Some(self)
            }
        }
    )*};
}
value_field!(
    str,
    String,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f32,
    f64,
    bool,
    Value,
    Map<String, Value>
);

impl<'a> ValueField for std::borrow::Cow<'a, str> {
    type Value = Self;
    fn value(&self) -> Option<&Self> {
        Some(self)
    }
}

impl<T: JsonEq> ValueField for Vec<T> {
    type Value = Vec<T>;
    fn value(&self) -> Option<&Vec<T>> {
        Some(self)
    }
}

impl<T: JsonEq> ValueField for [T] {
    type Value = [T];
    fn value(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<V: JsonEq, S: BuildHasher> ValueField for HashMap<String, V, S> {
    type Value = Self;
    fn value(&self) -> Option<&Self> {
        Some(self)
    }
}

impl<V: JsonEq> ValueField for BTreeMap<String, V> {
    type Value = Self;
    fn value(&self) -> Option<&Self> {
        Some(self)
    }
}

impl<T: ValueField + ?Sized> ValueField for Box<T> {
    type Value = T::Value;
    fn value(&self) -> Option<&T::Value> {
        (**self).value()
    }
}

impl<T: ValueField + ?Sized> ValueField for &T {
    type Value = T::Value;
    fn value(&self) -> Option<&T::Value> {
        (**self).value()
    }
}

impl<T: ValueField> ValueField for Option<T> {
    type Value = T::Value;
    fn value(&self) -> Option<&T::Value> {
        self.as_ref().and_then(ValueField::value)
    }
}

/// A JSON value written as JSON text (`const`'s or `enum`'s parameter), parsed once, when first
/// compared. Text that is not JSON (the derive and the generator refuse it) reads as `null`.
#[derive(Debug)]
pub struct JsonLiteral {
    text: &'static str,
    parsed: OnceLock<Value>,
}

impl JsonLiteral {
    /// The literal of `text`, for a `static`.
    pub const fn new(text: &'static str) -> Self {
        JsonLiteral {
            text,
            parsed: OnceLock::new(),
        }
    }

    /// The JSON text, as written.
    pub fn text(&self) -> &'static str {
        self.text
    }

    /// The value.
    pub fn value(&self) -> &Value {
        self.parsed
            .get_or_init(|| serde_json::from_str(self.text).unwrap_or(Value::Null))
    }
}

/// Checks `const`: the field's value equals `expected` (skipped when the field is absent).
pub fn check_const<F: ValueField + ?Sized>(
    field: &F,
    expected: &'static JsonLiteral,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.value() else { return };
    if !value.eq_json(expected.value()) {
        push_values_error(
            ErrorKind::Const {
                expected: expected.text(),
            },
            path,
            errors,
        );
    }
}

/// Checks `enum`: the field's value equals one of `allowed`'s items (skipped when the field is
/// absent). `allowed` is a JSON array.
pub fn check_enum_values<F: ValueField + ?Sized>(
    field: &F,
    allowed: &'static JsonLiteral,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.value() else { return };
    let found = allowed
        .value()
        .as_array()
        .is_some_and(|values| values.iter().any(|v| value.eq_json(v)));
    if !found {
        push_values_error(
            ErrorKind::EnumValues {
                allowed: allowed.text(),
            },
            path,
            errors,
        );
    }
}

/// Checks `uniqueItems`: no two items of a list field are equal (skipped when the field is
/// absent). One error, naming the first pair found (the later item's smallest index, then the
/// earlier one's).
pub fn check_unique_items<F>(field: &F, path: &Path<'_>, errors: &mut Vec<ValidationError>)
where
    F: ItemsField + ?Sized,
    F::Item: JsonEq,
{
    let Some(items) = field.items() else { return };
    if let Some((first, second)) = first_duplicate(items) {
        push_values_error(
            ErrorKind::UniqueItems {
                first: first as u64,
                second: second as u64,
            },
            path,
            errors,
        );
    }
}

/// The indexes `(i, j)`, `i < j`, of the first two equal items: the smallest `j`, then `i`.
///
/// A short list is compared pair by pair; a longer one is sorted by the items' JSON hashes and
/// only items with the same hash are compared, so that a long list costs `n log n`, not `n²`.
pub fn first_duplicate<T: JsonEq>(items: &[T]) -> Option<(usize, usize)> {
    if items.len() <= 32 {
        for (j, later) in items.iter().enumerate() {
            if let Some(i) = items[..j].iter().position(|earlier| earlier.eq_same(later)) {
                return Some((i, j));
            }
        }
        return None;
    }
    let mut hashed: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (item.json_hash(), index))
        .collect();
    hashed.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for run in hashed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // The run is in index order: its first item equal to an earlier one has the run's
        // smallest `j`, and the first earlier one it equals the smallest `i`.
        'run: for (position, &(_, j)) in run.iter().enumerate().skip(1) {
            if best.is_some_and(|(_, best_j)| best_j < j) {
                break;
            }
            for &(_, i) in &run[..position] {
                if items[i].eq_same(&items[j]) {
                    if best.is_none_or(|(best_i, best_j)| (j, i) < (best_j, best_i)) {
                        best = Some((i, j));
                    }
                    break 'run;
                }
            }
        }
    }
    best
}

#[cold]
#[inline(never)]
fn push_values_error(kind: ErrorKind, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(path.to_pointer(), kind));
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use serde_json::json;

    use super::*;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn numbers_are_equal_by_their_value() {
        assert!(json_equal(&parse("1"), &parse("1.0")));
        assert!(json_equal(&parse("-0"), &parse("0.0")));
        assert!(json_equal(&parse("[1, 2.50]"), &parse("[1.0, 2.5]")));
        assert!(!json_equal(&parse("1"), &parse("1.0000001")));
        assert!(!json_equal(&parse("1"), &parse("true")));
        assert!(!json_equal(&parse("0"), &parse("false")));
        assert!(!json_equal(&parse("\"1\""), &parse("1")));
        // Beyond 2^53: 9007199254740993 is no float, so it differs from 9007199254740992.0.
        assert!(!json_equal(
            &parse("9007199254740993"),
            &parse("9007199254740992.0")
        ));
        assert!(1_i64.eq_json(&parse("1.0")));
        assert!(1.0_f64.eq_json(&parse("1")));
        assert!(!1_u8.eq_json(&parse("\"1\"")));
        assert!(2.5_f64.eq_same(&2.5));
        assert!(0.0_f64.eq_same(&-0.0));
        assert!(!f64::NAN.eq_same(&f64::NAN));
    }

    #[test]
    fn objects_are_equal_regardless_of_member_order() {
        let a = parse(r#"{"a": 1, "b": [true, null]}"#);
        let b = parse(r#"{"b": [true, null], "a": 1.0}"#);
        assert!(json_equal(&a, &b));
        assert!(!json_equal(&a, &parse(r#"{"a": 1}"#)));
        assert!(!json_equal(&a, &parse(r#"{"a": 1, "b": [null, true]}"#)));
        assert!(!json_equal(&parse("{}"), &parse("[]")));
        let mut map = HashMap::new();
        map.insert("b".to_owned(), 2_i64);
        map.insert("a".to_owned(), 1_i64);
        assert!(map.eq_json(&parse(r#"{"a": 1.0, "b": 2}"#)));
        assert!(!map.eq_json(&parse(r#"{"a": 1, "b": 2, "c": 3}"#)));
        let tree: BTreeMap<String, i64> = map.clone().into_iter().collect();
        assert!(tree.eq_json(&parse(r#"{"b": 2, "a": 1}"#)));
    }

    #[test]
    fn unique_items_names_the_first_pair() {
        assert_eq!(first_duplicate(&[1_i64, 2, 3]), None);
        assert_eq!(first_duplicate(&[1_i64, 2, 1, 2]), Some((0, 2)));
        let values = [
            parse("1"),
            parse(r#"{"a":1,"b":2}"#),
            parse(r#"{"b":2,"a":1}"#),
            parse("1.0"),
        ];
        assert_eq!(first_duplicate(&values), Some((1, 2)));
        assert_eq!(first_duplicate(&[parse("0"), parse("false")]), None);
        assert_eq!(first_duplicate(&[parse("[1]"), parse("[true]")]), None);
        assert_eq!(first_duplicate::<String>(&[]), None);
        // A long list takes the hashed path and finds the same pair as the short one would.
        let mut long: Vec<Value> = (0..1_000)
            .map(|i| Value::from(f64::from(i) + 0.5))
            .collect();
        assert_eq!(first_duplicate(&long), None);
        long[700] = parse("10.5");
        long[900] = parse("3.5");
        long[800] = parse("3.5");
        assert_eq!(first_duplicate(&long), Some((10, 700)));
        let objects: Vec<Value> = (0..100)
            .map(|i| json!({"a": i % 50, "b": [i % 50, null]}))
            .collect();
        assert_eq!(first_duplicate(&objects), Some((0, 50)));
        let mut reordered = objects[..40].to_vec();
        reordered.push(parse(r#"{"b": [7.0, null], "a": 7}"#));
        assert_eq!(first_duplicate(&reordered), Some((7, 40)));
        let numbers: Vec<i64> = (0..100).chain([63]).collect();
        assert_eq!(first_duplicate(&numbers), Some((63, 100)));
        // Equal values hash alike, whatever their form.
        assert_eq!(parse("1").json_hash(), parse("1.0").json_hash());
        assert_eq!(1_i64.json_hash(), 1.0_f64.json_hash());
        assert_eq!(parse("1").json_hash(), 1_u8.json_hash());
        assert_eq!(parse("-0.0").json_hash(), 0_i64.json_hash());
        // 2^63: a u64 on one side, a float beyond the integral conversion on the other.
        assert!(json_equal(
            &parse("9223372036854775808"),
            &parse("9223372036854775808.0")
        ));
        assert_eq!(
            parse("9223372036854775808").json_hash(),
            parse("9223372036854775808.0").json_hash()
        );
        assert_eq!(
            parse(r#"{"x": "a", "y": 2}"#).json_hash(),
            parse(r#"{"y": 2.0, "x": "a"}"#).json_hash()
        );
        assert_eq!(parse(r#""a""#).json_hash(), "a".json_hash());

        let mut errors = Vec::new();
        let list = vec!["a".to_owned(), "b".to_owned(), "b".to_owned()];
        check_unique_items(&list, &Path::Root, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code().as_str(), "uniqueItems");
        assert_eq!(
            errors[0].params(),
            json!({"first": 1, "second": 2})
                .as_object()
                .cloned()
                .unwrap()
        );
        let raw = parse(r#"[1, 2, 1.0]"#);
        errors.clear();
        check_unique_items(&raw, &Path::Root, &mut errors);
        assert_eq!(
            errors[0].params(),
            json!({"first": 0, "second": 2})
                .as_object()
                .cloned()
                .unwrap()
        );
    }

    #[test]
    fn const_and_enum_compare_typed_and_raw_alike() {
        static CONST: JsonLiteral = JsonLiteral::new("[1, {\"a\": null}]");
        static ENUM: JsonLiteral = JsonLiteral::new("[1, \"a\", null, [true]]");
        let mut errors = Vec::new();
        check_const(
            &parse(r#"[1.0, {"a": null}]"#),
            &CONST,
            &Path::Root,
            &mut errors,
        );
        assert!(errors.is_empty());
        check_const(&parse(r#"[1, {"a": 0}]"#), &CONST, &Path::Root, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code().as_str(), "const");
        assert_eq!(
            errors[0].params(),
            json!({"expected": [1, {"a": null}]})
                .as_object()
                .cloned()
                .unwrap()
        );
        errors.clear();
        check_enum_values(&1.0_f64, &ENUM, &Path::Root, &mut errors);
        check_enum_values(&"a".to_owned(), &ENUM, &Path::Root, &mut errors);
        check_enum_values(&vec![true], &ENUM, &Path::Root, &mut errors);
        check_enum_values(&None::<i64>, &ENUM, &Path::Root, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        check_enum_values(&Some(2_i64), &ENUM, &Path::Root, &mut errors);
        check_enum_values(&parse("false"), &ENUM, &Path::Root, &mut errors);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].code().as_str(), "enum");
        assert_eq!(
            errors[0].params(),
            json!({"allowed": [1, "a", null, [true]]})
                .as_object()
                .cloned()
                .unwrap()
        );
        assert_eq!(
            errors[0].message(),
            r#"must be one of 1, "a", null, [true]"#
        );
    }
}
