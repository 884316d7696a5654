//! The server side of the one error shape: a failure carries an [`ErrorBody`] and answers with
//! its HTTP status.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::store::StoreError;
use rsupport_api::error::{ErrorBody, ErrorDetails, ErrorReason};
use rsupport_api::types::Privilege;

/// A request that failed, with the reason and message the client gets (boxed: it is large and
/// travels through every `Result`).
#[derive(Debug, Clone, PartialEq)]
pub struct Failure(pub Box<ErrorBody>);

pub type ApiResult<T> = Result<T, Failure>;

impl Failure {
    pub fn new(reason: ErrorReason, message: impl Into<String>) -> Failure {
        Failure(Box::new(ErrorBody::new(reason, message)))
    }

    pub fn with(mut self, f: impl FnOnce(&mut ErrorDetails)) -> Failure {
        f(&mut self.0.error.details);
        self
    }

    pub fn reason(&self) -> ErrorReason {
        self.0.error.reason
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Failure {
        Failure::new(ErrorReason::InvalidArgument, message).with(|d| d.field = Some(field.into()))
    }

    /// A request body that could not be read to its end: `REQUEST_TIMEOUT` (408) when the
    /// connection's idle timeout cut it (a stalled client), else `INVALID_ARGUMENT` on `body`.
    /// `what` names the body ("the upload", "the request body").
    pub fn body_unreadable(what: &str, error: &(dyn std::error::Error + 'static)) -> Failure {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = source {
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
            {
                return Failure::new(
                    ErrorReason::RequestTimeout,
                    format!(
                        "{what} stopped arriving for longer than this server waits; send it again"
                    ),
                );
            }
            source = e.source();
        }
        Failure::invalid("body", format!("{what} was interrupted: {error}"))
    }

    pub fn privilege_missing(privilege: Privilege, what: &str) -> Failure {
        Failure::new(
            ErrorReason::PrivilegeMissing,
            format!(
                "your user lacks the '{privilege}' privilege needed to {what}; ask a reseller admin of your domain to grant it"
            ),
        )
        .with(|d| d.privilege = Some(privilege))
    }

    pub fn case_not_found(id: impl std::fmt::Display) -> Failure {
        Failure::new(
            ErrorReason::CaseNotFound,
            format!("case {id} was not found among the cases filed by your domain"),
        )
    }

    pub fn customer_not_found(id: &str) -> Failure {
        Failure::new(
            ErrorReason::CustomerNotFound,
            format!(
                "customer '{id}' was not found among the customers your domain manages; list them with `rsupport customer list`"
            ),
        )
    }

    /// A customer the domain filed cases for but no longer manages (`details.why` = `moved`).
    pub fn customer_moved(id: &str) -> Failure {
        Failure::new(
            ErrorReason::CustomerNotFound,
            format!(
                "customer '{id}' moved to another reseller: your domain no longer manages it, so it cannot file new cases for it; the cases it filed before the move stay yours (`rsupport case list --customer {id}`)"
            ),
        )
        .with(|d| {
            d.customer = Some(id.to_string());
            d.why = Some("moved".to_string());
        })
    }

    pub fn internal() -> Failure {
        Failure::new(
            ErrorReason::Internal,
            "the server failed to handle the request; it has been logged, retry later",
        )
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        tracing::error!(error = %e, "database failure");
        Failure::internal()
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.error.code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(*self.0)).into_response()
    }
}
