//! Virtual time. The core never reads a clock: every instant is a value passed in.

use std::fmt;

/// An instant on the virtual clock, in milliseconds since `kubectl apply`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VirtualTime {
    millis: u64,
}

impl VirtualTime {
    /// The moment the manifest is applied.
    pub const ZERO: VirtualTime = VirtualTime { millis: 0 };

    /// The instant `millis` milliseconds after the start.
    pub const fn from_millis(millis: u64) -> VirtualTime {
        VirtualTime { millis }
    }

    /// The instant `seconds` seconds after the start.
    pub const fn from_secs(seconds: u64) -> VirtualTime {
        VirtualTime {
            millis: seconds.saturating_mul(1000),
        }
    }

    /// Milliseconds since the start.
    pub const fn as_millis(self) -> u64 {
        self.millis
    }

    /// The instant `millis` milliseconds later, saturating at the end of time.
    pub const fn plus_millis(self, millis: u64) -> VirtualTime {
        VirtualTime {
            millis: self.millis.saturating_add(millis),
        }
    }
}

/// The longest duration [`VirtualTime::parse_duration`] accepts: a day of virtual time is plenty
/// for a playground.
pub const MAX_DURATION: VirtualTime = VirtualTime::from_secs(86_400);

impl VirtualTime {
    /// Parses a duration such as `35s`, `2m`, `1m30s`, `500ms`, `1h` or a bare number of seconds,
    /// as the instant that long after `kubectl apply`. `None` for anything else, or for more than
    /// [`MAX_DURATION`].
    pub fn parse_duration(text: &str) -> Option<VirtualTime> {
        let mut total: u64 = 0;
        let mut number = String::new();
        let mut chars = text.trim().chars().peekable();
        let mut any = false;
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit: u64 = match (c, chars.peek()) {
                ('m', Some('s')) => {
                    chars.next();
                    1
                }
                ('h', _) => 3_600_000,
                ('m', _) => 60_000,
                ('s', _) => 1_000,
                _ => return None,
            };
            let value: u64 = number.parse().ok()?;
            total = total.checked_add(value.checked_mul(unit)?)?;
            number.clear();
            any = true;
        }
        if !number.is_empty() {
            total = total.checked_add(number.parse::<u64>().ok()?.checked_mul(1_000)?)?;
            any = true;
        }
        (any && total <= MAX_DURATION.millis).then_some(VirtualTime::from_millis(total))
    }

    /// The instant as a duration that [`VirtualTime::parse_duration`] reads back: `0s`, `45s`,
    /// `2m`, `1m30s`, `1h2m3s500ms`.
    pub fn duration_string(self) -> String {
        let millis = self.millis;
        if millis == 0 {
            return "0s".to_owned();
        }
        let mut out = String::new();
        let (hours, minutes) = (millis / 3_600_000, millis / 60_000 % 60);
        let (seconds, rest) = (millis / 1000 % 60, millis % 1000);
        for (value, unit) in [(hours, "h"), (minutes, "m"), (seconds, "s"), (rest, "ms")] {
            if value > 0 {
                out.push_str(&format!("{value}{unit}"));
            }
        }
        out
    }
}

impl fmt::Display for VirtualTime {
    /// Seconds, with milliseconds only when there are any: `0s`, `3s`, `1.5s`, `2.125s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (seconds, millis) = (self.millis / 1000, self.millis % 1000);
        if millis == 0 {
            write!(f, "{seconds}s")
        } else {
            let fraction = format!("{millis:03}");
            write!(f, "{seconds}.{}s", fraction.trim_end_matches('0'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip() {
        let cases = [
            ("0s", Some(0), "0s"),
            ("35s", Some(35_000), "35s"),
            ("2m", Some(120_000), "2m"),
            ("1m30s", Some(90_000), "1m30s"),
            ("90", Some(90_000), "1m30s"),
            ("500ms", Some(500), "500ms"),
            ("1h2m3s4ms", Some(3_723_004), "1h2m3s4ms"),
            ("24h", Some(86_400_000), "24h"),
            ("25h", None, ""),
            ("", None, ""),
            ("3x", None, ""),
            ("m", None, ""),
            ("99999999999999999999s", None, ""),
        ];
        for (text, millis, back) in cases {
            let parsed = VirtualTime::parse_duration(text);
            assert_eq!(parsed.map(VirtualTime::as_millis), millis, "{text}");
            if let Some(parsed) = parsed {
                assert_eq!(parsed.duration_string(), back, "{text}");
            }
        }
    }

    #[test]
    fn displays_seconds() {
        let cases = [
            (0, "0s"),
            (3_000, "3s"),
            (1_500, "1.5s"),
            (2_125, "2.125s"),
            (50, "0.05s"),
        ];
        for (millis, expected) in cases {
            assert_eq!(VirtualTime::from_millis(millis).to_string(), expected);
        }
        assert_eq!(VirtualTime::from_secs(35), VirtualTime::from_millis(35_000));
        assert_eq!(
            VirtualTime::ZERO
                .plus_millis(u64::MAX)
                .plus_millis(1)
                .as_millis(),
            u64::MAX
        );
    }
}
