//! Bulk actions: `case close|update|comment|share|escalate` on several ids or `--stdin`, run by
//! the real binary against the real server. Each case gets one result line in input order, a
//! refused case never stops the others, the exit code is the most severe of the lot, and
//! nothing is sent before the ids are all valid and the run is confirmed (`--yes` in a script).

use serde_json::Value;

use crate::common::DOMAIN_B;
use crate::common::reseller::{Reseller, block_on};

/// Five open cases of premium-co, their ids as strings.
fn five_cases(reseller: &Reseller) -> Vec<String> {
    (1..=5)
        .map(|n| {
            reseller
                .seed_case("premium-co", &format!("Mail bounces {n}"))
                .to_string()
        })
        .collect()
}

fn args<'a>(head: &[&'a str], ids: &'a [String], tail: &[&'a str]) -> Vec<&'a str> {
    let mut args = head.to_vec();
    args.extend(ids.iter().map(String::as_str));
    args.extend_from_slice(tail);
    args
}

fn state(reseller: &Reseller, id: &str) -> String {
    reseller.case(id.parse().unwrap())["state"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn closing_five_cases_with_one_already_closed_closes_the_other_four_and_exits_5() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    reseller.run(&["case", "close", &ids[2]]).ok();

    let run = reseller
        .run(&args(&["case", "close"], &ids, &["--yes"]))
        .code(5);

    // one line per case, in the order given (stdout is piped: TSV)
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{run:#?}");
    for (n, (line, id)) in lines.iter().zip(&ids).enumerate() {
        let (first, result) = line.split_once('\t').expect("ID<TAB>RESULT");
        assert_eq!(first, id, "{run:#?}");
        if n == 2 {
            assert!(result.starts_with("refused: "), "{line}");
            assert!(
                result.contains("CASE_CLOSED") || result.contains("closed"),
                "{line}"
            );
        } else {
            assert_eq!(result, format!("closed: Mail bounces {}", n + 1));
        }
    }
    assert!(
        run.stderr.contains(&format!(
            "Closed 4 of 5 cases; 1 failed: {} (exit 5)",
            ids[2]
        )),
        "{run:#?}"
    );
    for id in &ids {
        assert_eq!(state(&reseller, id), "closed");
    }
}

#[test]
fn a_case_of_another_logged_in_domain_among_several_is_not_found_there_and_exits_3() {
    let reseller = Reseller::new();
    let mine = five_cases(&reseller);
    let theirs = block_on(reseller.world.api_b().create_case("b-co", "Their case")).to_string();
    let ids = vec![
        mine[0].clone(),
        theirs.clone(),
        mine[1].clone(),
        mine[2].clone(),
        mine[3].clone(),
    ];

    let run = reseller
        .run(&args(
            &["case", "update"],
            &ids,
            &["--severity", "P1", "--yes", "--json"],
        ))
        .code(3);

    let results = run.json();
    let results = results.as_array().expect("a JSON array");
    let order: Vec<String> = results.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(order, ids, "results in input order");
    for result in results {
        if result["id"].as_u64() == theirs.parse().ok() {
            assert_eq!(result["ok"], false);
            assert_eq!(result["exitCode"], 3);
            assert_eq!(result["error"]["reason"], "CASE_NOT_FOUND");
            assert!(
                result["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains(DOMAIN_B),
                "the other domain is named: {result}"
            );
            assert!(result.get("result").is_none(), "{result}");
        } else {
            assert_eq!(result["ok"], true, "{result}");
            assert_eq!(result["exitCode"], 0);
            assert_eq!(result["result"]["priority"], "P1");
            assert!(result.get("error").is_none(), "{result}");
        }
    }
    for id in &mine[..4] {
        assert_eq!(reseller.case(id.parse().unwrap())["priority"], "P1");
    }
    let theirs_now = block_on(reseller.world.api_b().get(&format!("/v1/cases/{theirs}")));
    assert_eq!(
        theirs_now.body["priority"], "P3",
        "another domain's case unchanged"
    );
}

#[test]
fn ids_on_stdin_one_per_line_with_blank_lines_are_all_closed() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    let input = format!("{}\n\n  {}\n{}\n\n", ids[0], ids[1], ids[2]);

    let run = reseller
        .run_with_stdin(&["case", "close", "--stdin", "--yes"], &input)
        .ok();

    assert_eq!(run.stdout.lines().count(), 3, "{run:#?}");
    for id in &ids[..3] {
        assert_eq!(state(&reseller, id), "closed");
    }
    for id in &ids[3..] {
        assert_eq!(state(&reseller, id), "new");
    }
}

#[test]
fn the_ids_case_list_prints_feed_a_bulk_comment_on_stdin() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    let listed = reseller
        .run(&["case", "list", "--json", "--jq", ".[].id"])
        .ok();

    let run = reseller
        .run_with_stdin(
            &[
                "case",
                "comment",
                "--stdin",
                "--yes",
                "--body",
                "The provider fixed the relay",
            ],
            &listed.stdout,
        )
        .ok();

    assert_eq!(run.stdout.lines().count(), 5, "{run:#?}");
    for id in &ids {
        let comments = block_on(reseller.api_a().get(&format!("/v1/cases/{id}/comments")));
        assert_eq!(
            comments.body["comments"][0]["body"], "The provider fixed the relay",
            "case {id}"
        );
    }
}

#[test]
fn a_bad_line_on_stdin_is_refused_naming_the_line_and_nothing_is_sent() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    let before = reseller.world.server.snapshot();
    let input = format!("{}\n\n{}\nacme\n", ids[0], ids[1]);

    let run = reseller
        .run_with_stdin(&["case", "close", "--stdin", "--yes"], &input)
        .code(2);

    assert!(run.stderr.contains("--stdin, line 4"), "{run:#?}");
    assert!(run.stderr.contains("'acme'"), "{run:#?}");
    assert_eq!(before, reseller.world.server.snapshot(), "nothing was sent");
}

#[test]
fn several_cases_in_a_script_without_yes_are_refused_with_exit_2_and_nothing_changes() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    let before = reseller.world.server.snapshot();

    let run = reseller.run(&args(&["case", "close"], &ids, &[])).code(2);

    assert!(run.stderr.contains("close 5 cases"), "{run:#?}");
    assert!(run.stderr.contains("--yes"), "{run:#?}");
    assert!(run.stderr.contains("--dry-run"), "{run:#?}");
    assert_eq!(run.stdout, "");
    assert_eq!(before, reseller.world.server.snapshot(), "nothing was sent");
}

#[test]
fn a_dry_run_on_several_cases_checks_each_changes_nothing_and_exits_with_the_worst_code() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    reseller.run(&["case", "close", &ids[4]]).ok();
    let before = reseller.world.server.snapshot();

    // no --yes needed: a dry run changes nothing
    let run = reseller
        .run(&args(&["case", "close"], &ids, &["--dry-run"]))
        .code(5);

    assert_eq!(run.stdout, "", "stdout stays empty in a dry run");
    for (n, id) in ids[..4].iter().enumerate() {
        assert!(
            run.stderr
                .contains(&format!("{id} would be closed: Mail bounces {}", n + 1)),
            "{run:#?}"
        );
    }
    assert!(
        run.stderr.contains(&format!("{} refused: ", ids[4])),
        "{run:#?}"
    );
    assert!(run.stderr.contains("nothing was changed"), "{run:#?}");
    assert_eq!(
        before,
        reseller.world.server.snapshot(),
        "a dry run changed the server"
    );
}

#[test]
fn a_dry_run_on_several_cases_with_json_prints_what_each_would_become() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    let before = reseller.world.server.snapshot();

    let run = reseller
        .run(&args(
            &["case", "share"],
            &ids[..2],
            &["--add", "it-team@premium-co.example", "--dry-run", "--json"],
        ))
        .ok();

    let results = run.json();
    assert_eq!(results.as_array().unwrap().len(), 2, "{results:#}");
    for (result, id) in results.as_array().unwrap().iter().zip(&ids) {
        assert_eq!(result["id"].to_string(), *id);
        assert_eq!(result["ok"], true);
        let subscribers = &result["result"]["subscriberEmailAddresses"];
        assert!(
            subscribers
                .as_array()
                .unwrap()
                .contains(&Value::from("it-team@premium-co.example")),
            "{result:#}"
        );
    }
    assert_eq!(
        before,
        reseller.world.server.snapshot(),
        "a dry run changed the server"
    );
}

#[test]
fn escalating_several_cases_refuses_the_standard_plan_one_and_escalates_the_rest() {
    let reseller = Reseller::new();
    let premium = reseller
        .seed_case("premium-co", "Payroll mail bounces")
        .to_string();
    let standard = reseller
        .seed_case("standard-co", "Calendar busy")
        .to_string();
    let premium_too = reseller
        .seed_case("premium-co", "Drive sync stuck")
        .to_string();
    let ids = vec![premium.clone(), standard.clone(), premium_too.clone()];

    let run = reseller
        .run(&args(
            &["case", "escalate"],
            &ids,
            &[
                "--reason",
                "business-impact",
                "--justification",
                "Salaries are due tomorrow",
                "--yes",
                "--json",
            ],
        ))
        .code(5);

    let results = run.json();
    assert_eq!(results[0]["ok"], true);
    assert_eq!(results[1]["ok"], false);
    assert_eq!(results[1]["exitCode"], 5);
    assert!(
        results[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not on the premium support plan"),
        "{results:#}"
    );
    assert_eq!(results[2]["ok"], true);
    assert_eq!(reseller.case(premium.parse().unwrap())["escalated"], true);
    assert_eq!(reseller.case(standard.parse().unwrap())["escalated"], false);
    assert_eq!(
        reseller.case(premium_too.parse().unwrap())["escalated"],
        true
    );
}

#[test]
fn one_id_behaves_as_before_printing_only_the_case_id() {
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    // no --yes needed for one case, and stdout is the id alone as it always was
    let run = reseller.run(&["case", "close", &ids[0]]).ok();
    assert_eq!(run.stdout.trim(), ids[0]);
    assert!(run.stderr.contains("Closed case"), "{run:#?}");
}

#[test]
fn on_a_terminal_several_cases_are_listed_and_asked_about_once() {
    use crate::case_interactive::{fake_editor, keys, spawn_in_pty};
    let reseller = Reseller::new();
    let ids = five_cases(&reseller);
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "unused");
    let mut pty = spawn_in_pty(&reseller, &["case", "close", &ids[0], &ids[1]], &editor);

    pty.exp_string("About to close 2 cases:").unwrap();
    pty.exp_string(&format!("{} Mail bounces 1 (premium-co", ids[0]))
        .unwrap();
    pty.exp_string(&format!("{} Mail bounces 2 (premium-co", ids[1]))
        .unwrap();
    pty.exp_string("close 2 cases?").unwrap();
    keys(&mut pty, "y");
    pty.exp_string("Closed 2 cases").unwrap();
    pty.exp_eof().unwrap();

    assert_eq!(state(&reseller, &ids[0]), "closed");
    assert_eq!(state(&reseller, &ids[1]), "closed");
    assert_eq!(state(&reseller, &ids[2]), "new");
}
