//! How a request failed, as a typed error: the API's own error, no connection, no answer in
//! time, an answer that is not the API's, or a local file that could not be read or written.
//! It knows nothing of exit codes or of what the user should do next: the CLI adds those.

use std::time::Duration;

use reqwest::Method;
use rsupport_api::error::{ApiError, ErrorDetails, ErrorReason};

/// How a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server answered with the API's error shape.
    #[error("{error}")]
    Api {
        error: Box<ApiError>,
        method: Method,
        url: String,
        /// The reseller domain the client acts for, when it knows it.
        domain: Option<String>,
    },
    /// No TCP connection (refused, DNS, TLS) or the connection dropped mid-answer.
    #[error("cannot reach the server at {endpoint} ({method} {url}): {detail}")]
    Unreachable {
        endpoint: String,
        method: Method,
        url: String,
        detail: String,
    },
    /// The server took the connection, then closed it while the upload's body was being sent,
    /// before answering: it may have refused the file (too large for it), or the connection
    /// broke. Not "unreachable": the server was reached.
    #[error(
        "the server at {endpoint} closed the connection after {sent} of the file's {size} bytes were sent, without an answer (it may not take files this large, or the connection broke): {detail}"
    )]
    UploadCut {
        endpoint: String,
        sent: u64,
        size: u64,
        detail: String,
    },
    /// No answer in time.
    #[error("the server at {endpoint} did not answer in time ({method} {url}, limit {limit:?})")]
    Timeout {
        endpoint: String,
        method: Method,
        url: String,
        limit: Duration,
    },
    /// An answer that is not the API's (HTML, garbage, a JSON shape we do not know).
    #[error("unexpected response from {url}: HTTP {status}{}", excerpt_suffix(.excerpt))]
    Unexpected {
        url: String,
        status: u16,
        excerpt: String,
    },
    /// The endpoint is not a usable `http(s)://` URL.
    #[error("invalid endpoint '{endpoint}': {why}")]
    InvalidEndpoint { endpoint: String, why: String },
    /// A local file could not be read for an upload.
    #[error("cannot read '{path}': {source}")]
    ReadFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The provider's API has no equivalent of what was asked (the `google` provider: reopen,
    /// read markers, `--dry-run` of a write, waiting on events).
    #[error("{what} is not possible with the Google Cloud Support API: {why}")]
    Unsupported { what: String, why: String },
    /// No access token could be had for the credential (the token endpoint refused it, or
    /// could not be reached).
    #[error("cannot sign in with the Google credential: {detail}")]
    Credentials { detail: String },
    /// Downloaded bytes could not be written out.
    #[error("cannot write the download: {source}")]
    Write {
        #[source]
        source: std::io::Error,
    },
}

fn excerpt_suffix(excerpt: &str) -> String {
    if excerpt.is_empty() {
        String::new()
    } else {
        format!(" (body starts with: {excerpt})")
    }
}

impl ClientError {
    /// The API error, when the server answered with one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            ClientError::Api { error, .. } => Some(&**error),
            _ => None,
        }
    }

    /// The API error reason, when the server answered with one.
    pub fn reason(&self) -> Option<ErrorReason> {
        self.api().map(|e| e.reason)
    }

    /// An error the client decides itself, in the shape of the API's (so it maps onto the
    /// same exit codes): `status` and `reason`, `field` when one is at fault.
    pub fn local(
        status: u16,
        reason: ErrorReason,
        field: Option<&str>,
        message: String,
        domain: Option<String>,
    ) -> ClientError {
        ClientError::Api {
            error: Box::new(ApiError {
                http_status: status,
                reason,
                message,
                details: ErrorDetails {
                    field: field.map(str::to_string),
                    ..ErrorDetails::default()
                },
            }),
            method: Method::GET,
            url: String::new(),
            domain,
        }
    }

    /// [`ClientError::local`]: 400 `InvalidArgument` naming `field`.
    pub fn invalid_argument(field: &str, message: String) -> ClientError {
        ClientError::local(
            400,
            ErrorReason::InvalidArgument,
            Some(field),
            message,
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unexpected_response_names_url_and_status() {
        let err = ClientError::Unexpected {
            url: "http://127.0.0.1:1/v1/cases".into(),
            status: 502,
            excerpt: "<html>".into(),
        };
        assert_eq!(
            err.to_string(),
            "unexpected response from http://127.0.0.1:1/v1/cases: HTTP 502 (body starts with: <html>)"
        );
    }
}
