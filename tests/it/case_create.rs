//! `rsupport case create` end to end: the real binary against the real server.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::common::reseller::{Reseller, Run, block_on};
use sha2::{Digest, Sha256};

const CREATE: &[&str] = &[
    "case",
    "create",
    "--on-behalf-of",
    "premium-co",
    "--title",
    "Mail to outlook.com bounces",
    "--category",
    "gmail-delivery",
    "--severity",
    "P2",
];

fn create_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = CREATE.to_vec();
    args.extend_from_slice(extra);
    args
}

#[test]
fn files_a_case_on_behalf_of_a_customer_with_an_attachment_and_sharing() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("headers.txt");
    std::fs::write(
        &log,
        "Received: from mx.premium-co.example\n550 5.7.1 rejected\n",
    )
    .unwrap();
    let run = reseller
        .run(&create_args(&[
            "--description",
            "Since 9:00 every mail to outlook.com bounces with 550 5.7.1.",
            "--attach",
            log.to_str().unwrap(),
            "--share",
            "it-team@premium-co.example",
        ]))
        .ok();
    let id: u64 = run
        .stdout
        .trim()
        .parse()
        .expect("the case id alone on stdout");

    let case = reseller.case(id);
    assert_eq!(case["customer"], "premium-co");
    assert_eq!(case["displayName"], "Mail to outlook.com bounces");
    assert_eq!(case["priority"], "P2");
    assert_eq!(case["classification"]["id"], "gmail-delivery");
    assert_eq!(
        case["subscriberEmailAddresses"],
        serde_json::json!(["it-team@premium-co.example"])
    );
    let attachments = block_on(reseller.api_a().get(&format!("/v1/cases/{id}/attachments")));
    let attachment = &attachments.body["attachments"][0];
    assert_eq!(attachment["filename"], "headers.txt");
    let sha = hex::encode(Sha256::digest(std::fs::read(&log).unwrap()));
    assert_eq!(attachment["sha256"], sha.as_str());
}

#[test]
fn json_prints_the_whole_new_case() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&create_args(&["--description", "Bounces.", "--json"]))
        .ok();
    let case = run.json();
    assert_eq!(case["customer"], "premium-co");
    assert_eq!(case["state"], "new");
    assert!(case["id"].as_u64().is_some());
}

#[test]
fn the_description_can_come_from_stdin() {
    let reseller = Reseller::new();
    let run = reseller
        .run_with_stdin(
            &create_args(&["--description-file", "-"]),
            "Line one from a pipe\nline two\n",
        )
        .ok();
    let id: u64 = run.stdout.trim().parse().unwrap();
    assert_eq!(
        reseller.case(id)["description"],
        "Line one from a pipe\nline two\n"
    );
}

#[test]
fn without_input_every_missing_flag_is_named_in_one_error_and_nothing_is_sent() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&["case", "create", "--no-input", "--title", "Only a title"])
        .code(2);
    for flag in [
        "--on-behalf-of",
        "--category",
        "--severity",
        "--description",
    ] {
        assert!(
            run.stderr.contains(flag),
            "{flag} not named:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("--title,"), "{}", run.stderr);
    assert!(reseller.cases_of_a().is_empty(), "a case was filed");
}

#[test]
fn a_category_term_matching_one_category_is_taken() {
    let reseller = Reseller::new();
    let mut args = CREATE.to_vec();
    args[7] = "drive sharing";
    args.extend(["--description", "Links do not open."]);
    let id: u64 = reseller.run(&args).ok().stdout.trim().parse().unwrap();
    assert_eq!(reseller.case(id)["classification"]["id"], "drive-sharing");
}

#[test]
fn a_category_term_matching_several_lists_the_candidates_and_exits_2() {
    let reseller = Reseller::new();
    let mut args = CREATE.to_vec();
    args[7] = "gmail";
    args.extend(["--description", "x"]);
    let run = reseller.run(&args).code(2);
    assert!(run.stderr.contains("gmail-delivery"), "{}", run.stderr);
    assert!(run.stderr.contains("gmail-spam"), "{}", run.stderr);
    assert!(reseller.cases_of_a().is_empty());
}

#[test]
fn personal_data_is_refused_without_a_terminal_and_nothing_is_sent() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&create_args(&[
            "--description",
            "The user mario.rossi@gmail.com paid with 4111 1111 1111 1111",
        ]))
        .code(2);
    assert!(run.stderr.contains("4111 •••• •••• 1111"), "{}", run.stderr);
    assert!(run.stderr.contains("m•••@gmail.com"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("mario.rossi"),
        "unmasked: {}",
        run.stderr
    );
    assert!(run.stderr.contains("--allow-pii"), "{}", run.stderr);
    assert!(reseller.cases_of_a().is_empty(), "a case was filed");
}

#[test]
fn personal_data_in_a_text_attachment_is_found_with_its_line() {
    let reseller = Reseller::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    std::fs::write(&file, "name,ssn\nJohn,123-45-6789\n").unwrap();
    let run = reseller
        .run(&create_args(&[
            "--description",
            "See the export.",
            "--attach",
            file.to_str().unwrap(),
        ]))
        .code(2);
    assert!(run.stderr.contains("export.csv"), "{}", run.stderr);
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert!(reseller.cases_of_a().is_empty());
}

#[test]
fn allow_pii_sends_it_anyway() {
    let reseller = Reseller::new();
    reseller
        .run(&create_args(&[
            "--description",
            "Call the admin at +39 06 1234 5678",
            "--allow-pii",
        ]))
        .ok();
    assert_eq!(reseller.cases_of_a().len(), 1);
}

#[test]
fn emails_of_the_reseller_and_the_customer_domains_are_not_personal_data() {
    let reseller = Reseller::new();
    reseller
        .run(&create_args(&[
            "--description",
            "Reported by ops@a.example for it@premium-co.example",
        ]))
        .ok();
    assert_eq!(reseller.cases_of_a().len(), 1);
}

#[test]
fn a_customer_without_access_is_refused_with_exit_4() {
    let reseller = Reseller::new();
    let mut args = CREATE.to_vec();
    args[3] = "locked-co";
    args.extend(["--description", "x"]);
    let run = reseller.run(&args).code(4);
    assert!(run.stderr.contains("locked-co"), "{}", run.stderr);
    assert!(run.stderr.contains("not granted"), "{}", run.stderr);
}

#[test]
fn an_unknown_customer_exits_3() {
    let reseller = Reseller::new();
    let mut args = CREATE.to_vec();
    args[3] = "nope-co";
    args.extend(["--description", "x"]);
    reseller.run(&args).code(3);
}

#[test]
fn a_missing_attachment_file_is_refused_before_anything_is_sent() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&create_args(&[
            "--description",
            "x",
            "--attach",
            "/nonexistent/log.txt",
        ]))
        .code(2);
    assert!(
        run.stderr.contains("/nonexistent/log.txt"),
        "{}",
        run.stderr
    );
    assert!(reseller.cases_of_a().is_empty());
}

#[test]
fn language_and_time_zone_come_from_the_config() {
    let reseller = Reseller::new();
    reseller.run(&["config", "set", "language", "it-IT"]).ok();
    reseller
        .run(&["config", "set", "time_zone", "Europe/Rome"])
        .ok();
    let id: u64 = reseller
        .run(&create_args(&["--description", "x"]))
        .ok()
        .stdout
        .trim()
        .parse()
        .unwrap();
    let case = reseller.case(id);
    assert_eq!(case["languageCode"], "it-IT");
    assert_eq!(case["timeZone"], "Europe/Rome");
}

#[test]
fn language_falls_back_to_the_system_locale() {
    let reseller = Reseller::new();
    let run = reseller
        .env
        .rsupport()
        .args(create_args(&["--description", "x"]))
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let id: u64 = String::from_utf8_lossy(&run.stdout).trim().parse().unwrap();
    assert_eq!(reseller.case(id)["languageCode"], "fr-FR");
}

#[test]
fn flags_win_over_config_for_language_and_time_zone() {
    let reseller = Reseller::new();
    reseller.run(&["config", "set", "language", "it-IT"]).ok();
    let id: u64 = reseller
        .run(&create_args(&[
            "--description",
            "x",
            "--language",
            "de-DE",
            "--time-zone",
            "Europe/Berlin",
        ]))
        .ok()
        .stdout
        .trim()
        .parse()
        .unwrap();
    let case = reseller.case(id);
    assert_eq!(case["languageCode"], "de-DE");
    assert_eq!(case["timeZone"], "Europe/Berlin");
}

// ---- a lost response --------------------------------------------------------------------

/// A TCP proxy in front of the server that forwards everything but drops the connection that
/// carried the first `POST /v1/cases` just before its response reaches the client: the server
/// filed the case, the client never heard.
struct DroppingProxy {
    addr: SocketAddr,
    creates_forwarded: Arc<AtomicUsize>,
    dropped: Arc<AtomicBool>,
}

impl DroppingProxy {
    fn start(upstream: SocketAddr) -> DroppingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let creates_forwarded = Arc::new(AtomicUsize::new(0));
        let dropped = Arc::new(AtomicBool::new(false));
        let (creates, drop_once) = (creates_forwarded.clone(), dropped.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { break };
                let (creates, drop_once) = (creates.clone(), drop_once.clone());
                std::thread::spawn(move || proxy_connection(client, upstream, creates, drop_once));
            }
        });
        DroppingProxy {
            addr,
            creates_forwarded,
            dropped,
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

fn proxy_connection(
    client: TcpStream,
    upstream: SocketAddr,
    creates: Arc<AtomicUsize>,
    drop_once: Arc<AtomicBool>,
) {
    let Ok(server) = TcpStream::connect(upstream) else {
        return;
    };
    let saw_create = Arc::new(AtomicBool::new(false));
    // client → server, noting when this connection carries a create
    {
        let (mut from, mut to) = (client.try_clone().unwrap(), server.try_clone().unwrap());
        let saw_create = saw_create.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            loop {
                let n = match from.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                const CREATE_LINE: &[u8] = b"POST /v1/cases HTTP/1.1";
                if buf[..n]
                    .windows(CREATE_LINE.len())
                    .any(|w| w == CREATE_LINE)
                {
                    creates.fetch_add(1, Ordering::SeqCst);
                    saw_create.store(true, Ordering::SeqCst);
                }
                if to.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
            let _ = to.shutdown(Shutdown::Write);
        });
    }
    // server → client; HTTP/1.1 without pipelining, so bytes that arrive after a create was
    // sent are its response
    let (mut from, mut to) = (server, client);
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if saw_create.load(Ordering::SeqCst) && !drop_once.swap(true, Ordering::SeqCst) {
            let _ = to.shutdown(Shutdown::Both);
            let _ = from.shutdown(Shutdown::Both);
            return;
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Both);
}

#[test]
fn a_create_whose_response_is_lost_is_retried_and_makes_one_case() {
    let reseller = Reseller::new();
    let upstream: SocketAddr = reseller
        .world
        .server
        .url
        .trim_start_matches("http://")
        .parse()
        .unwrap();
    let proxy = DroppingProxy::start(upstream);
    let endpoint = proxy.url();
    let mut args = vec!["--endpoint", endpoint.as_str()];
    args.extend(create_args(&["--description", "Bounces since 9:00."]));
    // the stored token is bound to the server itself: through the proxy, the caller gives it
    let run = Run::from(
        reseller
            .env
            .rsupport_with_token(&reseller.world.a)
            .args(&args)
            .output()
            .expect("run rsupport"),
    )
    .ok();
    assert!(
        proxy.dropped.load(Ordering::SeqCst),
        "no response was dropped"
    );
    assert!(
        proxy.creates_forwarded.load(Ordering::SeqCst) >= 2,
        "the create was not retried"
    );
    let id: u64 = run.stdout.trim().parse().expect("case id");
    let cases = reseller.cases_of_a();
    assert_eq!(cases.len(), 1, "{cases:#?}");
    assert_eq!(cases[0]["id"], id);
}
