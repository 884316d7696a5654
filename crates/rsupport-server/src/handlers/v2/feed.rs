//! `cases.showFeed` of v2beta (`GET /v2beta/projects/{customer}/cases/{id}:showFeed`): a case's
//! messages and attachments as one timeline, oldest first unless `orderBy=creation_time desc`.

use axum::response::Response;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::cases::named_case;
use super::{Call, CaseRef, V2Error, V2Result, ok, page_size, wire};
use crate::handlers::{PageToken, fingerprint};
use crate::rules;
use rsupport_api::types::Privilege;

const CASES: &[Privilege] = &[Privilege::Support, Privilege::CasesAccess];

/// How many messages are read from the store at a time while the feed is gathered.
const MESSAGES_PER_READ: u32 = 500;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FeedQuery {
    #[serde(default)]
    order_by: Option<String>,
    #[serde(default)]
    page_size: Option<String>,
    #[serde(default)]
    page_token: Option<String>,
}

/// One entry of the feed: a message or an attachment, with when it happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedItem {
    pub event_time: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<wire::Comment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment: Option<wire::Attachment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShowFeedResponse {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub feed_items: Vec<FeedItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// `true` for newest first: `orderBy` is `creation_time` with an optional `asc`/`desc`,
/// case and extra blanks aside.
fn newest_first(order_by: Option<&str>) -> V2Result<bool> {
    let text = order_by.unwrap_or("").to_ascii_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [] | ["creation_time"] | ["creation_time", "asc"] => Ok(false),
        ["creation_time", "desc"] => Ok(true),
        _ => Err(V2Error::invalid(format!(
            "orderBy '{}' is not valid: the only field is creation_time, optionally followed by asc or desc",
            order_by.unwrap_or("").escape_default()
        ))),
    }
}

pub async fn show(mut call: Call, case: CaseRef) -> V2Result<Response> {
    let auth = call.auth().await?;
    rules::require_privileges(&auth.caller, CASES, "read a case's feed")?;
    let query: FeedQuery = call.query(&["orderBy", "pageSize", "pageToken"])?;
    let descending = newest_first(query.order_by.as_deref())?;
    let limit = page_size(
        query.page_size.as_deref(),
        call.state.config.v2_max_page_size,
    )? as usize;
    let filters = fingerprint(&("v2beta-feed", case.id, descending));
    let skip = match query.page_token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => PageToken::<u64>::decode(t, &filters)?.cursor as usize,
        _ => 0,
    };
    let name = case.name();
    let (comments, attachments) = call
        .state
        .read(move |tx| {
            if let Err(e) = named_case(tx, &auth, &case) {
                return Ok(Err(e));
            }
            let mut comments = Vec::new();
            loop {
                let after = comments
                    .last()
                    .map_or(0, |c: &rsupport_api::types::Comment| c.id);
                let batch = tx.list_comments(case.id, after, MESSAGES_PER_READ)?;
                let done = batch.len() < MESSAGES_PER_READ as usize;
                comments.extend(batch);
                if done {
                    break;
                }
            }
            Ok(Ok((comments, tx.list_attachments(case.id)?)))
        })
        .await??;
    // (time, 0 for a message / 1 for an attachment, id): a stable order for ties
    let mut items: Vec<((Timestamp, u8, u64), FeedItem)> = comments
        .iter()
        .map(|c| {
            let comment = wire::Comment::of(&name, c);
            (
                (comment.create_time, 0, c.id),
                FeedItem {
                    event_time: comment.create_time,
                    comment: Some(comment),
                    attachment: None,
                },
            )
        })
        .chain(attachments.iter().map(|a| {
            let attachment = wire::Attachment::of(&name, a);
            (
                (attachment.create_time, 1, a.id),
                FeedItem {
                    event_time: attachment.create_time,
                    comment: None,
                    attachment: Some(attachment),
                },
            )
        }))
        .collect();
    items.sort_by_key(|(key, _)| *key);
    if descending {
        items.reverse();
    }
    let total = items.len();
    let page: Vec<FeedItem> = items
        .into_iter()
        .skip(skip)
        .take(limit)
        .map(|(_, item)| item)
        .collect();
    let end = skip + page.len();
    let next_page_token = (end < total).then(|| {
        PageToken {
            cursor: end as u64,
            as_of: None,
            filters: filters.clone(),
        }
        .encode()
    });
    ok(ShowFeedResponse {
        feed_items: page,
        next_page_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_by_takes_creation_time_with_a_direction() {
        assert!(!newest_first(None).unwrap());
        assert!(!newest_first(Some(" Creation_Time  ASC ")).unwrap());
        assert!(newest_first(Some("creation_time desc")).unwrap());
        let err = newest_first(Some("update_time desc")).unwrap_err();
        assert!(err.message.contains("creation_time"), "{}", err.message);
    }
}
