//! rsupport-server: the reference support-case API (axum over SQLite).
//!
//! [`router`] builds every `/v1` route (and the Cloud Support API v2 surface,
//! [`handlers::v2`]) over an [`AppState`]; [`serve`] runs it on a listener
//! until a shutdown signal, finishing in-flight requests. The same two functions serve `dev`,
//! `serve` and the tests.
//!
//! Where things live: [`cli`] (the binary's commands), [`handlers`] (thin HTTP layer),
//! [`rules`] (the portal's rules as plain functions), [`store`] (all SQL and migrations),
//! [`auth`] (tokens), [`admin`] (operator commands), [`demo`] (the dev seed and its names),
//! [`catalogue`] (categories), [`openapi`] (the document, from the annotated handlers).
//!
//! Quick start:
//!
//! ```text
//! rsupport-server dev                          # seeded demo on 127.0.0.1:8765, prints logins
//! rsupport-server serve --db cases.sqlite      # a real server (empty database)
//! rsupport-server admin --db cases.sqlite domain add reseller.example.com
//! rsupport-server admin --db cases.sqlite user add ada@reseller.example.com
//! rsupport-server admin --db cases.sqlite customer add acme --name Acme \
//!     --domain reseller.example.com --plan premium
//! rsupport-server admin --db cases.sqlite token issue ada@reseller.example.com
//! rsupport-server openapi > docs/openapi.json  # regenerate the committed document
//! cargo bench -p rsupport-server --bench server_load              # load figures with 100,000 cases
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod admin;
pub mod auth;
pub mod bench_data;
pub mod catalogue;
pub mod cli;
pub mod demo;
pub mod dev_oauth;
pub mod error;
pub mod handlers;
pub mod openapi;
mod parse_errors;
pub mod rules;
pub mod store;
#[cfg(feature = "testing")]
pub mod testing;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::store::Tx;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::{IntoResponse as _, Response};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::error::{ApiResult, Failure};
use crate::store::Store;

/// Default per-file attachment limit: 25 MiB.
pub const DEFAULT_MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;
/// Limit of a JSON request body.
pub const MAX_JSON_BODY_BYTES: usize = 1024 * 1024;
/// Default time limit of a request: one that takes longer is abandoned with `UNAVAILABLE`
/// (uploads included).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// How a server instance behaves.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Dev mode honours the clock offset set by `admin clock advance`.
    pub dev_mode: bool,
    pub max_attachment_bytes: u64,
    pub request_timeout: Duration,
    /// How long a client has to send a request's line and headers, counted from when the
    /// server starts waiting for them (a new connection, or the end of the previous response):
    /// slow or idle clients are closed after it.
    pub header_timeout: Duration,
    /// How long a connection may stay silent (nothing read, nothing written) before it is
    /// closed: a stalled upload or a client that stops reading a download.
    pub idle_timeout: Duration,
    /// How many connections are served at once; more wait in the kernel's queue.
    pub max_connections: usize,
    /// How many uploads are received at once; more wait their turn.
    pub max_concurrent_uploads: usize,
    /// The most items one page of a `/v2` list holds: a larger `pageSize` is served as this
    /// many, with a `nextPageToken` (as Google coerces page sizes past its maximum).
    pub v2_max_page_size: u32,
}

/// Default largest page of a `/v2` list.
pub const DEFAULT_V2_MAX_PAGE_SIZE: u32 = 100;

/// Default time to send a request's head.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Default silence after which a connection is closed.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// Default number of connections served at once.
pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;
/// Default number of uploads received at once.
pub const DEFAULT_MAX_CONCURRENT_UPLOADS: usize = 8;

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            dev_mode: false,
            max_attachment_bytes: DEFAULT_MAX_ATTACHMENT_BYTES,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            max_concurrent_uploads: DEFAULT_MAX_CONCURRENT_UPLOADS,
            v2_max_page_size: DEFAULT_V2_MAX_PAGE_SIZE,
        }
    }
}

/// What every handler shares: the store, the configuration, and the upload permits.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub config: Arc<ServerConfig>,
    /// One permit per upload received at once ([`ServerConfig::max_concurrent_uploads`]).
    pub uploads: Arc<tokio::sync::Semaphore>,
    /// Bumped after every committed write of this process: what long-polls on a case's
    /// events wait on ([`handlers::events`]).
    pub writes: Arc<tokio::sync::watch::Sender<u64>>,
    /// Set when the server shuts down: long-polls answer at once.
    pub closing: Arc<tokio::sync::watch::Sender<bool>>,
    /// The service accounts whose JWT-bearer grants the dev token endpoint accepts (none
    /// unless `dev` registered one).
    pub dev_accounts: Arc<dev_oauth::DevAccounts>,
}

impl AppState {
    pub fn new(store: Store, config: ServerConfig) -> AppState {
        AppState {
            store: Arc::new(store),
            uploads: Arc::new(tokio::sync::Semaphore::new(
                config.max_concurrent_uploads.max(1),
            )),
            config: Arc::new(config),
            writes: Arc::new(tokio::sync::watch::Sender::new(0)),
            closing: Arc::new(tokio::sync::watch::Sender::new(false)),
            dev_accounts: Arc::new(dev_oauth::DevAccounts::default()),
        }
    }

    /// Runs blocking reads that need no common snapshot (each statement sees the latest
    /// commit) off the async threads: a request's token ([`Store::lookup`]).
    pub async fn lookup<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Tx) -> ApiResult<T> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || store::run_blocking(|| store.lookup(f)))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "lookup task failed");
                Failure::internal()
            })?
    }

    /// Runs blocking read work (one snapshot) off the async threads.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Tx) -> ApiResult<T> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || store::run_blocking(|| store.read(f)))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "read task failed");
                Failure::internal()
            })?
    }

    /// Runs blocking write work in one serialised `BEGIN IMMEDIATE` transaction.
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Tx) -> ApiResult<T> + Send + 'static,
    {
        let store = self.store.clone();
        let written = tokio::task::spawn_blocking(move || store::run_blocking(|| store.write(f)))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "write task failed");
                Failure::internal()
            })?;
        if written.is_ok() {
            self.writes.send_modify(|n| *n = n.wrapping_add(1));
        }
        written
    }

    /// [`AppState::write`], or with `validate_only` the same work rolled back at the end: the
    /// real call's checks and answer, nothing changed (the `validateOnly` of every write).
    pub async fn write_or_validate<T, F>(&self, validate_only: bool, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Tx) -> ApiResult<T> + Send + 'static,
    {
        if !validate_only {
            return self.write(f).await;
        }
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || store::run_blocking(|| store.rehearse(f)))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "validation task failed");
                Failure::internal()
            })?
    }
}

/// Every route of the API (built with its OpenAPI description, see [`openapi`]), with the
/// error answers for unknown routes and methods, a timeout, and request logs.
pub fn router(state: AppState) -> Router {
    let (routes, _) = openapi::router_parts();
    routes
        // the Cloud Support API v2 surface, outside the /v1 document
        .merge(handlers::v2::routes())
        .fallback(handlers::misc::no_route)
        .method_not_allowed_fallback(handlers::misc::no_method)
        // Bodies are limited where they are read: JSON bodies to MAX_JSON_BODY_BYTES, uploads
        // to the attachment limit.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            state.config.request_timeout,
            time_limit,
        ))
        .layer(axum::middleware::from_fn(uri_limit))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &axum::http::Request<axum::body::Body>| {
                    // Method and path only: headers (and so tokens) are never logged.
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(state)
}

/// The longest request target (path and query) the API reads; a longer one answers
/// `URI_TOO_LONG` in the API's error shape. (The HTTP parser's own limit, far above it, only
/// meets request lines no client of the API sends.)
pub const MAX_URI_BYTES: usize = 8 * 1024;

async fn uri_limit(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if length > MAX_URI_BYTES {
        return Failure::new(
            rsupport_api::error::ErrorReason::UriTooLong,
            format!(
                "the request target is {length} bytes long; this server reads at most {MAX_URI_BYTES}: shorten the query"
            ),
        )
        .into_response();
    }
    next.run(request).await
}

/// Answers `UNAVAILABLE` for a request that runs longer than the configured limit.
async fn time_limit(
    axum::extract::State(limit): axum::extract::State<Duration>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Failure::new(
            rsupport_api::error::ErrorReason::Unavailable,
            format!(
                "the request took longer than {} s and was abandoned; retry it (creates are idempotent with the same requestId)",
                limit.as_secs()
            ),
        )
        .into_response(),
    }
}

/// Serves the API on `listener` until `shutdown` completes, then lets in-flight requests finish.
///
/// Each connection gets [`ServerConfig::header_timeout`] for every request's head and
/// [`ServerConfig::idle_timeout`] of silence, and at most [`ServerConfig::max_connections`] are
/// served at once: thousands of slow clients neither hold memory for ever nor keep a normal
/// request waiting past the header timeout.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;

    let config = state.config.clone();
    let closing = state.closing.clone();
    let app = router(state);
    let permits = Arc::new(tokio::sync::Semaphore::new(config.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let mut io = tokio_io_timeout::TimeoutStream::new(stream);
        io.set_read_timeout(Some(config.idle_timeout));
        io.set_write_timeout(Some(config.idle_timeout));
        let connection = http.serve_connection(
            TokioIo::new(parse_errors::ErrorShaped::new(Box::pin(io))),
            TowerToHyperService::new(app.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection closed");
            }
            drop(permit);
        });
    }
    drop(listener);
    closing.send_replace(true);
    graceful.shutdown().await;
    Ok(())
}

/// Raises this process's limit of open files to `wanted` (or as far as the hard limit allows)
/// so that `wanted` connections can be served; answers the limit now in force.
pub fn raise_open_file_limit(wanted: u64) -> u64 {
    match rlimit::increase_nofile_limit(wanted) {
        Ok(limit) => limit,
        Err(error) => {
            tracing::warn!(%error, "cannot raise the limit of open files");
            rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(1024, |(soft, _)| soft)
        }
    }
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt as _;

    #[tokio::test]
    async fn a_request_over_the_time_limit_is_abandoned_as_unavailable() {
        let slow = Router::new()
            .route(
                "/slow",
                axum::routing::get(|| async {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                    "late"
                }),
            )
            .layer(axum::middleware::from_fn_with_state(
                Duration::from_millis(20),
                time_limit,
            ));
        let request = axum::http::Request::get("/slow")
            .body(axum::body::Body::empty())
            .unwrap();
        let response = slow.oneshot(request).await.unwrap();
        assert_eq!(response.status(), 503);
        let bytes = axum::body::to_bytes(response.into_body(), 10_000)
            .await
            .unwrap();
        let body: rsupport_api::error::ErrorBody = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            body.error.reason,
            rsupport_api::error::ErrorReason::Unavailable
        );
    }
}
