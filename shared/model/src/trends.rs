//! Release activity over time, counted from the stored release histories: how many stable
//! releases each framework, language and category shipped per year and per quarter.
//! Pre-releases are left out: a project that publishes a nightly build a day would
//! otherwise outweigh one that ships a tested release a month.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::{Facts, is_stable};
use crate::framework::Framework;

/// Stable releases per period of one framework, language or category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Series {
    pub key: String,
    /// Year (`2024`) → releases.
    pub per_year: BTreeMap<u16, u32>,
    /// Quarter (`2024-Q1`) → releases.
    pub per_quarter: BTreeMap<String, u32>,
}

impl Series {
    fn count(&mut self, year: u16, quarter: u8) {
        *self.per_year.entry(year).or_default() += 1;
        *self
            .per_quarter
            .entry(format!("{year}-Q{quarter}"))
            .or_default() += 1;
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Trends {
    /// The oldest `as_of` among the facts counted: how old the figures are.
    pub as_of: Option<String>,
    pub by_framework: Vec<Series>,
    pub by_language: Vec<Series>,
    pub by_category: Vec<Series>,
}

/// The year and quarter of a `YYYY-MM-DD` day; `None` for anything else.
fn period(date: &str) -> Option<(u16, u8)> {
    let year = date.get(..4)?.parse().ok()?;
    let month: u8 = date.get(5..7)?.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then(|| (year, (month - 1) / 3 + 1))
}

/// The trends of `frameworks`, from each one's `facts` (frameworks without facts are left out).
pub fn trends(frameworks: &[Framework], facts: &BTreeMap<String, Facts>) -> Trends {
    let mut by_framework = BTreeMap::<String, Series>::new();
    let mut by_language = BTreeMap::<String, Series>::new();
    let mut by_category = BTreeMap::<String, Series>::new();
    let mut as_of: Option<&str> = None;
    for framework in frameworks {
        let Some(history) = facts.get(framework.id.as_str()) else {
            continue;
        };
        as_of = Some(as_of.map_or(history.as_of.as_str(), |oldest| oldest.min(&history.as_of)));
        let keys = [
            (&mut by_framework, framework.id.to_string()),
            (&mut by_language, framework.spec.language.to_string()),
            (&mut by_category, framework.spec.category.to_string()),
        ];
        for (series, key) in keys {
            let series = series.entry(key.clone()).or_insert_with(|| Series {
                key,
                ..Series::default()
            });
            let stable = history.releases.iter().filter(|r| is_stable(&r.version));
            for (year, quarter) in stable.filter_map(|release| period(&release.date)) {
                series.count(year, quarter);
            }
        }
    }
    Trends {
        as_of: as_of.map(str::to_owned),
        by_framework: by_framework.into_values().collect(),
        by_language: by_language.into_values().collect(),
        by_category: by_category.into_values().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_frameworks;
    use crate::facts::recorded;

    fn total(counts: &BTreeMap<impl Ord, u32>) -> u32 {
        counts.values().sum()
    }

    #[test]
    fn each_framework_counts_its_stable_releases_once_per_year_and_once_per_quarter() {
        let frameworks = load_frameworks().unwrap();
        let facts = recorded().unwrap();
        let trends = trends(&frameworks, &facts);

        assert_eq!(trends.by_framework.len(), facts.len());
        for series in &trends.by_framework {
            let stable = facts[&series.key]
                .releases
                .iter()
                .filter(|release| is_stable(&release.version))
                .count();
            assert_eq!(total(&series.per_year) as usize, stable, "{}", series.key);
            assert_eq!(
                total(&series.per_quarter),
                total(&series.per_year),
                "{}",
                series.key
            );
        }
    }

    #[test]
    fn languages_and_categories_add_up_their_frameworks() {
        let frameworks = load_frameworks().unwrap();
        let trends = trends(&frameworks, &recorded().unwrap());
        let all: u32 = trends.by_framework.iter().map(|s| total(&s.per_year)).sum();
        for grouping in [&trends.by_language, &trends.by_category] {
            assert_eq!(
                grouping.iter().map(|s| total(&s.per_year)).sum::<u32>(),
                all
            );
        }
        let python: u32 = frameworks
            .iter()
            .filter(|f| f.spec.language.to_string() == "python")
            .map(|f| {
                let series = trends.by_framework.iter().find(|s| s.key == f.id.as_str());
                series.map_or(0, |s| total(&s.per_year))
            })
            .sum();
        let language = trends
            .by_language
            .iter()
            .find(|s| s.key == "python")
            .unwrap();
        assert_eq!(total(&language.per_year), python);
    }

    #[test]
    fn quarters_follow_the_calendar_and_odd_dates_are_left_out() {
        assert_eq!(period("2024-01-31"), Some((2024, 1)));
        assert_eq!(period("2024-06-30"), Some((2024, 2)));
        assert_eq!(period("2024-10-01"), Some((2024, 4)));
        assert_eq!(period("2024-13-01"), None);
        assert_eq!(period("soon"), None);
    }

    #[test]
    fn the_figures_are_as_old_as_the_oldest_facts_counted() {
        let frameworks = load_frameworks().unwrap();
        let mut facts = recorded().unwrap();
        facts.get_mut("flask").unwrap().as_of = "2020-01-01T00:00:00Z".into();
        assert_eq!(
            trends(&frameworks, &facts).as_of.as_deref(),
            Some("2020-01-01T00:00:00Z")
        );
        assert_eq!(trends(&frameworks, &BTreeMap::new()), Trends::default());
    }
}
