//! The one error type of the HTTP layer and its RFC 9457 problem+json rendering.
//! Each variant documents its status. 5xx bodies are generic; a 5xx carries its cause to
//! [`ApiError::report`], the one place it is logged.

use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::store::BoxError;
use model::{CursorError, FieldError, SelectionError, StoreError, UnknownValue};
use serde::Serialize;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request is malformed (bad JSON syntax, a query value of the wrong shape).
    #[error("{0}")]
    BadRequest(String),
    /// 401: a write arrived without an authenticated caller.
    #[error("{0}")]
    Unauthorized(String),
    /// 403: the caller is known but writes are not allowed here.
    #[error("{0}")]
    Forbidden(String),
    /// 404: no such resource or path; `suggestions` names near-miss ids.
    #[error("{detail}")]
    NotFound {
        detail: String,
        suggestions: Vec<String>,
    },
    /// 405: the path exists, the method does not. axum's method router adds the `Allow`
    /// header listing those that do.
    #[error("this path does not accept that method; the Allow header lists those it does")]
    MethodNotAllowed,
    /// 408: the client took longer than the server allows to send its request (the local
    /// server's limit; API Gateway enforces its own in front of the Lambdas).
    #[error("the request did not arrive in time; the connection is closed")]
    RequestTimeout,
    /// 412: a conditional write's precondition failed.
    #[error("{0}")]
    PreconditionFailed(String),
    /// 413: the body is over the limit.
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// 415: a body that is not `application/json`.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: well-formed but invalid; `errors` says which field and why.
    #[error("{detail}")]
    Unprocessable {
        detail: String,
        errors: Vec<FieldError>,
    },
    /// 428: a write that must be conditional arrived without its condition header.
    #[error("{0}")]
    PreconditionRequired(String),
    /// 503: the store is unreachable or throttling; retry after the given seconds. An
    /// outage the service expects and answers: the cause is logged at WARN.
    #[error("the data store is temporarily unavailable")]
    Unavailable {
        retry_after_secs: u32,
        #[source]
        cause: BoxError,
    },
    /// 500: a fault of ours. The body says nothing more; the cause is logged at ERROR.
    #[error("internal error")]
    Internal(#[source] BoxError),
}

impl ApiError {
    /// A 500 for `cause`, which only the log sees.
    pub fn internal(cause: impl Into<BoxError>) -> Self {
        ApiError::Internal(cause.into())
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        ApiError::NotFound {
            detail: detail.into(),
            suggestions: Vec::new(),
        }
    }

    /// A 404 for an id nothing has, naming near misses among the items the store `listed`
    /// (`djnago` → `django`). When the store could not list them the 404 suggests nothing
    /// (and says why in the log): a missing suggestion is no reason to answer 503.
    pub fn unknown_id<T>(
        (one, many): (&str, &str),
        raw_id: &str,
        listed: Result<Arc<Vec<T>>, StoreError>,
        id: impl Fn(&T) -> &str,
    ) -> Self {
        let listed = listed
            .inspect_err(
                |error| tracing::warn!(%error, "no suggestions: the {many} are unavailable"),
            )
            .ok();
        let known = listed.as_deref().map(|items| items.iter().map(&id));
        Self::unknown_ids((one, many), &[raw_id], known)
    }

    /// A 404 for ids nothing has, naming each and, as `suggestions`, the near misses of each
    /// among `known` (`djnago` → `django`); `(one, many)` is the noun in the singular and the
    /// plural. `known` is `None` when the store could not list its ids.
    pub fn unknown_ids<'a>(
        (one, many): (&str, &str),
        unknown: &[impl AsRef<str>],
        known: Option<impl Iterator<Item = &'a str> + Clone>,
    ) -> Self {
        let suggestions = known
            .map(|known| {
                model::lists::distinct(unknown.iter().flat_map(|id| {
                    model::suggest::near_misses(&id.as_ref().to_lowercase(), known.clone())
                }))
            })
            .unwrap_or_default();
        let names: Vec<String> = unknown
            .iter()
            .map(|id| format!("'{}'", model::echo(id.as_ref())))
            .collect();
        let mut detail = match names.as_slice() {
            [name] => format!("no {one} has the id {name}"),
            names => format!("no {many} have the ids {}", names.join(", ")),
        };
        if !suggestions.is_empty() {
            detail.push_str(&format!("; did you mean {}?", suggestions.join(" or ")));
        }
        ApiError::NotFound {
            detail,
            suggestions,
        }
    }

    /// A 422 for one field.
    pub fn invalid(field: impl AsRef<str>, message: impl Into<String>) -> Self {
        let error = FieldError::new(field, message);
        ApiError::Unprocessable {
            detail: format!("{}: {}", error.field, error.message),
            errors: vec![error],
        }
    }

    /// A 422 for a value outside a vocabulary, naming every valid one.
    pub fn unknown_value(field: impl AsRef<str>, error: &UnknownValue) -> Self {
        Self::invalid(field, error.to_string())
    }

    /// A 422 for a body with field errors.
    pub fn invalid_fields(errors: Vec<FieldError>) -> Self {
        let detail = match errors.len() {
            1 => format!("{}: {}", errors[0].field, errors[0].message),
            n => format!("the request has {n} invalid fields; see errors"),
        };
        ApiError::Unprocessable { detail, errors }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            ApiError::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad-request",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound { .. } => "not-found",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::RequestTimeout => "request-timeout",
            ApiError::PreconditionFailed(_) => "precondition-failed",
            ApiError::PayloadTooLarge { .. } => "payload-too-large",
            ApiError::UnsupportedMediaType(_) => "unsupported-media-type",
            ApiError::Unprocessable { .. } => "validation",
            ApiError::PreconditionRequired(_) => "precondition-required",
            ApiError::Unavailable { .. } => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// Logs the cause of a 5xx, once per request: whoever turns the error into a response
    /// (a problem document here, a page in the web function) calls this and nothing else
    /// logs it. A 503 is an outage the service answers as designed (WARN); a 500 is a fault
    /// to fix (ERROR). A 4xx is the client's and is not logged.
    pub fn report(&self) {
        match self {
            ApiError::Unavailable {
                retry_after_secs,
                cause,
            } => tracing::warn!(error = %cause, retry_after_secs, "store unavailable"),
            ApiError::Internal(cause) => tracing::error!(error = %cause, "request failed"),
            _ => {}
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable {
                retry_after_secs,
                source,
            } => ApiError::Unavailable {
                retry_after_secs,
                cause: source,
            },
            StoreError::PreconditionFailed {
                current: Some(version),
            } => ApiError::PreconditionFailed(format!(
                "the framework has changed; its current ETag is \"{version}\": GET it and retry"
            )),
            StoreError::PreconditionFailed { current: None } => ApiError::PreconditionFailed(
                "the framework does not exist (or no longer exists)".into(),
            ),
            error @ (StoreError::Corrupt(_) | StoreError::Failed(_)) => ApiError::internal(error),
        }
    }
}

impl From<SelectionError> for ApiError {
    fn from(error: SelectionError) -> Self {
        match error {
            SelectionError::Malformed(message) => ApiError::BadRequest(message),
            SelectionError::Invalid(field) => ApiError::invalid_fields(vec![field]),
        }
    }
}

impl From<CursorError> for ApiError {
    fn from(error: CursorError) -> Self {
        ApiError::BadRequest(error.to_string())
    }
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [FieldError]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestions: Option<&'a [String]>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.report();
        let status = self.status();
        let problem = Problem {
            kind: format!("https://stack-advisor.dev/problems/{}", self.kind()),
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail: self.to_string(),
            errors: match &self {
                ApiError::Unprocessable { errors, .. } => Some(errors),
                _ => None,
            },
            suggestions: match &self {
                ApiError::NotFound { suggestions, .. } if !suggestions.is_empty() => {
                    Some(suggestions)
                }
                _ => None,
            },
        };
        let body = html_safe_json(&problem);
        // A problem is about one request (its id, its body, the store's state at that moment):
        // a shared cache that kept a 404 would hide the framework an admin creates next.
        let mut response = (
            status,
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)),
                (header::CACHE_CONTROL, crate::freshness::NO_STORE),
            ],
            body,
        )
            .into_response();
        match &self {
            ApiError::Unavailable {
                retry_after_secs, ..
            } => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            // RFC 9110 §15.5.9: a 408 closes the connection; the rest of the body may never come.
            ApiError::RequestTimeout => {
                response
                    .headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            _ => {}
        }
        response
    }
}

/// A problem document with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026`:
/// the same JSON to every parser, but an echoed `<img src=x onerror=…>` never appears as
/// markup in the bytes, whatever a client or a proxy later does with them.
fn html_safe_json(problem: &Problem<'_>) -> Vec<u8> {
    let mut body = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut body, HtmlSafe);
    match problem.serialize(&mut serializer) {
        Ok(()) => body,
        Err(_) => Vec::new(),
    }
}

struct HtmlSafe;

impl serde_json::ser::Formatter for HtmlSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        for (at, byte) in bytes.iter().enumerate() {
            let escaped: &[u8] = match byte {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            writer.write_all(&bytes[start..at])?;
            writer.write_all(escaped)?;
            start = at + 1;
        }
        writer.write_all(&bytes[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_tag_is_never_markup_in_a_problem_document() {
        let error = ApiError::BadRequest("unknown topic '<img src=x>' & more".into());
        let response = error.into_response();
        let body = body_text(response);
        assert!(!body.contains('<') && !body.contains('>') && !body.contains('&'));
        let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(parsed["detail"], "unknown topic '<img src=x>' & more");
    }

    fn body_text(response: Response) -> String {
        let bytes = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}
