//! The facts as the read paths show them. A snapshot of the facts store is read once per
//! cache period, and each framework's public facts are rendered to JSON then, once, with a
//! tag of their bytes: a request copies the rendering and joins the tag to the framework's
//! version in its `ETag`, instead of serialising a release history per request.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::facts::{Facts, FetchFailure, Registry, Release, is_stable};
use crate::hash::fnv1a;

/// What `GET /frameworks/{id}` says of a framework's facts: where they come from and how old
/// they are, the latest stable release, and the size of the history (the history itself is
/// counted by `GET /trends`). The conditional-request validators stay private.
#[derive(Debug, Serialize)]
struct Public<'a> {
    registry: Registry,
    package: &'a str,
    source_url: &'a str,
    latest: Option<&'a Release>,
    license: Option<&'a str>,
    first_published: Option<&'a Release>,
    releases: usize,
    stable_releases: usize,
    as_of: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_error: Option<&'a FetchFailure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> From<&'a Facts> for Public<'a> {
    fn from(facts: &'a Facts) -> Self {
        Self {
            registry: facts.registry,
            package: &facts.package,
            source_url: &facts.source,
            latest: facts.latest.as_ref(),
            license: facts.license.as_deref(),
            first_published: facts.releases.first(),
            releases: facts.releases.len(),
            stable_releases: facts
                .releases
                .iter()
                .filter(|release| is_stable(&release.version))
                .count(),
            as_of: &facts.as_of,
            last_error: facts.last_error.as_ref(),
            note: facts.note.as_deref(),
        }
    }
}

/// One framework's facts as rendered once.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub json: Arc<RawValue>,
    /// A hash of `json`: joined to the framework's version, it tags the whole answer.
    pub tag: u64,
}

/// Every framework's facts, and their renderings, from one read of the store.
#[derive(Debug, Default)]
pub struct ShownFacts {
    facts: BTreeMap<String, Facts>,
    rendered: HashMap<String, Rendered>,
    as_of: Option<String>,
}

impl ShownFacts {
    pub fn new(facts: BTreeMap<String, Facts>) -> Result<Self, serde_json::Error> {
        let rendered = facts
            .iter()
            .map(|(id, facts)| {
                let json = serde_json::value::to_raw_value(&Public::from(facts))?;
                let tag = fnv1a([json.get().as_bytes()]);
                Ok((
                    id.clone(),
                    Rendered {
                        json: Arc::from(json),
                        tag,
                    },
                ))
            })
            .collect::<Result<_, serde_json::Error>>()?;
        let as_of = facts.values().map(|facts| &facts.as_of).min().cloned();
        Ok(Self {
            facts,
            rendered,
            as_of,
        })
    }

    /// Every framework's facts, by id.
    pub fn all(&self) -> &BTreeMap<String, Facts> {
        &self.facts
    }

    pub fn get(&self, id: &str) -> Option<&Facts> {
        self.facts.get(id)
    }

    pub fn rendered(&self, id: &str) -> Option<&Rendered> {
        self.rendered.get(id)
    }

    /// The day of the framework's latest stable release, if its registry lists one.
    pub fn latest_day(&self, id: &str) -> Option<&str> {
        let latest = self.facts.get(id)?.latest.as_ref()?;
        Some(latest.date.as_str())
    }

    /// The oldest `as_of` of all: what a page says of how old its data is.
    pub fn as_of(&self) -> Option<&str> {
        self.as_of.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::recorded;

    #[test]
    fn each_rendering_is_the_public_facts_and_its_tag_follows_the_bytes() {
        let mut facts = recorded().unwrap();
        let shown = ShownFacts::new(facts.clone()).unwrap();
        let django = shown.rendered("django").unwrap();
        let json: serde_json::Value = serde_json::from_str(django.json.get()).unwrap();
        assert_eq!(json["registry"], "pypi");
        assert_eq!(json["source_url"], facts["django"].source.as_str());
        assert_eq!(json["as_of"], facts["django"].as_of.as_str());
        assert_eq!(json["releases"], facts["django"].releases.len());
        assert!(json.get("validators").is_none());
        assert_eq!(
            shown.latest_day("django"),
            facts["django"].latest.as_ref().map(|r| r.date.as_str())
        );

        facts.get_mut("django").unwrap().as_of = "2030-01-01T00:00:00Z".into();
        let later = ShownFacts::new(facts).unwrap();
        assert_ne!(later.rendered("django").unwrap().tag, django.tag);
        assert_eq!(
            later.rendered("flask").unwrap().tag,
            shown.rendered("flask").unwrap().tag
        );
    }

    #[test]
    fn the_data_is_as_old_as_the_oldest_facts() {
        let mut facts = recorded().unwrap();
        facts.get_mut("gin").unwrap().as_of = "2001-01-01T00:00:00Z".into();
        assert_eq!(
            ShownFacts::new(facts).unwrap().as_of(),
            Some("2001-01-01T00:00:00Z")
        );
        assert_eq!(ShownFacts::default().as_of(), None);
    }
}
