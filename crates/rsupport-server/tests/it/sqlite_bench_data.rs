//! On SQLite files (these servers are SQLite whatever the engine of the suite): `admin bench-data` (synthetic cases that read back through the API like filed ones) and
//! `admin backup` (a consistent one-file copy of a live database); admin commands leave nothing
//! only in the `-wal` file.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rsupport_server::store::SCHEMA_VERSION;
use rusqlite::Connection;

use crate::common::process::admin_output;
use crate::common::{TestServer, World, stderr};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn query_i64(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The contents of the cases a seed makes, in filing order (times left out: they follow the
/// clock).
fn case_contents(db: impl AsRef<Path>) -> Vec<String> {
    let db = db.as_ref();
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT c.customer_id, c.creator, c.display_name, c.description, c.priority, c.state,
                    c.classification, c.subscribers,
                    (SELECT group_concat(m.author_role || ':' || m.body, '|') FROM comments m
                     WHERE m.case_id = c.id)
             FROM cases c ORDER BY c.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        let mut fields = Vec::new();
        for i in 0..9 {
            fields.push(format!("{:?}", r.get_ref(i)?));
        }
        Ok(fields.join(" / "))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_data_fills_a_domain_that_reads_back_like_filed_cases() {
    let server = TestServer::start_sqlite();
    let out = admin_output(
        &server.db,
        &[
            "bench-data",
            "--domain",
            "Bench.Example",
            "--cases",
            "400",
            "--customers",
            "7",
            "--seed",
            "3",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("filed 400 cases in ") && text.trim_end().ends_with(" cases/s)"),
        "{text}"
    );

    let conn = Connection::open(&server.db).unwrap();
    assert_eq!(
        query_i64(
            &conn,
            "SELECT COUNT(*) FROM cases WHERE reseller_domain = 'bench.example'"
        ),
        400
    );
    assert_eq!(
        query_i64(
            &conn,
            "SELECT COUNT(*) FROM customers WHERE reseller_domain = 'bench.example' AND access_granted = 1"
        ),
        7
    );
    assert!(query_i64(&conn, "SELECT COUNT(DISTINCT plan) FROM customers") > 1);
    assert!(query_i64(&conn, "SELECT COUNT(DISTINCT priority) FROM cases") >= 3);
    assert!(query_i64(&conn, "SELECT COUNT(DISTINCT state) FROM cases") >= 4);
    assert!(query_i64(&conn, "SELECT COUNT(DISTINCT creator) FROM cases") > 1);
    assert!(query_i64(&conn, "SELECT COUNT(*) FROM comments") > 200);
    // What the write functions keep consistent, case by case.
    for (what, sql) in [
        (
            "comment_count is the number of messages",
            "SELECT COUNT(*) FROM cases c WHERE comment_count != (SELECT COUNT(*) FROM comments m WHERE m.case_id = c.id)",
        ),
        (
            "update_seq is the case's last write",
            "SELECT COUNT(*) FROM cases c WHERE update_seq != (SELECT MAX(seq) FROM case_updates h WHERE h.case_id = c.id)",
        ),
        (
            "update_time is the time of the last write",
            "SELECT COUNT(*) FROM cases c WHERE update_time != (SELECT update_time FROM case_updates h WHERE h.seq = c.update_seq)",
        ),
        (
            "every case has one created event, then one event a message",
            "SELECT COUNT(*) FROM cases c WHERE 1 != (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'created')
                OR c.comment_count != (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'message')",
        ),
        (
            "a closed case has a close time, an open one none",
            "SELECT COUNT(*) FROM cases WHERE (state = 'closed') != (close_time IS NOT NULL)",
        ),
        (
            "support_seq is support's last write",
            "SELECT COUNT(*) FROM cases c WHERE support_seq != 0 AND support_seq NOT IN (SELECT seq FROM case_updates h WHERE h.case_id = c.id)",
        ),
        (
            "writes follow time order",
            "SELECT COUNT(*) FROM case_updates a JOIN case_updates b ON b.seq = a.seq + 1 WHERE b.update_time < a.update_time",
        ),
        (
            "every case is in the keyword index",
            "SELECT COUNT(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_search t WHERE t.rowid = c.search_key AND t.case_id = c.id)",
        ),
    ] {
        assert_eq!(query_i64(&conn, sql), 0, "{what}");
    }

    // Through the API: a word of a message finds its case; the timeline tells its story.
    let (case, body): (i64, String) = conn
        .query_row(
            "SELECT case_id, body FROM comments WHERE author_role = 'reseller' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let word = body
        .split(' ')
        .max_by_key(|w| w.len())
        .unwrap()
        .to_lowercase();
    server.admin(&["user", "add", "reader@bench.example"]);
    let api = server.api(&server.token("reader@bench.example"));
    let found = api
        .get(&format!("/v1/cases?query={word}&state=all&pageSize=500"))
        .await;
    assert_eq!(found.status, 200, "{:?}", found.body);
    let ids: Vec<i64> = found.body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert!(ids.contains(&case), "{word} finds case {case}: {ids:?}");
    let events = api.get(&format!("/v1/cases/{case}/events")).await;
    assert_eq!(events.status, 200, "{:?}", events.body);
    let kinds: Vec<&str> = events.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"created"), "{kinds:?}");
    assert!(
        kinds.contains(&"message") && kinds.contains(&"state-changed"),
        "{kinds:?}"
    );
    // support answered: the case is unread for a reader who never opened it
    let listed = api.get(&format!("/v1/cases/{case}")).await;
    assert_eq!(listed.body["unread"], true, "{:?}", listed.body);
}

#[test]
fn the_same_seed_files_the_same_cases() {
    let fill = |seed: &str| {
        let server = TestServer::start_sqlite();
        let out = admin_output(
            &server.db,
            &[
                "bench-data",
                "--domain",
                "b.example",
                "--cases",
                "50",
                "--seed",
                seed,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        case_contents(&server.db)
    };
    let first = fill("42");
    assert_eq!(first.len(), 50);
    assert_eq!(first, fill("42"));
    assert_ne!(first, fill("43"));
}

#[test]
fn a_vocabulary_file_gives_the_words_first_ones_most_often() {
    let server = TestServer::start_sqlite();
    let words = server.dir().join("words.txt");
    std::fs::write(&words, "alpha\nbravo\n\ncharlie\ndelta\necho\n").unwrap();
    let out = admin_output(
        &server.db,
        &[
            "bench-data",
            "--domain",
            "v.example",
            "--cases",
            "200",
            "--vocabulary",
            words.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = Connection::open(&server.db).unwrap();
    let text: String = conn
        .query_row(
            "SELECT group_concat(display_name || ' ' || description, ' ') FROM cases",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let count = |w: &str| {
        text.split(' ')
            .filter(|x| x.eq_ignore_ascii_case(w))
            .count()
    };
    assert!(count("alpha") > count("charlie"), "{}", count("alpha"));
    assert!(count("charlie") > count("echo"), "{}", count("charlie"));
    assert!(
        text.split(' ')
            .all(|w| ["alpha", "bravo", "charlie", "delta", "echo"]
                .contains(&w.to_lowercase().as_str())),
        "only the file's words"
    );
}

#[test]
fn bench_data_refuses_bad_arguments_naming_the_flag() {
    let server = TestServer::start_sqlite();
    let dir = server.dir();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n \n").unwrap();
    let control = dir.join("control.txt");
    std::fs::write(&control, "mail\nbad\u{7}word\n").unwrap();
    let (empty, control) = (empty.to_str().unwrap(), control.to_str().unwrap());
    let missing = dir.join("missing.txt");
    let missing = missing.to_str().unwrap();
    let base = ["bench-data", "--domain", "x.example"];
    for (extra, flag, says) in [
        (vec!["--cases", "0"], "--cases", "0"),
        (
            vec!["--cases", "10", "--customers", "0"],
            "--customers",
            "0",
        ),
        (
            vec!["--cases", "10", "--vocabulary", empty],
            "--vocabulary",
            "no word",
        ),
        (
            vec!["--cases", "10", "--vocabulary", control],
            "--vocabulary",
            "line 2",
        ),
        (
            vec!["--cases", "10", "--vocabulary", missing],
            "--vocabulary",
            "cannot read",
        ),
    ] {
        let args: Vec<&str> = base.iter().copied().chain(extra.iter().copied()).collect();
        let out = admin_output(&server.db, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(flag) && stderr(&out).contains(says),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let out = admin_output(
        &server.db,
        &["bench-data", "--domain", "not a domain", "--cases", "3"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--domain"), "{}", stderr(&out));
    let conn = Connection::open(&server.db).unwrap();
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM cases"), 0);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Opens `file` alone: copied first into a folder of its own, so no `-wal` can help it.
fn open_alone(file: impl AsRef<Path>) -> (tempfile::TempDir, Connection) {
    let file = file.as_ref();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("alone.sqlite");
    std::fs::copy(file, &copy).unwrap();
    let conn = Connection::open(&copy).unwrap();
    (dir, conn)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn backup_of_a_database_being_written_opens_on_its_own() {
    let world = World::on(TestServer::start_sqlite());
    let api = world.api_a();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let api = api.clone();
        tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::SeqCst) {
                api.create_case("premium-co", &format!("written during the backup {n}"))
                    .await;
                n += 1;
            }
            n
        })
    };
    // some writes are in before the backup starts
    while world
        .server
        .store()
        .read(|tx| tx.latest_update_time())
        .unwrap()
        .is_none()
    {
        tokio::task::yield_now().await;
    }
    let count = |conn: &Connection| query_i64(conn, "SELECT COUNT(*) FROM cases");
    let before = count(&Connection::open(&world.server.db).unwrap());
    let backup = world.server.dir().join("backup.sqlite");
    let db = world.server.db.clone();
    let target = backup.clone();
    let out = tokio::task::spawn_blocking(move || {
        admin_output(&db, &["backup", "--to", target.to_str().unwrap()])
    })
    .await
    .unwrap();
    let after = count(&Connection::open(&world.server.db).unwrap());
    stop.store(true, Ordering::SeqCst);
    let written = writer.await.unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");

    #[cfg(unix)]
    assert_eq!(mode(&backup), 0o600);
    let mut beside = backup.as_os_str().to_owned();
    beside.push("-wal");
    assert!(!Path::new(&beside).exists(), "the copy needs no -wal");
    let (_dir, copy) = open_alone(&backup);
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        query_i64(&copy, "PRAGMA user_version"),
        SCHEMA_VERSION as i64
    );
    let copied = count(&copy);
    assert!(
        before <= copied && copied <= after,
        "{before} <= {copied} <= {after} ({written} written)"
    );
    // the cases it holds are whole: the first ones, with their timeline and index rows
    assert_eq!(
        query_i64(
            &copy,
            "SELECT COUNT(*) FROM cases WHERE id > (SELECT COUNT(*) FROM cases)"
        ),
        0
    );
    assert_eq!(
        query_i64(
            &copy,
            "SELECT COUNT(*) FROM case_events WHERE kind = 'created'"
        ),
        copied
    );
    assert_eq!(query_i64(&copy, "SELECT COUNT(*) FROM case_search"), copied);
}

#[test]
fn backup_replaces_an_existing_file_only_with_force() {
    let world = World::on(TestServer::start_sqlite());
    let target = world.server.dir().join("keep.sqlite");
    std::fs::write(&target, "precious").unwrap();
    let out = admin_output(
        &world.server.db,
        &["backup", "--to", target.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");

    let mut stale_wal = target.as_os_str().to_owned();
    stale_wal.push("-wal");
    std::fs::write(&stale_wal, "an old log").unwrap();
    let out = admin_output(
        &world.server.db,
        &["backup", "--to", target.to_str().unwrap(), "--force"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !Path::new(&stale_wal).exists(),
        "an old log is not replayed onto the copy"
    );
    let copy = Connection::open(&target).unwrap();
    assert_eq!(query_i64(&copy, "SELECT COUNT(*) FROM customers"), 5);

    let out = admin_output(
        world.server.dir().join("absent.sqlite"),
        &[
            "backup",
            "--to",
            world.server.dir().join("x.sqlite").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no database"), "{}", stderr(&out));
    assert!(!world.server.dir().join("absent.sqlite").exists());
}

#[test]
fn admin_commands_leave_nothing_only_in_the_wal_file() {
    let server = TestServer::start_sqlite();
    // a server's connection stays open: closing the admin command's is then no checkpoint
    let db = server.db.clone();
    let _held = Connection::open(&db).unwrap();
    let run = |args: &[&str]| {
        let out = admin_output(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    run(&["domain", "add", "wal.example"]);
    let (_dir, alone) = open_alone(&db);
    assert_eq!(
        query_i64(
            &alone,
            "SELECT COUNT(*) FROM domains WHERE name = 'wal.example'"
        ),
        1
    );
    run(&["bench-data", "--domain", "wal.example", "--cases", "30"]);
    let (_dir, alone) = open_alone(&db);
    assert_eq!(query_i64(&alone, "SELECT COUNT(*) FROM cases"), 30);
    assert_eq!(
        query_i64(&alone, "PRAGMA user_version"),
        SCHEMA_VERSION as i64
    );
}

#[test]
fn bench_data_run_again_adds_cases_after_the_stored_ones() {
    let world = World::on(TestServer::start_sqlite());
    let fill = || {
        let out = admin_output(
            &world.server.db,
            &[
                "bench-data",
                "--domain",
                "a.example",
                "--cases",
                "60",
                "--customers",
                "3",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    };
    fill();
    fill();
    let conn = Connection::open(&world.server.db).unwrap();
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM cases"), 120);
    // the domain's own customers are kept; the bench ones are reused, not duplicated
    assert_eq!(
        query_i64(
            &conn,
            "SELECT COUNT(*) FROM customers WHERE reseller_domain = 'a.example'"
        ),
        4 + 3
    );
    assert_eq!(
        query_i64(
            &conn,
            "SELECT COUNT(*) FROM case_updates a JOIN case_updates b ON b.seq = a.seq + 1 WHERE b.update_time < a.update_time"
        ),
        0,
        "the second run's writes come after the first's"
    );
    assert_eq!(
        query_i64(&conn, "SELECT COUNT(DISTINCT request_id) FROM cases"),
        120
    );
}
