//! `rsupport-server admin` and `dev`: what scripts and newcomers see.

use rsupport_server::demo;

use crate::common::process::{ServerProcess, admin_output};
use crate::common::{TestServer, World, stderr};

#[test]
fn token_issue_prints_the_token_alone() {
    let server = TestServer::start();
    server.admin(&["domain", "add", "x.example"]);
    server.admin(&["user", "add", "u@x.example"]);
    let out = admin_output(&server.db, &["token", "issue", "u@x.example"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("rsp_") && text.trim().len() > 40, "{text}");
}

#[test]
fn adding_a_user_to_an_unknown_domain_fails_and_says_how_to_add_it() {
    let server = TestServer::start();
    let out = admin_output(&server.db, &["user", "add", "u@nowhere.example"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("admin domain add nowhere.example"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn adding_a_customer_to_an_unknown_domain_fails() {
    let server = TestServer::start();
    let out = admin_output(
        &server.db,
        &[
            "customer",
            "add",
            "acme",
            "--name",
            "Acme",
            "--domain",
            "nowhere.example",
            "--plan",
            "premium",
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown reseller domain 'nowhere.example'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn issuing_a_token_for_an_unknown_user_fails() {
    let server = TestServer::start();
    let out = admin_output(&server.db, &["token", "issue", "ghost@x.example"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown user 'ghost@x.example'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn moving_an_unknown_customer_fails() {
    let world = World::new();
    let out = admin_output(
        &world.server.db,
        &["customer", "move", "ghost", "--to", "b.example"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown customer 'ghost'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn replying_to_an_unknown_case_fails() {
    let world = World::new();
    let out = admin_output(
        &world.server.db,
        &["support", "reply", "424242", "--body", "hi"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown case 424242"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_malformed_clock_duration_fails_with_an_example() {
    let server = TestServer::start();
    let out = admin_output(&server.db, &["clock", "advance", "a month"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("31d"), "{}", stderr(&out));
}

#[tokio::test]
async fn changing_a_customers_plan_changes_what_escalation_allows() {
    let world = World::new();
    let id = world.api_a().create_case("standard-co", "x").await;
    world
        .server
        .admin(&["customer", "plan", "standard-co", "premium"]);
    let answer = world
        .api_a()
        .post(
            &format!("/v1/cases/{id}/escalate"),
            serde_json::json!({"reason": "resolution-time", "justification": "slow"}),
        )
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
}

#[tokio::test]
async fn granting_access_lets_the_reseller_file() {
    let world = World::new();
    world
        .server
        .admin(&["customer", "access", "locked-co", "granted"]);
    world.api_a().create_case("locked-co", "now allowed").await;
}

#[tokio::test]
async fn dev_prints_login_commands_whose_tokens_work() {
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::dev(dir.path().join("demo.sqlite"));
    let mut lines = Vec::new();
    for _ in 0..200 {
        lines = server.stdout_lines();
        if lines
            .iter()
            .filter(|l| l.contains("rsupport auth login"))
            .count()
            >= 3
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let prefix = format!(
        "rsupport auth login --domain {} --endpoint {} --with-token <<< ",
        demo::RESELLER_DOMAIN,
        server.url
    );
    let login = lines
        .iter()
        .find_map(|l| l.trim().strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    let whoami = server.api(login).get("/v1/whoami").await;
    assert_eq!(whoami.body["email"], demo::ADMIN_EMAIL);
    // The user without cases.access gets a one-off RSUPPORT_TOKEN command, so following the
    // banner never replaces Alex's stored login for the same domain.
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("rsupport auth login --domain reseller.example.com"))
            .count(),
        1
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim().starts_with("RSUPPORT_TOKEN=rsp_")),
        "{lines:#?}"
    );
}

#[tokio::test]
async fn the_demo_has_cases_in_every_state_with_messages_and_attachments() {
    let server = TestServer::start_dev();
    let agent = server.api(&server.token(demo::AGENT_EMAIL));
    let all = agent.get("/v1/cases?state=all&pageSize=500").await;
    let cases = all.body["cases"].as_array().unwrap();
    assert_eq!(cases.len() as u64, demo::CASE_COUNT);
    for state in [
        "new",
        "in-progress",
        "action-required",
        "solution-provided",
        "closed",
    ] {
        assert!(cases.iter().any(|c| c["state"] == state), "no {state} case");
    }
    assert!(
        cases
            .iter()
            .any(|c| c["commentCount"].as_u64().unwrap() > 0)
    );
    assert!(
        cases
            .iter()
            .any(|c| c["attachmentCount"].as_u64().unwrap() > 0)
    );
    let viewer = server
        .api(&server.token(demo::VIEWER_EMAIL))
        .get("/v1/cases")
        .await;
    assert_eq!(viewer.reason(), "PRIVILEGE_MISSING");
}

#[tokio::test]
async fn dev_reuses_an_existing_demo_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = ServerProcess::dev(dir.path().join("demo.sqlite"));
    let issued = admin_output(&server.db, &["token", "issue", demo::AGENT_EMAIL]);
    assert!(issued.status.success(), "{}", stderr(&issued));
    let token = String::from_utf8(issued.stdout).unwrap().trim().to_string();
    let before = server
        .api(&token)
        .get("/v1/cases?state=all&pageSize=500")
        .await;
    server.restart();
    let after = server
        .api(&token)
        .get("/v1/cases?state=all&pageSize=500")
        .await;
    assert_eq!(
        before.body["cases"].as_array().unwrap().len(),
        after.body["cases"].as_array().unwrap().len()
    );
}

#[tokio::test]
async fn the_demo_customer_without_access_refuses_new_cases() {
    let server = TestServer::start_dev();
    let api = server.api(&server.token(demo::ADMIN_EMAIL));
    let answer = api
        .post(
            "/v1/cases",
            crate::common::new_case(demo::CUSTOMER_NO_ACCESS, "x"),
        )
        .await;
    assert_eq!(answer.reason(), "CUSTOMER_ACCESS_NOT_GRANTED");
    assert_eq!(
        api.get(&format!("/v1/cases/{}", demo::CASE_NO_ACCESS))
            .await
            .status,
        200
    );
}

#[test]
fn a_reseller_user_cannot_be_turned_into_an_agent() {
    let world = World::new();
    let out = admin_output(&world.server.db, &["agent", "add", "admin@a.example"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is a reseller user"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test]
async fn the_demo_timeline_is_consistent() {
    let server = TestServer::start_dev();
    let agent = server.api(&server.token(demo::AGENT_EMAIL));
    let now = jiff::Timestamp::now();
    let all = agent.get("/v1/cases?state=all&pageSize=500").await;
    for case in all.body["cases"].as_array().unwrap() {
        let time = |field: &str| {
            case[field]
                .as_str()
                .map(|t| t.parse::<jiff::Timestamp>().unwrap())
        };
        let created = time("createTime").unwrap();
        assert!(time("updateTime").unwrap() >= created, "{case}");
        assert!(time("updateTime").unwrap() <= now, "{case}");
        if let Some(closed) = time("closeTime") {
            assert!(closed >= created && closed <= now, "{case}");
        }
    }
}

/// `admin bench-data --domain bench.example --cases N --seed S` on the server's database,
/// which must succeed.
fn bench_data(server: &TestServer, cases: &str, seed: &str) -> std::process::Output {
    let out = admin_output(
        &server.db,
        &[
            "bench-data",
            "--domain",
            "bench.example",
            "--cases",
            cases,
            "--seed",
            seed,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

/// `admin bench-data` through the real command line on the suite's engine: the cases are
/// there, with their messages searchable and their timeline, through the API.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_data_cases_read_back_through_the_api_on_either_engine() {
    let server = TestServer::start();
    let out = bench_data(&server, "60", "9");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("filed 60 cases in "));
    server.admin(&["user", "add", "reader@bench.example"]);
    let api = server.api(&server.token("reader@bench.example"));
    let all = api.get("/v1/cases?state=all&pageSize=500").await;
    let cases = all.body["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 60);
    // filed over the past year, one after the other: every case its own creation time
    let created: std::collections::BTreeSet<jiff::Timestamp> = cases
        .iter()
        .map(|c| c["createTime"].as_str().unwrap().parse().unwrap())
        .collect();
    assert_eq!(created.len(), 60, "creation times repeat");
    let days =
        (created.last().unwrap().as_second() - created.first().unwrap().as_second()) / 86_400;
    assert!(days > 300, "the cases span {days} days");
    // a case with a message: a word of it finds the case
    let with_message = cases
        .iter()
        .find(|c| c["commentCount"].as_u64().unwrap() > 0)
        .expect("a case with messages");
    let id = with_message["id"].as_u64().unwrap();
    let comments = api.get(&format!("/v1/cases/{id}/comments")).await;
    let body = comments.body["comments"][0]["body"].as_str().unwrap();
    let word = body
        .split(' ')
        .max_by_key(|w| w.len())
        .unwrap()
        .to_lowercase();
    let found = api
        .get(&format!("/v1/cases?query={word}&state=all&pageSize=500"))
        .await;
    let ids: Vec<u64> = found.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert!(ids.contains(&id), "{word} finds case {id}: {ids:?}");
    let events = api.get(&format!("/v1/cases/{id}/events")).await;
    let kinds: Vec<&str> = events.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"created"), "{kinds:?}");
    assert!(kinds.contains(&"message"), "{kinds:?}");
}

/// After `admin bench-data` (which leaves PostgreSQL's word statistics fresh), words those
/// statistics do not list: one in no case finds nothing, one in a case filed since finds that
/// case. (At this size the statistics' guess of such a word's hits is small enough to sort
/// them; past ~100,000 cases PostgreSQL counts them in the keyword index first, and reads no
/// page when there are none: the benchmark's absent word.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn words_unknown_to_the_statistics_after_bench_data_on_either_engine() {
    let server = TestServer::start();
    bench_data(&server, "300", "4");
    server.admin(&["user", "add", "filer@bench.example"]);
    let api = server.api(&server.token("filer@bench.example"));
    let search = |query: &'static str| {
        let api = &api;
        async move {
            let found = api
                .get(&format!("/v1/cases?query={query}&state=all&pageSize=50"))
                .await;
            assert_eq!(found.status, 200, "{:?}", found.body);
            found.body["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_u64().unwrap())
                .collect::<Vec<u64>>()
        }
    };
    assert_eq!(search("quokkas").await, Vec::<u64>::new());
    let all = api.get("/v1/cases?state=all&pageSize=1").await;
    let customer = all.body["cases"][0]["customer"]
        .as_str()
        .unwrap()
        .to_string();
    let filed = api
        .post(
            "/v1/cases",
            crate::common::new_case(&customer, "Quokkas in the server room"),
        )
        .await;
    assert_eq!(filed.status, 201, "{:?}", filed.body);
    let id = filed.body["id"].as_u64().unwrap();
    assert_eq!(search("quokkas").await, vec![id]);
    assert_eq!(search("zyzzogeton").await, Vec::<u64>::new());
}

/// `admin backup` on the suite's engine writes a private, non-empty copy (a SQLite file, or a
/// `pg_dump` archive) and refuses to replace a file without --force.
#[test]
fn backup_writes_a_private_copy_on_either_engine() {
    let world = World::new();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy.backup");
    let out = admin_output(
        &world.server.db,
        &["backup", "--to", target.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(&target).unwrap();
    assert!(meta.len() > 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }
    let again = admin_output(
        &world.server.db,
        &["backup", "--to", target.to_str().unwrap()],
    );
    assert!(!again.status.success());
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
}
