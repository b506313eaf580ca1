//! What a description was read as, shown as chips a person can set aside ("not this").

use model::describe::Reading;
use model::{Deployment, Dimension, Feature, Interpretation, Language, UseCase};

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

    fn of<T: Shown>(field: &'static str, value: T, words: Vec<String>) -> Self {
        Self {
            field,
            value: value.sent(),
            label: value.label(),
            words,
            ignored: false,
        }
    }
}

/// A value a chip can show: as the form sends it, and in words.
trait Shown: Copy {
    fn sent(self) -> &'static str;
    fn label(self) -> &'static str;
}

macro_rules! shown {
    ($($vocabulary:ty => $label:path),+ $(,)?) => {$(
        impl Shown for $vocabulary {
            fn sent(self) -> &'static str {
                self.as_str()
            }
            fn label(self) -> &'static str {
                $label(self)
            }
        }
    )+};
}

shown! {
    UseCase => labels::use_case,
    Language => labels::language,
    Dimension => labels::dimension,
    Feature => labels::feature,
    Deployment => labels::deployment,
}

/// A framework by its id: the catalog, which has the names, is read after the chips.
impl Shown for &'static str {
    fn sent(self) -> &'static str {
        self
    }
    fn label(self) -> &'static str {
        self
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
        let mut chips = Self {
            chips: Vec::new(),
            unused: reading.unused.clone(),
        };
        chips.add("use_case", &reading.use_case);
        chips.add("languages", &reading.languages);
        chips.add("not", &reading.excluded_languages);
        chips.add("preferred_frameworks", &reading.preferred_frameworks);
        chips.add("excluded_frameworks", &reading.excluded_frameworks);
        chips.add("priorities", &reading.priorities);
        chips.add("required_features", &reading.required_features);
        chips.add("deployment", &reading.deployment);
        let ignore = form.all("ignore");
        for chip in &mut chips.chips {
            chip.ignored = ignore.contains(&chip.key());
        }
        // A language ruled out, with none named, leaves every other language in.
        if !chips.kept("languages").any(|_| true) && chips.kept("not").any(|_| true) {
            let ruled_out: Vec<&str> = chips.kept("not").map(|chip| chip.value).collect();
            for language in Language::ALL
                .iter()
                .filter(|l| !ruled_out.contains(&l.as_str()))
            {
                chips
                    .chips
                    .push(Chip::of("languages", *language, Vec::new()));
            }
        }
        chips
    }

    /// A chip for each of `readings`, filling `field`.
    fn add<'r, T: Shown + 'r>(
        &mut self,
        field: &'static str,
        readings: impl IntoIterator<Item = &'r Reading<T>>,
    ) {
        let chips = readings
            .into_iter()
            .map(|Reading { value, words }| Chip::of(field, *value, words.clone()));
        self.chips.extend(chips);
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
