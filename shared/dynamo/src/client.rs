//! The DynamoDB client: built once per process (once per Lambda container) with timeouts and
//! retries chosen for a request path that API Gateway gives at most 30 seconds.

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::environment::EnvironmentVariableCredentialsProvider;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::{Credentials, Region, SharedHttpClient};
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};

/// How long to wait and how often to retry.
///
/// The defaults are sized for DynamoDB inside the same region, where a healthy call takes a
/// few milliseconds:
/// - `connect` 1 s: a TCP + TLS handshake to a regional endpoint that takes longer means
///   the path is broken; failing fast leaves time for a retry on a fresh connection.
/// - `attempt` 1 s: one GetItem/Query/PutItem page is small (under 1 MB), so an attempt that
///   has not answered within a second is stuck, not slow.
/// - `operation` 4 s: the whole call, retries and back-off included. Well under the
///   function timeout, so the handler always gets the chance to answer 503 (or serve its
///   cache) instead of being killed mid-request.
/// - standard retry mode, 3 attempts, 50 ms initial back-off (jittered, exponential): rides
///   out a throttled burst or a dropped connection; more attempts would only hold a
///   request that is going to fail anyway. The standard mode's token bucket also stops a
///   container from hammering a struggling table with retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    pub connect: Duration,
    pub attempt: Duration,
    pub operation: Duration,
    pub max_attempts: u32,
    pub initial_backoff: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(1),
            attempt: Duration::from_secs(1),
            operation: Duration::from_secs(4),
            max_attempts: 3,
            initial_backoff: Duration::from_millis(50),
        }
    }
}

impl Tuning {
    /// For a DynamoDB-compatible server on this machine: moto in the tests, and through
    /// `AWS_ENDPOINT_URL` for `make run-dynamodb` and `make test-artifacts`. Such a server is
    /// no regional endpoint: moto answers a whole-catalog Query in 1–2 s on a busy 2-core
    /// machine (a whole-table Scan of the facts took over 2 s in a CI rehearsal), so a short
    /// attempt would turn a slow answer into a 503. A refused connection is still known at
    /// once.
    pub fn loopback() -> Self {
        Self {
            connect: Duration::from_millis(300),
            attempt: Duration::from_secs(10),
            operation: Duration::from_secs(20),
            max_attempts: 2,
            initial_backoff: Duration::from_millis(20),
        }
    }

    /// `regional` for DynamoDB itself, [`Tuning::loopback`] when the environment points the
    /// SDK at a server on this machine.
    pub fn for_env(regional: Self) -> Self {
        if endpoint_from_env().as_deref().is_some_and(is_loopback_url) {
            Self::loopback()
        } else {
            regional
        }
    }

    fn timeouts(&self) -> TimeoutConfig {
        TimeoutConfig::builder()
            .connect_timeout(self.connect)
            .operation_attempt_timeout(self.attempt)
            .operation_timeout(self.operation)
            .build()
    }

    fn retries(&self) -> RetryConfig {
        RetryConfig::standard()
            .with_max_attempts(self.max_attempts)
            .with_initial_backoff(self.initial_backoff)
    }
}

/// The DynamoDB endpoint the environment names, as the SDK reads it: the service-specific
/// `AWS_ENDPOINT_URL_DYNAMODB` first, then `AWS_ENDPOINT_URL`; an empty value names none.
fn endpoint_from_env() -> Option<String> {
    std::env::var("AWS_ENDPOINT_URL_DYNAMODB")
        .or_else(|_| std::env::var("AWS_ENDPOINT_URL"))
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// Whether `url` names a host on the loopback interface (`localhost`, 127.0.0.0/8, `[::1]`).
fn is_loopback_url(url: &str) -> bool {
    let authority = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_and_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or(""),
        None => host_and_port.split(':').next().unwrap_or(""),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The client the functions use, in Lambda and in the local server: region, credentials and
/// endpoint from the process environment only (`AWS_REGION` or `AWS_DEFAULT_REGION`,
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, `AWS_ENDPOINT_URL_DYNAMODB`
/// or `AWS_ENDPOINT_URL`).
///
/// Lambda hands a function its role's credentials and its region in exactly those variables.
/// aws-config's default chain (profile files, SSO, IMDS, container and web-identity providers,
/// with an STS client) can never apply there, yet linking it costs every zip a second SDK and
/// start-up reads of files that are not there; [`from_env`] keeps it for the deployer's tools.
pub fn from_process_env(tuning: Tuning) -> Result<Client, MissingRegion> {
    let region = std::env::var("AWS_REGION")
        .or_else(|_| std::env::var("AWS_DEFAULT_REGION"))
        .ok()
        .filter(|region| !region.trim().is_empty())
        .ok_or(MissingRegion)?;
    let endpoint = endpoint_from_env();
    let trust = Trust::for_endpoint(endpoint.as_deref(), &region);
    let mut config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region))
        .credentials_provider(EnvironmentVariableCredentialsProvider::new())
        .http_client(https(trust))
        .timeout_config(tuning.timeouts())
        .retry_config(tuning.retries());
    config.set_endpoint_url(endpoint);
    Ok(Client::from_conf(config.build()))
}

/// The HTTPS client every DynamoDB client here is given: hyper 1 with rustls on ring. The
/// SDK's default client is the same stack on aws-lc, whose C library added 0.7 MB to each
/// function binary; ring does the same handshake in fewer bytes, and after it a kept-alive
/// connection's cost is the network, not the cipher.
fn https(trust: Trust) -> SharedHttpClient {
    let builder = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring));
    let roots = match trust {
        Trust::System => return builder.build_https(),
        Trust::AmazonTrustServices => tls::TrustStore::empty()
            .with_native_roots(false)
            .with_pem_certificate(AMAZON_TRUST_SERVICES_PEM.as_bytes()),
        Trust::NoCertificates => tls::TrustStore::empty().with_native_roots(false),
    };
    let context = tls::TlsContext::builder()
        .with_trust_store(roots)
        .build()
        // The builder only fails on a server-name list, and none is given.
        .unwrap_or_default();
    builder.tls_context(context).build_https()
}

/// Which certificate authorities a client trusts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trust {
    /// The system's roots: any endpoint a deployer or a test may name.
    System,
    /// The five Amazon Trust Services roots that every AWS service endpoint chains to. Reading
    /// and parsing the system's roots (a bundle and a directory of about 140 certificates) was
    /// most of a DynamoDB-backed function's start-up, and for DynamoDB's own endpoints only
    /// these five can ever verify.
    AmazonTrustServices,
    /// None: the endpoint is plain HTTP (a DynamoDB-compatible server on this machine), so no
    /// handshake ever happens and no certificate is worth reading.
    NoCertificates,
}

impl Trust {
    /// Amazon's roots for DynamoDB's regional endpoints; none for a plain-HTTP endpoint; the
    /// system's for any other named endpoint (whatever its issuer) and for the China regions,
    /// which AWS runs apart.
    fn for_endpoint(endpoint: Option<&str>, region: &str) -> Self {
        let plain_http = |url: &str| {
            url.get(..7)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"))
        };
        match endpoint {
            Some(url) if plain_http(url) => Trust::NoCertificates,
            Some(_) => Trust::System,
            None if region.starts_with("cn-") => Trust::System,
            None => Trust::AmazonTrustServices,
        }
    }
}

/// Amazon Root CA 1–4 and Starfield Services Root CA G2, from amazontrust.com's repository.
const AMAZON_TRUST_SERVICES_PEM: &str = include_str!("amazon-trust-services.pem");

/// Neither `AWS_REGION` nor `AWS_DEFAULT_REGION` is set: every call would fail, so start-up does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("set AWS_REGION (Lambda sets it) to name the DynamoDB region")]
pub struct MissingRegion;

/// A client configured the way the AWS CLI is, through aws-config's default chain (profiles,
/// SSO-less, IMDS, web identity): for `seed`, which runs from a deployer's shell.
pub async fn from_env(tuning: Tuning) -> Client {
    let shared = aws_config::defaults(BehaviorVersion::latest())
        .http_client(https(Trust::System))
        .timeout_config(tuning.timeouts())
        .retry_config(tuning.retries())
        .load()
        .await;
    Client::new(&shared)
}

/// A client for a DynamoDB-compatible server at `endpoint`, with fixed dummy credentials:
/// what the tests use, since several servers run at once in one test process.
pub async fn local(endpoint: &str, tuning: Tuning) -> Client {
    let shared = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("test", "test", None, None, "static"))
        .endpoint_url(endpoint)
        .http_client(https(Trust::for_endpoint(Some(endpoint), "us-east-1")))
        .timeout_config(tuning.timeouts())
        .retry_config(tuning.retries())
        .load()
        .await;
    Client::new(&shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_dynamodb_trusts_amazon_plain_http_nothing_and_other_endpoints_the_system() {
        assert_eq!(
            Trust::for_endpoint(None, "eu-west-1"),
            Trust::AmazonTrustServices
        );
        assert_eq!(
            Trust::for_endpoint(Some("https://ddb.example.com"), "eu-west-1"),
            Trust::System
        );
        assert_eq!(Trust::for_endpoint(None, "cn-north-1"), Trust::System);
        assert_eq!(
            Trust::for_endpoint(Some("HTTP://127.0.0.1:8000"), "eu-west-1"),
            Trust::NoCertificates
        );
    }

    #[test]
    fn a_client_builds_with_the_amazon_roots() {
        // The SDK parses the roots while it builds the client, and panics on one it cannot.
        assert_eq!(
            AMAZON_TRUST_SERVICES_PEM
                .matches("BEGIN CERTIFICATE")
                .count(),
            5
        );
        let config = aws_sdk_dynamodb::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("eu-west-1"))
            .credentials_provider(Credentials::new("test", "test", None, None, "static"))
            .http_client(https(Trust::AmazonTrustServices))
            .build();
        let _client = Client::from_conf(config);
    }

    #[test]
    fn loopback_endpoints_are_recognised() {
        for url in [
            "http://127.0.0.1:8000",
            "http://localhost:8000/",
            "http://127.0.0.2",
            "http://[::1]:8000",
            "http://user@LOCALHOST:1",
        ] {
            assert!(is_loopback_url(url), "{url}");
        }
    }

    #[test]
    fn other_endpoints_are_not() {
        for url in [
            "https://dynamodb.eu-west-1.amazonaws.com",
            "http://10.0.0.5:8000",
            "http://localhost.example.com",
            "http://127.0.0.1.nip.io",
            "",
        ] {
            assert!(!is_loopback_url(url), "{url}");
        }
    }
}
