//! The completion scripts committed in `completions/` are what the binary generates.
//!
//! Regenerate them after changing the command line with:
//!
//! ```sh
//! RSUPPORT_UPDATE_COMPLETIONS=1 cargo test --test it cli_completions
//! ```

use crate::common::env::TestEnv;

const SHELLS: &[(&str, &str)] = &[
    ("bash", "rsupport.bash"),
    ("zsh", "_rsupport"),
    ("fish", "rsupport.fish"),
    ("powershell", "_rsupport.ps1"),
    ("elvish", "rsupport.elv"),
];

fn check(shell: &str, file: &str) {
    let env = TestEnv::new();
    let output = env.rsupport().args(["completion", shell]).output().unwrap();
    assert!(output.status.success(), "completion {shell} failed");
    let generated = String::from_utf8(output.stdout).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(file);
    if std::env::var("RSUPPORT_UPDATE_COMPLETIONS").as_deref() == Ok("1") {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "completions/{file} differs from `rsupport completion {shell}`; regenerate with:\n  RSUPPORT_UPDATE_COMPLETIONS=1 cargo test --test it cli_completions"
    );
}

#[test]
fn bash_completions_are_up_to_date() {
    check(SHELLS[0].0, SHELLS[0].1);
}

#[test]
fn zsh_completions_are_up_to_date() {
    check(SHELLS[1].0, SHELLS[1].1);
}

#[test]
fn fish_completions_are_up_to_date() {
    check(SHELLS[2].0, SHELLS[2].1);
}

#[test]
fn powershell_completions_are_up_to_date() {
    check(SHELLS[3].0, SHELLS[3].1);
}

#[test]
fn elvish_completions_are_up_to_date() {
    check(SHELLS[4].0, SHELLS[4].1);
}

#[test]
fn completion_needs_no_token_and_writes_no_config() {
    let env = TestEnv::new();
    env.rsupport()
        .args(["completion", "bash"])
        .assert()
        .success();
    assert!(env.files().is_empty(), "{:?}", env.files());
}
