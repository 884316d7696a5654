//! A case's messages: list (oldest first) and post, by resellers and by support agents.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;
use crate::auth::Auth;
use crate::error::ApiResult;
use crate::handlers::cases::{visible_case, writable_case};
use crate::handlers::{CaseId, PageToken, QueryArgs, fingerprint, page_size};
use crate::rules;
use crate::store::Tx;
use rsupport_api::error::ErrorBody;
use rsupport_api::types::{
    AuthorRole, Comment, CommentList, CreateCommentRequest, PageQuery, Privilege, StateChangeVia,
    WriteQuery,
};

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

#[utoipa::path(
    get,
    path = "/v1/cases/{case}/comments",
    operation_id = "listComments",
    tag = "comments",
    summary = "The case's messages, oldest first",
    params(("case" = u64, Path, description = "The case id"), PageQuery),
    responses(
        (status = 200, description = "One page of messages", body = CommentList),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(query): QueryArgs<PageQuery>,
) -> ApiResult<Json<CommentList>> {
    rules::require_privileges(&auth.caller, CASES, "read case messages")?;
    let filters = fingerprint(&("comments", id));
    let after = match &query.page_token {
        Some(t) if !t.trim().is_empty() => PageToken::<u64>::decode(t, &filters)?.cursor,
        _ => 0,
    };
    let limit = page_size(query.page_size)?;
    state
        .read(move |tx| {
            visible_case(tx, &auth.caller, id)?;
            let mut comments = tx.list_comments(id, after, limit + 1)?;
            let next_page_token = if comments.len() > limit as usize {
                comments.truncate(limit as usize);
                comments.last().map(|c| {
                    PageToken {
                        cursor: c.id,
                        as_of: None,
                        filters: filters.clone(),
                    }
                    .encode()
                })
            } else {
                None
            };
            Ok(Json(CommentList {
                comments,
                next_page_token,
            }))
        })
        .await
}

#[utoipa::path(
    post,
    path = "/v1/cases/{case}/comments",
    operation_id = "createComment",
    tag = "comments",
    summary = "Post a message to the case",
    params(("case" = u64, Path, description = "The case id"), WriteQuery),
    request_body = CreateCommentRequest,
    responses(
        (status = 201, description = "The new message; with validateOnly, as it would be posted (nothing is posted, its id is not reserved)", body = Comment),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(write): QueryArgs<WriteQuery>,
    super::JsonBody(request): super::JsonBody<CreateCommentRequest>,
) -> ApiResult<(StatusCode, Json<Comment>)> {
    let body = rules::validate_text("body", &request.body, rules::MAX_TEXT_CHARS)?;
    state
        .write_or_validate(write.validate_only(), move |tx| {
            post_comment(tx, &auth, id, &body).map(|c| (StatusCode::CREATED, Json(c)))
        })
        .await
}

/// Posts a message (`body` already validated): an agent's on any case it sees; a reseller's on
/// an open case of its domain, handing a case that waits on the reseller back to support.
pub fn post_comment(tx: &dyn Tx, auth: &Auth, id: u64, body: &str) -> ApiResult<Comment> {
    let now = auth.clock.now();
    if auth.caller.is_agent() {
        visible_case(tx, &auth.caller, id)?;
        return Ok(tx.insert_comment(id, body, &auth.caller.email, AuthorRole::Support, now)?);
    }
    let (case, _) = writable_case(tx, &auth.caller, id, "comment on cases")?;
    rules::check_open(&case, "comment on it", now)?;
    let comment = tx.insert_comment(id, body, &auth.caller.email, AuthorRole::Reseller, now)?;
    if let Some(next) = rules::state_after_reseller_comment(case.state) {
        tx.set_case_state(
            id,
            next,
            None,
            now,
            &auth.caller.email,
            StateChangeVia::Message,
        )?;
    }
    Ok(comment)
}
