//! The one error type of the pages. A browser gets a page it can act on — what went wrong,
//! the near misses as links, a way back — with the status a client would get from the API,
//! never a problem document.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use edge::ApiError;
use edge::router::Miss;
use maud::html;
use model::StoreError;

use crate::layout::{Page, Section};
use crate::respond;

#[derive(Debug)]
pub(crate) struct PageError {
    pub status: StatusCode,
    pub heading: &'static str,
    pub detail: String,
    /// Where to go instead: (label, href).
    pub links: Vec<(String, String)>,
}

impl PageError {
    /// A 404 for a framework id nothing has, linking the near misses.
    pub(crate) fn unknown_framework<'a>(
        raw_id: &str,
        known: impl Iterator<Item = &'a str>,
    ) -> Self {
        let suggestions = model::suggest::near_misses(&raw_id.to_lowercase(), known);
        Self {
            status: StatusCode::NOT_FOUND,
            heading: "No such framework",
            detail: format!(
                "The catalog has no framework with the id “{}”.",
                model::echo(raw_id)
            ),
            links: suggestions
                .into_iter()
                .map(|id| (format!("Did you mean {id}?"), format!("/catalog/{id}")))
                .chain([("Browse the catalog".to_owned(), "/catalog".to_owned())])
                .collect(),
        }
    }

    pub(crate) fn render(&self, request_headers: &HeaderMap) -> Response {
        let page = Page {
            title: self.heading.to_owned(),
            description: self.detail.clone(),
            section: Section::None,
            // An error page reads no store: it says nothing of the facts' age.
            as_of: None,
            body: html! {
                section.error aria-labelledby="error-heading" {
                    h1 #error-heading { (self.heading) }
                    p.status { "Error " (self.status.as_u16()) }
                    p { (self.detail) }
                    ul.links {
                        @for (label, href) in &self.links {
                            li { a href=(href) { (label) } }
                        }
                        li { a href="/" { "Back to the advisor" } }
                    }
                }
            },
        };
        respond::html(request_headers, self.status, page.render())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.render(&HeaderMap::new())
    }
}

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> Self {
        let status = error.status();
        if status.is_server_error() {
            error.report();
            let heading = if status == StatusCode::SERVICE_UNAVAILABLE {
                "Temporarily unavailable"
            } else {
                "Something went wrong on our side"
            };
            return Self {
                status,
                heading,
                detail:
                    "The advisor could not read its data just now. Please try again in a moment."
                        .into(),
                links: Vec::new(),
            };
        }
        let detail = client_message(&error);
        Self {
            status,
            heading: if status == StatusCode::NOT_FOUND {
                "Not found"
            } else {
                "That request could not be used"
            },
            detail,
            links: Vec::new(),
        }
    }
}

/// What a 4xx says to a reader: every field error of a 422 (the problem's `detail` only
/// counts them), otherwise the detail itself.
pub(crate) fn client_message(error: &ApiError) -> String {
    match error {
        ApiError::Unprocessable { errors, .. } => errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> Self {
        ApiError::from(error).into()
    }
}

/// What a browser sees when it asks for something no route has (the shared fallbacks call
/// this for a client that asked for HTML): a page with a way back, with the status an API
/// client would get.
pub fn miss_page(miss: Miss<'_>) -> Response {
    let error = match miss {
        Miss::UnknownPath { .. } => PageError {
            status: StatusCode::NOT_FOUND,
            heading: "Page not found",
            detail: "There is no page at this address. It may have moved, or the link has a typo."
                .into(),
            links: SECTIONS
                .map(|(label, href)| (label.to_owned(), href.to_owned()))
                .to_vec(),
        },
        Miss::WrongMethod { method } => PageError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            heading: "This address only opens pages",
            detail: format!(
                "Pages here are opened and their forms sent with GET; a {} request does nothing here.",
                model::echo(method.as_str())
            ),
            links: Vec::new(),
        },
    };
    error.into_response()
}

const SECTIONS: [(&str, &str); 3] = [
    ("Browse the catalog", "/catalog"),
    ("Compare frameworks", "/versus"),
    ("Questions and answers", "/questions"),
];
