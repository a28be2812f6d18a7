//! Cron schedules as a CronJob's `spec.schedule` holds them, read by robfig/cron v3's
//! `ParseStandard` (the parser the API server validates with and the CronJob controller runs
//! on): five fields (minute, hour, day of month, month, day of week), `*`, `?`, lists, ranges,
//! steps, month and weekday names, and the descriptors `@yearly` … `@hourly` and `@every`.
//! Errors are robfig's own words.

/// A parsed schedule: the set of each field's values, as bits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    minute: u64,
    hour: u64,
    day_of_month: u64,
    month: u64,
    day_of_week: u64,
    /// `@every DURATION`: a fixed interval in seconds instead of fields.
    every_seconds: Option<i64>,
}

/// robfig's `starBit`: the field was `*` or `?`.
const STAR: u64 = 1 << 63;

struct Bounds {
    min: u32,
    max: u32,
    names: &'static [(&'static str, u32)],
}

const MINUTES: Bounds = Bounds {
    min: 0,
    max: 59,
    names: &[],
};
const HOURS: Bounds = Bounds {
    min: 0,
    max: 23,
    names: &[],
};
const DAYS_OF_MONTH: Bounds = Bounds {
    min: 1,
    max: 31,
    names: &[],
};
const MONTHS: Bounds = Bounds {
    min: 1,
    max: 12,
    names: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
};
const DAYS_OF_WEEK: Bounds = Bounds {
    min: 0,
    max: 6,
    names: &[
        ("sun", 0),
        ("mon", 1),
        ("tue", 2),
        ("wed", 3),
        ("thu", 4),
        ("fri", 5),
        ("sat", 6),
    ],
};

impl Schedule {
    /// Parses `spec` as `cron.ParseStandard` does, with its error text.
    pub fn parse(spec: &str) -> Result<Schedule, String> {
        if spec.is_empty() {
            return Err("empty spec string".to_owned());
        }
        let mut spec = spec;
        if spec.starts_with("TZ=") || spec.starts_with("CRON_TZ=") {
            // robfig reads the zone up to the first space; Kubernetes refuses TZ in a schedule
            // anyway (validation says so), so only the rest is parsed here.
            match spec.find(' ') {
                Some(space) => spec = spec[space..].trim(),
                None => {
                    return Err(format!(
                        "provided bad location {}: unknown time zone {}",
                        &spec[spec.find('=').map_or(0, |eq| eq + 1)..],
                        &spec[spec.find('=').map_or(0, |eq| eq + 1)..]
                    ));
                }
            }
        }
        if spec.starts_with('@') {
            return descriptor(spec);
        }
        let fields: Vec<&str> = spec.split_whitespace().collect();
        if fields.len() != 5 {
            return Err(format!(
                "expected exactly 5 fields, found {}: [{}]",
                fields.len(),
                fields.join(" ")
            ));
        }
        Ok(Schedule {
            minute: field(fields[0], &MINUTES)?,
            hour: field(fields[1], &HOURS)?,
            day_of_month: field(fields[2], &DAYS_OF_MONTH)?,
            month: field(fields[3], &MONTHS)?,
            day_of_week: field(fields[4], &DAYS_OF_WEEK)?,
            every_seconds: None,
        })
    }

    /// The first instant strictly after `after` (seconds since the Unix epoch, UTC) that the
    /// schedule names, as robfig's `SpecSchedule.Next` finds it; `None` if there is none within
    /// five years.
    pub fn next_after(&self, after: i64) -> Option<i64> {
        if let Some(every) = self.every_seconds {
            // `ConstantDelaySchedule.Next`: the next whole second `every` later.
            return Some(after + every.max(1));
        }
        // Start at the next whole minute.
        let mut t = (after.div_euclid(60) + 1) * 60;
        let limit = after + 5 * 366 * 86_400;
        while t <= limit {
            let (year, month, day) = civil_from_days(t.div_euclid(86_400));
            let minute_of_day = t.rem_euclid(86_400) / 60;
            let (hour, minute) = (minute_of_day / 60, minute_of_day % 60);
            if !has(self.month, month) {
                // To the first day of the next month.
                let (year, month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                t = days_from_civil(year, month, 1) * 86_400;
                continue;
            }
            let weekday = (t.div_euclid(86_400) + 4).rem_euclid(7) as u32;
            if !self.day_matches(day, weekday) {
                t = (t.div_euclid(86_400) + 1) * 86_400;
                continue;
            }
            if !has(self.hour, hour as u32) {
                t = (t.div_euclid(3_600) + 1) * 3_600;
                continue;
            }
            if !has(self.minute, minute as u32) {
                t += 60;
                continue;
            }
            let _ = year;
            return Some(t);
        }
        None
    }

    /// robfig's `dayMatches`: when either day field is `*`, both must match; otherwise either.
    fn day_matches(&self, day: u32, weekday: u32) -> bool {
        let dom = has(self.day_of_month, day);
        let dow = has(self.day_of_week, weekday);
        if self.day_of_month & STAR != 0 || self.day_of_week & STAR != 0 {
            dom && dow
        } else {
            dom || dow
        }
    }
}

fn has(bits: u64, value: u32) -> bool {
    value < 63 && bits & (1 << value) != 0
}

/// `parseDescriptor`.
fn descriptor(spec: &str) -> Result<Schedule, String> {
    let all = |b: &Bounds| bits(b.min, b.max, 1) | STAR;
    let at = |minute: u64, hour: u64, dom: u64, month: u64, dow: u64| Schedule {
        minute,
        hour,
        day_of_month: dom,
        month,
        day_of_week: dow,
        every_seconds: None,
    };
    let (zero, one) = (1u64, 1u64 << 1);
    match spec {
        "@yearly" | "@annually" => Ok(at(zero, zero, one, one, all(&DAYS_OF_WEEK))),
        "@monthly" => Ok(at(zero, zero, one, all(&MONTHS), all(&DAYS_OF_WEEK))),
        "@weekly" => Ok(at(zero, zero, all(&DAYS_OF_MONTH), all(&MONTHS), zero)),
        "@daily" | "@midnight" => Ok(at(
            zero,
            zero,
            all(&DAYS_OF_MONTH),
            all(&MONTHS),
            all(&DAYS_OF_WEEK),
        )),
        "@hourly" => Ok(at(
            zero,
            all(&HOURS),
            all(&DAYS_OF_MONTH),
            all(&MONTHS),
            all(&DAYS_OF_WEEK),
        )),
        _ => match spec.strip_prefix("@every ") {
            Some(duration) => match go_duration_seconds(duration) {
                Ok(seconds) => Ok(Schedule {
                    every_seconds: Some(seconds),
                    ..at(0, 0, 0, 0, 0)
                }),
                Err(error) => Err(format!("failed to parse duration {spec}: {error}")),
            },
            None => Err(format!("unrecognized descriptor: {spec}")),
        },
    }
}

/// `getField`: a comma-separated list of ranges.
fn field(text: &str, bounds: &Bounds) -> Result<u64, String> {
    let mut out = 0u64;
    for expr in text.split(',').filter(|part| !part.is_empty()) {
        out |= range(expr, bounds)?;
    }
    Ok(out)
}

/// `getRange`: `*`, `N`, `N-M`, each with an optional `/STEP`.
fn range(expr: &str, bounds: &Bounds) -> Result<u64, String> {
    let range_and_step: Vec<&str> = expr.split('/').collect();
    let low_and_high: Vec<&str> = range_and_step[0].split('-').collect();
    let single = low_and_high.len() == 1;
    let (start, mut end, mut extra);
    if low_and_high[0] == "*" || low_and_high[0] == "?" {
        start = bounds.min;
        end = bounds.max;
        extra = STAR;
    } else {
        start = int_or_name(low_and_high[0], bounds)?;
        end = match low_and_high.len() {
            1 => start,
            2 => int_or_name(low_and_high[1], bounds)?,
            _ => return Err(format!("too many hyphens: {expr}")),
        };
        extra = 0;
    }
    let step = match range_and_step.len() {
        1 => 1,
        2 => {
            let step = must_parse_int(range_and_step[1])?;
            if single {
                end = bounds.max;
            }
            if step > 1 {
                extra = 0;
            }
            step
        }
        _ => return Err(format!("too many slashes: {expr}")),
    };
    if start < bounds.min {
        return Err(format!(
            "beginning of range ({start}) below minimum ({}): {expr}",
            bounds.min
        ));
    }
    if end > bounds.max {
        return Err(format!(
            "end of range ({end}) above maximum ({}): {expr}",
            bounds.max
        ));
    }
    if start > end {
        return Err(format!(
            "beginning of range ({start}) beyond end of range ({end}): {expr}"
        ));
    }
    if step == 0 {
        return Err(format!("step of range should be a positive number: {expr}"));
    }
    Ok(bits(start, end, step) | extra)
}

fn bits(start: u32, end: u32, step: u32) -> u64 {
    let mut out = 0u64;
    let mut value = start;
    while value <= end && value < 63 {
        out |= 1 << value;
        value = match value.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    out
}

fn int_or_name(text: &str, bounds: &Bounds) -> Result<u32, String> {
    let lower = text.to_lowercase();
    if let Some((_, value)) = bounds.names.iter().find(|(name, _)| *name == lower) {
        return Ok(*value);
    }
    must_parse_int(text)
}

/// `mustParseInt`, with Go's `strconv.Atoi` errors.
fn must_parse_int(text: &str) -> Result<u32, String> {
    let number = go_atoi(text).map_err(|reason| {
        format!(
            "failed to parse int from {text}: strconv.Atoi: parsing {}: {reason}",
            crate::api::validation::go_quote(text)
        )
    })?;
    if number < 0 {
        return Err(format!("negative number ({number}) not allowed: {text}"));
    }
    Ok(u32::try_from(number).unwrap_or(u32::MAX))
}

/// Go's `strconv.Atoi`: an optional sign and decimal digits, within 64 bits.
fn go_atoi(text: &str) -> Result<i64, &'static str> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("invalid syntax");
    }
    text.parse::<i64>().map_err(|_| "value out of range")
}

/// Go's `time.ParseDuration`, whole seconds only: `1h30m`, `90s`, `1.5h`.
fn go_duration_seconds(text: &str) -> Result<i64, String> {
    let invalid = || {
        format!(
            "time: invalid duration {}",
            crate::api::validation::go_quote(text)
        )
    };
    let body = text.strip_prefix('+').unwrap_or(text);
    if body == "0" {
        return Ok(0);
    }
    if body.is_empty() || body.starts_with('-') {
        return Err(invalid());
    }
    let mut total = 0f64;
    let mut rest = body;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| {
                format!(
                    "time: missing unit in duration {}",
                    crate::api::validation::go_quote(text)
                )
            })?;
        let number: f64 = rest[..number_len].parse().map_err(|_| invalid())?;
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_len] {
            "ns" => 1e-9,
            "us" | "µs" | "μs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            unit => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    crate::api::validation::go_quote(unit),
                    crate::api::validation::go_quote(text)
                ));
            }
        };
        total += number * scale;
        rest = &rest[unit_len..];
    }
    if total > 9.2e9 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// Days since 1970-01-01 to (year, month, day), Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) to days since 1970-01-01.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses each schedule, and prints its error or its next three times after
    /// 2026-12-05T09:35:00Z.
    fn check(schedule: &str, expect: expect_test::Expect) {
        let start = days_from_civil(2026, 12, 5) * 86_400 + 9 * 3600 + 35 * 60;
        let actual = match Schedule::parse(schedule) {
            Err(error) => format!("error: {error}"),
            Ok(parsed) => {
                let mut times = Vec::new();
                let mut t = start;
                for _ in 0..3 {
                    match parsed.next_after(t) {
                        Some(next) => {
                            let (y, mo, d) = civil_from_days(next.div_euclid(86_400));
                            let s = next.rem_euclid(86_400);
                            times.push(format!(
                                "{y:04}-{mo:02}-{d:02}T{:02}:{:02}",
                                s / 3600,
                                s % 3600 / 60
                            ));
                            t = next;
                        }
                        None => times.push("never".to_owned()),
                    }
                }
                times.join(" ")
            }
        };
        expect.assert_eq(&actual);
    }

    // Cases from robfig/cron v3 parser_test.go (TestParseScheduleErrors, TestStandardSpecSchedule)
    // and spec_test.go (TestActivation, TestNext), at this test's start instant.
    #[test]
    fn schedules() {
        use expect_test::expect;
        check(
            "*/1 * * * *",
            expect!["2026-12-05T09:36 2026-12-05T09:37 2026-12-05T09:38"],
        );
        check(
            "5 * * * *",
            expect!["2026-12-05T10:05 2026-12-05T11:05 2026-12-05T12:05"],
        );
        check(
            "0 0 * * 1-5",
            expect!["2026-12-07T00:00 2026-12-08T00:00 2026-12-09T00:00"],
        );
        check(
            "0 0 1,15 * 3",
            expect!["2026-12-09T00:00 2026-12-15T00:00 2026-12-16T00:00"],
        );
        check(
            "@hourly",
            expect!["2026-12-05T10:00 2026-12-05T11:00 2026-12-05T12:00"],
        );
        check(
            "@yearly",
            expect!["2027-01-01T00:00 2028-01-01T00:00 2029-01-01T00:00"],
        );
        check(
            "@every 5m",
            expect!["2026-12-05T09:40 2026-12-05T09:45 2026-12-05T09:50"],
        );
        check(
            "0 0 29 2 *",
            expect!["2028-02-29T00:00 2032-02-29T00:00 2036-02-29T00:00"],
        );
        check("0 0 30 feb *", expect!["never never never"]);
        check(
            "* * * JAN-mar SUN",
            expect!["2027-01-03T00:00 2027-01-03T00:01 2027-01-03T00:02"],
        );
        check(
            "* 5 j * *",
            expect![
                "error: failed to parse int from j: strconv.Atoi: parsing \"j\": invalid syntax"
            ],
        );
        check(
            "@every Xm",
            expect!["error: failed to parse duration @every Xm: time: invalid duration \"Xm\""],
        );
        check(
            "@unrecognized",
            expect!["error: unrecognized descriptor: @unrecognized"],
        );
        check(
            "* * * *",
            expect!["error: expected exactly 5 fields, found 4: [* * * *]"],
        );
        check(
            "foo",
            expect!["error: expected exactly 5 fields, found 1: [foo]"],
        );
        check(
            "61 * * * *",
            expect!["error: end of range (61) above maximum (59): 61"],
        );
        check(
            "* * 0 * *",
            expect!["error: beginning of range (0) below minimum (1): 0"],
        );
        check(
            "5-2 * * * *",
            expect!["error: beginning of range (5) beyond end of range (2): 5-2"],
        );
        check(
            "*/0 * * * *",
            expect!["error: step of range should be a positive number: */0"],
        );
        check("1-2-3 * * * *", expect!["error: too many hyphens: 1-2-3"]);
        check(
            "* * * * 7",
            expect!["error: end of range (7) above maximum (6): 7"],
        );
        check("", expect!["error: empty spec string"]);
    }
}
