//! The server's store: one interface ([`Tx`], the work of one transaction, and [`Store`],
//! which runs it) and one implementation per engine: SQLite ([`sqlite`], the embedded
//! default) and PostgreSQL ([`postgres`], for several servers on one database). Nothing
//! outside this module knows SQL; nothing inside it decides a rule.
//!
//! Handlers are synchronous closures over a `&dyn Tx`, run in one transaction on a blocking
//! thread ([`crate::AppState::read`] / [`crate::AppState::write`] are the async edge). A write
//! is serialised across every process sharing the database (SQLite's `BEGIN IMMEDIATE`, a
//! PostgreSQL transaction-level advisory lock), so a rule's check-then-write holds everywhere.

pub(crate) mod bench_rows;
mod model;
pub mod postgres;
pub mod sqlite;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rsupport_api::types::{
    Attachment, AuthorRole, Case, CaseEvent, CaseState, Comment, Customer, Escalation, Privilege,
    Role, Severity, StateChangeVia,
};

pub use model::*;
pub use postgres::run_blocking;
pub use sqlite::SCHEMA_VERSION;

/// The work of one transaction, in the engine's SQL. Every method runs inside the
/// transaction the [`Store`] opened; none commits.
pub trait Tx {
    fn domain_exists(&self, domain: &str) -> Result<bool, StoreError>;
    /// Adds a domain; answers false when it already existed.
    fn insert_domain(&self, domain: &str, now: Timestamp) -> Result<bool, StoreError>;
    fn find_user(&self, email: &str) -> Result<Option<UserRecord>, StoreError>;
    /// Creates or updates a user (its domain, role and privileges).
    fn upsert_user(
        &self,
        email: &str,
        domain: Option<&str>,
        role: Role,
        privileges: &[Privilege],
        now: Timestamp,
    ) -> Result<UserRecord, StoreError>;
    fn insert_token(
        &self,
        user_id: i64,
        token_hash: &[u8],
        now: Timestamp,
        expire_time: Option<Timestamp>,
    ) -> Result<(), StoreError>;
    fn find_token(&self, token_hash: &[u8]) -> Result<Option<TokenRecord>, StoreError>;
    /// Revokes every live token of a user; answers how many.
    fn revoke_user_tokens(&self, user_id: i64, now: Timestamp) -> Result<usize, StoreError>;
    /// Revokes one token of a user, found by its hash; answers whether it was live.
    fn revoke_token(
        &self,
        user_id: i64,
        token_hash: &[u8],
        now: Timestamp,
    ) -> Result<bool, StoreError>;
    fn find_customer(&self, id: &str) -> Result<Option<Customer>, StoreError>;
    /// Adds a customer, or replaces every field of an existing one.
    fn upsert_customer(&self, c: &Customer) -> Result<(), StoreError>;
    /// The customers a reseller domain manages now, by id, after `after` (keyset), filtered by a
    /// keyword on id, display name and primary domain.
    fn list_customers(
        &self,
        reseller_domain: &str,
        keyword: Option<&str>,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Customer>, StoreError>;
    /// The support agent added first, if any.
    fn first_agent(&self) -> Result<Option<UserRecord>, StoreError>;
    fn insert_case(&self, new: &NewCase) -> Result<u64, StoreError>;
    /// The case an earlier create with this request id made, with the fingerprint of its body.
    fn find_case_by_request(
        &self,
        reseller_domain: &str,
        request_id: &str,
    ) -> Result<Option<(u64, String)>, StoreError>;
    /// Whether the domain ever filed a case for the customer.
    fn domain_filed_for(&self, reseller_domain: &str, customer: &str) -> Result<bool, StoreError>;
    fn find_case(&self, id: u64) -> Result<Option<Case>, StoreError>;
    /// The token with hash `token_hash` and, when it is known, case `id` with `unread` from the
    /// token's user's read marker: an authenticated get's two reads, each consistent outside a
    /// transaction (on PostgreSQL one statement: a round trip saved).
    fn find_token_and_case(
        &self,
        token_hash: &[u8],
        id: u64,
    ) -> Result<(Option<TokenRecord>, Option<Case>), StoreError>;
    /// Loads a case that the caller just wrote and must exist.
    fn get_case(&self, id: u64) -> Result<Case, StoreError>;
    /// Changes the title and/or severity; `actor` is recorded in the timeline with each change.
    fn update_case_fields(
        &self,
        id: u64,
        display_name: Option<&str>,
        priority: Option<Severity>,
        actor: &str,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Sets the state; `close_time` is written as given (set on close, cleared on reopen). A
    /// change of state is recorded in the timeline with `actor` and what moved it (`via`).
    fn set_case_state(
        &self,
        id: u64,
        state: CaseState,
        close_time: Option<Timestamp>,
        now: Timestamp,
        actor: &str,
        via: StateChangeVia,
    ) -> Result<(), StoreError>;
    fn set_case_escalation(
        &self,
        id: u64,
        escalation: &Escalation,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Sets who the case is shared with; who was added and removed is recorded with `actor`.
    fn set_case_subscribers(
        &self,
        id: u64,
        subscribers: &[String],
        actor: &str,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Adds a message to a case's history and to its keyword index; bumps the case.
    fn insert_comment(
        &self,
        case_id: u64,
        body: &str,
        author: &str,
        role: AuthorRole,
        now: Timestamp,
    ) -> Result<Comment, StoreError>;
    /// A case's messages, oldest first, after the comment id `after`.
    fn list_comments(
        &self,
        case_id: u64,
        after: u64,
        limit: u32,
    ) -> Result<Vec<Comment>, StoreError>;
    /// Stores content once per SHA-256.
    fn insert_blob(&self, sha256: &str, data: &[u8]) -> Result<(), StoreError>;
    /// Stores `size` bytes read from `content` (already hashed to `sha256`) in place, a chunk at
    /// a time: the content is never whole in memory. Content stored before is kept as is.
    fn insert_blob_from(
        &self,
        sha256: &str,
        size: u64,
        content: &mut dyn std::io::Read,
    ) -> Result<(), StoreError>;
    fn find_blob(&self, sha256: &str) -> Result<Option<BlobRef>, StoreError>;
    /// `len` bytes of a stored file from `offset`.
    fn read_blob(&self, blob: &BlobRef, offset: u64, len: u64) -> Result<Vec<u8>, StoreError>;
    fn insert_attachment(&self, a: &NewAttachment) -> Result<Attachment, StoreError>;
    fn list_attachments(&self, case_id: u64) -> Result<Vec<Attachment>, StoreError>;
    fn find_attachment(
        &self,
        case_id: u64,
        attachment_id: u64,
    ) -> Result<Option<Attachment>, StoreError>;
    /// Records that the case's latest write was support's (a message or a state change): the
    /// case is unread for every user whose read marker is older.
    fn note_support_activity(&self, case_id: u64) -> Result<(), StoreError>;
    /// Moves `user_id`'s read marker of a case forward (never back) to its latest write, or with
    /// `up_to`, to its latest write at or before that time (the update time the reader was shown).
    fn mark_case_read(
        &self,
        user_id: i64,
        case_id: u64,
        up_to: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Whether support acted on the case since `user_id` last read it (or ever, if never read).
    fn case_unread(&self, user_id: i64, case_id: u64) -> Result<bool, StoreError>;
    /// The sequence number of the latest write to any case.
    fn latest_case_write(&self) -> Result<i64, StoreError>;
    /// How many cases match `filter` with its state filter ignored, per state: one grouped count
    /// over the list's own WHERE clause. Every state is named, 0 included.
    fn count_cases_by_state(
        &self,
        filter: &CaseFilter,
    ) -> Result<Vec<(CaseState, u64)>, StoreError>;
    /// One page of a case list, keyset-paged.
    ///
    /// `as_of` is the write sequence the first page was served at (`None` on the first page). A
    /// case written after it is placed where it stood at `as_of` (its position from the history
    /// table), so paging never shows a case twice nor skips one that existed at the first page;
    /// cases created after the first page are left out. Creation times never change, so the
    /// `created` order needs no such care. Filters apply to the cases as they are now: a case that
    /// stopped matching (closed under `state=open`, say) leaves the list.
    fn list_cases(
        &self,
        filter: &CaseFilter,
        as_of: Option<i64>,
        after: Option<CaseCursor>,
        limit: u32,
    ) -> Result<CasePage, StoreError>;
    /// Appends `event` (its `id` is ignored) and answers its id.
    fn insert_event(&self, event: &CaseEvent) -> Result<u64, StoreError>;
    /// A case's events after the event id `after`, oldest first.
    fn list_events(
        &self,
        case_id: u64,
        after: u64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>, StoreError>;
    /// Files each case (its `state` is the state it is filed in) followed by its writes, in
    /// order, exactly as the ordinary write functions would leave them (the rows of
    /// `insert_case`, `insert_comment`, `set_case_state` and `note_support_activity`), but in
    /// bulk (see [`bench_rows`]).
    fn insert_bench_cases(&self, cases: &[(NewCase, Vec<BenchWrite>)]) -> Result<(), StoreError>;
    /// The latest update time of any case, if any.
    fn latest_update_time(&self) -> Result<Option<Timestamp>, StoreError>;
    /// The dev clock's offset in seconds (`admin clock advance`); 0 when never moved.
    fn clock_offset_seconds(&self) -> Result<i64, StoreError>;
    fn set_clock_offset_seconds(&self, seconds: i64) -> Result<(), StoreError>;
    /// Lets a rehearsed write ([`Store::rehearse`]) refer to rows it does not insert (an
    /// upload's content, not received in a dry run): foreign keys are checked at commit, which
    /// a rehearsal never reaches.
    fn defer_foreign_keys(&self) -> Result<(), StoreError>;
    /// A bulk load ([`crate::bench_data`]) moves from one phase to the next: a larger cache
    /// while it runs; on SQLite the keyword index's merges tuned for each phase and, when
    /// done, its rows merged into one segment deep enough that later writes rarely merge it
    /// again; on PostgreSQL, fresh planner statistics when done.
    fn bulk_load(&self, phase: BulkLoad) -> Result<(), StoreError>;
    /// Every row of every table, one line a row, sorted by table (tests compare a store before
    /// and after a call that must change nothing).
    fn dump_rows(&self) -> Result<Vec<String>, StoreError>;
}

/// Where the data lives, as `--db` names it: a SQLite file (a path or `sqlite://PATH`) or a
/// PostgreSQL database (`postgres://` or `postgresql://` URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbSpec {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbSpec {
    pub fn parse(text: &str) -> DbSpec {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            DbSpec::Postgres(text.to_string())
        } else if let Some(path) = text.strip_prefix("sqlite://") {
            DbSpec::Sqlite(PathBuf::from(path))
        } else {
            DbSpec::Sqlite(PathBuf::from(text))
        }
    }

    /// The database as `--db` would name it, with a PostgreSQL password left out.
    pub fn display(&self) -> String {
        match self {
            DbSpec::Sqlite(path) => path.display().to_string(),
            DbSpec::Postgres(url) => postgres::redact(url),
        }
    }
}

impl std::str::FromStr for DbSpec {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<DbSpec, Self::Err> {
        Ok(DbSpec::parse(s))
    }
}

impl From<&PathBuf> for DbSpec {
    fn from(path: &PathBuf) -> DbSpec {
        DbSpec::Sqlite(path.clone())
    }
}

impl From<PathBuf> for DbSpec {
    fn from(path: PathBuf) -> DbSpec {
        DbSpec::Sqlite(path)
    }
}

impl From<&Path> for DbSpec {
    fn from(path: &Path) -> DbSpec {
        DbSpec::Sqlite(path.to_path_buf())
    }
}

/// The server's database, on one engine or the other.
pub enum Store {
    Sqlite(sqlite::SqliteStore),
    Postgres(postgres::PgStore),
}

impl Store {
    /// What a bulk load runs beside its writer to copy SQLite's log into the database file
    /// ([`BulkLoad`] phases turn the writer's own copying off); none for PostgreSQL.
    pub fn log_copier(&self) -> Result<Option<sqlite::LogCopier>, StoreError> {
        match self {
            Store::Sqlite(s) => s.log_copier().map(Some),
            Store::Postgres(_) => Ok(None),
        }
    }

    /// Opens (creating a SQLite file if needed) the database and brings its schema up to date.
    pub fn open(db: impl Into<DbSpec>) -> anyhow::Result<Store> {
        Ok(match db.into() {
            DbSpec::Sqlite(path) => Store::Sqlite(sqlite::SqliteStore::open(&path)?),
            DbSpec::Postgres(url) => Store::Postgres(postgres::PgStore::open(&url)?),
        })
    }

    /// [`Store::open`] with the schema one version older than this build's on either engine:
    /// the database a server of the previous version left, for tests of the migration.
    #[cfg(feature = "testing")]
    pub fn open_at_previous_schema(db: impl Into<DbSpec>) -> anyhow::Result<Store> {
        Ok(match db.into() {
            DbSpec::Sqlite(path) => Store::Sqlite(sqlite::SqliteStore::open_at(
                &path,
                sqlite::SCHEMA_VERSION - 1,
            )?),
            DbSpec::Postgres(url) => Store::Postgres(postgres::PgStore::open_at(
                &url,
                postgres::SCHEMA_VERSION - 1,
            )?),
        })
    }

    /// [`Store::open`] for a server: a SQLite file that other users of the machine can read is
    /// refused, since it holds every tenant's cases, attachments and token hashes.
    pub fn open_to_serve(db: impl Into<DbSpec>) -> anyhow::Result<Store> {
        let db = db.into();
        if let DbSpec::Sqlite(path) = &db {
            private::refuse_shared(path)?;
        }
        Store::open(db)
    }

    /// The database as `--db` names it (a PostgreSQL password left out).
    pub fn spec(&self) -> DbSpec {
        match self {
            Store::Sqlite(s) => DbSpec::Sqlite(s.path().to_path_buf()),
            Store::Postgres(p) => DbSpec::Postgres(p.url().to_string()),
        }
    }

    /// The SQLite file, for what only a file has (its folder, its mode); `None` on PostgreSQL.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Store::Sqlite(s) => Some(s.path()),
            Store::Postgres(_) => None,
        }
    }

    /// Where uploads are spooled while they are received and hashed: beside a SQLite file (so
    /// the rename into place stays on one file system), the system's temp folder otherwise.
    pub fn spool_dir(&self) -> PathBuf {
        match self {
            Store::Sqlite(s) => s
                .path()
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            Store::Postgres(_) => std::env::temp_dir(),
        }
    }

    /// Leaves every write in the database itself: on SQLite, moves the `-wal` file into the
    /// database file (answers false when a running server kept part of it in the log); on
    /// PostgreSQL every commit already is in the database.
    pub fn checkpoint(&self) -> Result<bool, StoreError> {
        match self {
            Store::Sqlite(s) => s.checkpoint(),
            Store::Postgres(_) => Ok(true),
        }
    }

    /// Writes a consistent copy of the whole database into `target` (an empty file that
    /// exists): a SQLite file that opens on its own (`VACUUM INTO`), or a `pg_dump` archive
    /// (custom format, for `pg_restore`).
    pub fn copy_to(&self, target: &Path) -> anyhow::Result<()> {
        match self {
            Store::Sqlite(s) => s.copy_to(target),
            Store::Postgres(p) => p.dump_to(target),
        }
    }

    /// Ends a bulk load, after its [`BulkLoad::Finish`] phase: on PostgreSQL the filled
    /// tables' statistics and visibility map (`VACUUM (ANALYZE)`); SQLite's writer settles in
    /// that phase.
    pub fn settle_after_bulk_load(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(_) => Ok(()),
            Store::Postgres(p) => p.settle_after_bulk_load(),
        }
    }

    /// Runs `f` in a read transaction: every query in it sees one snapshot.
    pub fn read<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        match self {
            Store::Sqlite(s) => s.read(f),
            Store::Postgres(p) => p.read(f),
        }
    }

    /// Runs `f` outside any transaction, each of its statements seeing the latest commit: for
    /// reads that need no common snapshot, such as a request's token (on PostgreSQL the
    /// transaction's BEGIN and end would be two more round trips).
    pub fn lookup<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        match self {
            Store::Sqlite(s) => s.lookup(f),
            Store::Postgres(p) => p.lookup(f),
        }
    }

    /// Runs `f` in a write transaction (serialised with every other write to the database)
    /// and commits when `f` succeeds (rolls back otherwise).
    pub fn write<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        match self {
            Store::Sqlite(s) => s.on_writer(f, true),
            Store::Postgres(p) => p.on_writer(f, true),
        }
    }

    /// [`Store::write`] that always rolls back: `f` runs every query of the real write (so
    /// every check and the answer are the real ones) and nothing is kept (`validateOnly`).
    pub fn rehearse<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        match self {
            Store::Sqlite(s) => s.on_writer(f, false),
            Store::Postgres(p) => p.on_writer(f, false),
        }
    }
}

/// Files and folders only their owner can read.
mod private {
    use std::path::Path;

    #[cfg(unix)]
    pub fn create_dir(dir: &Path) -> std::io::Result<()> {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if dir.is_dir() {
            return Ok(());
        }
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // the umask may have taken bits off; a folder we made is exactly 0700
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }

    #[cfg(not(unix))]
    pub fn create_dir(dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    /// Creates `path` empty and 0600 unless it exists.
    #[cfg(unix)]
    pub fn create_file(path: &Path) -> std::io::Result<()> {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }

    #[cfg(not(unix))]
    pub fn create_file(_path: &Path) -> std::io::Result<()> {
        Ok(())
    }

    /// Refuses a database file (or its `-wal`/`-shm`) that its group or others can access.
    #[cfg(unix)]
    pub fn refuse_shared(path: &Path) -> anyhow::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let mut exposed = Vec::new();
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            let file = std::path::PathBuf::from(file);
            if let Ok(meta) = std::fs::metadata(&file) {
                let mode = meta.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    exposed.push(format!("{} (mode {mode:o})", file.display()));
                }
            }
        }
        if exposed.is_empty() {
            return Ok(());
        }
        let db = path.display();
        anyhow::bail!(
            "other users of this machine can read {}; the database holds every tenant's cases, attachments and token hashes, so it is not served. Make it private: chmod 600 {db} {db}-wal {db}-shm (and chmod 700 its folder), then start again",
            exposed.join(", ")
        )
    }

    #[cfg(not(unix))]
    pub fn refuse_shared(_path: &Path) -> anyhow::Result<()> {
        Ok(())
    }
}

/// A database failure: never the caller's fault, so it becomes a 500 at the HTTP edge.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("database error: {0}")]
    Postgres(#[from] ::postgres::Error),
    #[error("database pool error: {0}")]
    PgPool(String),
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

/// Timestamps are stored as microseconds since the Unix epoch: they sort as integers.
pub fn to_micros(t: Timestamp) -> i64 {
    t.as_microsecond()
}

pub fn from_micros(us: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_microsecond(us)
        .map_err(|e| StoreError::Corrupt(format!("timestamp {us} out of range: {e}")))
}
