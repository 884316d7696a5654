//! The request/response pair under every endpoint: the bearer token, retries where they are
//! safe (GET, and creates that carry a request id) with a jittered backoff or `Retry-After`,
//! `-v` logging through the caller's sink, and every failure sorted into a [`ClientError`].

use std::time::{Duration, Instant};

use reqwest::header::RETRY_AFTER;
use reqwest::{Method, RequestBuilder, Response, StatusCode, Url};
use rsupport_api::error::{ApiError, ErrorBody};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Client, ClientError, MAX_RETRY_AFTER};

/// Whether a failed attempt may be tried again.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Retry {
    Safe,
    /// Only a 429 or 503, which say the request was not acted on (a write that must not be
    /// repeated after a lost answer).
    Busy,
    Never,
}

impl Client {
    pub(super) async fn get<Q: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        query: &Q,
    ) -> Result<T, ClientError> {
        self.send_json::<Q, (), T>(Method::GET, path, query, None, Retry::Safe)
            .await
    }

    pub(super) async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        self.send_json(Method::POST, path, &(), Some(body), Retry::Never)
            .await
    }

    pub(super) async fn send_json<Q: Serialize + ?Sized, B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &Q,
        body: Option<&B>,
        retry: Retry,
    ) -> Result<T, ClientError> {
        let url = self.url(path)?;
        let timeout = self.options.timeout;
        let response = self
            .execute(method.clone(), &url, retry, Some(timeout), |req| {
                let req = req.query(query);
                match body {
                    Some(body) => req.json(body),
                    None => req,
                }
            })
            .await?;
        self.decode(&method, &url, response).await
    }

    pub(super) fn url(&self, path: &str) -> Result<Url, ClientError> {
        self.base
            .join(path)
            .map_err(|e| ClientError::InvalidEndpoint {
                endpoint: self.endpoint.clone(),
                why: e.to_string(),
            })
    }

    pub(super) fn authorized(&self, request: RequestBuilder) -> RequestBuilder {
        match &self.options.token {
            Some(token) => request.bearer_auth(token.expose()),
            None => request,
        }
    }

    /// The request with the bearer token of this attempt: the static token, or for the
    /// `google` provider one from its credential (refreshed before it expires).
    pub(super) async fn authorize(
        &self,
        request: RequestBuilder,
    ) -> Result<RequestBuilder, ClientError> {
        if let Some(google) = &self.google {
            let token = google.auth.bearer().await?;
            return Ok(request.bearer_auth(token.expose()));
        }
        Ok(self.authorized(request))
    }

    pub(super) fn log(&self, line: impl FnOnce() -> String) {
        if let Some(log) = &self.options.log {
            log(&line());
        }
    }

    /// Sends a request, retrying it where that is safe, and answers a successful response.
    pub(super) async fn execute(
        &self,
        method: Method,
        url: &Url,
        retry: Retry,
        timeout: Option<Duration>,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<Response, ClientError> {
        let attempts = match retry {
            Retry::Safe | Retry::Busy => self.options.max_attempts.max(1),
            Retry::Never => 1,
        };
        let mut attempt = 1;
        loop {
            let mut request = self
                .authorize(self.http.request(method.clone(), url.clone()))
                .await?;
            if let Some(timeout) = timeout {
                request = request.timeout(timeout);
            }
            let mut request = build(request);
            if self.validate_only && method != Method::GET {
                request = request.query(&[("validateOnly", "true")]);
            }
            let started = Instant::now();
            let outcome = request.send().await;
            let retry_after = match &outcome {
                Ok(response) if is_retryable_status(response.status()) => {
                    Some(retry_after(response))
                }
                Ok(_) => None,
                Err(_) if retry == Retry::Busy => None,
                Err(_) => Some(None),
            };
            let result = self.check(&method, url, started, outcome, timeout);
            let error = match result {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let error = match error {
                CheckError::Status(response) => self.error_from(&method, url, *response).await,
                CheckError::Transport(error) => error,
            };
            let Some(server_wait) = retry_after else {
                return Err(error);
            };
            if attempt >= attempts {
                return Err(error);
            }
            let wait = match server_wait {
                Some(wait) if wait > MAX_RETRY_AFTER => return Err(error),
                Some(wait) => wait,
                None => backoff(attempt),
            };
            self.log(|| {
                format!(
                    "retrying {method} {} in {} ms (attempt {} of {attempts})",
                    redact_url(url),
                    wait.as_millis(),
                    attempt + 1
                )
            });
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// Logs one exchange and sorts its outcome.
    pub(super) fn check(
        &self,
        method: &Method,
        url: &Url,
        started: Instant,
        outcome: Result<Response, reqwest::Error>,
        timeout: Option<Duration>,
    ) -> Result<Response, CheckError> {
        let elapsed = started.elapsed().as_millis();
        match outcome {
            Ok(response) => {
                let status = response.status();
                self.log(|| format!("{method} {} -> {status} in {elapsed} ms", redact_url(url)));
                if status.is_success() {
                    Ok(response)
                } else {
                    Err(CheckError::Status(Box::new(response)))
                }
            }
            Err(error) => {
                self.log(|| {
                    format!(
                        "{method} {} -> failed after {elapsed} ms: {}",
                        redact_url(url),
                        transport_detail(&error)
                    )
                });
                Err(CheckError::Transport(
                    self.transport_error(method, url, &error, timeout),
                ))
            }
        }
    }

    pub(super) fn transport_error(
        &self,
        method: &Method,
        url: &Url,
        error: &reqwest::Error,
        timeout: Option<Duration>,
    ) -> ClientError {
        if error.is_timeout() {
            let limit = if error.is_connect() {
                self.options.connect_timeout
            } else {
                timeout.unwrap_or(self.options.timeout)
            };
            ClientError::Timeout {
                endpoint: self.endpoint.clone(),
                method: method.clone(),
                url: redact_url(url),
                limit,
            }
        } else {
            ClientError::Unreachable {
                endpoint: self.endpoint.clone(),
                method: method.clone(),
                url: redact_url(url),
                detail: transport_detail(error),
            }
        }
    }

    /// Turns a non-success response into the API error it carries, or an "unexpected response".
    pub(super) async fn error_from(
        &self,
        method: &Method,
        url: &Url,
        response: Response,
    ) -> ClientError {
        let status = response.status();
        let bytes = response.bytes().await.unwrap_or_default();
        match serde_json::from_slice::<ErrorBody>(&bytes) {
            Ok(body) => ClientError::Api {
                error: Box::new(ApiError::from(body)),
                method: method.clone(),
                url: redact_url(url),
                domain: self.options.domain.clone(),
            },
            // Google's shape (code, status, message; no reason): the `google` provider
            Err(_) => match super::google::mapping::api_error(status.as_u16(), &bytes) {
                Some(error) => ClientError::Api {
                    error: Box::new(error),
                    method: method.clone(),
                    url: redact_url(url),
                    domain: self.options.domain.clone(),
                },
                None => ClientError::Unexpected {
                    url: redact_url(url),
                    status: status.as_u16(),
                    excerpt: excerpt(&bytes),
                },
            },
        }
    }

    pub(super) async fn decode<T: DeserializeOwned>(
        &self,
        method: &Method,
        url: &Url,
        response: Response,
    ) -> Result<T, ClientError> {
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| {
            match self.transport_error(method, url, &e, None) {
                ClientError::Unreachable {
                    endpoint,
                    method,
                    url,
                    detail,
                } => ClientError::Unreachable {
                    endpoint,
                    method,
                    url,
                    detail: format!("the answer was cut off: {detail}"),
                },
                other => other,
            }
        })?;
        serde_json::from_slice(&bytes).map_err(|_| ClientError::Unexpected {
            url: redact_url(url),
            status: status.as_u16(),
            excerpt: excerpt(&bytes),
        })
    }
}

pub(super) enum CheckError {
    /// The server answered with a non-success status.
    Status(Box<Response>),
    /// The exchange failed below HTTP.
    Transport(ClientError),
}

pub(super) fn is_retryable_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE
}

/// `Retry-After` in seconds (the HTTP-date form is read too).
pub(super) fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let now = jiff::Timestamp::now();
    let wait = when.duration_since(now);
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// Jittered exponential backoff: 250 ms, 500 ms, 1 s… each scaled by a random 50–100 %.
pub(super) fn backoff(attempt: u32) -> Duration {
    let base = 250u64.saturating_mul(1 << (attempt - 1).min(6));
    let jittered = rand::random_range(base / 2..=base);
    Duration::from_millis(jittered)
}

/// The innermost cause of a transport error, which says what really happened.
pub(super) fn transport_detail(error: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = error;
    while let Some(next) = source.source() {
        source = next;
    }
    let detail = source.to_string();
    if error.is_connect() && !detail.is_empty() {
        format!("connection failed: {detail}")
    } else if detail.is_empty() {
        error.to_string()
    } else {
        detail
    }
}

/// URLs are logged and shown without user info (a token must never leak through them).
pub(super) fn redact_url(url: &Url) -> String {
    let mut url = url.clone();
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url.to_string()
}

/// The start of a body, for "unexpected response" errors; control characters are dropped
/// later by the error printer.
pub(super) fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_within_its_jitter_band() {
        for _ in 0..50 {
            let first = backoff(1);
            let third = backoff(3);
            assert!(first >= Duration::from_millis(125) && first <= Duration::from_millis(250));
            assert!(third >= Duration::from_millis(500) && third <= Duration::from_millis(1000));
        }
    }

    #[test]
    fn urls_are_shown_without_user_info() {
        let url = Url::parse("http://user:secret@127.0.0.1:1/v1/cases").unwrap();
        let shown = redact_url(&url);
        assert!(!shown.contains("secret"), "{shown}");
    }
}
