//! How the checks read a field of any supported Rust type: a string, a number or a list, each
//! possibly behind `Option` (an absent optional field is not checked), and a
//! `serde_json::Value` as any of them (a keyword checks nothing on a value of another JSON
//! type, as JSON Schema says) or as itself ([`JsonField`], for `type`).

use std::borrow::Cow;

use super::number::Number;

/// A field whose value is a string, or absent.
pub trait StrField {
    /// The string, or `None` when the field is absent.
    fn str_value(&self) -> Option<&str>;
}

impl StrField for str {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}

impl StrField for String {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}

impl StrField for Box<str> {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}

impl StrField for Cow<'_, str> {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: StrField + ?Sized> StrField for &T {
    fn str_value(&self) -> Option<&str> {
        (**self).str_value()
    }
}

impl<T: StrField> StrField for Option<T> {
    fn str_value(&self) -> Option<&str> {
        self.as_ref().and_then(StrField::str_value)
    }
}

/// A field whose value is a number, or absent.
pub trait NumberField {
    /// The number, or `None` when the field is absent.
    fn number_value(&self) -> Option<Number>;
}

macro_rules! int_field {
    ($($t:ty),*) => {$(
        impl NumberField for $t {
            fn number_value(&self) -> Option<Number> {
                Some(Number::Int(i128::from(*self)))
            }
        }
    )*};
}
int_field!(i8, i16, i32, i64, u8, u16, u32, u64);

impl NumberField for f64 {
    fn number_value(&self) -> Option<Number> {
        Some(float(*self))
    }
}

/// An `f32` is read from JSON as the nearest `f32` to the document's number, and the rules read
/// it by its shortest decimal form: `0.1_f32` is the number `0.1`, not `0.100000001490116…`,
/// for the range and `multipleOf` rules alike. The raw path reads a document's number into the
/// same `f32` first (`ValidateJson::as_read`), so `0.10000000001` is `0.1` on both.
impl NumberField for f32 {
    fn number_value(&self) -> Option<Number> {
        Some(float(widen_f32(*self)))
    }
}

/// An `f32` as an `f64` for the rules: the number its shortest decimal form says (so `0.1_f32`
/// is `0.1`), which is the document's number when it had at most 6 significant digits.
pub(crate) fn widen_f32(x: f32) -> f64 {
    let mut buffer = super::multiple::Buffer::default();
    if std::fmt::Write::write_fmt(&mut buffer, format_args!("{x:e}")).is_ok() {
        buffer.as_str().parse::<f64>().unwrap_or(f64::from(x))
    } else {
        f64::from(x)
    }
}

/// A float as the range rules see it: an integral value within 64 bits is the integer (JSON
/// Schema: `1.0` is the integer 1), so a typed `f64` and the raw `1` or `1.0` it was read from
/// report the same number.
fn float(x: f64) -> Number {
    // 2^63: every integral float below it in magnitude converts exactly.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if x.fract() == 0.0 && x.abs() < LIMIT {
        #[allow(clippy::cast_possible_truncation)]
        Number::Int(x as i128)
    } else {
        Number::Float(x)
    }
}

impl<T: NumberField + ?Sized> NumberField for &T {
    fn number_value(&self) -> Option<Number> {
        (**self).number_value()
    }
}

impl<T: NumberField> NumberField for Option<T> {
    fn number_value(&self) -> Option<Number> {
        self.as_ref().and_then(NumberField::number_value)
    }
}

/// A field whose value is a list, or absent.
pub trait ItemsField {
    /// The item type.
    type Item;
    /// The items, or `None` when the field is absent.
    fn items(&self) -> Option<&[Self::Item]>;
}

impl<T> ItemsField for Vec<T> {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T> ItemsField for [T] {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<L: ItemsField + ?Sized> ItemsField for &L {
    type Item = L::Item;
    fn items(&self) -> Option<&[L::Item]> {
        (**self).items()
    }
}

impl<L: ItemsField> ItemsField for Option<L> {
    type Item = L::Item;
    fn items(&self) -> Option<&[L::Item]> {
        self.as_ref().and_then(ItemsField::items)
    }
}

impl StrField for serde_json::Value {
    fn str_value(&self) -> Option<&str> {
        self.as_str()
    }
}

impl NumberField for serde_json::Value {
    fn number_value(&self) -> Option<Number> {
        let number = self.as_number()?;
        if let Some(i) = number.as_i64() {
            Some(Number::Int(i128::from(i)))
        } else if let Some(u) = number.as_u64() {
            Some(Number::Int(i128::from(u)))
        } else {
            number.as_f64().map(float)
        }
    }
}

impl ItemsField for serde_json::Value {
    type Item = serde_json::Value;
    fn items(&self) -> Option<&[serde_json::Value]> {
        self.as_array().map(Vec::as_slice)
    }
}

/// A field whose value is any JSON value (a `serde_json::Value`), or absent: what the `type`
/// keyword reads.
pub trait JsonField {
    /// The value, or `None` when the field is absent.
    fn json_value(&self) -> Option<&serde_json::Value>;
}

impl JsonField for serde_json::Value {
    fn json_value(&self) -> Option<&serde_json::Value> {
        Some(self)
    }
}

impl<T: JsonField + ?Sized> JsonField for &T {
    fn json_value(&self) -> Option<&serde_json::Value> {
        (**self).json_value()
    }
}

impl<T: JsonField> JsonField for Option<T> {
    fn json_value(&self) -> Option<&serde_json::Value> {
        self.as_ref().and_then(JsonField::json_value)
    }
}

impl<T: JsonField> JsonField for Box<T> {
    fn json_value(&self) -> Option<&serde_json::Value> {
        (**self).json_value()
    }
}
