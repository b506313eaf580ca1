//! Listing the catalog: filters, sort orders, page sizes and positions.
//!
//! Pagination is keyset-based: a [`Cursor`] names the position of the last item served
//! under one sort order, so a page never repeats or skips an item even while admins write.
//! The DynamoDB store maps a `sort=name` position straight onto `ExclusiveStartKey`.

use crate::cursor::Cursor;
use crate::framework::Framework;
pub use crate::order::{Place, Position, Sort};
use crate::vocab::{Category, Feature, Language, UseCase};

/// Which frameworks a listing keeps. Values within one list are alternatives, except
/// `features`, where every listed feature must be present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub languages: Vec<Language>,
    pub categories: Vec<Category>,
    pub features: Vec<Feature>,
    pub use_cases: Vec<UseCase>,
}

impl Filter {
    pub fn matches(&self, framework: &Framework) -> bool {
        let spec = &framework.spec;
        (self.languages.is_empty() || self.languages.contains(&spec.language))
            && (self.categories.is_empty() || self.categories.contains(&spec.category))
            && self.features.iter().all(|f| spec.has_feature(*f))
            && (self.use_cases.is_empty() || self.use_cases.iter().any(|u| spec.fits(*u)))
    }
}

crate::bounded::bounded_count! {
    /// How many items a page holds: 1..=100, 50 unless asked.
    PageSize, max 100, default 50
}

/// A complete, validated `GET /frameworks` request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub filter: Filter,
    pub sort: Sort,
    pub size: PageSize,
    /// Serve items strictly after this position; `None` starts at the beginning.
    pub after: Option<Position>,
    /// Only frameworks whose latest stable release is on or after this day (`YYYY-MM-DD`);
    /// a framework without known releases never is.
    pub released_since: Option<String>,
}

impl ListQuery {
    /// Whether answering needs each framework's facts: the stores know none, so such a
    /// query is listed by [`list_in_memory_by`] over the catalog and the facts.
    pub fn needs_facts(&self) -> bool {
        self.sort.needs_facts() || self.released_since.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<Framework>,
    /// The cursor for the next page; `None` on the last page.
    pub next: Option<Cursor>,
}

/// Lists frameworks held in memory: the embedded store uses it, and so does any store
/// that must sort on a rating it has no index for. A store knows no releases: to it every
/// framework has none.
pub fn list_in_memory<'a>(
    frameworks: impl IntoIterator<Item = &'a Framework>,
    query: &ListQuery,
) -> Page {
    list_in_memory_by(frameworks, query, |_| None)
}

/// Lists frameworks held in memory, `released` giving the day of each one's latest stable
/// release (for `sort=latest_release` and `released_since`).
pub fn list_in_memory_by<'a, 'r>(
    frameworks: impl IntoIterator<Item = &'a Framework>,
    query: &ListQuery,
    released: impl Fn(&Framework) -> Option<&'r str>,
) -> Page {
    let sort = query.sort;
    let recent_enough = |day: Option<&str>| {
        query
            .released_since
            .as_deref()
            .is_none_or(|since| day.is_some_and(|day| day >= since))
    };
    let mut ranked: Vec<(Place<'_>, &Framework)> = frameworks
        .into_iter()
        .filter(|framework| query.filter.matches(framework))
        .filter_map(|framework| {
            let day = released(framework);
            recent_enough(day).then(|| (sort.place(framework, day), framework))
        })
        .filter(|(place, _)| {
            query
                .after
                .as_ref()
                .is_none_or(|after| place.is_after(after))
        })
        .collect();
    let has_more = ranked.len() > query.size.get();
    if has_more {
        // Only the page is shown: pick its items in linear time, then order just those.
        ranked.select_nth_unstable_by(query.size.get(), |a, b| sort.compare(&a.0, &b.0));
        ranked.truncate(query.size.get());
    }
    ranked.sort_unstable_by(|a, b| sort.compare(&a.0, &b.0));
    let next = has_more
        .then(|| ranked.last())
        .flatten()
        .map(|(place, _)| Cursor {
            sort,
            position: place.to_position(),
        });
    Page {
        items: ranked
            .into_iter()
            .map(|(_, framework)| framework.clone())
            .collect(),
        next,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;
    use crate::vocab::Dimension;

    #[test]
    fn pages_cover_every_framework_exactly_once_in_every_order() {
        let all = dataset::load_frameworks().unwrap();
        for sort in std::iter::once(Sort::Name).chain(Dimension::ALL.iter().map(|d| Sort::Best(*d)))
        {
            let mut seen = Vec::new();
            let mut query = ListQuery {
                sort,
                size: PageSize::new(4).unwrap(),
                ..ListQuery::default()
            };
            loop {
                let page = list_in_memory(&all, &query);
                assert!(page.items.len() <= 4);
                seen.extend(page.items.iter().map(|f| f.id.clone()));
                match page.next {
                    Some(cursor) => {
                        query.after = Some(Cursor::decode(&cursor.encode(), sort).unwrap().position)
                    }
                    None => break,
                }
            }
            let mut unique = seen.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "no repeats under {sort:?}");
            assert_eq!(seen.len(), all.len(), "every framework under {sort:?}");
        }
    }

    #[test]
    fn latest_release_pages_newest_first_unknown_last_and_a_cutoff_keeps_the_recent() {
        let all = dataset::load_frameworks().unwrap();
        let facts = crate::facts::recorded().unwrap();
        let mut days: std::collections::BTreeMap<&str, &str> = facts
            .iter()
            .filter_map(|(id, f)| Some((id.as_str(), f.latest.as_ref()?.date.as_str())))
            .collect();
        days.remove("gin");
        let released = |framework: &Framework| days.get(framework.id.as_str()).copied();
        let mut query = ListQuery {
            sort: Sort::LatestRelease,
            size: PageSize::new(4).unwrap(),
            ..ListQuery::default()
        };
        let mut seen = Vec::new();
        loop {
            let page = list_in_memory_by(&all, &query, released);
            seen.extend(page.items.iter().map(released));
            match page.next {
                Some(cursor) => {
                    let encoded = cursor.encode();
                    query.after = Some(Cursor::decode(&encoded, query.sort).unwrap().position);
                }
                None => break,
            }
        }
        assert_eq!(seen.len(), all.len());
        assert!(seen.windows(2).all(|w| w[0] >= w[1]), "{seen:?}");
        assert_eq!(
            seen.last(),
            Some(&None),
            "gin, without releases, comes last"
        );

        let cutoff = ListQuery {
            released_since: Some("2026-01-01".into()),
            size: PageSize::new(100).unwrap(),
            ..ListQuery::default()
        };
        let kept = list_in_memory_by(&all, &cutoff, released).items;
        let expected = days.values().filter(|day| **day >= "2026-01-01").count();
        assert_eq!(kept.len(), expected);
        assert!(
            kept.iter()
                .all(|f| released(f).is_some_and(|d| d >= "2026-01-01"))
        );
        assert!(
            list_in_memory(&all, &cutoff).items.is_empty(),
            "a store knows no releases"
        );
    }

    #[test]
    fn best_first_sorts_descending_with_name_ties() {
        let all = dataset::load_frameworks().unwrap();
        let query = ListQuery {
            sort: Sort::Best(Dimension::Performance),
            ..ListQuery::default()
        };
        let page = list_in_memory(&all, &query);
        let scores: Vec<u8> = page
            .items
            .iter()
            .map(|f| f.spec.ratings.score(Dimension::Performance))
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    }

    #[test]
    fn filters_combine_as_documented() {
        let all = dataset::load_frameworks().unwrap();
        let query = ListQuery {
            filter: Filter {
                languages: vec![Language::Python, Language::Go],
                features: vec![Feature::Validation],
                ..Filter::default()
            },
            ..ListQuery::default()
        };
        let page = list_in_memory(&all, &query);
        assert!(!page.items.is_empty());
        for framework in &page.items {
            assert!(matches!(
                framework.spec.language,
                Language::Python | Language::Go
            ));
            assert!(framework.spec.has_feature(Feature::Validation));
        }
    }
}
