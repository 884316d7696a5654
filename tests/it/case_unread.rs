//! Unread cases end to end: support activity makes a case unread, `case view` and `case
//! history` mark it read on the server, so the marker follows the user to another machine and
//! stays theirs alone; `case list --unread` and the table's marker show what is new.

use crate::common::DOMAIN_A;
use crate::common::env::TestEnv;
use crate::common::mock::{MockServer, json};
use crate::common::reseller::{Reseller, Run, block_on, ids};
use serde_json::{Value, json};

/// Support answers on a case through the agents' API.
fn support_replies(reseller: &Reseller, id: u64, body: &str) {
    let answer = block_on(
        reseller
            .world
            .api_agent()
            .post(&format!("/v1/cases/{id}/comments"), json!({"body": body})),
    );
    assert_eq!(answer.status, 201, "{:?}", answer.body);
}

/// Support moves a case's state, without a message.
fn support_moves(reseller: &Reseller, id: u64, state: &str) {
    let answer = block_on(
        reseller
            .world
            .api_agent()
            .post(&format!("/v1/cases/{id}/state"), json!({"state": state})),
    );
    assert_eq!(answer.status, 200, "{:?}", answer.body);
}

/// Another machine of the same user: its own config dir, logged in with the same token.
fn second_machine(reseller: &Reseller) -> TestEnv {
    let env = TestEnv::new();
    env.login_insecure(&reseller.world.server.url, DOMAIN_A, &reseller.world.a);
    env
}

fn run_in(env: &TestEnv, args: &[&str]) -> Run {
    Run::from(env.rsupport().args(args).output().expect("run rsupport"))
}

fn unread_ids(run: Run) -> Vec<u64> {
    ids(&run.ok().json())
}

/// `unread` of each case of a `case list --json`, by id.
fn unread_flags(cases: &Value) -> Vec<(u64, bool)> {
    cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_u64().unwrap(), c["unread"].as_bool().unwrap()))
        .collect()
}

#[test]
fn a_support_reply_makes_a_case_unread_and_case_view_clears_it_on_every_machine() {
    let reseller = Reseller::new();
    let quiet = reseller.seed_case("premium-co", "Drive links broken");
    let answered = reseller.seed_case("premium-co", "Mail bounces");
    support_replies(&reseller, answered, "Please send the headers");
    let laptop = second_machine(&reseller);

    let listed = reseller.run(&["case", "list", "--json"]).ok().json();
    assert_eq!(
        unread_flags(&listed),
        vec![(answered, true), (quiet, false)]
    );
    assert_eq!(
        unread_ids(reseller.run(&["case", "list", "--unread", "--json"])),
        vec![answered]
    );
    assert_eq!(
        unread_ids(run_in(&laptop, &["case", "list", "--unread", "--json"])),
        vec![answered]
    );

    let view = reseller.run(&["case", "view", &answered.to_string()]).ok();
    assert!(view.stdout.contains("Please send the headers"), "{view:#?}");
    assert!(!view.stderr.contains("Warning"), "{view:#?}");

    assert!(unread_ids(run_in(&laptop, &["case", "list", "--unread", "--json"])).is_empty());
    let listed = run_in(&laptop, &["case", "list", "--json"]).ok().json();
    assert_eq!(
        unread_flags(&listed),
        vec![(answered, false), (quiet, false)]
    );
}

#[test]
fn support_activity_after_a_read_makes_the_case_unread_again_and_case_history_clears_it() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    support_replies(&reseller, id, "Looking into it");
    reseller.run(&["case", "view", &id.to_string()]).ok();
    assert!(unread_ids(reseller.run(&["case", "list", "--unread", "--json"])).is_empty());

    // a state change by support, without a message, is support activity too
    support_moves(&reseller, id, "action-required");
    assert_eq!(
        unread_ids(reseller.run(&["case", "list", "--unread", "--json"])),
        vec![id]
    );
    let history = reseller.run(&["case", "history", &id.to_string()]).ok();
    assert!(history.stdout.contains("Looking into it"), "{history:#?}");
    assert!(unread_ids(reseller.run(&["case", "list", "--unread", "--json"])).is_empty());

    // and so is a reply posted with the admin command line
    reseller.admin(&["support", "reply", &id.to_string(), "--body", "Any news?"]);
    assert_eq!(
        unread_ids(reseller.run(&["case", "list", "--unread", "--json"])),
        vec![id]
    );
}

#[test]
fn no_mark_read_shows_the_case_and_leaves_it_unread() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    support_replies(&reseller, id, "Looking into it");
    let id_text = id.to_string();
    reseller
        .run(&["case", "view", &id_text, "--no-mark-read"])
        .ok();
    reseller
        .run(&["case", "history", &id_text, "--no-mark-read"])
        .ok();
    assert_eq!(
        unread_ids(reseller.run(&["case", "list", "--unread", "--json"])),
        vec![id]
    );
}

#[test]
fn another_user_of_the_same_domain_keeps_their_own_read_marker() {
    let reseller = Reseller::new();
    reseller.admin(&[
        "user",
        "add",
        "colleague@a.example",
        "--privileges",
        "support,customers.view,cases.access",
    ]);
    let colleague = TestEnv::new();
    colleague.login_insecure(
        &reseller.world.server.url,
        DOMAIN_A,
        &reseller.world.server.token("colleague@a.example"),
    );
    let id = reseller.seed_case("premium-co", "Mail bounces");
    support_replies(&reseller, id, "Looking into it");

    reseller.run(&["case", "view", &id.to_string()]).ok();
    assert!(unread_ids(reseller.run(&["case", "list", "--unread", "--json"])).is_empty());
    assert_eq!(
        unread_ids(run_in(&colleague, &["case", "list", "--unread", "--json"])),
        vec![id]
    );

    run_in(&colleague, &["case", "view", &id.to_string()]).ok();
    assert!(unread_ids(run_in(&colleague, &["case", "list", "--unread", "--json"])).is_empty());
}

#[test]
fn the_resellers_own_messages_and_actions_do_not_make_a_case_unread() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    let id_text = id.to_string();
    reseller
        .run(&["case", "comment", &id_text, "--body", "More details"])
        .ok();
    reseller
        .run(&["case", "update", &id_text, "--severity", "P1"])
        .ok();
    reseller
        .run(&["case", "close", &id_text, "--comment", "Fixed"])
        .ok();
    reseller.run(&["case", "reopen", &id_text]).ok();
    assert!(unread_ids(reseller.run(&["case", "list", "--unread", "--json"])).is_empty());
    assert_eq!(reseller.case(id)["unread"], json!(false));
}

#[test]
fn unread_lists_page_through_every_unread_case_and_say_what_the_limit_hid() {
    let reseller = Reseller::new();
    let mut answered = Vec::new();
    for n in 0..7 {
        let id = reseller.seed_case("premium-co", &format!("Case {n}"));
        if n % 2 == 0 {
            answered.push(id);
        }
    }
    for id in &answered {
        support_replies(&reseller, *id, "On it");
    }
    answered.reverse(); // most recently updated first
    let limited = reseller.run(&["case", "list", "--unread", "--limit", "3", "--json"]);
    let limited = limited.ok();
    assert_eq!(ids(&limited.json()), answered[..3].to_vec());
    assert!(
        limited.stderr.contains("Showing 3 of 4 open cases"),
        "{limited:#?}"
    );
    assert_eq!(
        unread_ids(reseller.run(&["case", "list", "--unread", "--all", "--json"])),
        answered
    );
    let none = reseller
        .run(&["case", "list", "--unread", "--customer", "standard-co"])
        .ok();
    assert!(none.stderr.contains("No unread open cases"), "{none:#?}");
}

#[test]
fn the_table_marks_unread_cases() {
    let reseller = Reseller::new();
    let quiet = reseller.seed_case("premium-co", "Drive links broken");
    let answered = reseller.seed_case("premium-co", "Mail bounces");
    support_replies(&reseller, answered, "Looking into it");
    let run = reseller.run(&["case", "list", "--format", "table"]).ok();
    let row = |id: u64| {
        run.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row for {id}: {run:#?}"))
            .to_string()
    };
    assert!(run.stdout.lines().next().unwrap().contains("UNREAD"));
    assert!(row(answered).trim_end().ends_with('●'), "{run:#?}");
    assert!(!row(quiet).contains('●'), "{run:#?}");
}

#[test]
fn a_case_that_cannot_be_marked_read_is_shown_with_a_warning() {
    // A server without the read route (an older one): the history is shown all the same.
    let case = json!({
        "id": 7, "name": "cases/7", "customer": "acme", "customerDisplayName": "Acme",
        "resellerDomain": "a.example", "product": "google-workspace", "displayName": "Mail bounces",
        "description": "d", "classification": {"id": "gmail-delivery",
        "displayName": "Gmail > Delivery", "product": "google-workspace"}, "priority": "P2",
        "state": "in-progress", "languageCode": "en-US", "timeZone": "UTC", "escalated": false,
        "subscriberEmailAddresses": [], "creator": "admin@a.example",
        "createTime": "2026-01-02T03:04:05Z", "updateTime": "2026-01-02T03:04:05Z",
        "commentCount": 1, "attachmentCount": 0, "unread": true
    });
    let server = MockServer::start(vec![
        json(200, &case.to_string()),
        json(
            200,
            r#"{"comments": [{"id": 1, "caseId": 7, "body": "Looking into it", "author": "agent@support.example", "authorRole": "support", "createTime": "2026-01-02T03:04:05Z"}]}"#,
        ),
        json(
            404,
            r#"{"error": {"code": 404, "status": "NOT_FOUND", "reason": "NOT_FOUND", "message": "no route POST /v1/cases/7/read", "details": {}}}"#,
        ),
    ]);
    let env = TestEnv::new();
    let output = env
        .rsupport_with_token("tok-secret-123")
        .args([
            "case",
            "history",
            "7",
            "--only",
            "messages",
            "--endpoint",
            &server.url,
        ])
        .output()
        .unwrap();
    let run = Run::from(output).ok();
    assert!(run.stdout.contains("Looking into it"), "{run:#?}");
    assert!(
        run.stderr
            .contains("case 7 was shown but could not be marked read"),
        "{run:#?}"
    );
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.starts_with("POST /v1/cases/7/read")),
        "{:?}",
        server.requests()
    );
}
