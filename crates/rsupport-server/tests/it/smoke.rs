//! The server's core routes end to end over real HTTP.

use crate::common::{TestServer, World, new_case};
use serde_json::json;

#[tokio::test]
async fn health_answers_without_a_token() {
    let server = TestServer::start();
    let answer = server.api("").get("/v1/health").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["status"], "ok");
}

#[tokio::test]
async fn whoami_names_the_user_domain_and_privileges() {
    let world = World::new();
    let answer = world.api_a().get("/v1/whoami").await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body["email"], "admin@a.example");
    assert_eq!(answer.body["domain"], "a.example");
    assert_eq!(answer.body["role"], "reseller");
    assert_eq!(answer.body["devMode"], false);
    assert_eq!(
        answer.body["privileges"],
        json!(["support", "customers.view", "cases.access"])
    );
}

#[tokio::test]
async fn a_filed_case_can_be_read_back_with_its_defaults() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "Mail bounces").await;
    let answer = api.get(&format!("/v1/cases/{id}")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["displayName"], "Mail bounces");
    assert_eq!(answer.body["state"], "new");
    assert_eq!(answer.body["languageCode"], "en-US");
    assert_eq!(answer.body["timeZone"], "UTC");
    assert_eq!(answer.body["resellerDomain"], "a.example");
    assert_eq!(
        answer.body["classification"]["displayName"],
        "Gmail > Delivery"
    );
}

#[tokio::test]
async fn dev_mode_serves_the_seeded_demo() {
    let server = TestServer::start_dev();
    let token = server.token(rsupport_server::demo::ADMIN_EMAIL);
    let answer = server
        .api(&token)
        .get("/v1/cases?state=all&pageSize=500")
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    let cases = answer.body["cases"].as_array().unwrap();
    assert!(cases.len() >= 20, "{}", cases.len());
    assert!(
        cases
            .iter()
            .all(|c| c["resellerDomain"] == "reseller.example.com")
    );
}

#[tokio::test]
async fn a_case_goes_through_comment_close_and_reopen() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("standard-co", "Calendar").await;
    let c = api
        .post(
            &format!("/v1/cases/{id}/comments"),
            json!({"body": "more info"}),
        )
        .await;
    assert_eq!(c.status, 201, "{:?}", c.body);
    let closed = api.post(&format!("/v1/cases/{id}/close"), json!({})).await;
    assert_eq!(closed.body["state"], "closed");
    assert!(closed.body["closeTime"].is_string());
    let reopened = api
        .post(
            &format!("/v1/cases/{id}/reopen"),
            json!({"comment": "again"}),
        )
        .await;
    assert_eq!(reopened.body["state"], "in-progress");
    assert!(reopened.body.get("closeTime").is_none());
    let comments = api.get(&format!("/v1/cases/{id}/comments")).await;
    let bodies: Vec<_> = comments.body["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].clone())
        .collect();
    assert_eq!(bodies, vec![json!("more info"), json!("again")]);
}

#[tokio::test]
async fn an_attachment_round_trips_with_its_checksum() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("standard-co", "Logs").await;
    let content = b"hello log".to_vec();
    let sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&content))
    };
    let up = api.upload(id, "log.txt", content.clone(), Some(&sha)).await;
    assert_eq!(up.status, 201, "{:?}", up.body);
    let att = up.body["id"].as_u64().unwrap();
    let down = api
        .get(&format!("/v1/cases/{id}/attachments/{att}/content"))
        .await;
    assert_eq!(down.status, 200);
    assert_eq!(down.bytes, content);
    assert_eq!(down.headers["x-content-sha256"], sha.as_str());
    assert_eq!(down.headers["content-type"], "application/octet-stream");
    assert_eq!(up.body["mimeType"], "text/plain");
    let _ = new_case("x", "y");
}

#[tokio::test]
async fn a_case_path_that_is_not_a_number_is_an_invalid_argument_naming_the_case() {
    let world = World::new();
    let api = world.api_a();
    for (method, path) in [
        ("GET", "/v1/cases/abc"),
        ("GET", "/v1/cases/12x/comments"),
        ("POST", "/v1/cases/-1/close"),
    ] {
        let answer = api.send(method, path, None).await;
        assert_eq!(answer.status, 400, "{method} {path}: {:?}", answer.body);
        assert_eq!(answer.reason(), "INVALID_ARGUMENT", "{method} {path}");
        assert_eq!(answer.body["error"]["details"]["field"], "case");
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains("is not a case id"), "{message}");
    }
}
