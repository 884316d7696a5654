//! The `google` provider: the same `case` commands against Google's Cloud Support API v2.
//! What a real server cannot be made to do (a 429 with `Retry-After`, Google's error bodies
//! on demand), and what must be shown on the wire (the filter grammar, the update mask, the
//! page tokens), is played by the scripted server; the whole flows run against the real
//! `rsupport-server`'s v2 surface below.

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::mock::{MockServer, Reply, json};

const DOMAIN: &str = "cloud.example.com";
const PARENT: &str = "projects/acme-prod";
const ACCESS_TOKEN: &str = "ya29.test-access-token";

/// A Google case as the API answers it.
fn case_json(number: u64, title: &str, state: &str, priority: &str) -> String {
    format!(
        r#"{{"name":"{PARENT}/cases/{number}","displayName":"{title}","description":"d","classification":{{"id":"c1","displayName":"Compute Engine > VM"}},"timeZone":"Europe/Rome","subscriberEmailAddresses":["ops@acme.example"],"state":"{state}","createTime":"2026-11-01T10:00:00Z","updateTime":"2026-11-0{number}T10:00:00Z","creator":{{"email":"sa@acme-prod.iam.gserviceaccount.com"}},"priority":"{priority}"}}"#
    )
}

/// An environment whose only domain is a Google domain at `endpoint` with the parents given,
/// used with an access token in `RSUPPORT_TOKEN` (no keyring, no login).
fn google_env(endpoint: &str, parents: &[&str]) -> TestEnv {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    let parents: Vec<String> = parents.iter().map(|p| format!("\"{p}\"")).collect();
    std::fs::write(
        env.config_dir().join("config.toml"),
        format!(
            "[domains.\"{DOMAIN}\"]\nendpoint = \"{endpoint}\"\nstorage = \"file\"\nprovider = \"google\"\ncredential = \"access-token\"\nparents = [{}]\n",
            parents.join(", ")
        ),
    )
    .unwrap();
    env
}

fn rsupport(env: &TestEnv) -> assert_cmd::Command {
    env.rsupport_with_token(ACCESS_TOKEN)
}

/// The request line of each request the mock received.
fn request_lines(server: &MockServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|head| head.lines().next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn list_flags_become_the_api_filter_and_the_token_is_the_bearer() {
    let server = MockServer::start(vec![json(
        200,
        &format!(
            r#"{{"cases":[{}]}}"#,
            case_json(1, "VM down", "IN_PROGRESS_GOOGLE_SUPPORT", "P2")
        ),
    )]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "list", "--severity", "P1,P2", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let cases: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(cases[0]["id"], 1);
    assert_eq!(cases[0]["customer"], PARENT);
    assert_eq!(cases[0]["state"], "in-progress");
    assert_eq!(cases[0]["priority"], "P2");
    let head = server.requests()[0].clone();
    let line = head.lines().next().unwrap();
    assert!(
        line.starts_with(&format!("GET /v2/{PARENT}/cases?")),
        "{line}"
    );
    assert!(
        line.contains("filter=state%3DOPEN+AND+%28priority%3DP1+OR+priority%3DP2%29"),
        "{line}"
    );
    assert!(
        head.to_ascii_lowercase().contains(&format!(
            "authorization: bearer {}",
            ACCESS_TOKEN.to_ascii_lowercase()
        )),
        "{head}"
    );
}

#[test]
fn keywords_search_with_a_global_restriction() {
    let server = MockServer::start(vec![json(200, r#"{"cases":[]}"#)]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "filter", "disk", "full", "--state", "all"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let line = &request_lines(&server)[0];
    assert!(
        line.starts_with(&format!(
            "GET /v2/{PARENT}/cases:search?query=%22disk+full%22"
        )),
        "{line}"
    );
}

#[test]
fn short_pages_with_a_next_token_are_followed_to_the_end() {
    let server = MockServer::start(vec![
        json(
            200,
            &format!(
                r#"{{"cases":[{}],"nextPageToken":"page-2"}}"#,
                case_json(2, "First", "NEW", "P3")
            ),
        ),
        json(
            200,
            &format!(r#"{{"cases":[{}]}}"#, case_json(1, "Second", "NEW", "P4")),
        ),
    ]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "list", "--all", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let cases: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let ids: Vec<u64> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, vec![2, 1]);
    let lines = request_lines(&server);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].contains("pageToken=page-2"), "{lines:?}");
}

#[test]
fn a_rate_limited_request_waits_for_retry_after_then_succeeds() {
    let limited = Reply::Http(
        429,
        vec![
            ("Content-Type", "application/json".into()),
            ("Retry-After", "1".into()),
        ],
        r#"{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}"#.into(),
    );
    let server = MockServer::start(vec![
        limited,
        json(
            200,
            r#"{"caseClassifications":[{"id":"c1","displayName":"Compute Engine > VM"}]}"#,
        ),
    ]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["category", "search", "vm", "-v"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Compute Engine > VM"));
    assert_eq!(server.requests().len(), 2);
    assert!(
        stderr(&output).contains("in 1000 ms"),
        "{}",
        stderr(&output)
    );
    assert!(
        request_lines(&server)[0].starts_with("GET /v2/caseClassifications:search?query="),
        "{:?}",
        request_lines(&server)
    );
}

#[test]
fn googles_errors_map_onto_the_exit_codes() {
    for (status, code, text, exit) in [
        (403, "PERMISSION_DENIED", "The caller lacks permission", 4),
        (400, "INVALID_ARGUMENT", "Bad filter", 2),
        (503, "UNAVAILABLE", "Try later", 6),
        (500, "INTERNAL", "Boom", 1),
    ] {
        let server = MockServer::start(vec![json(
            status,
            &format!(r#"{{"error":{{"code":{status},"message":"{text}","status":"{code}"}}}}"#),
        )]);
        let env = google_env(&server.url, &[PARENT]);
        let output = rsupport(&env).args(["case", "list"]).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(exit),
            "{code}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(text),
            "{code}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_case_under_no_parent_is_not_found_naming_the_parents() {
    let missing = json(
        404,
        r#"{"error":{"code":404,"message":"Case not found","status":"NOT_FOUND"}}"#,
    );
    let server = MockServer::start(vec![missing]);
    let env = google_env(&server.url, &[PARENT, "organizations/123"]);
    let output = rsupport(&env)
        .args(["case", "view", "77"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("case 77 is not under any parent") && err.contains("organizations/123"),
        "{err}"
    );
    // each parent was asked, in the config's order
    let lines = request_lines(&server);
    let first = lines
        .iter()
        .position(|l| l.starts_with(&format!("GET /v2/{PARENT}/cases/77 ")));
    let second = lines
        .iter()
        .position(|l| l.starts_with("GET /v2/organizations/123/cases/77 "));
    assert!(
        first.is_some() && second.is_some() && first < second,
        "{lines:?}"
    );
}

#[test]
fn update_sends_an_explicit_update_mask_with_only_the_changed_field() {
    let case = case_json(7, "VM down", "NEW", "P3");
    let server = MockServer::start(vec![json(200, &case)]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "update", "7", "--severity", "P2"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = request_lines(&server);
    let patches: Vec<&String> = lines.iter().filter(|l| l.starts_with("PATCH")).collect();
    assert_eq!(
        patches,
        vec![&format!(
            "PATCH /v2/{PARENT}/cases/7?updateMask=priority HTTP/1.1"
        )],
        "{lines:?}"
    );
}

#[test]
fn share_patches_the_subscribers_with_their_mask() {
    let case = case_json(7, "VM down", "NEW", "P3");
    let server = MockServer::start(vec![json(200, &case)]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "share", "7", "--add", "lead@acme.example"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = request_lines(&server);
    assert!(
        lines.iter().any(|l| l
            == &format!(
                "PATCH /v2/{PARENT}/cases/7?updateMask=subscriber_email_addresses HTTP/1.1"
            )),
        "{lines:?}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("updateMask=&") || l.ends_with("updateMask= HTTP/1.1")),
        "never an empty mask: {lines:?}"
    );
}

#[test]
fn reopen_is_refused_with_its_own_exit_code_and_nothing_sent() {
    let server = MockServer::start(vec![json(200, &case_json(7, "t", "CLOSED", "P3"))]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "reopen", "7"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot reopen a closed case"),
        "{}",
        stderr(&output)
    );
    assert!(server.requests().is_empty(), "{:?}", request_lines(&server));
}

#[test]
fn dry_run_of_a_change_is_refused_with_exit_8_and_nothing_sent() {
    let server = MockServer::start(vec![json(200, &case_json(7, "t", "NEW", "P3"))]);
    let env = google_env(&server.url, &[PARENT]);
    let output = rsupport(&env)
        .args(["case", "close", "7", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no validate-only mode"),
        "{}",
        stderr(&output)
    );
    assert!(
        !request_lines(&server).iter().any(|l| l.starts_with("POST")),
        "{:?}",
        request_lines(&server)
    );
}

#[test]
fn unread_and_watch_are_refused_with_exit_8() {
    let server = MockServer::start(vec![json(200, &case_json(7, "t", "NEW", "P3"))]);
    let env = google_env(&server.url, &[PARENT]);
    let unread = rsupport(&env)
        .args(["case", "list", "--unread"])
        .output()
        .unwrap();
    assert_eq!(unread.status.code(), Some(8), "{}", stderr(&unread));
    assert!(
        stderr(&unread).contains("no read markers"),
        "{}",
        stderr(&unread)
    );
    let watch = rsupport(&env)
        .args(["case", "watch", "7", "--timeout", "5s"])
        .output()
        .unwrap();
    assert_eq!(watch.status.code(), Some(8), "{}", stderr(&watch));
    assert!(
        stderr(&watch).contains("no event feed"),
        "{}",
        stderr(&watch)
    );
}

#[test]
fn customer_list_shows_the_configured_parents() {
    let server = MockServer::start(vec![json(500, "{}")]);
    let env = google_env(&server.url, &[PARENT, "organizations/123"]);
    let output = rsupport(&env)
        .args(["customer", "list", "--json", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{PARENT}\norganizations/123\n"));
    assert!(server.requests().is_empty());
}

#[test]
fn an_access_token_login_checks_every_parent_and_stores_no_secret_in_the_config() {
    let server = MockServer::start(vec![json(200, r#"{"cases":[]}"#)]);
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["auth", "login", "--provider", "google", "--domain", DOMAIN])
        .args(["--parent", PARENT, "--parent", "organizations/123"])
        .args([
            "--endpoint",
            &server.url,
            "--with-token",
            "--insecure-storage",
        ])
        .write_stdin(format!("{ACCESS_TOKEN}\n"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = request_lines(&server);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("GET /v2/{PARENT}/cases?pageSize=1")),
        "{lines:?}"
    );
    let config = env.config_text();
    assert!(config.contains("provider = \"google\""), "{config}");
    assert!(config.contains("credential = \"access-token\""), "{config}");
    assert!(!config.contains(ACCESS_TOKEN), "{config}");
    // and the stored token is what the next command sends
    let list = env.rsupport().args(["case", "list"]).output().unwrap();
    assert!(list.status.success(), "{}", stderr(&list));
    let head = server.requests().last().unwrap().to_ascii_lowercase();
    assert!(
        head.contains(&format!("bearer {}", ACCESS_TOKEN.to_ascii_lowercase())),
        "{head}"
    );
}

#[test]
fn a_google_login_without_a_parent_names_the_flag() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["auth", "login", "--provider", "google", "--domain", DOMAIN])
        .args(["--with-token", "--insecure-storage"])
        .write_stdin("tok\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--parent"), "{}", stderr(&output));
    let bad = env
        .rsupport()
        .args(["auth", "login", "--provider", "google", "--domain", DOMAIN])
        .args(["--parent", "folders/12"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("organizations/NUMBER"),
        "{}",
        stderr(&bad)
    );
}
