//! What a rating rests on: public figures (a benchmark's requests per second, a survey's
//! usage share) and documented facts, each with its source, the day of the figure and a
//! note in our own words. A framework carries them by dimension; the embedded catalog keeps
//! them in `data/evidence.json`, joined into each framework when the dataset is read.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::fields::{Fields, MAX_LINE, plain_text};
use crate::slug::Slug;
use crate::source::Source;
use crate::vocab::Dimension;

/// A framework's evidence by dimension; a dimension without evidence is absent.
pub type EvidenceByDimension = BTreeMap<Dimension, Vec<Evidence>>;

/// One piece of evidence behind a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What the figure or fact says about the rating, in our own words.
    pub note: String,
    /// The measured or published number; absent for a documented fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// Names the measurement, so that figures under one key compare like with like
    /// (`techempower-r23-json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Slug>,
    /// Why the rating departs from the order of the figures under `benchmark`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where the figure or fact was read; `url` is null only for a source without a
    /// public address (this repository's own measurements).
    pub source: Source,
    /// The day the figure was published or measured.
    pub date: Day,
}

/// A number and its unit (`3328` `requests/s`, `14.8` `% of respondents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub value: FigureValue,
    pub unit: String,
}

/// A finite number, zero or more: the only kind a figure holds, so it compares by value
/// (`Eq` holds because NaN cannot get in).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct FigureValue(f64);

impl Eq for FigureValue {}

impl FigureValue {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for FigureValue {
    type Error = String;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if value.is_finite() && value >= 0.0 {
            Ok(Self(value))
        } else {
            Err("must be a number of at least 0".into())
        }
    }
}

impl From<FigureValue> for f64 {
    fn from(value: FigureValue) -> Self {
        value.0
    }
}

impl fmt::Display for FigureValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A calendar day, `YYYY-MM-DD`, that exists (no 31 April).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(String);

impl Day {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let bytes = raw.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = raw.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let shaped = bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
        let date = shaped
            .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
            .flatten();
        match date {
            Some((year, month, day)) if (1..=days_in_month(year, month)).contains(&day) => {
                Ok(Self(raw.to_owned()))
            }
            _ => Err("must be a calendar day written YYYY-MM-DD".into()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

impl TryFrom<String> for Day {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> Self {
        day.0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest unit, such as `requests/s` or `% of respondents`.
const MAX_UNIT: usize = 40;
const ITEM_FIELDS: [&str; 6] = ["note", "figure", "benchmark", "reason", "source", "date"];
const FIGURE_FIELDS: [&str; 2] = ["value", "unit"];

/// The reader of a framework body's `evidence`.
impl Fields<'_> {
    /// Optional: absent or null is no evidence.
    pub(crate) fn evidence(&mut self, field: &str) -> Option<EvidenceByDimension> {
        let Some(value) = self.get(field) else {
            return Some(BTreeMap::new());
        };
        let object = self.object(
            field,
            value,
            "must be an object of dimension: [evidence items]",
        )?;
        let mut evidence = BTreeMap::new();
        let mut ok = true;
        for (key, items) in object {
            let at = format!("{field}.{key}");
            let dimension = match self.name::<Dimension>(key) {
                Ok(dimension) => Some(dimension),
                Err(message) => self.fail(&at, message),
            };
            let items = match items.as_array().map(Vec::is_empty) {
                Some(false) => self.array(&at, items),
                _ => self.fail(&at, "must be an array of at least one evidence item"),
            };
            let read: Option<Vec<Evidence>> = items.and_then(|items| {
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| self.evidence_item(&format!("{at}[{index}]"), item))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect()
            });
            match (dimension, read) {
                (Some(dimension), Some(items)) => {
                    evidence.insert(dimension, items);
                }
                _ => ok = false,
            }
        }
        ok.then_some(evidence)
    }

    fn evidence_item(&mut self, at: &str, item: &Value) -> Option<Evidence> {
        let object = self.object(
            at,
            item,
            "must be {\"note\", \"source\", \"date\"} with an optional \"figure\", \"benchmark\" and \"reason\"",
        )?;
        let unknown = format!(
            "unknown field; an evidence item has {}",
            ITEM_FIELDS.join(", ")
        );
        let ok = self.only_known(at, object, &ITEM_FIELDS, &unknown);
        let present = |key: &str| object.get(key).filter(|value| !value.is_null());
        let note = self.nested_text(at, "note", object.get("note"), MAX_LINE);
        let figure = match present("figure") {
            None => Some(None),
            Some(figure) => self.figure(&format!("{at}.figure"), figure).map(Some),
        };
        let benchmark = match present("benchmark") {
            None => Some(None),
            Some(Value::String(raw)) => match Slug::parse(raw) {
                Ok(key) => Some(Some(key)),
                Err(error) => self.fail(&format!("{at}.benchmark"), error.to_string()),
            },
            Some(_) => self.fail(&format!("{at}.benchmark"), "must be a string"),
        };
        let reason = match present("reason") {
            None => Some(None),
            Some(reason) => self
                .nested_text(at, "reason", Some(reason), MAX_LINE)
                .map(Some),
        };
        let source = match present("source") {
            None => self.fail(&format!("{at}.source"), "is required"),
            Some(source) => self.source(&format!("{at}.source"), source),
        };
        let date = match present("date").map(|date| date.as_str().map(Day::parse)) {
            Some(Some(Ok(day))) => Some(day),
            _ => self.fail(
                &format!("{at}.date"),
                "is required: a calendar day written YYYY-MM-DD",
            ),
        };
        let item = (|| {
            Some(Evidence {
                note: note?,
                figure: figure?,
                benchmark: benchmark?,
                reason: reason?,
                source: source?,
                date: date?,
            })
        })();
        item.filter(|_| ok)
    }

    fn figure(&mut self, at: &str, value: &Value) -> Option<Figure> {
        let object = self.object(at, value, "must be {\"value\": number, \"unit\": text}")?;
        let ok = self.only_known(
            at,
            object,
            &FIGURE_FIELDS,
            "unknown field; a figure has value and unit",
        );
        let number = match object.get("value").and_then(Value::as_f64) {
            Some(number) => match FigureValue::try_from(number) {
                Ok(number) => Some(number),
                Err(message) => self.fail(&format!("{at}.value"), message),
            },
            None => self.fail(
                &format!("{at}.value"),
                "is required: a number of at least 0",
            ),
        };
        let unit = self.nested_text(at, "unit", object.get("unit"), MAX_UNIT);
        match (ok, number, unit) {
            (true, Some(value), Some(unit)) => Some(Figure { value, unit }),
            _ => None,
        }
    }

    /// Required text inside a nested object, reported at `at.key`.
    fn nested_text(
        &mut self,
        at: &str,
        key: &str,
        value: Option<&Value>,
        max: usize,
    ) -> Option<String> {
        let at = format!("{at}.{key}");
        match value
            .filter(|value| !value.is_null())
            .map(|v| plain_text(v, max))
        {
            Some(Ok(text)) => Some(text),
            Some(Err(message)) => self.fail(&at, message),
            None => self.fail(&at, "is required"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_exist_in_the_calendar() {
        for good in ["2025-03-17", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(Day::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "2025/01/01",
            "2025-01-01T00:00:00Z",
            "+025-01-01",
            "",
        ] {
            assert!(Day::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn figures_are_finite_and_not_negative() {
        assert!(FigureValue::try_from(0.0).is_ok());
        assert!(FigureValue::try_from(1.5e6).is_ok());
        for bad in [-1.0, f64::NAN, f64::INFINITY] {
            assert!(FigureValue::try_from(bad).is_err(), "{bad}");
        }
    }
}
