//! The HTTP client of the `/v1` API: one method per endpoint of the route table in
//! [`crate::api::types`], over a private request/response pair that adds the bearer token,
//! retries what is safe to retry and turns every failure into a [`ClientError`].
//!
//! Retries: GET requests and `POST /v1/cases` (it carries a request id, so the server answers
//! a repeat with the first case) are tried up to three times on connection errors, timeouts,
//! 429 and 503, waiting a jittered exponential backoff or what `Retry-After` asks. The client
//! never prints: `-v` logging goes through the [`LogSink`] the caller hands in.

use std::fmt;
use std::marker::PhantomData;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, Response, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::api::error::{ApiError, ErrorBody, ErrorReason};
use crate::api::types::*;
use crate::credentials::Token;
use crate::error::ExitClass;

/// `rsupport/<version>`, sent as the User-Agent.
pub const USER_AGENT_VALUE: &str = concat!("rsupport/", env!("CARGO_PKG_VERSION"));
/// How long a TCP connect may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a JSON request may take in all (and how long an upload or download may stay
/// silent between two chunks).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Attempts of a retried request, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
/// The longest `Retry-After` the client waits; a longer one ends the retries.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Where `-v` lines go (the output module's stderr writer).
pub type LogSink = Arc<dyn Fn(&str) + Send + Sync>;

/// How a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server answered with the API's error shape.
    #[error("{error}")]
    Api {
        error: Box<ApiError>,
        method: Method,
        url: String,
        /// The reseller domain the request was made for, used in hints.
        domain: Option<String>,
        /// What to do when the server refuses the token (depends on where it came from).
        auth_hint: Option<String>,
    },
    /// No TCP connection (refused, DNS, TLS) or the connection dropped mid-answer.
    #[error("cannot reach the server at {endpoint} ({method} {url}): {detail}")]
    Unreachable {
        endpoint: String,
        method: Method,
        url: String,
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

    pub fn exit_class(&self) -> ExitClass {
        match self {
            ClientError::Api { error, .. } => ExitClass::of_reason(error.reason),
            ClientError::Unreachable { .. } | ClientError::Timeout { .. } => ExitClass::Unreachable,
            ClientError::Unexpected { .. } | ClientError::Write { .. } => ExitClass::Failure,
            ClientError::InvalidEndpoint { .. } | ClientError::ReadFile { .. } => ExitClass::Usage,
        }
    }

    /// What the user can do next.
    pub fn hints(&self) -> Vec<String> {
        match self {
            ClientError::Unreachable { endpoint, .. } | ClientError::Timeout { endpoint, .. } => {
                let mut hints = vec![format!(
                    "check that a server listens on {endpoint}, or pick another with --endpoint or RSUPPORT_ENDPOINT"
                )];
                if endpoint.trim_end_matches('/') == crate::api::DEFAULT_ENDPOINT {
                    hints.push(
                        "`rsupport-server dev` starts a local server with demo data there".into(),
                    );
                }
                hints
            }
            ClientError::Api {
                error,
                domain,
                auth_hint,
                ..
            } => {
                let domain_name = domain.clone().unwrap_or_else(|| "DOMAIN".to_string());
                match error.reason {
                    ErrorReason::Unauthenticated => match auth_hint {
                        Some(hint) => vec![hint.clone()],
                        None => vec![format!(
                            "the token is unknown, expired or revoked: log in again with `rsupport auth login --domain {domain_name}`"
                        )],
                    },
                    ErrorReason::PrivilegeMissing => {
                        let privilege = error
                            .details
                            .privilege
                            .map(|p| p.to_string())
                            .unwrap_or_else(|| "the missing privilege".into());
                        vec![format!(
                            "ask a reseller admin of {domain_name} to grant you '{privilege}'"
                        )]
                    }
                    ErrorReason::CustomerAccessNotGranted => vec![
                        "the customer must grant your reseller domain access to its account before cases can be filed or managed for it".into(),
                    ],
                    ErrorReason::RateLimited | ErrorReason::Unavailable => {
                        vec!["the server is busy: try again in a moment".into()]
                    }
                    ErrorReason::ReopenWindowExpired => {
                        vec!["file a new case with `rsupport case create`".into()]
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }
}

/// What a [`Client`] is built from.
#[derive(Clone)]
pub struct ClientOptions {
    /// Base URL, e.g. `http://127.0.0.1:8765`.
    pub endpoint: String,
    pub token: Option<Token>,
    /// The reseller domain the token belongs to, for hints.
    pub domain: Option<String>,
    /// The hint shown when the server refuses the token.
    pub auth_hint: Option<String>,
    /// Limit of a whole JSON request (and of silence during a transfer).
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_attempts: u32,
    /// `-v` logging.
    pub log: Option<LogSink>,
}

impl ClientOptions {
    pub fn new(endpoint: impl Into<String>) -> ClientOptions {
        ClientOptions {
            endpoint: endpoint.into(),
            token: None,
            domain: None,
            auth_hint: None,
            timeout: REQUEST_TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            max_attempts: MAX_ATTEMPTS,
            log: None,
        }
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("endpoint", &self.endpoint)
            .field("token", &self.token)
            .field("domain", &self.domain)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// The `/v1` API client. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    endpoint: String,
    options: ClientOptions,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .field("domain", &self.options.domain)
            .finish_non_exhaustive()
    }
}

/// Whether a failed attempt may be tried again.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Retry {
    Safe,
    Never,
}

/// Parses and checks an endpoint URL (`http` or `https`, with a host).
pub fn parse_endpoint(endpoint: &str) -> Result<Url, ClientError> {
    let invalid = |why: &str| ClientError::InvalidEndpoint {
        endpoint: endpoint.to_string(),
        why: why.to_string(),
    };
    let url = Url::parse(endpoint.trim()).map_err(|e| {
        invalid(&format!(
            "{e}; expected a URL such as http://127.0.0.1:8765"
        ))
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("the URL has no host"));
    }
    Ok(url)
}

impl Client {
    pub fn new(options: ClientOptions) -> Result<Client, ClientError> {
        let mut base = parse_endpoint(&options.endpoint)?;
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let http = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .read_timeout(options.timeout)
            .user_agent(USER_AGENT_VALUE)
            .build()
            .map_err(|e| ClientError::InvalidEndpoint {
                endpoint: options.endpoint.clone(),
                why: format!("the HTTP client cannot be built: {e}"),
            })?;
        let endpoint = options.endpoint.trim().trim_end_matches('/').to_string();
        Ok(Client {
            http,
            base,
            endpoint,
            options,
        })
    }

    /// The endpoint the client talks to, as given (without a trailing slash).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The reseller domain the client acts for, if known.
    pub fn domain(&self) -> Option<&str> {
        self.options.domain.as_deref()
    }

    // ---- endpoints -------------------------------------------------------------------------

    /// `GET /v1/health` (public).
    pub async fn health(&self) -> Result<Health, ClientError> {
        self.get("v1/health", &()).await
    }

    /// `GET /v1/openapi.json` (public).
    pub async fn openapi(&self) -> Result<serde_json::Value, ClientError> {
        self.get("v1/openapi.json", &()).await
    }

    /// `GET /v1/whoami`.
    pub async fn whoami(&self) -> Result<WhoAmI, ClientError> {
        self.get("v1/whoami", &()).await
    }

    /// `GET /v1/customers`: one page.
    pub async fn list_customers(
        &self,
        query: &ListCustomersQuery,
    ) -> Result<CustomerList, ClientError> {
        self.get("v1/customers", query).await
    }

    /// `GET /v1/customers`, page after page.
    pub fn customer_pages(
        &self,
        query: ListCustomersQuery,
    ) -> Pager<'_, ListCustomersQuery, CustomerList> {
        Pager::new(self, "v1/customers".into(), query)
    }

    /// `GET /v1/customers/{customer}`.
    pub async fn get_customer(&self, customer: &str) -> Result<Customer, ClientError> {
        self.get(&format!("v1/customers/{}", segment(customer)), &())
            .await
    }

    /// `GET /v1/categories`.
    pub async fn list_categories(
        &self,
        query: &ListCategoriesQuery,
    ) -> Result<CategoryList, ClientError> {
        self.get("v1/categories", query).await
    }

    /// `GET /v1/cases`: one page.
    pub async fn list_cases(&self, query: &ListCasesQuery) -> Result<CaseList, ClientError> {
        self.get("v1/cases", query).await
    }

    /// `GET /v1/cases`, page after page (for `case list --all`: memory stays flat).
    pub fn case_pages(&self, query: ListCasesQuery) -> Pager<'_, ListCasesQuery, CaseList> {
        Pager::new(self, "v1/cases".into(), query)
    }

    /// `POST /v1/cases`. Retried like a GET: the request id makes a repeat answer the first
    /// case instead of filing a second.
    pub async fn create_case(&self, request: &CreateCaseRequest) -> Result<Case, ClientError> {
        self.send_json(Method::POST, "v1/cases", &(), Some(request), Retry::Safe)
            .await
    }

    /// `GET /v1/cases/{case}`.
    pub async fn get_case(&self, case: u64) -> Result<Case, ClientError> {
        self.get(&format!("v1/cases/{case}"), &()).await
    }

    /// `PATCH /v1/cases/{case}`.
    pub async fn update_case(
        &self,
        case: u64,
        request: &UpdateCaseRequest,
    ) -> Result<Case, ClientError> {
        self.send_json(
            Method::PATCH,
            &format!("v1/cases/{case}"),
            &(),
            Some(request),
            Retry::Never,
        )
        .await
    }

    /// `POST /v1/cases/{case}/close`.
    pub async fn close_case(
        &self,
        case: u64,
        request: &CaseActionRequest,
    ) -> Result<Case, ClientError> {
        self.post(&format!("v1/cases/{case}/close"), request).await
    }

    /// `POST /v1/cases/{case}/reopen`.
    pub async fn reopen_case(
        &self,
        case: u64,
        request: &CaseActionRequest,
    ) -> Result<Case, ClientError> {
        self.post(&format!("v1/cases/{case}/reopen"), request).await
    }

    /// `POST /v1/cases/{case}/escalate`.
    pub async fn escalate_case(
        &self,
        case: u64,
        request: &EscalateCaseRequest,
    ) -> Result<Case, ClientError> {
        self.post(&format!("v1/cases/{case}/escalate"), request)
            .await
    }

    /// `POST /v1/cases/{case}/share`.
    pub async fn share_case(
        &self,
        case: u64,
        request: &ShareCaseRequest,
    ) -> Result<Case, ClientError> {
        self.post(&format!("v1/cases/{case}/share"), request).await
    }

    /// `POST /v1/cases/{case}/state` (support agents only).
    pub async fn set_case_state(
        &self,
        case: u64,
        request: &SetCaseStateRequest,
    ) -> Result<Case, ClientError> {
        self.post(&format!("v1/cases/{case}/state"), request).await
    }

    /// `GET /v1/cases/{case}/comments`: one page, oldest first.
    pub async fn list_comments(
        &self,
        case: u64,
        query: &PageQuery,
    ) -> Result<CommentList, ClientError> {
        self.get(&format!("v1/cases/{case}/comments"), query).await
    }

    /// `GET /v1/cases/{case}/comments`, page after page.
    pub fn comment_pages(&self, case: u64, query: PageQuery) -> Pager<'_, PageQuery, CommentList> {
        Pager::new(self, format!("v1/cases/{case}/comments"), query)
    }

    /// `POST /v1/cases/{case}/comments`.
    pub async fn create_comment(
        &self,
        case: u64,
        request: &CreateCommentRequest,
    ) -> Result<Comment, ClientError> {
        self.post(&format!("v1/cases/{case}/comments"), request)
            .await
    }

    /// `GET /v1/cases/{case}/attachments`.
    pub async fn list_attachments(&self, case: u64) -> Result<AttachmentList, ClientError> {
        self.get(&format!("v1/cases/{case}/attachments"), &()).await
    }

    /// `POST /v1/cases/{case}/attachments`: streams the file at `path` as the body, under the
    /// name `query.filename`, calling `progress` with the bytes sent so far. Send the file's
    /// SHA-256 in `query.sha256` so the server rejects a corrupted upload whole. Not retried.
    pub async fn upload_attachment(
        &self,
        case: u64,
        path: &Path,
        query: &UploadAttachmentQuery,
        progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<Attachment, ClientError> {
        let read_error = |source| ClientError::ReadFile {
            path: path.display().to_string(),
            source,
        };
        let file = tokio::fs::File::open(path).await.map_err(read_error)?;
        let len = file.metadata().await.map_err(read_error)?.len();
        let body = reqwest::Body::wrap_stream(progress_stream(file, progress));
        let url = self.url(&format!("v1/cases/{case}/attachments"))?;
        let started = Instant::now();
        let request = self
            .authorized(self.http.request(Method::POST, url.clone()))
            .query(query)
            .header(CONTENT_TYPE, "application/octet-stream")
            .header(CONTENT_LENGTH, HeaderValue::from(len))
            .body(body);
        let outcome = request.send().await;
        let response = match self.check(&Method::POST, &url, started, outcome, None) {
            Ok(response) => response,
            Err(CheckError::Status(response)) => {
                return Err(self.error_from(&Method::POST, &url, *response).await);
            }
            Err(CheckError::Transport(error)) => return Err(error),
        };
        self.decode(&Method::POST, &url, response).await
    }

    /// `GET /v1/cases/{case}/attachments/{attachment}/content`: the answer's head; read the
    /// body with [`Download::chunk`] or [`Download::write_to`].
    pub async fn download_attachment(
        &self,
        case: u64,
        attachment: u64,
    ) -> Result<Download, ClientError> {
        let path = format!("v1/cases/{case}/attachments/{attachment}/content");
        let url = self.url(&path)?;
        let response = self
            .execute(Method::GET, &url, Retry::Safe, None, |req| req)
            .await?;
        let sha256 = response
            .headers()
            .get("x-content-sha256")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_ascii_lowercase());
        Ok(Download {
            size: response.content_length(),
            sha256,
            endpoint: self.endpoint.clone(),
            url: url.to_string(),
            response,
        })
    }

    // ---- the request/response pair -------------------------------------------------------

    async fn get<Q: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        query: &Q,
    ) -> Result<T, ClientError> {
        self.send_json::<Q, (), T>(Method::GET, path, query, None, Retry::Safe)
            .await
    }

    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        self.send_json(Method::POST, path, &(), Some(body), Retry::Never)
            .await
    }

    async fn send_json<Q: Serialize + ?Sized, B: Serialize, T: DeserializeOwned>(
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

    fn url(&self, path: &str) -> Result<Url, ClientError> {
        self.base
            .join(path)
            .map_err(|e| ClientError::InvalidEndpoint {
                endpoint: self.endpoint.clone(),
                why: e.to_string(),
            })
    }

    fn authorized(&self, request: RequestBuilder) -> RequestBuilder {
        match &self.options.token {
            Some(token) => request.bearer_auth(token.expose()),
            None => request,
        }
    }

    fn log(&self, line: impl FnOnce() -> String) {
        if let Some(log) = &self.options.log {
            log(&line());
        }
    }

    /// Sends a request, retrying it where that is safe, and answers a successful response.
    async fn execute(
        &self,
        method: Method,
        url: &Url,
        retry: Retry,
        timeout: Option<Duration>,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> Result<Response, ClientError> {
        let attempts = match retry {
            Retry::Safe => self.options.max_attempts.max(1),
            Retry::Never => 1,
        };
        let mut attempt = 1;
        loop {
            let mut request = self.authorized(self.http.request(method.clone(), url.clone()));
            if let Some(timeout) = timeout {
                request = request.timeout(timeout);
            }
            let request = build(request);
            let started = Instant::now();
            let outcome = request.send().await;
            let retry_after = match &outcome {
                Ok(response) if is_retryable_status(response.status()) => {
                    Some(retry_after(response))
                }
                Ok(_) => None,
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
    fn check(
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

    fn transport_error(
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
    async fn error_from(&self, method: &Method, url: &Url, response: Response) -> ClientError {
        let status = response.status();
        let bytes = response.bytes().await.unwrap_or_default();
        match serde_json::from_slice::<ErrorBody>(&bytes) {
            Ok(body) => ClientError::Api {
                error: Box::new(ApiError::from(body)),
                method: method.clone(),
                url: redact_url(url),
                domain: self.options.domain.clone(),
                auth_hint: self.options.auth_hint.clone(),
            },
            Err(_) => ClientError::Unexpected {
                url: redact_url(url),
                status: status.as_u16(),
                excerpt: excerpt(&bytes),
            },
        }
    }

    async fn decode<T: DeserializeOwned>(
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

enum CheckError {
    /// The server answered with a non-success status.
    Status(Box<Response>),
    /// The exchange failed below HTTP.
    Transport(ClientError),
}

fn is_retryable_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE
}

/// `Retry-After` in seconds (the HTTP-date form is read too).
fn retry_after(response: &Response) -> Option<Duration> {
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
fn backoff(attempt: u32) -> Duration {
    let base = 250u64.saturating_mul(1 << (attempt - 1).min(6));
    let jittered = rand::random_range(base / 2..=base);
    Duration::from_millis(jittered)
}

/// The innermost cause of a transport error, which says what really happened.
fn transport_detail(error: &reqwest::Error) -> String {
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
fn redact_url(url: &Url) -> String {
    let mut url = url.clone();
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url.to_string()
}

/// The start of a body, for "unexpected response" errors; control characters are dropped
/// later by the error printer.
fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text
}

/// A path segment, percent-encoded.
fn segment(value: &str) -> String {
    let mut url = Url::parse("http://x/").expect("static URL");
    url.path_segments_mut().expect("base URL").push(value);
    url.path().trim_start_matches('/').to_string()
}

/// The lowercase hex SHA-256 of a file, read in chunks (for [`UploadAttachmentQuery::sha256`]).
pub async fn sha256_file(path: &Path) -> Result<String, ClientError> {
    use sha2::{Digest, Sha256};
    let read_error = |source| ClientError::ReadFile {
        path: path.display().to_string(),
        source,
    };
    let mut file = tokio::fs::File::open(path).await.map_err(read_error)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf).await.map_err(read_error)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

fn progress_stream<R: AsyncRead + Unpin + Send + 'static>(
    reader: R,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures_util::stream::unfold(
        (reader, 0u64, progress),
        |(mut reader, sent, progress)| async move {
            let mut buf = vec![0u8; 64 * 1024];
            match reader.read(&mut buf).await {
                Ok(0) => None,
                Ok(n) => {
                    buf.truncate(n);
                    let sent = sent + n as u64;
                    progress(sent);
                    Some((Ok(Bytes::from(buf)), (reader, sent, progress)))
                }
                Err(e) => Some((Err(e), (reader, sent, progress))),
            }
        },
    )
}

/// The body of an attachment download, read chunk by chunk.
pub struct Download {
    /// `Content-Length`, when the server sent one.
    pub size: Option<u64>,
    /// The `x-content-sha256` header (lowercase hex), when the server sent one.
    pub sha256: Option<String>,
    endpoint: String,
    url: String,
    response: Response,
}

impl Download {
    /// The next chunk of the body, `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, ClientError> {
        self.response
            .chunk()
            .await
            .map_err(|e| ClientError::Unreachable {
                endpoint: self.endpoint.clone(),
                method: Method::GET,
                url: self.url.clone(),
                detail: format!("the download was cut off: {}", transport_detail(&e)),
            })
    }

    /// Writes the whole body into `out`, calling `progress` with the bytes written so far and
    /// `on_chunk` with each chunk (to hash it on the way). Answers the number of bytes.
    pub async fn write_to<W: AsyncWrite + Unpin>(
        mut self,
        out: &mut W,
        mut on_chunk: impl FnMut(&[u8]),
        progress: impl Fn(u64),
    ) -> Result<u64, ClientError> {
        let mut written = 0u64;
        while let Some(chunk) = self.chunk().await? {
            on_chunk(&chunk);
            out.write_all(&chunk)
                .await
                .map_err(|source| ClientError::Write { source })?;
            written += chunk.len() as u64;
            progress(written);
        }
        out.flush()
            .await
            .map_err(|source| ClientError::Write { source })?;
        Ok(written)
    }
}

/// A list endpoint's answer: its items and the token of the next page.
pub trait Page: DeserializeOwned {
    type Item;
    fn into_parts(self) -> (Vec<Self::Item>, Option<String>);
}

/// A list query that pages.
pub trait PagedQuery: Serialize {
    fn set_page_token(&mut self, token: Option<String>);
}

impl Page for CaseList {
    type Item = Case;
    fn into_parts(self) -> (Vec<Case>, Option<String>) {
        (self.cases, self.next_page_token)
    }
}

impl Page for CommentList {
    type Item = Comment;
    fn into_parts(self) -> (Vec<Comment>, Option<String>) {
        (self.comments, self.next_page_token)
    }
}

impl Page for CustomerList {
    type Item = Customer;
    fn into_parts(self) -> (Vec<Customer>, Option<String>) {
        (self.customers, self.next_page_token)
    }
}

impl PagedQuery for ListCasesQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

impl PagedQuery for ListCustomersQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

impl PagedQuery for PageQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

/// Walks a list endpoint page by page: `while let Some(page) = pager.next_page().await? {…}`.
pub struct Pager<'c, Q, L> {
    client: &'c Client,
    path: String,
    query: Q,
    finished: bool,
    list: PhantomData<L>,
}

impl<'c, Q: PagedQuery, L: Page> Pager<'c, Q, L> {
    fn new(client: &'c Client, path: String, query: Q) -> Self {
        Pager {
            client,
            path,
            query,
            finished: false,
            list: PhantomData,
        }
    }

    /// The next page's items; `None` once the last page was answered.
    pub async fn next_page(&mut self) -> Result<Option<Vec<L::Item>>, ClientError> {
        if self.finished {
            return Ok(None);
        }
        let list: L = self.client.get(&self.path, &self.query).await?;
        let (items, next) = list.into_parts();
        match next {
            Some(token) if !token.is_empty() => self.query.set_page_token(Some(token)),
            _ => self.finished = true,
        }
        Ok(Some(items))
    }

    /// Every item of every page.
    pub async fn collect_all(mut self) -> Result<Vec<L::Item>, ClientError> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await? {
            all.extend(page);
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_without_scheme_is_refused_with_an_example() {
        let err = parse_endpoint("127.0.0.1:8765").unwrap_err();
        assert!(matches!(err, ClientError::InvalidEndpoint { .. }));
        assert_eq!(err.exit_class(), ExitClass::Usage);
    }

    #[test]
    fn ftp_endpoint_is_refused() {
        let err = parse_endpoint("ftp://example.com").unwrap_err();
        assert!(err.to_string().contains("http or https"), "{err}");
    }

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
    fn customer_id_is_percent_encoded_as_one_path_segment() {
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
    }

    #[test]
    fn urls_are_shown_without_user_info() {
        let url = Url::parse("http://user:secret@127.0.0.1:1/v1/cases").unwrap();
        let shown = redact_url(&url);
        assert!(!shown.contains("secret"), "{shown}");
    }

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
        assert_eq!(err.exit_class(), ExitClass::Failure);
    }
}
