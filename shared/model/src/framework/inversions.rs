//! A framework's performance rating held against its benchmark figures: where two frameworks
//! measured under one benchmark are rated the other way round, one of them must say why.

use std::collections::BTreeMap;
use std::fmt;

use crate::evidence::FigureValue;
use crate::framework::Framework;
use crate::slug::Slug;
use crate::vocab::Dimension;

/// Two frameworks whose figures under one benchmark key are ordered against their
/// performance ratings (a higher figure, a lower rating) with no written reason on either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inversion {
    pub benchmark: Slug,
    pub higher: (Slug, FigureValue, u8),
    pub lower: (Slug, FigureValue, u8),
}

impl fmt::Display for Inversion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (higher, higher_figure, higher_rating) = &self.higher;
        let (lower, lower_figure, lower_rating) = &self.lower;
        write!(
            f,
            "{}: {higher} measured {higher_figure} but is rated {higher_rating} for performance, \
             below {lower} ({lower_figure}, rated {lower_rating}); give one of them a reason",
            self.benchmark
        )
    }
}

/// Every pair of frameworks whose performance evidence under one benchmark key contradicts
/// their performance ratings without a reason on either item.
pub fn performance_inversions(frameworks: &[Framework]) -> Vec<Inversion> {
    let mut by_benchmark: BTreeMap<&Slug, Vec<(&Slug, FigureValue, u8, bool)>> = BTreeMap::new();
    for framework in frameworks {
        let rating = framework.spec.ratings.score(Dimension::Performance);
        let items = framework.spec.evidence.get(&Dimension::Performance);
        for item in items.into_iter().flatten() {
            if let (Some(key), Some(figure)) = (&item.benchmark, &item.figure) {
                by_benchmark.entry(key).or_default().push((
                    &framework.id,
                    figure.value,
                    rating,
                    item.reason.is_some(),
                ));
            }
        }
    }
    let mut inversions = Vec::new();
    for (key, entries) in by_benchmark {
        for (id, figure, rating, explained) in &entries {
            for (other, other_figure, other_rating, other_explained) in &entries {
                if figure > other_figure && rating < other_rating && !explained && !other_explained
                {
                    inversions.push(Inversion {
                        benchmark: key.clone(),
                        higher: ((*id).clone(), *figure, *rating),
                        lower: ((*other).clone(), *other_figure, *other_rating),
                    });
                }
            }
        }
    }
    inversions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;
    use crate::evidence::{Day, Evidence, Figure};
    use crate::source::Source;
    use std::sync::Arc;

    /// Two frameworks of the catalog with one performance figure each under `key`.
    fn measured(figures: [(f64, u8, Option<&str>); 2]) -> Vec<Framework> {
        let mut frameworks = dataset::load_frameworks().unwrap();
        frameworks.truncate(2);
        for (framework, (value, rating, reason)) in frameworks.iter_mut().zip(figures) {
            let spec = Arc::make_mut(&mut framework.spec);
            let mut ratings: BTreeMap<Dimension, u8> = spec.ratings.clone().into();
            ratings.insert(Dimension::Performance, rating);
            spec.ratings = ratings.try_into().unwrap();
            let item = Evidence {
                note: "measured".into(),
                figure: Some(Figure {
                    value: FigureValue::try_from(value).unwrap(),
                    unit: "requests/s".into(),
                }),
                benchmark: Some(Slug::parse("some-bench").unwrap()),
                reason: reason.map(str::to_owned),
                source: Source {
                    title: "a bench".into(),
                    url: None,
                },
                date: Day::parse("2025-03-17").unwrap(),
            };
            spec.evidence = BTreeMap::from([(Dimension::Performance, vec![item])]);
        }
        frameworks
    }

    #[test]
    fn a_higher_figure_with_a_lower_rating_needs_a_reason() {
        let inverted = performance_inversions(&measured([(900.0, 3, None), (100.0, 4, None)]));
        assert_eq!(inverted.len(), 1, "{inverted:?}");
        assert!(
            inverted[0]
                .to_string()
                .contains("give one of them a reason")
        );
        for agreeing in [
            [(900.0, 4, None), (100.0, 3, None)],
            [(900.0, 4, None), (100.0, 4, None)],
            [(900.0, 3, Some("single core only")), (100.0, 4, None)],
            [(900.0, 3, None), (100.0, 4, Some("rated on other work"))],
        ] {
            let found = performance_inversions(&measured(agreeing));
            assert!(found.is_empty(), "{agreeing:?}: {found:?}");
        }
    }
}
