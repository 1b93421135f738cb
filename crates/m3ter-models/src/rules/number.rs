//! A JSON number as the range rules see it: an exact integer or a float.

use std::cmp::Ordering;
use std::fmt;

/// An integer (exact, any `i64`/`u64`) or a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// An exact integer.
    Int(i128),
    /// A floating-point number.
    Float(f64),
}

impl Number {
    /// Compares two numbers exactly when both are integers, as `f64` otherwise. `None` for NaN.
    pub fn compare(self, other: Number) -> Option<Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
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

    /// The value as a JSON number (`null` for a non-finite float).
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Number::Int(i) => {
                if let Ok(i) = i64::try_from(i) {
                    i.into()
                } else if let Ok(u) = u64::try_from(i) {
                    u.into()
                } else {
                    serde_json::Value::from(self.as_f64())
                }
            }
            Number::Float(f) => serde_json::Value::from(f),
        }
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
