//! The SQLite engine: one file in WAL mode, its versioned migrations, and one function per
//! query. Reads go through a pool of read-only connections; writes are serialised on one
//! connection, each in a `BEGIN IMMEDIATE` transaction, so SQLite never has to arbitrate
//! between writers.

mod accounts;
mod bench;
mod cases;
pub(crate) mod events;
mod schema;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context as _;
use jiff::Timestamp;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::ffi::c_int;

use events::insert_event;
use rsupport_api::types::{
    Attachment, AuthorRole, Case, CaseEvent, CaseState, Comment, Customer, Escalation, Privilege,
    Role, Severity, StateChangeVia,
};

pub use schema::SCHEMA_VERSION;

use super::*;

/// How long a connection waits for a lock before SQLite answers `SQLITE_BUSY`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The server's database: one SQLite file in WAL mode.
pub struct SqliteStore {
    path: PathBuf,
    readers: r2d2::Pool<SqliteConnectionManager>,
    writer: Mutex<Connection>,
}

/// Statements each connection keeps prepared: the lookups of a request plus the list queries'
/// variants (filters, orders, page sizes). A miss parses SQL again, a tenth of a small request.
const STATEMENT_CACHE: usize = 128;

/// How much of the file a read connection maps into memory: a page read from the map is not
/// copied into the connection's own cache (SQLite caps it at its compiled-in maximum, 2 GB).
const READ_MMAP_BYTES: i64 = 1 << 40;

/// `query_row` through the connection's statement cache: the lookups every request makes (its
/// token, the customer…) parse no SQL after the first time.
pub(super) trait CachedRow {
    fn cached_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>;
}

impl CachedRow for Connection {
    fn cached_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}

/// How many segments of one level FTS5 lets gather before merging them. Every write
/// transaction adds a small segment and merges pay for it: at 4 (FTS5's default) the merges
/// were two thirds of a create's time at 1M cases; at 8 each row is rewritten fewer times
/// (creates 780 -> 1,100-1,300/s) and a search opens a few more segments.
const SEARCH_AUTOMERGE: i64 = 8;

/// The keyword index's settings (rows of its config table) outside bulk loads: merges at
/// [`SEARCH_AUTOMERGE`] segments a level, FTS5's defaults for the rest.
const SEARCH_SETTINGS: [(&str, i64); 3] = [
    ("automerge", SEARCH_AUTOMERGE),
    ("crisismerge", 16),
    ("hashsize", 1 << 20),
];

/// The settings of a bulk load's first cases ([`BulkLoad::Start`]): segments of 64 KB,
/// merged as usual, so that the index soon has several levels of them.
const WARM_UP_SEARCH_SETTINGS: [(&str, i64); 3] = [
    ("automerge", SEARCH_AUTOMERGE),
    ("crisismerge", 16),
    ("hashsize", 1 << 16),
];

/// The settings of the rest of a bulk load ([`BulkLoad::Fast`]): no merge while it runs (it
/// merges once at the end), and pending rows written out once per statement.
const BULK_SEARCH_SETTINGS: [(&str, i64); 3] = [
    ("automerge", 0),
    ("crisismerge", 1_999),
    ("hashsize", 1 << 30),
];

/// Sets the keyword index's settings, writing only those that differ (so that opening a store
/// changes nothing once they are set; a bulk load that did not finish leaves none behind).
fn tune_search_index(conn: &Connection, settings: &[(&str, i64)]) -> rusqlite::Result<()> {
    for (key, value) in settings {
        let current: Option<i64> = conn
            .query_row(
                "SELECT v FROM case_search_config WHERE k = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?;
        if current != Some(*value) {
            conn.execute(
                "INSERT INTO case_search(case_search, rank) VALUES (?1, ?2)",
                rusqlite::params![key, value],
            )?;
        }
    }
    Ok(())
}

/// A connection's page cache (`cache_size`: negative is KiB), outside bulk loads.
const PAGE_CACHE: i64 = -16_000;

/// A connection that copies the log into the database file ([`SqliteStore::log_copier`]).
pub struct LogCopier(Connection);

impl LogCopier {
    /// Copies what the log holds into the database file, as far as no reader still needs it
    /// (`wal_checkpoint(PASSIVE)`), without waiting for the writer: it goes on appending while
    /// this runs, and starts the log over at its next commit once this has copied it all.
    pub fn copy(&self) -> Result<(), StoreError> {
        self.0
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Pages in the log after which a commit copies it into the database file (SQLite's default).
const AUTOCHECKPOINT_PAGES: i64 = 1_000;

/// What every connection, writer or reader, is set up with.
fn configure_any(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "cache_size", PAGE_CACHE)?;
    Ok(())
}

/// The writer: [`configure_any`], foreign keys enforced, commits synced at checkpoints, and
/// temporary storage in memory: a statement's journal (the pages it changes that its
/// transaction had changed before, kept in case the statement fails) went to a temporary file,
/// which a bulk fill wrote more bytes to than to the database and its log together.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    configure_any(conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Turns SQLite's memory statistics off (`SQLITE_CONFIG_MEMSTATUS`), which nothing here
/// reads: kept, every allocation of SQLite's takes a process-wide mutex to count itself
/// (a bulk load of 1,000,000 cases 53-55 s -> 48.8 s). For a program's `main`, before any
/// thread uses SQLite (`sqlite3_config` must come before SQLite initialises, and alone);
/// later it changes nothing.
pub fn no_memory_statistics() {
    // SAFETY: called before SQLite initialises, from one thread (as documented); after,
    // sqlite3_config only answers SQLITE_MISUSE.
    unsafe {
        rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A
    /// new database is private to its owner whatever the umask: the file (and so its `-wal`
    /// and `-shm`, which SQLite creates with the file's mode) 0600, a new folder 0700.
    pub fn open(path: &Path) -> anyhow::Result<SqliteStore> {
        SqliteStore::open_at(path, SCHEMA_VERSION)
    }

    /// [`SqliteStore::open`] bringing the schema up to `version` only (tests of a database
    /// that an older server left).
    pub(crate) fn open_at(path: &Path, version: usize) -> anyhow::Result<SqliteStore> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            private::create_dir(parent).with_context(|| {
                format!("cannot create the database directory {}", parent.display())
            })?;
        }
        private::create_file(path)
            .with_context(|| format!("cannot create the database {}", path.display()))?;
        let mut writer = Connection::open(path)
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        writer
            .pragma_update(None, "journal_mode", "WAL")
            .with_context(|| format!("cannot switch {} to WAL mode", path.display()))?;
        configure(&writer)?;
        schema::migrate_to(&mut writer, version)
            .with_context(|| format!("cannot migrate the database {}", path.display()))?;
        tune_search_index(&writer, &SEARCH_SETTINGS)
            .with_context(|| format!("cannot tune the search index of {}", path.display()))?;
        let manager = SqliteConnectionManager::file(path)
            .with_flags(OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .with_init(|c| {
                configure_any(c)?;
                // answers the size it took; a build without mmap answers nothing
                let _: Option<i64> = c
                    .query_row(&format!("PRAGMA mmap_size = {READ_MMAP_BYTES}"), [], |r| {
                        r.get(0)
                    })
                    .optional()?;
                Ok(())
            });
        let readers = r2d2::Pool::builder()
            .max_size(8)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .build(manager)
            .with_context(|| format!("cannot open read connections to {}", path.display()))?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            readers,
            writer: Mutex::new(writer),
        })
    }

    /// Runs `f` on the writer connection, outside any transaction of the store: for tests
    /// that change the file behind the store's back (a damaged row, an old server's data).
    pub fn with_writer<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        let conn = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&conn)
    }

    /// Runs `f` on a read connection of its own (tests that look at SQLite itself).
    #[cfg(test)]
    pub(crate) fn raw_read<T>(&self, f: impl FnOnce(&Connection) -> T) -> T {
        let conn = self.readers.get().expect("a read connection");
        f(&conn)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes a consistent copy of the database into `target` (a new or empty file) with
    /// `VACUUM INTO`, from a read connection of its own: the copy is one snapshot, taken while
    /// the server goes on writing. The copy is switched out of WAL mode, so that it is one file
    /// that opens on its own.
    pub fn copy_to(&self, target: &Path) -> anyhow::Result<()> {
        let target_name = target
            .to_str()
            .with_context(|| format!("{} is not a UTF-8 path", target.display()))?;
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .with_context(|| format!("cannot open the database {}", self.path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.execute("VACUUM INTO ?1", [target_name])
            .with_context(|| format!("cannot copy the database into {}", target.display()))?;
        drop(conn);
        let copy = Connection::open(target)
            .with_context(|| format!("cannot open the copy {}", target.display()))?;
        let mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            anyhow::bail!(
                "cannot switch the copy {} out of WAL mode",
                target.display()
            );
        }
        Ok(())
    }

    /// Moves everything in the `-wal` file into the database file and empties it
    /// (`wal_checkpoint(TRUNCATE)`), so that the database file alone holds every write. Answers
    /// false when another connection (a running server) kept part of it in the log.
    pub fn checkpoint(&self) -> Result<bool, StoreError> {
        let conn = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (busy, log, done): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        Ok(busy == 0 && log == done)
    }

    /// A connection of its own that copies the log into the database file (a passive
    /// checkpoint) whenever asked: a bulk load's writer, whose [`BulkLoad`] phases turn its
    /// own checkpoints off, leaves them to one on another thread.
    pub fn log_copier(&self) -> Result<LogCopier, StoreError> {
        let conn = Connection::open(&self.path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(LogCopier(conn))
    }

    /// Runs `f` in a read transaction: every query in it sees one snapshot.
    pub fn read<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let conn = self.readers.get().map_err(StoreError::from)?;
        // BEGIN and its end through the statement cache (rusqlite's Transaction parses them
        // every time); the guard ends the transaction however `f` leaves.
        conn.prepare_cached("BEGIN")
            .and_then(|mut begin| begin.execute([]))
            .map_err(StoreError::from)?;
        let snapshot = ReadSnapshot(&conn);
        let value = f(&**snapshot.0)?;
        snapshot.end().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Runs `f` on a read connection outside any transaction: each statement sees the latest
    /// commit.
    pub fn lookup<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let conn = self.readers.get().map_err(StoreError::from)?;
        f(&*conn)
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction on the one writer connection and commits
    /// when `f` succeeds and `keep` (rolls back otherwise).
    pub fn on_writer<T, E>(
        &self,
        f: impl FnOnce(&dyn Tx) -> Result<T, E>,
        keep: bool,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut conn = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = f(&*tx)?;
        if keep {
            tx.commit().map_err(StoreError::from)?;
        } else {
            tx.rollback().map_err(StoreError::from)?;
        }
        Ok(value)
    }
}

/// An open read transaction; dropped without [`ReadSnapshot::end`] (an error, a panic), it rolls
/// back, so the connection goes back to the pool outside any transaction.
struct ReadSnapshot<'c>(&'c r2d2::PooledConnection<SqliteConnectionManager>);

impl ReadSnapshot<'_> {
    fn end(self) -> rusqlite::Result<()> {
        let result = self
            .0
            .prepare_cached("COMMIT")
            .and_then(|mut commit| commit.execute([]));
        if result.is_ok() {
            std::mem::forget(self);
        }
        result.map(|_| ())
    }
}

impl Drop for ReadSnapshot<'_> {
    fn drop(&mut self) {
        if !self.0.is_autocommit() {
            let _ = self
                .0
                .prepare_cached("ROLLBACK")
                .and_then(|mut rollback| rollback.execute([]));
        }
    }
}

impl Tx for Connection {
    fn domain_exists(&self, domain: &str) -> Result<bool, StoreError> {
        accounts::domain_exists(self, domain)
    }
    fn insert_domain(&self, domain: &str, now: Timestamp) -> Result<bool, StoreError> {
        accounts::insert_domain(self, domain, now)
    }
    fn find_user(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        accounts::find_user(self, email)
    }
    fn upsert_user(
        &self,
        email: &str,
        domain: Option<&str>,
        role: Role,
        privileges: &[Privilege],
        now: Timestamp,
    ) -> Result<UserRecord, StoreError> {
        accounts::upsert_user(self, email, domain, role, privileges, now)
    }
    fn insert_token(
        &self,
        user_id: i64,
        token_hash: &[u8],
        now: Timestamp,
        expire_time: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        accounts::insert_token(self, user_id, token_hash, now, expire_time)
    }
    fn find_token(&self, token_hash: &[u8]) -> Result<Option<TokenRecord>, StoreError> {
        accounts::find_token(self, token_hash)
    }
    fn revoke_user_tokens(&self, user_id: i64, now: Timestamp) -> Result<usize, StoreError> {
        accounts::revoke_user_tokens(self, user_id, now)
    }
    fn revoke_token(
        &self,
        user_id: i64,
        token_hash: &[u8],
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        accounts::revoke_token(self, user_id, token_hash, now)
    }
    fn find_customer(&self, id: &str) -> Result<Option<Customer>, StoreError> {
        accounts::find_customer(self, id)
    }
    fn upsert_customer(&self, c: &Customer) -> Result<(), StoreError> {
        accounts::upsert_customer(self, c)
    }
    fn list_customers(
        &self,
        reseller_domain: &str,
        keyword: Option<&str>,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Customer>, StoreError> {
        accounts::list_customers(self, reseller_domain, keyword, after, limit)
    }
    fn first_agent(&self) -> Result<Option<UserRecord>, StoreError> {
        accounts::first_agent(self)
    }
    fn insert_case(&self, new: &NewCase) -> Result<u64, StoreError> {
        cases::insert_case(self, new)
    }
    fn find_case_by_request(
        &self,
        reseller_domain: &str,
        request_id: &str,
    ) -> Result<Option<(u64, String)>, StoreError> {
        cases::find_case_by_request(self, reseller_domain, request_id)
    }
    fn domain_filed_for(&self, reseller_domain: &str, customer: &str) -> Result<bool, StoreError> {
        cases::domain_filed_for(self, reseller_domain, customer)
    }
    fn find_case(&self, id: u64) -> Result<Option<Case>, StoreError> {
        cases::find_case(self, id)
    }
    fn find_token_and_case(
        &self,
        token_hash: &[u8],
        id: u64,
    ) -> Result<(Option<TokenRecord>, Option<Case>), StoreError> {
        let Some(token) = self.find_token(token_hash)? else {
            return Ok((None, None));
        };
        let case = cases::find_case_read_by(self, id, token.user.id)?;
        Ok((Some(token), case))
    }
    fn get_case(&self, id: u64) -> Result<Case, StoreError> {
        cases::get_case(self, id)
    }
    fn update_case_fields(
        &self,
        id: u64,
        display_name: Option<&str>,
        priority: Option<Severity>,
        actor: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        cases::update_case_fields(self, id, display_name, priority, actor, now)
    }
    fn set_case_state(
        &self,
        id: u64,
        state: CaseState,
        close_time: Option<Timestamp>,
        now: Timestamp,
        actor: &str,
        via: StateChangeVia,
    ) -> Result<(), StoreError> {
        cases::set_case_state(self, id, state, close_time, now, actor, via)
    }
    fn set_case_escalation(
        &self,
        id: u64,
        escalation: &Escalation,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        cases::set_case_escalation(self, id, escalation, now)
    }
    fn set_case_subscribers(
        &self,
        id: u64,
        subscribers: &[String],
        actor: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        cases::set_case_subscribers(self, id, subscribers, actor, now)
    }
    fn insert_comment(
        &self,
        case_id: u64,
        body: &str,
        author: &str,
        role: AuthorRole,
        now: Timestamp,
    ) -> Result<Comment, StoreError> {
        cases::insert_comment(self, case_id, body, author, role, now)
    }
    fn list_comments(
        &self,
        case_id: u64,
        after: u64,
        limit: u32,
    ) -> Result<Vec<Comment>, StoreError> {
        cases::list_comments(self, case_id, after, limit)
    }
    fn insert_blob(&self, sha256: &str, data: &[u8]) -> Result<(), StoreError> {
        cases::insert_blob(self, sha256, data)
    }
    fn insert_blob_from(
        &self,
        sha256: &str,
        size: u64,
        content: &mut dyn std::io::Read,
    ) -> Result<(), StoreError> {
        cases::insert_blob_from(self, sha256, size, content)
    }
    fn find_blob(&self, sha256: &str) -> Result<Option<BlobRef>, StoreError> {
        cases::find_blob(self, sha256)
    }
    fn read_blob(&self, blob: &BlobRef, offset: u64, len: u64) -> Result<Vec<u8>, StoreError> {
        cases::read_blob(self, blob, offset, len)
    }
    fn insert_attachment(&self, a: &NewAttachment) -> Result<Attachment, StoreError> {
        cases::insert_attachment(self, a)
    }
    fn list_attachments(&self, case_id: u64) -> Result<Vec<Attachment>, StoreError> {
        cases::list_attachments(self, case_id)
    }
    fn find_attachment(
        &self,
        case_id: u64,
        attachment_id: u64,
    ) -> Result<Option<Attachment>, StoreError> {
        cases::find_attachment(self, case_id, attachment_id)
    }
    fn note_support_activity(&self, case_id: u64) -> Result<(), StoreError> {
        cases::note_support_activity(self, case_id)
    }
    fn mark_case_read(
        &self,
        user_id: i64,
        case_id: u64,
        up_to: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        cases::mark_case_read(self, user_id, case_id, up_to, now)
    }
    fn case_unread(&self, user_id: i64, case_id: u64) -> Result<bool, StoreError> {
        cases::case_unread(self, user_id, case_id)
    }
    fn latest_case_write(&self) -> Result<i64, StoreError> {
        cases::latest_case_write(self)
    }
    fn count_cases_by_state(
        &self,
        filter: &CaseFilter,
    ) -> Result<Vec<(CaseState, u64)>, StoreError> {
        cases::count_cases_by_state(self, filter)
    }
    fn list_cases(
        &self,
        filter: &CaseFilter,
        as_of: Option<i64>,
        after: Option<CaseCursor>,
        limit: u32,
    ) -> Result<CasePage, StoreError> {
        cases::list_cases(self, filter, as_of, after, limit)
    }
    fn insert_event(&self, event: &CaseEvent) -> Result<u64, StoreError> {
        events::insert_event(self, event)
    }
    fn list_events(
        &self,
        case_id: u64,
        after: u64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>, StoreError> {
        events::list_events(self, case_id, after, limit)
    }
    fn insert_bench_cases(&self, cases: &[(NewCase, Vec<BenchWrite>)]) -> Result<(), StoreError> {
        bench::insert_bench_cases(self, cases)
    }
    fn latest_update_time(&self) -> Result<Option<Timestamp>, StoreError> {
        bench::latest_update_time(self)
    }
    fn clock_offset_seconds(&self) -> Result<i64, StoreError> {
        clock_offset_seconds(self)
    }
    fn set_clock_offset_seconds(&self, seconds: i64) -> Result<(), StoreError> {
        set_clock_offset_seconds(self, seconds)
    }
    fn defer_foreign_keys(&self) -> Result<(), StoreError> {
        self.pragma_update(None, "defer_foreign_keys", "ON")?;
        Ok(())
    }
    fn bulk_load(&self, phase: BulkLoad) -> Result<(), StoreError> {
        // FTS5 merges all the segments of a level at once, into one a level up; `optimize`
        // merges every segment into one, a level above the deepest. So a bulk load warms up
        // with small segments merged as usual (a few levels deep), goes on unmerged, and ends
        // with one `optimize`: its rows land in one segment deep enough that the small
        // segments of later writes reach its level only every ~8^levels writes. Merging
        // segments that are all at level 0 would leave it at level 1, where every few dozen
        // writes would merge it again (creates at 140/s after a fill of 1,000,000 cases).
        self.pragma_update(
            None,
            "cache_size",
            if phase == BulkLoad::Finish {
                PAGE_CACHE
            } else {
                -262_144
            },
        )?;
        // a bulk load's commits leave the copying of the log to the database file to a
        // `LogCopier` on another thread (the loader's caller runs one)
        self.pragma_update(
            None,
            "wal_autocheckpoint",
            if phase == BulkLoad::Finish {
                AUTOCHECKPOINT_PAGES
            } else {
                0
            },
        )?;
        let fast = self
            .query_row(
                "SELECT v FROM case_search_config WHERE k = 'automerge'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            == Some(0);
        tune_search_index(
            self,
            match phase {
                BulkLoad::Start => &WARM_UP_SEARCH_SETTINGS,
                BulkLoad::Fast => &BULK_SEARCH_SETTINGS,
                BulkLoad::Finish => &SEARCH_SETTINGS,
            },
        )?;
        if phase == BulkLoad::Finish && fast {
            self.execute(
                "INSERT INTO case_search(case_search) VALUES ('optimize')",
                [],
            )?;
        }
        Ok(())
    }
    fn dump_rows(&self) -> Result<Vec<String>, StoreError> {
        let mut tables =
            self.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
        let tables: Vec<String> = tables
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut rows = Vec::new();
        for table in tables {
            let mut statement = self.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let columns = statement.column_count();
            let mut query = statement.query([])?;
            while let Some(row) = query.next()? {
                let values = (0..columns)
                    .map(|i| row.get_ref(i).map(|v| format!("{v:?}")))
                    .collect::<Result<Vec<_>, _>>()?;
                rows.push(format!("{table}: {}", values.join(" | ")));
            }
        }
        Ok(rows)
    }
}

/// The dev clock's offset in seconds (`admin clock advance`); 0 when never moved.
fn clock_offset_seconds(tx: &Connection) -> Result<i64, StoreError> {
    let value: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = 'clock_offset_seconds'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

fn set_clock_offset_seconds(tx: &Connection, seconds: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings(key, value) VALUES ('clock_offset_seconds', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [seconds.to_string()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A read that fails leaves its pooled connection outside any transaction: the next read
    /// on it (the pool hands back the one just returned) sees what was written since.
    #[test]
    fn a_failed_read_ends_its_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("db.sqlite")).unwrap();
        let failed: Result<(), StoreError> = store.read(|tx| {
            assert!(!tx.domain_exists("later.example")?);
            Err(StoreError::Corrupt("the closure failed".into()))
        });
        assert!(matches!(failed, Err(StoreError::Corrupt(_))));
        store
            .on_writer(
                |tx| tx.insert_domain("later.example", Timestamp::now()),
                true,
            )
            .unwrap();
        for _ in 0..3 {
            let seen = store.read(|tx| tx.domain_exists("later.example")).unwrap();
            assert!(seen, "a read still in the failed read's snapshot");
        }
        store.raw_read(|conn| assert!(conn.is_autocommit()));
    }
}
