//! Extractors whose rejections are problem documents.
//!
//! - [`JsonBody`]: axum's `Json`, whose rejections (415, 400, 422, and 413 over the
//!   router's [`BODY_LIMIT`]) become problem documents through `From<JsonRejection>`.
//! - [`QueryParams`]: the raw query string, only known keys (400); a scalar at most once
//!   (400); lists of vocabulary values comma-separated, the key repeated, or both (422 listing
//!   valid ones).

use std::collections::BTreeMap;
use std::str::FromStr;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::request::Parts;
use model::{UnknownValue, echo};

use crate::problem::ApiError;

/// The largest body any endpoint accepts: 64 KiB, set on every router by
/// [`crate::router::finish`].
pub const BODY_LIMIT: usize = 64 * 1024;

/// A JSON request body parsed into `T`: `application/json` only (415), at most
/// [`BODY_LIMIT`] bytes (413), syntactically valid (400), then shaped like `T` (422).
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct JsonBody<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        // The serde message without axum's English prefix: what is wrong, and where.
        let cause = std::error::Error::source(&rejection)
            .map_or_else(|| rejection.body_text(), ToString::to_string);
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType(
                "send the body as JSON with Content-Type: application/json".into(),
            ),
            JsonRejection::JsonSyntaxError(_) => {
                ApiError::BadRequest(format!("the body is not valid JSON: {cause}"))
            }
            JsonRejection::JsonDataError(_) => ApiError::invalid("body", cause),
            other if other.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::PayloadTooLarge { limit: BODY_LIMIT }
            }
            other => {
                ApiError::BadRequest(format!("the body could not be read: {}", other.body_text()))
            }
        }
    }
}

/// The decoded query string: every value of each key, in the order sent.
#[derive(Debug, Default)]
pub struct QueryParams(BTreeMap<String, Vec<String>>);

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        QueryParams::parse(parts.uri.query().unwrap_or(""))
    }
}

impl QueryParams {
    pub fn parse(query: &str) -> Result<Self, ApiError> {
        let mut params: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if key.is_empty() {
                return Err(ApiError::BadRequest(
                    "the query string has a parameter without a name".into(),
                ));
            }
            params
                .entry(key.into_owned())
                .or_default()
                .push(value.into_owned());
        }
        Ok(Self(params))
    }

    /// Refuses parameters this endpoint does not know, so that a typo is not silently ignored.
    pub fn only(self, known: &[&str]) -> Result<Self, ApiError> {
        if let Some(unknown) = self.0.keys().find(|key| !known.contains(&key.as_str())) {
            return Err(ApiError::BadRequest(format!(
                "unknown query parameter '{}'; this endpoint accepts: {}",
                echo(unknown),
                known.join(", ")
            )));
        }
        Ok(self)
    }

    /// The raw value of a scalar `key`: given twice is a 400 (which one would win?), an
    /// empty value is a 400, absence is `None`.
    pub fn text(&self, key: &str) -> Result<Option<&str>, ApiError> {
        match self.0.get(key).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([value]) => non_empty(key, value).map(Some),
            Some(_) => Err(ApiError::BadRequest(format!(
                "query parameter '{key}' is given more than once; give it once"
            ))),
        }
    }

    /// Every value of a list `key` as one comma-separated text, in the order sent:
    /// `ids=a,b&ids=c` reads as `a,b,c`. Clients send lists either way (many generators
    /// repeat the key whatever the document's `explode` says), and a mix means the same.
    /// An empty value is a 400; absence is `None`.
    pub fn joined(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(values) = self.0.get(key).filter(|values| !values.is_empty()) else {
            return Ok(None);
        };
        let values = values
            .iter()
            .map(|value| non_empty(key, value))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(values.join(",")))
    }

    /// One vocabulary value, or `None` when absent.
    pub fn one<T: FromStr<Err = UnknownValue>>(&self, key: &str) -> Result<Option<T>, ApiError> {
        match self.text(key)? {
            None => Ok(None),
            Some(raw) => raw
                .parse()
                .map(Some)
                .map_err(|error| ApiError::unknown_value(key, &error)),
        }
    }

    /// A list of vocabulary values (see [`QueryParams::joined`]), duplicates removed, order kept.
    pub fn list<T: FromStr<Err = UnknownValue> + PartialEq>(
        &self,
        key: &str,
    ) -> Result<Vec<T>, ApiError> {
        let Some(raw) = self.joined(key)? else {
            return Ok(Vec::new());
        };
        let values = raw
            .split(',')
            .map(|item| {
                if item.trim().is_empty() {
                    return Err(ApiError::BadRequest(format!(
                        "query parameter '{key}' has an empty item"
                    )));
                }
                item.parse()
                    .map_err(|error| ApiError::unknown_value(key, &error))
            })
            .collect::<Result<Vec<T>, ApiError>>()?;
        Ok(model::lists::distinct(values))
    }

    /// A whole number within `range`: not a number is 400, out of range is 422.
    pub fn number(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<usize>,
    ) -> Result<Option<usize>, ApiError> {
        let Some(raw) = self.text(key)? else {
            return Ok(None);
        };
        let trimmed = raw.trim();
        let is_digits = !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit());
        if !is_digits {
            return Err(ApiError::BadRequest(format!(
                "query parameter '{key}' must be a whole number, not '{}'",
                echo(raw)
            )));
        }
        match trimmed.parse::<usize>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::invalid(
                key,
                format!("must be from {} to {}", range.start(), range.end()),
            )),
        }
    }
}

fn non_empty<'a>(key: &str, value: &'a str) -> Result<&'a str, ApiError> {
    if value.trim().is_empty() {
        return Err(ApiError::BadRequest(format!(
            "query parameter '{key}' is empty; omit it or give a value"
        )));
    }
    Ok(value)
}

/// The `{id}` segment of a path, as sent. Its rejection (percent-encoding that is not
/// UTF-8) is a problem document like every other; whether it names anything is the
/// handler's question.
#[derive(Debug)]
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(id)) => Ok(PathId(id)),
            // axum's text ("Invalid URL: Invalid UTF-8 in `id`") names its internals.
            Err(_) => Err(ApiError::BadRequest(
                "the id in the path is not percent-encoded UTF-8".into(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Language;

    #[test]
    fn a_scalar_given_twice_is_malformed() {
        let params = QueryParams::parse("sort=name&sort=performance&limit=1&limit=1").unwrap();
        for key in ["sort", "limit"] {
            assert!(matches!(params.text(key), Err(ApiError::BadRequest(_))));
        }
        assert!(matches!(
            params.one::<model::Sort>("sort"),
            Err(ApiError::BadRequest(_))
        ));
    }

    #[test]
    fn a_list_reads_the_same_comma_separated_repeated_or_mixed() {
        let expected = vec![Language::Python, Language::Go, Language::Rust];
        for query in [
            "language=python,go,rust",
            "language=python&language=go&language=rust",
            "language=python,go&language=rust",
            "language=python&language=go,rust&language=python",
        ] {
            let params = QueryParams::parse(query).unwrap();
            assert_eq!(
                params.list::<Language>("language").unwrap(),
                expected,
                "{query}"
            );
        }
        let params = QueryParams::parse("ids=django,fastapi&ids=gin").unwrap();
        assert_eq!(
            params.joined("ids").unwrap().as_deref(),
            Some("django,fastapi,gin")
        );
    }

    #[test]
    fn a_repeated_list_is_held_to_the_same_rules() {
        let params = QueryParams::parse("language=python&language=cobol").unwrap();
        assert!(matches!(
            params.list::<Language>("language"),
            Err(ApiError::Unprocessable { .. })
        ));
        for query in [
            "language=python&language=",
            "language=python&language=go,,rust",
        ] {
            let params = QueryParams::parse(query).unwrap();
            assert!(
                matches!(
                    params.list::<Language>("language"),
                    Err(ApiError::BadRequest(_))
                ),
                "{query}"
            );
        }
    }

    #[test]
    fn lists_parse_aliases_and_drop_duplicates() {
        let params = QueryParams::parse("language=node,js,golang").unwrap();
        assert_eq!(
            params.list::<Language>("language").unwrap(),
            vec![Language::Javascript, Language::Go]
        );
    }

    #[test]
    fn unknown_vocabulary_is_unprocessable_and_lists_valid_values() {
        let params = QueryParams::parse("language=cobol").unwrap();
        match params.list::<Language>("language").unwrap_err() {
            ApiError::Unprocessable { errors, .. } => assert!(errors[0].message.contains("python")),
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn numbers_distinguish_shape_from_range() {
        let params = QueryParams::parse("limit=abc&size=0&ok=5").unwrap();
        assert!(matches!(
            params.number("limit", 1..=100),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            params.number("size", 1..=100),
            Err(ApiError::Unprocessable { .. })
        ));
        assert_eq!(params.number("ok", 1..=100).unwrap(), Some(5));
    }

    #[test]
    fn unknown_and_empty_parameters_are_refused() {
        assert!(
            QueryParams::parse("colour=red")
                .unwrap()
                .only(&["language"])
                .is_err()
        );
        assert!(
            QueryParams::parse("language=")
                .unwrap()
                .text("language")
                .is_err()
        );
        assert!(QueryParams::parse("=x").is_err());
    }
}
