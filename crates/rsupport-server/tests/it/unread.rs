//! Read markers over HTTP: `POST /v1/cases/{case}/read`, `unread` on every case a reseller user
//! is served, and `GET /v1/cases?unread=true` with its paging.

use crate::common::{Api, World, ids};
use serde_json::{Value, json};

async fn reply(agent: &Api, id: u64, body: &str) {
    let answer = agent
        .post(&format!("/v1/cases/{id}/comments"), json!({"body": body}))
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
}

async fn mark_read(api: &Api, id: u64, body: Value) -> Value {
    let answer = api.post(&format!("/v1/cases/{id}/read"), body).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    answer.body
}

async fn unread(api: &Api, id: u64) -> Value {
    let answer = api.get(&format!("/v1/cases/{id}")).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    answer.body["unread"].clone()
}

#[tokio::test]
async fn marking_read_is_idempotent_and_every_reseller_answer_carries_unread() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    assert_eq!(
        unread(&api, id).await,
        json!(false),
        "no support activity yet"
    );
    reply(&world.api_agent(), id, "Looking into it").await;
    assert_eq!(unread(&api, id).await, json!(true));

    // a write of the reseller answers the case with its marker, and does not clear it
    let patched = api
        .patch(&format!("/v1/cases/{id}"), json!({"priority": "P1"}))
        .await;
    assert_eq!(patched.body["unread"], json!(true), "{:?}", patched.body);

    let marked = mark_read(&api, id, json!({})).await;
    assert_eq!(marked["unread"], json!(false));
    let again = api
        .send("POST", &format!("/v1/cases/{id}/read"), None)
        .await;
    assert_eq!(again.status, 200, "no body is fine: {:?}", again.body);
    assert_eq!(again.body["unread"], json!(false));
    assert_eq!(unread(&api, id).await, json!(false));

    // agents have no read markers: the field is left out for them
    let seen_by_agent = world.api_agent().get(&format!("/v1/cases/{id}")).await;
    assert!(
        seen_by_agent.body.get("unread").is_none(),
        "{:?}",
        seen_by_agent.body
    );
}

#[tokio::test]
async fn a_read_up_to_the_time_shown_leaves_later_support_activity_unread() {
    let world = World::new();
    let api = world.api_a();
    let agent = world.api_agent();
    let id = api.create_case("premium-co", "Mail bounces").await;
    reply(&agent, id, "First answer").await;
    let shown = api.get(&format!("/v1/cases/{id}")).await.body["updateTime"].clone();
    reply(
        &agent,
        id,
        "Second answer, after the reader fetched the case",
    )
    .await;

    let marked = mark_read(&api, id, json!({"updateTime": shown})).await;
    assert_eq!(marked["unread"], json!(true));

    // a marker never moves back
    mark_read(&api, id, json!({})).await;
    mark_read(&api, id, json!({"updateTime": shown})).await;
    assert_eq!(unread(&api, id).await, json!(false));
}

#[tokio::test]
async fn a_support_state_change_makes_a_read_case_unread() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    mark_read(&api, id, json!({})).await;
    let moved = world
        .api_agent()
        .post(
            &format!("/v1/cases/{id}/state"),
            json!({"state": "solution-provided"}),
        )
        .await;
    assert_eq!(moved.status, 200, "{:?}", moved.body);
    assert_eq!(unread(&api, id).await, json!(true));
}

#[tokio::test]
async fn the_unread_filter_pages_through_unread_cases_only() {
    let world = World::new();
    let api = world.api_a();
    let agent = world.api_agent();
    let mut answered = Vec::new();
    for n in 0..9 {
        let id = api.create_case("premium-co", &format!("case {n}")).await;
        if n % 3 != 1 {
            answered.push(id);
        }
    }
    for id in &answered {
        reply(&agent, *id, "On it").await;
    }
    answered.reverse();
    let read_later = answered[4];

    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut path = "/v1/cases?unread=true&pageSize=2".to_string();
        if let Some(t) = &token {
            path.push_str(&format!("&pageToken={t}"));
        }
        let page = api.get(&path).await;
        assert_eq!(page.status, 200, "{:?}", page.body);
        assert!(
            page.body["cases"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["unread"] == json!(true))
        );
        seen.extend(ids(&page.body));
        if seen.len() == 2 {
            // read while the list is paged: it leaves the pages still to come
            mark_read(&api, read_later, json!({})).await;
        }
        match page.body["nextPageToken"].as_str() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    let expected: Vec<u64> = answered
        .iter()
        .copied()
        .filter(|id| *id != read_later)
        .collect();
    assert_eq!(seen, expected);

    // a token of the unread list is not one of the whole list
    let first = api.get("/v1/cases?unread=true&pageSize=2").await;
    let token = first.body["nextPageToken"].as_str().unwrap().to_string();
    let mixed = api
        .get(&format!("/v1/cases?pageSize=2&pageToken={token}"))
        .await;
    assert_eq!(mixed.status, 400, "{:?}", mixed.body);

    // the counts are of the unread cases
    let counted = api.get("/v1/cases?unread=true&includeCounts=true").await;
    assert_eq!(counted.body["stateCounts"]["new"], json!(expected.len()));
}

#[tokio::test]
async fn read_markers_are_per_user_and_only_for_reseller_users() {
    let world = World::new();
    world.server.admin(&[
        "user",
        "add",
        "colleague@a.example",
        "--privileges",
        "support,customers.view,cases.access",
    ]);
    let colleague = world.server.api(&world.server.token("colleague@a.example"));
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    reply(&world.api_agent(), id, "Looking into it").await;
    mark_read(&api, id, json!({})).await;
    assert_eq!(unread(&api, id).await, json!(false));
    assert_eq!(unread(&colleague, id).await, json!(true));

    // another domain's case is not found, to mark read as to read
    let other = world
        .api_b()
        .post(&format!("/v1/cases/{id}/read"), json!({}))
        .await;
    assert_eq!(other.status, 404, "{:?}", other.body);

    let by_agent = world
        .api_agent()
        .post(&format!("/v1/cases/{id}/read"), json!({}))
        .await;
    assert_eq!(by_agent.status, 403, "{:?}", by_agent.body);
    let agent_list = world.api_agent().get("/v1/cases?unread=true").await;
    assert_eq!(agent_list.status, 400, "{:?}", agent_list.body);
    assert_eq!(
        agent_list.body["error"]["details"]["field"],
        json!("unread")
    );
}
