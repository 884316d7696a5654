//! `auth login|logout|switch|token|status` with the real binary against a real server. These
//! use `--insecure-storage` (no keyring needed); the keyring itself is in
//! `keyring_secret_service.rs`.

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::{DOMAIN_A, DOMAIN_B, World};

fn login(env: &TestEnv, world: &World, domain: &str, token: &str) -> std::process::Output {
    env.rsupport()
        .args(["auth", "login", "--with-token", "--insecure-storage"])
        .args(["--domain", domain, "--endpoint", &world.server.url])
        .write_stdin(format!("  {token}\n"))
        .output()
        .unwrap()
}

#[test]
fn login_checks_the_token_then_keeps_it_in_a_0600_file_after_a_warning() {
    let world = World::new();
    let env = TestEnv::new();
    let output = login(&env, &world, DOMAIN_A, &world.a);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("Warning:") && err.contains("plain text"),
        "{err}"
    );
    assert!(
        err.contains("Logged in to a.example as admin@a.example"),
        "{err}"
    );
    let file = env.token_file(DOMAIN_A);
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), world.a);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let config = env.config_text();
    assert!(config.contains("storage = \"file\""), "{config}");
    assert!(config.contains(&world.server.url), "{config}");
    assert!(
        !config.contains(&world.a),
        "the token is not in the config: {config}"
    );
}

#[test]
fn login_with_an_unknown_token_stores_nothing_and_exits_4() {
    let world = World::new();
    let env = TestEnv::new();
    let output = login(&env, &world, DOMAIN_A, "not-a-real-token");
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).contains("not known"), "{}", stderr(&output));
    assert!(env.files().is_empty(), "{:?}", env.files());
}

#[test]
fn login_refuses_a_token_of_another_domain_naming_both() {
    let world = World::new();
    let env = TestEnv::new();
    let output = login(&env, &world, DOMAIN_A, &world.b);
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(
        err.contains("b.example") && err.contains("a.example"),
        "{err}"
    );
    assert!(env.files().is_empty());
}

#[test]
fn login_refuses_a_support_agent_token() {
    let world = World::new();
    let env = TestEnv::new();
    let output = login(&env, &world, DOMAIN_A, &world.agent);
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stderr(&output).contains("support agent"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn login_without_with_token_and_without_a_terminal_names_the_flag() {
    let world = World::new();
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args([
            "auth",
            "login",
            "--domain",
            DOMAIN_A,
            "--endpoint",
            &world.server.url,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--with-token"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn login_without_a_domain_names_the_flag() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["auth", "login", "--with-token"])
        .write_stdin("tok")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--domain"), "{}", stderr(&output));
}

#[test]
fn logout_removes_the_token_file_and_the_domain() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.rsupport()
        .args(["auth", "logout", "--domain", DOMAIN_A])
        .assert()
        .success();
    assert!(!env.token_file(DOMAIN_A).exists());
    assert!(
        !env.config_text().contains(DOMAIN_A),
        "{}",
        env.config_text()
    );
}

#[test]
fn logout_all_forgets_every_domain() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    env.rsupport()
        .args(["auth", "logout", "--all"])
        .assert()
        .success();
    assert!(
        env.files()
            .iter()
            .all(|f| !f.to_string_lossy().ends_with(".token"))
    );
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
}

#[test]
fn logout_of_a_domain_not_logged_in_is_exit_3() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["auth", "logout", "--domain", "nowhere.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
}

#[test]
fn switch_sets_the_default_domain() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    env.rsupport()
        .args(["auth", "switch", DOMAIN_B])
        .assert()
        .success();
    assert!(env.config_text().contains("default_domain = \"b.example\""));
    let output = env
        .rsupport()
        .args(["customer", "list", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "b-co\n", "{}", stderr(&output));
}

#[test]
fn switch_to_a_domain_not_logged_in_is_exit_3_with_a_login_hint() {
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["auth", "switch", "other.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("rsupport auth login --domain other.example"));
}

#[test]
fn switch_without_a_domain_and_without_a_terminal_names_the_argument() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let output = env.rsupport().args(["auth", "switch"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("DOMAIN"), "{}", stderr(&output));
}

#[test]
fn token_prints_the_stored_token_alone() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let output = env.rsupport().args(["auth", "token"]).output().unwrap();
    assert_eq!(stdout(&output), format!("{}\n", world.a));
}

#[test]
fn status_shows_every_domain_with_user_privileges_storage_and_default() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a_viewer);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    env.rsupport()
        .args(["auth", "switch", DOMAIN_A])
        .assert()
        .success();
    let output = env
        .rsupport()
        .args(["auth", "status", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let a = &status[0];
    assert_eq!(a["domain"], DOMAIN_A);
    assert_eq!(a["active"], true);
    assert_eq!(a["user"], "viewer@a.example");
    assert_eq!(
        a["privileges"],
        serde_json::json!(["support", "customers.view"])
    );
    assert_eq!(a["tokenSource"], "file");
    assert_eq!(a["tokenWorks"], true);
    assert_eq!(a["endpoint"], world.server.url.as_str());
    assert_eq!(status[1]["domain"], DOMAIN_B);
    assert_eq!(status[1]["active"], false);
}

#[test]
fn status_reports_a_revoked_token_and_exits_4_while_showing_the_others() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    world.server.admin(&["token", "revoke", "admin@b.example"]);
    let output = env.rsupport().args(["auth", "status"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    let out = stdout(&output);
    let a_line = out.lines().find(|l| l.starts_with(DOMAIN_A)).unwrap();
    let b_line = out.lines().find(|l| l.starts_with(DOMAIN_B)).unwrap();
    assert!(a_line.ends_with("\tok"), "{out}");
    assert!(b_line.contains("UNAUTHENTICATED"), "{out}");
    assert!(stderr(&output).contains("rsupport auth login --domain b.example"));
}

#[test]
fn status_without_any_login_is_exit_4_with_a_hint() {
    let env = TestEnv::new();
    let output = env.rsupport().args(["auth", "status"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(stderr(&output).contains("rsupport auth login --domain"));
}

#[test]
fn status_with_only_rsupport_token_shows_whose_token_it_is() {
    let world = World::new();
    let env = TestEnv::new();
    let output = env
        .rsupport_with_token(&world.b)
        .args(["--endpoint", &world.server.url, "auth", "status", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(status[0]["domain"], DOMAIN_B);
    assert_eq!(status[0]["user"], "admin@b.example");
    assert_eq!(status[0]["tokenSource"], "env");
    assert!(
        !stdout(&output).contains(&world.b),
        "the token itself is not shown"
    );
}
