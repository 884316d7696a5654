//! `case history` (the timeline) and `case watch` (new events as they happen) end to end: the
//! real binary against a real server, support answering through the admin command on the same
//! database, and a server restarted while a watch runs.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

use crate::common::env::TestEnv;
use crate::common::reseller::{Reseller, block_on};

/// `rsupport ARGS` started in the background in `env` (the same environment as
/// `TestEnv::rsupport`), its output piped.
fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rsupport"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .env("RSUPPORT_CONFIG_DIR", env.config_dir())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rsupport")
}

/// Reads the child's stderr until the watch says it is watching; answers the rest of stderr
/// as it comes (a thread collects it).
fn wait_until_watching(child: &mut Child) -> std::thread::JoinHandle<String> {
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        let read = stderr.read_line(&mut line).unwrap();
        assert!(read > 0, "the watch ended before watching: {seen}");
        seen.push_str(&line);
        if line.starts_with("Watching") {
            break;
        }
    }
    std::thread::spawn(move || {
        let mut rest = seen;
        for line in stderr.lines() {
            rest.push_str(&line.unwrap_or_default());
            rest.push('\n');
        }
        rest
    })
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn history_shows_a_case_taken_through_every_kind_of_event_in_order() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    let case = format!("/v1/cases/{id}");
    let api = reseller.api_a();
    let agent = reseller.world.api_agent();
    block_on(async {
        for answer in [
            api.post(&format!("{case}/comments"), json!({"body": "More details"}))
                .await,
            api.upload(id, "log.txt", b"hello".to_vec(), None).await,
            agent
                .post(&format!("{case}/state"), json!({"state": "in-progress"}))
                .await,
            agent
                .post(
                    &format!("{case}/comments"),
                    json!({"body": "Looking into it"}),
                )
                .await,
            api.patch(
                &case,
                json!({"priority": "P1", "displayName": "All mail bounces"}),
            )
            .await,
            api.post(
                &format!("{case}/escalate"),
                json!({"reason": "business-impact", "justification": "Nobody can send mail"}),
            )
            .await,
            api.post(
                &format!("{case}/share"),
                json!({"add": ["ops@premium.example"]}),
            )
            .await,
            api.post(&format!("{case}/close"), json!({})).await,
            api.post(&format!("{case}/reopen"), json!({})).await,
        ] {
            assert!(answer.status < 300, "{:?}", answer.body);
        }
    });
    let id = id.to_string();

    let events = reseller
        .run(&["case", "history", &id, "--json"])
        .ok()
        .json();
    let kinds: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "created",
            "message",
            "attachment-added",
            "state-changed",
            "message",
            "title-changed",
            "severity-changed",
            "escalated",
            "sharing-changed",
            "state-changed",
            "state-changed",
        ]
    );
    for event in events.as_array().unwrap() {
        assert!(
            event["time"].is_string() && event["actor"].is_string(),
            "{event}"
        );
    }
    assert_eq!(events[3]["from"], "new");
    assert_eq!(events[3]["to"], "in-progress");
    assert_eq!(events[3]["actor"], "agent@support.example");

    let table = reseller.run(&["case", "history", &id]).ok().stdout;
    for what in [
        "filed 'Mail bounces' (P3)",
        "message from support: Looking into it",
        "attached log.txt",
        "state new -> in-progress by support",
        "severity P3 -> P1",
        "title 'Mail bounces' -> 'All mail bounces'",
        "escalated (business-impact)",
        "shared with ops@premium.example",
        "state in-progress -> closed (closed)",
        "state closed -> in-progress (reopened)",
    ] {
        assert!(table.contains(what), "no '{what}' in:\n{table}");
    }

    let messages = reseller
        .run(&["case", "history", &id, "--only", "messages", "--json"])
        .ok()
        .json();
    let bodies: Vec<&str> = messages
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["More details", "Looking into it"]);
}

#[test]
fn watch_until_reply_ends_when_support_answers_from_another_process_in_any_domain() {
    let reseller = Reseller::new();
    let a_case = reseller.seed_case("premium-co", "A's case").to_string();
    let b_case = block_on(reseller.world.api_b().create_case("b-co", "B's case")).to_string();
    let mut watch = spawn(
        &reseller.env,
        &[
            "case",
            "watch",
            &a_case,
            &b_case,
            "--all-domains",
            "--until",
            "reply",
            "--json",
        ],
    );
    let stderr = wait_until_watching(&mut watch);
    // a reseller message does not end it; support's answer (written to the database by the
    // admin command, not through the server) does
    reseller
        .run(&["case", "comment", &a_case, "--body", "Any news?"])
        .ok();
    reseller.admin(&["support", "reply", &b_case, "--body", "Fixed on our side"]);
    let output = watch.wait_with_output().unwrap();
    let stderr = stderr.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let events = json_lines(&output.stdout);
    let last = events.last().expect("the reply was printed");
    assert_eq!(last["kind"], "message");
    assert_eq!(last["authorRole"], "support");
    assert_eq!(last["body"], "Fixed on our side");
    assert_eq!(last["caseId"].to_string(), b_case);
    assert!(
        events.iter().any(|e| e["body"] == "Any news?"),
        "the reseller's message is shown too: {events:?}"
    );
    assert!(
        stderr.contains(&format!("Case {b_case} has a reply from support.")),
        "{stderr}"
    );
}

#[test]
fn watch_resumes_from_its_cursor_after_the_server_restarts() {
    let mut reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let mut watch = spawn(
        &reseller.env,
        &[
            "case",
            "watch",
            &id,
            "--until",
            "solution-provided",
            "--json",
        ],
    );
    let stderr = wait_until_watching(&mut watch);
    reseller.world.server.restart();
    reseller.admin(&[
        "support",
        "reply",
        &id,
        "--body",
        "Try again now",
        "--state",
        "solution-provided",
    ]);
    let output = watch.wait_with_output().unwrap();
    let stderr = stderr.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let events = json_lines(&output.stdout);
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    // each event once: nothing lost or repeated across the restart
    assert_eq!(kinds, ["message", "state-changed"], "{stderr}");
    assert_eq!(events[1]["to"], "solution-provided");
}

#[test]
fn watch_timeout_ends_with_its_own_exit_code() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let run = reseller
        .run(&["case", "watch", &id, "--until", "closed", "--timeout", "1s"])
        .code(7);
    assert!(
        run.stderr
            .contains("timed out after 1s before a case reached closed"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn watch_refuses_a_bad_until_or_timeout_naming_the_flag() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&["case", "watch", "1", "--timeout", "5x"])
        .code(2);
    assert!(
        run.stderr.contains("--timeout") && run.stderr.contains("30s"),
        "{}",
        run.stderr
    );
    let run = reseller
        .run(&["case", "watch", "1", "--until", "done"])
        .code(2);
    assert!(
        run.stderr.contains("--until") && run.stderr.contains("reply"),
        "{}",
        run.stderr
    );
}

#[test]
fn watch_of_a_case_already_in_the_state_ends_at_once() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces").to_string();
    let run = reseller.run(&["case", "watch", &id, "--until", "new"]).ok();
    assert!(run.stderr.contains("already"), "{}", run.stderr);
}
