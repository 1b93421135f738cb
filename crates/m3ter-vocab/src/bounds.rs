//! The rules that relate keywords to each other and to an integer type's range, checked once for
//! the generator (errors at JSON Pointers) and the derive (errors on tokens).

use std::cmp::Ordering;
use std::fmt;

use crate::{Constraints, Keyword, Number, Repr};

/// A set of bounds no value can satisfy, or a bound an integer type cannot reach.
#[derive(Clone, Debug, PartialEq)]
pub enum BoundsError {
    /// A lower bound above its upper bound (`min_length = 5, max_length = 3`), or number
    /// bounds that leave no value (`exclusive_minimum = 1, exclusive_maximum = 1`).
    Empty {
        /// The lower bound's keyword.
        lower: Keyword,
        /// The upper bound's keyword.
        upper: Keyword,
        /// The lower bound.
        min: String,
        /// The upper bound.
        max: String,
    },
    /// Integer bounds that leave no integer (`exclusive_minimum = 1, exclusive_maximum = 2`).
    NoInteger {
        /// The lower bound's keyword.
        lower: Keyword,
        /// The upper bound's keyword.
        upper: Keyword,
    },
    /// A `multipleOf` that is not greater than 0 (JSON Schema requires it).
    NotPositive {
        /// The keyword.
        keyword: Keyword,
        /// Its parameter.
        value: Number,
    },
    /// A bound outside the range of the member's integer type (`maximum = 300` on a `u8`).
    OutsideType {
        /// The keyword.
        keyword: Keyword,
        /// Its limit.
        limit: Number,
        /// The type's smallest value.
        type_min: i128,
        /// The type's largest value.
        type_max: i128,
    },
}

impl BoundsError {
    /// The keyword the error is about (where to report it).
    pub fn keyword(&self) -> Keyword {
        match self {
            BoundsError::Empty { lower, .. } | BoundsError::NoInteger { lower, .. } => *lower,
            BoundsError::OutsideType { keyword, .. } | BoundsError::NotPositive { keyword, .. } => {
                *keyword
            }
        }
    }
}

impl BoundsError {
    /// The message, naming keywords with `name` (`Keyword::spec_name` for the derive,
    /// `Keyword::json_name` for the generator).
    pub fn message(&self, name: fn(Keyword) -> &'static str) -> String {
        match self {
            BoundsError::Empty {
                lower,
                upper,
                min,
                max,
            } if min == max => format!(
                "`{}` ({min}) and `{}` ({max}) leave no valid value: no value can pass",
                name(*lower),
                name(*upper)
            ),
            BoundsError::Empty {
                lower,
                upper,
                min,
                max,
            } => format!(
                "`{}` ({min}) is greater than `{}` ({max}): no value can pass",
                name(*lower),
                name(*upper)
            ),
            BoundsError::NoInteger { lower, upper } => format!(
                "`{}` and `{}` leave no integer between them: no value can pass",
                name(*lower),
                name(*upper)
            ),
            BoundsError::NotPositive { keyword, value } => format!(
                "`{}` must be a number greater than 0, not {value}",
                name(*keyword)
            ),
            BoundsError::OutsideType {
                keyword,
                limit,
                type_min,
                type_max,
            } => format!(
                "`{}` ({limit}) is outside the field type's range ({type_min} to {type_max}): \
                 use a wider integer type or a limit within the range",
                name(*keyword)
            ),
        }
    }
}

impl fmt::Display for BoundsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Keyword::spec_name))
    }
}

const COUNT_PAIRS: [(Keyword, Keyword); 4] = [
    (Keyword::MinLength, Keyword::MaxLength),
    (Keyword::MinItems, Keyword::MaxItems),
    (Keyword::MinContains, Keyword::MaxContains),
    (Keyword::MinProperties, Keyword::MaxProperties),
];
const LOWER: [(Keyword, bool); 2] = [(Keyword::Minimum, false), (Keyword::ExclusiveMinimum, true)];
const UPPER: [(Keyword, bool); 2] = [(Keyword::Maximum, false), (Keyword::ExclusiveMaximum, true)];

/// Every bounds error of `constraints` (not of its items: call again on those). `integer` is the
/// range of the member's integer type, when it is one.
pub fn check<R: Repr>(
    constraints: &Constraints<R>,
    integer: Option<(i128, i128)>,
) -> Vec<BoundsError> {
    let mut errors = Vec::new();
    if let Some(value) = constraints.number(Keyword::MultipleOf)
        && value.compare(Number::Int(0)) != Some(Ordering::Greater)
    {
        errors.push(BoundsError::NotPositive {
            keyword: Keyword::MultipleOf,
            value,
        });
    }
    for (lower, upper) in COUNT_PAIRS {
        if let (Some(min), Some(max)) = (constraints.count(lower), constraints.count(upper))
            && min > max
        {
            errors.push(BoundsError::Empty {
                lower,
                upper,
                min: min.to_string(),
                max: max.to_string(),
            });
        }
    }
    for (lower, lower_exclusive) in LOWER {
        let Some(min) = constraints.number(lower) else {
            continue;
        };
        for (upper, upper_exclusive) in UPPER {
            let Some(max) = constraints.number(upper) else {
                continue;
            };
            let empty = match min.compare(max) {
                Some(Ordering::Greater) | None => true,
                Some(Ordering::Equal) => lower_exclusive || upper_exclusive,
                Some(Ordering::Less) => false,
            };
            if empty {
                errors.push(BoundsError::Empty {
                    lower,
                    upper,
                    min: min.to_string(),
                    max: max.to_string(),
                });
            } else if integer.is_some()
                && let (Some(lo), Some(hi)) = (
                    integer_lower(min, lower_exclusive),
                    integer_upper(max, upper_exclusive),
                )
                && lo > hi
            {
                errors.push(BoundsError::NoInteger { lower, upper });
            }
        }
    }
    if let Some((type_min, type_max)) = integer {
        for (keyword, exclusive) in LOWER.into_iter().chain(UPPER) {
            let Some(limit) = constraints.number(keyword) else {
                continue;
            };
            let slack = i128::from(exclusive);
            let low = Number::Int(type_min.saturating_sub(slack));
            let high = Number::Int(type_max.saturating_add(slack));
            let outside = matches!(limit.compare(low), Some(Ordering::Less) | None)
                || matches!(limit.compare(high), Some(Ordering::Greater) | None);
            if outside {
                errors.push(BoundsError::OutsideType {
                    keyword,
                    limit,
                    type_min,
                    type_max,
                });
            }
        }
    }
    errors
}

/// The smallest integer a lower bound allows.
fn integer_lower(min: Number, exclusive: bool) -> Option<i128> {
    if exclusive {
        min.floor_int()?.checked_add(1)
    } else {
        min.ceil_int()
    }
}

/// The largest integer an upper bound allows.
fn integer_upper(max: Number, exclusive: bool) -> Option<i128> {
    if exclusive {
        max.ceil_int()?.checked_sub(1)
    } else {
        max.floor_int()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use super::*;
    use crate::Static;

    fn with(set: &[(Keyword, Number)]) -> Constraints<Static> {
        let mut c = Constraints::<Static>::NONE;
        for (k, n) in set {
            c.set(*k, crate::ParamValue::Number(*n)).unwrap();
        }
        c
    }

    #[test]
    fn empty_ranges_are_found() {
        let mut c = Constraints::<Static>::NONE;
        c.min_length = Some(5);
        c.max_length = Some(3);
        assert_eq!(check(&c, None)[0].keyword(), Keyword::MinLength);

        let c = with(&[
            (Keyword::ExclusiveMinimum, Number::Int(1)),
            (Keyword::ExclusiveMaximum, Number::Int(1)),
        ]);
        assert_eq!(check(&c, None).len(), 1);
        let c = with(&[
            (Keyword::ExclusiveMinimum, Number::Int(1)),
            (Keyword::ExclusiveMaximum, Number::Int(2)),
        ]);
        assert!(check(&c, None).is_empty(), "1.5 is a number between them");
        assert_eq!(
            check(&c, Some((i128::from(i64::MIN), i128::from(i64::MAX)))),
            [BoundsError::NoInteger {
                lower: Keyword::ExclusiveMinimum,
                upper: Keyword::ExclusiveMaximum
            }]
        );
        let c = with(&[
            (Keyword::Minimum, Number::Float(1.5)),
            (Keyword::Maximum, Number::Float(1.7)),
        ]);
        assert_eq!(check(&c, Some((0, 255))).len(), 1);
        let c = with(&[
            (Keyword::Minimum, Number::Int(2)),
            (Keyword::Maximum, Number::Int(2)),
        ]);
        assert!(check(&c, Some((0, 255))).is_empty());
    }

    #[test]
    fn bounds_beyond_the_type() {
        let c = with(&[(Keyword::Maximum, Number::Int(300))]);
        assert_eq!(
            check(&c, Some((0, 255))),
            [BoundsError::OutsideType {
                keyword: Keyword::Maximum,
                limit: Number::Int(300),
                type_min: 0,
                type_max: 255
            }]
        );
        let c = with(&[(Keyword::ExclusiveMaximum, Number::Int(256))]);
        assert!(check(&c, Some((0, 255))).is_empty());
        let c = with(&[(Keyword::Minimum, Number::Int(-1))]);
        assert_eq!(check(&c, Some((0, 255))).len(), 1);
        assert!(check(&c, None).is_empty());
    }

    #[test]
    fn multiple_of_must_be_positive() {
        for bad in [
            Number::Int(0),
            Number::Int(-2),
            Number::Float(-0.5),
            Number::Float(0.0),
        ] {
            let c = with(&[(Keyword::MultipleOf, bad)]);
            assert_eq!(
                check(&c, None),
                [BoundsError::NotPositive {
                    keyword: Keyword::MultipleOf,
                    value: bad
                }]
            );
        }
        let c = with(&[(Keyword::MultipleOf, Number::Float(f64::NAN))]);
        assert!(matches!(
            check(&c, None)[..],
            [BoundsError::NotPositive { .. }]
        ));
        let c = with(&[(Keyword::MultipleOf, Number::Float(0.0001))]);
        assert!(check(&c, None).is_empty());
        let mut c = Constraints::<Static>::NONE;
        c.min_properties = Some(3);
        c.max_properties = Some(2);
        assert_eq!(check(&c, None)[0].keyword(), Keyword::MinProperties);
    }
}
