//! `multipleOf`, decided exactly on decimal values: `0.0075` is a multiple of `0.0001` and
//! `19.99` of `0.01`, although neither quotient is an integer in binary floating point.
//!
//! A float is read as the shortest decimal that rounds to it (the digits JSON text had, for a
//! number written with at most 17 significant digits), an integer exactly; the question is then
//! one of integers, answered without overflow by modular arithmetic.

use std::fmt::Write;

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

use super::access::NumberField;
use super::number::Number;

/// Checks `multipleOf` on a number field (skipped when the field is absent). `divisor` is
/// greater than 0 (the derive and the generator refuse any other).
#[inline]
pub fn check_multiple_of<F: NumberField + ?Sized>(
    field: &F,
    divisor: Number,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(actual) = field.number_value() else {
        return;
    };
    if !is_multiple_of(actual, divisor) {
        push_error(actual, divisor, path, errors);
    }
}

#[cold]
#[inline(never)]
fn push_error(actual: Number, divisor: Number, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::MultipleOf { divisor, actual },
    ));
}

/// Whether `value` divided by `divisor` is an integer, decided on their decimal values. `false`
/// for a divisor that is not a positive finite number, and for a value that is not finite.
pub fn is_multiple_of(value: Number, divisor: Number) -> bool {
    if let (Number::Int(value), Number::Int(divisor)) = (value, divisor) {
        return divisor > 0 && value.checked_rem(divisor).is_none_or(|r| r == 0);
    }
    let (Some((m1, e1)), Some((m2, e2))) = (decimal(value), decimal(divisor)) else {
        return false;
    };
    if m2 == 0 || divisor.compare(Number::Int(0)) != Some(std::cmp::Ordering::Greater) {
        return false;
    }
    if m1 == 0 {
        return true;
    }
    if e1 >= e2 {
        // value / divisor = m1 * 10^(e1 - e2) / m2.
        let k = e1.abs_diff(e2);
        mul_mod(m1 % m2, pow_mod(10, k, m2), m2) == 0
    } else {
        // value / divisor = m1 / (m2 * 10^(e2 - e1)): m1 must end in that many zeros first.
        let mut m1 = m1;
        for _ in 0..e2.abs_diff(e1) {
            if m1 % 10 != 0 {
                return false;
            }
            m1 /= 10;
        }
        m1 % m2 == 0
    }
}

/// `|n|` as `digits × 10^exponent`; `None` for a non-finite float.
fn decimal(n: Number) -> Option<(u128, i64)> {
    match n {
        Number::Int(i) => Some((i.unsigned_abs(), 0)),
        Number::Float(f) if !f.is_finite() => None,
        Number::Float(f) => {
            // `{:e}` writes the shortest digits that round-trip: `7.5e-3`, `1e300`, `-2e0`.
            let mut buffer = Buffer::default();
            write!(buffer, "{:e}", f.abs()).ok()?;
            let text = buffer.as_str();
            let (mantissa, exponent) = text.split_once('e')?;
            let mut exponent: i64 = exponent.parse().ok()?;
            let mut digits: u128 = 0;
            let mut fraction = false;
            for c in mantissa.chars() {
                if c == '.' {
                    fraction = true;
                    continue;
                }
                let digit = c.to_digit(10)?;
                digits = digits.checked_mul(10)?.checked_add(u128::from(digit))?;
                if fraction {
                    exponent -= 1;
                }
            }
            Some((digits, exponent))
        }
    }
}

/// `a × b mod m`, without overflow (`a`, `b` < `m`).
fn mul_mod(a: u128, b: u128, m: u128) -> u128 {
    if m <= u128::from(u64::MAX) {
        return a * b % m;
    }
    // Double and add: every intermediate stays below m.
    let (mut result, mut a, mut b) = (0u128, a, b);
    while b > 0 {
        if b & 1 == 1 {
            result = add_mod(result, a, m);
        }
        a = add_mod(a, a, m);
        b >>= 1;
    }
    result
}

fn add_mod(a: u128, b: u128, m: u128) -> u128 {
    if a >= m - b { a - (m - b) } else { a + b }
}

/// `base^exp mod m`.
fn pow_mod(base: u128, mut exp: u64, m: u128) -> u128 {
    let mut result = 1 % m;
    let mut base = base % m;
    while exp > 0 {
        if exp & 1 == 1 {
            result = mul_mod(result, base, m);
        }
        base = mul_mod(base, base, m);
        exp >>= 1;
    }
    result
}

/// A stack buffer for a float's digits: `{:e}` of an `f64` is at most 24 bytes.
pub(crate) struct Buffer {
    bytes: [u8; 40],
    len: usize,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            bytes: [0; 40],
            len: 0,
        }
    }
}

impl Buffer {
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl Write for Buffer {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> Number {
        Number::Float(x)
    }

    #[test]
    fn decimals_are_exact() {
        assert!(is_multiple_of(f(0.0075), f(0.0001)));
        assert!(!is_multiple_of(f(0.00751), f(0.0001)));
        assert!(is_multiple_of(f(19.99), f(0.01)));
        assert!(!is_multiple_of(f(19.995), f(0.01)));
        // 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
        assert!(is_multiple_of(f(0.3), f(0.1)));
        assert!(is_multiple_of(f(4.5), f(1.5)));
        assert!(!is_multiple_of(Number::Int(35), f(1.5)));
        assert!(is_multiple_of(Number::Int(-3), f(1.5)));
        assert!(is_multiple_of(f(-4.5), f(1.5)));
        assert!(is_multiple_of(Number::Int(0), f(0.0001)));
        assert!(is_multiple_of(f(0.0), Number::Int(7)));
    }

    #[test]
    fn integers_are_exact() {
        assert!(is_multiple_of(Number::Int(10), Number::Int(2)));
        assert!(!is_multiple_of(Number::Int(7), Number::Int(2)));
        assert!(is_multiple_of(Number::Int(-8), Number::Int(2)));
        assert!(is_multiple_of(Number::Int(i128::MIN), Number::Int(2)));
        // An integer of 2^53 + 1 and beyond, against a float divisor.
        assert!(is_multiple_of(
            Number::Int(9_007_199_254_740_993),
            f(1.0e-8)
        ));
        assert!(!is_multiple_of(Number::Int(9_007_199_254_740_993), f(2.0)));
        assert!(is_multiple_of(Number::Int(12_391_239_123), f(1e-8)));
        assert!(is_multiple_of(f(1e300), Number::Int(1_000)));
        assert!(!is_multiple_of(f(1e300), Number::Int(7)));
        assert!(!is_multiple_of(f(1e-300), Number::Int(1)));
        // A divisor beyond 64 bits (the slow multiplication).
        let e20 = 100_000_000_000_000_000_000_i128;
        assert!(is_multiple_of(f(1e40), Number::Int(e20)));
        // 10^40 = (10^20)^2 ≡ (-1)^2 = 1 (mod 10^20 + 1).
        assert!(!is_multiple_of(f(1e40), Number::Int(e20 + 1)));
        assert!(is_multiple_of(Number::Int(e20 * 6), Number::Int(e20 * 3)));
    }

    #[test]
    fn an_f32_is_the_decimal_it_was_read_from() {
        // serde reads `0.3` into the f32 nearest it; the raw path reads the f64 nearest it.
        let typed: f32 = serde_json::from_str("0.3").unwrap_or_default();
        let raw: serde_json::Value = serde_json::from_str("0.3").unwrap_or_default();
        assert_eq!(typed.number_value(), raw.number_value());
        assert!(is_multiple_of(
            typed.number_value().unwrap_or(f(0.5)),
            f(0.1)
        ));
        assert_eq!(2.0_f32.number_value(), Some(Number::Int(2)));
        assert_eq!(
            f32::NAN.number_value().map(Number::as_f64).map(f64::is_nan),
            Some(true)
        );
    }

    #[test]
    fn what_is_never_a_multiple() {
        assert!(!is_multiple_of(f(f64::NAN), f(1.0)));
        assert!(!is_multiple_of(f(f64::INFINITY), f(1.0)));
        assert!(!is_multiple_of(f(1e308), f(0.123456789)));
        assert!(!is_multiple_of(Number::Int(4), Number::Int(0)));
        assert!(!is_multiple_of(Number::Int(4), Number::Int(-2)));
        assert!(!is_multiple_of(f(4.0), f(-2.0)));
    }

    #[test]
    fn an_error_names_the_divisor_and_the_value() {
        let mut errors = Vec::new();
        check_multiple_of(&19.99_f64, f(0.01), &Path::Root, &mut errors);
        check_multiple_of(&None::<f64>, f(0.01), &Path::Root, &mut errors);
        assert!(errors.is_empty());
        check_multiple_of(&7_i64, Number::Int(2), &Path::Root.key("n"), &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path(), "/n");
        assert_eq!(errors[0].code().as_str(), "multipleOf");
        let params = serde_json::to_string(&errors[0].params()).unwrap_or_default();
        assert_eq!(params, r#"{"actual":7,"multipleOf":2}"#);
        assert_eq!(errors[0].message(), "must be a multiple of 2, got 7");
    }
}
