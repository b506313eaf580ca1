//! Entity tags and conditional GETs. A framework's ETag is its version (`"3"`), or, read with
//! its registry facts, the version and a tag of the facts (`"3.0123456789abcdef"`): both
//! serve `If-None-Match` on reads and `If-Match` on writes, which compares the version only
//! (a write replaces the framework, never its facts). Every other response's ETag is a hash
//! of its body.

use std::hash::{BuildHasher, Hasher};

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::Precondition;
use serde::Serialize;

use crate::freshness::Freshness;
use crate::problem::ApiError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ETag(String);

/// Any fixed value: it only has to be the same in every container.
const ETAG_SEED: u64 = 0x5ac4_ad71_5e70_e7a6;

impl ETag {
    /// The ETag of a versioned resource.
    pub fn version(version: u64) -> Self {
        Self(format!("\"{version}\""))
    }

    /// The ETag of a versioned resource shown with data that changes apart from it: the
    /// version, a dot, and the hex tag of that data.
    pub fn version_with(version: u64, tag: u64) -> Self {
        Self(format!("\"{version}.{tag:016x}\""))
    }

    /// The ETag of a representation: a 64-bit hash of its bytes. foldhash reads 16 bytes a
    /// step (a 35 KB document in about 2 µs, where a byte-at-a-time FNV took 35 µs). The seed
    /// is fixed, so every container running the same build tags the same body alike; a new
    /// build of foldhash may tag it differently, which costs clients one full response.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        let mut hasher = foldhash::fast::FixedState::with_seed(ETAG_SEED).build_hasher();
        hasher.write(bytes);
        let hash = hasher.finish();
        Self(format!("\"h{hash:016x}\""))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether an `If-None-Match` header names this tag (weak comparison, `*` matches all).
    pub fn matches_if_none_match(&self, headers: &HeaderMap) -> bool {
        headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(|tag| tag.trim().trim_start_matches("W/"))
            .any(|tag| tag == "*" || tag == self.0)
    }
}

/// The precondition of a `PUT`: create with `If-None-Match: *`, replace with `If-Match`
/// naming the version read. Neither is a 428: an unconditional write could lose an update.
pub fn write_precondition(headers: &HeaderMap) -> Result<Precondition, ApiError> {
    let if_none_match = single_header(headers, header::IF_NONE_MATCH)?;
    // Both at once is the mistake to report, whatever the If-Match names.
    if if_none_match.is_some() && headers.contains_key(header::IF_MATCH) {
        return Err(ApiError::BadRequest(
            "send If-None-Match: * to create or If-Match to replace, not both".into(),
        ));
    }
    match (if_none_match, if_match_version(headers)?) {
        (Some("*"), _) => Ok(Precondition::Absent),
        (Some(_), _) => Err(ApiError::BadRequest(
            "on a write, If-None-Match may only be '*' (create if absent)".into(),
        )),
        (None, Some(version)) => Ok(Precondition::Version(version)),
        (None, None) => Err(ApiError::PreconditionRequired(
            "send If-None-Match: * to create the framework, or If-Match with the ETag you read to replace it"
                .into(),
        )),
    }
}

/// The version an `If-Match` header names, `None` when absent: `"3"`, or `"3.<hex>"` as read
/// with the facts, whose tag a write does not compare. One strong tag only: a weak or
/// unknown tag can never match a version, so it fails the precondition (412).
pub fn if_match_version(headers: &HeaderMap) -> Result<Option<u64>, ApiError> {
    let Some(raw) = single_header(headers, header::IF_MATCH)? else {
        return Ok(None);
    };
    if raw == "*" {
        return Err(ApiError::BadRequest(
            "If-Match: * is not accepted; send the ETag you read, so a concurrent change is not overwritten"
                .into(),
        ));
    }
    if raw.contains(',') {
        return Err(ApiError::BadRequest(
            "If-Match must name exactly one ETag".into(),
        ));
    }
    raw.strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .and_then(|tag| match tag.split_once('.') {
            None => Some(tag),
            Some((version, facts)) => (!facts.is_empty()
                && facts.bytes().all(|b| b.is_ascii_hexdigit()))
            .then_some(version),
        })
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse::<u64>().ok())
        .map(Some)
        .ok_or_else(|| {
            ApiError::PreconditionFailed(format!(
                "If-Match {} names no version of this framework; GET it and send its ETag",
                model::echo(raw)
            ))
        })
}

/// A header that may appear at most once, trimmed; bytes outside visible ASCII and the space
/// (the published pattern of the condition headers) are a 400. `to_str` alone lets a tab in.
fn single_header(headers: &HeaderMap, name: header::HeaderName) -> Result<Option<&str>, ApiError> {
    let mut values = headers.get_all(&name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(ApiError::BadRequest(format!("send {name} once")));
    }
    first
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|value| value.bytes().all(|byte| (b' '..=b'~').contains(&byte)))
        .map(Some)
        .ok_or_else(|| ApiError::BadRequest(format!("{name} is not readable text")))
}

/// What a cacheable answer varies on besides its URL. The API's CORS headers are added by
/// API Gateway only when the request names an `Origin`, so a copy stored for a request
/// without one must not answer a browser's cross-origin read. No answer depends on
/// `Accept` or on anything else the client sends.
const VARY: HeaderValue = HeaderValue::from_static("origin");

/// `ETag`, `Cache-Control` and `Vary` of a cacheable answer (200 or 304).
pub fn cache_headers(headers: &mut HeaderMap, etag: &ETag, freshness: Freshness) {
    if let Ok(value) = HeaderValue::from_str(etag.as_str()) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(freshness.header()),
    );
    headers.insert(header::VARY, VARY);
}

/// A JSON 200 with `ETag` and `Cache-Control`, or a bodiless 304 when the client already
/// holds it. `etag` defaults to a hash of the body; a given `etag` that matches answers the
/// 304 without serialising the body at all.
pub fn conditional_json<T: Serialize + ?Sized>(
    request_headers: &HeaderMap,
    body: &T,
    etag: Option<ETag>,
    freshness: Freshness,
) -> Result<Response, ApiError> {
    if let Some(etag) = &etag
        && etag.matches_if_none_match(request_headers)
    {
        return Ok(not_modified(etag, freshness));
    }
    let bytes = json_bytes(body)
        .map_err(|error| ApiError::internal(format!("the response did not serialise: {error}")))?;
    let etag = etag.unwrap_or_else(|| ETag::of_bytes(&bytes));
    Ok(respond(
        request_headers,
        Bytes::from(bytes),
        &etag,
        freshness,
    ))
}

/// `body` as JSON. Most bodies here are 2–12 KB (a framework, a page, an answer): starting
/// the buffer at 4 KiB spares each response the first doublings of a growing `Vec` and the
/// copies they make.
pub fn json_bytes<T: Serialize + ?Sized>(body: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = Vec::with_capacity(4096);
    serde_json::to_writer(&mut bytes, body)?;
    Ok(bytes)
}

/// A JSON 200 of bytes put together by the caller (`body` runs only when the client does
/// not already hold `etag`), or a bodiless 304.
pub fn conditional_bytes(
    request_headers: &HeaderMap,
    etag: &ETag,
    freshness: Freshness,
    body: impl FnOnce() -> Vec<u8>,
) -> Response {
    if etag.matches_if_none_match(request_headers) {
        return not_modified(etag, freshness);
    }
    respond(request_headers, Bytes::from(body()), etag, freshness)
}

/// A JSON body serialised and tagged once, served many times (`GET /openapi.json`).
#[derive(Debug, Clone)]
pub struct PreparedJson {
    bytes: Bytes,
    etag: ETag,
}

impl PreparedJson {
    pub fn new<T: Serialize>(body: &T) -> Result<Self, serde_json::Error> {
        let bytes = serde_json::to_vec(body)?;
        Ok(Self {
            etag: ETag::of_bytes(&bytes),
            bytes: Bytes::from(bytes),
        })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn etag(&self) -> &ETag {
        &self.etag
    }

    /// The 200 or 304 for a request with these headers; the bytes are shared, not copied.
    pub fn respond(&self, request_headers: &HeaderMap, freshness: Freshness) -> Response {
        respond(request_headers, self.bytes.clone(), &self.etag, freshness)
    }
}

fn respond(
    request_headers: &HeaderMap,
    bytes: Bytes,
    etag: &ETag,
    freshness: Freshness,
) -> Response {
    if etag.matches_if_none_match(request_headers) {
        return not_modified(etag, freshness);
    }
    let mut response = ([(header::CONTENT_TYPE, "application/json")], bytes).into_response();
    cache_headers(response.headers_mut(), etag, freshness);
    response
}

fn not_modified(etag: &ETag, freshness: Freshness) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    cache_headers(response.headers_mut(), etag, freshness);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(if_none_match: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(if_none_match).unwrap(),
        );
        headers
    }

    #[test]
    fn a_matching_tag_answers_304_without_a_body() {
        let etag = ETag::version(3);
        let response = conditional_json(
            &headers("\"2\", W/\"3\""),
            &"x",
            Some(etag),
            Freshness::Catalog,
        )
        .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers()[header::ETAG], "\"3\"");
    }

    #[test]
    fn if_match_reads_the_version_of_a_tag_read_with_facts() {
        let tag = ETag::version_with(3, 0xab);
        assert_eq!(tag.as_str(), "\"3.00000000000000ab\"");
        let read = with(&[(header::IF_MATCH, tag.as_str())]);
        assert_eq!(if_match_version(&read).unwrap(), Some(3));
        for odd in ["\"3.\"", "\".ab\"", "\"3.xyz\"", "\"3.ab.cd\""] {
            let sent = with(&[(header::IF_MATCH, odd)]);
            assert!(
                matches!(
                    if_match_version(&sent),
                    Err(ApiError::PreconditionFailed(_))
                ),
                "{odd}"
            );
        }
    }

    fn with(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(name, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn write_preconditions_follow_the_headers() {
        use header::{IF_MATCH, IF_NONE_MATCH};
        let status = |pairs: &[(header::HeaderName, &str)]| {
            write_precondition(&with(pairs)).map_err(|error| error.status().as_u16())
        };
        assert_eq!(status(&[(IF_NONE_MATCH, "*")]), Ok(Precondition::Absent));
        assert_eq!(status(&[(IF_MATCH, "\"7\"")]), Ok(Precondition::Version(7)));
        assert_eq!(status(&[]), Err(428));
        assert_eq!(status(&[(IF_MATCH, "W/\"7\"")]), Err(412));
        assert_eq!(status(&[(IF_MATCH, "\"seven\"")]), Err(412));
        assert_eq!(status(&[(IF_MATCH, "*")]), Err(400));
        assert_eq!(status(&[(IF_MATCH, "\"1\", \"2\"")]), Err(400));
        assert_eq!(
            status(&[(IF_MATCH, "\"1\""), (IF_MATCH, "\"2\"")]),
            Err(400)
        );
        assert_eq!(status(&[(IF_NONE_MATCH, "\"1\"")]), Err(400));
        assert_eq!(
            status(&[(IF_NONE_MATCH, "*"), (IF_MATCH, "\"1\"")]),
            Err(400)
        );
    }

    /// Found by schemathesis with writes allowed: both conditions at once is the client's
    /// mistake (400) whatever the If-Match names, and an If-Match the published pattern
    /// refuses (a control character inside) is malformed (400), not a tag that fails (412).
    #[test]
    fn malformed_write_conditions_are_400_before_any_tag_is_compared() {
        use header::{IF_MATCH, IF_NONE_MATCH};
        let status = |pairs: &[(header::HeaderName, &str)]| {
            write_precondition(&with(pairs)).map_err(|error| error.status().as_u16())
        };
        assert_eq!(
            status(&[(IF_NONE_MATCH, "*"), (IF_MATCH, "Vy&Oh`]8")]),
            Err(400)
        );
        assert_eq!(status(&[(IF_MATCH, "'zx\tzu]A")]), Err(400));
        assert_eq!(
            if_match_version(&with(&[(IF_MATCH, "\"1\"\t")])).map_err(|e| e.status().as_u16()),
            Ok(Some(1)),
            "surrounding whitespace is not part of the value"
        );
        assert_eq!(status(&[(IF_NONE_MATCH, "*\t*")]), Err(400));
    }

    #[test]
    fn the_tag_changes_with_every_byte_and_only_with_the_body() {
        let body = br#"{"items":[{"id":"django","version":1}],"count":1}"#;
        let tag = ETag::of_bytes(body);
        assert_eq!(tag, ETag::of_bytes(body.as_slice()), "same body, same tag");
        for position in 0..body.len() {
            let mut changed = body.to_vec();
            changed[position] ^= 1;
            assert_ne!(ETag::of_bytes(&changed), tag, "byte {position} flipped");
        }
        assert_ne!(ETag::of_bytes(&body[..body.len() - 1]), tag, "shorter");
        assert!(tag.as_str().starts_with("\"h") && tag.as_str().len() == 19);
    }

    #[test]
    fn a_prepared_body_answers_200_then_304() {
        let prepared = PreparedJson::new(&serde_json::json!({"openapi": "3.1.0"})).unwrap();
        assert_eq!(prepared.bytes(), br#"{"openapi":"3.1.0"}"#);
        let first = prepared.respond(&HeaderMap::new(), Freshness::Reference);
        assert_eq!(first.status(), StatusCode::OK);
        let tag = first.headers()[header::ETAG].to_str().unwrap().to_owned();
        assert_eq!(tag, prepared.etag().as_str());
        let again = prepared.respond(&headers(&tag), Freshness::Reference);
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(
            again.headers()[header::CACHE_CONTROL],
            "public, max-age=300, stale-while-revalidate=60"
        );
    }

    /// What a CDN in front of the API reads: every cacheable answer is public, says how long a
    /// shared cache may keep it, and varies on `Origin` (CORS), in the 200 and the 304 alike.
    #[test]
    fn cacheable_answers_tell_a_shared_cache_how_long_and_on_what_they_vary() {
        for (freshness, expected) in [
            (
                Freshness::Catalog,
                "public, max-age=60, stale-while-revalidate=30",
            ),
            (
                Freshness::Reference,
                "public, max-age=300, stale-while-revalidate=60",
            ),
            (
                Freshness::Page,
                "public, max-age=0, s-maxage=60, stale-while-revalidate=30",
            ),
            (Freshness::Immutable, "public, max-age=31536000, immutable"),
        ] {
            let prepared = PreparedJson::new(&"x").unwrap();
            let first = prepared.respond(&HeaderMap::new(), freshness);
            let again = prepared.respond(&headers(prepared.etag().as_str()), freshness);
            for response in [first, again] {
                assert_eq!(response.headers()[header::CACHE_CONTROL], expected);
                assert_eq!(response.headers()[header::VARY], "origin");
                assert_eq!(response.headers()[header::ETAG], prepared.etag().as_str());
            }
        }
    }

    #[test]
    fn a_stale_tag_gets_the_body() {
        let response =
            conditional_json(&headers("\"nope\""), &"x", None, Freshness::Reference).unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "public, max-age=300, stale-while-revalidate=60"
        );
    }
}
