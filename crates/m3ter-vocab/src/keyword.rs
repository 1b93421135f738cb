//! The keyword table: every `#[spec]` keyword, its JSON Schema name, the JSON types it applies
//! to, its parameter and its level, in one `vocabulary!` invocation that also declares the slots
//! of [`Constraints`](crate::Constraints). A new keyword is one row here; the compiler then
//! names every site that must give it meaning (each matches [`Keyword`] without a catch-all).

use std::fmt;

use crate::Keyword;

/// A JSON type, as JSON Schema's `type` keyword names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// A number without a fractional part.
    Integer,
    /// Any number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// Every JSON type.
    pub const ALL: [JsonType; 7] = [
        JsonType::Null,
        JsonType::Boolean,
        JsonType::Integer,
        JsonType::Number,
        JsonType::String,
        JsonType::Array,
        JsonType::Object,
    ];

    /// The name JSON Schema's `type` keyword uses.
    pub const fn name(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The type `type` names `name` (`"integer"`), if any.
    pub fn from_name(name: &str) -> Option<JsonType> {
        JsonType::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A set of JSON types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Types(u8);

impl Types {
    /// Strings.
    pub const STRING: Types = Types(JsonType::String.bit());
    /// Integers and other numbers.
    pub const NUMBER: Types = Types(JsonType::Integer.bit() | JsonType::Number.bit());
    /// `true` and `false`.
    pub const BOOLEAN: Types = Types(JsonType::Boolean.bit());
    /// Arrays.
    pub const ARRAY: Types = Types(JsonType::Array.bit());
    /// Objects.
    pub const OBJECT: Types = Types(JsonType::Object.bit());
    /// Every JSON type.
    pub const ANY: Types = Types(0x7f);
    /// No type.
    pub const NONE: Types = Types(0);

    /// The set of the one type `ty`.
    pub const fn of(ty: JsonType) -> Types {
        Types(ty.bit())
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether a JSON value of type `ty` is a value of a schema whose `type` is this set, as
    /// JSON Schema decides it: `number` takes integers too (`ty` is [`JsonType::Integer`] for a
    /// number without a fractional part, `1.0` included).
    pub const fn accepts(self, ty: JsonType) -> bool {
        self.contains(ty) || (matches!(ty, JsonType::Integer) && self.contains(JsonType::Number))
    }

    /// The set as `type = "…"` writes it in `#[spec]`: the names joined by ` | `, in
    /// [`JsonType::ALL`] order (`"null | integer | string"`).
    pub fn spec_text(self) -> String {
        let names: Vec<&str> = self.iter().map(JsonType::name).collect();
        names.join(" | ")
    }

    /// Parses `#[spec(type = "…")]`'s text: type names separated by `|` (spaces around them
    /// ignored), each once. The error says what is wrong.
    pub fn parse_spec(text: &str) -> Result<Types, String> {
        let mut types = Types::NONE;
        for part in text.split('|') {
            let name = part.trim();
            let Some(ty) = JsonType::from_name(name) else {
                let known: Vec<&str> = JsonType::ALL.iter().map(|t| t.name()).collect();
                return Err(if name.is_empty() {
                    format!(
                        "an empty type name in `{text}`; write the types separated by `|`, e.g. `\"string | integer\"`"
                    )
                } else {
                    format!("unknown type `{name}`; the types are {}", known.join(", "))
                });
            };
            if types.contains(ty) {
                return Err(format!("`{name}` is given twice"));
            }
            types = types.or(Types::of(ty));
        }
        Ok(types)
    }

    /// The set in words, as a `type` error's `expected` parameter says it: the names in
    /// [`JsonType::ALL`] order with `null` last, the last two joined by `or`
    /// (`"integer or string"`, `"boolean, string or null"`).
    pub fn expected(self) -> String {
        let mut names: Vec<&str> = self
            .iter()
            .filter(|t| *t != JsonType::Null)
            .map(JsonType::name)
            .collect();
        if self.contains(JsonType::Null) {
            names.push(JsonType::Null.name());
        }
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        }
    }

    /// The union of two sets.
    pub const fn or(self, other: Types) -> Types {
        Types(self.0 | other.0)
    }

    /// The types of this set that are not in `other`.
    pub const fn without(self, other: Types) -> Types {
        Types(self.0 & !other.0)
    }

    /// Whether the two sets share a type.
    pub const fn intersects(self, other: Types) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether `ty` is in the set.
    pub const fn contains(self, ty: JsonType) -> bool {
        self.0 & ty.bit() != 0
    }

    /// The types of the set, in [`JsonType::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = JsonType> {
        JsonType::ALL.into_iter().filter(move |t| self.contains(*t))
    }

    /// `strings`, `numbers`, `arrays`, `objects` or `any value`, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Types::STRING => "strings",
            Types::NUMBER => "numbers",
            Types::ARRAY => "arrays",
            Types::BOOLEAN => "booleans",
            Types::OBJECT => "objects",
            Types::ANY => "any value",
            _ => "these types",
        }
    }
}

/// What a keyword's parameter is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// A non-negative integer (`min_length = 1`).
    Count,
    /// A number (`minimum = 0.5`).
    Number,
    /// A string (`pattern = "^a$"`).
    Text,
    /// A JSON value, as JSON text (`const = "[1, null]"`, `default = "\"TIME_FIRST\""`).
    Json,
    /// A format name from the registry (`format = "uuid"`).
    Format,
    /// Keywords for each item (`items(max_length = 3)`): one nested schema.
    Items,
    /// A list of nested schemas, each in parentheses (`any_of((min_length = 2), (maximum = 3))`;
    /// `()` is the empty schema).
    Schemas,
    /// No parameter (`nested`).
    Flag,
    /// No parameter or a string saying when it applies (`forbidden`, `forbidden = "create"`).
    Context,
    /// A set of JSON types (`type = "string | integer"`).
    Types,
    /// Schemas by pattern: for each ECMA-262 pattern, the keywords of the values of the
    /// members whose names match it (`pattern_properties("^a" (minimum = 1))`).
    PatternSchemas,
    /// Schemas by member name: for each name, the keywords of that member's value, checked
    /// when it is present (`properties("a" (min_length = 1), "b" ())`).
    MemberSchemas,
}

/// Where a keyword may be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// On a value: a field's or an item's (inside `items(...)`).
    Value,
    /// On a member of an object only (how it may appear), and only on an `Option` field.
    Member,
}

/// Declares [`Keyword`], its table and the slots of [`Constraints`](crate::Constraints).
macro_rules! vocabulary {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            spec: $spec:literal,
            json: $json:expr,
            slot: $slot:ident,
            applies: $applies:expr,
            param: $param:ident,
            level: $level:ident $(,)?
        }
    )*) => {
        /// A keyword of the `#[spec]` vocabulary.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Keyword {
            $($(#[$doc])* $variant,)*
        }

        impl Keyword {
            /// Every keyword, in the table's order (which is also the order of checks).
            pub const ALL: &'static [Keyword] = &[$(Keyword::$variant),*];

            /// The keyword's name in `#[spec(...)]` (`min_length`).
            pub const fn spec_name(self) -> &'static str {
                match self { $(Keyword::$variant => $spec,)* }
            }

            /// The keyword's name in JSON Schema or OpenAPI (`minLength`), `None` for a keyword
            /// the schema says another way (`nested`: a reference to an object schema).
            pub const fn json_name_opt(self) -> Option<&'static str> {
                match self { $(Keyword::$variant => $json,)* }
            }

            /// The JSON types the keyword constrains; on a value of another type it has nothing
            /// to check.
            pub const fn applies_to(self) -> Types {
                match self { $(Keyword::$variant => $applies,)* }
            }

            /// The keyword's parameter.
            pub const fn param(self) -> ParamKind {
                match self { $(Keyword::$variant => ParamKind::$param,)* }
            }

            /// Where the keyword may be written.
            pub const fn level(self) -> Level {
                match self { $(Keyword::$variant => Level::$level,)* }
            }

            /// The name of the keyword's slot in [`Constraints`](crate::Constraints) (`min_length`).
            pub const fn slot_name(self) -> &'static str {
                match self { $(Keyword::$variant => stringify!($slot),)* }
            }

            /// The keyword of a `#[spec]` name.
            pub fn from_spec_name(name: &str) -> Option<Keyword> {
                match name { $($spec => Some(Keyword::$variant),)* _ => None }
            }
        }

        /// One slot per keyword of the vocabulary, its parameter held as `R` says.
        ///
        /// The generator's IR is `Constraints<Owned>`, the derive's checked model holds spanned
        /// literals, and the runtime descriptors are `Constraints<Static>` constants.
        pub struct Constraints<R: crate::Repr> {
            $(
                #[doc = concat!("`", $spec, "`")]
                pub $slot: Option<vocabulary!(@slot R $param)>,
            )*
        }

        impl<R: crate::Repr> Constraints<R> {
            /// No constraint.
            pub const NONE: Self = Constraints { $($slot: None,)* };

            /// The parameter of `keyword`, when set.
            pub fn get(&self, keyword: Keyword) -> Option<crate::Param<'_, R>> {
                match keyword {
                    $(Keyword::$variant => self.$slot.as_ref().map(crate::Param::$param),)*
                }
            }

            /// Sets `keyword`: an error when it is already set or `value` is not its kind.
            pub fn set(
                &mut self,
                keyword: Keyword,
                value: crate::ParamValue<R>,
            ) -> Result<(), crate::SetError> {
                match (keyword, value) {
                    $(
                        (Keyword::$variant, crate::ParamValue::$param(value)) => {
                            if self.$slot.is_some() {
                                return Err(crate::SetError::Duplicate);
                            }
                            self.$slot = Some(value);
                            Ok(())
                        }
                    )*
                    _ => Err(crate::SetError::WrongParam),
                }
            }
        }

        impl<R: crate::Repr> Clone for Constraints<R> {
            fn clone(&self) -> Self {
                Constraints { $($slot: self.$slot.clone(),)* }
            }
        }

        impl<R: crate::Repr> fmt::Debug for Constraints<R> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut out = f.debug_struct("Constraints");
                $(if let Some(value) = &self.$slot { out.field($spec, value); })*
                out.finish_non_exhaustive()
            }
        }

        impl<R: crate::Repr> PartialEq for Constraints<R> {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$slot == other.$slot)*
            }
        }
    };
    (@slot $r:ident Count) => { $r::Count };
    (@slot $r:ident Number) => { $r::Number };
    (@slot $r:ident Text) => { $r::Text };
    (@slot $r:ident Json) => { $r::Text };
    (@slot $r:ident Format) => { $r::Format };
    (@slot $r:ident Items) => { $r::Items };
    (@slot $r:ident Schemas) => { $r::Schemas };
    (@slot $r:ident Flag) => { $r::Mark };
    (@slot $r:ident Context) => { $r::Context };
    (@slot $r:ident Types) => { $r::Types };
    (@slot $r:ident PatternSchemas) => { $r::PatternSchemas };
    (@slot $r:ident MemberSchemas) => { $r::MemberSchemas };
}

pub(crate) use vocabulary;

impl Keyword {
    /// The keyword's name in JSON Schema or OpenAPI, else its `#[spec]` name.
    pub const fn json_name(self) -> &'static str {
        match self.json_name_opt() {
            Some(name) => name,
            None => self.spec_name(),
        }
    }

    /// The keywords that may be written on a value (and so inside `items(...)`).
    pub fn value_keywords() -> impl Iterator<Item = Keyword> {
        Keyword::ALL
            .iter()
            .copied()
            .filter(|k| k.level() == Level::Value)
    }

    /// Every `#[spec]` name of `level`, comma-separated, for messages.
    pub fn spec_names(level: Option<Level>) -> String {
        let names: Vec<String> = Keyword::ALL
            .iter()
            .filter(|k| level.is_none_or(|l| k.level() == l))
            .map(|k| match k.param() {
                ParamKind::Items | ParamKind::PatternSchemas | ParamKind::MemberSchemas => {
                    format!("{}(...)", k.spec_name())
                }
                ParamKind::Schemas => format!("{}((...), ...)", k.spec_name()),
                _ => k.spec_name().to_owned(),
            })
            .collect();
        names.join(", ")
    }
}

impl fmt::Display for Keyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.spec_name())
    }
}

#[cfg(test)]
mod tests {
    use super::{JsonType, Types};

    #[test]
    fn a_type_set_reads_and_says_its_types() {
        let set = Types::parse_spec(" string|integer | null");
        assert_eq!(
            set.clone().map(Types::spec_text),
            Ok("null | integer | string".to_owned())
        );
        assert_eq!(
            set.map(Types::expected),
            Ok("integer, string or null".to_owned())
        );
        assert_eq!(Types::of(JsonType::Array).expected(), "array");
        assert_eq!(
            Types::parse_spec("string | array").map(Types::expected),
            Ok("string or array".to_owned())
        );
        let error = |text: &str| Types::parse_spec(text).err().unwrap_or_default();
        assert!(error("").contains("empty type name"));
        assert!(error("int").contains("unknown type `int`"));
        assert!(error("null|null").contains("twice"));
    }

    #[test]
    fn number_accepts_integers_but_integer_not_other_numbers() {
        let number = Types::of(JsonType::Number);
        let integer = Types::of(JsonType::Integer);
        assert!(number.accepts(JsonType::Integer) && number.accepts(JsonType::Number));
        assert!(integer.accepts(JsonType::Integer) && !integer.accepts(JsonType::Number));
        assert!(!integer.accepts(JsonType::Null) && !Types::NONE.accepts(JsonType::Null));
    }
}
