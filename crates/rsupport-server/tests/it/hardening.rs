//! What a hostile or careless client cannot do: send text that moves a terminal, ask for
//! unbounded pages, get a non-JSON error from the framework, hold the server with slow
//! connections, run it out of memory with big uploads, read its files, or leak a token
//! through `ps`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use rsupport_server::ServerConfig;
use serde_json::json;

use crate::common::process::{ServerProcess, admin_output, admin_with_stdin};
use crate::common::{Answer, TestServer, World, new_case, stderr};

/// A refused request: 400 INVALID_ARGUMENT naming `field`.
fn assert_invalid(answer: &Answer, field: &str) {
    assert_eq!(answer.status, 400, "{:?}", answer.body);
    assert_eq!(answer.reason(), "INVALID_ARGUMENT", "{:?}", answer.body);
    assert_eq!(
        answer.body["error"]["details"]["field"], field,
        "{:?}",
        answer.body
    );
}

// ---- text ----------------------------------------------------------------------------------

#[tokio::test]
async fn control_and_bidi_characters_are_refused_in_every_text_field_naming_it() {
    let world = World::new();
    let api = world.api_a();
    for (field, value) in [
        ("displayName", "Mail \u{1b}[2J bounces"),
        ("displayName", "Mail \u{202e}secnuob"),
        ("description", "details \u{9b}31m here"),
        ("description", "nul \u{0} byte"),
    ] {
        let mut body = new_case("premium-co", "x");
        body[field] = json!(value);
        let answer = api.post("/v1/cases", body).await;
        assert_invalid(&answer, field);
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains("U+"), "the character is named: {message}");
    }
    let listed = api.get("/v1/cases?state=all").await;
    assert_eq!(listed.body["cases"], json!([]), "nothing was filed");

    let id = api.create_case("premium-co", "Mail bounces").await;
    let comment = api
        .post(
            &format!("/v1/cases/{id}/comments"),
            json!({"body": "see \u{2066}here\u{2069}"}),
        )
        .await;
    assert_invalid(&comment, "body");
    let escalate = api
        .post(
            &format!("/v1/cases/{id}/escalate"),
            json!({"reason": "business-impact", "justification": "urgent\u{7}"}),
        )
        .await;
    assert_invalid(&escalate, "justification");
    let close = api
        .post(
            &format!("/v1/cases/{id}/close"),
            json!({"comment": "done\u{85}"}),
        )
        .await;
    assert_invalid(&close, "comment");
    let case = api.get(&format!("/v1/cases/{id}")).await.body;
    assert_eq!(case["commentCount"], 0);
    assert_eq!(case["escalated"], false);
    assert_eq!(case["state"], "new");
}

#[tokio::test]
async fn newlines_and_tabs_are_text_and_a_title_is_kept_on_one_line() {
    let world = World::new();
    let mut body = new_case("premium-co", "x");
    body["displayName"] = json!("  Mail\nbounces\t\tsince 9:00 ");
    body["description"] = json!("line one\n\tline two");
    let answer = world.api_a().post("/v1/cases", body).await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    assert_eq!(answer.body["displayName"], "Mail bounces since 9:00");
    assert_eq!(answer.body["description"], "line one\n\tline two");
}

// ---- the document's bounds -------------------------------------------------------------------

#[tokio::test]
async fn a_page_size_over_the_maximum_is_refused_naming_the_range() {
    let world = World::new();
    let api = world.api_a();
    for path in ["/v1/cases", "/v1/customers"] {
        let answer = api.get(&format!("{path}?pageSize=501")).await;
        assert_invalid(&answer, "pageSize");
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains("1 to 500"), "{message}");
        assert_eq!(api.get(&format!("{path}?pageSize=500")).await.status, 200);
    }
    let huge = api.get("/v1/cases?pageSize=4294967295").await;
    assert_invalid(&huge, "pageSize");
}

#[tokio::test]
async fn filters_take_their_exact_wire_values() {
    let world = World::new();
    let api = world.api_a();
    assert_invalid(&api.get("/v1/cases?state=OPEN").await, "state");
    assert_invalid(&api.get("/v1/cases?state=").await, "state");
    assert_invalid(&api.get("/v1/cases?priority=p1").await, "priority");
    assert_invalid(&api.get("/v1/cases?priority=P1,%20P2").await, "priority");
    assert_eq!(
        api.get("/v1/cases?state=in-progress&priority=P1,P2")
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn bodies_are_json_objects_where_the_document_says_so() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    // an array is not an (optional) object
    let array = api.post(&format!("/v1/cases/{id}/close"), json!([])).await;
    assert_invalid(&array, "body");
    // share needs its body
    let share = api
        .send("POST", &format!("/v1/cases/{id}/share"), None)
        .await;
    assert_invalid(&share, "body");
    // null is "no body" where the body is optional
    let close = api
        .post(&format!("/v1/cases/{id}/close"), json!(null))
        .await;
    assert_eq!(close.status, 200, "{:?}", close.body);
    assert_eq!(close.body["state"], "closed");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_an_unsupported_media_type() {
    let world = World::new();
    let client = crate::common::http_client(reqwest::Client::builder());
    let answer = client
        .post(format!("{}/v1/cases", world.server.url))
        .bearer_auth(&world.a)
        .header("content-type", "text/plain")
        .body(new_case("premium-co", "x").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 415);
    let body: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(body["error"]["reason"], "UNSUPPORTED_MEDIA_TYPE");
    let listed = world.api_a().get("/v1/cases?state=all").await;
    assert_eq!(listed.body["cases"], json!([]));
}

#[tokio::test]
async fn framework_errors_use_the_api_error_shape() {
    let world = World::new();
    let api = world.api_a();
    let method = api.send("TRACE", "/v1/cases", None).await;
    assert_eq!(method.status, 405);
    assert_eq!(method.reason(), "METHOD_NOT_ALLOWED");
    assert!(method.headers["allow"].to_str().unwrap().contains("POST"));
    let long = api
        .get(&format!("/v1/cases?query={}", "x".repeat(9000)))
        .await;
    assert_eq!(long.status, 414);
    assert_eq!(long.reason(), "URI_TOO_LONG");
    // beyond what the HTTP parser itself reads, still the error shape
    let longer = raw_exchange(
        &world.server.url,
        &format!(
            "GET /v1/cases?query={} HTTP/1.1\r\nHost: x\r\n\r\n",
            "x".repeat(100_000)
        ),
    );
    assert!(
        longer.starts_with("HTTP/1.1 414"),
        "{}",
        &longer[..longer.len().min(200)]
    );
    assert!(
        longer.contains("\"reason\":\"URI_TOO_LONG\""),
        "{}",
        &longer[..longer.len().min(300)]
    );
    let headers = raw_exchange(
        &world.server.url,
        &format!(
            "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
            // Hyper refuses a head only while it is still incomplete past its buffer limit
            // (about 408 KiB): one of twice that cannot arrive whole in time, however the
            // bytes are split.
            "y".repeat(1_000_000)
        ),
    );
    assert!(
        headers.contains("\r\n\r\n{\"error\""),
        "{}",
        &headers[..headers.len().min(300)]
    );
    let garbage = raw_exchange(&world.server.url, "NOT HTTP AT ALL\r\n\r\n");
    assert!(garbage.starts_with("HTTP/1.1 400"), "{garbage}");
    assert!(
        garbage.contains("\"reason\":\"INVALID_ARGUMENT\""),
        "{garbage}"
    );
    let route = api.get("/v9/nothing").await;
    assert_eq!(route.status, 404);
    assert_eq!(route.reason(), "NOT_FOUND");
}

/// Sends `request` as raw bytes and answers all the server wrote back before it closed.
fn raw_exchange(url: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(url.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    // the server may answer (and close) before reading all of a huge request
    let _ = stream.write_all(request.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

// ---- uploads ---------------------------------------------------------------------------------

/// Files the server left beside its database (spooled uploads are named `.upload-…`).
fn leftover_uploads(server: &TestServer) -> Vec<String> {
    std::fs::read_dir(server.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".upload-"))
        .collect()
}

#[tokio::test]
async fn an_empty_upload_is_refused_and_leaves_nothing() {
    let world = World::new();
    let api = world.api_a();
    let id = api.create_case("premium-co", "x").await;
    let answer = api.upload(id, "empty.txt", Vec::new(), None).await;
    assert_invalid(&answer, "body");
    let list = api.get(&format!("/v1/cases/{id}/attachments")).await;
    assert_eq!(list.body["attachments"], json!([]));
    assert_eq!(leftover_uploads(&world.server), Vec::<String>::new());
}

#[tokio::test]
async fn a_cut_upload_leaves_no_attachment_and_no_file() {
    let world = World::new();
    let id = world.api_a().create_case("premium-co", "x").await;
    let address = world.server.url.trim_start_matches("http://").to_string();
    let token = world.a.clone();
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        let head = format!(
            "POST /v1/cases/{id}/attachments?filename=big.bin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&[7u8; 300_000]).unwrap();
        // the client goes away with two thirds of the file unsent
    })
    .await
    .unwrap();
    // The server notices the cut connection, then removes what it spooled.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !leftover_uploads(&world.server).is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(leftover_uploads(&world.server), Vec::<String>::new());
    let list = world
        .api_a()
        .get(&format!("/v1/cases/{id}/attachments"))
        .await;
    assert_eq!(list.body["attachments"], json!([]));
}

#[tokio::test]
async fn a_stalled_upload_is_answered_408_in_the_error_shape_and_leaves_nothing() {
    let world = World::on(TestServer::start_with(ServerConfig {
        idle_timeout: Duration::from_secs(1),
        ..ServerConfig::default()
    }));
    let id = world.api_a().create_case("premium-co", "x").await;
    let address = world.server.url.trim_start_matches("http://").to_string();
    let token = world.a.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        let head = format!(
            "POST /v1/cases/{id}/attachments?filename=slow.bin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&[7u8; 100]).unwrap();
        // then nothing more, the connection held open: the server gives up after its idle timeout
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.contains("\"reason\":\"REQUEST_TIMEOUT\""),
        "{answer}"
    );
    assert!(
        answer.contains("\"status\":\"DEADLINE_EXCEEDED\""),
        "{answer}"
    );
    assert_eq!(leftover_uploads(&world.server), Vec::<String>::new());
    let list = world
        .api_a()
        .get(&format!("/v1/cases/{id}/attachments"))
        .await;
    assert_eq!(list.body["attachments"], json!([]));
}

/// The peak resident memory of a process so far (Linux `VmHWM`), in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_large_uploads_keep_the_server_memory_flat() {
    const UPLOADS: usize = 12;
    const SIZE: usize = 8 * 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rsupport.sqlite");
    let people = {
        let store = rsupport_server::store::Store::open(&db).unwrap();
        crate::common::seed_world(&store)
    };
    let server = ServerProcess::serve_with(&db, &["--max-attachment-bytes", "10000000"]);
    let api = server.api(&people.a);
    let id = api.create_case("premium-co", "Big files").await;
    let before = peak_rss_kib(server.pid());
    let uploads: Vec<_> = (0..UPLOADS)
        .map(|i| {
            let api = api.clone();
            tokio::spawn(async move {
                let content = vec![i as u8; SIZE];
                api.upload(id, &format!("big-{i}.bin"), content, None).await
            })
        })
        .collect();
    for upload in uploads {
        let answer = upload.await.unwrap();
        assert_eq!(answer.status, 201, "{:?}", answer.body);
    }
    let grown_mib = (peak_rss_kib(server.pid()) - before) / 1024;
    eprintln!(
        "peak RSS grew by {grown_mib} MiB from {} MiB",
        before / 1024
    );
    let sent_mib = (UPLOADS * SIZE / 1024 / 1024) as u64;
    // Holding the uploads in memory would grow by about everything sent; streaming them to disk
    // keeps the growth to buffers and SQLite's page cache.
    assert!(
        grown_mib < sent_mib / 2,
        "the server grew by {grown_mib} MiB while receiving {sent_mib} MiB"
    );
    let list = api.get(&format!("/v1/cases/{id}/attachments")).await;
    assert_eq!(list.body["attachments"].as_array().unwrap().len(), UPLOADS);
    let first = &list.body["attachments"][0];
    let content = api
        .get(&format!(
            "/v1/cases/{id}/attachments/{}/content",
            first["id"]
        ))
        .await;
    assert_eq!(content.bytes.len(), SIZE);
}

// ---- slow clients ----------------------------------------------------------------------------

/// Opens a connection that sends half a request head and then nothing.
fn slow_connection(address: &str) -> TcpStream {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .write_all(b"GET /v1/health HTTP/1.1\r\nHost: slow\r\nX-Slow: ")
        .unwrap();
    stream
}

/// Whether the server closed `stream`, waiting for it at most until `deadline`.
fn closed_by_server(stream: &mut TcpStream, deadline: Instant) -> bool {
    let mut buf = [0u8; 64];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return false,
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => return false,
            Err(_) => return true,
        }
    }
}

fn quick_config() -> ServerConfig {
    ServerConfig {
        header_timeout: Duration::from_secs(1),
        ..ServerConfig::default()
    }
}

#[tokio::test]
async fn thousands_of_slow_connections_neither_block_a_request_nor_stay_open() {
    const SLOW: usize = 1500;
    rsupport_server::raise_open_file_limit(4 * SLOW as u64 + 512);
    let server = TestServer::start_with(quick_config());
    let address = server.url.trim_start_matches("http://").to_string();
    let slow_address = address.clone();
    let mut slow = tokio::task::spawn_blocking(move || {
        (0..SLOW)
            .map(|_| slow_connection(&slow_address))
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    // a normal client is served while they hold their connections
    let health = server.api("").get("/v1/health").await;
    assert_eq!(health.status, 200);
    // and every slow one is closed by the server after the header timeout
    let open = tokio::task::spawn_blocking(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        slow.iter_mut()
            .map(|stream| closed_by_server(stream, deadline))
            .filter(|closed| !closed)
            .count()
    })
    .await
    .unwrap();
    assert_eq!(open, 0, "slow connections the server left open");
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_slot_and_are_then_served() {
    const CAP: usize = 5;
    let server = TestServer::start_with(ServerConfig {
        max_connections: CAP,
        ..quick_config()
    });
    let address = server.url.trim_start_matches("http://").to_string();
    let outcome = tokio::task::spawn_blocking(move || {
        let mut slow: Vec<TcpStream> = (0..CAP).map(|_| slow_connection(&address)).collect();
        // one more client, with a whole request: it has no slot until a slow one is closed
        let mut late = TcpStream::connect(&address).unwrap();
        late.write_all(b"GET /v1/health HTTP/1.1\r\nHost: late\r\nConnection: close\r\n\r\n")
            .unwrap();
        late.set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut answer = String::new();
        late.read_to_string(&mut answer).unwrap();
        let answered = Instant::now();
        // the slow ones were closed by then (with their time-out) or right after
        let closed: Vec<Instant> = slow
            .iter_mut()
            .filter_map(|s| {
                closed_by_server(s, Instant::now() + Duration::from_secs(10)).then(Instant::now)
            })
            .collect();
        (answer, answered, closed)
    })
    .await
    .unwrap();
    let (answer, answered, closed) = outcome;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(closed.len(), CAP, "every slow connection is closed");
    assert!(
        closed
            .iter()
            .any(|at| *at <= answered + Duration::from_millis(1)),
        "the late client was served only once a slot was free"
    );
}

// ---- files -------------------------------------------------------------------------------------

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn a_new_database_and_its_folder_are_private_whatever_the_umask() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let db = folder.join("cases.sqlite");
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000; exec '{}' serve --db '{}' --listen 127.0.0.1:0",
            crate::common::process::SERVER_BIN,
            db.display()
        ))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("listening"), "{first}");
    let modes: Vec<(String, u32)> = [
        folder.clone(),
        db.clone(),
        folder.join("cases.sqlite-wal"),
        folder.join("cases.sqlite-shm"),
    ]
    .iter()
    .map(|p| (p.display().to_string(), mode(p)))
    .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(modes[0].1, 0o700, "{modes:?}");
    for (path, mode) in &modes[1..] {
        assert_eq!(*mode, 0o600, "{path} is {mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn a_database_other_users_can_read_is_not_served() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    drop(rsupport_server::store::Store::open(&db).unwrap());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = std::process::Command::new(crate::common::process::SERVER_BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("mode 644") && err.contains("chmod 600"),
        "{err}"
    );
}

// ---- tokens on the command line ----------------------------------------------------------

#[tokio::test]
async fn admin_refuses_a_token_on_its_command_line_and_revokes_none() {
    let world = World::new();
    let out = admin_output(
        &world.server.db,
        &["token", "revoke", "admin@a.example", "--token", &world.a],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("--with-token") && err.contains("--token-file"),
        "{err}"
    );
    assert!(!err.contains(&world.a), "the token is not echoed");
    assert_eq!(world.api_a().get("/v1/whoami").await.status, 200);
}

#[tokio::test]
async fn admin_revokes_the_token_in_a_file() {
    let world = World::new();
    let second = world.server.token("admin@a.example");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{second}\n")).unwrap();
    let out = admin_output(
        &world.server.db,
        &[
            "token",
            "revoke",
            "admin@a.example",
            "--token-file",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        world.server.api(&second).get("/v1/whoami").await.status,
        401
    );
    assert_eq!(world.api_a().get("/v1/whoami").await.status, 200);
    // and an empty stdin revokes nothing
    let empty = admin_with_stdin(
        &world.server.db,
        &["token", "revoke", "admin@a.example", "--with-token"],
        "",
    );
    assert!(!empty.status.success());
    assert_eq!(world.api_a().get("/v1/whoami").await.status, 200);
}
