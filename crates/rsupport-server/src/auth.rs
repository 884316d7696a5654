//! Bearer tokens: how they are made and stored (only their SHA-256), and the extractor that
//! turns an `Authorization` header into a [`Caller`].

use crate::store::{TokenRecord, Tx};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine as _;
use jiff::{SignedDuration, Timestamp};
use rand::Rng as _;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq as _;

use crate::AppState;
use crate::error::{ApiResult, Failure};
use crate::rules::Caller;
use rsupport_api::error::ErrorReason;

/// Every token starts with this, so a leaked one is easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "rsp_";

/// A fresh token: 256 random bits, base64url.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The server's notion of now: the wall clock, moved forward by the dev clock offset when the
/// server runs in dev mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    pub offset_seconds: i64,
}

impl Clock {
    /// The clock of a server in dev mode (`dev_mode`) or not.
    pub fn read(tx: &dyn Tx, dev_mode: bool) -> ApiResult<Clock> {
        Ok(Clock {
            offset_seconds: if dev_mode {
                tx.clock_offset_seconds()?
            } else {
                0
            },
        })
    }

    pub fn now(self) -> Timestamp {
        Timestamp::now()
            .saturating_add(SignedDuration::from_secs(self.offset_seconds))
            .unwrap_or_else(|_| Timestamp::now())
    }
}

/// An authenticated request: who calls, and the clock to judge it by.
#[derive(Debug, Clone)]
pub struct Auth {
    pub caller: Caller,
    pub clock: Clock,
}

fn unauthenticated(message: &str) -> Failure {
    Failure::new(ErrorReason::Unauthenticated, message)
}

/// Checks a presented token against the store: known, not revoked, not expired.
pub fn authenticate(conn: &dyn Tx, token: &str, now: Timestamp) -> ApiResult<Caller> {
    let presented = hash_token(token);
    check_token(conn.find_token(&presented)?, &presented, now)
}

/// Checks what the store holds for a presented token (its hash, `presented`): known, not
/// revoked, not expired.
pub fn check_token(
    record: Option<TokenRecord>,
    presented: &[u8],
    now: Timestamp,
) -> ApiResult<Caller> {
    let Some(record) = record else {
        return Err(unauthenticated(
            "the bearer token is not known to this server (mistyped, or issued by another server); ask your reseller admin for a new one",
        ));
    };
    // The lookup is by hash; comparing again in constant time keeps timing independent of
    // how much of the hash matched, whatever the index does.
    if !bool::from(record.token_hash.ct_eq(presented)) {
        return Err(unauthenticated(
            "the bearer token is not known to this server",
        ));
    }
    if let Some(revoked) = record.revoke_time {
        return Err(unauthenticated(&format!(
            "the bearer token was revoked on {}; ask your reseller admin for a new one",
            revoked.strftime("%Y-%m-%d %H:%M UTC")
        )));
    }
    if let Some(expired) = record.expire_time.filter(|t| *t <= now) {
        return Err(unauthenticated(&format!(
            "the bearer token expired on {}; ask your reseller admin for a new one",
            expired.strftime("%Y-%m-%d %H:%M UTC")
        )));
    }
    Ok(Caller {
        user_id: record.user.id,
        email: record.user.email,
        domain: record.user.domain,
        role: record.user.role,
        privileges: record.user.privileges,
    })
}

fn bearer(parts: &Parts) -> ApiResult<String> {
    let Some(value) = parts.headers.get(AUTHORIZATION) else {
        return Err(unauthenticated(
            "no bearer token: send `Authorization: Bearer <token>`; log in with `rsupport auth login --domain D`",
        ));
    };
    let value = value.to_str().unwrap_or("");
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .unwrap_or("");
    if token.is_empty() {
        return Err(unauthenticated(
            "the Authorization header is not `Bearer <token>`; log in with `rsupport auth login --domain D`",
        ));
    }
    Ok(token.to_string())
}

/// The bearer token of a request, read from its `Authorization` header but not yet checked
/// (for a handler that checks it in the same read as its own: see `handlers::cases::get`).
pub struct Bearer(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Failure> {
        bearer(parts).map(Bearer)
    }
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Failure> {
        let token = bearer(parts)?;
        let dev_mode = state.config.dev_mode;
        // one statement or two, that need no common snapshot: no transaction around them
        state
            .lookup(move |tx| {
                let clock = Clock::read(tx, dev_mode)?;
                let caller = authenticate(tx, &token, clock.now())?;
                Ok(Auth { caller, clock })
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_at_least_128_random_bits_and_differ() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(a.len() - TOKEN_PREFIX.len() >= 128 / 6);
    }

    #[test]
    fn the_hash_is_not_the_token() {
        let t = new_token();
        assert_ne!(hash_token(&t), t.as_bytes());
        assert_eq!(hash_token(&t).len(), 32);
    }
}
