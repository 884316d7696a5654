//! Attachments on the wire: uploads streamed from the file with progress and a SHA-256 the
//! server checks; downloads read chunk by chunk.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use bytes::Bytes;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use reqwest::{Method, Response};
use rsupport_api::types::{Attachment, UploadAttachmentQuery};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::transport::{CheckError, Retry, transport_detail};
use super::{Client, ClientError};

impl Client {
    /// `POST /v1/cases/{case}/attachments`: streams the file at `path` as the body, under the
    /// name `query.filename`, calling `progress` with the bytes sent so far. Send the file's
    /// SHA-256 in `query.sha256` so the server rejects a corrupted upload whole. Not retried.
    /// A [`Client::validate_only`] client sends no body, only the file's size (`sizeBytes`) and
    /// checksum.
    pub async fn upload_attachment(
        &self,
        case: u64,
        path: &Path,
        query: &UploadAttachmentQuery,
        progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<Attachment, ClientError> {
        if self.google.is_some() {
            return self
                .google_upload(case, path, &query.filename, progress)
                .await;
        }
        let read_error = |source| ClientError::ReadFile {
            path: path.display().to_string(),
            source,
        };
        let file = tokio::fs::File::open(path).await.map_err(read_error)?;
        let len = file.metadata().await.map_err(read_error)?.len();
        let query = UploadAttachmentQuery {
            size_bytes: self.validate_only.then_some(len),
            validate_only: self.validate_only.then_some(true),
            ..query.clone()
        };
        // How far the body got: a connection that breaks after bytes went out was reached.
        let sent = Arc::new(AtomicU64::new(0));
        let (body, content_length) = if self.validate_only {
            (reqwest::Body::from(Vec::new()), 0)
        } else {
            let counter = Arc::clone(&sent);
            let stream = progress_stream(file, move |n| {
                counter.store(n, Ordering::Relaxed);
                progress(n);
            });
            (reqwest::Body::wrap_stream(stream), len)
        };
        let url = self.url(&format!("v1/cases/{case}/attachments"))?;
        let started = Instant::now();
        let request = self
            .authorized(self.http.request(Method::POST, url.clone()))
            .query(&query)
            .header(CONTENT_TYPE, "application/octet-stream")
            .header(CONTENT_LENGTH, HeaderValue::from(content_length))
            .body(body);
        let outcome = request.send().await;
        let response = match self.check(&Method::POST, &url, started, outcome, None) {
            Ok(response) => response,
            Err(CheckError::Status(response)) => {
                return Err(self.error_from(&Method::POST, &url, *response).await);
            }
            Err(CheckError::Transport(ClientError::Unreachable { detail, .. }))
                if sent.load(Ordering::Relaxed) > 0 =>
            {
                return Err(ClientError::UploadCut {
                    endpoint: self.endpoint.clone(),
                    sent: sent.load(Ordering::Relaxed),
                    size: len,
                    detail,
                });
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
        let url = if self.google.is_some() {
            self.google_download_url(case, attachment).await?
        } else {
            self.url(&format!("v1/cases/{case}/attachments/{attachment}/content"))?
        };
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
}

pub(super) fn progress_stream<R: AsyncRead + Unpin + Send + 'static>(
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
