//! A case's timeline (`GET /v1/cases/{case}/events`): every change recorded in order with its
//! actor, none for a dry run, the same visibility as the case, and the long-poll that answers
//! when something happens (also when another process writes) or when its wait is over.

use serde_json::{Value, json};

use crate::common::process::admin_output;
use crate::common::{World, new_case};

fn kinds(events: &Value) -> Vec<String> {
    events
        .as_array()
        .expect("an event array")
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn a_case_taken_through_every_kind_of_change_has_each_event_in_order() {
    let world = World::new();
    let api = world.api_a();
    let agent = world.api_agent();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let case = format!("/v1/cases/{id}");
    let ok = |a: crate::common::Answer| assert!(a.status < 300, "{:?}", a.body);
    ok(api
        .post(&format!("{case}/comments"), json!({"body": "More details"}))
        .await);
    ok(api.upload(id, "log.txt", b"hello".to_vec(), None).await);
    ok(agent
        .post(&format!("{case}/state"), json!({"state": "in-progress"}))
        .await);
    ok(agent
        .post(&format!("{case}/comments"), json!({"body": "Looking"}))
        .await);
    ok(api
        .patch(
            &case,
            json!({"priority": "P1", "displayName": "All mail bounces"}),
        )
        .await);
    ok(api
        .post(
            &format!("{case}/escalate"),
            json!({"reason": "business-impact", "justification": "The CEO cannot send mail"}),
        )
        .await);
    ok(api
        .post(
            &format!("{case}/share"),
            json!({"add": ["ops@premium.example"]}),
        )
        .await);
    ok(api.post(&format!("{case}/close"), json!({})).await);
    ok(api.post(&format!("{case}/reopen"), json!({})).await);

    let answer = api.get(&format!("{case}/events")).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    let events = &answer.body["events"];
    assert_eq!(
        kinds(events),
        [
            "created",
            "message",
            "attachment-added",
            "state-changed",
            "message",
            "title-changed",
            "severity-changed",
            "escalated",
            "sharing-changed",
            "state-changed",
            "state-changed",
        ]
    );
    let e = events.as_array().unwrap();
    assert_eq!(e[0]["actor"], "admin@a.example");
    assert_eq!(e[0]["title"], "Mail bounces");
    assert_eq!(e[1]["authorRole"], "reseller");
    assert_eq!(e[2]["filename"], "log.txt");
    assert_eq!(e[2]["sizeBytes"], 5);
    assert_eq!(
        (&e[3]["from"], &e[3]["to"], &e[3]["via"], &e[3]["actor"]),
        (
            &json!("new"),
            &json!("in-progress"),
            &json!("support"),
            &json!("agent@support.example")
        )
    );
    assert_eq!(e[4]["authorRole"], "support");
    assert_eq!(
        (&e[5]["from"], &e[5]["to"]),
        (&json!("Mail bounces"), &json!("All mail bounces"))
    );
    assert_eq!((&e[6]["from"], &e[6]["to"]), (&json!("P3"), &json!("P1")));
    assert_eq!(e[7]["reason"], "business-impact");
    assert_eq!(e[8]["added"], json!(["ops@premium.example"]));
    assert_eq!(
        (&e[9]["to"], &e[9]["via"]),
        (&json!("closed"), &json!("close"))
    );
    assert_eq!(
        (&e[10]["to"], &e[10]["via"]),
        (&json!("in-progress"), &json!("reopen"))
    );
    let ids: Vec<u64> = e.iter().map(|e| e["id"].as_u64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids grow: {ids:?}");
    assert!(e.iter().all(|e| e["caseId"] == id && e["time"].is_string()));
    assert_eq!(answer.body["cursor"], json!(ids.last().unwrap()));

    // paged: two at a time, the same events
    let mut paged = Vec::new();
    let mut token = String::new();
    loop {
        let page = api
            .get(&format!("{case}/events?pageSize=2&pageToken={token}"))
            .await;
        assert_eq!(page.status, 200, "{:?}", page.body);
        paged.extend(page.body["events"].as_array().unwrap().iter().cloned());
        match page.body["nextPageToken"].as_str() {
            Some(next) => token = next.to_string(),
            None => break,
        }
    }
    assert_eq!(&Value::Array(paged), events);
}

#[tokio::test]
async fn a_validate_only_write_records_no_event() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let case = format!("/v1/cases/{id}");
    for (method, path, body) in [
        (
            "POST",
            format!("{case}/comments?validateOnly=true"),
            json!({"body": "x"}),
        ),
        (
            "PATCH",
            format!("{case}?validateOnly=true"),
            json!({"priority": "P1"}),
        ),
        ("POST", format!("{case}/close?validateOnly=true"), json!({})),
        (
            "POST",
            format!("{case}/share?validateOnly=true"),
            json!({"add": ["a@premium.example"]}),
        ),
        (
            "POST",
            "/v1/cases?validateOnly=true".to_string(),
            new_case("premium-co", "Dry"),
        ),
    ] {
        let answer = api.send(method, &path, Some(body)).await;
        assert!(answer.status < 300, "{method} {path}: {:?}", answer.body);
    }
    let events = api.get(&format!("{case}/events")).await;
    assert_eq!(kinds(&events.body["events"]), ["created"]);
}

#[tokio::test]
async fn another_domains_case_has_no_events_to_show() {
    let world = World::new();
    let id = world
        .api_a()
        .create_case("premium-co", "Mail bounces")
        .await;
    let answer = world.api_b().get(&format!("/v1/cases/{id}/events")).await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.reason(), "CASE_NOT_FOUND");
}

#[tokio::test]
async fn a_long_poll_with_nothing_new_answers_the_same_cursor_when_its_wait_is_over() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let first = api.get(&format!("/v1/cases/{id}/events")).await;
    let cursor = first.body["cursor"].as_u64().unwrap();
    let answer = api
        .get(&format!(
            "/v1/cases/{id}/events?after={cursor}&waitSeconds=1"
        ))
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body["events"], json!([]));
    assert_eq!(answer.body["cursor"], cursor);
}

#[tokio::test]
async fn a_long_poll_answers_when_support_replies_from_another_process() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let cursor = api.get(&format!("/v1/cases/{id}/events")).await.body["cursor"]
        .as_u64()
        .unwrap();
    let waiting = tokio::spawn({
        let api = api.clone();
        async move {
            api.get(&format!(
                "/v1/cases/{id}/events?after={cursor}&waitSeconds=60"
            ))
            .await
        }
    });
    // the real admin command, in its own process, on the same database file
    let db = world.server.db.clone();
    let reply = tokio::task::spawn_blocking(move || {
        admin_output(
            &db,
            &["support", "reply", &id.to_string(), "--body", "On it"],
        )
    })
    .await
    .unwrap();
    assert!(
        reply.status.success(),
        "{}",
        String::from_utf8_lossy(&reply.stderr)
    );
    let answer = waiting.await.unwrap();
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(kinds(&answer.body["events"]), ["message"]);
    assert_eq!(answer.body["events"][0]["authorRole"], "support");
    assert_eq!(answer.body["events"][0]["body"], "On it");
}

#[tokio::test]
async fn a_wait_over_sixty_seconds_is_refused_naming_the_parameter() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let answer = api
        .get(&format!("/v1/cases/{id}/events?after=0&waitSeconds=61"))
        .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["error"]["details"]["field"], "waitSeconds");
}

#[tokio::test]
async fn a_cursor_past_every_event_answers_none_and_keeps_the_cursor() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let answer = api
        .get(&format!("/v1/cases/{id}/events?after={}", u64::MAX))
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body["events"], json!([]));
    assert_eq!(answer.body["cursor"], json!(u64::MAX));
}
