//! Decimal text of floating-point numbers by integer arithmetic. The page counts its first load
//! in bytes, and Rust's own float formatting (`{}` and `{:.3}` of an `f64`) brings several
//! kilobytes of code with it; these cover what the page and the scenario reader print.

/// `value` with exactly `digits` digits after the point, rounded half away from zero, as
/// `format!("{value:.digits$}")` prints it for the values the page uses (finite, below 10^15).
/// Anything else prints as `0`.
pub fn fixed(value: f64, digits: u32) -> String {
    let Some((negative, whole, fraction)) = split(value, digits) else {
        return "0".to_owned();
    };
    let sign = if negative { "-" } else { "" };
    if digits == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{fraction:0width$}", width = digits as usize)
}

/// `value` as plain decimal text with at most nine digits after the point and no trailing
/// zeros: `2`, `0.5`, `-1.25`.
pub fn plain(value: f64) -> String {
    let text = fixed(value, 9);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// The sign, whole part and `digits` fraction digits of `value`, rounded; none when it is not
/// finite or too large to print this way.
fn split(value: f64, digits: u32) -> Option<(bool, u64, u64)> {
    if !value.is_finite() || value.abs() >= 1e15 || digits > 9 {
        return None;
    }
    let scale = 10_u64.pow(digits);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let scaled = (value.abs() * scale as f64).round() as u64;
    let negative = value < 0.0 && scaled != 0;
    Some((negative, scaled / scale, scaled % scale))
}

#[cfg(test)]
mod tests {
    use super::{fixed, plain};

    #[test]
    fn prints_as_rust_prints_the_same_values() {
        for value in [
            0.0,
            1.0,
            1.2,
            0.9,
            37.5,
            33.333_333_333,
            100.0,
            -2.5,
            1e-4,
            12_345.678_9,
        ] {
            assert_eq!(fixed(value, 3), format!("{value:.3}"), "{value}");
            assert_eq!(plain(value), format!("{value}"), "{value}");
        }
        assert_eq!(fixed(f64::NAN, 3), "0");
        assert_eq!(plain(0.125), "0.125");
    }
}
