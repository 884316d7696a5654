//! The interactive `case create` through a real pseudo-terminal: every prompt answered, the
//! summary confirmed, and the case found on the server.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use crate::common::reseller::Reseller;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};

const TIMEOUT_MS: u64 = 20_000;

/// `rsupport ARGS` in a pseudo-terminal, in the reseller's isolated environment, with
/// `$EDITOR` set to `editor`.
pub(crate) fn spawn_in_pty(
    reseller: &Reseller,
    args: &[&str],
    editor: &std::path::Path,
) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rsupport"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", reseller.env.home())
        .env("RSUPPORT_CONFIG_DIR", reseller.env.config_dir())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env("EDITOR", editor);
    spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true),
    )
    .expect("spawn rsupport in a pty")
}

/// A stand-in for `$EDITOR` that writes `text` into the file it is given.
pub(crate) fn fake_editor(dir: &std::path::Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("editor.sh");
    std::fs::write(
        &path,
        format!("#!/bin/sh\nprintf '%s\\n' '{text}' > \"$1\"\n"),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

const DOWN: &str = "\x1b[B";

/// Sends keys once the prompt reads them: dialoguer draws a prompt, then switches the
/// terminal to raw mode; keys typed before that would be read in line mode. So this waits for
/// the terminal's line mode (ICANON) to be off, read from the PTY itself.
pub(crate) fn keys(pty: &mut PtySession, keys: &str) {
    wait_for_raw_mode(pty);
    pty.send(keys).unwrap();
    pty.flush().unwrap();
}

fn wait_for_raw_mode(pty: &PtySession) {
    use nix::sys::termios::{LocalFlags, tcgetattr};
    let master = pty
        .process()
        .get_file_handle()
        .expect("the pty's master side");
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(TIMEOUT_MS);
    loop {
        let termios = tcgetattr(&master).expect("the terminal's settings");
        if !termios.local_flags.contains(LocalFlags::ICANON) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the prompt never switched the terminal to raw mode"
        );
        std::thread::yield_now();
    }
}

#[test]
fn interactive_create_asks_every_field_shows_a_summary_and_files_the_case() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "Room calendars show busy since the upgrade");
    let mut pty = spawn_in_pty(&reseller, &["case", "create"], &editor);

    // The customer list filters as you type; a customer without access cannot be picked.
    pty.exp_string("Customer (type to filter)").unwrap();
    pty.exp_string("(access not granted: cannot file cases)")
        .unwrap();
    keys(&mut pty, "locked");
    keys(&mut pty, "\r");
    pty.exp_string("has not granted your reseller domain access")
        .unwrap();
    pty.exp_string("Customer (type to filter)").unwrap();
    pty.exp_string("(access not granted: cannot file cases)")
        .unwrap();
    keys(&mut pty, "standard");
    keys(&mut pty, "\r");

    pty.exp_string("Title").unwrap();
    keys(&mut pty, "Calendar rooms show as busy\r");

    pty.exp_string("Category (search").unwrap();
    keys(&mut pty, "gmail delivery\r");
    pty.exp_string("Category: Gmail > Delivery").unwrap();

    // P3 is preselected; one step down is P4, shown with its meaning.
    pty.exp_string("Severity").unwrap();
    pty.exp_string("low impact: a question or a minor issue")
        .unwrap();
    keys(&mut pty, DOWN);
    keys(&mut pty, "\r");

    pty.exp_string("About to file this case:").unwrap();
    pty.exp_string("standard-co").unwrap();
    pty.exp_string("Calendar rooms show as busy").unwrap();
    pty.exp_string("P4").unwrap();
    pty.exp_string("Description:").unwrap();
    pty.exp_string("Room calendars show busy since the upgrade")
        .unwrap();
    pty.exp_string("File this case?").unwrap();
    keys(&mut pty, "y");
    pty.exp_string("Filed case").unwrap();
    pty.exp_eof().unwrap();

    let cases = reseller.cases_of_a();
    assert_eq!(cases.len(), 1, "{cases:#?}");
    let case = &cases[0];
    assert_eq!(case["customer"], "standard-co");
    assert_eq!(case["displayName"], "Calendar rooms show as busy");
    assert_eq!(case["classification"]["id"], "gmail-delivery");
    assert_eq!(case["priority"], "P4");
    assert_eq!(
        case["description"],
        "Room calendars show busy since the upgrade"
    );
}

#[test]
fn interactive_create_shows_personal_data_and_sends_nothing_when_declined() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(
        dir.path(),
        "Ask Mario at mario.rossi@gmail.com or +39 06 1234 5678",
    );
    let mut pty = spawn_in_pty(
        &reseller,
        &[
            "case",
            "create",
            "--on-behalf-of",
            "premium-co",
            "--title",
            "Mail bounces",
            "--category",
            "gmail-delivery",
            "--severity",
            "P2",
        ],
        &editor,
    );
    pty.exp_string("personal data").unwrap();
    // (rexpect reads bytes as Latin-1, so only the ASCII parts of the masks are matched)
    pty.exp_string("email address m").unwrap();
    pty.exp_string("@gmail.com").unwrap();
    pty.exp_string("phone number +39 0").unwrap();
    pty.exp_string("Send it anyway?").unwrap();
    keys(&mut pty, "n");
    pty.exp_string("nothing was sent").unwrap();
    pty.exp_eof().unwrap();
    assert!(reseller.cases_of_a().is_empty(), "a case was filed");
}

#[test]
fn comment_without_a_body_on_a_terminal_opens_the_editor() {
    let reseller = Reseller::new();
    let id = reseller.seed_case("premium-co", "Mail bounces");
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "Headers attached, bounce started at 9:05");
    let id_s = id.to_string();
    let mut pty = spawn_in_pty(&reseller, &["case", "comment", &id_s], &editor);
    pty.exp_string("Posted message").unwrap();
    pty.exp_eof().unwrap();
    let comments = crate::common::reseller::block_on(
        reseller.api_a().get(&format!("/v1/cases/{id}/comments")),
    );
    assert_eq!(
        comments.body["comments"][0]["body"],
        "Headers attached, bounce started at 9:05"
    );
}

#[test]
fn a_likely_duplicate_is_asked_about_on_a_terminal() {
    let reseller = Reseller::new();
    let first = reseller.seed_case("premium-co", "Mail bounces");
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "Since 9:00 every mail bounces");
    let args = [
        "case",
        "create",
        "--on-behalf-of",
        "premium-co",
        "--title",
        "Mail bounces",
        "--category",
        "gmail-delivery",
        "--severity",
        "P2",
    ];
    // No: nothing is filed.
    let mut pty = spawn_in_pty(&reseller, &args, &editor);
    pty.exp_string(&format!("you filed case {first}")).unwrap();
    pty.exp_string("File another case anyway?").unwrap();
    keys(&mut pty, "n");
    pty.exp_string("cancelled: nothing was sent").unwrap();
    pty.exp_eof().unwrap();
    assert_eq!(reseller.cases_of_a().len(), 1);
    // Yes: on to the summary, and filed.
    let mut pty = spawn_in_pty(&reseller, &args, &editor);
    pty.exp_string("File another case anyway?").unwrap();
    keys(&mut pty, "y");
    pty.exp_string("File this case?").unwrap();
    keys(&mut pty, "y");
    pty.exp_eof().unwrap();
    assert_eq!(reseller.cases_of_a().len(), 2);
}

#[test]
fn a_dry_run_on_a_terminal_shows_personal_data_asks_nothing_and_files_nothing() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "Ask Mario at mario.rossi@gmail.com");
    let before = reseller.world.server.snapshot();
    let mut pty = spawn_in_pty(
        &reseller,
        &[
            "case",
            "create",
            "--on-behalf-of",
            "premium-co",
            "--title",
            "Mail bounces",
            "--category",
            "gmail-delivery",
            "--severity",
            "P2",
            "--dry-run",
        ],
        &editor,
    );
    // the description is composed in the editor; neither the personal-data question nor
    // "File this case?" is asked: a prompt here would leave the run waiting for a key
    pty.exp_string("personal data").unwrap();
    pty.exp_string("the real run asks before sending it")
        .unwrap();
    let before_would = pty
        .exp_string("would file a P2 case for premium-co (premium-co Inc): Mail bounces")
        .unwrap();
    assert!(!before_would.contains("Send it anyway?"), "{before_would}");
    assert!(!before_would.contains("File this case?"), "{before_would}");
    pty.exp_eof().unwrap();
    match pty.process().wait().unwrap() {
        nix::sys::wait::WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("the dry run did not exit: {other:?}"),
    }
    assert_eq!(before, reseller.world.server.snapshot());
}
