//! What the real server cannot be made to do, played by a tiny scripted HTTP server: garbage
//! bodies, dropped connections, slow replies, 429 with Retry-After. Everything else is tested
//! against the real server.

use std::net::TcpListener;
use std::time::Duration;

use crate::common::env::{TestEnv, stderr, stdout};
use crate::common::mock::{MockServer, Reply, json};

const CATEGORIES: &str = r#"{"categories":[{"id":"gmail-delivery","displayName":"Gmail > Delivery","product":"google-workspace"}]}"#;

fn category_search(env: &TestEnv, url: &str) -> assert_cmd::Command {
    let mut cmd = env.rsupport_with_token("tok-secret-123");
    cmd.args(["category", "search", "--endpoint", url]);
    cmd
}

#[test]
fn html_error_page_is_an_unexpected_response_naming_url_and_status() {
    let server = MockServer::start(vec![Reply::Http(
        502,
        vec![("Content-Type", "text/html".into())],
        "<html><body>Bad Gateway</body></html>".into(),
    )]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "unexpected response from {}/v1/categories",
            server.url
        )) && err.contains("HTTP 502"),
        "{err}"
    );
}

#[test]
fn garbage_body_with_status_200_is_exit_1() {
    let server = MockServer::start(vec![json(200, "{\"categories\": [oops")]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("HTTP 200"), "{}", stderr(&output));
}

#[test]
fn dropped_connection_is_retried_and_then_exit_6() {
    let server = MockServer::start(vec![Reply::Drop]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    assert_eq!(server.requests().len(), 3, "a GET is tried three times");
    assert!(stderr(&output).contains(&server.url), "{}", stderr(&output));
}

#[test]
fn dropped_connection_then_answer_succeeds() {
    let server = MockServer::start(vec![Reply::Drop, json(200, CATEGORIES)]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("gmail-delivery"));
}

#[test]
fn slow_reply_times_out_with_exit_6() {
    let server = MockServer::start(vec![Reply::Slow(
        Duration::from_secs(5),
        Box::new(json(200, CATEGORIES)),
    )]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url)
        .env("RSUPPORT_HTTP_TIMEOUT", "0.3")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("did not answer in time"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn rate_limited_request_waits_for_retry_after_and_succeeds() {
    let limited = Reply::Http(
        429,
        vec![
            ("Content-Type", "application/json".into()),
            ("Retry-After", "1".into()),
        ],
        r#"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","reason":"RATE_LIMITED","message":"slow down"}}"#.into(),
    );
    let server = MockServer::start(vec![limited, json(200, CATEGORIES)]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url)
        .arg("-v")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(server.requests().len(), 2);
    assert!(stdout(&output).contains("gmail-delivery"));
    assert!(
        stderr(&output).contains("retrying GET"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("in 1000 ms"),
        "Retry-After honoured: {}",
        stderr(&output)
    );
}

#[test]
fn unavailable_after_every_retry_is_exit_6() {
    let server = MockServer::start(vec![json(
        503,
        r#"{"error":{"code":503,"status":"UNAVAILABLE","reason":"UNAVAILABLE","message":"shutting down"}}"#,
    )]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(6));
    assert_eq!(server.requests().len(), 3);
    assert!(
        stderr(&output).contains("shutting down"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_refused_post_is_not_retried() {
    let server = MockServer::start(vec![json(
        503,
        r#"{"error":{"code":503,"status":"UNAVAILABLE","reason":"UNAVAILABLE","message":"busy"}}"#,
    )]);
    let env = TestEnv::new();
    // `auth login` only GETs; a comment POST is what must not repeat. Use the library client.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut options = rsupport::client::ClientOptions::new(server.url.clone());
    options.token = rsupport::client::Token::new("t").ok();
    let client = rsupport::client::Client::new(options).unwrap();
    let result = runtime.block_on(client.create_comment(
        7,
        &rsupport_api::types::CreateCommentRequest { body: "hi".into() },
    ));
    assert!(result.is_err());
    assert_eq!(server.requests().len(), 1);
    drop(env);
}

#[test]
fn requests_carry_the_user_agent_and_the_bearer_token() {
    let server = MockServer::start(vec![json(200, CATEGORIES)]);
    let env = TestEnv::new();
    category_search(&env, &server.url).assert().success();
    let head = server.requests()[0].to_ascii_lowercase();
    assert!(
        head.contains(&format!(
            "user-agent: rsupport/{}",
            env!("CARGO_PKG_VERSION")
        )),
        "{head}"
    );
    assert!(
        head.contains("authorization: bearer tok-secret-123"),
        "{head}"
    );
}

#[test]
fn verbose_logs_method_url_status_and_never_the_token() {
    let server = MockServer::start(vec![json(200, CATEGORIES)]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url)
        .arg("-v")
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(
        err.contains(&format!("GET {}/v1/categories -> 200", server.url)),
        "{err}"
    );
    assert!(err.contains(" ms"), "{err}");
    assert!(!err.contains("tok-secret-123") && !stdout(&output).contains("tok-secret-123"));
}

#[test]
fn connection_refused_is_exit_6_with_the_endpoint_and_a_hint() {
    // bind then drop: the port is (almost certainly) closed
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let env = TestEnv::new();
    let output = category_search(&env, &url).output().unwrap();
    assert_eq!(output.status.code(), Some(6));
    let err = stderr(&output);
    assert!(
        err.contains(&format!("cannot reach the server at {url}")),
        "{err}"
    );
    assert!(err.contains("Hint:"), "{err}");
}

#[test]
fn an_https_endpoint_that_answers_in_plain_http_fails_the_handshake_and_sends_nothing() {
    // The https path builds its TLS client on the OS root store; a peer that is not TLS is a
    // failed handshake (exit 6), and no request, so no token, reaches it.
    let mock = MockServer::start(vec![json(200, CATEGORIES)]);
    let url = mock.url.replace("http://", "https://");
    let env = TestEnv::new();
    let output = category_search(&env, &url).output().unwrap();
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains(&format!("cannot reach the server at {url}")),
        "{err}"
    );
    assert!(
        mock.requests().iter().all(|r| !r.contains("tok-")),
        "{:?}",
        mock.requests()
    );
}

#[test]
fn server_text_with_control_sequences_is_stripped_in_tsv_output() {
    let evil = r#"{"categories":[{"id":"x","displayName":"Gmail \u001b[2J\u001b]0;pwned\u0007> Delivery","product":"google-workspace"}]}"#;
    let server = MockServer::start(vec![json(200, evil)]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    let out = stdout(&output);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("Gmail > Delivery"), "{out:?}");
}

#[test]
fn server_error_message_with_control_sequences_is_stripped_on_stderr() {
    let server = MockServer::start(vec![json(
        404,
        r#"{"error":{"code":404,"status":"NOT_FOUND","reason":"NOT_FOUND","message":"no \u001b[31mroute\u001b[0m"}}"#,
    )]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(3));
    let err = stderr(&output);
    assert!(
        !err.contains('\u{1b}') && err.contains("no route"),
        "{err:?}"
    );
}

#[test]
fn invalid_argument_from_the_server_is_exit_2_with_its_message() {
    let server = MockServer::start(vec![json(
        400,
        r#"{"error":{"code":400,"status":"INVALID_ARGUMENT","reason":"INVALID_ARGUMENT","message":"query is too long","details":{"field":"query"}}}"#,
    )]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("query is too long (INVALID_ARGUMENT)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(server.requests().len(), 1, "a 400 is not retried");
}

#[test]
fn internal_error_from_the_server_is_exit_1() {
    let server = MockServer::start(vec![json(
        500,
        r#"{"error":{"code":500,"status":"INTERNAL","reason":"INTERNAL","message":"database is locked"}}"#,
    )]);
    let env = TestEnv::new();
    let output = category_search(&env, &server.url).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("database is locked"),
        "{}",
        stderr(&output)
    );
}
