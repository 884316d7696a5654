//! `validateOnly=true` on every write: the real call's checks and answer, nothing changed.
//! Each test runs the write as a dry run, checks that the database (every row of every table,
//! update times and events included) and the server's folder are as they were, then runs the
//! same write for real and checks that the dry run answered what it answers.

use rsupport_server::{ServerConfig, demo};
use serde_json::{Value, json};
use sha2::Digest;

use crate::common::{Answer, Api, TestServer, World, new_case};

fn snapshot(server: &TestServer) -> Vec<String> {
    server.snapshot()
}

fn with_validate_only(path: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}validateOnly=true")
}

/// The answer without the times a real call stamps later than its dry run.
fn timeless(mut body: Value) -> Value {
    if let Value::Object(map) = &mut body {
        for key in ["updateTime", "createTime", "closeTime", "escalation"] {
            map.remove(key);
        }
    }
    body
}

/// Runs `method path body` as a dry run (asserting that nothing changed) and then for real;
/// asserts both answered alike (status included) and returns the dry run's answer.
async fn dry_then_real(
    server: &TestServer,
    api: &Api,
    method: &str,
    path: &str,
    body: Value,
) -> Answer {
    let before = snapshot(server);
    let dry = api
        .send(method, &with_validate_only(path), Some(body.clone()))
        .await;
    assert_eq!(
        before,
        snapshot(server),
        "a validateOnly {method} {path} changed the store: {:?}",
        dry.body
    );
    let real = api.send(method, path, Some(body)).await;
    let replayed_create = path == "/v1/cases" && real.status == 200;
    if real.status < 400 && !replayed_create {
        assert_ne!(before, snapshot(server), "the snapshot sees a real write");
    }
    assert_eq!(dry.status, real.status, "{:?} vs {:?}", dry.body, real.body);
    if real.status >= 400 {
        assert_eq!(dry.body, real.body, "a dry run refuses as the real call");
    } else {
        assert_eq!(timeless(dry.body.clone()), timeless(real.body.clone()));
    }
    dry
}

fn demo_server() -> (TestServer, Api) {
    let server = TestServer::start_dev();
    let api = server.api(&server.token(demo::ADMIN_EMAIL));
    (server, api)
}

#[tokio::test]
async fn a_validate_only_create_answers_the_would_be_case_with_201_and_files_nothing() {
    let world = World::new();
    let dry = dry_then_real(
        &world.server,
        &world.api_a(),
        "POST",
        "/v1/cases",
        new_case("premium-co", "Mail bounces"),
    )
    .await;
    assert_eq!(dry.status, 201, "201: the call would create");
    assert_eq!(dry.body["displayName"], "Mail bounces");
    assert_eq!(dry.body["state"], "new");
}

#[tokio::test]
async fn validate_only_create_refusals_are_the_real_ones() {
    let world = World::new();
    let api = world.api_a();
    let mut unknown_category = new_case("premium-co", "x");
    unknown_category["classification"] = json!("gmail-teleportation");
    let mut bad_email = new_case("premium-co", "x");
    bad_email["subscriberEmailAddresses"] = json!(["not-an-email"]);
    for (body, reason) in [
        (new_case("locked-co", "x"), "CUSTOMER_ACCESS_NOT_GRANTED"),
        (new_case("b-co", "x"), "CUSTOMER_NOT_FOUND"),
        (unknown_category, "CATEGORY_NOT_FOUND"),
        (bad_email, "INVALID_ARGUMENT"),
    ] {
        let dry = dry_then_real(&world.server, &api, "POST", "/v1/cases", body).await;
        assert_eq!(dry.reason(), reason, "{:?}", dry.body);
    }
    let viewer = world.server.api(&world.a_viewer);
    let dry = dry_then_real(
        &world.server,
        &viewer,
        "POST",
        "/v1/cases",
        new_case("premium-co", "x"),
    )
    .await;
    assert_eq!(dry.reason(), "PRIVILEGE_MISSING");
}

#[tokio::test]
async fn a_validate_only_create_with_a_used_request_id_answers_as_a_retry_would() {
    let world = World::new();
    let api = world.api_a();
    let first = new_case("premium-co", "Mail bounces");
    let filed = api.post("/v1/cases", first.clone()).await;
    assert_eq!(filed.status, 201);
    let same = dry_then_real(&world.server, &api, "POST", "/v1/cases", first.clone()).await;
    assert_eq!(same.status, 200, "200: the case filed the first time");
    assert_eq!(same.body["id"], filed.body["id"]);
    let mut other = first;
    other["displayName"] = json!("Another title");
    let conflict = dry_then_real(&world.server, &api, "POST", "/v1/cases", other).await;
    assert_eq!(conflict.reason(), "IDEMPOTENCY_CONFLICT");
}

#[tokio::test]
async fn validate_only_update_answers_the_changed_case_and_keeps_the_update_time() {
    let (server, api) = demo_server();
    let path = format!("/v1/cases/{}", demo::CASE_OPEN_PREMIUM);
    let dry = dry_then_real(
        &server,
        &api,
        "PATCH",
        &path,
        json!({"priority": "P1", "displayName": "Now urgent"}),
    )
    .await;
    assert_eq!(dry.body["priority"], "P1");
    let closed = format!("/v1/cases/{}", demo::CASE_CLOSED_LONG_AGO);
    let refused = dry_then_real(&server, &api, "PATCH", &closed, json!({"priority": "P1"})).await;
    assert_eq!(refused.reason(), "CASE_CLOSED");
}

#[tokio::test]
async fn validate_only_close_and_reopen_answer_the_new_state_and_change_nothing() {
    let (server, api) = demo_server();
    let close = format!("/v1/cases/{}/close", demo::CASE_OPEN_PREMIUM);
    let dry = dry_then_real(&server, &api, "POST", &close, json!({"comment": "fixed"})).await;
    assert_eq!(dry.body["state"], "closed");
    let again = dry_then_real(&server, &api, "POST", &close, json!({})).await;
    assert_eq!(again.reason(), "CASE_CLOSED");
    let reopen = format!("/v1/cases/{}/reopen", demo::CASE_CLOSED_RECENTLY);
    let dry = dry_then_real(&server, &api, "POST", &reopen, json!({})).await;
    assert_eq!(dry.body["state"], "in-progress");
}

#[tokio::test]
async fn a_validate_only_reopen_past_the_window_is_refused_with_the_close_date() {
    let (server, api) = demo_server();
    let reopen = format!("/v1/cases/{}/reopen", demo::CASE_CLOSED_LONG_AGO);
    let dry = dry_then_real(&server, &api, "POST", &reopen, json!({})).await;
    assert_eq!(dry.status, 409);
    assert_eq!(dry.reason(), "REOPEN_WINDOW_EXPIRED");
    assert!(dry.body["error"]["details"]["closeTime"].is_string());
}

#[tokio::test]
async fn validate_only_escalate_follows_the_premium_rule() {
    let (server, api) = demo_server();
    let body = json!({"reason": "business-impact", "justification": "Payroll is blocked"});
    let standard = format!("/v1/cases/{}/escalate", demo::CASE_ACTION_REQUIRED);
    let refused = dry_then_real(&server, &api, "POST", &standard, body.clone()).await;
    assert_eq!(refused.reason(), "ESCALATION_NOT_ALLOWED");
    let premium = format!("/v1/cases/{}/escalate", demo::CASE_OPEN_PREMIUM);
    let dry = dry_then_real(&server, &api, "POST", &premium, body).await;
    assert_eq!(dry.body["escalated"], true);
}

#[tokio::test]
async fn validate_only_writes_to_a_customer_without_access_are_refused_alike() {
    let (server, api) = demo_server();
    let case = demo::CASE_NO_ACCESS;
    for (method, path, body) in [
        ("POST", format!("/v1/cases/{case}/close"), json!({})),
        (
            "POST",
            format!("/v1/cases/{case}/comments"),
            json!({"body": "hi"}),
        ),
        (
            "POST",
            format!("/v1/cases/{case}/share"),
            json!({"add": ["a@b.example"]}),
        ),
        (
            "PATCH",
            format!("/v1/cases/{case}"),
            json!({"priority": "P1"}),
        ),
    ] {
        let dry = dry_then_real(&server, &api, method, &path, body).await;
        assert_eq!(dry.status, 403, "{path}: {:?}", dry.body);
        assert_eq!(dry.reason(), "CUSTOMER_ACCESS_NOT_GRANTED");
    }
}

#[tokio::test]
async fn validate_only_share_checks_the_emails_and_answers_the_subscribers() {
    let (server, api) = demo_server();
    let share = format!("/v1/cases/{}/share", demo::CASE_OPEN_PREMIUM);
    let refused = dry_then_real(&server, &api, "POST", &share, json!({"add": ["nope"]})).await;
    assert_eq!(refused.body["error"]["details"]["field"], "add");
    let dry = dry_then_real(
        &server,
        &api,
        "POST",
        &share,
        json!({"add": ["ops@acme.example"]}),
    )
    .await;
    assert!(
        dry.body["subscriberEmailAddresses"]
            .as_array()
            .unwrap()
            .contains(&json!("ops@acme.example"))
    );
}

#[tokio::test]
async fn a_validate_only_comment_answers_the_message_and_posts_nothing() {
    let (server, api) = demo_server();
    let comments = format!("/v1/cases/{}/comments", demo::CASE_ACTION_REQUIRED);
    let dry = dry_then_real(
        &server,
        &api,
        "POST",
        &comments,
        json!({"body": "Done, retry"}),
    )
    .await;
    assert_eq!(dry.body["body"], "Done, retry");
    let closed = format!("/v1/cases/{}/comments", demo::CASE_CLOSED_LONG_AGO);
    let refused = dry_then_real(&server, &api, "POST", &closed, json!({"body": "x"})).await;
    assert_eq!(refused.reason(), "CASE_CLOSED");
}

#[tokio::test]
async fn a_validate_only_state_change_by_an_agent_changes_nothing() {
    let (server, _) = demo_server();
    let agent = server.api(&server.token(demo::AGENT_EMAIL));
    let path = format!("/v1/cases/{}/state", demo::CASE_OPEN_PREMIUM);
    let dry = dry_then_real(
        &server,
        &agent,
        "POST",
        &path,
        json!({"state": "solution-provided"}),
    )
    .await;
    assert_eq!(dry.body["state"], "solution-provided");
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(sha2::Sha256::digest(bytes))
}

/// An upload with `query` and `body`, raw.
async fn upload(server: &TestServer, token: &str, case: u64, query: &str, body: Vec<u8>) -> Answer {
    let client = crate::common::http_client(reqwest::Client::builder());
    let response = client
        .post(format!(
            "{}/v1/cases/{case}/attachments?{query}",
            server.url
        ))
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .expect("upload");
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap().to_vec();
    Answer {
        status,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        headers: Default::default(),
        bytes,
    }
}

#[tokio::test]
async fn a_validate_only_upload_reads_the_body_and_stores_nothing_not_even_a_temporary_file() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let before = snapshot(&world.server);
    let body = b"report".to_vec();
    let query = format!(
        "filename=report.txt&sha256={}&validateOnly=true",
        sha(&body)
    );
    let dry = upload(&world.server, &world.a, id, &query, body.clone()).await;
    assert_eq!(dry.status, 201, "{:?}", dry.body);
    assert_eq!(dry.body["sizeBytes"], 6);
    assert_eq!(dry.body["sha256"], sha(&body));
    assert_eq!(dry.body["mimeType"], "text/plain");
    assert_eq!(before, snapshot(&world.server));
    let mismatch = format!("filename=report.txt&sha256={}&validateOnly=true", sha(b"x"));
    let refused = upload(&world.server, &world.a, id, &mismatch, body).await;
    assert_eq!(refused.reason(), "CHECKSUM_MISMATCH");
    assert_eq!(before, snapshot(&world.server));
}

#[tokio::test]
async fn a_validate_only_upload_without_a_body_checks_the_declared_size_against_the_limit() {
    let world = World::on(TestServer::start_with(ServerConfig {
        max_attachment_bytes: 1024,
        ..ServerConfig::default()
    }));
    let id = world.api_a().create_case("premium-co", "x").await;
    let before = snapshot(&world.server);
    let fits = upload(
        &world.server,
        &world.a,
        id,
        "filename=a.bin&sizeBytes=1024&validateOnly=true",
        Vec::new(),
    )
    .await;
    assert_eq!(fits.status, 201, "{:?}", fits.body);
    assert_eq!(fits.body["sizeBytes"], 1024);
    let dry = upload(
        &world.server,
        &world.a,
        id,
        "filename=a.bin&sizeBytes=1025&validateOnly=true",
        Vec::new(),
    )
    .await;
    let real = upload(&world.server, &world.a, id, "filename=a.bin", vec![1; 1025]).await;
    assert_eq!(dry.status, 413);
    assert_eq!(dry.body, real.body, "refused as the real upload");
    let nothing = upload(
        &world.server,
        &world.a,
        id,
        "filename=a.bin&validateOnly=true",
        Vec::new(),
    )
    .await;
    assert_eq!(nothing.body["error"]["details"]["field"], "body");
    assert_eq!(before, snapshot(&world.server));
}

#[tokio::test]
async fn a_validate_only_upload_to_another_domains_case_is_not_found() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let query = "filename=a.txt&sizeBytes=3&validateOnly=true";
    let dry = upload(&world.server, &world.b, id, query, Vec::new()).await;
    let real = upload(
        &world.server,
        &world.b,
        id,
        "filename=a.txt",
        b"abc".to_vec(),
    )
    .await;
    assert_eq!(dry.status, 404);
    assert_eq!(dry.body, real.body);
}

#[tokio::test]
async fn a_body_counts_for_its_own_size_whatever_size_bytes_declares() {
    let world = World::on(TestServer::start_with(ServerConfig {
        max_attachment_bytes: 1024,
        ..ServerConfig::default()
    }));
    let id = world.api_a().create_case("premium-co", "x").await;
    let query = "filename=a.txt&sizeBytes=4096&validateOnly=true";
    let dry = upload(&world.server, &world.a, id, query, b"abc".to_vec()).await;
    assert_eq!(dry.status, 201, "{:?}", dry.body);
    assert_eq!(dry.body["sizeBytes"], 3);
    let real = upload(
        &world.server,
        &world.a,
        id,
        "filename=a.txt&sizeBytes=9",
        b"abc".to_vec(),
    )
    .await;
    assert_eq!(real.status, 201, "{:?}", real.body);
    assert_eq!(real.body["sizeBytes"], 3);
}
