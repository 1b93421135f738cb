//! Examples of every [`ErrorKind`], for a catalogue of messages: the CLI's snapshot of its
//! wording, a translator's table of codes. One arm per kind, so a kind added without examples
//! does not compile.

use crate::error::{ErrorKind, FormatViolation, LengthUnit, RangeBound};
use crate::rules::number::Number;

/// Declares [`ErrorKind::examples`] from one arm per kind, `Kind => [example, ...]`, and
/// `listed_kind`, a `match` over every kind built from the same arms without a catch-all: a
/// kind without an arm is a compile error there (the `match` is not exhaustive), and an arm
/// needs at least one example (the pattern says `+`). The unit test below holds each example
/// to its arm's kind.
macro_rules! examples {
    ($($kind:ident => [$($example:expr),+ $(,)?]),+ $(,)?) => {
        impl ErrorKind {
            /// Examples of every kind of error, several where the wording changes with the
            /// parameters (one item or many, a bound or two, a rule in words or a pattern),
            /// in a fixed order: what a catalogue of messages, a translation table keyed by
            /// [`code`](ErrorKind::code) or a snapshot of the wording iterates over. Every kind
            /// has at least one example.
            pub fn examples() -> Vec<ErrorKind> {
                vec![$($($example,)+)+]
            }
        }

        /// The name of `kind`'s variant, as its arm above spells it. Compiled in every build
        /// (the `const` below names it), so a kind without an arm fails `cargo build` too.
        const fn listed_kind(kind: &ErrorKind) -> &'static str {
            match kind {
                $(ErrorKind::$kind { .. } => stringify!($kind),)+
            }
        }

        const _: fn(&ErrorKind) -> &'static str = listed_kind;

        /// Each example with the name of the arm it is listed under.
        #[cfg(test)]
        fn examples_by_arm() -> Vec<(&'static str, ErrorKind)> {
            vec![$($((stringify!($kind), $example),)+)+]
        }
    };
}

fn length(unit: LengthUnit, min: Option<u64>, max: Option<u64>, actual: u64) -> ErrorKind {
    ErrorKind::Length {
        unit,
        min,
        max,
        actual,
    }
}

const ARN_ACCOUNT: FormatViolation = FormatViolation {
    part: "account_id",
    expected: "exactly 12 ASCII digits",
};

examples! {
    Syntax => [ErrorKind::Syntax {
        message: "expected `:` at line 1 column 9".into(),
        line: 1,
        column: 9,
    }],
    Type => [
        ErrorKind::Type { expected: "string", actual: "null" },
        ErrorKind::Type { expected: "integer (int64)", actual: "number" },
        ErrorKind::Type { expected: "integer (int64)", actual: "integer out of range" },
        ErrorKind::Type { expected: "object", actual: "array" },
        ErrorKind::Type { expected: "string, number or null", actual: "boolean" },
    ],
    Required => [ErrorKind::Required],
    UnknownField => [ErrorKind::UnknownField],
    Length => [
        length(LengthUnit::Characters, Some(1), Some(200), 0),
        length(LengthUnit::Characters, Some(1), None, 0),
        length(LengthUnit::Characters, Some(2), None, 1),
        length(LengthUnit::Characters, None, Some(1), 2),
        length(LengthUnit::Characters, None, Some(63), 64),
        length(LengthUnit::Characters, Some(1), Some(1), 3),
        length(LengthUnit::Characters, Some(12), Some(12), 3),
        length(LengthUnit::Items, Some(1), None, 0),
        length(LengthUnit::Items, None, Some(1), 2),
        length(LengthUnit::Items, None, Some(3), 4),
        length(LengthUnit::Items, Some(2), Some(5), 1),
        length(LengthUnit::Items, None, Some(0), 2),
        length(LengthUnit::Characters, Some(0), Some(0), 1),
    ],
    Pattern => [
        ErrorKind::Pattern { pattern: "^[a-z]+$", rule: None },
        ErrorKind::Pattern {
            pattern: "^[a-z]+$",
            rule: Some("must be lower-case ASCII letters"),
        },
    ],
    Format => [
        ErrorKind::Format { format: "aws-iam-role-arn", violation: ARN_ACCOUNT },
        ErrorKind::Format {
            format: "uuid",
            violation: FormatViolation {
                part: "uuid",
                expected: "a hyphenated UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8",
            },
        },
    ],
    Enum => [
        ErrorKind::Enum { allowed: &["S3", "GCS"] },
        ErrorKind::Enum { allowed: &["S3"] },
        ErrorKind::Enum { allowed: &["say \"hi\"", "a\\b"] },
    ],
    Forbidden => [
        ErrorKind::Forbidden { context: Some("create") },
        ErrorKind::Forbidden { context: None },
    ],
    Const => [
        ErrorKind::Const { expected: "\"S3\"" },
        ErrorKind::Const { expected: "{\"b\": [1, null], \"a\": 2.5}" },
        ErrorKind::Const { expected: "null" },
    ],
    EnumValues => [
        ErrorKind::EnumValues { allowed: "[1, \"a\", null, {\"b\": true}]" },
        ErrorKind::EnumValues { allowed: "[42]" },
    ],
    MultipleOf => [
        ErrorKind::MultipleOf { divisor: Number::Float(0.01), actual: Number::Float(19.995) },
        ErrorKind::MultipleOf { divisor: Number::Int(2), actual: Number::Int(7) },
    ],
    UniqueItems => [ErrorKind::UniqueItems { first: 0, second: 3 }],
    MinProperties => [
        ErrorKind::MinProperties { min: 1, actual: 0 },
        ErrorKind::MinProperties { min: 2, actual: 1 },
    ],
    MaxProperties => [
        ErrorKind::MaxProperties { max: 0, actual: 1 },
        ErrorKind::MaxProperties { max: 1, actual: 3 },
    ],
    Contains => [ErrorKind::Contains],
    MinContains => [
        ErrorKind::MinContains { min: 2, actual: 1 },
        ErrorKind::MinContains { min: 1, actual: 0 },
    ],
    MaxContains => [
        ErrorKind::MaxContains { max: 1, actual: 3 },
        ErrorKind::MaxContains { max: 0, actual: 1 },
    ],
    Not => [ErrorKind::Not],
    AnyOf => [ErrorKind::AnyOf { branches: 2 }],
    OneOf => [
        ErrorKind::OneOf {
            branches: 2,
            matched: 0,
        },
        ErrorKind::OneOf {
            branches: 3,
            matched: 2,
        },
    ],
    DependentRequired => [ErrorKind::DependentRequired {
        property: "bill",
        missing: "billingAddress",
    }],
    PropertyNames => [
        ErrorKind::PropertyNames {
            property: "abc".to_owned(),
            reason: Box::new(length(LengthUnit::Characters, None, Some(2), 3)),
        },
        ErrorKind::PropertyNames {
            property: "A\"b".to_owned(),
            reason: Box::new(ErrorKind::Pattern { pattern: "^[a-z]+$", rule: None }),
        },
        ErrorKind::PropertyNames {
            property: "Ab".to_owned(),
            reason: Box::new(ErrorKind::Pattern {
                pattern: "^[a-z]+$",
                rule: Some("must be lower-case ASCII letters"),
            }),
        },
        ErrorKind::PropertyNames {
            property: "x".to_owned(),
            reason: Box::new(ErrorKind::Enum { allowed: &["a", "b"] }),
        },
    ],
    Range => [
        ErrorKind::Range {
            bound: RangeBound::Minimum,
            limit: Number::Int(1),
            actual: Number::Int(0),
        },
        ErrorKind::Range {
            bound: RangeBound::Maximum,
            limit: Number::Int(50),
            actual: Number::Int(51),
        },
        ErrorKind::Range {
            bound: RangeBound::ExclusiveMinimum,
            limit: Number::Int(0),
            actual: Number::Float(-0.5),
        },
        ErrorKind::Range {
            bound: RangeBound::ExclusiveMaximum,
            limit: Number::Int(10),
            actual: Number::Float(10.5),
        },
    ],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn each_example_is_of_the_kind_it_is_listed_under() {
        let listed = examples_by_arm();
        assert_eq!(listed.len(), ErrorKind::examples().len());
        for ((arm, example), public) in listed.iter().zip(ErrorKind::examples()) {
            assert_eq!(listed_kind(example), *arm, "{example:?}");
            assert_eq!(*example, public);
        }
    }

    #[test]
    fn every_code_has_an_example() {
        let examples = ErrorKind::examples();
        for code in ErrorCode::ALL {
            assert!(
                examples.iter().any(|kind| kind.code() == code),
                "no example of {code}"
            );
        }
    }
}
