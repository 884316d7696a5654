//! Requests the HTTP parser itself refuses — a request line over its limit (414), headers over
//! it (431), bytes that are not HTTP/1.1 (400) — are answered by hyper before any handler runs,
//! with an empty body. [`ErrorShaped`] wraps a connection and rewrites exactly those answers
//! into the API's error shape, so a client (or a fuzzer) gets the same JSON as for every other
//! error. Handlers' own answers always carry a body, so they never match.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::http::StatusCode;
use rsupport_api::error::{ErrorBody, ErrorReason};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// A connection whose parser-made error answers are rewritten.
pub struct ErrorShaped<S> {
    inner: S,
    /// The rewritten answer still being written, and the length of hyper's to report done.
    pending: Option<(Vec<u8>, usize, usize)>,
}

impl<S> ErrorShaped<S> {
    pub fn new(inner: S) -> ErrorShaped<S> {
        ErrorShaped {
            inner,
            pending: None,
        }
    }
}

/// The longest of hyper's own error answers (a status line and three short headers).
const MAX_PARSER_ANSWER: usize = 512;

/// The answer to write instead of `head`, when `head` is one of hyper's own error answers: a
/// status line, `content-length: 0` and `connection: close`, nothing after the head.
fn rewrite(head: &[u8]) -> Option<Vec<u8>> {
    // Every answer passes here: look no further than the status code of anything that is not a
    // short head with one of those statuses (a page of cases is tens of KB).
    if head.len() > MAX_PARSER_ANSWER {
        return None;
    }
    match head.strip_prefix(b"HTTP/1.1 ")?.get(..3)? {
        b"414" | b"431" | b"400" | b"505" => {}
        _ => return None,
    }
    let text = std::str::from_utf8(head).ok()?;
    let status: u16 = text.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()?;
    let lower = text.to_ascii_lowercase();
    if !(lower.ends_with("\r\n\r\n")
        && lower.contains("\r\ncontent-length: 0\r\n")
        && lower.contains("\r\nconnection: close\r\n"))
    {
        return None;
    }
    let (reason, message) = match status {
        414 => (
            ErrorReason::UriTooLong,
            "the request line is longer than this server reads; shorten the query",
        ),
        431 => (
            ErrorReason::PayloadTooLarge,
            "the request's headers are larger than this server reads",
        ),
        400 | 505 => (
            ErrorReason::InvalidArgument,
            "the request could not be read as HTTP/1.1",
        ),
        _ => return None,
    };
    let body = serde_json::to_vec(&ErrorBody::new(reason, message)).ok()?;
    let status = StatusCode::from_u16(reason.http_status()).ok()?;
    let mut answer = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(&body);
    Some(answer)
}

impl<S: AsyncRead + Unpin> AsyncRead for ErrorShaped<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> ErrorShaped<S> {
    /// Writes what is left of a rewritten answer; ready with the length hyper asked to write.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        while let Some((answer, written, reported)) = &mut self.pending {
            if *written == answer.len() {
                let reported = *reported;
                self.pending = None;
                return Poll::Ready(Ok(reported));
            }
            match Pin::new(&mut self.inner).poll_write(cx, &answer[*written..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => *written += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        Poll::Ready(Ok(0))
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for ErrorShaped<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.pending.is_none() {
            match rewrite(buf) {
                Some(answer) => self.pending = Some((answer, 0, buf.len())),
                None => return Pin::new(&mut self.inner).poll_write(cx, buf),
            }
        }
        self.drain(cx)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.pending.is_some() {
            match self.drain(cx) {
                Poll::Ready(Ok(_)) => {}
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parsers_empty_414_becomes_the_api_error_shape() {
        let hyper = b"HTTP/1.1 414 URI Too Long\r\nconnection: close\r\ncontent-length: 0\r\ndate: Sun, 29 Nov 2026 12:00:00 GMT\r\n\r\n";
        let answer = String::from_utf8(rewrite(hyper).unwrap()).unwrap();
        assert!(
            answer.starts_with("HTTP/1.1 414 URI Too Long\r\n"),
            "{answer}"
        );
        let body = answer.split("\r\n\r\n").nth(1).unwrap();
        let error: ErrorBody = serde_json::from_str(body).unwrap();
        assert_eq!(error.error.reason, ErrorReason::UriTooLong);
        assert!(answer.contains(&format!("content-length: {}\r\n", body.len())));
    }

    #[test]
    fn answers_with_a_body_are_left_alone() {
        let ours = b"HTTP/1.1 414 URI Too Long\r\ncontent-type: application/json\r\ncontent-length: 20\r\n\r\n";
        assert_eq!(rewrite(ours), None);
        let ok = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
        assert_eq!(rewrite(ok), None);
    }
}
