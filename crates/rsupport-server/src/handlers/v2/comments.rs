//! `cases.comments.list` (oldest first) and `cases.comments.create`, through the rules of the
//! `/v1` message routes ([`crate::handlers::comments`]).

use axum::response::Response;

use super::cases::named_case;
use super::{Call, CaseRef, PageQuery, V2Error, V2Result, ok, page_size, wire};
use crate::handlers::comments::post_comment;
use crate::handlers::{PageToken, fingerprint};
use crate::rules;
use rsupport_api::types::Privilege;

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// `GET /v2/projects/{customer}/cases/{id}/comments`: the case's messages, oldest first.
pub async fn list(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let auth = call.auth().await?;
    rules::require_privileges(&auth.caller, CASES, "read case messages")?;
    let query: PageQuery = call.query(&["pageSize", "pageToken"])?;
    let limit = page_size(
        query.page_size.as_deref(),
        call.state.config.v2_max_page_size,
    )?;
    let filters = fingerprint(&("v2-comments", case.id));
    let after = match query.page_token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => PageToken::<u64>::decode(t, &filters)?.cursor,
        _ => 0,
    };
    let name = case.name();
    let (comments, more) = call
        .state
        .read(move |tx| {
            if let Err(e) = named_case(tx, &auth, &case) {
                return Ok(Err(e));
            }
            let mut comments = tx.list_comments(case.id, after, limit + 1)?;
            let more = comments.len() > limit as usize;
            comments.truncate(limit as usize);
            Ok(Ok((comments, more)))
        })
        .await??;
    let next_page_token = comments.last().filter(|_| more).map(|c| {
        PageToken {
            cursor: c.id,
            as_of: None,
            filters: filters.clone(),
        }
        .encode()
    });
    ok(wire::ListCommentsResponse {
        comments: comments
            .iter()
            .map(|c| wire::Comment::of(&name, c))
            .collect(),
        next_page_token,
    })
}

/// `POST /v2/projects/{customer}/cases/{id}/comments` with `{"body": "…"}`.
pub async fn create(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let auth = call.auth().await?;
    call.check_params(&[])?;
    let input: wire::CommentInput = call.json().await?;
    let body = input
        .body
        .filter(|b| !b.trim().is_empty())
        .ok_or_else(|| V2Error::invalid("body is required: the message's text"))?;
    let body = rules::validate_text("body", &body, rules::MAX_TEXT_CHARS)?;
    let name = case.name();
    let comment = call
        .state
        .write(move |tx| {
            if let Err(e) = named_case(tx, &auth, &case) {
                return Ok(Err(e));
            }
            post_comment(tx, &auth, case.id, &body).map(Ok)
        })
        .await??;
    ok(wire::Comment::of(&name, &comment))
}
