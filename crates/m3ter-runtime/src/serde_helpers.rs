//! serde helpers that make serde read a member exactly as the raw check does: absent but not
//! `null` ([`non_null`]), present but possibly `null` ([`nullable`]), a uuid or date-time from
//! exactly its format ([`formatted`] and its `Option` forms), a member's `default`
//! ([`default_value`]). `#[spec(json)]` requires them
//! where they are needed and says which; `#[m3ter_models::model]` writes them.

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

/// A member's `default` for `#[serde(default = "…")]`: the JSON text the generator checked
/// against the member's type and keywords, read as `T` (`None` if it does not read, which a
/// checked default cannot).
pub fn default_value<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// A type whose values are the strings of one format, parsed from exactly those strings.
pub trait Formatted: Sized {
    /// The format.
    const FORMAT: m3ter_vocab::Format;
    /// The value of a string already known to have the format.
    fn parse(text: &str) -> Option<Self>;
}

impl Formatted for uuid::Uuid {
    const FORMAT: m3ter_vocab::Format = m3ter_vocab::Format::Uuid;
    fn parse(text: &str) -> Option<Self> {
        uuid::Uuid::try_parse(text).ok()
    }
}

impl Formatted for chrono::DateTime<chrono::Utc> {
    const FORMAT: m3ter_vocab::Format = m3ter_vocab::Format::DateTime;
    fn parse(text: &str) -> Option<Self> {
        chrono::DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&chrono::Utc))
    }
}

/// Deserializes a formatted value from exactly the strings of its format, as the raw check
/// reads them (`uuid`'s and `chrono`'s own parsers also take other forms: a UUID without
/// hyphens, a date with one-digit fields). With `deserialize_with = "formatted"`.
pub fn formatted<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Formatted,
{
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    crate::formats::check(T::FORMAT, &text)
        .ok()
        .and_then(|()| T::parse(&text))
        .ok_or_else(|| serde::de::Error::custom(format_args!("not a valid {}", T::FORMAT.name())))
}

/// [`formatted`] for an optional member that may be absent but not `null`.
pub fn non_null_formatted<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Formatted,
{
    formatted(deserializer).map(Some)
}

/// [`formatted`] for a member that may be `null`.
pub fn nullable_formatted<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Formatted,
{
    struct Helper<T>(T);
    impl<'de, T: Formatted> Deserialize<'de> for Helper<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            formatted(deserializer).map(Helper)
        }
    }
    Option::<Helper<T>>::deserialize(deserializer).map(|v| v.map(|h| h.0))
}
