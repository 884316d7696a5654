//! Bearer tokens and privileges over real HTTP.

use crate::common::process::{ProcessWorld, admin_with_stdin};
use crate::common::{TestServer, World};

#[tokio::test]
async fn a_request_without_a_token_is_unauthenticated_and_says_how_to_log_in() {
    let world = World::new();
    let answer = world.server.api("").get("/v1/cases").await;
    assert_eq!(answer.status, 401);
    assert_eq!(answer.reason(), "UNAUTHENTICATED");
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no bearer token")
    );
}

#[tokio::test]
async fn an_unknown_token_is_unauthenticated_as_not_known() {
    let world = World::new();
    let answer = world.server.api("rsp_made_up").get("/v1/whoami").await;
    assert_eq!(answer.reason(), "UNAUTHENTICATED");
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not known")
    );
}

#[tokio::test]
async fn revoking_a_users_tokens_locks_every_one_of_them_out() {
    let world = World::new();
    let second = world.server.token("admin@a.example");
    assert_eq!(
        world.server.admin(&["token", "revoke", "admin@a.example"]),
        "2"
    );
    for token in [&world.a, &second] {
        let answer = world.server.api(token).get("/v1/whoami").await;
        assert_eq!(answer.reason(), "UNAUTHENTICATED");
        assert!(
            answer.body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("revoked")
        );
    }
}

#[tokio::test]
async fn revoking_one_token_read_from_stdin_leaves_the_others_working() {
    let world = World::new();
    let second = world.server.token("admin@a.example");
    let out = admin_with_stdin(
        &world.server.db,
        &["token", "revoke", "admin@a.example", "--with-token"],
        &format!("{second}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        world.server.api(&second).get("/v1/whoami").await.status,
        401
    );
    assert_eq!(world.api_a().get("/v1/whoami").await.status, 200);
}

/// A dev server (its clock can be moved) and a token of its demo admin that expires in an hour.
fn dev_server_with_a_token_for_an_hour() -> (TestServer, String) {
    let server = TestServer::start_dev();
    let token = server.admin(&[
        "token",
        "issue",
        rsupport_server::demo::ADMIN_EMAIL,
        "--expires-in",
        "1h",
    ]);
    (server, token)
}

#[tokio::test]
async fn an_expired_token_is_unauthenticated_as_expired() {
    // The dev clock moves time forward past the expiry without waiting.
    let (server, token) = dev_server_with_a_token_for_an_hour();
    assert_eq!(server.api(&token).get("/v1/whoami").await.status, 200);
    server.admin(&["clock", "advance", "2h"]);
    let answer = server.api(&token).get("/v1/whoami").await;
    assert_eq!(answer.reason(), "UNAUTHENTICATED");
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[tokio::test]
async fn tokens_are_stored_only_as_hashes() {
    let world = World::new();
    // every row of every table, on either engine: token rows exist, none holds a token
    let rows = world.server.snapshot();
    assert!(rows.iter().any(|row| row.starts_with("tokens: ")));
    for token in [&world.a, &world.b, &world.agent] {
        assert!(
            !rows.iter().any(|row| row.contains(token.as_str())),
            "a token is stored in clear"
        );
    }
    // and on SQLite, not in the file's bytes either (free pages included)
    if !world.server.on_postgres() {
        let raw = std::fs::read(&world.server.db).unwrap();
        let needle = world.a.as_bytes();
        assert!(
            !raw.windows(needle.len()).any(|w| w == needle),
            "a token is stored in clear"
        );
    }
}

#[tokio::test]
async fn a_user_without_cases_access_is_told_which_privilege_is_missing() {
    let world = World::new();
    let answer = world.server.api(&world.a_viewer).get("/v1/cases").await;
    assert_eq!(answer.status, 403);
    assert_eq!(answer.reason(), "PRIVILEGE_MISSING");
    assert_eq!(answer.body["error"]["details"]["privilege"], "cases.access");
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cases.access")
    );
}

#[tokio::test]
async fn a_user_without_support_cannot_browse_categories() {
    let world = World::new();
    let answer = world
        .server
        .api(&world.a_nobody)
        .get("/v1/categories")
        .await;
    assert_eq!(answer.reason(), "PRIVILEGE_MISSING");
    assert_eq!(answer.body["error"]["details"]["privilege"], "support");
}

#[tokio::test]
async fn customers_need_the_customers_view_privilege() {
    let world = World::new();
    world.server.admin(&[
        "user",
        "add",
        "cases-only@a.example",
        "--privileges",
        "support,cases.access",
    ]);
    let token = world.server.token("cases-only@a.example");
    let answer = world.server.api(&token).get("/v1/customers").await;
    assert_eq!(answer.reason(), "PRIVILEGE_MISSING");
    assert_eq!(
        answer.body["error"]["details"]["privilege"],
        "customers.view"
    );
}

#[tokio::test]
async fn whoami_needs_only_a_valid_token() {
    let world = World::new();
    let answer = world.server.api(&world.a_nobody).get("/v1/whoami").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["privileges"], serde_json::json!([]));
}

#[tokio::test]
async fn an_agent_cannot_list_customers() {
    let world = World::new();
    let answer = world.api_agent().get("/v1/customers").await;
    assert_eq!(answer.status, 403);
    assert_eq!(answer.reason(), "RESELLER_ONLY");
}

#[tokio::test]
async fn an_agent_cannot_file_a_case() {
    let world = World::new();
    let answer = world
        .api_agent()
        .post("/v1/cases", crate::common::new_case("premium-co", "x"))
        .await;
    assert_eq!(answer.reason(), "RESELLER_ONLY");
}

#[tokio::test]
async fn whoami_of_an_agent_has_no_domain() {
    let world = World::new();
    let answer = world.api_agent().get("/v1/whoami").await;
    assert_eq!(answer.body["role"], "agent");
    assert!(answer.body["domain"].is_null());
}

#[tokio::test]
async fn an_unknown_route_answers_not_found_in_the_error_shape() {
    let world = World::new();
    let answer = world.api_a().get("/v1/nothing-here").await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.reason(), "NOT_FOUND");
}

#[tokio::test]
async fn request_logs_never_contain_a_token() {
    let world = ProcessWorld::new("trace");
    world.api_a().get("/v1/whoami").await;
    world.api_a().get("/v1/cases").await;
    world
        .server
        .api("rsp_wrong_token_value")
        .get("/v1/cases")
        .await;
    let log = world.server.log();
    assert!(
        log.contains("/v1/whoami"),
        "the request was not logged: {log}"
    );
    assert!(!log.contains(&world.people.a), "a token reached the log");
    assert!(
        !log.contains("rsp_wrong_token_value"),
        "a token reached the log"
    );
}

#[tokio::test]
async fn getting_a_case_checks_the_token_first_as_every_request_does() {
    // a get reads its token and its case together: each refusal of the token still comes
    // first, whatever the case id, and a good token meets the id's own errors
    let (server, token) = dev_server_with_a_token_for_an_hour();
    let api = server.api(&token);
    let id = rsupport_server::demo::CASE_OPEN_PREMIUM;
    let case = format!("/v1/cases/{id}");
    let seen = api.get(&case).await;
    assert_eq!(seen.status, 200, "{:?}", seen.body);
    assert_eq!(seen.body["id"], id);

    let refusal = |answer: &crate::common::Answer, says: &str| {
        assert_eq!(answer.status, 401, "{:?}", answer.body);
        assert_eq!(answer.reason(), "UNAUTHENTICATED");
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(says), "{message}");
    };
    for path in [case.as_str(), "/v1/cases/999999", "/v1/cases/not-a-number"] {
        refusal(&server.api("rsp_made_up").get(path).await, "not known");
    }
    let bad_id = api.get("/v1/cases/not-a-number").await;
    assert_eq!(bad_id.status, 400);
    assert_eq!(bad_id.body["error"]["details"]["field"], "case");
    assert_eq!(api.get("/v1/cases/999999").await.status, 404);

    server.admin(&["clock", "advance", "2h"]);
    for path in [case.as_str(), "/v1/cases/not-a-number"] {
        refusal(&api.get(path).await, "expired");
    }
    let second = server.admin(&["token", "issue", rsupport_server::demo::ADMIN_EMAIL]);
    assert_eq!(server.api(&second).get(&case).await.status, 200);
    server.admin(&["token", "revoke", rsupport_server::demo::ADMIN_EMAIL]);
    refusal(&server.api(&second).get(&case).await, "revoked");
}
