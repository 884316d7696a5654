//! Case lists: filters, keyword search, sort orders, and cursor pagination that stays correct
//! while cases are created and updated between pages.

use std::collections::{BTreeSet, HashSet};

use crate::common::{Api, World, ids, new_case, page, walk};
use serde_json::json;

async fn file(api: &Api, title: &str, priority: &str, description: &str) -> u64 {
    let mut body = new_case("premium-co", title);
    body["priority"] = json!(priority);
    body["description"] = json!(description);
    let answer = api.post("/v1/cases", body).await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    answer.body["id"].as_u64().unwrap()
}

#[tokio::test]
async fn the_default_list_shows_open_cases_most_recently_updated_first() {
    let world = World::new();
    let api = world.api_a();
    let first = api.create_case("premium-co", "first").await;
    let second = api.create_case("premium-co", "second").await;
    let closed = api.create_case("premium-co", "closed").await;
    api.post(&format!("/v1/cases/{closed}/close"), json!({}))
        .await;
    api.post(
        &format!("/v1/cases/{first}/comments"),
        json!({"body": "bump"}),
    )
    .await;
    assert_eq!(ids(&api.get("/v1/cases").await.body), vec![first, second]);
}

#[tokio::test]
async fn the_state_filter_takes_closed_all_or_one_state() {
    let world = World::new();
    let api = world.api_a();
    let open = api.create_case("premium-co", "open").await;
    let closed = api.create_case("premium-co", "closed").await;
    api.post(&format!("/v1/cases/{closed}/close"), json!({}))
        .await;
    assert_eq!(
        ids(&api.get("/v1/cases?state=closed").await.body),
        vec![closed]
    );
    assert_eq!(ids(&api.get("/v1/cases?state=all").await.body).len(), 2);
    assert_eq!(ids(&api.get("/v1/cases?state=new").await.body), vec![open]);
}

#[tokio::test]
async fn an_unknown_state_filter_names_the_parameter() {
    let world = World::new();
    let answer = world.api_a().get("/v1/cases?state=pending").await;
    assert_eq!(answer.reason(), "INVALID_ARGUMENT");
    assert_eq!(answer.body["error"]["details"]["field"], "state");
}

#[tokio::test]
async fn the_severity_filter_takes_several_levels() {
    let world = World::new();
    let api = world.api_a();
    let p1 = file(&api, "a", "P1", "d").await;
    let p2 = file(&api, "b", "P2", "d").await;
    file(&api, "c", "P4", "d").await;
    let found: BTreeSet<u64> = ids(&api.get("/v1/cases?priority=P1,P2").await.body)
        .into_iter()
        .collect();
    assert_eq!(found, BTreeSet::from([p1, p2]));
}

#[tokio::test]
async fn severity_order_puts_p1_first_then_the_most_recently_updated() {
    let world = World::new();
    let api = world.api_a();
    let p3_old = file(&api, "a", "P3", "d").await;
    let p1 = file(&api, "b", "P1", "d").await;
    let p3_new = file(&api, "c", "P3", "d").await;
    let p2 = file(&api, "d", "P2", "d").await;
    assert_eq!(
        ids(&api.get("/v1/cases?orderBy=severity").await.body),
        vec![p1, p2, p3_new, p3_old]
    );
}

#[tokio::test]
async fn created_order_ignores_later_updates() {
    let world = World::new();
    let api = world.api_a();
    let old = api.create_case("premium-co", "old").await;
    let new = api.create_case("premium-co", "new").await;
    api.post(
        &format!("/v1/cases/{old}/comments"),
        json!({"body": "bump"}),
    )
    .await;
    assert_eq!(
        ids(&api.get("/v1/cases?orderBy=created").await.body),
        vec![new, old]
    );
}

#[tokio::test]
async fn keyword_search_matches_title_description_and_messages() {
    let world = World::new();
    let api = world.api_a();
    let by_title = file(&api, "Quarantine of invoices", "P3", "nothing").await;
    let by_description = file(&api, "Other", "P3", "invoices land in quarantine").await;
    let by_message = file(&api, "Third", "P3", "nothing").await;
    file(&api, "Unrelated", "P3", "calendar").await;
    api.post(
        &format!("/v1/cases/{by_message}/comments"),
        json!({"body": "the quarantine also holds invoices"}),
    )
    .await;
    let found: BTreeSet<u64> = ids(&api.get("/v1/cases?query=quarantine%20invoices").await.body)
        .into_iter()
        .collect();
    assert_eq!(
        found,
        BTreeSet::from([by_title, by_description, by_message])
    );
}

#[tokio::test]
async fn keyword_search_needs_every_keyword() {
    let world = World::new();
    let api = world.api_a();
    let both = file(&api, "Mail bounces", "P3", "external recipients").await;
    file(&api, "Mail is slow", "P3", "internal").await;
    assert_eq!(
        ids(&api.get("/v1/cases?query=mail%20external").await.body),
        vec![both]
    );
}

#[tokio::test]
async fn keyword_search_matches_word_prefixes() {
    let world = World::new();
    let api = world.api_a();
    let id = file(&api, "Calendar synchronisation fails", "P3", "d").await;
    assert_eq!(
        ids(&api.get("/v1/cases?query=synchro").await.body),
        vec![id]
    );
}

#[tokio::test]
async fn updated_since_keeps_only_recent_changes() {
    let world = World::new();
    let api = world.api_a();
    let old = api.create_case("premium-co", "old").await;
    let new = api.post("/v1/cases", new_case("premium-co", "new")).await;
    let since = new.body["createTime"].as_str().unwrap();
    let found = ids(&api
        .get(&format!("/v1/cases?updatedSince={since}"))
        .await
        .body);
    assert_eq!(found, vec![new.body["id"].as_u64().unwrap()]);
    assert!(!found.contains(&old));
}

#[tokio::test]
async fn categories_are_searchable_by_keyword() {
    let world = World::new();
    let all = world.api_a().get("/v1/categories").await;
    assert!(all.body["categories"].as_array().unwrap().len() >= 24);
    let gmail = world
        .api_a()
        .get("/v1/categories?query=gmail%20delivery")
        .await;
    assert_eq!(gmail.body["categories"][0]["id"], "gmail-delivery");
    assert_eq!(gmail.body["categories"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn paging_walks_every_case_once() {
    let world = World::new();
    let api = world.api_a();
    let mut filed = BTreeSet::new();
    for i in 0..13 {
        filed.insert(api.create_case("premium-co", &format!("case {i}")).await);
    }
    for order in ["updated", "created", "severity"] {
        let seen = walk(&api, &format!("orderBy={order}"), 4).await;
        assert_eq!(seen.len(), 13, "{order}");
        assert_eq!(
            seen.iter().copied().collect::<BTreeSet<_>>(),
            filed,
            "{order}"
        );
    }
}

#[tokio::test]
async fn a_page_token_used_with_other_filters_is_refused() {
    let world = World::new();
    let api = world.api_a();
    for i in 0..3 {
        api.create_case("premium-co", &format!("c{i}")).await;
    }
    let page = api.get("/v1/cases?pageSize=1").await;
    let token = page.body["nextPageToken"].as_str().unwrap();
    let answer = api
        .get(&format!("/v1/cases?pageSize=1&state=all&pageToken={token}"))
        .await;
    assert_eq!(answer.reason(), "INVALID_ARGUMENT");
    assert_eq!(answer.body["error"]["details"]["field"], "pageToken");
}

#[tokio::test]
async fn a_malformed_page_token_is_refused() {
    let world = World::new();
    let answer = world.api_a().get("/v1/cases?pageToken=not-a-token").await;
    assert_eq!(answer.body["error"]["details"]["field"], "pageToken");
}

#[tokio::test]
async fn comments_page_oldest_first() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    for i in 0..5 {
        api.post(
            &format!("/v1/cases/{id}/comments"),
            json!({"body": format!("m{i}")}),
        )
        .await;
    }
    let first = api
        .get(&format!("/v1/cases/{id}/comments?pageSize=3"))
        .await;
    let token = first.body["nextPageToken"].as_str().unwrap();
    let second = api
        .get(&format!(
            "/v1/cases/{id}/comments?pageSize=3&pageToken={token}"
        ))
        .await;
    let bodies: Vec<&str> = first.body["comments"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second.body["comments"].as_array().unwrap())
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, vec!["m0", "m1", "m2", "m3", "m4"]);
    assert!(second.body.get("nextPageToken").is_none());
}

/// Pages through a list while `between` changes cases after every page; every case that
/// existed at the first page must be seen exactly once.
async fn page_while_writing(order: &str) {
    let world = World::new();
    let api = world.api_a();
    let mut existing = Vec::new();
    for i in 0..24 {
        let priority = ["P1", "P2", "P3", "P4"][i % 4];
        existing.push(file(&api, &format!("case {i}"), priority, "d").await);
    }
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut round = 0;
    loop {
        let (page_ids, next) = page(&api, &format!("orderBy={order}"), 5, token.as_deref()).await;
        seen.extend(page_ids);
        // Between pages: move cases not yet seen to the top, already seen ones too, change
        // severities, and file new cases.
        let oldest_unseen = existing.iter().find(|id| !seen.contains(id)).copied();
        if let Some(id) = oldest_unseen {
            api.post(
                &format!("/v1/cases/{id}/comments"),
                json!({"body": format!("bump {round}")}),
            )
            .await;
            api.patch(&format!("/v1/cases/{id}"), json!({"priority": "P1"}))
                .await;
        }
        if let Some(&id) = seen.first() {
            api.patch(&format!("/v1/cases/{id}"), json!({"priority": "P4"}))
                .await;
        }
        file(&api, &format!("new {round}"), "P1", "d").await;
        round += 1;
        match next {
            Some(t) => token = Some(t),
            None => break,
        }
        assert!(round < 100, "pagination did not end");
    }
    let unique: HashSet<u64> = seen.iter().copied().collect();
    assert_eq!(
        unique.len(),
        seen.len(),
        "{order}: a case was listed twice: {seen:?}"
    );
    for id in &existing {
        assert!(
            unique.contains(id),
            "{order}: case {id} was skipped: {seen:?}"
        );
    }
}

#[tokio::test]
async fn paging_by_update_time_while_cases_change_skips_and_repeats_nothing() {
    page_while_writing("updated").await;
}

#[tokio::test]
async fn paging_by_severity_while_cases_change_skips_and_repeats_nothing() {
    page_while_writing("severity").await;
}

#[tokio::test]
async fn paging_by_creation_while_cases_change_skips_and_repeats_nothing() {
    page_while_writing("created").await;
}

#[tokio::test]
async fn paging_while_another_client_writes_concurrently_skips_and_repeats_nothing() {
    let world = World::new();
    let api = world.api_a();
    let mut existing = Vec::new();
    for i in 0..40 {
        existing.push(api.create_case("premium-co", &format!("case {i}")).await);
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let api = api.clone();
        let existing = existing.clone();
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut i = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && i < 2000 {
                let id = existing[(i * 7) % existing.len()];
                api.post(&format!("/v1/cases/{id}/comments"), json!({"body": "bump"}))
                    .await;
                if i.is_multiple_of(5) {
                    api.create_case("premium-co", "concurrent").await;
                }
                i += 1;
            }
        })
    };
    let seen = walk(&api, "orderBy=updated", 3).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.await.unwrap();
    let unique: HashSet<u64> = seen.iter().copied().collect();
    assert_eq!(unique.len(), seen.len(), "a case was listed twice");
    for id in &existing {
        assert!(unique.contains(id), "case {id} was skipped");
    }
}

#[tokio::test]
async fn a_malformed_query_parameter_is_named() {
    let world = World::new();
    let answer = world.api_a().get("/v1/cases?orderBy=bogus").await;
    assert_eq!(answer.reason(), "INVALID_ARGUMENT");
    assert_eq!(answer.body["error"]["details"]["field"], "orderBy");
    let answer = world.api_a().get("/v1/cases?updatedSince=yesterday").await;
    assert_eq!(answer.body["error"]["details"]["field"], "updatedSince");
}

#[tokio::test]
async fn include_counts_answers_a_count_per_state_for_every_filter_but_state() {
    let world = World::new();
    let api = world.api_a();
    let p1_open = file(&api, "a", "P1", "d").await;
    let p1_closed = file(&api, "b", "P1", "d").await;
    file(&api, "c", "P1", "d").await;
    file(&api, "d", "P3", "d").await;
    api.post(&format!("/v1/cases/{p1_closed}/close"), json!({}))
        .await;
    let first = api
        .get("/v1/cases?priority=P1&pageSize=1&includeCounts=true")
        .await;
    assert_eq!(first.status, 200, "{:?}", first.body);
    assert_eq!(
        first.body["stateCounts"],
        json!({"new": 2, "in-progress": 0, "action-required": 0, "solution-provided": 0, "closed": 1})
    );
    assert_eq!(ids(&first.body).len(), 1);
    // Later pages do not count again; a list that did not ask has no counts.
    let token = first.body["nextPageToken"].as_str().unwrap();
    let second = api
        .get(&format!(
            "/v1/cases?priority=P1&pageSize=1&includeCounts=true&pageToken={token}"
        ))
        .await;
    assert_eq!(second.status, 200, "{:?}", second.body);
    assert!(
        second.body.get("stateCounts").is_none(),
        "{:?}",
        second.body
    );
    let plain = api.get("/v1/cases?priority=P1").await;
    assert!(plain.body.get("stateCounts").is_none(), "{:?}", plain.body);
    assert!(ids(&plain.body).contains(&p1_open));
}
