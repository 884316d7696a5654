//! The reseller portal's rules, each over real HTTP against a real SQLite file.

use crate::common::{Answer, TestServer, World, new_case};
use rsupport_server::demo;
use serde_json::json;

/// A create refused as `INVALID_ARGUMENT` naming `field`, with a message, and no case filed.
async fn assert_refused_naming(world: &World, answer: &Answer, field: &str) {
    assert_eq!(answer.status, 400, "{:?}", answer.body);
    assert_eq!(answer.reason(), "INVALID_ARGUMENT", "{:?}", answer.body);
    assert_eq!(answer.body["error"]["details"]["field"], field);
    let message = answer.body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.len() > 10,
        "a message says what is wrong: {message:?}"
    );
    let cases = world.api_a().get("/v1/cases?state=all").await;
    assert_eq!(
        cases.body["cases"],
        json!([]),
        "a refused create filed a case"
    );
}

/// An action refused as `INVALID_ARGUMENT` naming `field`; the case is as it was filed.
async fn assert_invalid_and_unchanged(world: &World, id: u64, answer: &Answer, field: &str) {
    assert_eq!(answer.status, 400, "{:?}", answer.body);
    assert_eq!(answer.reason(), "INVALID_ARGUMENT", "{:?}", answer.body);
    assert_eq!(answer.body["error"]["details"]["field"], field);
    let case = world.api_a().get(&format!("/v1/cases/{id}")).await.body;
    assert_eq!(case["escalated"], false, "{case}");
    assert_eq!(case["subscriberEmailAddresses"], json!([]), "{case}");
    assert_eq!(
        case["createTime"], case["updateTime"],
        "the case changed: {case}"
    );
}

// ---- filing ----

#[tokio::test]
async fn filing_for_a_customer_without_the_access_grant_is_refused() {
    let world = World::new();
    let answer = world
        .api_a()
        .post("/v1/cases", new_case("locked-co", "x"))
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(answer.reason(), "CUSTOMER_ACCESS_NOT_GRANTED");
    assert_eq!(answer.body["error"]["details"]["customer"], "locked-co");
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Admin console")
    );
}

#[tokio::test]
async fn v1_refuses_p0_in_a_create_an_update_and_a_filter_naming_the_field() {
    let world = World::new();
    let api = world.api_a();
    let says_p1_to_p4 = |answer: &Answer| {
        let message = answer.body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("P0") && message.contains("P1") && message.contains("P4"),
            "the message names P0 and lists P1-P4: {message}"
        );
    };
    let mut body = new_case("premium-co", "Everything is down");
    body["priority"] = json!("P0");
    let answer = api.post("/v1/cases", body).await;
    assert_refused_naming(&world, &answer, "priority").await;
    says_p1_to_p4(&answer);

    let id = api.create_case("premium-co", "Mail bounces").await;
    let answer = api
        .patch(&format!("/v1/cases/{id}"), json!({"priority": "P0"}))
        .await;
    assert_invalid_and_unchanged(&world, id, &answer, "priority").await;
    says_p1_to_p4(&answer);
    assert_eq!(
        api.get(&format!("/v1/cases/{id}")).await.body["priority"],
        "P3"
    );

    let answer = api.get("/v1/cases?priority=P0,P1").await;
    assert_eq!(answer.status, 400, "{:?}", answer.body);
    assert_eq!(answer.reason(), "INVALID_ARGUMENT");
    assert_eq!(answer.body["error"]["details"]["field"], "priority");
    let message = answer.body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("P1, P2, P3, P4"), "{message}");
}

#[tokio::test]
async fn filing_with_an_unknown_category_is_category_not_found() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["classification"] = json!("gmail-teleportation");
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.reason(), "CATEGORY_NOT_FOUND");
}

#[tokio::test]
async fn filing_with_an_empty_title_names_the_field() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["displayName"] = json!("   ");
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_refused_naming(&world, &answer, "displayName").await;
}

#[tokio::test]
async fn filing_with_a_too_long_description_names_the_field() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["description"] = json!("x".repeat(32_001));
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_refused_naming(&world, &answer, "description").await;
}

#[tokio::test]
async fn filing_with_an_unknown_time_zone_names_the_field() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["timeZone"] = json!("Mars/Olympus_Mons");
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_refused_naming(&world, &answer, "timeZone").await;
}

#[tokio::test]
async fn filing_with_a_malformed_language_names_the_field() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["languageCode"] = json!("not a language");
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_refused_naming(&world, &answer, "languageCode").await;
}

#[tokio::test]
async fn filing_keeps_a_valid_language_and_time_zone() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["languageCode"] = json!("it-IT");
    body["timeZone"] = json!("Europe/Rome");
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_eq!(answer.body["languageCode"], "it-IT");
    assert_eq!(answer.body["timeZone"], "Europe/Rome");
}

#[tokio::test]
async fn filing_with_an_invalid_subscriber_email_names_the_field() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["subscriberEmailAddresses"] = json!(["not-an-email"]);
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_refused_naming(&world, &answer, "subscriberEmailAddresses").await;
}

#[tokio::test]
async fn a_body_missing_a_field_names_it() {
    let world = World::new();
    let answer = world
        .api_a()
        .post("/v1/cases", json!({"requestId": "r1", "displayName": "x"}))
        .await;
    assert_refused_naming(&world, &answer, "customer").await;
}

#[tokio::test]
async fn a_retried_create_with_the_same_body_answers_the_first_case() {
    let world = World::new();
    let body = new_case("premium-co", "Once");
    let first = world.api_a().post("/v1/cases", body.clone()).await;
    let again = world.api_a().post("/v1/cases", body).await;
    assert_eq!(first.status, 201);
    assert_eq!(again.status, 200);
    assert_eq!(first.body["id"], again.body["id"]);
}

#[tokio::test]
async fn a_reused_request_id_with_another_body_is_a_conflict() {
    let world = World::new();
    let body = new_case("premium-co", "Once");
    world.api_a().post("/v1/cases", body.clone()).await;
    let mut other = body;
    other["displayName"] = json!("Something else");
    let answer = world.api_a().post("/v1/cases", other).await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.reason(), "IDEMPOTENCY_CONFLICT");
}

#[tokio::test]
async fn request_ids_are_scoped_per_reseller_domain() {
    let world = World::new();
    let mut a = new_case("premium-co", "A");
    let mut b = new_case("b-co", "B");
    a["requestId"] = json!("same-id");
    b["requestId"] = json!("same-id");
    assert_eq!(world.api_a().post("/v1/cases", a).await.status, 201);
    assert_eq!(world.api_b().post("/v1/cases", b).await.status, 201);
}

// ---- writes on filed cases ----

#[tokio::test]
async fn a_filed_case_stays_readable_but_not_writable_after_the_grant_is_revoked() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "before revoke").await;
    world
        .server
        .admin(&["customer", "access", "premium-co", "revoked"]);
    assert_eq!(api.get(&format!("/v1/cases/{id}")).await.status, 200);
    let answer = api
        .post(&format!("/v1/cases/{id}/comments"), json!({"body": "hi"}))
        .await;
    assert_eq!(answer.reason(), "CUSTOMER_ACCESS_NOT_GRANTED");
    let upload = api.upload(id, "a.txt", b"a".to_vec(), None).await;
    assert_eq!(upload.reason(), "CUSTOMER_ACCESS_NOT_GRANTED");
}

#[tokio::test]
async fn update_changes_title_and_severity_and_bumps_the_update_time() {
    let world = World::new();
    let api = world.api_a();
    let created = api.post("/v1/cases", new_case("premium-co", "old")).await;
    let id = created.body["id"].as_u64().unwrap();
    let answer = api
        .patch(
            &format!("/v1/cases/{id}"),
            json!({"displayName": "new", "priority": "P1"}),
        )
        .await;
    assert_eq!(answer.body["displayName"], "new");
    assert_eq!(answer.body["priority"], "P1");
    assert!(
        answer.body["updateTime"].as_str().unwrap() > created.body["updateTime"].as_str().unwrap()
    );
}

#[tokio::test]
async fn an_empty_update_changes_nothing() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let before = world.api_a().get(&format!("/v1/cases/{id}")).await.body;
    let answer = world
        .api_a()
        .patch(&format!("/v1/cases/{id}"), json!({}))
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body, before);
}

async fn closed_case(world: &World) -> u64 {
    let id = world.api_a().create_case("premium-co", "to close").await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/close"), json!({}))
        .await;
    assert_eq!(answer.body["state"], "closed");
    id
}

#[tokio::test]
async fn updating_a_closed_case_is_refused() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .patch(&format!("/v1/cases/{id}"), json!({"priority": "P1"}))
        .await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.reason(), "CASE_CLOSED");
}

#[tokio::test]
async fn commenting_on_a_closed_case_is_refused() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/comments"), json!({"body": "x"}))
        .await;
    assert_eq!(answer.reason(), "CASE_CLOSED");
}

#[tokio::test]
async fn sharing_a_closed_case_is_refused() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/share"),
            json!({"add": ["x@y.example"]}),
        )
        .await;
    assert_eq!(answer.reason(), "CASE_CLOSED");
}

#[tokio::test]
async fn closing_a_closed_case_is_refused() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/close"), json!({}))
        .await;
    assert_eq!(answer.reason(), "CASE_CLOSED");
}

#[tokio::test]
async fn attachments_can_be_added_to_a_closed_case() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .upload(id, "late.txt", b"late".to_vec(), None)
        .await;
    assert_eq!(answer.status, 201);
}

#[tokio::test]
async fn closing_with_a_comment_posts_it() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    api.post(
        &format!("/v1/cases/{id}/close"),
        json!({"comment": "fixed by itself"}),
    )
    .await;
    let comments = api.get(&format!("/v1/cases/{id}/comments")).await;
    assert_eq!(comments.body["comments"][0]["body"], "fixed by itself");
}

#[tokio::test]
async fn reopening_an_open_case_is_refused() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/reopen"), json!({}))
        .await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.reason(), "CASE_NOT_CLOSED");
}

#[tokio::test]
async fn reopening_sets_in_progress_and_clears_the_close_time() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/reopen"), json!({}))
        .await;
    assert_eq!(answer.body["state"], "in-progress");
    assert!(answer.body.get("closeTime").is_none());
}

#[tokio::test]
async fn reopen_after_thirty_days_is_refused_with_the_close_date() {
    let server = TestServer::start_dev();
    let api = server.api(&server.token(demo::ADMIN_EMAIL));
    let case = api
        .get(&format!("/v1/cases/{}", demo::CASE_CLOSED_RECENTLY))
        .await;
    let close_time = case.body["closeTime"].as_str().unwrap().to_string();
    server.admin(&["clock", "advance", "31d"]);
    let answer = api
        .post(
            &format!("/v1/cases/{}/reopen", demo::CASE_CLOSED_RECENTLY),
            json!({}),
        )
        .await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.reason(), "REOPEN_WINDOW_EXPIRED");
    assert_eq!(
        answer.body["error"]["details"]["closeTime"],
        close_time.as_str()
    );
    assert!(answer.body["error"]["details"]["reopenDeadline"].is_string());
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("file a new case")
    );
}

#[tokio::test]
async fn reopen_within_thirty_days_is_allowed_in_the_demo() {
    let server = TestServer::start_dev();
    let api = server.api(&server.token(demo::ADMIN_EMAIL));
    let answer = api
        .post(
            &format!("/v1/cases/{}/reopen", demo::CASE_CLOSED_RECENTLY),
            json!({}),
        )
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
}

#[tokio::test]
async fn a_served_server_ignores_the_dev_clock() {
    let world = World::new();
    let id = closed_case(&world).await;
    world.server.admin(&["clock", "advance", "31d"]);
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/reopen"), json!({}))
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
}

#[tokio::test]
async fn whoami_reports_the_advanced_dev_clock() {
    let server = TestServer::start_dev();
    let api = server.api(&server.token(demo::ADMIN_EMAIL));
    let before: jiff::Timestamp = api.get("/v1/whoami").await.body["serverTime"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    server.admin(&["clock", "advance", "31d"]);
    let whoami = api.get("/v1/whoami").await;
    let after: jiff::Timestamp = whoami.body["serverTime"].as_str().unwrap().parse().unwrap();
    assert!(after.duration_since(before) >= jiff::SignedDuration::from_hours(31 * 24));
    assert_eq!(whoami.body["devMode"], true);
}

// ---- escalation ----

fn escalation(justification: &str) -> serde_json::Value {
    json!({"reason": "business-impact", "justification": justification})
}

#[tokio::test]
async fn escalation_records_reason_and_justification() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/escalate"),
            escalation("CEO blocked"),
        )
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body["escalated"], true);
    assert_eq!(answer.body["escalation"]["reason"], "business-impact");
    assert_eq!(answer.body["escalation"]["justification"], "CEO blocked");
}

#[tokio::test]
async fn escalation_is_refused_below_the_premium_plan() {
    let world = World::new();
    let id = world.api_a().create_case("enhanced-co", "x").await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/escalate"), escalation("x"))
        .await;
    assert_eq!(answer.reason(), "ESCALATION_NOT_ALLOWED");
    assert_eq!(answer.body["error"]["details"]["why"], "plan");
}

#[tokio::test]
async fn escalation_of_a_closed_case_is_refused() {
    let world = World::new();
    let id = closed_case(&world).await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/escalate"), escalation("x"))
        .await;
    assert_eq!(answer.body["error"]["details"]["why"], "closed");
}

#[tokio::test]
async fn escalating_twice_is_refused() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    world
        .api_a()
        .post(&format!("/v1/cases/{id}/escalate"), escalation("x"))
        .await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/escalate"), escalation("x"))
        .await;
    assert_eq!(answer.body["error"]["details"]["why"], "already-escalated");
}

#[tokio::test]
async fn escalation_needs_a_justification() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/escalate"), escalation(" "))
        .await;
    assert_invalid_and_unchanged(&world, id, &answer, "justification").await;
}

#[tokio::test]
async fn escalation_with_an_unknown_reason_names_the_field() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/escalate"),
            json!({"reason": "boredom", "justification": "x"}),
        )
        .await;
    assert_invalid_and_unchanged(&world, id, &answer, "reason").await;
    let message = answer.body["error"]["message"].as_str().unwrap();
    assert!(message.contains("boredom"), "{message}");
}

// ---- sharing ----

#[tokio::test]
async fn sharing_adds_and_removes_subscribers() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    let added = api
        .post(
            &format!("/v1/cases/{id}/share"),
            json!({"add": ["Ops@Premium-co.example", "cto@premium-co.example"]}),
        )
        .await;
    assert_eq!(
        added.body["subscriberEmailAddresses"],
        json!(["ops@premium-co.example", "cto@premium-co.example"])
    );
    let removed = api
        .post(
            &format!("/v1/cases/{id}/share"),
            json!({"remove": ["ops@premium-co.example"]}),
        )
        .await;
    assert_eq!(
        removed.body["subscriberEmailAddresses"],
        json!(["cto@premium-co.example"])
    );
}

#[tokio::test]
async fn sharing_with_an_invalid_email_is_refused() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .post(&format!("/v1/cases/{id}/share"), json!({"add": ["nope"]}))
        .await;
    assert_invalid_and_unchanged(&world, id, &answer, "add").await;
}

// ---- support agents ----

#[tokio::test]
async fn an_agent_sees_every_domains_cases() {
    let world = World::new();
    let a = world.api_a().create_case("premium-co", "a").await;
    let b = world.api_b().create_case("b-co", "b").await;
    let list = world.api_agent().get("/v1/cases").await;
    let ids: Vec<u64> = list.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert!(ids.contains(&a) && ids.contains(&b), "{ids:?}");
}

#[tokio::test]
async fn an_agent_comment_is_authored_by_support() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_agent()
        .post(
            &format!("/v1/cases/{id}/comments"),
            json!({"body": "on it"}),
        )
        .await;
    assert_eq!(answer.status, 201);
    assert_eq!(answer.body["authorRole"], "support");
    assert_eq!(answer.body["author"], "agent@support.example");
}

#[tokio::test]
async fn an_agent_moves_a_case_to_action_required() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_agent()
        .post(
            &format!("/v1/cases/{id}/state"),
            json!({"state": "action-required"}),
        )
        .await;
    assert_eq!(answer.body["state"], "action-required");
}

#[tokio::test]
async fn an_agent_closing_a_case_sets_its_close_time() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_agent()
        .post(&format!("/v1/cases/{id}/state"), json!({"state": "closed"}))
        .await;
    assert_eq!(answer.body["state"], "closed");
    assert!(answer.body["closeTime"].is_string());
}

#[tokio::test]
async fn an_agent_setting_the_current_state_is_an_invalid_transition() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_agent()
        .post(&format!("/v1/cases/{id}/state"), json!({"state": "new"}))
        .await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.reason(), "INVALID_STATE_TRANSITION");
}

#[tokio::test]
async fn a_reseller_cannot_use_the_state_route() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let answer = world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/state"),
            json!({"state": "in-progress"}),
        )
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(answer.reason(), "AGENT_ONLY");
}

#[tokio::test]
async fn a_reseller_reply_moves_an_action_required_case_back_to_in_progress() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    world
        .api_agent()
        .post(
            &format!("/v1/cases/{id}/state"),
            json!({"state": "action-required"}),
        )
        .await;
    world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/comments"),
            json!({"body": "here you go"}),
        )
        .await;
    let case = world.api_a().get(&format!("/v1/cases/{id}")).await;
    assert_eq!(case.body["state"], "in-progress");
}

#[tokio::test]
async fn a_reseller_reply_moves_a_solution_provided_case_back_to_in_progress() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    world.server.admin(&[
        "support",
        "reply",
        &id.to_string(),
        "--body",
        "try this",
        "--state",
        "solution-provided",
    ]);
    world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/comments"),
            json!({"body": "did not help"}),
        )
        .await;
    let case = world.api_a().get(&format!("/v1/cases/{id}")).await;
    assert_eq!(case.body["state"], "in-progress");
}

#[tokio::test]
async fn admin_support_reply_posts_as_support_and_moves_the_state() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let comment_id = world.server.admin(&[
        "support",
        "reply",
        &id.to_string(),
        "--body",
        "please send logs",
        "--state",
        "action-required",
    ]);
    assert!(comment_id.parse::<u64>().is_ok(), "{comment_id}");
    let case = world.api_a().get(&format!("/v1/cases/{id}")).await;
    assert_eq!(case.body["state"], "action-required");
    let comments = world.api_a().get(&format!("/v1/cases/{id}/comments")).await;
    assert_eq!(comments.body["comments"][0]["authorRole"], "support");
}
