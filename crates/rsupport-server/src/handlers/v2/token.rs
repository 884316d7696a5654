//! `POST /v2/dev/oauth2/token`: the dev-mode OAuth2 token endpoint (RFC 7523 JWT-bearer
//! grant, RFC 6749 refresh-token grant) of [`crate::dev_oauth`]. Its answers are OAuth2's (RFC 6749 §5), not the API's error
//! shape, as a token endpoint's are.

use axum::Json;
use axum::extract::FromRequest as _;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Call, V2Error, V2Result};
use crate::auth::{Clock, hash_token, new_token};
use crate::dev_oauth::{self, OauthError, TokenRequest, TokenResponse};
use crate::error::Failure;

/// The largest token request read.
const MAX_TOKEN_REQUEST_BYTES: usize = 64 * 1024;

fn refused(error: OauthError) -> Response {
    // RFC 6749 §5.2: an unknown client is 401, every other refusal 400
    let status = if error.error == "invalid_client" {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::BAD_REQUEST
    };
    let mut response = (status, Json(error)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub async fn exchange(call: Call) -> V2Result<Response> {
    if !call.state.config.dev_mode {
        return Err(V2Error::not_found(
            "the OAuth2 token endpoint exists only on a server started with `rsupport-server dev`",
        ));
    }
    let state = call.state.clone();
    // a token request is a few kilobytes: read no more than that
    let (parts, body) = call.request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_TOKEN_REQUEST_BYTES).await else {
        return Ok(refused(OauthError {
            error: "invalid_request".to_string(),
            error_description: format!(
                "the request body is unreadable or larger than {MAX_TOKEN_REQUEST_BYTES} bytes"
            ),
        }));
    };
    let request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
    let form = match axum::extract::Form::<TokenRequest>::from_request(request, &state).await {
        Ok(axum::extract::Form(form)) => form,
        Err(rejection) => {
            return Ok(refused(OauthError {
                error: "invalid_request".to_string(),
                error_description: format!(
                    "the body must be a form (application/x-www-form-urlencoded) with grant_type and assertion: {}",
                    rejection.body_text()
                ),
            }));
        }
    };
    let now = jiff::Timestamp::now().as_second();
    let user_email = match dev_oauth::verify_request(&state.dev_accounts, &form, now) {
        Ok(user_email) => user_email,
        Err(error) => return Ok(refused(error)),
    };
    let token = new_token();
    let hash = hash_token(&token);
    let issued = state
        .write(move |tx| {
            let Some(user) = tx.find_user(&user_email)? else {
                return Ok(Err(OauthError {
                    error: "invalid_grant".to_string(),
                    error_description: format!(
                        "the credential acts as {user_email}, who is not a user of this server"
                    ),
                }));
            };
            let clock = Clock {
                offset_seconds: tx.clock_offset_seconds()?,
            };
            let now = clock.now();
            tx.insert_token(
                user.id,
                &hash,
                now,
                Some(dev_oauth::access_token_expiry(now)),
            )?;
            Ok::<_, Failure>(Ok(()))
        })
        .await?;
    if let Err(error) = issued {
        return Ok(refused(error));
    }
    let mut response = Json(TokenResponse {
        access_token: token,
        token_type: "Bearer".to_string(),
        expires_in: dev_oauth::ACCESS_TOKEN_SECONDS,
    })
    .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
