//! A database that the previous server version left (its engine's schema one version back,
//! filled through the API of that schema) opened by this build: every case is kept as it
//! was, and it then holds what the new schema adds (P0 cases, Google Cloud's priority).

use crate::common::{TestServer, World, new_case};
use serde_json::{Value, json};

#[tokio::test]
async fn a_database_of_the_previous_schema_keeps_its_cases_and_then_stores_p0() {
    let mut world = World::on(TestServer::start_on_previous_schema());
    let api = world.api_a();
    let mut ids = Vec::new();
    for (title, priority) in [("Mail bounces", "P1"), ("Calendar is slow", "P4")] {
        let mut body = new_case("premium-co", title);
        body["priority"] = json!(priority);
        let answer = api.post("/v1/cases", body).await;
        assert_eq!(answer.status, 201, "{:#}", answer.body);
        ids.push(answer.body["id"].as_u64().unwrap());
    }
    let answer = api
        .post(
            &format!("/v1/cases/{}/comments", ids[1]),
            json!({"body": "Any news?"}),
        )
        .await;
    assert_eq!(answer.status, 201, "{:#}", answer.body);
    let before = api.get("/v1/cases?state=all&orderBy=severity").await;
    assert_eq!(before.status, 200);
    let history = api.get(&format!("/v1/cases/{}/events", ids[1])).await.body;

    world.server.restart(); // this build's store: migrates

    let api = world.api_a();
    let after = api.get("/v1/cases?state=all&orderBy=severity").await;
    assert_eq!(after.body, before.body, "every case as it was");
    assert_eq!(
        api.get(&format!("/v1/cases/{}/events", ids[1])).await.body,
        history
    );

    // P0 through the Cloud Support API surface: a new case, and an old one raised to it
    let answer = api
        .post(
            "/v2/projects/premium-co/cases",
            json!({
                "displayName": "Everything is down",
                "description": "No mail since 9:00",
                "classification": {"id": "gmail-delivery"},
                "priority": "P0",
            }),
        )
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    assert_eq!(answer.body["priority"], "P0");
    let new_id: u64 = answer.body["name"]
        .as_str()
        .and_then(|n| n.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(new_id > ids[1], "a new id after the kept ones: {new_id}");
    let answer = api
        .patch(
            &format!(
                "/v2/projects/premium-co/cases/{}?updateMask=priority",
                ids[1]
            ),
            json!({"priority": "P0"}),
        )
        .await;
    assert_eq!(answer.status, 200, "{:#}", answer.body);
    assert_eq!(answer.body["priority"], "P0");

    let listed = api.get("/v1/cases?state=all&orderBy=severity").await;
    let order: Vec<(u64, &str)> = listed.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c: &Value| (c["id"].as_u64().unwrap(), c["priority"].as_str().unwrap()))
        .collect();
    assert_eq!(
        order,
        [(ids[1], "P0"), (new_id, "P0"), (ids[0], "P1")],
        "P0 first (most recently updated first among them)"
    );
    // the change is in the case's history, as any other severity change
    let events = api.get(&format!("/v1/cases/{}/events", ids[1])).await.body;
    let last = events["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "severity-changed", "{last:#}");
    assert_eq!(last["to"], "P0", "{last:#}");
}
