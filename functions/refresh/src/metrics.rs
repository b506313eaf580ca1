//! The run's figures as a CloudWatch embedded-metric-format line on stdout: Lambda's log
//! pipeline turns it into metrics with no API call, and the alarm on stale facts watches
//! `OldestFactsAgeSeconds`.

use model::clock::now_rfc3339;
use serde_json::json;

use crate::run::{Report, Verdict};

pub const NAMESPACE: &str = "StackAdvisor/Refresh";

/// Seconds since the Unix epoch of a `YYYY-MM-DDTHH:MM:SSZ` timestamp (days from civil,
/// Howard Hinnant's algorithm, the inverse of `model::clock::format_unix`).
pub fn unix_seconds(timestamp: &str) -> Option<i64> {
    let bytes = timestamp.as_bytes();
    if bytes.len() < 19 {
        return None;
    }
    let number = |range: std::ops::Range<usize>| timestamp.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let shifted = if month <= 2 { year - 1 } else { year };
    let era = shifted.div_euclid(400);
    let year_of_era = shifted - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// The EMF document of one run. With no facts stored at all, the age is reported as
/// unknown by leaving the metric out, and the alarm treats missing data as breaching.
pub fn emf(report: &Report) -> serde_json::Value {
    let now = now_rfc3339();
    let now_seconds = unix_seconds(&now).unwrap_or(0);
    let oldest_age = report
        .oldest_as_of
        .as_deref()
        .and_then(unix_seconds)
        .map(|oldest| (now_seconds - oldest).max(0));
    let mut metrics = vec![
        json!({"Name": "RegistryFailures", "Unit": "Count"}),
        json!({"Name": "FactsFetched", "Unit": "Count"}),
    ];
    let mut document = json!({
        "RegistryFailures": report.count(Verdict::Failed),
        "FactsFetched": report.count(Verdict::Fetched) + report.count(Verdict::Unchanged),
    });
    if let Some(age) = oldest_age {
        metrics.push(json!({"Name": "OldestFactsAgeSeconds", "Unit": "Seconds"}));
        document["OldestFactsAgeSeconds"] = json!(age);
    }
    document["_aws"] = json!({
        "Timestamp": now_seconds * 1000,
        "CloudWatchMetrics": [{"Namespace": NAMESPACE, "Dimensions": [[]], "Metrics": metrics}],
    });
    document
}

#[cfg(test)]
mod tests {
    use model::clock::format_unix;

    use super::*;

    #[test]
    fn timestamps_read_back_to_the_seconds_they_were_written_from() {
        for seconds in [0_u64, 951_782_400, 1_795_996_799, 1_700_000_000] {
            assert_eq!(unix_seconds(&format_unix(seconds)), Some(seconds as i64));
        }
        assert_eq!(unix_seconds("yesterday"), None);
    }

    #[test]
    fn the_age_of_the_oldest_facts_is_a_metric() {
        let report = Report {
            oldest_as_of: Some(format_unix(0)),
            ..Report::default()
        };
        let document = emf(&report);
        assert!(document["OldestFactsAgeSeconds"].as_i64().unwrap() > 1_700_000_000);
        assert_eq!(
            document["_aws"]["CloudWatchMetrics"][0]["Namespace"],
            NAMESPACE
        );
    }
}
