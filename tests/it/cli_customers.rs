//! `customer list|view`, `category search`, exit codes, tokens and output formats, with the
//! real binary against a real server.

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::{DOMAIN_A, DOMAIN_B, World};

fn logged_in_a(token_of: impl Fn(&World) -> String) -> (World, TestEnv) {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &token_of(&world));
    (world, env)
}

#[test]
fn customer_list_as_tsv_shows_plan_and_access() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let locked = out.lines().find(|l| l.starts_with("locked-co\t")).unwrap();
    assert_eq!(
        locked,
        "locked-co\tlocked-co Inc\tlocked-co.example\tpremium\tnot granted"
    );
}

#[test]
fn customer_list_search_filters_by_keyword() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "list", "--search", "enhanced", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "enhanced-co\n");
}

#[test]
fn customer_list_with_no_match_says_so_on_stderr() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "list", "--search", "zzz-nothing"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("No customer matches 'zzz-nothing'"));
}

#[test]
fn customer_list_json_uses_the_api_field_names() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &list[0];
    for field in [
        "id",
        "displayName",
        "primaryDomain",
        "resellerDomain",
        "plan",
        "accessGranted",
        "contact",
    ] {
        assert!(first.get(field).is_some(), "missing {field}: {first}");
    }
}

#[test]
fn customer_list_csv_has_a_header_and_one_row_per_customer() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "list", "--format", "csv"])
        .output()
        .unwrap();
    let out = stdout(&output);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,displayName,primaryDomain,resellerDomain,plan,accessGranted,contact.name,contact.email,contact.phone"
    );
    assert_eq!(lines.count(), 4);
}

#[test]
fn jq_can_select_and_print_raw_strings() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args([
            "customer",
            "list",
            "--jq",
            ".[] | select(.accessGranted | not) | .displayName",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "locked-co Inc\n");
}

#[test]
fn customer_view_shows_contact_details() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "view", "premium-co"])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(
        out.contains("Plan\tpremium") && out.contains("Contact email\t"),
        "{out}"
    );
}

#[test]
fn customer_view_of_an_unknown_id_is_exit_3() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "view", "no-such-customer"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("CUSTOMER_NOT_FOUND"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn customer_of_another_domain_is_not_found() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "view", "b-co"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
}

#[test]
fn missing_privilege_is_exit_4_and_names_it() {
    let (_world, env) = logged_in_a(|w| w.a_nobody.clone());
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(err.contains("PRIVILEGE_MISSING"), "{err}");
    assert!(
        err.contains("support") || err.contains("customers.view"),
        "{err}"
    );
    assert!(
        err.contains("Hint: ask a reseller admin of a.example"),
        "{err}"
    );
}

#[test]
fn revoked_token_is_exit_4_with_a_login_hint() {
    let (world, env) = logged_in_a(|w| w.a.clone());
    world.server.admin(&["token", "revoke", "admin@a.example"]);
    let output = env.rsupport().args(["customer", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(err.contains("revoked"), "{err}");
    assert!(err.contains("Hint: the token of a.example is unknown, expired or revoked: log in again with `rsupport auth login --domain a.example`"), "{err}");
}

#[test]
fn expired_token_is_exit_4_with_a_login_hint() {
    let world = World::new();
    let env = TestEnv::new();
    let token = world
        .server
        .admin(&["token", "issue", "admin@a.example", "--expires-in", "0s"]);
    let output = env
        .rsupport_with_token(&token)
        .args(["--endpoint", &world.server.url, "customer", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(err.contains("expired"), "{err}");
    assert!(
        err.contains("Hint: RSUPPORT_TOKEN holds a token the server refuses"),
        "{err}"
    );
}

#[test]
fn customer_that_has_not_granted_access_is_listed_as_not_granted() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["customer", "view", "locked-co", "--jq", ".accessGranted"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "false\n");
}

#[test]
fn category_search_matches_every_keyword() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["category", "search", "gmail", "delivery", "--jq", ".[].id"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).lines().any(|l| l == "gmail-delivery"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn category_search_without_keywords_lists_the_catalogue() {
    let (_world, env) = logged_in_a(|w| w.a.clone());
    let output = env
        .rsupport()
        .args(["category", "search", "--jq", "length"])
        .output()
        .unwrap();
    let count: u32 = stdout(&output).trim().parse().unwrap();
    assert!(count > 5, "{count}");
}

#[test]
fn all_domains_lists_every_domain_with_a_domain_field() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    let output = env
        .rsupport()
        .args([
            "customer",
            "list",
            "--all-domains",
            "--jq",
            ".[] | \"\\(.domain) \\(.id)\"",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("a.example premium-co\n") && out.contains("b.example b-co\n"),
        "{out}"
    );
}

#[test]
fn all_domains_reports_a_failing_domain_and_still_shows_the_others() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    world.server.admin(&["token", "revoke", "admin@b.example"]);
    let output = env
        .rsupport()
        .args(["customer", "list", "--all-domains"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let mut customers: Vec<&str> = out
        .lines()
        .map(|l| {
            l.strip_prefix("a.example\t")
                .unwrap_or_else(|| panic!("not a.example: {l}"))
        })
        .map(|rest| rest.split('\t').next().unwrap())
        .collect();
    customers.sort();
    assert_eq!(
        customers,
        ["enhanced-co", "locked-co", "premium-co", "standard-co"],
        "{out}"
    );
    assert!(
        stderr(&output).contains("b.example:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn all_domains_fails_when_every_domain_fails() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    world.server.admin(&["token", "revoke", "admin@a.example"]);
    world.server.admin(&["token", "revoke", "admin@b.example"]);
    let output = env
        .rsupport()
        .args(["customer", "list", "--all-domains"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
}

#[test]
fn all_domains_refuses_rsupport_token() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let output = env
        .rsupport_with_token(&world.a)
        .args(["customer", "list", "--all-domains"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("RSUPPORT_TOKEN"));
}

#[test]
fn no_token_appears_in_any_output_with_verbose() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    let runs: &[&[&str]] = &[
        &["customer", "list", "-v"],
        &["customer", "view", "premium-co", "-v", "--json"],
        &["category", "search", "gmail", "-v"],
        &["auth", "status", "-v"],
        &["customer", "view", "no-such", "-v"],
    ];
    for args in runs {
        let output = env.rsupport().args(*args).output().unwrap();
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert!(
            stderr(&output).contains("GET "),
            "{args:?} logged nothing: {all}"
        );
        assert!(!all.contains(&world.a), "{args:?} leaked the token: {all}");
    }
    // a refused token is not echoed either
    let output = env
        .rsupport_with_token("leaky-token-value")
        .args(["--endpoint", &world.server.url, "customer", "list", "-v"])
        .output()
        .unwrap();
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!all.contains("leaky-token-value"), "{all}");
}

#[test]
fn control_sequences_in_server_text_never_reach_the_terminal_formats() {
    let world = World::new();
    let evil = "Evil\u{1b}[2J\u{1b}]0;owned\u{7} Corp\u{9b}31m";
    world.server.admin(&[
        "customer", "add", "evil-co", "--name", evil, "--domain", DOMAIN_A, "--plan", "standard",
    ]);
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_A, &world.a);
    for format in ["table", "tsv", "csv"] {
        let output = env
            .rsupport()
            .args(["customer", "list", "--format", format])
            .output()
            .unwrap();
        let out = stdout(&output);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}'),
            "{format}: {out:?}"
        );
        assert!(out.contains("Evil Corp"), "{format}: {out:?}");
    }
    let output = env
        .rsupport()
        .args(["customer", "view", "evil-co", "--json"])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(!out.contains('\u{1b}'), "JSON escapes it: {out:?}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["displayName"], evil, "JSON keeps the exact text");
    let output = env
        .rsupport()
        .args(["customer", "view", "evil-co", "--jq", ".displayName"])
        .output()
        .unwrap();
    assert!(!stdout(&output).contains('\u{1b}'), "{:?}", stdout(&output));
}

#[test]
fn domain_b_does_not_see_domain_a_customers() {
    let world = World::new();
    let env = TestEnv::new();
    env.login_insecure(&world.server.url, DOMAIN_B, &world.b);
    let output = env
        .rsupport()
        .args(["customer", "view", "premium-co"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
}
