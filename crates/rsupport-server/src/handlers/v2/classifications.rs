//! `caseClassifications.search`: the category catalogue as classifications.

use axum::response::Response;

use super::{Call, PageQuery, V2Result, ok, page_size, wire};
use crate::catalogue;
use crate::handlers::{PageToken, fingerprint};
use crate::rules;
use rsupport_api::types::Privilege;

/// What a classification query asks for: `id:"…"`/`id="…"` (one id), `display_name:"*…*"`
/// (or `displayName`; words of the display name, `*` wildcards dropped), or plain words.
fn matching(query: &str) -> Vec<rsupport_api::types::Category> {
    let query = query.trim();
    let unquote = |v: &str| v.trim().trim_matches('"').replace('*', " ");
    for field in ["id:", "id="] {
        if let Some(value) = query.strip_prefix(field) {
            let id = unquote(value);
            return catalogue::find(id.trim()).into_iter().cloned().collect();
        }
    }
    for field in [
        "display_name:",
        "displayName:",
        "display_name=",
        "displayName=",
    ] {
        if let Some(value) = query.strip_prefix(field) {
            return catalogue::search(Some(&unquote(value)));
        }
    }
    catalogue::search(Some(query))
}

/// `GET /v2/caseClassifications:search?query=…`.
pub async fn search(mut call: Call) -> V2Result<Response> {
    let auth = call.auth().await?;
    rules::require_privileges(
        &auth.caller,
        &[Privilege::Support],
        "browse the category catalogue",
    )?;
    let query: PageQuery = call.query(&["query", "pageSize", "pageToken"])?;
    let text = query.query.unwrap_or_default();
    let limit = page_size(
        query.page_size.as_deref(),
        call.state.config.v2_max_page_size,
    )? as usize;
    let filters = fingerprint(&("v2-classifications", &text));
    let skip = match query.page_token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => PageToken::<u64>::decode(t, &filters)?.cursor as usize,
        _ => 0,
    };
    let found = matching(&text);
    let page: Vec<_> = found.iter().skip(skip).take(limit).cloned().collect();
    let end = skip + page.len();
    let next_page_token = (end < found.len()).then(|| {
        PageToken {
            cursor: end as u64,
            as_of: None,
            filters: filters.clone(),
        }
        .encode()
    });
    ok(wire::SearchCaseClassificationsResponse {
        case_classifications: wire::classifications(&page),
        next_page_token,
    })
}
