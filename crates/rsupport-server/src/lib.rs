//! rsupport-server: the reference support-case API (axum over SQLite).
//!
//! [`router`] builds every `/v1` route over an [`AppState`]; [`serve`] runs it on a listener
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
pub mod catalogue;
pub mod cli;
pub mod demo;
pub mod error;
pub mod handlers;
pub mod openapi;
pub mod rules;
pub mod store;
#[cfg(feature = "testing")]
pub mod testing;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::{IntoResponse as _, Response};
use rusqlite::Transaction;
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
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            dev_mode: false,
            max_attachment_bytes: DEFAULT_MAX_ATTACHMENT_BYTES,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
        }
    }
}

/// What every handler shares: the store and the configuration.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub config: Arc<ServerConfig>,
}

impl AppState {
    pub fn new(store: Store, config: ServerConfig) -> AppState {
        AppState {
            store: Arc::new(store),
            config: Arc::new(config),
        }
    }

    /// Runs blocking read work (one snapshot) off the async threads.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> ApiResult<T> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || store.read(f))
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
        F: FnOnce(&Transaction) -> ApiResult<T> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || store.write(f))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "write task failed");
                Failure::internal()
            })?
    }
}

/// Every route of the API (built with its OpenAPI description, see [`openapi`]), with the
/// error answers for unknown routes and methods, a timeout, and request logs.
pub fn router(state: AppState) -> Router {
    let (routes, _) = openapi::router_parts();
    routes
        .fallback(handlers::misc::no_route)
        .method_not_allowed_fallback(handlers::misc::no_method)
        // Bodies are limited where they are read: JSON bodies to MAX_JSON_BODY_BYTES, uploads
        // to the attachment limit.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            state.config.request_timeout,
            time_limit,
        ))
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
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
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
