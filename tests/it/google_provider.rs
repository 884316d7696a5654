//! The `google` provider: the same `case` commands against Google's Cloud Support API v2.
//! What a real server cannot be made to do (a 429 with `Retry-After`, Google's error bodies
//! on demand), and what must be shown on the wire (the filter grammar, the update mask, the
//! page tokens), is played by the scripted server; the whole flows run against the real
//! `rsupport-server`'s v2 surface below.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::mock::{MockServer, Reply, json};
use crate::common::reseller::{Run, block_on, ids};
use crate::common::{DOMAIN_A, TestServer, World};

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

/// A Google domain with `parents` (and an access token) against a scripted server that
/// answers `replies`.
fn scripted(replies: Vec<Reply>, parents: &[&str]) -> (MockServer, TestEnv) {
    let server = MockServer::start(replies);
    let env = google_env(&server.url, parents);
    (server, env)
}

/// `rsupport ARGS` in `env`, with the access token.
fn google(env: &TestEnv, args: &[&str]) -> Run {
    Run::from(rsupport(env).args(args).output().unwrap())
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
    let (server, env) = scripted(
        vec![json(
            200,
            &format!(
                r#"{{"cases":[{}]}}"#,
                case_json(1, "VM down", "IN_PROGRESS_GOOGLE_SUPPORT", "P2")
            ),
        )],
        &[PARENT],
    );
    let output = google(&env, &["case", "list", "--severity", "P1,P2", "--json"]).ok();
    let cases: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
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
    let (server, env) = scripted(vec![json(200, r#"{"cases":[]}"#)], &[PARENT]);
    google(&env, &["case", "filter", "disk", "full", "--state", "all"]).ok();
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
    let (server, env) = scripted(
        vec![
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
        ],
        &[PARENT],
    );
    let output = google(&env, &["case", "list", "--all", "--json"]).ok();
    let cases: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
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
    let (server, env) = scripted(
        vec![
            limited,
            json(
                200,
                r#"{"caseClassifications":[{"id":"c1","displayName":"Compute Engine > VM"}]}"#,
            ),
        ],
        &[PARENT],
    );
    let output = google(&env, &["category", "search", "vm", "-v"]).ok();
    assert!(output.stdout.contains("Compute Engine > VM"));
    assert_eq!(server.requests().len(), 2);
    assert!(output.stderr.contains("in 1000 ms"), "{}", output.stderr);
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
        let (_server, env) = scripted(
            vec![json(
                status,
                &format!(r#"{{"error":{{"code":{status},"message":"{text}","status":"{code}"}}}}"#),
            )],
            &[PARENT],
        );
        let output = google(&env, &["case", "list"]);
        assert_eq!(Some(output.code), Some(exit), "{code}: {}", output.stderr);
        assert!(output.stderr.contains(text), "{code}: {}", output.stderr);
    }
}

#[test]
fn a_case_under_no_parent_is_not_found_naming_the_parents() {
    let missing = json(
        404,
        r#"{"error":{"code":404,"message":"Case not found","status":"NOT_FOUND"}}"#,
    );
    let (server, env) = scripted(vec![missing], &[PARENT, "organizations/123"]);
    let output = google(&env, &["case", "view", "77"]);
    assert_eq!(Some(output.code), Some(3), "{}", output.stderr);
    let err = output.stderr;
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
    let (server, env) = scripted(vec![json(200, &case)], &[PARENT]);
    google(&env, &["case", "update", "7", "--severity", "P2"]).ok();
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
fn severity_p0_is_sent_as_priority_p0_to_a_google_domain() {
    let case = case_json(7, "VM down", "NEW", "P1");
    let (server, env) = scripted(vec![json(200, &case)], &[PARENT]);
    google(&env, &["case", "update", "7", "--severity", "p0"]).ok();
    let requests = server.requests();
    let patch = requests
        .iter()
        .find(|r| r.starts_with("PATCH"))
        .expect("a PATCH");
    assert!(
        patch.starts_with(&format!("PATCH /v2/{PARENT}/cases/7?updateMask=priority ")),
        "{patch}"
    );
    assert!(patch.ends_with(r#"{"priority":"P0"}"#), "{patch}");
    // and in a list filter, with the other priorities
    google(
        &env,
        &["case", "list", "--severity", "P0,P1", "--state", "all"],
    )
    .ok();
    let lines = request_lines(&server);
    assert!(
        lines
            .last()
            .unwrap()
            .contains("filter=%28priority%3DP0+OR+priority%3DP1%29"),
        "{lines:?}"
    );
}

#[test]
fn severity_p0_for_a_reseller_domain_is_exit_2_before_any_request() {
    let server = MockServer::start(vec![json(200, "{}")]);
    let env = TestEnv::new();
    let create = [
        "case",
        "create",
        "--on-behalf-of",
        "acme",
        "--title",
        "Down",
        "--category",
        "gmail-delivery",
        "--description",
        "All mail bounces",
        "--severity",
        "P0",
        "--yes",
    ];
    let list = ["case", "list", "--severity", "P1,P0"];
    let update = ["case", "update", "7", "--severity", "P0"];
    for args in [&create[..], &list[..], &update[..]] {
        let output = env
            .rsupport_with_token("rsp_reseller-token")
            .env("RSUPPORT_ENDPOINT", &server.url)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let err = stderr(&output);
        assert!(
            err.contains("--severity P0 exists only for Google Cloud domains")
                && err.contains("P1, P2, P3, P4"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(server.requests(), Vec::<String>::new(), "nothing was sent");
}

#[test]
fn share_patches_the_subscribers_with_their_mask() {
    let case = case_json(7, "VM down", "NEW", "P3");
    let (server, env) = scripted(vec![json(200, &case)], &[PARENT]);
    google(&env, &["case", "share", "7", "--add", "lead@acme.example"]).ok();
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
    let (server, env) = scripted(
        vec![json(200, &case_json(7, "t", "CLOSED", "P3"))],
        &[PARENT],
    );
    let output = google(&env, &["case", "reopen", "7"]);
    assert_eq!(Some(output.code), Some(8), "{}", output.stderr);
    assert!(
        output.stderr.contains("cannot reopen a closed case"),
        "{}",
        output.stderr
    );
    assert!(server.requests().is_empty(), "{:?}", request_lines(&server));
}

#[test]
fn dry_run_of_a_change_is_refused_with_exit_8_and_nothing_sent() {
    let (server, env) = scripted(vec![json(200, &case_json(7, "t", "NEW", "P3"))], &[PARENT]);
    let output = google(&env, &["case", "close", "7", "--dry-run"]);
    assert_eq!(Some(output.code), Some(8), "{}", output.stderr);
    assert!(
        output.stderr.contains("no validate-only mode"),
        "{}",
        output.stderr
    );
    assert!(
        !request_lines(&server).iter().any(|l| l.starts_with("POST")),
        "{:?}",
        request_lines(&server)
    );
}

#[test]
fn unread_and_watch_are_refused_with_exit_8() {
    let (_server, env) = scripted(vec![json(200, &case_json(7, "t", "NEW", "P3"))], &[PARENT]);
    let unread = google(&env, &["case", "list", "--unread"]);
    assert_eq!(Some(unread.code), Some(8), "{}", unread.stderr);
    assert!(
        unread.stderr.contains("no read markers"),
        "{}",
        unread.stderr
    );
    let watch = google(&env, &["case", "watch", "7", "--timeout", "5s"]);
    assert_eq!(Some(watch.code), Some(8), "{}", watch.stderr);
    assert!(watch.stderr.contains("no event feed"), "{}", watch.stderr);
}

/// Google's answer to an account that may not call Cloud Resource Manager's searches.
fn permission_denied() -> Reply {
    json(
        403,
        r#"{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED"}}"#,
    )
}

#[test]
fn a_resource_manager_refusal_lists_the_configured_parents_with_a_note_on_stderr() {
    let (server, env) = scripted(vec![permission_denied()], &[PARENT, "organizations/123"]);
    let output = rsupport(&env)
        .args(["customer", "list", "--json", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{PARENT}\norganizations/123\n"));
    let note = stderr(&output);
    assert!(
        note.contains("only the configured parents are shown")
            && note.contains("403 The caller does not have permission"),
        "{note}"
    );
    assert_eq!(note.trim().lines().count(), 1, "{note}");
    assert!(
        request_lines(&server)[0].starts_with("GET /v3/projects:search?pageSize=100 "),
        "{:?}",
        request_lines(&server)
    );
    // -q keeps stderr for errors only
    let quiet = google(&env, &["customer", "list", "--json", "-q"]).ok();
    assert_eq!(quiet.stderr, "");
}

#[test]
fn discovered_parents_follow_every_page_after_the_configured_ones_without_repeats() {
    let (server, env) = scripted(
        vec![
            json(
                200,
                r#"{"projects":[{"name":"projects/111","projectId":"acme-prod","displayName":"Acme prod","state":"ACTIVE","parent":"organizations/123"}],"nextPageToken":"p2"}"#,
            ),
            json(
                200,
                r#"{"projects":[{"name":"projects/222","projectId":"acme-dev","displayName":"Acme dev","state":"ACTIVE"},{"name":"projects/333","projectId":"old","state":"DELETE_REQUESTED"}]}"#,
            ),
            json(
                200,
                r#"{"organizations":[{"name":"organizations/123","displayName":"acme.example","directoryCustomerId":"C01","state":"ACTIVE"}]}"#,
            ),
        ],
        &[PARENT, "organizations/123"],
    );
    let output = google(&env, &["customer", "list", "--json"]).ok();
    assert_eq!(output.stderr, "");
    let customers: Value = serde_json::from_str(&output.stdout).unwrap();
    let listed: Vec<(&str, &str)> = customers
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["displayName"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            (PARENT, "Acme prod"),
            ("organizations/123", "acme.example"),
            ("projects/acme-dev", "Acme dev"),
        ]
    );
    let lines = request_lines(&server);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[1].contains("pageToken=p2"), "{lines:?}");
    assert!(
        lines[2].starts_with("GET /v3/organizations:search?"),
        "{lines:?}"
    );
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

// ---- end to end, against the real server's v2 surface ------------------------------------

/// A customer of `a.example` on the premium plan, as a Google parent.
const PREMIUM: &str = "projects/premium-co";
/// One on the standard plan (no escalation).
const STANDARD: &str = "projects/standard-co";

/// The flags of a complete `case create` under `parent` (nothing is prompted for).
fn create_args<'a>(
    parent: &'a str,
    title: &'a str,
    severity: &'a str,
    description: &'a str,
) -> Vec<&'a str> {
    vec![
        "case",
        "create",
        "--on-behalf-of",
        parent,
        "--title",
        title,
        "--category",
        "gmail-delivery",
        "--severity",
        severity,
        "--description",
        description,
    ]
}

/// A dev-mode server with the seeded world, and a client logged in to `a.example` as a Google
/// domain with a service-account key that the dev token endpoint accepts (its tokens act as
/// the admin of `a.example`).
struct Cloud {
    world: World,
    env: TestEnv,
    key: PathBuf,
}

impl Cloud {
    fn new() -> Cloud {
        Cloud::with(rsupport_server::ServerConfig::default())
    }

    fn with(config: rsupport_server::ServerConfig) -> Cloud {
        Cloud::with_parents(config, &[PREMIUM, STANDARD])
    }

    /// Logged in with `parents` (each given as `--parent`).
    fn with_parents(config: rsupport_server::ServerConfig, parents: &[&str]) -> Cloud {
        let world = World::on(TestServer::start_with(rsupport_server::ServerConfig {
            dev_mode: true,
            ..config
        }));
        let key = world
            .server
            .dev_service_account("admin@a.example", "premium-co");
        let env = TestEnv::new();
        let output = env
            .rsupport()
            .args([
                "auth",
                "login",
                "--provider",
                "google",
                "--domain",
                DOMAIN_A,
            ])
            .args(parents.iter().flat_map(|p| ["--parent", p]))
            .args(["--endpoint", &world.server.url, "--insecure-storage"])
            .arg("--credentials")
            .arg(&key)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        Cloud { world, env, key }
    }

    fn run(&self, args: &[&str]) -> Run {
        Run::from(self.env.rsupport().args(args).output().unwrap())
    }

    /// Files a case through the client and answers its number.
    fn create(&self, parent: &str, title: &str) -> u64 {
        let mut args = create_args(parent, title, "P2", "Mail stopped flowing at 10:00");
        args.extend(["--share", "ops@a.example", "--json"]);
        let run = self.run(&args).ok();
        run.json()["id"].as_u64().expect("the case's id")
    }

    /// A case as the server has it (`/v1`, as the admin of `a.example`).
    fn server_case(&self, id: u64) -> Value {
        let answer = block_on(self.world.api_a().get(&format!("/v1/cases/{id}")));
        assert_eq!(answer.status, 200, "{:?}", answer.body);
        answer.body
    }
}

#[test]
fn a_service_account_login_signs_in_at_the_dev_token_endpoint_and_keeps_the_key_out_of_the_config()
{
    let cloud = Cloud::new();
    let config = cloud.env.config_text();
    assert!(
        config.contains("credential = \"service-account\""),
        "{config}"
    );
    assert!(!config.contains("PRIVATE KEY"), "{config}");
    let stored = std::fs::read_to_string(cloud.env.token_file(DOMAIN_A)).unwrap();
    assert!(
        !stored.contains("PRIVATE KEY"),
        "the key is stored encoded, as one token"
    );
    // `auth token` prints an access token of the key (a server token), never the key
    let token = cloud.run(&["auth", "token"]).ok();
    assert!(token.stdout.starts_with("rsp_"), "{}", token.stdout);
    assert!(!token.stdout.contains("PRIVATE"), "{}", token.stdout);
    cloud.run(&["auth", "status"]).ok();
}

#[test]
fn create_view_list_and_filter_work_through_the_google_provider() {
    let cloud = Cloud::new();
    let id = cloud.create(PREMIUM, "Mail bounces");
    let view = cloud
        .run(&["case", "view", &id.to_string(), "--json"])
        .ok()
        .json();
    assert_eq!(view["customer"], PREMIUM);
    assert_eq!(view["name"], format!("{PREMIUM}/cases/{id}"));
    assert_eq!(view["priority"], "P2");
    assert_eq!(view["state"], "new");
    assert_eq!(view["subscriberEmailAddresses"][0], "ops@a.example");
    let listed = cloud.run(&["case", "list", "--json"]).ok().json();
    assert_eq!(ids(&listed), vec![id]);
    let p1 = cloud
        .run(&["case", "list", "--severity", "P1", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&p1), Vec::<u64>::new());
    let found = cloud
        .run(&["case", "filter", "bounces", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&found), vec![id]);
    let missed = cloud
        .run(&["case", "filter", "printer", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&missed), Vec::<u64>::new());
    let server = cloud.server_case(id);
    assert_eq!(server["customer"], "premium-co");
    assert_eq!(server["displayName"], "Mail bounces");
}

#[test]
fn comments_attachments_downloads_and_history_work_through_the_google_provider() {
    let cloud = Cloud::new();
    let id = cloud.create(PREMIUM, "Disk full").to_string();
    cloud
        .run(&[
            "case",
            "comment",
            &id,
            "--body",
            "Still failing after a restart",
        ])
        .ok();
    let messages = cloud
        .run(&["case", "history", &id, "--only", "messages", "--json"])
        .ok()
        .json();
    assert_eq!(messages[0]["body"], "Still failing after a restart");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trace.log");
    std::fs::write(&file, b"line 1\nline 2\n").unwrap();
    cloud
        .run(&["case", "attach", &id, file.to_str().unwrap()])
        .ok();
    let attachments = cloud
        .run(&["case", "attachments", &id, "--json"])
        .ok()
        .json();
    assert_eq!(attachments[0]["id"], 1);
    assert_eq!(attachments[0]["filename"], "trace.log");
    assert_eq!(attachments[0]["sizeBytes"], 14);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    cloud
        .run(&["case", "download", &id, "1", "--dir", out.to_str().unwrap()])
        .ok();
    assert_eq!(
        std::fs::read(out.join("trace.log")).unwrap(),
        b"line 1\nline 2\n"
    );
    let timeline = cloud.run(&["case", "history", &id, "--json"]).ok().json();
    let kinds: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["created", "message", "attachment-added"]);
}

#[test]
fn update_changes_only_the_masked_field_and_keeps_the_subscribers() {
    let cloud = Cloud::new();
    let id = cloud.create(PREMIUM, "Slow mail");
    cloud
        .run(&["case", "update", &id.to_string(), "--severity", "P1"])
        .ok();
    let case = cloud.server_case(id);
    assert_eq!(case["priority"], "P1");
    assert_eq!(case["displayName"], "Slow mail");
    assert_eq!(
        case["subscriberEmailAddresses"],
        serde_json::json!(["ops@a.example"])
    );
    cloud
        .run(&[
            "case",
            "update",
            &id.to_string(),
            "--title",
            "Very slow mail",
        ])
        .ok();
    let case = cloud.server_case(id);
    assert_eq!(case["displayName"], "Very slow mail");
    assert_eq!(case["priority"], "P1");
    cloud
        .run(&["case", "share", &id.to_string(), "--add", "lead@a.example"])
        .ok();
    let case = cloud.server_case(id);
    assert_eq!(
        case["subscriberEmailAddresses"],
        serde_json::json!(["ops@a.example", "lead@a.example"])
    );
    cloud
        .run(&[
            "case",
            "share",
            &id.to_string(),
            "--remove",
            "ops@a.example",
        ])
        .ok();
    let case = cloud.server_case(id);
    assert_eq!(
        case["subscriberEmailAddresses"],
        serde_json::json!(["lead@a.example"])
    );
}

#[test]
fn escalate_and_close_work_and_reopen_is_refused_with_exit_8() {
    let cloud = Cloud::new();
    let id = cloud.create(PREMIUM, "Outage").to_string();
    cloud
        .run(&[
            "case",
            "escalate",
            &id,
            "--reason",
            "business-impact",
            "--justification",
            "Production is down",
        ])
        .ok();
    assert_eq!(cloud.server_case(id.parse().unwrap())["escalated"], true);
    cloud.run(&["case", "close", &id]).ok();
    assert_eq!(cloud.server_case(id.parse().unwrap())["state"], "closed");
    let reopen = cloud.run(&["case", "reopen", &id]).code(8);
    assert!(reopen.stderr.contains("cannot reopen"), "{}", reopen.stderr);
    assert_eq!(cloud.server_case(id.parse().unwrap())["state"], "closed");
    // a comment on a closed case is the API's FAILED_PRECONDITION: refused by a rule
    cloud
        .run(&["case", "comment", &id, "--body", "hello"])
        .code(5);
}

#[test]
fn escalating_a_standard_plan_case_is_refused_by_the_rule_with_exit_5() {
    let cloud = Cloud::new();
    let id = cloud.create(STANDARD, "Question").to_string();
    let run = cloud
        .run(&[
            "case",
            "escalate",
            &id,
            "--reason",
            "resolution-time",
            "--justification",
            "Slow",
        ])
        .code(5);
    assert!(!run.stderr.is_empty());
    assert_eq!(cloud.server_case(id.parse().unwrap())["escalated"], false);
}

/// `premium-co` as an organization of the v2 surface (its id spelled two digits a letter).
const PREMIUM_ORG: &str = "organizations/35372432284032462234";

#[test]
fn customers_and_categories_come_from_the_parents_and_case_classifications() {
    // short pages: the discovery follows Cloud Resource Manager's page tokens
    let cloud = Cloud::with(rsupport_server::ServerConfig {
        v2_max_page_size: 2,
        ..rsupport_server::ServerConfig::default()
    });
    let customers = cloud
        .run(&["customer", "list", "--json", "--jq", ".[].id"])
        .ok();
    // configured first; then the customers that granted access, as projects and as
    // organizations (locked-co, whose access is revoked, and b.example's are not listed)
    assert_eq!(
        customers.stdout,
        format!(
            "{PREMIUM}\n{STANDARD}\nprojects/enhanced-co\norganizations/2433272033222423462234\n{PREMIUM_ORG}\norganizations/3839203323203723462234\n"
        )
    );
    assert_eq!(customers.stderr, "");
    let categories = cloud
        .run(&["category", "search", "gmail", "--json"])
        .ok()
        .json();
    assert!(
        categories
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "gmail-delivery"),
        "{categories}"
    );
}

#[test]
fn a_p0_case_is_filed_listed_viewed_and_sorted_as_p0() {
    let cloud = Cloud::new();
    let filed = cloud
        .run(
            &[
                create_args(
                    PREMIUM,
                    "Everything is down",
                    "P0",
                    "No mail since 10:00 anywhere",
                ),
                vec!["--json"],
            ]
            .concat(),
        )
        .ok()
        .json();
    let id = filed["id"].as_u64().unwrap();
    assert_eq!(filed["priority"], "P0");
    // the server keeps it as P0, and /v1 answers it so
    assert_eq!(cloud.server_case(id)["priority"], "P0");
    // filed after it (so more recently updated): a P1 case, and a P3 case raised to P0
    let urgent = cloud
        .run(&create_args(PREMIUM, "Calendar down", "P1", "d"))
        .ok();
    let p1: u64 = urgent.stdout.trim().parse().expect("the id");
    let raised = cloud.create(PREMIUM, "Drive sync stalls");
    let update = cloud
        .run(&["case", "update", &raised.to_string(), "--severity", "P0"])
        .ok();
    assert!(
        update.stderr.contains("severity P2 → P0"),
        "{}",
        update.stderr
    );

    let p0 = cloud
        .run(&["case", "list", "--severity", "P0", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&p0), vec![raised, id]);
    assert!(
        p0.as_array().unwrap().iter().all(|c| c["priority"] == "P0"),
        "{p0}"
    );
    let by_severity = cloud
        .run(&["case", "list", "--sort", "severity", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&by_severity), vec![raised, id, p1], "P0 first");
    let table = cloud
        .run(&["case", "list", "--sort", "severity", "--format", "table"])
        .ok()
        .stdout;
    let rows: Vec<&str> = table.lines().filter(|l| l.contains(" P")).collect();
    assert!(
        rows.len() >= 3
            && rows[0].contains("P0")
            && rows[1].contains("P0")
            && rows[2].contains("P1"),
        "{table}"
    );
    let view = cloud.run(&["case", "view", &id.to_string()]).ok().stdout;
    assert!(
        view.contains("P0 — Google Cloud only: critical and urgent impact"),
        "{view}"
    );
    let json = cloud
        .run(&["case", "view", &id.to_string(), "--json"])
        .ok()
        .json();
    assert_eq!(json["priority"], "P0");
}

#[test]
fn a_discovered_parent_is_usable_with_on_behalf_of_and_its_cases_by_number() {
    let cloud = Cloud::new();
    let id = cloud.create("projects/enhanced-co", "Filed for a discovered parent");
    let view = cloud
        .run(&["case", "view", &id.to_string(), "--json"])
        .ok()
        .json();
    assert_eq!(view["customer"], "projects/enhanced-co");
    assert_eq!(cloud.server_case(id)["customer"], "enhanced-co");
    // a parent neither configured nor discovered is refused naming the ones there are
    let run = cloud
        .run(&create_args("projects/b-co", "Not ours", "P3", "d"))
        .code(3);
    assert!(
        run.stderr.contains("'projects/b-co' is not a parent")
            && run.stderr.contains("projects/enhanced-co"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_customers_view_resource_manager_refuses_and_the_configured_parents_are_shown() {
    let world = World::on(TestServer::start());
    world.server.admin(&[
        "user",
        "add",
        "cases-only@a.example",
        "--privileges",
        "support,cases.access",
    ]);
    let token = world
        .server
        .admin(&["token", "issue", "cases-only@a.example"]);
    let env = google_env(&world.server.url, &[PREMIUM]);
    let output = env
        .rsupport_with_token(&token)
        .args(["customer", "list", "--json", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{PREMIUM}\n"));
    let note = stderr(&output);
    assert!(
        note.contains("only the configured parents are shown") && note.contains("403"),
        "{note}"
    );
    // the cases themselves are still reachable
    let id = block_on(world.api_a().create_case("premium-co", "Still listed"));
    let list = Run::from(
        env.rsupport_with_token(&token)
            .args(["case", "list", "--json"])
            .output()
            .unwrap(),
    )
    .ok()
    .json();
    assert_eq!(ids(&list), vec![id]);
}

#[test]
fn an_organization_parent_files_lists_and_shows_cases_named_under_it() {
    let cloud = Cloud::with_parents(rsupport_server::ServerConfig::default(), &[PREMIUM_ORG]);
    let id = cloud.create(PREMIUM_ORG, "Filed under the organization");
    let view = cloud
        .run(&["case", "view", &id.to_string(), "--json"])
        .ok()
        .json();
    assert_eq!(view["customer"], PREMIUM_ORG);
    assert_eq!(view["name"], format!("{PREMIUM_ORG}/cases/{id}"));
    let listed = cloud.run(&["case", "list", "--json"]).ok().json();
    assert_eq!(ids(&listed), vec![id]);
    assert_eq!(listed[0]["customer"], PREMIUM_ORG);
    cloud
        .run(&["case", "comment", &id.to_string(), "--body", "More detail"])
        .ok();
    // the same customer's case, as the server has it
    assert_eq!(cloud.server_case(id)["customer"], "premium-co");
    // an organization number that spells no customer is not found
    let run = cloud
        .run(&["case", "list", "--customer", "organizations/99", "--json"])
        .code(3);
    assert!(
        run.stderr
            .contains("organizations/99 is not an organization"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_plain_access_token_in_rsupport_token_is_the_bearer() {
    let world = World::new();
    let id = block_on(world.api_a().create_case("premium-co", "Token case"));
    let env = google_env(&world.server.url, &[PREMIUM]);
    let view = Run::from(
        env.rsupport_with_token(&world.a)
            .args(["case", "view", &id.to_string(), "--json"])
            .output()
            .unwrap(),
    )
    .ok()
    .json();
    assert_eq!(view["displayName"], "Token case");
    let list = Run::from(
        env.rsupport_with_token(&world.a)
            .args(["case", "list", "--json"])
            .output()
            .unwrap(),
    )
    .ok()
    .json();
    assert_eq!(ids(&list), vec![id]);
    // a token the server does not know is UNAUTHENTICATED: exit 4
    let refused = Run::from(
        env.rsupport_with_token("rsp_not-a-token")
            .args(["case", "list"])
            .output()
            .unwrap(),
    );
    assert_eq!(refused.code, 4, "{refused:?}");
}

#[test]
fn short_pages_that_carry_a_next_token_are_followed_on_the_real_server() {
    let cloud = Cloud::with(rsupport_server::ServerConfig {
        v2_max_page_size: 2,
        ..rsupport_server::ServerConfig::default()
    });
    let mut filed: Vec<u64> = (0..5)
        .map(|i| {
            block_on(
                cloud
                    .world
                    .api_a()
                    .create_case("premium-co", &format!("Case {i}")),
            )
        })
        .collect();
    filed.reverse(); // most recently updated first
    let all = cloud
        .run(&["case", "list", "--all", "--state", "all", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&all), filed);
    let limited = cloud.run(&["case", "list", "--limit", "3", "--json"]).ok();
    assert_eq!(ids(&limited.json()), filed[..3].to_vec());
    assert!(
        limited.stderr.contains("gives no count"),
        "{}",
        limited.stderr
    );
}

#[test]
fn a_case_the_parents_do_not_hold_is_not_found_and_another_domains_parent_too() {
    let cloud = Cloud::new();
    let other = block_on(cloud.world.api_b().create_case("b-co", "Not ours"));
    let run = cloud.run(&["case", "view", &other.to_string()]).code(3);
    assert!(
        run.stderr.contains("is not under any parent"),
        "{}",
        run.stderr
    );
    cloud
        .run(&["case", "list", "--customer", "projects/b-co"])
        .code(3);
}

#[test]
fn a_key_the_token_endpoint_refuses_is_exit_4_naming_the_oauth_error() {
    let cloud = Cloud::new();
    let mut key: Value =
        serde_json::from_str(&std::fs::read_to_string(&cloud.key).unwrap()).unwrap();
    key["client_email"] = "someone-else@premium-co.iam.gserviceaccount.com".into();
    let forged = cloud.env.home().join("forged.json");
    std::fs::write(&forged, key.to_string()).unwrap();
    let run = Run::from(
        cloud
            .env
            .rsupport()
            .args([
                "auth",
                "login",
                "--provider",
                "google",
                "--domain",
                "forged.example",
            ])
            .args(["--parent", PREMIUM, "--insecure-storage"])
            .args(["--endpoint", &cloud.world.server.url])
            .arg("--credentials")
            .arg(&forged)
            .output()
            .unwrap(),
    )
    .code(4);
    assert!(run.stderr.contains("invalid_grant"), "{}", run.stderr);
    assert!(!run.stderr.contains("PRIVATE"), "{}", run.stderr);
    assert!(!cloud.env.config_text().contains("forged.example"));
}

/// Logs `a.example` in as a Google domain with no credential flag: Application Default
/// Credentials are looked for. Answers the run and the environment.
fn login_with_adc(world: &World, env: &TestEnv, adc_env: Option<&std::path::Path>) -> Run {
    let mut cmd = env.rsupport();
    if let Some(path) = adc_env {
        cmd.env("GOOGLE_APPLICATION_CREDENTIALS", path);
    }
    Run::from(
        cmd.args([
            "auth",
            "login",
            "--provider",
            "google",
            "--domain",
            DOMAIN_A,
        ])
        .args(["--parent", PREMIUM, "--insecure-storage"])
        .args(["--endpoint", &world.server.url])
        .output()
        .unwrap(),
    )
}

fn dev_world() -> World {
    World::on(TestServer::start_with(rsupport_server::ServerConfig {
        dev_mode: true,
        ..rsupport_server::ServerConfig::default()
    }))
}

#[test]
fn application_default_credentials_are_read_from_google_application_credentials() {
    let world = dev_world();
    let key = world
        .server
        .dev_service_account("admin@a.example", "premium-co");
    let env = TestEnv::new();
    let login = login_with_adc(&world, &env, Some(&key)).ok();
    assert!(
        login.stderr.contains("with the service-account key"),
        "{login:?}"
    );
    let id = block_on(world.api_a().create_case("premium-co", "Via ADC"));
    let list = Run::from(
        env.rsupport()
            .args(["case", "list", "--json"])
            .output()
            .unwrap(),
    )
    .ok()
    .json();
    assert_eq!(ids(&list), vec![id]);
}

#[test]
fn application_default_credentials_are_read_from_gclouds_config_dir() {
    let world = dev_world();
    let key = world
        .server
        .dev_service_account("admin@a.example", "premium-co");
    let env = TestEnv::new();
    let gcloud = env.home().join(".config").join("gcloud");
    std::fs::create_dir_all(&gcloud).unwrap();
    std::fs::copy(&key, gcloud.join("application_default_credentials.json")).unwrap();
    login_with_adc(&world, &env, None).ok();
    assert!(
        env.config_text()
            .contains("credential = \"service-account\"")
    );
}

#[test]
fn a_users_application_default_credentials_refresh_at_their_token_uri_and_run_case_commands() {
    let world = dev_world();
    let adc = world.server.dev_authorized_user("admin@a.example");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&adc).unwrap()).unwrap();
    let refresh_token = file["refresh_token"].as_str().unwrap().to_string();
    let env = TestEnv::new();
    let login = login_with_adc(&world, &env, Some(&adc)).ok();
    assert!(
        login
            .stderr
            .contains("as admin@a.example with the Application Default Credentials"),
        "{login:?}"
    );
    let config = env.config_text();
    assert!(
        config.contains("credential = \"authorized-user\""),
        "{config}"
    );
    assert!(!config.contains(&refresh_token), "{config}");
    let stored = std::fs::read_to_string(env.token_file(DOMAIN_A)).unwrap();
    assert!(
        !stored.contains(&refresh_token),
        "kept encoded, as one token"
    );
    // every command refreshes at the file's token_uri (the dev token endpoint)
    let run = |args: &[&str]| Run::from(env.rsupport().args(args).output().unwrap());
    let filed = run(&[
        create_args(
            PREMIUM,
            "Filed with a user's credentials",
            "P3",
            "Mail stopped flowing",
        ),
        vec!["--json"],
    ]
    .concat())
    .ok()
    .json();
    let id = filed["id"].as_u64().unwrap();
    assert_eq!(filed["creator"], "admin@a.example");
    let list = run(&["case", "list", "--json"]).ok().json();
    assert_eq!(ids(&list), vec![id]);
    run(&["case", "comment", &id.to_string(), "--body", "More detail"]).ok();
    let token = run(&["auth", "token"]).ok();
    assert!(token.stdout.starts_with("rsp_"), "{}", token.stdout);
    assert!(!token.stdout.contains(&refresh_token), "{}", token.stdout);
}

#[test]
fn a_refresh_token_the_token_endpoint_refuses_is_exit_4_and_nothing_is_stored() {
    let world = dev_world();
    let adc = world.server.dev_authorized_user("admin@a.example");
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&adc).unwrap()).unwrap();
    file["refresh_token"] = "1//revoked-refresh-token".into();
    let env = TestEnv::new();
    let revoked = env.home().join("revoked-adc.json");
    std::fs::write(&revoked, file.to_string()).unwrap();
    let run = login_with_adc(&world, &env, Some(&revoked)).code(4);
    assert!(
        run.stderr
            .contains("did not give an access token for the stored refresh token"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("/v2/dev/oauth2/token"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("revoked-refresh-token"),
        "{}",
        run.stderr
    );
    assert!(!env.config_text().contains(DOMAIN_A));
}

#[test]
fn without_any_credential_the_login_names_the_three_ways() {
    let world = dev_world();
    let env = TestEnv::new();
    let run = login_with_adc(&world, &env, None).code(2);
    assert!(
        run.stderr.contains("--credentials") && run.stderr.contains("--with-token"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("gcloud auth application-default login"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_dry_run_create_is_refused_after_the_clients_checks_and_files_nothing() {
    let cloud = Cloud::new();
    let run = cloud
        .run(
            &[
                create_args(PREMIUM, "Would be filed", "P3", "Details"),
                vec!["--dry-run"],
            ]
            .concat(),
        )
        .code(8);
    assert!(
        run.stderr.contains("no validate-only mode"),
        "{}",
        run.stderr
    );
    let listed = cloud
        .run(&["case", "list", "--state", "all", "--json"])
        .ok()
        .json();
    assert_eq!(ids(&listed), Vec::<u64>::new());
}

#[test]
fn bulk_close_acts_on_each_case_through_the_google_provider() {
    let cloud = Cloud::new();
    let first = cloud.create(PREMIUM, "First");
    let second = cloud.create(STANDARD, "Second");
    let run = cloud
        .run(&[
            "case",
            "close",
            &first.to_string(),
            &second.to_string(),
            "--yes",
        ])
        .ok();
    assert!(run.stdout.contains(&format!("{first}\tclosed")), "{run:?}");
    assert!(run.stdout.contains(&format!("{second}\tclosed")), "{run:?}");
    for id in [first, second] {
        assert_eq!(cloud.server_case(id)["state"], "closed");
    }
}
