//! All SQL of the server: the SQLite file, its versioned migrations, and one function per query.
//! Nothing outside this module knows SQL; nothing inside it decides a rule.
//!
//! Reads go through a pool of read-only connections; writes are serialised on one connection,
//! each in a `BEGIN IMMEDIATE` transaction, so SQLite never has to arbitrate between writers.

mod accounts;
mod bench;
mod cases;
mod events;
mod schema;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context as _;
use jiff::Timestamp;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

pub use accounts::*;
pub use bench::*;
pub use cases::*;
pub use events::*;
pub use schema::SCHEMA_VERSION;

/// How long a connection waits for a lock before SQLite answers `SQLITE_BUSY`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The server's database: one SQLite file in WAL mode.
pub struct Store {
    path: PathBuf,
    readers: r2d2::Pool<SqliteConnectionManager>,
    writer: Mutex<Connection>,
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -16_000)?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A
    /// new database is private to its owner whatever the umask: the file (and so its `-wal`
    /// and `-shm`, which SQLite creates with the file's mode) 0600, a new folder 0700.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
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
        schema::migrate(&mut writer)
            .with_context(|| format!("cannot migrate the database {}", path.display()))?;
        let manager = SqliteConnectionManager::file(path)
            .with_flags(OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .with_init(|c| {
                c.busy_timeout(BUSY_TIMEOUT)?;
                c.pragma_update(None, "cache_size", -16_000)?;
                Ok(())
            });
        let readers = r2d2::Pool::builder()
            .max_size(8)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .build(manager)
            .with_context(|| format!("cannot open read connections to {}", path.display()))?;
        Ok(Store {
            path: path.to_path_buf(),
            readers,
            writer: Mutex::new(writer),
        })
    }

    /// [`Store::open`] for a server: a database that other users of the machine can read is
    /// refused, since it holds every tenant's cases, attachments and token hashes.
    pub fn open_to_serve(path: &Path) -> anyhow::Result<Store> {
        private::refuse_shared(path)?;
        Store::open(path)
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

    /// Runs `f` in a read transaction: every query in it sees one snapshot.
    pub fn read<T, E>(&self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut conn = self.readers.get().map_err(StoreError::from)?;
        let tx = conn.transaction().map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.finish().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction on the one writer connection and commits when
    /// `f` succeeds (rolls back otherwise).
    pub fn write<T, E>(&self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.on_writer(f, true)
    }

    /// [`Store::write`] that always rolls back: `f` runs every query of the real write (so
    /// every check and the answer are the real ones) and nothing is kept (`validateOnly`).
    pub fn rehearse<T, E>(&self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.on_writer(f, false)
    }

    fn on_writer<T, E>(
        &self,
        f: impl FnOnce(&Transaction) -> Result<T, E>,
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
        let value = f(&tx)?;
        if keep {
            tx.commit().map_err(StoreError::from)?;
        } else {
            tx.rollback().map_err(StoreError::from)?;
        }
        Ok(value)
    }
}

/// Lets a rehearsed write ([`Store::rehearse`]) refer to rows it does not insert (an upload's
/// content, not received in a dry run): foreign keys are checked at commit, which a rehearsal
/// never reaches.
pub fn defer_foreign_keys(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "defer_foreign_keys", "ON")?;
    Ok(())
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

/// The dev clock's offset in seconds (`admin clock advance`); 0 when never moved.
pub fn clock_offset_seconds(tx: &Connection) -> Result<i64, StoreError> {
    let value: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = 'clock_offset_seconds'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

pub fn set_clock_offset_seconds(tx: &Connection, seconds: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings(key, value) VALUES ('clock_offset_seconds', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [seconds.to_string()],
    )?;
    Ok(())
}
