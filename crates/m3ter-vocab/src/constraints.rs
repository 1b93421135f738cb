//! How a [`Constraints`] holds its parameters ([`Repr`]), and the parameters as values
//! ([`Param`], [`ParamValue`]) for the sites that treat every keyword of a kind alike (writing
//! `#[spec]` tokens, descriptor literals, JSON Schema keys).

use std::fmt::Debug;

pub use crate::table::Constraints;
use crate::{Format, Number, Types};

/// How the parameters of a [`Constraints`] are held.
pub trait Repr: Sized {
    /// A count (`min_length`).
    type Count: Clone + Debug + PartialEq;
    /// A number (`minimum`).
    type Number: Clone + Debug + PartialEq;
    /// A string (`pattern`).
    type Text: Clone + Debug + PartialEq;
    /// A format (`format`).
    type Format: Clone + Debug + PartialEq;
    /// The constraints of each item (`items`): one nested schema.
    type Items: Clone + Debug + PartialEq;
    /// A list of nested schemas (`anyOf`).
    type Schemas: Clone + Debug + PartialEq;
    /// A flag (`nested`): `()`, or where it was written.
    type Mark: Clone + Debug + PartialEq;
    /// An optional context (`forbidden = "create"`).
    type Context: Clone + Debug + PartialEq;
    /// A set of JSON types (`type`).
    type Types: Clone + Debug + PartialEq;
    /// Schemas by pattern (`patternProperties`): each pattern with its constraints.
    type PatternSchemas: Clone + Debug + PartialEq;
    /// Schemas by member name (`properties`): each name with its constraints.
    type MemberSchemas: Clone + Debug + PartialEq;

    /// The value of a count.
    fn count(count: &Self::Count) -> u64;
    /// The value of a number.
    fn number(number: &Self::Number) -> Number;
    /// The format.
    fn format(format: &Self::Format) -> Format;
    /// The item constraints.
    fn items(items: &Self::Items) -> &Constraints<Self>;
    /// The nested schemas of a list.
    fn schemas(schemas: &Self::Schemas) -> &[Constraints<Self>];
    /// The set of types.
    fn types(types: &Self::Types) -> Types;
    /// A string's value (a JSON value's text, for `const` and `enum`).
    fn text(text: &Self::Text) -> std::borrow::Cow<'_, str>;
}

/// `'static` data: the runtime descriptors (`Constraints<Static>` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Static;

impl Repr for Static {
    type Count = u64;
    type Number = Number;
    type Text = &'static str;
    type Format = Format;
    type Items = &'static Constraints<Static>;
    type Schemas = &'static [Constraints<Static>];
    type Mark = ();
    type Context = Option<&'static str>;
    type Types = Types;
    type PatternSchemas = &'static [(&'static str, &'static Constraints<Static>)];
    type MemberSchemas = &'static [(&'static str, &'static Constraints<Static>)];

    fn count(count: &u64) -> u64 {
        *count
    }
    fn number(number: &Number) -> Number {
        *number
    }
    fn format(format: &Format) -> Format {
        *format
    }
    fn items(items: &Self::Items) -> &Constraints<Self> {
        items
    }
    fn schemas(schemas: &Self::Schemas) -> &[Constraints<Self>] {
        schemas
    }
    fn types(types: &Types) -> Types {
        *types
    }
    fn text(text: &Self::Text) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Owned data: the generator's IR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owned;

impl Repr for Owned {
    type Count = u64;
    type Number = Number;
    type Text = String;
    type Format = Format;
    type Items = Box<Constraints<Owned>>;
    type Schemas = Vec<Constraints<Owned>>;
    type Mark = ();
    type Context = Option<String>;
    type Types = Types;
    type PatternSchemas = Vec<(String, Constraints<Owned>)>;
    type MemberSchemas = Vec<(String, Constraints<Owned>)>;

    fn count(count: &u64) -> u64 {
        *count
    }
    fn number(number: &Number) -> Number {
        *number
    }
    fn format(format: &Format) -> Format {
        *format
    }
    fn items(items: &Self::Items) -> &Constraints<Self> {
        items
    }
    fn schemas(schemas: &Self::Schemas) -> &[Constraints<Self>] {
        schemas
    }
    fn types(types: &Types) -> Types {
        *types
    }
    fn text(text: &Self::Text) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A parameter as a [`Constraints`] holds it, by kind (see [`ParamKind`](crate::ParamKind)).
#[derive(Debug)]
pub enum Param<'a, R: Repr> {
    /// A count.
    Count(&'a R::Count),
    /// A number.
    Number(&'a R::Number),
    /// A string.
    Text(&'a R::Text),
    /// A JSON value, as JSON text.
    Json(&'a R::Text),
    /// A format.
    Format(&'a R::Format),
    /// Item constraints.
    Items(&'a R::Items),
    /// A list of nested schemas.
    Schemas(&'a R::Schemas),
    /// A flag.
    Flag(&'a R::Mark),
    /// An optional context.
    Context(&'a R::Context),
    /// A set of JSON types.
    Types(&'a R::Types),
    /// Schemas by pattern.
    PatternSchemas(&'a R::PatternSchemas),
    /// Schemas by member name.
    MemberSchemas(&'a R::MemberSchemas),
}

/// A parameter to store with [`Constraints::set`].
#[derive(Debug)]
pub enum ParamValue<R: Repr> {
    /// A count.
    Count(R::Count),
    /// A number.
    Number(R::Number),
    /// A string.
    Text(R::Text),
    /// A JSON value, as JSON text.
    Json(R::Text),
    /// A format.
    Format(R::Format),
    /// Item constraints.
    Items(R::Items),
    /// A list of nested schemas.
    Schemas(R::Schemas),
    /// A flag.
    Flag(R::Mark),
    /// An optional context.
    Context(R::Context),
    /// A set of JSON types.
    Types(R::Types),
    /// Schemas by pattern.
    PatternSchemas(R::PatternSchemas),
    /// Schemas by member name.
    MemberSchemas(R::MemberSchemas),
}

/// Why [`Constraints::set`] refused a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetError {
    /// The keyword is already set.
    Duplicate,
    /// The parameter is not of the keyword's kind.
    WrongParam,
}

impl<R: Repr> Constraints<R> {
    /// The keywords that are set, with their parameters, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (crate::Keyword, Param<'_, R>)> {
        crate::Keyword::ALL
            .iter()
            .filter_map(|k| self.get(*k).map(|p| (*k, p)))
    }

    /// Whether no keyword is set.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// Whether `keyword` is set.
    pub fn has(&self, keyword: crate::Keyword) -> bool {
        self.get(keyword).is_some()
    }

    /// The count of `keyword` (a [`ParamKind::Count`](crate::ParamKind::Count) keyword).
    pub fn count(&self, keyword: crate::Keyword) -> Option<u64> {
        match self.get(keyword)? {
            Param::Count(c) => Some(R::count(c)),
            _ => None,
        }
    }

    /// The set of JSON types of the `type` keyword, when set.
    pub fn types(&self) -> Option<Types> {
        match self.get(crate::Keyword::Type)? {
            Param::Types(t) => Some(R::types(t)),
            _ => None,
        }
    }

    /// Whether `null` satisfies these keywords (a nested schema): the keywords that apply to
    /// `null` decide (`type`, `const`, `enum`, `not`, `allOf`, `anyOf`, `oneOf`, `if` with
    /// `then` and `else`), every other one ignores it, as JSON Schema says. `lists_null` says whether an
    /// `enum`'s JSON text lists `null` (this crate reads no JSON).
    pub fn null_satisfies(&self, lists_null: &dyn Fn(&str) -> bool) -> bool {
        use crate::Keyword;
        let satisfies = |keywords: &Constraints<R>| keywords.null_satisfies(lists_null);
        let branch = |branch: Option<&R::Items>| branch.is_none_or(|b| satisfies(R::items(b)));
        self.iter().all(|(keyword, _)| match keyword {
            Keyword::If => match self
                .if_schema
                .as_ref()
                .is_some_and(|i| satisfies(R::items(i)))
            {
                true => branch(self.then_schema.as_ref()),
                false => branch(self.else_schema.as_ref()),
            },
            // Decided with `if`.
            Keyword::Then | Keyword::Else => true,
            Keyword::AllOf => self
                .all_of
                .as_ref()
                .is_some_and(|schemas| R::schemas(schemas).iter().all(satisfies)),
            Keyword::AnyOf => self
                .any_of
                .as_ref()
                .is_some_and(|schemas| R::schemas(schemas).iter().any(satisfies)),
            Keyword::PrefixItems => true,
            Keyword::OneOf => self.one_of.as_ref().is_some_and(|schemas| {
                R::schemas(schemas).iter().filter(|s| satisfies(s)).count() == 1
            }),
            Keyword::Type => self
                .types()
                .is_some_and(|types| types.contains(crate::JsonType::Null)),
            Keyword::Const | Keyword::Enum => !self.excludes_null(lists_null),
            Keyword::Not => self
                .not
                .as_ref()
                .is_some_and(|not| !satisfies(R::items(not))),
            Keyword::MinLength
            | Keyword::MaxLength
            | Keyword::MinItems
            | Keyword::MaxItems
            | Keyword::Format
            | Keyword::Pattern
            | Keyword::PatternRule
            | Keyword::Minimum
            | Keyword::Maximum
            | Keyword::ExclusiveMinimum
            | Keyword::ExclusiveMaximum
            | Keyword::MultipleOf
            | Keyword::UniqueItems
            | Keyword::MinProperties
            | Keyword::MaxProperties
            | Keyword::DependentRequired
            | Keyword::RequiredMembers
            | Keyword::Properties
            | Keyword::AdditionalProperties
            | Keyword::PropertyNames
            | Keyword::PatternProperties
            | Keyword::Items
            | Keyword::Contains
            | Keyword::MinContains
            | Keyword::MaxContains
            | Keyword::Nested
            | Keyword::Required
            | Keyword::Nullable
            | Keyword::Default
            | Keyword::Forbidden => true,
        })
    }

    /// Whether `const` or `enum` is set and leaves out `null` (`lists_null` as for
    /// [`Constraints::null_satisfies`]).
    pub fn excludes_null(&self, lists_null: &dyn Fn(&str) -> bool) -> bool {
        self.const_value
            .as_ref()
            .is_some_and(|c| R::text(c).trim() != "null")
            || self
                .enum_values
                .as_ref()
                .is_some_and(|e| !lists_null(&R::text(e)))
    }

    /// The number of `keyword` (a [`ParamKind::Number`](crate::ParamKind::Number) keyword).
    pub fn number(&self, keyword: crate::Keyword) -> Option<Number> {
        match self.get(keyword)? {
            Param::Number(n) => Some(R::number(n)),
            _ => None,
        }
    }
}

impl<R: Repr> Default for Constraints<R> {
    fn default() -> Self {
        Self::NONE
    }
}

#[cfg(test)]
mod tests {
    use super::{Constraints, Owned};
    use crate::{JsonType, Types};

    fn lists_null(text: &str) -> bool {
        text.contains("null")
    }

    #[test]
    fn null_satisfies_what_ignores_it_and_what_lists_it() {
        let mut keywords = Constraints::<Owned>::NONE;
        keywords.max_length = Some(1);
        keywords.minimum = Some(crate::Number::Int(3));
        assert!(keywords.null_satisfies(&lists_null));
        keywords.types = Some(Types::of(JsonType::Integer));
        assert!(!keywords.null_satisfies(&lists_null));
        keywords.types = Some(Types::of(JsonType::Integer).or(Types::of(JsonType::Null)));
        assert!(keywords.null_satisfies(&lists_null));
        keywords.enum_values = Some("[1]".to_owned());
        assert!(!keywords.null_satisfies(&lists_null));
        assert!(keywords.excludes_null(&lists_null));
        keywords.enum_values = Some("[1, null]".to_owned());
        assert!(keywords.null_satisfies(&lists_null));
        keywords.const_value = Some(" null ".to_owned());
        assert!(!keywords.excludes_null(&lists_null));
        let mut all_of = Constraints::<Owned>::NONE;
        all_of.all_of = Some(vec![keywords.clone(), Constraints::<Owned>::NONE]);
        assert!(all_of.null_satisfies(&lists_null));
        let mut integer = Constraints::<Owned>::NONE;
        integer.types = Some(Types::of(JsonType::Integer));
        all_of.all_of = Some(vec![keywords.clone(), integer]);
        assert!(!all_of.null_satisfies(&lists_null));
        let mut not = Constraints::<Owned>::NONE;
        not.not = Some(Box::new(keywords));
        assert!(!not.null_satisfies(&lists_null));
    }
}
