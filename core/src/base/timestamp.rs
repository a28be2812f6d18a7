//! Wall-clock instants as Kubernetes writes them (RFC 3339, `2026-01-02T03:04:05Z`), for Pods
//! pasted from a cluster and for the times kubectl prints relative to "now". Nothing here reads a
//! clock: "now" is always passed in.

use std::fmt;

/// An instant, in milliseconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    millis: i64,
}

impl Timestamp {
    /// The instant `millis` milliseconds after the Unix epoch.
    pub fn from_millis(millis: i64) -> Timestamp {
        Timestamp { millis }
    }

    /// Milliseconds since the Unix epoch.
    pub fn millis(self) -> i64 {
        self.millis
    }

    /// The instant `millis` later (or earlier, when negative).
    pub fn plus_millis(self, millis: i64) -> Timestamp {
        Timestamp {
            millis: self.millis.saturating_add(millis),
        }
    }

    /// Milliseconds from `earlier` to `self`.
    pub fn millis_since(self, earlier: Timestamp) -> i64 {
        self.millis.saturating_sub(earlier.millis)
    }

    /// Parses RFC 3339: `2026-01-02T03:04:05Z`, with optional fraction and `±hh:mm` offset.
    /// `None` for anything else.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let bytes = text.as_bytes();
        let digits = |from: usize, len: usize| -> Option<i64> {
            let slice = bytes.get(from..from + len)?;
            slice.iter().all(u8::is_ascii_digit).then(|| {
                slice
                    .iter()
                    .fold(0i64, |value, digit| value * 10 + i64::from(digit - b'0'))
            })
        };
        let separator =
            |at: usize, expected: &[u8]| bytes.get(at).is_some_and(|b| expected.contains(b));
        if !(separator(4, b"-")
            && separator(7, b"-")
            && separator(10, b"Tt ")
            && separator(13, b":")
            && separator(16, b":"))
        {
            return None;
        }
        let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
        let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
        if !(1..=12).contains(&month)
            || !(1..=31).contains(&day)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut at = 19;
        let mut millis = 0;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return None;
            }
            let fraction = &text[start..at.min(start + 3)];
            millis =
                fraction.parse::<i64>().ok()? * 10i64.pow(3 - u32::try_from(fraction.len()).ok()?);
        }
        let offset_seconds = match bytes.get(at) {
            Some(b'Z' | b'z') if at + 1 == bytes.len() => 0,
            Some(sign @ (b'+' | b'-')) if at + 6 == bytes.len() && separator(at + 3, b":") => {
                let offset = digits(at + 1, 2)? * 3600 + digits(at + 4, 2)? * 60;
                if *sign == b'+' { offset } else { -offset }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds;
        Some(Timestamp {
            millis: seconds * 1000 + millis,
        })
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, to the second, as Kubernetes stores times: `2026-01-02T03:04:05Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.millis.div_euclid(1000);
        let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        let fields = [
            (year, 0, 4),
            (month, 5, 2),
            (day, 8, 2),
            (of_day / 3600, 11, 2),
            (of_day % 3600 / 60, 14, 2),
            (of_day % 60, 17, 2),
        ];
        if !(0..=9999).contains(&year) {
            return write!(
                f,
                "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
                of_day / 3600,
                of_day % 3600 / 60,
                of_day % 60
            );
        }
        // Times are printed often (every status the simulator writes has several): the digits
        // go into a fixed buffer rather than through the formatting machinery.
        let mut text = *b"0000-00-00T00:00:00Z";
        for (value, start, width) in fields {
            let mut value = value.unsigned_abs();
            for place in (start..start + width).rev() {
                text[place] = b'0' + u8::try_from(value % 10).unwrap_or(0);
                value /= 10;
            }
        }
        f.write_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

impl Timestamp {
    /// Go's `time.RFC1123Z` in UTC, as the CronJob controller's messages write a time:
    /// `Thu, 01 Jan 2026 00:05:00 +0000`.
    pub fn rfc1123z(self) -> String {
        let date = self.unix_date();
        // `Thu Jan  1 00:00:05 UTC 2026` → its fields.
        let fields: Vec<&str> = date.split_whitespace().collect();
        match fields.as_slice() {
            [weekday, month, day, time, _, year] => {
                format!("{weekday}, {day:0>2} {month} {year} {time} +0000")
            }
            _ => date,
        }
    }

    /// As `date` prints it in a container (UTC): `Thu Jan  1 00:00:05 UTC 2026`.
    pub fn unix_date(self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let seconds = self.millis.div_euclid(1000);
        let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        let weekday = DAYS[usize::try_from(days.rem_euclid(7)).unwrap_or(0)];
        let month = MONTHS[usize::try_from(month - 1).unwrap_or(0).min(11)];
        format!(
            "{weekday} {month} {day:>2} {:02}:{:02}:{:02} UTC {year}",
            of_day / 3600,
            of_day % 3600 / 60,
            of_day % 60
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(inputs: &[&str], expected: Expect) {
        let out: String = inputs
            .iter()
            .map(|input| match Timestamp::parse(input) {
                Some(at) => format!("{input} → {} ({})\n", at, at.millis()),
                None => format!("{input} → invalid\n"),
            })
            .collect();
        expected.assert_eq(&out);
    }

    #[test]
    fn unix_date_is_what_date_prints() {
        let at = Timestamp::parse("2026-01-01T00:00:05Z").expect("valid");
        assert_eq!(at.unix_date(), "Thu Jan  1 00:00:05 UTC 2026");
        let at = Timestamp::parse("2026-11-23T16:40:00Z").expect("valid");
        assert_eq!(at.unix_date(), "Mon Nov 23 16:40:00 UTC 2026");
    }

    #[test]
    fn rfc3339_round_trips() {
        check(
            &[
                "1970-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
                "2024-02-29T23:59:59Z",
                "2026-11-23T13:46:00.123456Z",
                "2026-11-23T15:46:00+02:00",
                "2026-11-23T13:46:00",
                "2026-13-01T00:00:00Z",
                "not a time",
                "",
            ],
            expect![[r#"
                1970-01-01T00:00:00Z → 1970-01-01T00:00:00Z (0)
                2026-01-01T00:00:00Z → 2026-01-01T00:00:00Z (1767225600000)
                2024-02-29T23:59:59Z → 2024-02-29T23:59:59Z (1709251199000)
                2026-11-23T13:46:00.123456Z → 2026-11-23T13:46:00Z (1795441560123)
                2026-11-23T15:46:00+02:00 → 2026-11-23T13:46:00Z (1795441560000)
                2026-11-23T13:46:00 → invalid
                2026-13-01T00:00:00Z → invalid
                not a time → invalid
                 → invalid
            "#]],
        );
    }
}
