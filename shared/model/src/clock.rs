//! RFC 3339 timestamps from the system clock, without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    format_unix(seconds)
}

/// Today's UTC day as `YYYY-MM-DD`.
pub fn today() -> String {
    let mut now = now_rfc3339();
    now.truncate(10);
    now
}

/// Formats seconds since the Unix epoch (Howard Hinnant's civil-from-days algorithm).
pub fn format_unix(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let of_day = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3_600,
        of_day % 3_600 / 60,
        of_day % 60
    )
}

/// The day `months` calendar months before `day` (`YYYY-MM-DD`), clamped to the end of a
/// shorter month (`2024-03-31` less one month is `2024-02-29`); `None` when `day` is not a
/// date.
pub fn months_before(day: &str, months: u32) -> Option<String> {
    let year: i64 = day.get(..4)?.parse().ok()?;
    let month: i64 = day.get(5..7)?.parse().ok()?;
    let day_of_month: u32 = day.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day_of_month) {
        return None;
    }
    let index = year * 12 + (month - 1) - i64::from(months);
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(format!(
        "{year:04}-{month:02}-{:02}",
        day_of_month.min(last)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_back_follow_the_calendar() {
        for (day, months, expected) in [
            ("2026-12-06", 12, Some("2025-12-06")),
            ("2026-01-15", 1, Some("2025-12-15")),
            ("2024-03-31", 1, Some("2024-02-29")),
            ("2023-03-31", 1, Some("2023-02-28")),
            ("2026-05-31", 0, Some("2026-05-31")),
            ("soon", 1, None),
        ] {
            assert_eq!(
                months_before(day, months).as_deref(),
                expected,
                "{day} - {months}"
            );
        }
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_unix(1_795_996_799), "2026-11-29T23:59:59Z");
    }
}
