//! What a description was read as, shown as chips a person can set aside ("not this").

use model::describe::Reading;
use model::{Interpretation, Language};

use crate::form::FormQuery;
use model::labels;

/// One value read from the description, as shown and as sent.
#[derive(Debug)]
pub(crate) struct Chip {
    /// The request field it fills (`languages`), or `not` for a ruled-out language.
    pub(super) field: &'static str,
    pub(super) value: &'static str,
    pub(super) label: &'static str,
    pub(super) words: Vec<String>,
    pub(super) ignored: bool,
}

impl Chip {
    pub(super) fn key(&self) -> String {
        format!("{}:{}", self.field, self.value)
    }
}

/// What a description was read as, with the `ignore` corrections applied.
#[derive(Debug)]
pub(crate) struct Chips {
    pub(super) chips: Vec<Chip>,
    pub(super) unused: Vec<String>,
}

impl Chips {
    pub(super) fn of(reading: &Interpretation, form: &FormQuery) -> Self {
        let ignore = form.all("ignore");
        let mut chips = Vec::new();
        let mut push =
            |field: &'static str, value: &'static str, label: &'static str, words: &[String]| {
                let key = format!("{field}:{value}");
                chips.push(Chip {
                    field,
                    value,
                    label,
                    words: words.to_vec(),
                    ignored: ignore.contains(&key),
                });
            };
        if let Some(Reading { value, words }) = &reading.use_case {
            push("use_case", value.as_str(), labels::use_case(*value), words);
        }
        for Reading { value, words } in &reading.languages {
            push("languages", value.as_str(), labels::language(*value), words);
        }
        for Reading { value, words } in &reading.excluded_languages {
            push("not", value.as_str(), labels::language(*value), words);
        }
        // A framework by its id: the catalog, which has the names, is read after the chips.
        for Reading { value, words } in &reading.preferred_frameworks {
            push("preferred_frameworks", value, value, words);
        }
        for Reading { value, words } in &reading.excluded_frameworks {
            push("excluded_frameworks", value, value, words);
        }
        for Reading { value, words } in &reading.priorities {
            push(
                "priorities",
                value.as_str(),
                labels::dimension(*value),
                words,
            );
        }
        for Reading { value, words } in &reading.required_features {
            push(
                "required_features",
                value.as_str(),
                labels::feature(*value),
                words,
            );
        }
        if let Some(Reading { value, words }) = &reading.deployment {
            push(
                "deployment",
                value.as_str(),
                labels::deployment(*value),
                words,
            );
        }
        let mut chips = Self {
            chips,
            unused: reading.unused.clone(),
        };
        // A language ruled out, with none named, leaves every other language in.
        if !chips.kept("languages").any(|_| true) && chips.kept("not").any(|_| true) {
            let ruled_out: Vec<&str> = chips.kept("not").map(|chip| chip.value).collect();
            for language in Language::ALL
                .iter()
                .filter(|l| !ruled_out.contains(&l.as_str()))
            {
                chips.chips.push(Chip {
                    field: "languages",
                    value: language.as_str(),
                    label: labels::language(*language),
                    words: Vec::new(),
                    ignored: false,
                });
            }
        }
        chips
    }

    /// The values read for `field` that were not ignored.
    pub(super) fn kept<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Chip> + 'a {
        self.chips
            .iter()
            .filter(move |chip| chip.field == field && !chip.ignored)
    }

    pub(super) fn use_case(&self) -> Option<&Chip> {
        self.kept("use_case").next()
    }

    /// The chips a person reads: the implied languages of a ruled-out one are not shown.
    pub(super) fn shown(&self) -> impl Iterator<Item = &Chip> {
        self.chips
            .iter()
            .filter(|chip| !(chip.field == "languages" && chip.words.is_empty()))
    }
}
