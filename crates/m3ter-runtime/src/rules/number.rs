//! A JSON number as the range rules see it: the vocabulary's [`Number`], and its JSON form.

pub use m3ter_vocab::Number;

/// A number's JSON form.
pub trait NumberJson {
    /// The value as a JSON number (an integer beyond 64 bits, or a non-finite float, as the
    /// nearest float or `null`).
    fn to_json(self) -> serde_json::Value;
}

impl NumberJson for Number {
    fn to_json(self) -> serde_json::Value {
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
