//! The local server's connection handling, with the limits a production HTTP server sets:
//! a client that sends half a header, a short body or nothing at all is disconnected, the
//! number of open connections is bounded, and a failing `accept` is logged, not hidden.
//! (`axum::serve` sets no timer, so hyper applies no header timeout, and it logs accept
//! errors only with axum's `tracing` feature.)

use std::convert::Infallible;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::http;
use axum::response::{IntoResponse, Response};
use edge::problem::ApiError;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tower::Service;

/// How long clients may take and how many may be connected at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest a client may take to send a request's head. hyper starts this clock when
    /// a connection opens and again each time a kept-alive connection goes idle after a
    /// response, so it is also the idle keep-alive timeout.
    pub header_read: Duration,
    /// The longest a request may take from its head to its answer, body read included; past
    /// it the client gets a 408 and the connection closes.
    pub request: Duration,
    /// Connections served at once; more wait in the kernel's listen backlog until one closes.
    pub max_connections: usize,
}

impl Default for Limits {
    /// hyper's own header timeout; Go's and nginx's body timeouts are of the same order; a
    /// connection bound below the usual 1,024-descriptor soft limit, with room for stdio,
    /// the listener and the store's sockets, so that `accept` does not fail in normal use.
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(30),
            request: Duration::from_secs(30),
            max_connections: 1_000,
        }
    }
}

/// What went wrong reading [`Limits`] from the environment.
#[derive(Debug, thiserror::Error)]
#[error("{name} must be a whole number{unit}, at least 1 (it is '{value}')")]
pub struct LimitsError {
    name: &'static str,
    unit: &'static str,
    value: String,
}

impl Limits {
    /// The defaults, each overridable by an environment variable: `HEADER_READ_TIMEOUT_MS`,
    /// `REQUEST_TIMEOUT_MS`, `MAX_CONNECTIONS`.
    pub fn from_env() -> Result<Self, LimitsError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, LimitsError> {
        let number = |name: &'static str, unit: &'static str| -> Result<Option<u64>, LimitsError> {
            lookup(name)
                .map(|value| match value.trim().parse::<u64>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => Err(LimitsError { name, unit, value }),
                })
                .transpose()
        };
        let defaults = Limits::default();
        Ok(Limits {
            header_read: number("HEADER_READ_TIMEOUT_MS", " of milliseconds")?
                .map_or(defaults.header_read, Duration::from_millis),
            request: number("REQUEST_TIMEOUT_MS", " of milliseconds")?
                .map_or(defaults.request, Duration::from_millis),
            max_connections: number("MAX_CONNECTIONS", "")?.map_or(defaults.max_connections, |n| {
                usize::try_from(n).map_or(Semaphore::MAX_PERMITS, |n| n.min(Semaphore::MAX_PERMITS))
            }),
        })
    }
}

/// How long to wait before accepting again after `accept` failed: at the descriptor limit
/// it fails at once until a connection closes, and retrying in a loop would burn a core.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(500);

/// Serves `router` on `listener` within `limits` until `shutdown` resolves, then lets the open
/// connections finish their requests.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let router = AnswerWithin {
        inner: router,
        limit: limits.request,
    };
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .keep_alive(true);
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    // Each connection holds a receiver: a send asks them to finish, and `closed` tells when
    // the last one has.
    let (stop, stopping) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = accept_within(&listener, &slots) => accepted,
            () = &mut shutdown => break,
        };
        let (stream, permit) = accepted;
        let service = TowerToHyperService::new(router.clone());
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            let _permit = permit;
            tokio::pin!(connection);
            let finished = tokio::select! {
                finished = connection.as_mut() => finished,
                _ = stopping.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(error) = finished {
                tracing::debug!(%error, "connection ended with an error");
            }
        });
    }
    drop(listener);
    drop(stopping);
    let _ = stop.send(true);
    stop.closed().await;
    Ok(())
}

/// Waits for a free connection slot, then for a connection. A failing `accept` is logged and
/// retried after a pause; the slot stays reserved for the next connection.
async fn accept_within(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> (tokio::net::TcpStream, OwnedSemaphorePermit) {
    let permit = match Arc::clone(slots).try_acquire_owned() {
        Ok(permit) => permit,
        Err(_) => {
            tracing::warn!(
                "every connection slot is taken; new connections wait in the listen backlog"
            );
            match Arc::clone(slots).acquire_owned().await {
                Ok(permit) => permit,
                // The semaphore is never closed; wait forever rather than serve unbounded.
                Err(_) => std::future::pending().await,
            }
        }
    };
    loop {
        match listener.accept().await {
            Ok((stream, _peer)) => return (stream, permit),
            // The client gave up between its SYN and our accept: nothing to do.
            Err(error) if is_peer_error(&error) => {
                tracing::debug!(%error, "accept: the peer went away");
            }
            Err(error) => {
                tracing::error!(
                    %error,
                    retry_in_ms = ACCEPT_BACKOFF.as_millis() as u64,
                    "accept failed; new clients wait until it succeeds \
                     (at the descriptor limit: raise `ulimit -n` or lower MAX_CONNECTIONS)"
                );
                tokio::time::sleep(ACCEPT_BACKOFF).await;
            }
        }
    }
}

fn is_peer_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// Answers 408 (and closes the connection) when the request, body read included, takes
/// longer than `limit`. A hand-written service, not `middleware::from_fn`, which on every
/// request clones the service it wraps into a new box (`Next`) and boxes its future too.
#[derive(Debug, Clone)]
struct AnswerWithin<S> {
    inner: S,
    limit: Duration,
}

impl<S, B> Service<http::Request<B>> for AnswerWithin<S>
where
    S: Service<http::Request<B>, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let answer = self.inner.call(request);
        let limit = self.limit;
        Box::pin(async move {
            match tokio::time::timeout(limit, answer).await {
                Ok(response) => response,
                Err(_elapsed) => {
                    tracing::info!(limit_ms = limit.as_millis() as u64, "request timed out");
                    Ok(ApiError::RequestTimeout.into_response())
                }
            }
        })
    }
}
