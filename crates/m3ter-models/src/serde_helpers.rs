//! serde helpers the generated models use.

use serde::{Deserialize, Deserializer};

/// Deserializes an optional member that may be absent but not `null`: with
/// `#[serde(default, deserialize_with = "non_null")]`, absent is `None` and `null` is an error,
/// as the schema says.
pub fn non_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Deserializes a required member that may be `null`: with `deserialize_with = "nullable"` and
/// no `default`, a missing member is an error, `null` is `None`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}
