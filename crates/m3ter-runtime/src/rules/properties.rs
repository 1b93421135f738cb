//! `minProperties` / `maxProperties`: how many members an object (a map) has;
//! `dependentRequired`: which members a present member requires; the members themselves
//! (`MembersField`), which `additionalProperties` checks one by one, and whose names
//! `propertyNames` checks.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use serde_json::{Map, Value};

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

/// A field whose value is an object (a map from member names), or absent.
pub trait PropertiesField {
    /// How many members, or `None` when the field is absent.
    fn property_count(&self) -> Option<usize>;

    /// Whether the object has the member `name` (`false` when the field is absent or not an
    /// object).
    fn has_property(&self, name: &str) -> bool;
}

impl<V, S: BuildHasher> PropertiesField for HashMap<String, V, S> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }

    fn has_property(&self, name: &str) -> bool {
        self.contains_key(name)
    }
}

impl<V> PropertiesField for BTreeMap<String, V> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }

    fn has_property(&self, name: &str) -> bool {
        self.contains_key(name)
    }
}

impl PropertiesField for Map<String, Value> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }

    fn has_property(&self, name: &str) -> bool {
        self.contains_key(name)
    }
}

/// A raw value: its members when it is an object; another JSON type has nothing to count.
impl PropertiesField for Value {
    fn property_count(&self) -> Option<usize> {
        self.as_object().map(Map::len)
    }

    fn has_property(&self, name: &str) -> bool {
        self.as_object()
            .is_some_and(|object| object.contains_key(name))
    }
}

impl<T: PropertiesField + ?Sized> PropertiesField for &T {
    fn property_count(&self) -> Option<usize> {
        (**self).property_count()
    }

    fn has_property(&self, name: &str) -> bool {
        (**self).has_property(name)
    }
}

impl<T: PropertiesField + ?Sized> PropertiesField for Box<T> {
    fn property_count(&self) -> Option<usize> {
        (**self).property_count()
    }

    fn has_property(&self, name: &str) -> bool {
        (**self).has_property(name)
    }
}

impl<T: PropertiesField> PropertiesField for Option<T> {
    fn property_count(&self) -> Option<usize> {
        self.as_ref().and_then(PropertiesField::property_count)
    }

    fn has_property(&self, name: &str) -> bool {
        self.as_ref().is_some_and(|field| field.has_property(name))
    }
}

/// A field whose value is an object (a map from member names), or absent: its members in the
/// map's order, each name with its value, for the checks of each member's value
/// (`additionalProperties`, expanded as `items` is for each item).
pub trait MembersField {
    /// The type of a member's value.
    type Value;

    /// The members, or `None` when the field is absent or not an object.
    fn members(&self) -> Option<impl Iterator<Item = (&str, &Self::Value)>>;

    /// The value of the member `name` (`properties`), or `None` when the field is absent, not
    /// an object, or has no such member.
    fn member(&self, name: &str) -> Option<&Self::Value>;
}

impl<V, S: BuildHasher> MembersField for HashMap<String, V, S> {
    type Value = V;
    /// In key order, as a `serde_json::Map` (a `BTreeMap` without serde_json's
    /// `preserve_order`) walks a document's members: the typed and the raw path report a map's
    /// errors in one order, not in the hash's.
    fn members(&self) -> Option<impl Iterator<Item = (&str, &V)>> {
        let mut members: Vec<(&str, &V)> = self.iter().map(|(k, v)| (k.as_str(), v)).collect();
        members.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Some(members.into_iter())
    }
    fn member(&self, name: &str) -> Option<&V> {
        self.get(name)
    }
}

impl<V> MembersField for BTreeMap<String, V> {
    type Value = V;
    fn members(&self) -> Option<impl Iterator<Item = (&str, &V)>> {
        Some(self.iter().map(|(k, v)| (k.as_str(), v)))
    }
    fn member(&self, name: &str) -> Option<&V> {
        self.get(name)
    }
}

impl MembersField for Map<String, Value> {
    type Value = Value;
    fn members(&self) -> Option<impl Iterator<Item = (&str, &Value)>> {
        Some(self.iter().map(|(k, v)| (k.as_str(), v)))
    }
    fn member(&self, name: &str) -> Option<&Value> {
        self.get(name)
    }
}

/// A raw value: its members when it is an object; another JSON type has none to check.
impl MembersField for Value {
    type Value = Value;
    fn members(&self) -> Option<impl Iterator<Item = (&str, &Value)>> {
        self.as_object()
            .map(|object| object.iter().map(|(k, v)| (k.as_str(), v)))
    }
    fn member(&self, name: &str) -> Option<&Value> {
        self.as_object().and_then(|object| object.get(name))
    }
}

impl<T: MembersField + ?Sized> MembersField for &T {
    type Value = T::Value;
    fn members(&self) -> Option<impl Iterator<Item = (&str, &T::Value)>> {
        (**self).members()
    }
    fn member(&self, name: &str) -> Option<&T::Value> {
        (**self).member(name)
    }
}

impl<T: MembersField + ?Sized> MembersField for Box<T> {
    type Value = T::Value;
    fn members(&self) -> Option<impl Iterator<Item = (&str, &T::Value)>> {
        (**self).members()
    }
    fn member(&self, name: &str) -> Option<&T::Value> {
        (**self).member(name)
    }
}

impl<T: MembersField> MembersField for Option<T> {
    type Value = T::Value;
    fn members(&self) -> Option<impl Iterator<Item = (&str, &T::Value)>> {
        self.as_ref().and_then(MembersField::members)
    }
    fn member(&self, name: &str) -> Option<&T::Value> {
        self.as_ref().and_then(|field| field.member(name))
    }
}

/// Checks the member count of an object field (skipped when the field is absent): one error,
/// `minProperties` or `maxProperties`, for the bound broken.
#[inline]
pub fn check_properties<F: PropertiesField + ?Sized>(
    field: &F,
    min: Option<u64>,
    max: Option<u64>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(actual) = field.property_count() else {
        return;
    };
    let actual = actual as u64;
    if let Some(min) = min.filter(|min| actual < *min) {
        push_error(ErrorKind::MinProperties { min, actual }, path, errors);
    } else if let Some(max) = max.filter(|max| actual > *max) {
        push_error(ErrorKind::MaxProperties { max, actual }, path, errors);
    }
}

/// Checks `required` as an object's list of member names (`required_members`; skipped when
/// the field is absent or not an object): one error `required` per member missing, at the
/// member's pointer (where a struct's missing field is reported), in the list's order.
#[inline]
pub fn check_required_members<F: PropertiesField + ?Sized>(
    field: &F,
    names: &[&'static str],
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if field.property_count().is_none() {
        return;
    }
    for &name in names {
        if !field.has_property(name) {
            push_error(ErrorKind::Required, &path.key(name), errors);
        }
    }
}

/// Checks `dependentRequired` on an object field (skipped when the field is absent or not an
/// object): for each `(member, required)` pair whose member is present, one error
/// `dependentRequired` per required member missing, at the object's pointer (the missing
/// member has no value to point at), in the order the keyword lists them.
#[inline]
pub fn check_dependent_required<F: PropertiesField + ?Sized>(
    field: &F,
    dependencies: &[(&'static str, &[&'static str])],
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    for &(property, required) in dependencies {
        if !field.has_property(property) {
            continue;
        }
        for &missing in required {
            if !field.has_property(missing) {
                push_error(
                    ErrorKind::DependentRequired { property, missing },
                    path,
                    errors,
                );
            }
        }
    }
}

/// `propertyNames`: the errors `found` that the checks of `propertyNames`'s keywords gave on
/// the member name `name` (checked as a string, at any path), each reported as a
/// `propertyNames` error at the object's pointer naming the member; `found` is left empty for
/// the next name.
#[inline]
pub fn check_property_name(
    name: &str,
    found: &mut Vec<ValidationError>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if !found.is_empty() {
        push_property_name_errors(name, found, path, errors);
    }
}

#[cold]
#[inline(never)]
fn push_property_name_errors(
    name: &str,
    found: &mut Vec<ValidationError>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    for error in found.drain(..) {
        push_error(
            ErrorKind::PropertyNames {
                property: name.to_owned(),
                reason: Box::new(error.kind().clone()),
            },
            path,
            errors,
        );
    }
}

#[cold]
#[inline(never)]
fn push_error(kind: ErrorKind, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(path.to_pointer(), kind));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn members_are_listed_in_the_maps_order_and_only_on_objects() {
        let names = |members: Option<Vec<(&str, &Value)>>| {
            members.map(|m| m.into_iter().map(|(k, _)| k.to_owned()).collect::<Vec<_>>())
        };
        let raw: Value = serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap_or_default();
        let listed = names(raw.members().map(Iterator::collect));
        let order: Option<Vec<String>> = raw.as_object().map(|o| o.keys().cloned().collect());
        assert_eq!(listed, order);
        assert_eq!(listed.map(|l| l.len()), Some(2));
        assert_eq!(
            names(Value::from("ab").members().map(Iterator::collect)),
            None
        );
        assert_eq!(names(None::<Value>.members().map(Iterator::collect)), None);
        let map: BTreeMap<String, i64> = [("x".to_owned(), 1)].into_iter().collect();
        let values: Vec<i64> = map
            .members()
            .map(|m| m.map(|(_, v)| *v).collect())
            .unwrap_or_default();
        assert_eq!(values, [1]);
        assert!(Some(&map).members().is_some());
    }

    #[test]
    fn a_member_is_found_by_name_only_on_objects() {
        let raw: Value = serde_json::from_str(r#"{"a": 1, "b/c": 2}"#).unwrap_or_default();
        assert_eq!(raw.member("b/c"), Some(&Value::from(2)));
        assert_eq!(raw.member("x"), None);
        assert_eq!(Value::from("a").member("a"), None);
        assert_eq!(Some(&raw).member("a"), Some(&Value::from(1)));
        assert_eq!(None::<Value>.member("a"), None);
        let map: BTreeMap<String, i64> = [("x".to_owned(), 7)].into_iter().collect();
        assert_eq!(map.member("x"), Some(&7));
    }

    #[test]
    fn each_missing_required_member_is_an_error_at_its_pointer() {
        let mut errors = Vec::new();
        let raw: Value = serde_json::from_str(r#"{"a": 1}"#).unwrap_or_default();
        check_required_members(&raw, &["a", "b/c", "d"], &Path::Root, &mut errors);
        let found: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.path(), e.code())).collect();
        assert_eq!(
            found,
            [("/b~1c", ErrorCode::Required), ("/d", ErrorCode::Required)]
        );
        // Not an object, or absent: no members to require.
        let mut errors = Vec::new();
        check_required_members(&Value::from(3), &["a"], &Path::Root, &mut errors);
        check_required_members(&None::<Value>, &["a"], &Path::Root, &mut errors);
        check_required_members(&Value::Null, &["a"], &Path::Root, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn members_are_counted_on_maps_and_raw_objects() {
        let mut errors = Vec::new();
        let raw: Value = serde_json::from_str(r#"{"a": 1, "b": 2}"#).unwrap_or_default();
        check_properties(&raw, Some(2), Some(2), &Path::Root, &mut errors);
        // Not an object: nothing to count.
        check_properties(&Value::from("ab"), Some(3), None, &Path::Root, &mut errors);
        check_properties(
            &None::<HashMap<String, i64>>,
            Some(1),
            None,
            &Path::Root,
            &mut errors,
        );
        assert!(errors.is_empty());
        check_properties(&raw, Some(3), None, &Path::Root, &mut errors);
        let mut map = BTreeMap::new();
        map.insert("x".to_owned(), true);
        check_properties(&map, None, Some(0), &Path::Root.key("m"), &mut errors);
        let codes: Vec<&str> = errors.iter().map(|e| e.code().as_str()).collect();
        assert_eq!(codes, ["minProperties", "maxProperties"]);
        assert_eq!(errors[1].path(), "/m");
        let params: Vec<String> = errors
            .iter()
            .map(|e| serde_json::to_string(&e.params()).unwrap_or_default())
            .collect();
        assert_eq!(
            params,
            [r#"{"actual":2,"min":3}"#, r#"{"actual":1,"max":0}"#]
        );
        assert_eq!(errors[0].message(), "must have at least 3 members, got 2");
        assert_eq!(errors[1].message(), "must have no members, got 1");
    }

    #[test]
    fn dependent_required_names_each_missing_member_at_the_object() {
        const DEPS: &[(&str, &[&str])] = &[("a", &["b", "c"]), ("d", &[]), ("x", &["a"])];
        let mut errors = Vec::new();
        let parse = |text: &str| serde_json::from_str::<Value>(text).unwrap_or_default();
        // Nothing required: no trigger, or everything there, or not an object, or absent.
        check_dependent_required(&parse(r#"{"b": 1}"#), DEPS, &Path::Root, &mut errors);
        check_dependent_required(
            &parse(r#"{"a": 1, "b": 2, "c": 3}"#),
            DEPS,
            &Path::Root,
            &mut errors,
        );
        check_dependent_required(&parse(r#"["a"]"#), DEPS, &Path::Root, &mut errors);
        check_dependent_required(&parse(r#""a""#), DEPS, &Path::Root, &mut errors);
        check_dependent_required(&parse(r#"{"d": null}"#), DEPS, &Path::Root, &mut errors);
        check_dependent_required(
            &None::<BTreeMap<String, i64>>,
            DEPS,
            &Path::Root,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        check_dependent_required(
            &parse(r#"{"a": 1, "c": 3}"#),
            DEPS,
            &Path::Root,
            &mut errors,
        );
        let mut map = HashMap::new();
        map.insert("a".to_owned(), 1);
        map.insert("x".to_owned(), 2);
        check_dependent_required(&Some(map), DEPS, &Path::Root.key("m"), &mut errors);
        let found: Vec<(String, String)> = errors
            .iter()
            .map(|e| {
                (
                    e.path().to_owned(),
                    serde_json::to_string(&e.params()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "".to_owned(),
                    r#"{"missing":"b","property":"a"}"#.to_owned()
                ),
                (
                    "/m".to_owned(),
                    r#"{"missing":"b","property":"a"}"#.to_owned()
                ),
                (
                    "/m".to_owned(),
                    r#"{"missing":"c","property":"a"}"#.to_owned()
                ),
            ]
        );
        assert_eq!(errors[0].code().as_str(), "dependentRequired");
        assert_eq!(
            errors[0].message(),
            r#"must have the member "b" when it has the member "a" (`dependentRequired`)"#
        );
    }
}
