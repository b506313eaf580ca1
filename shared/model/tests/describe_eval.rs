//! The description reader against `data/descriptions.json`: descriptions written the way
//! people write on forums (typos, slang, negations, short and long), each with the profile
//! fields a careful reader would take from it. Per field, precision and recall must stay at
//! or above 0.9; so must the share of expected priority pairs read in the stressed order.
//! Run with `--nocapture` to see the figures and every miss.
//!
//! How the expectations were written: `use_case` is the kind of project, if the text says
//! one; `languages` the ones the writer wants or is open to (Node.js means JavaScript and
//! TypeScript, the JVM Java and Kotlin, a framework the writer means to use its language);
//! `excluded_languages` the ones ruled out in so many words; `priorities` the qualities the
//! writer says matter, most stressed first; `required_features` what the project needs
//! (a nice-to-have is not required); `deployment` where it will run;
//! `preferred_frameworks` the catalog's frameworks named as a choice and
//! `excluded_frameworks` those ruled out or being left; `off_topic` a post the API refuses
//! (written `"off_topic": true`, or as no field at all). A field left out expects nothing.
//!
//! `data/descriptions_forum.json` (141 posts) was the first held-out set: written from
//! public forum phrasing by someone who saw neither the reader nor this set, and measured
//! once, unedited (worst field 0.667, off-topic recall; 70 of 141 posts wholly right, 0.496;
//! gap to this set 0.461). That measurement used it up: the reader has been tuned to it since
//! (issue 24), so it is tuning data now, kept in its own file with its own floors (110 →
//! 119 of 141 wholly right in the tuning to the sixth set, with the relabelling below).
//!
//! `data/descriptions_heldout2.json` (100 posts) was the second held-out set, written the
//! same way and measured once, unedited (worst field 0.700, 50 of 100 wholly right, gap
//! 0.372). It has been tuned to since (issue 24, 6 Dec 2026: 49 → 67 of 100 wholly right;
//! 69 after the tuning to the third set, 76 after the tuning to the sixth), so it is tuning
//! data too, with floors of its own.
//!
//! `data/descriptions_heldout3.json` (134 posts) was the third held-out set, written the
//! same way and measured once, unedited (worst field 0.675, 66 of 134 wholly right, gap
//! 0.341). It has been tuned to since (issue 24, 6 Dec 2026: 66 → 87 of 134 wholly right;
//! 90 after the tuning to the fourth set, 94 after the tuning to the sixth), so it is
//! tuning data too, with floors of its own.
//!
//! `data/descriptions_heldout4.json` (169 posts) was the fourth held-out set, written by
//! another helper after the third was measured, without seeing the reader or any other set,
//! and measured unedited (worst field 0.667, 90 of 169 wholly right, gap 0.301; 98 after the
//! tuning to the third set, whose rounds watched its aggregate figures). It has been tuned
//! to since (issue 24, 7 Dec 2026: 98 → 129 of 169 wholly right; 131 after the tuning to
//! the fifth set, 144 after the tuning to the sixth), so it is tuning data too, with floors
//! of its own.
//!
//! `data/descriptions_heldout5.json` (180 posts) was the fifth held-out set, and the
//! cleanest: written by a helper that saw neither the reader nor any set's posts (only the
//! labelling rules above, the vocabularies and two entries of the fourth for the format),
//! added unedited and measured twice with no figure of it watched while tuning (worst field
//! 0.706, off-topic recall; 120 and then 122 of 180 wholly right; gap 0.257). It has been
//! tuned to since (issue 24, 7 Dec 2026: 122 → 136 of 180 wholly right; 154 after the
//! tuning to the sixth), so it is tuning data too, with floors of its own.
//!
//! `data/descriptions_heldout6.json` (172 posts) was the sixth held-out set: written by a
//! helper that saw neither the reader nor any set's posts (the labelling rules above, the
//! vocabularies and two entries of the fourth for the format), added unedited, and measured
//! once after the tuning to the fifth (worst field 0.421, off-topic recall, 8 of 19: its
//! writer counted a debugging question about an app already built as off topic, a kind the
//! earlier sets hardly had; 98 of 172 wholly right, 0.570; gap 0.551). It has been tuned to
//! since (issue 24, 7 Dec 2026: 98 → 133 of 172 wholly right, worst field 0.421 → 0.811,
//! off-topic recall 8 → 18 of 19; 14 of its labels relabelled by the guide), so it is
//! tuning data too, with floors of its own. All seven tuning files together: 812 → 898 of
//! 1082 wholly right (figures after the tuning to the sixth are on the labels as the guide
//! below relabelled them).
//!
//! `docs/labelling.md` is the labelling guide, written after the sixth set: what each field
//! means, settling the cases where the six sets' writers parted; where it and the short
//! rules above differ, it wins. Tuning labels that contradicted one of its rules were
//! changed to follow it (64 fields of 62 posts), each change logged in
//! `data/RELABELLED.md`; labels it leaves open stay as written, and the posts are unedited.
//! A held-out set from here on is written from the guide.
//!
//! `data/descriptions_heldout7.json` (170 posts) was the seventh held-out set: the first
//! written from the guide, by a helper that saw only the guide, the vocabularies and two
//! entries written for the format (neither the reader nor any set's posts), added unedited
//! and measured once after the tuning to the sixth (worst field 0.538, excluded frameworks;
//! 98 of 170 wholly right, 0.576; gap 0.439). `data/descriptions_heldout7_second.json`
//! labels the same posts a second time, by another helper who saw only the posts and the
//! guide: the two labellings agree on 143 of 170 posts (0.841), the most a reader can be
//! expected to reach against either. The seventh has been tuned to since (issue 24, 7 Dec
//! 2026: 98 → 124 of 170 wholly right, worst field 0.538 → 0.852, excluded frameworks 0.538
//! → 0.857 / 1.000, off-topic recall 14 → 19 of 20; every rule probed by posts of its own in
//! `describe/probes.rs` and `describe/word_probes.rs`, 3 tuning labels relabelled by the
//! guide), so it is tuning data too, with floors of its own; its two labellings still say how
//! far two labellers agree. All eight tuning files together: 996 → 1024 of 1252 wholly right.
//!
//! `data/descriptions_heldout8.json` (170 posts) was the eighth held-out set, written from
//! the guide in the same way (its writer asked for voices the earlier sets lacked:
//! non-native writers, formal questions, requirement lists, long histories), labelled a
//! second time in `data/descriptions_heldout8_second.json` (the two agree on 152 of 170
//! posts, 0.894), added unedited and measured once after the tuning to the seventh (worst
//! field 0.550, off-topic recall, 11 of 20; 94 of 170 wholly right, 0.553; gap 0.414). It
//! has been tuned to since (issue 24, 7 Dec 2026: 94 → 104 of 170 wholly right, worst field
//! 0.550 → 0.667, off-topic recall 11 → 19 of 20, excluded-framework precision 0.667 →
//! 0.880), by changes of structure kept only where they gained on other files too or lost
//! nothing anywhere: a post is on topic only with a sign that advice is wanted; a language
//! refused does not rule out its frameworks the writer knows; a departure ending in its
//! preposition points ahead; a language naming a thing left is context; a quality someone
//! else claims, or a kind of project the writer comes from, is not asked for. It is tuning data too, with floors of its own; its two
//! labellings still say how far two labellers agree. All nine tuning files together: 1118 →
//! 1135 of 1422 wholly right.
//!
//! `data/descriptions_heldout9.json` (170 posts) was the ninth held-out set, written from
//! the guide in the same way (its writer asked for posts as they reach an advice form:
//! project briefs, requirement lists, product managers naming no technology, chatbot
//! questions), labelled a second time in `data/descriptions_heldout9_second.json` (the two
//! agree on 141 of 170 posts, 0.829), added unedited and measured once after the tuning to
//! the eighth (worst field 0.591, excluded frameworks' recall, 13 of 22; 95 of 170 wholly
//! right, 0.559; gap 0.379). It has been tuned to since (issue 24, 7 Dec 2026: 95 → 98 of
//! 170 wholly right, worst field 0.591 → 0.727, excluded frameworks' recall 13 → 16 of 22),
//! keeping a change only where it gained on other files too or was a precision fix that lost
//! nothing: "like X" after a thing wanted is an example, not a choice; servers and boxes
//! named as the host are servers; a failure told after a framework's name rules it out; an
//! admin tool, or staff editing records, asks for an admin panel. It is tuning data too, with
//! floors of its own; its two labellings still say how far two labellers agree. All ten
//! tuning files together: 1230 → 1241 of 1592 wholly right.
//!
//! `data/descriptions_heldout10.json` (170 posts) is the held-out set: the tenth, written
//! from the guide in the same way (forum and chat posts, emails to a consultant, tickets,
//! search-box queries, at least 15 posts leaving a framework in varied words), labelled a
//! second time in `data/descriptions_heldout10_second.json` (the two agree on 149 of 170
//! posts, 0.876), added unedited and measured once after the tuning to the ninth (figures by
//! its tests). The tests print its figures only, never its posts or misses.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use model::dataset::load_frameworks;
use model::describe::{Description, Interpretation, interpret};
use model::{Profile, recommend};
use serde::Deserialize;
use serde_json::Value;

const FLOOR: f64 = 0.9;
const FIELDS: [&str; 9] = [
    "use_case",
    "languages",
    "excluded_languages",
    "priorities",
    "required_features",
    "deployment",
    "preferred_frameworks",
    "excluded_frameworks",
    "off_topic",
];

#[derive(Deserialize)]
struct Case {
    description: String,
    expected: BTreeMap<String, Value>,
    /// Written once the reader existed, to measure it on text it was not built against.
    #[serde(default)]
    written_after_the_reader: bool,
    /// What the article says should come out on top for this project.
    shortlist: Option<Shortlist>,
}

/// The framework the article points to (`first`), or the family it points to (`first_in`:
/// "real-time → a Node.js framework").
#[derive(Deserialize)]
struct Shortlist {
    first: Option<String>,
    first_in: Option<Vec<String>>,
}

/// A post the API refuses (off topic, or nothing usable) expects `off_topic`: written as
/// `"off_topic": true`, or as no field at all.
fn expects_refusal(case: &Case) -> bool {
    case.expected.get("off_topic") == Some(&Value::Bool(true))
        || case.expected.values().all(Value::is_null)
}

fn expected(case: &Case, field: &str) -> Vec<String> {
    if field == "off_topic" {
        return if expects_refusal(case) {
            vec!["true".to_owned()]
        } else {
            Vec::new()
        };
    }
    match case.expected.get(field) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(value)) => vec![value.clone()],
        Some(Value::Array(values)) => values
            .iter()
            .map(|v| v.as_str().expect("a string").to_owned())
            .collect(),
        Some(other) => panic!("{field}: unexpected {other}"),
    }
}

fn names<T: ToString>(readings: &[model::describe::Reading<T>]) -> Vec<String> {
    readings.iter().map(|r| r.value.to_string()).collect()
}

fn got(read: &Interpretation, field: &str) -> Vec<String> {
    match field {
        "use_case" => read.use_case.iter().map(|r| r.value.to_string()).collect(),
        "languages" => names(&read.languages),
        "excluded_languages" => names(&read.excluded_languages),
        "priorities" => names(&read.priorities),
        "required_features" => names(&read.required_features),
        "deployment" => read
            .deployment
            .iter()
            .map(|r| r.value.to_string())
            .collect(),
        "preferred_frameworks" => names(&read.preferred_frameworks),
        "excluded_frameworks" => names(&read.excluded_frameworks),
        "off_topic" if refused(read) => vec!["true".to_owned()],
        "off_topic" => Vec::new(),
        _ => unreachable!(),
    }
}

/// What the API refuses: text off topic, or naming nothing usable.
fn refused(read: &Interpretation) -> bool {
    read.is_off_topic() || read.is_empty()
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    predicted: usize,
    expected: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.predicted as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.expected as f64
        }
    }
}

fn parse(json: &str) -> Vec<Case> {
    serde_json::from_str(json).unwrap()
}

fn cases() -> Vec<Case> {
    parse(include_str!("../data/descriptions.json"))
}

/// The nine former held-out sets, in the order they were written, each with its title: used
/// up and tuned to since (see the module's comment); their posts are unedited.
fn former_held_out() -> [(&'static str, Vec<Case>); 9] {
    [
        (
            "first",
            parse(include_str!("../data/descriptions_forum.json")),
        ),
        (
            "second",
            parse(include_str!("../data/descriptions_heldout2.json")),
        ),
        (
            "third",
            parse(include_str!("../data/descriptions_heldout3.json")),
        ),
        (
            "fourth",
            parse(include_str!("../data/descriptions_heldout4.json")),
        ),
        (
            "fifth",
            parse(include_str!("../data/descriptions_heldout5.json")),
        ),
        (
            "sixth",
            parse(include_str!("../data/descriptions_heldout6.json")),
        ),
        (
            "seventh",
            parse(include_str!("../data/descriptions_heldout7.json")),
        ),
        (
            "eighth",
            parse(include_str!("../data/descriptions_heldout8.json")),
        ),
        (
            "ninth",
            parse(include_str!("../data/descriptions_heldout9.json")),
        ),
    ]
}

/// The held-out set's title, as its figures print.
const HELD_OUT_TITLE: &str = "tenth held-out set";

/// The held-out set (see the module's comment): measured, never tuned to, edited or printed.
fn held_out() -> Vec<Case> {
    parse(include_str!("../data/descriptions_heldout10.json"))
}

/// The held-out set labelled a second time, by someone who saw only its posts and
/// `docs/labelling.md`, never the first labels: how far two careful people agree is as far
/// as a reader can be expected to agree with either of them.
fn second_labelling() -> Vec<Case> {
    parse(include_str!("../data/descriptions_heldout10_second.json"))
}

#[test]
fn every_expected_value_is_in_the_vocabulary() {
    let cases = cases();
    assert!(
        cases.len() >= 100,
        "the evaluation set needs 100 descriptions"
    );
    let forum: Vec<Case> = former_held_out()
        .into_iter()
        .flat_map(|(_, set)| set)
        .collect();
    let held_out = held_out();
    assert!(held_out.len() >= 80, "a held-out set needs 80 posts");
    let second = second_labelling();
    let catalog = load_frameworks().unwrap();
    let ids: Vec<&str> = catalog.iter().map(|f| f.id.as_str()).collect();
    for case in cases.iter().chain(&forum).chain(&held_out).chain(&second) {
        for key in case.expected.keys() {
            assert!(FIELDS.contains(&key.as_str()), "unknown field {key}");
        }
        let check = |field: &str, valid: &[&str]| {
            for value in expected(case, field) {
                assert!(valid.contains(&value.as_str()), "{field}: {value}");
            }
        };
        check("use_case", model::UseCase::NAMES);
        check("languages", model::Language::NAMES);
        check("excluded_languages", model::Language::NAMES);
        check("priorities", model::Dimension::NAMES);
        check("required_features", model::Feature::NAMES);
        check("deployment", model::Deployment::NAMES);
        check("preferred_frameworks", &ids);
        check("excluded_frameworks", &ids);
    }
}

/// Each field's values from one reading of a post: the reader's, or a second labeller's.
type Answer = BTreeMap<&'static str, Vec<String>>;

/// What the reader takes from a post, field by field.
fn reader(case: &Case) -> Answer {
    let read = interpret(&Description::parse(&case.description).unwrap());
    FIELDS
        .iter()
        .map(|field| (*field, got(&read, field)))
        .collect()
}

/// What a labeller wrote for a post, field by field.
fn labelled(case: &Case) -> Answer {
    FIELDS
        .iter()
        .map(|field| (*field, expected(case, field)))
        .collect()
}

/// Two answers with the same values in every field, in any order (as "read wholly right"
/// judges them).
fn same_values(one: &Answer, other: &Answer) -> bool {
    let sorted = |values: &Vec<String>| {
        let mut values = values.clone();
        values.sort();
        values
    };
    FIELDS
        .iter()
        .all(|field| sorted(&one[field]) == sorted(&other[field]))
}

/// Per-field tallies and the priority-order pairs over `cases`.
struct Scores {
    tallies: BTreeMap<&'static str, Tally>,
    ordered_pairs: usize,
    agreeing_pairs: usize,
    empty_mismatches: Vec<String>,
    /// Posts whose every field was read as expected.
    wholly_right: usize,
    posts: usize,
}

/// How far `answer` (the reader, or a second labeller) agrees with the labels of `cases`.
fn score<'a>(
    cases: impl Iterator<Item = &'a Case>,
    answer: impl Fn(&Case) -> Answer,
    verbose: bool,
) -> Scores {
    let mut scores = Scores {
        tallies: BTreeMap::new(),
        ordered_pairs: 0,
        agreeing_pairs: 0,
        empty_mismatches: Vec::new(),
        wholly_right: 0,
        posts: 0,
    };
    for case in cases {
        let answered = answer(case);
        let refuses = !answered["off_topic"].is_empty();
        if expects_refusal(case) != refuses {
            scores.empty_mismatches.push(case.description.clone());
        }
        // A refused post answers nothing else, so only the refusal is judged.
        let both_refused = expects_refusal(case) && refuses;
        let mut right = true;
        scores.posts += 1;
        for field in FIELDS {
            if both_refused && field != "off_topic" {
                continue;
            }
            let want = expected(case, field);
            let have = &answered[field];
            right &= want.len() == have.len() && have.iter().all(|v| want.contains(v));
            let tally = scores.tallies.entry(field).or_default();
            let hits = have.iter().filter(|v| want.contains(v)).count();
            tally.true_positives += hits;
            tally.predicted += have.len();
            tally.expected += want.len();
            if verbose && (hits != want.len() || hits != have.len()) {
                println!(
                    "{field}: expected {want:?}, read {have:?} in {:?}",
                    case.description
                );
            }
        }
        if right {
            scores.wholly_right += 1;
        }
        let want = expected(case, "priorities");
        let have = &answered["priorities"];
        let position = |v: &String| have.iter().position(|h| h == v);
        for (i, earlier) in want.iter().enumerate() {
            for later in &want[i + 1..] {
                if let (Some(a), Some(b)) = (position(earlier), position(later)) {
                    scores.ordered_pairs += 1;
                    if a < b {
                        scores.agreeing_pairs += 1;
                    } else if verbose {
                        println!(
                            "priority order: expected {want:?}, read {have:?} in {:?}",
                            case.description
                        );
                    }
                }
            }
        }
    }
    scores
}

impl Scores {
    fn order(&self) -> f64 {
        self.agreeing_pairs as f64 / self.ordered_pairs.max(1) as f64
    }

    fn print(&self, title: &str, count: usize) {
        println!("\n{title}: {count} descriptions");
        println!(
            "{:<20} {:>9} {:>9} {:>9}",
            "field", "precision", "recall", "expected"
        );
        for (field, tally) in &self.tallies {
            println!(
                "{field:<20} {:>9.3} {:>9.3} {:>9}",
                tally.precision(),
                tally.recall(),
                tally.expected
            );
        }
        println!(
            "priority order: {} of {} pairs ({:.3})",
            self.agreeing_pairs,
            self.ordered_pairs,
            self.order()
        );
        println!(
            "read wholly right: {} of {} posts ({:.3})",
            self.wholly_right,
            self.posts,
            self.wholly()
        );
    }

    /// Asserts that what a set reached has not slipped: its worst field and its share of
    /// posts read wholly right are at least their floors.
    fn hold_floors(&self, title: &str, floors: &Floors) {
        assert!(
            self.worst() >= floors.field,
            "{title}: worst field {:.3}",
            self.worst()
        );
        assert!(
            self.wholly() >= floors.wholly,
            "{title}: wholly right {:.3}",
            self.wholly()
        );
    }

    fn wholly(&self) -> f64 {
        self.wholly_right as f64 / self.posts.max(1) as f64
    }

    /// The lowest precision or recall of any field.
    fn worst(&self) -> f64 {
        self.tallies
            .values()
            .flat_map(|t| [t.precision(), t.recall()])
            .fold(1.0, f64::min)
    }
}

#[test]
fn each_field_is_read_with_precision_and_recall_of_at_least_0_9() {
    let cases = cases();
    let all = score(cases.iter(), reader, true);
    all.print("all", cases.len());
    let later: Vec<&Case> = cases
        .iter()
        .filter(|case| case.written_after_the_reader)
        .collect();
    score(later.iter().copied(), reader, false).print("written after the reader", later.len());

    let failures: Vec<&str> = all
        .tallies
        .iter()
        .filter(|(_, t)| t.precision() < FLOOR || t.recall() < FLOOR)
        .map(|(field, _)| *field)
        .collect();
    assert!(
        all.ordered_pairs >= 10,
        "too few ordered priority pairs to judge"
    );
    assert!(
        all.order() >= FLOOR,
        "priority order {:.3} below {FLOOR}",
        all.order()
    );
    assert!(
        all.empty_mismatches.is_empty(),
        "read as empty or not contrary to expectation: {:?}",
        all.empty_mismatches
    );
    assert!(failures.is_empty(), "below {FLOOR}: {failures:?}");
}

/// The article's pairings, end to end: the description read into a profile (as
/// `POST /recommendations` reads it) and the catalog ranked for it. A miss can be the
/// reading or the scoring; the floor is the same 0.9, and `--nocapture` lists the misses.
#[test]
fn article_grounded_descriptions_put_the_articles_pick_first() {
    let cases = cases();
    let catalog = load_frameworks().unwrap();
    let grounded: Vec<(&Case, &Shortlist)> = cases
        .iter()
        .filter_map(|case| case.shortlist.as_ref().map(|s| (case, s)))
        .collect();
    assert!(grounded.len() >= 30, "at least 30 article-grounded cases");
    let mut misses = Vec::new();
    for (case, shortlist) in &grounded {
        let wanted: Vec<&str> = match (&shortlist.first, &shortlist.first_in) {
            (Some(first), None) => vec![first.as_str()],
            (None, Some(family)) => family.iter().map(String::as_str).collect(),
            _ => panic!("{:?}: give first or first_in", case.description),
        };
        for id in &wanted {
            assert!(
                catalog.iter().any(|f| f.id.as_str() == *id),
                "unknown framework {id}"
            );
        }
        let body = serde_json::json!({ "description": case.description });
        let profile = Profile::from_json(&body).unwrap();
        let result = recommend(&catalog, &profile);
        let ranked: Vec<&str> = result
            .recommendations
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let first = ranked.first().copied().unwrap_or("nothing");
        if !wanted.contains(&first) {
            misses.push(format!(
                "{:?}: expected {wanted:?} first, got {ranked:?}",
                case.description
            ));
        }
    }
    let share = (grounded.len() - misses.len()) as f64 / grounded.len() as f64;
    println!(
        "article-grounded: {} of {} put the article's pick first ({share:.3})",
        grounded.len() - misses.len(),
        grounded.len()
    );
    for miss in &misses {
        println!("shortlist miss: {miss}");
    }
    assert!(share >= FLOOR, "{misses:#?}");
}

/// What a set has reached, kept from slipping: the lowest precision or recall of any field
/// and the share of posts read wholly right.
struct Floors {
    field: f64,
    wholly: f64,
}

/// What tuning reached on each former held-out set, first to ninth as `former_held_out`
/// gives them, less a small margin. After the tuning to the sixth set and the relabelling by
/// docs/labelling.md (7 Dec 2026): worst fields 0.839, 0.878, 0.727, 0.919, 0.904, 0.811;
/// wholly right 119, 76, 94, 144, 154 and 133; after the tuning to the seventh the fifth read
/// 155, the sixth 134 and the seventh 124 of 170 (98 and 0.538 blind). After the tuning to
/// the eighth (7 Dec 2026): worst fields 0.839, 0.878, 0.727, 0.919, 0.904, 0.823, 0.862 and
/// 0.667; wholly right 119, 77, 95, 144, 156, 136, 126 and 104 of 170 (94 and 0.550 blind);
/// the ninth at what it was measured at blind (worst field 0.591, 95 of 170 wholly right).
/// After the tuning to the ninth (7 Dec 2026): wholly right 120 of 141 (first), 158 of 180
/// (fifth), 128, 108 and 98 of 170 (seventh, eighth, ninth); the ninth's worst field 0.727.
const FORMER_FLOORS: [Floors; 9] = [
    Floors {
        field: 0.82,
        wholly: 0.84,
    },
    Floors {
        field: 0.86,
        wholly: 0.76,
    },
    Floors {
        field: 0.71,
        wholly: 0.70,
    },
    Floors {
        field: 0.90,
        wholly: 0.84,
    },
    Floors {
        field: 0.89,
        wholly: 0.87,
    },
    Floors {
        field: 0.81,
        wholly: 0.78,
    },
    Floors {
        field: 0.85,
        wholly: 0.74,
    },
    Floors {
        field: 0.65,
        wholly: 0.62,
    },
    Floors {
        field: 0.72,
        wholly: 0.57,
    },
];

#[test]
fn the_former_held_out_posts_keep_what_tuning_reached() {
    for ((nth, cases), floors) in former_held_out().into_iter().zip(FORMER_FLOORS) {
        let title = format!("{nth} former held-out set");
        let scores = score(cases.iter(), reader, true);
        scores.print(&format!("{title} (tuning data now)"), cases.len());
        scores.hold_floors(&title, &floors);
    }
}

/// The goals on the held-out set (issue 24), and the floors it reached where it did not meet
/// them: a floor keeps what was reached from slipping, it is not the goal.
const GOAL_FIELD: f64 = 0.95;
const GOAL_WHOLLY: f64 = 0.9;
const GOAL_GAP: f64 = 0.05;
// The tenth set, measured once after the tuning to the ninth (7 Dec 2026): worst field
// 0.615 (excluded frameworks' recall, 16 of 26), 99 of 170 wholly right (0.582), gap to the
// ten tuning files 0.332. Its two labellers agree on 149 of 170 posts (0.876); the reader
// is far below them. The goals are NOT met.
const HELD_OUT_FLOORS: Floors = Floors {
    field: 0.61,
    wholly: 0.58,
};
const HELD_OUT_CEILING_GAP: f64 = 0.34;

/// The held-out posts: precision and recall per field, the share read wholly right, and
/// the gap to all ten tuning files together (per field, the drop of the lower of precision
/// and recall; and the drop of the wholly-right share). Figures only: the held-out set's
/// posts and misses are never printed.
#[test]
fn the_held_out_set_is_read_about_as_well_as_the_tuning_set() {
    let mut tuning = cases();
    tuning.extend(former_held_out().into_iter().flat_map(|(_, set)| set));
    let tuned = score(tuning.iter(), reader, false);
    tuned.print("tuning set (all ten files)", tuning.len());
    let title = HELD_OUT_TITLE;
    let held_out = held_out();
    let fresh = score(held_out.iter(), reader, false);
    fresh.print(title, held_out.len());
    let field_gap = FIELDS
        .iter()
        .map(|field| {
            let worst = |s: &Scores| {
                s.tallies
                    .get(field)
                    .map_or(1.0, |t| t.precision().min(t.recall()))
            };
            worst(&tuned) - worst(&fresh)
        })
        .fold(f64::MIN, f64::max);
    let gap = field_gap.max(tuned.wholly() - fresh.wholly());
    let met = fresh.worst() >= GOAL_FIELD && fresh.wholly() >= GOAL_WHOLLY && gap <= GOAL_GAP;
    println!(
        "{title}: worst field {:.3}, wholly right {:.3}, gap to tuning {gap:.3} (goals {GOAL_FIELD}, {GOAL_WHOLLY}, {GOAL_GAP}: {})",
        fresh.worst(),
        fresh.wholly(),
        if met { "met" } else { "not met" }
    );
    fresh.hold_floors(title, &HELD_OUT_FLOORS);
    assert!(gap <= HELD_OUT_CEILING_GAP, "{title}: gap {gap:.3}");
}

/// The held-out set against its second labelling (`second_labelling`): how far the two
/// labellers agree, the reader against the second, and the reader on the posts both
/// labelled alike. Figures only.
#[test]
fn the_reader_is_measured_against_how_far_two_labellers_agree() {
    let first = held_out();
    let second = second_labelling();
    let second_of: BTreeMap<&str, &Case> = second
        .iter()
        .map(|case| (case.description.as_str(), case))
        .collect();
    assert_eq!(second_of.len(), first.len(), "the same posts, each once");
    let second_answer = |case: &Case| labelled(second_of[case.description.as_str()]);
    let agreement = score(first.iter(), second_answer, false);
    let title = HELD_OUT_TITLE;
    agreement.print(
        &format!("{title}: the second labeller against the first"),
        first.len(),
    );
    score(second.iter(), reader, false).print(
        &format!("{title}: the reader against the second labeller"),
        second.len(),
    );
    let alike: Vec<&Case> = first
        .iter()
        .filter(|case| same_values(&labelled(case), &second_answer(case)))
        .collect();
    let on_alike = score(alike.iter().copied(), reader, false);
    on_alike.print(
        &format!("{title}: the reader on the posts both labelled alike"),
        alike.len(),
    );
}
