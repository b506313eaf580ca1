//! The frame every page shares: head (title, description, hashed assets), a skip link, the
//! site navigation with the current section marked, the main landmark and the footer.

use maud::{DOCTYPE, Markup, html};

use crate::assets;

/// The part of the site a page belongs to, marked `aria-current` in the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Advice,
    Catalog,
    Compare,
    Questions,
    Releases,
    None,
}

const NAVIGATION: [(Section, &str, &str); 5] = [
    (Section::Advice, "/", "Advice"),
    (Section::Catalog, "/catalog", "Catalog"),
    (Section::Compare, "/versus", "Compare"),
    (Section::Releases, "/activity", "Releases"),
    (Section::Questions, "/questions", "Questions"),
];

#[derive(Debug)]
pub(crate) struct Page {
    /// Without the site name, which is appended.
    pub title: String,
    /// The `<meta name="description">`: one or two sentences about this very page.
    pub description: String,
    pub section: Section,
    pub body: Markup,
    /// The day of the oldest registry facts (`YYYY-MM-DD`), said in the footer; `None`
    /// where the page could not read them.
    pub as_of: Option<String>,
}

impl Page {
    pub(crate) fn render(self) -> Markup {
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.title) " · Stack Advisor" }
                    meta name="description" content=(self.description);
                    meta name="color-scheme" content="light dark";
                    link rel="stylesheet" href=(assets::STYLE.href());
                    link rel="icon" type="image/svg+xml" href=(assets::ICON.href());
                    script src=(assets::SCRIPT.href()) defer {}
                }
                body {
                    a.skip href="#main" { "Skip to content" }
                    header.site {
                        a.brand href="/" { "Stack Advisor" }
                        nav aria-label="Site" {
                            ul {
                                @for (section, href, label) in NAVIGATION {
                                    li {
                                        @if section == self.section {
                                            a href=(href) aria-current="page" { (label) }
                                        } @else {
                                            a href=(href) { (label) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    main #main tabindex="-1" { (self.body) }
                    footer.site {
                        p {
                            "Ratings and notes are our own summary of a 2025 overview of backend frameworks and each framework's documentation; every page lists its sources. "
                            "The same data as JSON: " a href="/openapi.json" { "the API" } "."
                        }
                        @if let Some(day) = &self.as_of {
                            p.data-age {
                                "Release facts from the package registries as of "
                                time datetime=(day) { (day) }
                                " (the oldest in the catalog; each framework’s page dates its own)."
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A form's heading, under the `id` its `aria-labelledby` names, and what was wrong with
/// what it sent.
pub(crate) fn form_heading(id: &str, heading: &str, errors: &[String]) -> Markup {
    html! {
        h2 id=(id) { (heading) }
        (form_errors(errors))
    }
}

/// An alert listing what was wrong with a form, announced to screen readers when shown.
pub(crate) fn form_errors(errors: &[String]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.alert role="alert" {
                p { strong { "Please check the form:" } }
                ul { @for error in errors { li { (error) } } }
            }
        }
    }
}
