//! Messages that point the right way: an error or a note says what happened in the user's
//! terms and names the next step that works, never one that cannot (issue 11).

use crate::common::env::{TestEnv, stderr};
use crate::common::reseller::{Reseller, Run, block_on};
use crate::common::{DOMAIN_A, DOMAIN_B, TestServer, World};

fn create_args(customer: &str) -> Vec<&str> {
    vec![
        "case",
        "create",
        "--on-behalf-of",
        customer,
        "--title",
        "Mail bounces",
        "--category",
        "gmail-delivery",
        "--severity",
        "P3",
        "--description",
        "Every message to a partner bounces",
    ]
}

#[test]
fn a_case_of_another_logged_in_domain_is_not_found_in_this_one_and_names_the_other() {
    let reseller = Reseller::new();
    let b_case = block_on(reseller.world.api_b().create_case("b-co", "B's case")).to_string();
    for args in [
        vec!["case", "view", b_case.as_str()],
        vec!["case", "close", b_case.as_str()],
    ] {
        let run = reseller.run(&args).code(3);
        assert!(
            run.stderr.contains(&format!(
                "case {b_case} was not found in {DOMAIN_A}: it is a case of {DOMAIN_B}"
            )),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("--domain {DOMAIN_B}"))
                && run.stderr.contains("--all-domains"),
            "{}",
            run.stderr
        );
    }
    // A case of no domain is only "not found".
    let run = reseller.run(&["case", "view", "999"]).code(3);
    assert!(!run.stderr.contains("--domain"), "{}", run.stderr);
}

#[test]
fn the_other_domain_is_asked_at_its_own_server_with_its_own_token() {
    // a.example and b.example logged in at two different servers: only b's server, asked
    // with b's token, knows the case.
    let (world_a, world_b) = (World::new(), World::new());
    let b_case = block_on(world_b.api_b().create_case("b-co", "B's case")).to_string();
    let env = TestEnv::new();
    env.login_insecure(&world_a.server.url, DOMAIN_A, &world_a.a);
    env.login_insecure(&world_b.server.url, DOMAIN_B, &world_b.b);
    let output = env
        .rsupport()
        .args(["--domain", DOMAIN_A, "case", "view", &b_case])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("it is a case of {DOMAIN_B}")),
        "{}",
        stderr(&output)
    );
    // With --endpoint every domain points at a's server: b's token is not sent there, and
    // nothing is claimed.
    let output = env
        .rsupport()
        .args(["--domain", DOMAIN_A, "--endpoint", &world_a.server.url])
        .args(["case", "view", &b_case])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(!stderr(&output).contains(DOMAIN_B), "{}", stderr(&output));
}

#[test]
fn a_customer_that_moved_to_another_reseller_says_so() {
    let reseller = Reseller::new();
    reseller.seed_case("standard-co", "Filed before the move");
    reseller.admin(&["customer", "move", "standard-co", "--to", DOMAIN_B]);
    let run = reseller.run(&create_args("standard-co")).code(3);
    assert!(
        run.stderr
            .contains("customer 'standard-co' moved to another reseller"),
        "{}",
        run.stderr
    );
    let run = reseller.run(&["customer", "view", "standard-co"]).code(3);
    assert!(
        run.stderr.contains("moved to another reseller"),
        "{}",
        run.stderr
    );
    // Another reseller's customer that this domain never managed is only "not found".
    let run = reseller.run(&create_args("b-co")).code(3);
    assert!(!run.stderr.contains("moved"), "{}", run.stderr);
}

fn hint_line(run: &Run, prefix: &str) -> String {
    run.stderr
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no hint '{prefix}':\n{}", run.stderr))
        .to_string()
}

#[test]
fn the_create_line_after_an_expired_reopen_window_files_the_new_case_as_is() {
    let reseller = Reseller::on(TestServer::start_dev());
    let id = reseller
        .seed_case("premium-co", "Bob's mail; bounces")
        .to_string();
    reseller.run(&["case", "close", &id]).ok();
    reseller.admin(&["clock", "advance", "31d"]);
    let run = reseller.run(&["case", "reopen", &id]).code(5);
    let line = hint_line(&run, "Hint: file a new case: ");
    let words = shell_words::split(&line).unwrap();
    assert_eq!(&words[..3], ["rsupport", "case", "create"], "{line}");
    for flag in [
        "--on-behalf-of",
        "--title",
        "--category",
        "--severity",
        "--description",
    ] {
        assert!(words.iter().any(|w| w == flag), "{flag} missing: {line}");
    }
    let words: Vec<&str> = words[1..].iter().map(String::as_str).collect();
    let new_id = reseller.run(&words).ok().stdout.trim().to_string();
    let case = reseller.case(new_id.parse().unwrap());
    assert_eq!(case["displayName"], "Bob's mail; bounces");
    assert!(
        case["description"]
            .as_str()
            .unwrap()
            .starts_with(&format!("Follow-up of case {id}: ")),
        "{case}"
    );
}

fn escalate(reseller: &Reseller, id: &str) -> Run {
    reseller.run(&[
        "case",
        "escalate",
        id,
        "--reason",
        "business-impact",
        "--justification",
        "Payroll mail bounces",
    ])
}

#[test]
fn escalating_a_closed_case_says_reopen_only_while_the_window_is_open() {
    let reseller = Reseller::on(TestServer::start_dev());
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    reseller.run(&["case", "close", &id]).ok();
    let run = escalate(&reseller, &id).code(5);
    assert!(
        run.stderr.contains(&format!("rsupport case reopen {id}")),
        "{}",
        run.stderr
    );
    reseller.admin(&["clock", "advance", "31d"]);
    let run = escalate(&reseller, &id).code(5);
    assert!(!run.stderr.contains("reopen it"), "{}", run.stderr);
    assert!(!run.stderr.contains("case reopen"), "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot be reopened either"),
        "{}",
        run.stderr
    );
    let line = hint_line(&run, "Hint: file a new case: ");
    assert!(
        line.starts_with("rsupport case create --on-behalf-of premium-co"),
        "{line}"
    );
}

#[test]
fn share_remove_of_someone_not_on_the_case_says_so_and_changes_nothing() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    let id_s = id.to_string();
    reseller
        .run(&["case", "share", &id_s, "--add", "it@premium-co.example"])
        .ok();
    let before = reseller.case(id);
    let run = reseller
        .run(&[
            "case",
            "share",
            &id_s,
            "--remove",
            "nobody@premium-co.example",
        ])
        .ok();
    assert!(
        run.stderr.contains(&format!(
            "Case {id} is not shared with nobody@premium-co.example: nothing to remove."
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("removed"), "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "it@premium-co.example");
    assert_eq!(reseller.case(id), before, "nothing changed");
}

#[test]
fn a_failed_login_does_not_suggest_logging_in_again() {
    let world = World::new();
    let env = TestEnv::new();
    let login = |domain: &str, token: &str, extra: &[&str]| {
        env.rsupport()
            .args(["auth", "login", "--with-token", "--domain", domain])
            .args(["--endpoint", &world.server.url])
            .args(extra)
            .write_stdin(format!("{token}\n"))
            .output()
            .unwrap()
    };
    let revoked = world.server.admin(&["token", "issue", "admin@a.example"]);
    world.server.admin(&["token", "revoke", "admin@a.example"]);
    let cases = [
        (
            "an empty token",
            login(DOMAIN_A, "", &["--insecure-storage"]),
            2,
        ),
        (
            "a revoked token",
            login(DOMAIN_A, revoked.trim(), &["--insecure-storage"]),
            4,
        ),
        (
            "another domain's token",
            login(DOMAIN_A, &world.b, &["--insecure-storage"]),
            4,
        ),
    ];
    for (what, output, code) in cases {
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(code), "{what}: {err}");
        assert!(err.contains("Hint:"), "{what}: {err}");
        assert!(!err.contains("auth login"), "{what}: {err}");
    }
    // No keyring reachable: the hints name what to add to this command.
    let output = env
        .rsupport()
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .args(["auth", "login", "--with-token", "--domain", DOMAIN_B])
        .args(["--endpoint", &world.server.url])
        .write_stdin(format!("{}\n", world.b))
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(4), "{err}");
    assert!(err.contains("add --insecure-storage"), "{err}");
    assert!(!err.contains("auth login"), "{err}");
}

#[test]
fn a_limit_out_of_range_says_the_range_in_words() {
    let reseller = Reseller::new();
    for limit in ["0", "-3", "many"] {
        let run = reseller.run(&["case", "list", "--limit", limit]).code(2);
        assert!(
            run.stderr
                .contains("expected a whole number of cases from 1 to 4294967295"),
            "{limit}: {}",
            run.stderr
        );
    }
}

#[test]
fn update_and_comment_both_take_the_message_as_body() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    let id_s = id.to_string();
    reseller
        .run(&["case", "comment", &id_s, "--body", "First"])
        .ok();
    reseller
        .run(&["case", "update", &id_s, "--body", "Second"])
        .ok();
    // the other spelling still works
    reseller
        .run(&["case", "update", &id_s, "--comment", "Third"])
        .ok();
    reseller
        .run_with_stdin(&["case", "update", &id_s, "--body-file", "-"], "Fourth")
        .ok();
    assert_eq!(reseller.case(id)["commentCount"], 4);
    let help = reseller.run(&["case", "update", "--help"]).ok().stdout;
    assert!(help.contains("--body <TEXT>"), "{help}");
    assert!(help.contains("[alias: --comment]"), "{help}");
}
