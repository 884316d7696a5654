//! The one error shape of the API: an HTTP status, a stable machine-readable reason and a
//! human message, plus typed details where a client needs them (the field, the privilege, the
//! close time…).
//!
//! ```json
//! {"error": {"code": 409, "status": "FAILED_PRECONDITION", "reason": "REOPEN_WINDOW_EXPIRED",
//!            "message": "…", "details": {"closeTime": "…", "reopenDeadline": "…"}}}
//! ```

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::types::Privilege;

crate::wire_enum! {
    /// Stable, machine-readable error reasons. Clients branch on these, never on messages.
    pub enum ErrorReason("error reason", other = Unknown) {
        /// A field or parameter is malformed or missing; `details.field` names it.
        InvalidArgument = "INVALID_ARGUMENT",
        /// No bearer token, or one that is unknown or revoked.
        Unauthenticated = "UNAUTHENTICATED",
        /// The user lacks a privilege; `details.privilege` names it.
        PrivilegeMissing = "PRIVILEGE_MISSING",
        /// The customer has not granted the reseller access to its account.
        CustomerAccessNotGranted = "CUSTOMER_ACCESS_NOT_GRANTED",
        /// The route is for support agents only.
        AgentOnly = "AGENT_ONLY",
        /// The route is for reseller users only.
        ResellerOnly = "RESELLER_ONLY",
        CustomerNotFound = "CUSTOMER_NOT_FOUND",
        CaseNotFound = "CASE_NOT_FOUND",
        AttachmentNotFound = "ATTACHMENT_NOT_FOUND",
        CategoryNotFound = "CATEGORY_NOT_FOUND",
        /// No such route.
        NotFound = "NOT_FOUND",
        /// The route exists but not with this method; the `Allow` header lists the methods.
        MethodNotAllowed = "METHOD_NOT_ALLOWED",
        /// A request body that is not JSON on a route that takes JSON.
        UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE",
        /// The request line (the URI) is longer than the server accepts.
        UriTooLong = "URI_TOO_LONG",
        /// The request's body stopped arriving for longer than the server waits.
        RequestTimeout = "REQUEST_TIMEOUT",
        /// The case is closed; reopen it first.
        CaseClosed = "CASE_CLOSED",
        /// Reopen asked for a case that is not closed.
        CaseNotClosed = "CASE_NOT_CLOSED",
        /// The case was closed more than 30 days ago; file a new case.
        ReopenWindowExpired = "REOPEN_WINDOW_EXPIRED",
        /// Escalation refused: the customer is not on the premium plan, the case is closed, or it is
        /// already escalated (`details.why`).
        EscalationNotAllowed = "ESCALATION_NOT_ALLOWED",
        /// A state change support agents may not make (e.g. to `closed` from the agent route).
        InvalidStateTransition = "INVALID_STATE_TRANSITION",
        /// The request id was used before with a different body.
        IdempotencyConflict = "IDEMPOTENCY_CONFLICT",
        /// The request or the attachment is larger than the server accepts (`details.limitBytes`).
        PayloadTooLarge = "PAYLOAD_TOO_LARGE",
        /// The uploaded bytes do not match the SHA-256 the client sent.
        ChecksumMismatch = "CHECKSUM_MISMATCH",
        RateLimited = "RATE_LIMITED",
        /// The server is shutting down or overloaded; retry later.
        Unavailable = "UNAVAILABLE",
        Internal = "INTERNAL",
        /// A reason this client does not know yet (a newer server).
        Unknown = "UNKNOWN",
    }
}

impl ErrorReason {
    /// The HTTP status the server answers with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorReason::InvalidArgument | ErrorReason::ChecksumMismatch => 400,
            ErrorReason::Unauthenticated => 401,
            ErrorReason::PrivilegeMissing
            | ErrorReason::CustomerAccessNotGranted
            | ErrorReason::AgentOnly
            | ErrorReason::ResellerOnly => 403,
            ErrorReason::CustomerNotFound
            | ErrorReason::CaseNotFound
            | ErrorReason::AttachmentNotFound
            | ErrorReason::CategoryNotFound
            | ErrorReason::NotFound => 404,
            ErrorReason::CaseClosed
            | ErrorReason::CaseNotClosed
            | ErrorReason::ReopenWindowExpired
            | ErrorReason::EscalationNotAllowed
            | ErrorReason::InvalidStateTransition
            | ErrorReason::IdempotencyConflict => 409,
            ErrorReason::PayloadTooLarge => 413,
            ErrorReason::MethodNotAllowed => 405,
            ErrorReason::UnsupportedMediaType => 415,
            ErrorReason::UriTooLong => 414,
            ErrorReason::RequestTimeout => 408,
            ErrorReason::RateLimited => 429,
            ErrorReason::Unavailable => 503,
            ErrorReason::Internal | ErrorReason::Unknown => 500,
        }
    }

    /// The canonical status name (as in Google APIs) for the HTTP status.
    pub fn status_name(self) -> &'static str {
        match self.http_status() {
            400 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            409 => "FAILED_PRECONDITION",
            405 => "UNIMPLEMENTED",
            408 => "DEADLINE_EXCEEDED",
            413 | 414 => "OUT_OF_RANGE",
            415 => "INVALID_ARGUMENT",
            429 => "RESOURCE_EXHAUSTED",
            503 => "UNAVAILABLE",
            _ => "INTERNAL",
        }
    }
}

/// Typed details of an error; every field is optional and present only where it applies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetails {
    /// The request field or parameter at fault (`INVALID_ARGUMENT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The privilege the user lacks (`PRIVILEGE_MISSING`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<Privilege>,
    /// The customer concerned (`CUSTOMER_ACCESS_NOT_GRANTED`, `ESCALATION_NOT_ALLOWED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// When the case was closed (`REOPEN_WINDOW_EXPIRED`, `ESCALATION_NOT_ALLOWED` of a closed case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub close_time: Option<Timestamp>,
    /// The last moment the case can be (or could have been) reopened (`REOPEN_WINDOW_EXPIRED`,
    /// `ESCALATION_NOT_ALLOWED` of a closed case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub reopen_deadline: Option<Timestamp>,
    /// Why an escalation was refused: `plan`, `closed` (it can still be reopened),
    /// `reopen-window-expired` (closed more than 30 days ago: only a new case helps) or
    /// `already-escalated`; `moved` on `CUSTOMER_NOT_FOUND` for a customer the domain filed
    /// cases for but that moved to another reseller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The size limit that was exceeded (`PAYLOAD_TOO_LARGE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_bytes: Option<u64>,
}

impl ErrorDetails {
    pub fn is_empty(&self) -> bool {
        *self == ErrorDetails::default()
    }
}

/// The `error` member of an error response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ErrorStatus {
    /// The HTTP status code.
    pub code: u16,
    /// The canonical status name, e.g. `NOT_FOUND`.
    pub status: String,
    pub reason: ErrorReason,
    /// A sentence for a human: what went wrong, with what value.
    pub message: String,
    #[serde(default, skip_serializing_if = "ErrorDetails::is_empty")]
    pub details: ErrorDetails,
}

/// Body of every error response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorStatus,
}

impl ErrorBody {
    pub fn new(reason: ErrorReason, message: impl Into<String>) -> Self {
        ErrorBody {
            error: ErrorStatus {
                code: reason.http_status(),
                status: reason.status_name().to_string(),
                reason,
                message: message.into(),
                details: ErrorDetails::default(),
            },
        }
    }

    pub fn with_details(mut self, details: ErrorDetails) -> Self {
        self.error.details = details;
        self
    }
}

/// An error the server answered with, as the client keeps it: the reason to branch on and the
/// server's message to show.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} ({reason})")]
pub struct ApiError {
    pub http_status: u16,
    pub reason: ErrorReason,
    pub message: String,
    pub details: ErrorDetails,
}

impl From<ErrorBody> for ApiError {
    fn from(body: ErrorBody) -> Self {
        ApiError {
            http_status: body.error.code,
            reason: body.error.reason,
            message: body.error.message,
            details: body.error.details,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_round_trips_with_reason_and_details() {
        let body = ErrorBody::new(ErrorReason::PrivilegeMissing, "missing cases.access")
            .with_details(ErrorDetails {
                privilege: Some(Privilege::CasesAccess),
                ..ErrorDetails::default()
            });
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["error"]["code"], 403);
        assert_eq!(json["error"]["reason"], "PRIVILEGE_MISSING");
        assert_eq!(json["error"]["details"]["privilege"], "cases.access");
        let back: ErrorBody = serde_json::from_value(json).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn unknown_reason_from_a_newer_server_still_parses() {
        let json = r#"{"error":{"code":418,"status":"X","reason":"BRAND_NEW","message":"m"}}"#;
        let body: ErrorBody = serde_json::from_str(json).unwrap();
        assert_eq!(body.error.reason, ErrorReason::Unknown);
    }

    #[test]
    fn empty_details_are_omitted() {
        let json = serde_json::to_value(ErrorBody::new(ErrorReason::CaseNotFound, "no")).unwrap();
        assert!(json["error"].get("details").is_none());
    }
}
