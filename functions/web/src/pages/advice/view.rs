//! The advice page's markup: the form, the chips, the shortlist and its explanations.

use maud::{Markup, html};
use model::{Deployment, Dimension, Feature, Language, Profile, Recommendations, UseCase};

use super::{Chip, Chips, DEFAULT_LIMIT, DESCRIPTION_CHARS, PRIORITY_SLOTS};
use crate::chart;
use crate::form::{self, FormQuery};
use crate::layout::{Page, Section, form_heading};
use crate::pages::{checkboxes, choices, ordinal, select, slots};
use model::labels;

pub(super) fn render(
    form: &FormQuery,
    scope: &str,
    chips: Option<&Chips>,
    answer: Option<(&Profile, &Recommendations<'_>)>,
    errors: &[String],
    as_of: Option<&str>,
) -> Markup {
    let title = match answer {
        Some((profile, _)) => format!("Advice for {}", labels::use_case(profile.use_case())),
        None => "Which backend framework fits your project?".to_owned(),
    };
    let results = html! {
        section #results.results aria-labelledby="results-heading" data-live-region {
            @if answer.is_some() {
                p.to-form { a href="#form-heading" { "Change your answers" } }
            }
            @if let Some(chips) = chips { (chips_view(form, chips)) }
            @match answer {
                Some((profile, result)) => { (shortlist(profile, result)) }
                None => {
                    h2 #results-heading { "Your shortlist" }
                    p.empty { "Choose at least the kind of project, then “Get advice”." }
                }
            }
        }
    };
    let body = html! {
        h1 { "Which backend framework fits your project?" }
        p.lede { "Tell us what you are building and what matters most; we rank " (scope) " and explain every score." }
        // With an answer, the answer comes first: on a phone, where the two stack, the
        // reader sees it, not the form just filled in; on a wide screen the grid still
        // puts the form on the left.
        @if answer.is_some() {
            div.advice.answered { (results) (profile_form(form, errors)) }
        } @else {
            div.advice { (profile_form(form, errors)) (results) }
        }
    };
    Page {
        as_of: as_of.map(str::to_owned),
        title,
        description: "Describe your backend project and get a ranked, explained shortlist of frameworks: scores, reasons, caveats and what was ruled out.".into(),
        section: Section::Advice,
        body,
    }
    .render()
}

fn chips_view(form: &FormQuery, chips: &Chips) -> Markup {
    let field_name = |field: &str| match field {
        "use_case" => "Project",
        "languages" => "Language",
        "not" => "Not in",
        "priorities" => "Priority",
        "required_features" => "Must have",
        "preferred_frameworks" => "Framework",
        "excluded_frameworks" => "Not",
        _ => "Runs on",
    };
    // The state the chips' buttons resend, written once: each button only adds the new
    // list of readings set aside, so the page does not repeat the query per chip.
    let toggled = |chip: &Chip| {
        let key = chip.key();
        let mut ignore: Vec<&str> = form
            .all("ignore")
            .iter()
            .map(String::as_str)
            .filter(|k| *k != key)
            .collect();
        if !chip.ignored {
            ignore.push(&key);
        }
        ignore.join(",")
    };
    html! {
        form.reading method="get" action="/#results" aria-labelledby="reading-heading" {
            h2 #reading-heading { "We read your text as…" }
            (form.hidden_inputs("ignore"))
            @if chips.shown().next().is_none() {
                p.empty { "Nothing we could use. Mention " (model::describe::LOOKS_FOR) "." }
            }
            ul.chips {
                @for chip in chips.shown() {
                    li class=(if chip.ignored { "chip ignored" } else { "chip" }) {
                        span.what { (field_name(chip.field)) ": " strong { (chip.label) } }
                        @if !chip.words.is_empty() {
                            " " span.words { "(“" (chip.words.join(" ")) "”)" }
                        }
                        " "
                        @if chip.field == "use_case" && !chip.ignored {
                            // Advice needs a kind of project: setting this one aside would
                            // leave none, so the chip points at the choice instead.
                            a href="#use_case" { "choose another" span.visually-hidden { " instead of " (chip.label) } }
                        } @else if chip.ignored {
                            button.link type="submit" name="ignore" value=(toggled(chip)) { "use it again" span.visually-hidden { ": " (chip.label) } }
                        } @else {
                            button.link type="submit" name="ignore" value=(toggled(chip)) { "not this" span.visually-hidden { ": " (chip.label) } }
                        }
                    }
                }
            }
            @if !chips.unused.is_empty() {
                p.hint { "Not used: " (chips.unused.join(", ")) ". Fields you set in the form take precedence over the text." }
            } @else {
                p.hint { "Fields you set in the form take precedence over the text." }
            }
        }
    }
}

fn profile_form(form: &FormQuery, errors: &[String]) -> Markup {
    let use_cases = choices(UseCase::ALL, UseCase::as_str, labels::use_case);
    let dimensions = choices(Dimension::ALL, Dimension::as_str, labels::dimension);
    let languages = choices(Language::ALL, Language::as_str, labels::language);
    let features = choices(Feature::ALL, Feature::as_str, labels::feature);
    let deployments = choices(Deployment::ALL, Deployment::as_str, labels::deployment);
    let priorities = form.all("priorities");
    html! {
        form.profile method="get" action="/#results" data-live="results" aria-labelledby="form-heading" {
            (form_heading("form-heading", "Your project", errors))
            div.field {
                label for="description" { "Describe your project" }
                textarea #description name="description" maxlength=(DESCRIPTION_CHARS) rows="3" placeholder=(model::describe::EXAMPLES[0]) {
                    (form.first("description").unwrap_or_default())
                }
            }
            @if !form.all("ignore").is_empty() {
                input type="hidden" name="ignore" value=(form.all("ignore").join(","));
            }
            p.hint { "…or set the details (they take precedence):" }
            (select("use_case", "use_case", "What are you building?", &use_cases, form.first("use_case"), Some("From the description / choose…")))
            fieldset.priorities {
                legend { "What matters most, in order" }
                @for slot in 0..slots(PRIORITY_SLOTS, priorities) {
                    (select("priorities", &format!("priority-{slot}"), &ordinal(slot, "priority"), &dimensions, priorities.get(slot).map(String::as_str), Some("(none)")))
                }
            }
            details open[!form.all("languages").is_empty()] {
                summary { "Languages your team uses" }
                (checkboxes("languages", "Only frameworks in", &languages, form.all("languages")))
            }
            details open[!form.all("required_features").is_empty()] {
                summary { "Must-have features" }
                (checkboxes("required_features", "Leave out frameworks without", &features, form.all("required_features")))
            }
            div.field {
                label for="preferred_frameworks" { "Frameworks you prefer (as the catalog spells them, comma-separated)" }
                input #preferred_frameworks type="text" name="preferred_frameworks" placeholder="flask, fastapi" value=(form.all("preferred_frameworks").join(", "));
            }
            div.field {
                label for="excluded_frameworks" { "Frameworks to leave out (leaving one out always wins)" }
                input #excluded_frameworks type="text" name="excluded_frameworks" placeholder="django" value=(form.all("excluded_frameworks").join(", "));
            }
            (select("deployment", "deployment", "Where will it run?", &deployments, form.first("deployment"), Some("No preference")))
            (select("limit", "limit", "How many suggestions", &[("3", "3"), ("5", "5"), ("10", "10")], Some(form.first("limit").unwrap_or(DEFAULT_LIMIT)), None))
            button type="submit" { "Get advice" }
        }
    }
}

fn shortlist(profile: &Profile, result: &Recommendations<'_>) -> Markup {
    let compare_ids: Vec<&str> = result
        .recommendations
        .iter()
        .take(4)
        .map(|r| r.id.as_str())
        .collect();
    let priorities: Vec<&str> = profile
        .priorities()
        .as_slice()
        .iter()
        .map(|d| d.as_str())
        .collect();
    let compare_href = form::href(
        "/versus",
        [
            ("ids", compare_ids.join(",")),
            ("priorities", priorities.join(",")),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty()),
    );
    html! {
        h2 #results-heading { "Your shortlist" }
        p.summary data-live-summary {
            (result.recommendations.len()) " of " (result.considered) " frameworks that fit your filters"
            @if !result.excluded.is_empty() { ", " (result.excluded.len()) " ruled out" }
            "."
        }
        @if result.recommendations.is_empty() {
            p.empty { "No framework passes these filters. Try fewer languages or must-have features." }
        }
        ol.shortlist {
            @for recommendation in &result.recommendations {
                @let parts = breakdown(&recommendation.breakdown);
                li.recommendation {
                    article aria-labelledby=(format!("rec-{}", recommendation.id)) {
                        header {
                            h3 id=(format!("rec-{}", recommendation.id)) {
                                span.rank { (recommendation.rank) ". " }
                                a href=(format!("/catalog/{}", recommendation.id)) { (recommendation.name) }
                            }
                            p.score { strong { (format!("{:.1}", recommendation.score)) } " / 100" }
                        }
                        (chart::score_bar(&parts))
                        ul.breakdown aria-label="Score breakdown" {
                            @for (i, (name, points)) in parts.iter().enumerate() {
                                li { span class=(format!("key part-{i}")) aria-hidden="true" {} (labels::factor(name)) " " strong { (format!("{points:.1}")) } }
                            }
                        }
                        @if !recommendation.reasons.is_empty() {
                            h4 { "Why" }
                            ul.reasons { @for reason in &recommendation.reasons { li { (reason.text) } } }
                        }
                        @if !recommendation.caveats.is_empty() {
                            h4 { "Watch out" }
                            ul.caveats { @for caveat in &recommendation.caveats { li { (caveat.text) } } }
                        }
                    }
                }
            }
        }
        @if compare_ids.len() >= 2 {
            p { a.button href=(compare_href) { "Compare the top " (compare_ids.len()) " side by side" } }
        }
        @if !result.excluded.is_empty() {
            details.excluded {
                summary { "Ruled out (" (result.excluded.len()) ")" }
                ul {
                    @for exclusion in &result.excluded {
                        li { a href=(format!("/catalog/{}", exclusion.framework.id)) { (exclusion.framework.spec.name) } ": " (exclusion.reason()) }
                    }
                }
            }
        }
    }
}

/// The factors in the order they are explained, as (name, points).
fn breakdown(
    breakdown: &std::collections::BTreeMap<&'static str, f64>,
) -> Vec<(&'static str, f64)> {
    ["use_case_fit", "priorities", "deployment_fit"]
        .into_iter()
        .filter_map(|name| breakdown.get(name).map(|points| (name, *points)))
        .collect()
}
