//! A token with a character no bearer token has (a control character, a space, non-ASCII) is
//! a usage error naming where it came from (exit 2), never a network error, and nothing is
//! sent; the token itself is never printed.

use crate::common::env::{TestEnv, stderr};
use crate::common::mock::{MockServer, json};

fn mock() -> MockServer {
    MockServer::start(vec![json(200, r#"{"categories":[]}"#)])
}

fn assert_malformed(output: &std::process::Output, naming: &str, secret_parts: &[&str]) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let err = stderr(output);
    assert!(err.contains(naming) && err.contains("malformed"), "{err}");
    assert!(!err.contains("cannot reach"), "{err}");
    for part in secret_parts {
        assert!(
            !err.contains(part) && !String::from_utf8_lossy(&output.stdout).contains(part),
            "the token is printed: {err}"
        );
    }
}

#[test]
fn rsupport_token_with_a_newline_inside_is_malformed_exit_2_and_nothing_is_sent() {
    let server = mock();
    let env = TestEnv::new();
    let output = env
        .rsupport_with_token("tok-first\ntok-second")
        .args(["category", "search", "--endpoint", &server.url])
        .output()
        .unwrap();
    assert_malformed(&output, "RSUPPORT_TOKEN", &["tok-first", "tok-second"]);
    assert_eq!(server.requests(), Vec::<String>::new(), "nothing was sent");
}

#[test]
fn rsupport_token_with_an_escape_is_malformed_exit_2_and_nothing_is_sent() {
    let server = mock();
    let env = TestEnv::new();
    let output = env
        .rsupport_with_token("tok-first\u{1b}[2Jtok-second")
        .args(["category", "search", "--endpoint", &server.url])
        .output()
        .unwrap();
    assert_malformed(&output, "RSUPPORT_TOKEN", &["tok-first", "tok-second"]);
    assert_eq!(server.requests(), Vec::<String>::new(), "nothing was sent");
}

#[test]
fn rsupport_token_surrounded_by_whitespace_is_trimmed_and_sent() {
    let server = mock();
    let env = TestEnv::new();
    env.rsupport_with_token("  tok-clean\n")
        .args(["category", "search", "--endpoint", &server.url])
        .assert()
        .success();
    let requests = server.requests();
    assert!(
        requests[0]
            .to_ascii_lowercase()
            .contains("authorization: bearer tok-clean\r\n"),
        "{requests:?}"
    );
}

#[test]
fn a_malformed_stored_token_names_its_store_exit_2_and_nothing_is_sent() {
    let server = mock();
    let env = TestEnv::new();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(
        env.config_dir().join("config.toml"),
        format!(
            "[domains.\"a.example\"]\nendpoint = \"{}\"\nstorage = \"file\"\n",
            server.url
        ),
    )
    .unwrap();
    std::fs::create_dir_all(env.token_file("a.example").parent().unwrap()).unwrap();
    std::fs::write(env.token_file("a.example"), "tok-first\u{7}tok-second\n").unwrap();
    let output = env
        .rsupport()
        .args(["category", "search"])
        .output()
        .unwrap();
    assert_malformed(&output, "token file", &["tok-first", "tok-second"]);
    assert!(
        stderr(&output).contains("rsupport auth login --domain a.example"),
        "{}",
        stderr(&output)
    );
    assert_eq!(server.requests(), Vec::<String>::new(), "nothing was sent");
}

#[test]
fn login_with_a_malformed_token_on_stdin_is_exit_2_and_stores_nothing() {
    let server = mock();
    let env = TestEnv::new();
    let output = env
        .rsupport()
        .args(["auth", "login", "--with-token", "--insecure-storage"])
        .args(["--domain", "a.example", "--endpoint", &server.url])
        .write_stdin("tok-first\ntok-second\n")
        .output()
        .unwrap();
    assert_malformed(&output, "stdin", &["tok-first", "tok-second"]);
    assert_eq!(server.requests(), Vec::<String>::new(), "nothing was sent");
    assert!(env.files().is_empty(), "{:?}", env.files());
}
