//! A number as the range keywords hold it: an exact integer or a float.

use std::cmp::Ordering;
use std::fmt;

/// An integer (exact, any `i64`/`u64` and beyond) or a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// An exact integer.
    Int(i128),
    /// A floating-point number.
    Float(f64),
}

impl Number {
    /// Compares two numbers exactly: integers as integers, an integer and a float by their
    /// mathematical values (never through a rounded `f64`). `None` when a float is NaN.
    pub fn compare(self, other: Number) -> Option<Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (Number::Float(a), Number::Float(b)) => a.partial_cmp(&b),
            (Number::Int(a), Number::Float(b)) => compare_int_float(a, b),
            (Number::Float(a), Number::Int(b)) => compare_int_float(b, a).map(Ordering::reverse),
        }
    }

    /// The value as `f64` (integers beyond 2^53 round).
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }

    /// The smallest integer at least `self` (`None` for NaN or beyond `i128`).
    pub fn ceil_int(self) -> Option<i128> {
        match self {
            Number::Int(i) => Some(i),
            Number::Float(f) => float_to_int(f.ceil()),
        }
    }

    /// The largest integer at most `self` (`None` for NaN or beyond `i128`).
    pub fn floor_int(self) -> Option<i128> {
        match self {
            Number::Int(i) => Some(i),
            Number::Float(f) => float_to_int(f.floor()),
        }
    }
}

/// `f` (already integral) as an `i128`, when it is one.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn float_to_int(f: f64) -> Option<i128> {
    // 2^127 is exactly representable; every integral f64 below it in magnitude fits.
    let limit = 170_141_183_460_469_231_731_687_303_715_884_105_728.0_f64;
    (f.is_finite() && f >= -limit && f < limit).then_some(f as i128)
}

/// `a` against `b` by their exact values.
fn compare_int_float(a: i128, b: f64) -> Option<Ordering> {
    if b.is_nan() {
        return None;
    }
    match float_to_int(b.floor()) {
        // b is beyond i128: its sign decides.
        None => Some(if b > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        }),
        Some(floor) => match a.cmp(&floor) {
            Ordering::Equal if b.fract() != 0.0 => Some(Ordering::Less),
            ordering => Some(ordering),
        },
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use super::*;

    #[test]
    fn integers_and_floats_compare_exactly() {
        // 2^53 + 1 is not a float; as floats the two would be equal.
        let big = Number::Int(9_007_199_254_740_993);
        assert_eq!(
            big.compare(Number::Float(9_007_199_254_740_992.0)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            Number::Int(2).compare(Number::Float(2.5)),
            Some(Ordering::Less)
        );
        assert_eq!(
            Number::Int(3).compare(Number::Float(2.5)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            Number::Int(-3).compare(Number::Float(-2.5)),
            Some(Ordering::Less)
        );
        assert_eq!(
            Number::Int(2).compare(Number::Float(2.0)),
            Some(Ordering::Equal)
        );
        assert_eq!(
            Number::Float(2.5).compare(Number::Int(2)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            Number::Int(i128::MAX).compare(Number::Float(1e300)),
            Some(Ordering::Less)
        );
        assert_eq!(Number::Int(0).compare(Number::Float(f64::NAN)), None);
    }

    #[test]
    fn rounding_to_integers() {
        assert_eq!(Number::Float(2.5).ceil_int(), Some(3));
        assert_eq!(Number::Float(2.5).floor_int(), Some(2));
        assert_eq!(Number::Float(-2.5).ceil_int(), Some(-2));
        assert_eq!(Number::Float(f64::INFINITY).ceil_int(), None);
    }
}
