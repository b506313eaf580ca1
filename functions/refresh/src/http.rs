//! The one HTTPS client every adapter fetches through: a polite `User-Agent`, a timeout on
//! each request, conditional requests from the last answer's validators, and a cap on the
//! body so a registry answering garbage cannot exhaust the function's memory.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Limited};
use hyper::StatusCode;
use hyper::header::{
    ETAG, HeaderValue, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, USER_AGENT,
};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use model::facts::Validators;

/// Who is asking, and where to complain: registries ask clients to say both.
pub const USER_AGENT_VALUE: &str =
    "stack-advisor-refresh/0.1 (+https://github.com/stack-advisor; daily, one request per package)";

/// The largest document read: the full npm document of a busy package is a few megabytes.
const MAX_BODY: usize = 32 * 1024 * 1024;

/// Why a fetch failed. Every variant leaves the framework's last good facts in place.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("no answer from {url} within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("cannot reach {url}: {detail}")]
    Transport { url: String, detail: String },
    #[error("{url} answered {status}")]
    Status { url: String, status: u16 },
    #[error("{url} answered a document this adapter cannot read: {detail}")]
    Garbage { url: String, detail: String },
}

/// A successful answer.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`: what was read last time still holds.
    NotModified,
    Body {
        bytes: Bytes,
        validators: Validators,
    },
}

#[derive(Debug, Clone)]
pub struct Http {
    client: Client<HttpsConnector<HttpConnector>, Empty<Bytes>>,
    timeout: Duration,
}

impl Http {
    /// A client trusting the system's roots, speaking HTTPS to registries and plain HTTP to
    /// a fake one on this machine.
    pub fn new(timeout: Duration) -> std::io::Result<Self> {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_native_roots(rustls::crypto::ring::default_provider())?
            .https_or_http()
            .enable_http1()
            .build();
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(30))
            .build(connector);
        Ok(Self { client, timeout })
    }

    /// GET `url`, conditional on `previous` when given.
    pub async fn get(
        &self,
        url: &str,
        previous: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let transport = |detail: String| FetchError::Transport {
            url: url.to_owned(),
            detail,
        };
        let mut request = hyper::Request::get(url)
            .header(USER_AGENT, USER_AGENT_VALUE)
            .header(hyper::header::ACCEPT, "application/json, text/plain;q=0.9");
        if let Some(previous) = previous {
            if let Some(etag) = &previous.etag {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(modified) = &previous.last_modified {
                request = request.header(IF_MODIFIED_SINCE, modified);
            }
        }
        let request = request
            .body(Empty::new())
            .map_err(|error| transport(error.to_string()))?;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|error| transport(error.to_string()))?;
            let status = response.status();
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified);
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    url: url.to_owned(),
                    status: status.as_u16(),
                });
            }
            let header = |name| {
                response
                    .headers()
                    .get(name)
                    .and_then(|value: &HeaderValue| value.to_str().ok())
                    .map(str::to_owned)
            };
            let validators = Validators {
                etag: header(ETAG),
                last_modified: header(LAST_MODIFIED),
            };
            let bytes = Limited::new(response.into_body(), MAX_BODY)
                .collect()
                .await
                .map_err(|error| transport(error.to_string()))?
                .to_bytes();
            Ok(Fetched::Body { bytes, validators })
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(FetchError::Timeout {
                    url: url.to_owned(),
                    seconds: self.timeout.as_secs().max(1),
                })
            })
    }
}
