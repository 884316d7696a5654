//! A stored token goes only to the server it was logged in with (as gh binds a token to its
//! host): `--endpoint` or `RSUPPORT_ENDPOINT` naming another server is refused before anything
//! is sent, unless the token comes from `RSUPPORT_TOKEN` (the caller chose both). Logging in
//! again with `--endpoint` moves a domain.

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::mock::{MockServer, json};
use crate::common::{DOMAIN_A, DOMAIN_B, TestServer, World};

/// A server that would answer anything, and records whether anything came.
fn listening_elsewhere() -> MockServer {
    MockServer::start(vec![json(200, r#"{"customers":[]}"#)])
}

fn assert_refused_for_elsewhere(output: &std::process::Output, domain: &str, elsewhere: &str) {
    assert_eq!(output.status.code(), Some(4), "{}", stderr(output));
    let err = stderr(output);
    assert!(
        err.contains(&format!(
            "rsupport auth login --domain {domain} --endpoint {elsewhere}"
        )),
        "{err}"
    );
}

#[test]
fn a_stored_token_is_not_sent_to_an_endpoint_given_with_the_flag() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let elsewhere = listening_elsewhere();
    let output = env
        .rsupport()
        .args(["--endpoint", &elsewhere.url, "customer", "list"])
        .output()
        .unwrap();
    assert_refused_for_elsewhere(&output, DOMAIN_A, &elsewhere.url);
    let err = stderr(&output);
    assert!(
        err.contains(&world.server.url) && err.contains("a.example"),
        "names the server the token is for: {err}"
    );
    assert!(!err.contains(&world.a), "{err}");
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
}

#[test]
fn a_stored_token_is_not_sent_to_an_endpoint_given_in_the_environment() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let elsewhere = listening_elsewhere();
    let output = env
        .rsupport()
        .env("RSUPPORT_ENDPOINT", &elsewhere.url)
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert_refused_for_elsewhere(&output, DOMAIN_A, &elsewhere.url);
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
}

#[test]
fn the_same_endpoint_written_differently_is_the_same_server() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let shouted = format!("{}/", world.server.url.replace("http://", "HTTP://"));
    env.rsupport()
        .args(["--endpoint", &shouted, "customer", "list"])
        .assert()
        .success();
}

#[test]
fn a_domain_logged_in_before_endpoints_were_recorded_is_bound_to_the_default_endpoint() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(
        env.config_dir().join("config.toml"),
        "[domains.\"a.example\"]\nstorage = \"file\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(env.token_file(DOMAIN_A).parent().unwrap()).unwrap();
    std::fs::write(env.token_file(DOMAIN_A), "old-stored-token\n").unwrap();
    let elsewhere = listening_elsewhere();
    let output = env
        .rsupport()
        .args(["--endpoint", &elsewhere.url, "customer", "list"])
        .output()
        .unwrap();
    assert_refused_for_elsewhere(&output, DOMAIN_A, &elsewhere.url);
    assert!(
        stderr(&output).contains(rsupport_api::DEFAULT_ENDPOINT),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
}

#[test]
fn rsupport_token_with_another_endpoint_is_sent_there() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let elsewhere = listening_elsewhere();
    env.rsupport_with_token("chosen-token")
        .args(["--endpoint", &elsewhere.url, "customer", "list"])
        .assert()
        .success();
    let requests = elsewhere.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert!(
        requests[0]
            .to_ascii_lowercase()
            .contains("authorization: bearer chosen-token"),
        "{requests:?}"
    );
}

#[test]
fn logging_in_again_with_another_endpoint_moves_the_domain_there() {
    let first = World::new();
    let second = World::on(TestServer::start());
    let env = TestEnv::new();
    env.login_insecure(&first.server.url, DOMAIN_A, &first.a);
    env.login_insecure(&second.server.url, DOMAIN_A, &second.a);
    // commands go to the new server with no flag
    env.rsupport().args(["customer", "list"]).assert().success();
    let output = env
        .rsupport()
        .args(["config", "get", "domains.a.example.endpoint"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output).trim(), second.server.url);
    // and the old server is now "another endpoint"
    let output = env
        .rsupport()
        .args(["--endpoint", &first.server.url, "customer", "list"])
        .output()
        .unwrap();
    assert_refused_for_elsewhere(&output, DOMAIN_A, &first.server.url);
}

#[test]
fn the_endpoint_of_a_domain_is_moved_by_logging_in_not_by_config_set() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let elsewhere = listening_elsewhere();
    let output = env
        .rsupport()
        .args([
            "config",
            "set",
            "domains.a.example.endpoint",
            &elsewhere.url,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "rsupport auth login --domain a.example --endpoint {}",
            elsewhere.url
        )),
        "{}",
        stderr(&output)
    );
    env.rsupport().args(["customer", "list"]).assert().success();
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
}

#[test]
fn auth_status_with_another_endpoint_reports_the_binding_and_sends_nothing() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    let elsewhere = listening_elsewhere();
    let output = env
        .rsupport()
        .args(["--endpoint", &elsewhere.url, "auth", "status", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for domain in status.as_array().unwrap() {
        assert_eq!(domain["tokenWorks"], false, "{status}");
        let problem = domain["problem"].as_str().unwrap_or_default();
        assert!(problem.contains(&world.server.url), "{status}");
    }
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
}

#[test]
fn all_domains_with_another_endpoint_sends_no_domain_token_there() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    let elsewhere = listening_elsewhere();
    for args in [
        ["customer", "list", "--all-domains"],
        ["case", "list", "--all-domains"],
    ] {
        let output = env
            .rsupport()
            .env("RSUPPORT_ENDPOINT", &elsewhere.url)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(4),
            "{args:?}: {}",
            stderr(&output)
        );
        let err = stderr(&output);
        assert!(
            err.contains("a.example") && err.contains("b.example"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        elsewhere.requests(),
        Vec::<String>::new(),
        "nothing was sent"
    );
}

#[test]
fn switching_the_default_domain_does_not_carry_an_endpoint_over_to_it() {
    let world_a = World::new();
    let world_b = World::on(TestServer::start());
    let env = TestEnv::new();
    env.login_insecure(&world_a.server.url, DOMAIN_A, &world_a.a);
    env.login_insecure(&world_b.server.url, DOMAIN_B, &world_b.b);
    env.rsupport()
        .args(["auth", "switch", DOMAIN_B])
        .assert()
        .success();
    // RSUPPORT_ENDPOINT left over from working with a.example
    let output = env
        .rsupport()
        .env("RSUPPORT_ENDPOINT", &world_a.server.url)
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert_refused_for_elsewhere(&output, DOMAIN_B, &world_a.server.url);
    // without it, b.example's own server answers
    env.rsupport().args(["customer", "list"]).assert().success();
}
