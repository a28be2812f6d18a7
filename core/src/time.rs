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
