//! Kubernetes resource quantities (`resource.Quantity` in k8s.io/apimachinery): `500m`, `128Mi`,
//! `1.5`, `1e3`.
//!
//! Parsing follows upstream's `ParseQuantity` exactly, including its rules for the printed form:
//! values are rounded up to the nano, binary suffixes fall back to decimal ones when they would
//! lose precision, and the canonical form keeps the exponent a multiple of three. The value is
//! held exactly as `mantissa × 10^scale`.

use std::cmp::Ordering;
use std::fmt;

use crate::api::decode::{Decode, Decoder, Shape, go_json_number};
use crate::api::diagnostic::DiagnosticKind;
use crate::api::yaml::{Node, Resolved, Value};

/// How a quantity prints, chosen by the suffix it was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `1e3`, `12E-3`.
    DecimalExponent,
    /// `Ki`, `Mi`, `Gi`, … (powers of 1024).
    BinarySi,
    /// No suffix or `n`, `u`, `m`, `k`, `M`, `G`, … (powers of 1000).
    DecimalSi,
}

/// Why a string is not a quantity: upstream's three errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityError {
    /// `ErrFormatWrong`.
    FormatWrong,
    /// `ErrNumeric`.
    Numeric,
    /// `ErrSuffix`.
    Suffix,
}

impl QuantityError {
    /// Upstream's exact message.
    pub fn message(self) -> &'static str {
        match self {
            QuantityError::FormatWrong => {
                "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            }
            QuantityError::Numeric => "unable to parse numeric part of quantity",
            QuantityError::Suffix => "unable to parse quantity's suffix",
        }
    }
}

/// A parsed quantity: exactly `mantissa × 10^scale`, with the format it prints in.
#[derive(Clone, Copy, Debug)]
pub struct Quantity {
    mantissa: i128,
    scale: i32,
    format: Format,
}

impl Default for Quantity {
    fn default() -> Quantity {
        Quantity {
            mantissa: 0,
            scale: 0,
            format: Format::DecimalSi,
        }
    }
}

/// The most significant decimal digits a mantissa holds; more are rounded up.
const MAX_DIGITS: usize = 36;
/// `2^63 - 1`, upstream's cap for binary-suffixed quantities.
const MAX_ALLOWED: i128 = i64::MAX as i128;
/// Scales beyond this are refused as numerically absurd (upstream's arbitrary precision would
/// accept them, at great cost).
const MAX_SCALE: i32 = 1_000;

impl Quantity {
    /// Parses `text` as upstream's `ParseQuantity` does.
    pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
        if text.is_empty() {
            return Err(QuantityError::FormatWrong);
        }
        let parts = split(text)?;
        let (base, exponent, format) = interpret_suffix(parts.suffix)?;
        // The digits, without the decimal point, and how far the point moved.
        let digits: String = parts.whole.chars().chain(parts.fraction.chars()).collect();
        let mut scale = -i32::try_from(parts.fraction.len()).map_err(|_| QuantityError::Numeric)?;
        let mut digits = digits.trim_start_matches('0');
        // Keep the mantissa within i128: drop trailing zeros, then round up beyond MAX_DIGITS.
        let trimmed = digits.trim_end_matches('0');
        scale += i32::try_from(digits.len() - trimmed.len()).map_err(|_| QuantityError::Numeric)?;
        digits = trimmed;
        let mut mantissa: i128 = 0;
        let mut round_up = false;
        for (index, digit) in digits.bytes().enumerate() {
            if index < MAX_DIGITS {
                mantissa = mantissa * 10 + i128::from(digit - b'0');
            } else {
                scale += 1;
                round_up |= digit != b'0';
            }
        }
        if round_up {
            mantissa += 1;
        }
        let mut quantity = Quantity {
            mantissa,
            scale,
            format,
        };
        if base == 10 {
            quantity.scale = quantity.scale.saturating_add(exponent);
        } else {
            // Binary suffixes multiply by 2^exponent (at most 2^60).
            quantity = quantity.times_power_of_two(exponent);
        }
        if !(-MAX_SCALE..=MAX_SCALE).contains(&quantity.scale) {
            return Err(QuantityError::Numeric);
        }
        quantity = quantity.round_up_to_nano();
        if format == Format::BinarySi {
            if quantity.cmp_value(&Quantity::from_int(MAX_ALLOWED)) == Ordering::Greater {
                quantity = Quantity::from_int(MAX_ALLOWED).with_format(Format::BinarySi);
            }
            if quantity.mantissa != 0 && quantity.cmp_value(&Quantity::from_int(1)).is_lt() {
                quantity.format = Format::DecimalSi;
            }
        }
        if !parts.positive {
            quantity.mantissa = -quantity.mantissa;
        }
        Ok(quantity.normalized())
    }

    /// A whole number of units, in decimal format.
    pub fn from_int(value: i128) -> Quantity {
        Quantity {
            mantissa: value,
            scale: 0,
            format: Format::DecimalSi,
        }
        .normalized()
    }

    /// The format this quantity prints in.
    pub fn format(&self) -> Format {
        self.format
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// True for values below zero.
    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// Compares values, ignoring format (upstream's `Cmp`).
    pub fn cmp_value(&self, other: &Quantity) -> Ordering {
        let (left, right) = aligned(self, other);
        left.cmp(&right)
    }

    /// The value in thousandths, rounded away from zero (upstream's `MilliValue`): millicores
    /// for CPU.
    pub fn milli_value(&self) -> i128 {
        self.scaled_away_from_zero(-3)
    }

    /// The value in whole units, rounded away from zero (upstream's `Value`): bytes for memory.
    pub fn value(&self) -> i128 {
        self.scaled_away_from_zero(0)
    }

    /// The sum of two quantities, in the format of the first.
    pub fn add(&self, other: &Quantity) -> Quantity {
        let scale = self.scale.min(other.scale);
        let left = shift(self.mantissa, self.scale - scale);
        let right = shift(other.mantissa, other.scale - scale);
        Quantity {
            mantissa: left.saturating_add(right),
            scale,
            format: self.format,
        }
        .normalized()
    }

    fn with_format(mut self, format: Format) -> Quantity {
        self.format = format;
        self
    }

    /// Moves factors of ten from the mantissa into the scale, so equal values look equal.
    fn normalized(mut self) -> Quantity {
        if self.mantissa == 0 {
            self.scale = 0;
            return self;
        }
        while self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale += 1;
        }
        self
    }

    fn times_power_of_two(self, exponent: i32) -> Quantity {
        let mut out = self;
        for _ in 0..exponent.clamp(0, 60) {
            if out.mantissa.checked_mul(2).is_none() {
                // Drop one decimal digit (rounding up) to make room; precision far beyond nano.
                let rounded = out.mantissa / 10 + i128::from(out.mantissa % 10 != 0);
                out.mantissa = rounded;
                out.scale += 1;
            }
            out.mantissa *= 2;
        }
        out
    }

    /// Rounds a non-zero magnitude up to a whole number of nano units.
    fn round_up_to_nano(self) -> Quantity {
        if self.scale >= -9 {
            return self;
        }
        let drop = -9 - self.scale;
        let divisor = pow10(drop);
        let mut mantissa = self.mantissa / divisor;
        if self.mantissa % divisor != 0 {
            mantissa += 1;
        }
        Quantity {
            mantissa,
            scale: -9,
            format: self.format,
        }
    }

    /// The value times 10^-`scale`, rounded away from zero.
    fn scaled_away_from_zero(&self, scale: i32) -> i128 {
        if self.scale >= scale {
            return shift(self.mantissa, self.scale - scale);
        }
        let divisor = pow10(scale - self.scale);
        let quotient = self.mantissa / divisor;
        if self.mantissa % divisor != 0 {
            quotient + self.mantissa.signum()
        } else {
            quotient
        }
    }

    /// The canonical number and suffix, as upstream's `CanonicalizeBytes`.
    fn canonical(&self) -> (String, String) {
        if self.mantissa == 0 {
            return ("0".to_owned(), String::new());
        }
        let mut format = self.format;
        if format == Format::BinarySi {
            let small = self.cmp_value(&Quantity::from_int(-1024)).is_gt()
                && self.cmp_value(&Quantity::from_int(1024)).is_lt();
            if small || self.scale < 0 {
                format = Format::DecimalSi;
            }
        }
        match format {
            Format::BinarySi => {
                let mut amount = shift(self.mantissa, self.scale);
                let mut exponent = 0;
                while amount % 1024 == 0 && exponent < 6 {
                    amount /= 1024;
                    exponent += 1;
                }
                let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][exponent];
                (amount.to_string(), suffix.to_owned())
            }
            Format::DecimalSi | Format::DecimalExponent => {
                let mut amount = self.mantissa;
                let mut exponent = self.scale;
                while exponent.rem_euclid(3) != 0 {
                    amount = amount.saturating_mul(10);
                    exponent -= 1;
                }
                let suffix = if format == Format::DecimalExponent {
                    if exponent == 0 {
                        String::new()
                    } else {
                        format!("e{exponent}")
                    }
                } else {
                    decimal_suffix(exponent)
                };
                (amount.to_string(), suffix)
            }
        }
    }
}

impl PartialEq for Quantity {
    /// Quantities are equal when their values are, whatever their formats.
    fn eq(&self, other: &Quantity) -> bool {
        self.cmp_value(other) == Ordering::Equal
    }
}

impl Eq for Quantity {}

impl fmt::Display for Quantity {
    /// The canonical form, as `kubectl get -o yaml` prints it: `1536Mi`, `100m`, `1k`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (number, suffix) = self.canonical();
        write!(f, "{number}{suffix}")
    }
}

impl Decode for Quantity {
    fn go_type() -> String {
        "resource.Quantity".to_owned()
    }

    fn shape() -> Shape {
        Shape::Scalar
    }

    /// A quantity is written as a string (`"500m"`) or a number (`0.5`).
    fn decode(node: &Node, cx: &mut Decoder<'_>) -> Quantity {
        // Numbers reach the server re-encoded as JSON (`0x10` is 16, `1e3` is 1000).
        let text = match &node.value {
            Value::Scalar(scalar) => match scalar.resolve() {
                Resolved::Str => scalar.text.trim().to_owned(),
                Resolved::Int(value) => value.to_string(),
                Resolved::Float(value) => go_json_number(value),
                Resolved::Null => return Quantity::default(),
                Resolved::Bool(_) => {
                    cx.wrong_type(node, Self::go_type());
                    return Quantity::default();
                }
            },
            _ if node.is_null() => return Quantity::default(),
            _ => {
                cx.wrong_type(node, Self::go_type());
                return Quantity::default();
            }
        };
        match Quantity::parse(&text) {
            Ok(quantity) => quantity,
            Err(error) => {
                cx.report(DiagnosticKind::Quantity(error), node);
                Quantity::default()
            }
        }
    }
}

/// The pieces of a quantity string, as upstream's `parseQuantityString` splits it.
struct Parts<'t> {
    positive: bool,
    whole: &'t str,
    fraction: &'t str,
    suffix: &'t str,
}

fn split(text: &str) -> Result<Parts<'_>, QuantityError> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut positive = true;
    match bytes.first() {
        Some(b'-') => {
            positive = false;
            at = 1;
        }
        Some(b'+') => at = 1,
        _ => {}
    }
    let digits_from = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole_len = digits_from(at);
    let whole = &text[at..at + whole_len];
    at += whole_len;
    let mut fraction = "";
    if bytes.get(at) == Some(&b'.') {
        let fraction_len = digits_from(at + 1);
        fraction = &text[at + 1..at + 1 + fraction_len];
        at += 1 + fraction_len;
    }
    let suffix_start = at;
    at += bytes[at..]
        .iter()
        .take_while(|b| b"eEinumkKMGTP".contains(b))
        .count();
    if matches!(bytes.get(at), Some(b'-' | b'+')) {
        at += 1;
    }
    at += digits_from(at);
    if at != bytes.len() {
        return Err(QuantityError::FormatWrong);
    }
    Ok(Parts {
        positive,
        whole,
        fraction,
        suffix: &text[suffix_start..],
    })
}

/// Upstream's `suffixHandler.interpret`: the base, exponent and format a suffix stands for.
fn interpret_suffix(suffix: &str) -> Result<(u32, i32, Format), QuantityError> {
    let decimal = |exponent| Ok((10, exponent, Format::DecimalSi));
    let binary = |exponent| Ok((2, exponent, Format::BinarySi));
    match suffix {
        "" => decimal(0),
        "n" => decimal(-9),
        "u" => decimal(-6),
        "m" => decimal(-3),
        "k" => decimal(3),
        "M" => decimal(6),
        "G" => decimal(9),
        "T" => decimal(12),
        "P" => decimal(15),
        "E" => decimal(18),
        "Ki" => binary(10),
        "Mi" => binary(20),
        "Gi" => binary(30),
        "Ti" => binary(40),
        "Pi" => binary(50),
        "Ei" => binary(60),
        _ if suffix.len() > 1 && (suffix.starts_with('e') || suffix.starts_with('E')) => {
            let exponent: i64 = suffix[1..].parse().map_err(|_| QuantityError::Suffix)?;
            let exponent = i32::try_from(exponent).map_err(|_| QuantityError::Suffix)?;
            Ok((10, exponent, Format::DecimalExponent))
        }
        _ => Err(QuantityError::Suffix),
    }
}

fn decimal_suffix(exponent: i32) -> String {
    match exponent {
        -9 => "n".to_owned(),
        -6 => "u".to_owned(),
        -3 => "m".to_owned(),
        0 => String::new(),
        3 => "k".to_owned(),
        6 => "M".to_owned(),
        9 => "G".to_owned(),
        12 => "T".to_owned(),
        15 => "P".to_owned(),
        18 => "E".to_owned(),
        _ => format!("e{exponent}"),
    }
}

fn pow10(exponent: i32) -> i128 {
    10i128.saturating_pow(u32::try_from(exponent.clamp(0, 38)).unwrap_or(38))
}

/// `value × 10^places`, saturating.
fn shift(value: i128, places: i32) -> i128 {
    value.saturating_mul(pow10(places))
}

/// Both mantissas at the smaller scale, for comparison; saturation only beyond any real value.
fn aligned(a: &Quantity, b: &Quantity) -> (i128, i128) {
    let scale = a.scale.min(b.scale);
    (
        shift(a.mantissa, a.scale - scale),
        shift(b.mantissa, b.scale - scale),
    )
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Parses each input and prints `input → canonical (milli)` or the error.
    fn check(inputs: &[&str], expected: Expect) {
        let mut out = String::new();
        for input in inputs {
            match Quantity::parse(input) {
                Ok(quantity) => out.push_str(&format!(
                    "{input} → {quantity} (milli {})\n",
                    quantity.milli_value()
                )),
                Err(error) => out.push_str(&format!("{input} → error: {}\n", error.message())),
            }
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn decimal_si() {
        check(
            &[
                "0", "1", "100m", "0.1", "1.5", "1000", "1000m", "1k", "500M", "1n", "1u", ".5",
            ],
            expect![[r#"
                0 → 0 (milli 0)
                1 → 1 (milli 1000)
                100m → 100m (milli 100)
                0.1 → 100m (milli 100)
                1.5 → 1500m (milli 1500)
                1000 → 1k (milli 1000000)
                1000m → 1 (milli 1000)
                1k → 1k (milli 1000000)
                500M → 500M (milli 500000000000)
                1n → 1n (milli 1)
                1u → 1u (milli 1)
                .5 → 500m (milli 500)
            "#]],
        );
    }

    #[test]
    fn binary_si() {
        check(
            &[
                "128Mi", "1024Mi", "1.5Gi", "0.5Gi", "1Ki", "0.5Ki", "100Ki", "1Ei",
            ],
            expect![[r#"
                128Mi → 128Mi (milli 134217728000)
                1024Mi → 1Gi (milli 1073741824000)
                1.5Gi → 1536Mi (milli 1610612736000)
                0.5Gi → 512Mi (milli 536870912000)
                1Ki → 1Ki (milli 1024000)
                0.5Ki → 512 (milli 512000)
                100Ki → 100Ki (milli 102400000)
                1Ei → 1Ei (milli 1152921504606846976000)
            "#]],
        );
    }

    #[test]
    fn exponents_and_signs() {
        check(
            &["1e3", "129e6", "1E-3", "-1", "+5", "-100m", "1.5e3"],
            expect![[r#"
                1e3 → 1e3 (milli 1000000)
                129e6 → 129e6 (milli 129000000000)
                1E-3 → 1e-3 (milli 1)
                -1 → -1 (milli -1000)
                +5 → 5 (milli 5000)
                -100m → -100m (milli -100)
                1.5e3 → 1500 (milli 1500000)
            "#]],
        );
    }

    #[test]
    fn below_nano_rounds_up() {
        check(
            &["0.1n", "1.0000000001", "0.0000000001"],
            expect![[r#"
                0.1n → 1n (milli 1)
                1.0000000001 → 1000000001n (milli 1001)
                0.0000000001 → 1n (milli 1)
            "#]],
        );
    }

    #[test]
    fn bad_quantities_get_upstreams_errors() {
        check(
            &["", "12x", "1.2.3", "Mi", "1Mb", "1e", "abc", "1 Gi"],
            expect![[r#"
                 → error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
                12x → error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
                1.2.3 → error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
                Mi → 0 (milli 0)
                1Mb → error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
                1e → error: unable to parse quantity's suffix
                abc → error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
                1 Gi → error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
            "#]],
        );
    }

    #[test]
    fn comparison_ignores_format() {
        let a = Quantity::parse("1Gi").unwrap();
        let b = Quantity::parse("1073741824").unwrap();
        let c = Quantity::parse("1G").unwrap();
        assert_eq!(a, b);
        assert!(c.cmp_value(&a).is_lt());
        assert_eq!(
            Quantity::parse("0.5").unwrap(),
            Quantity::parse("500m").unwrap()
        );
    }
}
