//! The selection rules, identical in every command: domain = --domain > RSUPPORT_DOMAIN > the
//! default > the only domain logged in; endpoint = --endpoint > RSUPPORT_ENDPOINT > the
//! domain's stored endpoint > the default; token = RSUPPORT_TOKEN > keyring/file (a stored one
//! only for its own endpoint: `auth_endpoint_binding`).

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::{DOMAIN_A, DOMAIN_B, TestServer, World};

/// Who the command acted as: `customer list` answers the customers of the token's domain.
fn customers(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd
        .args(["customer", "list", "--jq", "map(.id) | join(\",\")"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).trim().to_string()
}

const A_CUSTOMERS: &str = "enhanced-co,locked-co,premium-co,standard-co";

fn two_domains() -> (World, TestEnv) {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    (world, env)
}

#[test]
fn the_only_domain_logged_in_is_used_without_any_selection() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    assert_eq!(customers(&mut env.rsupport()), "b-co");
}

#[test]
fn two_domains_without_a_default_need_a_selection_exit_4() {
    let (_world, env) = two_domains();
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(
        err.contains("a.example, b.example") && err.contains("auth switch"),
        "{err}"
    );
}

#[test]
fn default_domain_wins_over_the_only_domain_rule() {
    let (_world, env) = two_domains();
    env.rsupport()
        .args(["auth", "switch", DOMAIN_B])
        .assert()
        .success();
    assert_eq!(customers(&mut env.rsupport()), "b-co");
}

#[test]
fn env_domain_wins_over_the_default() {
    let (_world, env) = two_domains();
    env.rsupport()
        .args(["auth", "switch", DOMAIN_B])
        .assert()
        .success();
    assert_eq!(
        customers(env.rsupport().env("RSUPPORT_DOMAIN", DOMAIN_A)),
        A_CUSTOMERS
    );
}

#[test]
fn domain_flag_wins_over_env_domain() {
    let (_world, env) = two_domains();
    assert_eq!(
        customers(
            env.rsupport()
                .env("RSUPPORT_DOMAIN", DOMAIN_A)
                .args(["--domain", DOMAIN_B])
        ),
        "b-co"
    );
}

#[test]
fn two_domains_are_used_alternately_without_switching() {
    let (_world, env) = two_domains();
    for _ in 0..2 {
        assert_eq!(
            customers(env.rsupport().args(["--domain", DOMAIN_A])),
            A_CUSTOMERS
        );
        assert_eq!(
            customers(env.rsupport().args(["--domain", DOMAIN_B])),
            "b-co"
        );
    }
}

#[test]
fn two_domains_are_used_concurrently_without_mixing_tokens() {
    let (_world, env) = two_domains();
    let env = &env;
    std::thread::scope(|scope| {
        let runs: Vec<_> = (0..8)
            .map(|i| {
                let (domain, expected) = if i % 2 == 0 {
                    (DOMAIN_A, A_CUSTOMERS)
                } else {
                    (DOMAIN_B, "b-co")
                };
                scope.spawn(move || {
                    (
                        expected,
                        customers(env.rsupport().args(["--domain", domain])),
                    )
                })
            })
            .collect();
        for run in runs {
            let (expected, got) = run.join().unwrap();
            assert_eq!(got, expected);
        }
    });
}

#[test]
fn env_token_wins_over_the_stored_one() {
    let (world, env) = two_domains();
    // the stored token of a.example is admin's; the env one is the viewer's
    let output = env
        .rsupport_with_token(&world.a_viewer)
        .args(["--domain", DOMAIN_A, "auth", "status", "--json"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let a = status
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["domain"] == DOMAIN_A)
        .unwrap();
    assert_eq!(a["tokenSource"], "env");
    assert_eq!(a["user"], "viewer@a.example");
}

#[test]
fn env_token_works_without_any_login() {
    let world = World::new();
    let env = TestEnv::new();
    let mut cmd = env.rsupport_with_token(&world.b);
    cmd.args(["--endpoint", &world.server.url]);
    assert_eq!(customers(&mut cmd), "b-co");
    assert!(env.files().is_empty(), "RSUPPORT_TOKEN is never stored");
}

#[test]
fn stored_endpoint_of_the_domain_is_used() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    // nothing listens on the default endpoint in tests: success proves the stored one is used
    assert_eq!(customers(&mut env.rsupport()), A_CUSTOMERS);
}

#[test]
fn env_endpoint_wins_over_the_stored_one() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    // a stored token goes only to its own server (auth_endpoint_binding); RSUPPORT_TOKEN goes
    // where the endpoint says
    let other = World::on(TestServer::start());
    let mut cmd = env.rsupport_with_token(&other.a);
    cmd.env("RSUPPORT_ENDPOINT", &other.server.url);
    // the first server does not know other.a: success shows the request went to the other
    assert_eq!(customers(&mut cmd), A_CUSTOMERS);
}

#[test]
fn endpoint_flag_wins_over_env_endpoint() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let other = TestServer::start();
    let mut cmd = env.rsupport();
    cmd.env("RSUPPORT_ENDPOINT", &other.url)
        .args(["--endpoint", &world.server.url]);
    assert_eq!(customers(&mut cmd), A_CUSTOMERS);
}

#[test]
fn default_endpoint_is_used_when_nothing_else_is_set() {
    let env = TestEnv::new();
    let output = env
        .rsupport_with_token("t")
        .args(["category", "search"])
        .output()
        .unwrap();
    // either nothing listens there (exit 6, named) or a dev server refuses the token (exit 4)
    let err = stderr(&output);
    assert!(
        err.contains(rsupport_api::DEFAULT_ENDPOINT) || output.status.code() == Some(4),
        "{err}"
    );
}

#[test]
fn endpoint_from_login_flag_is_remembered_per_domain() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let output = env
        .rsupport()
        .args(["config", "get", "domains.a.example.endpoint"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output).trim(), world.server.url);
}
