//! What the words around a cue say about it: a shop next to a language is a team, "fast"
//! after a word of delivering is speed of delivery, a quality given as the reason for a
//! feature is the feature's. The field decisions ([`super::fields`]) ask; this answers from
//! the reading alone.

use super::lexicon::Meaning;
use super::reader::{Cue, Reading, Token};
use super::wording::{
    APP_REACH, BECAUSE, COUNT_REACH, COUNTING, DELIVERY, DELIVERY_REACH, FIT_REACH, FITTING,
    HOW_HARD, HOW_HARD_REACH, PERSONS, PRODUCTS, REASON_REACH, RECEIVERS, REPORTING,
    RUNNING_THINGS, RUNNING_VERBS, SUBJECT_REACH, TEAM_AFTER_SHOP_REACH, THEREFORE, WE_ARE_REACH,
};
use crate::vocab::Dimension;

/// Names a language or a framework.
fn is_named(meaning: &Meaning) -> bool {
    matches!(meaning, Meaning::Languages(_) | Meaning::Framework(..))
}

/// The reading a cue is read in, asked about the words around one cue at a time.
pub(super) struct Surroundings<'a> {
    reading: &'a Reading,
}

impl<'a> Surroundings<'a> {
    pub(super) fn new(reading: &'a Reading) -> Self {
        Surroundings { reading }
    }

    /// Some word at most `reach` before the cue, in its clause, is one that `wanted`.
    pub(super) fn word_before(
        &self,
        cue: &Cue,
        reach: usize,
        wanted: impl Fn(&Token) -> bool,
    ) -> bool {
        let tokens = &self.reading.tokens;
        let start = cue.first.saturating_sub(reach);
        tokens[start..cue.first]
            .iter()
            .any(|t| t.clause == tokens[cue.first].clause && wanted(t))
    }

    /// "a .NET shop", "a small python shop", "our shop is mostly Java": a shop next to a
    /// language or framework (just before it, or a few words after in its clause) is the
    /// team that writes it, not a store; so is the shop the writers say they are ("we're an
    /// ex-perl shop").
    pub(super) fn names_a_team(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let shop = cue.first == cue.last && tokens[cue.first].lower.starts_with("shop");
        let near = |other: &Cue| {
            if other.last < cue.first {
                cue.first - other.last <= 2
            } else {
                other.first > cue.last && other.first - cue.last <= TEAM_AFTER_SHOP_REACH
            }
        };
        shop && (self.neighbour(cue, near, is_named) || self.is_what_we_are(cue))
    }

    /// "we're a ... shop", "we are an ... shop": what follows "we're a" names the writers.
    fn is_what_we_are(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let start = cue.first.saturating_sub(WE_ARE_REACH);
        (start..cue.first).any(|i| {
            matches!(tokens[i].lower.as_str(), "re" | "are")
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
        })
    }

    /// "should we learn go?", "I want to learn Elixir": learning a language or framework
    /// named right after is taking it up, not asking for one that is easy to learn
    /// (docs/labelling.md: learning on a side project is not ease of learning by itself).
    pub(super) fn learns_a_named(&self, learn: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let learning = learn.first == learn.last && tokens[learn.first].key.starts_with("learn");
        learning
            && (self.neighbour(learn, |other| other.first == learn.last + 1, is_named)
                || self.learns_which_of_the_named(learn))
    }

    /// "c# or java, which should i learn first?": the learning asked about is of one of the
    /// languages offered just before, not a wish for an easy one.
    fn learns_which_of_the_named(&self, learn: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let sentence = tokens[learn.first].sentence;
        let which = (0..learn.first)
            .rev()
            .take_while(|i| tokens[*i].sentence + 1 >= sentence)
            .any(|i| matches!(tokens[i].lower.as_str(), "which" | "what"));
        let named_before = self.reading.cues.iter().any(|other| {
            other.last < learn.first
                && tokens[other.first].sentence + 1 >= sentence
                && other.meanings.iter().any(is_named)
        });
        // "which is less painful to learn" still asks for the easier one.
        let how_hard = tokens[learn.first.saturating_sub(HOW_HARD_REACH)..learn.first]
            .iter()
            .any(|t| HOW_HARD.contains(&t.lower.as_str()));
        which && named_before && !how_hard
    }

    /// "a friend keeps saying Rust is 'blazingly fast'", "people say Go is fast": a quality
    /// told of a named framework or language after a word of reporting, in its sentence, is
    /// someone's claim about it, not a quality the writer asks for.
    pub(super) fn is_a_claim_reported(&self, quality: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let sentence = tokens[quality.first].sentence;
        let before = |i: usize| i < quality.first && tokens[i].sentence == sentence;
        let reported = (0..quality.first)
            .filter(|i| before(*i))
            .any(|i| REPORTING.contains(&tokens[i].lower.as_str()));
        let named = self
            .reading
            .cues
            .iter()
            .any(|cue| before(cue.last) && cue.meanings.iter().any(is_named));
        reported && named
    }

    /// "caching because traffic spikes", "very spiky, so caching is a must": a quality
    /// joined to a feature of its sentence by a word of cause is why the feature is
    /// needed, not a quality the writer asks of the framework.
    pub(super) fn gives_a_reason_for_a_feature(&self, quality: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let sentence = tokens[quality.first].sentence;
        let caused = |from: usize, to: usize, words: &[&str]| {
            to.saturating_sub(from) <= REASON_REACH
                && (from..to).any(|i| words.contains(&tokens[i].lower.as_str()))
        };
        self.reading.cues.iter().any(|feature| {
            tokens[feature.first].sentence == sentence
                && feature
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Needs(_)))
                && if feature.last < quality.first {
                    caused(feature.last + 1, quality.first, BECAUSE)
                } else {
                    feature.first > quality.last
                        && caused(quality.last + 1, feature.first, THEREFORE)
                }
        })
    }

    /// A word of pushing or of live updates in a sentence that names browsers.
    pub(super) fn pushes_to_browsers(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let sentence = tokens[cue.first].sentence;
        let pushing = tokens[cue.first..=cue.last]
            .iter()
            .any(|t| t.key.starts_with("push") || t.lower == "live");
        pushing
            && tokens
                .iter()
                .any(|t| t.sentence == sentence && RECEIVERS.iter().any(|r| t.lower.starts_with(r)))
    }

    /// "works well on lambda": a word of fitting a few words before the place, in its clause.
    pub(super) fn asks_how_well_it_fits(&self, place: &Cue) -> bool {
        self.word_before(place, FIT_REACH, |t| FITTING.contains(&t.lower.as_str()))
    }

    /// "the difference between django and flask": a comparison of the frameworks or
    /// languages named right after it is a choice between them, not off topic.
    pub(super) fn compares_named(&self, cue: &Cue) -> bool {
        let difference = self.reading.tokens[cue.first].key.starts_with("differ");
        let next = |other: &Cue| other.first > cue.last && other.first - cue.last <= 2;
        difference && self.neighbour(cue, next, is_named)
    }

    /// "a recipe sharing site": what no backend is, a word or two before a product in its
    /// clause, is what the product is about.
    /// "a backend for …" whose clause names no app within a few words: "what backend for a
    /// beginner" is no project, "a backend for a recipe app" is an app's.
    pub(super) fn is_a_backend_for_no_app(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let clause = tokens[cue.first].clause;
        tokens[cue.last].lower == "for"
            && !tokens
                .iter()
                .skip(cue.last + 1)
                .take(APP_REACH)
                .take_while(|t| t.clause == clause)
                .any(|t| matches!(t.lower.as_str(), "app" | "apps" | "application"))
    }

    /// "services" counted ("a dozen services", "~12 services", "into six services"): several
    /// of them, or a split into them. Any other "services" names no kind.
    pub(super) fn counts_services(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let clause = tokens[cue.first].clause;
        // "fans out to 10 other services": someone else's.
        let others = cue.first > 0 && tokens[cue.first - 1].lower == "other";
        !others
            && tokens[cue.first.saturating_sub(COUNT_REACH)..cue.first]
                .iter()
                .filter(|t| t.clause == clause)
                .any(|t| {
                    COUNTING.contains(&t.lower.as_str())
                        || t.lower.chars().all(|c| c.is_ascii_digit()) && t.lower != "1"
                })
    }

    pub(super) fn is_a_products_subject(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let clause = tokens[cue.first].clause;
        tokens
            .iter()
            .skip(cue.last + 1)
            .take(SUBJECT_REACH)
            .take_while(|t| t.clause == clause)
            .any(|t| PRODUCTS.contains(&t.lower.as_str()))
    }

    /// The cue stands right next to one of start-up time ("fast cold starts").
    pub(super) fn qualifies_start_up(&self, speed: &Cue) -> bool {
        let next = |other: &Cue| other.first == speed.last + 1 || other.last + 1 == speed.first;
        self.neighbour(speed, next, |m| {
            matches!(
                m,
                Meaning::Footprint | Meaning::Pain(Dimension::ServerlessFit)
            )
        })
    }

    /// Some cue `near` the given one, in its clause, has a meaning that is `wanted`.
    fn neighbour(
        &self,
        cue: &Cue,
        near: impl Fn(&Cue) -> bool,
        wanted: impl Fn(&Meaning) -> bool,
    ) -> bool {
        let tokens = &self.reading.tokens;
        self.reading.cues.iter().any(|other| {
            near(other)
                && tokens[other.first].clause == tokens[cue.first].clause
                && other.meanings.iter().any(&wanted)
        })
    }

    /// "fast" is speed of delivery after a word of delivering ("an MVP fast", "ship it
    /// fast") or a productivity cue (of `productivity`: "crank out CRUD fast") in the same
    /// clause, and speed at
    /// run time when it qualifies a thing that runs ("a fast API") or stands alone.
    pub(super) fn is_speed_of_delivery(&self, speed: &Cue, productivity: &[usize]) -> bool {
        let tokens = &self.reading.tokens;
        let clause = tokens[speed.first].clause;
        let same_clause = |t: &&Token| t.clause == clause;
        let before = speed
            .first
            .checked_sub(1)
            .map(|i| &tokens[i])
            .filter(same_clause);
        let delivering =
            |t: &Token| DELIVERY.contains(&t.lower.as_str()) || DELIVERY.contains(&t.key.as_str());
        // "up and running quickest": how soon it runs, not how fast.
        let up_and_running = speed.first >= 3
            && tokens[speed.first - 3..speed.first]
                .iter()
                .map(|t| t.lower.as_str())
                .eq(["up", "and", "running"]);
        // "the fastest backend to get running", "quickest stack to ship": a thing, then "to"
        // and a verb of delivering.
        let thing_to_deliver = tokens
            .get(speed.last + 2)
            .is_some_and(|t| t.lower == "to" && same_clause(&t))
            && tokens.get(speed.last + 3).is_some_and(delivering);
        if up_and_running || thing_to_deliver {
            return true;
        }
        if tokens
            .get(speed.last + 1)
            .filter(same_clause)
            .is_some_and(|t| RUNNING_THINGS.contains(&t.lower.as_str()))
            || before.is_some_and(|t| RUNNING_VERBS.contains(&t.key.as_str()))
        {
            return false;
        }
        // "a quick prototype", "a fast MVP": the speed of making the thing named.
        if tokens
            .get(speed.last + 1)
            .filter(same_clause)
            .is_some_and(delivering)
        {
            return true;
        }
        // "fastest to get running", "quickest way to build": the speed of doing it; "I'm
        // fastest in PHP": a person's speed is speed of delivery.
        let after = &tokens[speed.last + 1..tokens.len().min(speed.last + 1 + DELIVERY_REACH)];
        // "fastest backend to get running": one word may stand before the "to".
        let to_deliver = after
            .iter()
            .take(2)
            .any(|t| matches!(t.lower.as_str(), "to" | "way" | "of"))
            && after.iter().filter(same_clause).any(delivering);
        let start = speed.first.saturating_sub(DELIVERY_REACH);
        if to_deliver
            || before.is_some_and(|t| PERSONS.contains(&t.lower.as_str()))
            || tokens[start..speed.first]
                .iter()
                .filter(same_clause)
                .any(delivering)
        {
            return true;
        }
        productivity.iter().any(|i| {
            let cue = &self.reading.cues[*i];
            cue.last < speed.first
                && speed.first - cue.last <= 3
                && tokens[cue.first].clause == tokens[speed.first].clause
        })
    }
}
