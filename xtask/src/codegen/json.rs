//! The fragment as an ordered JSON tree: members keep their document order (so the generated
//! code follows the fragment), and a duplicate key is an error rather than a silent choice.
//! The tree is read through serde, so JSON (`serde_json`) and YAML (`serde_yaml_ng`) give the
//! same tree by the same rules (YAML's aliases expanded by the parser within its own limit on
//! repetition, tags refused), each bounded by [`MAX_DEPTH`] and [`MAX_MEMBERS`] so that no
//! input overflows the stack or takes quadratic time.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// The deepest nesting of arrays and objects the generator reads (the document itself is level
/// 1). A schema nested in `properties` takes two levels, so this allows schemas nested about
/// 45 deep below `components.schemas`; every pass over the tree recurses at most this deep.
pub const MAX_DEPTH: usize = 100;

/// The most members of one object, or items of one array (an `enum`'s values among them).
pub const MAX_MEMBERS: usize = 100_000;

/// Objects with more members than this find duplicate keys through a hash set; smaller ones
/// compare the keys read so far, which is faster for the few members most objects have.
const LINEAR_KEYS: usize = 16;

/// A JSON value whose objects keep their members in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, exactly as parsed.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, in document order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses `text`; duplicate keys are an error naming the key, and so is nesting deeper
    /// than [`MAX_DEPTH`] or an object or array larger than [`MAX_MEMBERS`].
    pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let json = Json::read(&mut deserializer)?;
        deserializer.end()?;
        Ok(json)
    }

    /// Parses YAML `text` (one document) into the same tree as its JSON equivalent, by the same
    /// rules; a tag (`!name`) and a key that is not a string are errors with their line.
    pub fn parse_yaml(text: &str) -> Result<Json, serde_yaml_ng::Error> {
        Json::read(serde_yaml_ng::Deserializer::from_str(text))
    }

    /// Reads one value from any serde `deserializer` (JSON or YAML) by this module's rules.
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        Nested { depth: 1 }.deserialize(deserializer)
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn members(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The name of the JSON type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// Compact JSON text of the value.
    pub fn to_json_string(&self) -> String {
        serde_json::Value::from(self).to_string()
    }
}

impl From<&Json> for serde_json::Value {
    fn from(json: &Json) -> Self {
        match json {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => (*b).into(),
            Json::Number(n) => serde_json::Value::Number(n.clone()),
            Json::String(s) => s.as_str().into(),
            Json::Array(items) => items.iter().map(serde_json::Value::from).collect(),
            Json::Object(members) => members
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::from(v)))
                .collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        Json::read(deserializer)
    }
}

/// A value at `depth` (the document is at 1): its arrays and objects read their items one
/// level deeper, and refuse to open one past [`MAX_DEPTH`].
#[derive(Clone, Copy)]
struct Nested {
    depth: usize,
}

impl Nested {
    fn deeper<E: de::Error>(self) -> Result<Nested, E> {
        if self.depth >= MAX_DEPTH {
            Err(E::custom(format_args!(
                "arrays and objects nested deeper than {MAX_DEPTH} levels (the generator's limit)"
            )))
        } else {
            Ok(Nested {
                depth: self.depth + 1,
            })
        }
    }
}

impl<'de> DeserializeSeed<'de> for Nested {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

fn too_many<E: de::Error>(what: &str) -> E {
    E::custom(format_args!(
        "{what} with more than {MAX_MEMBERS} entries (the generator's limit)"
    ))
}

impl<'de> Visitor<'de> for Nested {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(v)
            .map(Json::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Json, E> {
        i64::try_from(v)
            .map(|v| Json::Number(v.into()))
            .or_else(|_| u64::try_from(v).map(|v| Json::Number(v.into())))
            .map_err(|_| E::custom(format_args!("the integer {v} is out of range")))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<Json, A::Error> {
        // serde_yaml_ng reads a tagged node (`!name value`) as an enum; JSON has none.
        Err(de::Error::custom(
            "a YAML tag (`!name`) has no JSON meaning: remove it",
        ))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            if items.len() == MAX_MEMBERS {
                return Err(too_many("an array"));
            }
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.deeper()?;
        let mut members: Vec<(String, Json)> = Vec::new();
        // The keys, once there are more than a few (see `LINEAR_KEYS`).
        let mut keys: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let duplicate = if members.len() < LINEAR_KEYS {
                members.iter().any(|(k, _)| *k == key)
            } else {
                if keys.is_empty() {
                    keys.extend(members.iter().map(|(k, _)| k.clone()));
                }
                !keys.insert(key.clone())
            };
            if duplicate {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            if members.len() == MAX_MEMBERS {
                return Err(too_many("an object"));
            }
            let value = map.next_value_seed(inner)?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}
