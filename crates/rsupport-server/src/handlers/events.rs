//! A case's timeline: its events, oldest first, paged; and a long-poll that waits for the next
//! ones.
//!
//! A long-poll holds no database connection while it waits: it reads, and when nothing is new
//! it waits for a write of this process ([`AppState::writes`], bumped after each commit), the
//! server's shutdown, or [`RECHECK_INTERVAL`], then reads again. The recheck is what sees
//! writes of other processes on the same database file (`rsupport-server admin support reply`):
//! several server processes would wake each other only through it (or a shared notification
//! channel, which one process does not need).

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use tokio::time::Instant;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{ApiResult, Failure};
use crate::handlers::cases::visible_case;
use crate::handlers::{CaseId, PageToken, QueryArgs, fingerprint, page_size};
use crate::rules;
use rsupport_api::error::ErrorBody;
use rsupport_api::types::{CaseEventList, ListEventsQuery, MAX_WAIT_SECONDS, Privilege};

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// How often a waiting long-poll reads the database again, for writes of other processes.
pub const RECHECK_INTERVAL: Duration = Duration::from_secs(1);

#[utoipa::path(
    get,
    path = "/v1/cases/{case}/events",
    operation_id = "listCaseEvents",
    tag = "events",
    summary = "The case's timeline, oldest first; with `after` and `waitSeconds`, a long-poll for the next events",
    params(("case" = u64, Path, description = "The case id"), ListEventsQuery),
    responses(
        (status = 200, description = "One page of events and the cursor to wait after; empty (same cursor) when nothing happened within `waitSeconds`", body = CaseEventList),
        (status = "default", description = "An error: `error.reason` says which (see the ErrorReason schema)", body = ErrorBody),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    CaseId(id): CaseId,
    QueryArgs(query): QueryArgs<ListEventsQuery>,
) -> ApiResult<Json<CaseEventList>> {
    rules::require_privileges(&auth.caller, CASES, "read case events")?;
    let filters = fingerprint(&("events", id));
    let from_token = match &query.page_token {
        Some(t) if !t.trim().is_empty() => Some(PageToken::<u64>::decode(t, &filters)?.cursor),
        _ => None,
    };
    if from_token.is_some() && query.after.is_some() {
        return Err(Failure::invalid(
            "after",
            "give either 'after' (a cursor) or 'pageToken' (the next page), not both",
        ));
    }
    let after = from_token.or(query.after).unwrap_or(0);
    let limit = page_size(query.page_size)?;
    let wait = match query.wait_seconds.unwrap_or(0) {
        n if n <= MAX_WAIT_SECONDS => Duration::from_secs(u64::from(n)),
        n => {
            return Err(Failure::invalid(
                "waitSeconds",
                format!("waitSeconds {n} is too long: wait 0 to {MAX_WAIT_SECONDS} seconds"),
            ));
        }
    };
    // answer before the connection's idle limit or the request's time limit cuts it
    let margin = Duration::from_secs(1);
    let wait = wait
        .min(state.config.idle_timeout.saturating_sub(margin))
        .min(state.config.request_timeout.saturating_sub(margin));
    let deadline = Instant::now() + wait;
    let mut writes = state.writes.subscribe();
    let mut closing = state.closing.subscribe();
    loop {
        // a write committed after this point wakes the wait below
        writes.mark_unchanged();
        let caller = auth.caller.clone();
        let mut events = state
            .read(move |tx| {
                visible_case(tx, &caller, id)?;
                Ok(tx.list_events(id, after, limit + 1)?)
            })
            .await?;
        let now = Instant::now();
        if !events.is_empty() || now >= deadline || *closing.borrow() {
            let next_page_token = if events.len() > limit as usize {
                events.truncate(limit as usize);
                events.last().map(|e| {
                    PageToken {
                        cursor: e.id,
                        as_of: None,
                        filters: filters.clone(),
                    }
                    .encode()
                })
            } else {
                None
            };
            let cursor = events.last().map_or(after, |e| e.id);
            return Ok(Json(CaseEventList {
                events,
                cursor,
                next_page_token,
            }));
        }
        let recheck = deadline.min(now + RECHECK_INTERVAL);
        tokio::select! {
            changed = writes.changed() => {
                if changed.is_err() {
                    tokio::time::sleep_until(recheck).await;
                }
            }
            _ = closing.changed() => {}
            () = tokio::time::sleep_until(recheck) => {}
        }
    }
}
