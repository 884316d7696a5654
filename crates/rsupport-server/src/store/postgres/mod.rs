//! The PostgreSQL engine, for several servers on one database: a pool of connections
//! (r2d2 over the synchronous `postgres` client), its versioned migrations ([`schema`]), and
//! the same queries as the SQLite engine in PostgreSQL's SQL.
//!
//! A transaction runs on the thread that asked for it (a request's blocking thread, an admin
//! command, a test): each connection drives its own socket in a small runtime of its own, on
//! the calling thread, so a query costs one round trip and no hand-over between threads (a
//! pool whose connections were tasks of a shared runtime spent three times the CPU a query).
//!
//! Reads run in a `REPEATABLE READ, READ ONLY` transaction (one snapshot), begun by the first
//! statement that needs it (see `Begin`): on this engine a round trip costs more than the
//! queries of most requests. Writes take a transaction-level advisory lock first: one write at
//! a time across every server on the database, as SQLite's single writer, so a rule's
//! check-then-write holds across servers and the write sequence (`case_updates.seq`) is in
//! commit order, which paging relies on. Ids are `MAX(id) + 1` under that lock rather than
//! sequences, which a rollback would not give back: a `validateOnly` rehearsal answers the
//! very ids the real call then gets.

mod schema;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::str::FromStr as _;
use std::sync::Arc;
use std::time::Duration;

use ::postgres::types::ToSql;
use ::postgres::{NoTls, Row, Statement};
use anyhow::Context as _;
use jiff::Timestamp;
use rsupport_api::types::{
    Attachment, AuthorRole, Case, CaseEvent, CaseEventKind, CaseOrder, CaseState, Comment, Contact,
    Customer, Escalation, EscalationReason, PRODUCT_GOOGLE_WORKSPACE, Privilege, Role, Severity,
    StateChangeVia, StateFilter, SupportPlan,
};

pub use schema::SCHEMA_VERSION;

use super::bench_rows::{NextIds, fill_rows};
use super::*;
use crate::catalogue;

/// The advisory lock every write holds until it commits (one number for the whole database).
const WRITE_LOCK: i64 = 0x7273_7570_706f_7274; // "rsupport"
/// The advisory lock held while migrating.
const MIGRATE_LOCK: i64 = WRITE_LOCK + 1;
/// Attachment content is stored in chunks of this size.
const CHUNK_BYTES: usize = 256 * 1024;

/// A PostgreSQL database.
pub struct PgStore {
    url: String,
    /// Dropped in [`Drop`] (where it may be dropped matters: see there).
    pool: std::mem::ManuallyDrop<r2d2::Pool<Connector>>,
    words: WordStatsCache,
}

/// `url` with its password, if any, replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// A pooled connection and the statements prepared on it.
pub struct PgConnection {
    client: ::postgres::Client,
    statements: HashMap<String, Statement>,
    /// Left in an unknown state (a transaction that could not be ended): not reused.
    broken: bool,
}

/// Opens the pool's connections.
pub struct Connector {
    config: ::postgres::Config,
}

impl r2d2::ManageConnection for Connector {
    type Connection = PgConnection;
    type Error = ::postgres::Error;

    fn connect(&self) -> Result<PgConnection, ::postgres::Error> {
        Ok(PgConnection {
            client: self.config.connect(NoTls)?,
            statements: HashMap::new(),
            broken: false,
        })
    }

    fn is_valid(&self, conn: &mut PgConnection) -> Result<(), ::postgres::Error> {
        conn.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut PgConnection) -> bool {
        conn.broken || conn.client.is_closed()
    }
}

thread_local! {
    /// Whether this thread may wait on a connection's socket itself (see [`run_blocking`]).
    static MAY_BLOCK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, a function that waits on the database, on this thread, saying that it is a
/// thread made for blocking work (a request's `spawn_blocking`): its transactions drive their
/// connection here. Elsewhere inside an async runtime they run on a thread of their own, since
/// a connection's own runtime cannot run inside another.
pub fn run_blocking<R>(f: impl FnOnce() -> R) -> R {
    let before = MAY_BLOCK.with(|b| b.replace(true));
    let result = f();
    MAY_BLOCK.with(|b| b.set(before));
    result
}

/// Runs `f` where a connection can drive its socket: here, unless this thread is inside an
/// async runtime that did not say it may block ([`run_blocking`]).
fn here_or_beside<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let inside_async =
        !MAY_BLOCK.with(|b| b.get()) && tokio::runtime::Handle::try_current().is_ok();
    if !inside_async {
        return f();
    }
    std::thread::scope(|scope| match scope.spawn(f).join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

/// How a transaction ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Commit,
    Rollback,
}

impl PgStore {
    /// Connects to the database at `url` and brings its schema up to date.
    pub fn open(url: &str) -> anyhow::Result<PgStore> {
        PgStore::open_at(url, schema::SCHEMA_VERSION)
    }

    /// [`PgStore::open`] bringing the schema up to `version` only (tests of a database that an
    /// older server left).
    pub(crate) fn open_at(url: &str, version: usize) -> anyhow::Result<PgStore> {
        let shown = redact(url);
        let config = ::postgres::Config::from_str(url)
            .with_context(|| format!("--db: {shown} is not a PostgreSQL URL this server can read (postgres://USER@/DB?host=/socket/dir or postgres://USER:PASSWORD@HOST/DB)"))?;
        let pool = r2d2::Pool::builder()
            .max_size(16)
            .min_idle(Some(0))
            // a query on a dead connection fails and the connection is dropped (has_broken):
            // no round trip to test each one before use
            .test_on_check_out(false)
            .connection_timeout(Duration::from_secs(10))
            .build_unchecked(Connector { config });
        let store = PgStore {
            url: url.to_string(),
            pool: std::mem::ManuallyDrop::new(pool),
            words: WordStatsCache::default(),
        };
        store
            .migrate(version)
            .with_context(|| format!("cannot migrate the database {shown}"))?;
        Ok(store)
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    fn connection(&self) -> Result<r2d2::PooledConnection<Connector>, StoreError> {
        self.pool
            .get()
            .map_err(|e| StoreError::PgPool(e.to_string()))
    }

    fn migrate(&self, version: usize) -> Result<(), StoreError> {
        here_or_beside(|| {
            let mut conn = self.connection()?;
            let client = &mut conn.client;
            client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATE_LOCK])?;
            let result = (|| -> Result<(), StoreError> {
                client.batch_execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (
                         version    BIGINT PRIMARY KEY,
                         apply_time TIMESTAMPTZ NOT NULL DEFAULT now()
                     )",
                )?;
                let done: i64 = client
                    .query_one("SELECT COUNT(*) FROM schema_migrations", &[])?
                    .get(0);
                let done = usize::try_from(done).unwrap_or(0);
                if done > schema::MIGRATIONS.len() {
                    return Err(StoreError::Corrupt(format!(
                        "the database is at schema version {done}; this server knows versions up to {}: upgrade the server",
                        schema::MIGRATIONS.len()
                    )));
                }
                for (index, sql) in schema::MIGRATIONS[..version].iter().enumerate().skip(done) {
                    let mut tx = client.transaction()?;
                    tx.batch_execute(sql)?;
                    tx.execute(
                        "INSERT INTO schema_migrations(version) VALUES ($1)",
                        &[&(index as i64 + 1)],
                    )?;
                    tx.commit()?;
                }
                Ok(())
            })();
            client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATE_LOCK])?;
            result
        })
    }

    /// Runs `f` in a transaction begun by `begin` and ended as `end` says (a failure of `f`
    /// always rolls back).
    fn in_transaction<T, E>(
        &self,
        begin: &str,
        end: End,
        f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send,
    ) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        here_or_beside(|| {
            let mut conn = self.connection()?;
            let pg = PgTx {
                conn: RefCell::new(&mut conn),
                words: &self.words,
                begin: Cell::new(Begin::Pending(begin)),
            };
            // a panic in `f` leaves the transaction open: the connection is not reused
            let guard = BrokenUnlessEnded(&pg);
            let value = f(&pg);
            std::mem::forget(guard);
            if let Begin::Pending(_) = pg.begin.get() {
                return value; // no statement needed the transaction: nothing to end
            }
            let end = if value.is_ok() { end } else { End::Rollback };
            let ended = pg.conn.borrow_mut().client.batch_execute(match end {
                End::Commit => "COMMIT",
                End::Rollback => "ROLLBACK",
            });
            if let Err(e) = ended {
                pg.conn.borrow_mut().broken = true;
                return Err(StoreError::from(e).into());
            }
            value
        })
    }

    pub fn read<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        // Generic plans: a read's statements (prepared once a connection) are planned once,
        // not at every call. PostgreSQL's own choice kept planning the lists for each call
        // (0.2-0.5 ms, as long as running them), its estimate of the generic plan being no
        // better. The plans of reads do not hang on their values (an order's b-tree and a
        // page's LIMIT decide them) but where a statement says so by writing a value out.
        self.in_transaction(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; \
             SET LOCAL plan_cache_mode = force_generic_plan",
            End::Rollback,
            f,
        )
    }

    /// Runs `f` outside any transaction: each of its statements sees the database as it is
    /// when that statement starts.
    pub fn lookup<T, E>(&self, f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        here_or_beside(|| {
            let mut conn = self.connection()?;
            let pg = PgTx {
                conn: RefCell::new(&mut conn),
                words: &self.words,
                begin: Cell::new(Begin::Outside),
            };
            f(&pg)
        })
    }

    pub fn on_writer<T, E>(
        &self,
        f: impl FnOnce(&dyn Tx) -> Result<T, E> + Send,
        keep: bool,
    ) -> Result<T, E>
    where
        T: Send,
        E: From<StoreError> + Send,
    {
        // one round trip for both: the simple query protocol takes several statements
        let begin = format!("BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})");
        self.in_transaction(&begin, if keep { End::Commit } else { End::Rollback }, f)
    }

    /// Writes a consistent archive of the database into `target` with `pg_dump` (one
    /// snapshot, taken while servers go on writing; restore with `pg_restore`).
    pub fn dump_to(&self, target: &std::path::Path) -> anyhow::Result<()> {
        let output = std::process::Command::new("pg_dump")
            .arg("--format=custom")
            .arg("--no-owner")
            .arg("--file")
            .arg(target)
            .arg("--dbname")
            .arg(&self.url)
            .stdin(std::process::Stdio::null())
            .output()
            .context("cannot run pg_dump (the PostgreSQL client tools, e.g. Debian's postgresql-client): is it installed and on PATH?")?;
        if !output.status.success() {
            anyhow::bail!(
                "pg_dump failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        Ok(())
    }

    /// After a bulk load: statistics for the planner (a keyword search planned on none walks
    /// every hit) and the visibility map (a keyword walk reads the b-tree alone only on
    /// all-visible pages), by `VACUUM (ANALYZE)`, which no transaction may hold.
    pub fn settle_after_bulk_load(&self) -> Result<(), StoreError> {
        here_or_beside(|| {
            let mut conn = self.connection()?;
            conn.client.batch_execute(
                "VACUUM (ANALYZE) cases, case_updates, comments, case_events, customers",
            )?;
            Ok(())
        })
    }

    /// The size of the database on disk (`pg_database_size`), for reports.
    pub fn size_bytes(&self) -> Result<i64, StoreError> {
        here_or_beside(|| {
            let mut conn = self.connection()?;
            Ok(conn
                .client
                .query_one("SELECT pg_database_size(current_database())", &[])?
                .get(0))
        })
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        // SAFETY: the pool is taken once, here, and never used after.
        let pool = unsafe { std::mem::ManuallyDrop::take(&mut self.pool) };
        // closing a connection waits on its socket, which its own runtime cannot do inside
        // another (a store dropped by an async test)
        here_or_beside(move || drop(pool));
    }
}

/// Marks the connection broken when dropped (a panic between BEGIN and its end).
struct BrokenUnlessEnded<'t, 'c>(&'t PgTx<'c>);

impl Drop for BrokenUnlessEnded<'_, '_> {
    fn drop(&mut self) {
        if let Ok(mut conn) = self.0.conn.try_borrow_mut() {
            conn.broken = true;
        }
    }
}

/// The work of one transaction (or, from [`PgStore::lookup`], of none) on one pooled
/// connection.
struct PgTx<'c> {
    conn: RefCell<&'c mut PgConnection>,
    words: &'c WordStatsCache,
    begin: Cell<Begin<'c>>,
}

/// Where a [`PgTx`]'s transaction stands. Its `BEGIN` waits for the first statement that
/// needs it and goes in that statement's round trip where it can ([`PgTx::latest_case_write`]):
/// a read answered from what needs no snapshot (a keyword that no case holds) costs one round
/// trip rather than three, and needs no end either.
#[derive(Clone, Copy)]
enum Begin<'s> {
    /// Not a transaction ([`PgStore::lookup`]).
    Outside,
    /// Not begun yet: these statements begin it.
    Pending(&'s str),
    /// Begun: it is ended by COMMIT or ROLLBACK.
    Sent,
}

type Params<'p> = [&'p (dyn ToSql + Sync)];

impl PgTx<'_> {
    /// Begins the transaction, if it has not begun.
    fn begun(&self) -> Result<(), StoreError> {
        if let Begin::Pending(begin) = self.begin.get() {
            // sent, even when it fails: the end rolls back whatever part of it ran
            self.begin.set(Begin::Sent);
            self.conn.borrow_mut().client.batch_execute(begin)?;
        }
        Ok(())
    }

    /// The connection's prepared statement for `sql`, prepared the first time.
    fn statement(conn: &mut PgConnection, sql: &str) -> Result<Statement, StoreError> {
        if let Some(statement) = conn.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = conn.client.prepare(sql)?;
        conn.statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    fn query(&self, sql: &str, params: &Params) -> Result<Vec<Row>, StoreError> {
        self.begun()?;
        self.query_before_begin(sql, params)
    }

    /// `query` that needs no transaction (it only decides how the reads that follow go): run
    /// before the transaction's `BEGIN` when none has been sent.
    fn query_before_begin(&self, sql: &str, params: &Params) -> Result<Vec<Row>, StoreError> {
        let mut conn = self.conn.borrow_mut();
        let statement = PgTx::statement(&mut conn, sql)?;
        Ok(conn.client.query(&statement, params)?)
    }

    /// `query` through an unnamed statement, planned for these parameters' values.
    fn query_planned_now(&self, sql: &str, params: &Params) -> Result<Vec<Row>, StoreError> {
        self.begun()?;
        Ok(self.conn.borrow_mut().client.query(sql, params)?)
    }

    fn query_opt(&self, sql: &str, params: &Params) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    fn query_one(&self, sql: &str, params: &Params) -> Result<Row, StoreError> {
        self.query_opt(sql, params)?
            .ok_or_else(|| StoreError::Corrupt(format!("no row for {sql}")))
    }

    fn execute(&self, sql: &str, params: &Params) -> Result<u64, StoreError> {
        self.begun()?;
        let mut conn = self.conn.borrow_mut();
        let statement = PgTx::statement(&mut conn, sql)?;
        Ok(conn.client.execute(&statement, params)?)
    }

    /// How many cases (of any domain) the keyword index holds with every keyword, when at
    /// most [`FEW_HITS`] (`None`: more): asked of the index itself when the statistics can only
    /// guess (a word they do not list may be absent or nearly as common as the least common
    /// they list).
    fn few_hits(&self, filter: &CaseFilter) -> Result<Option<i64>, StoreError> {
        let Some(query) = ts_query(&filter.keywords) else {
            return Ok(None); // no keyword: every case
        };
        let row = self.query_before_begin(
            "SELECT count(*) FROM (SELECT 1 FROM cases WHERE search @@ to_tsquery('simple', $1)
              LIMIT $2) hits",
            &[&query, &(FEW_HITS as i64 + 1)],
        )?;
        let count: i64 = row.first().map_or(Ok(0), |r| r.try_get(0))?;
        Ok((count as f64 <= FEW_HITS).then_some(count))
    }

    /// How a keyword list reads its page, from the words' frequencies: the bounds of the walks
    /// down the order's b-tree to try in turn before the keyword index's hits (none: straight
    /// to the hits), or `None` when no case of any domain holds the words. Few hits are
    /// sorted; otherwise a walk long enough to meet a page of them many times over, then
    /// (when the newest cases hold the words less often than the others) a longer one where
    /// sorting the hits would cost more.
    fn keyword_walks(
        &self,
        filter: &CaseFilter,
        limit: u32,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let Some(stats) = self.word_stats()? else {
            return Ok(Some(vec![WALK_BOUND]));
        };
        let (hits, guessed) = stats.expected_hits(&filter.keywords);
        let few = if hits <= FEW_HITS {
            true
        } else if guessed {
            match self.few_hits(filter)? {
                Some(0) => return Ok(None),
                counted => counted.is_some(),
            }
        } else {
            false
        };
        if few {
            return Ok(Some(Vec::new()));
        }
        let share = hits / stats.rows;
        let first = ((20.0 * f64::from(limit + 1) / share) as i64).clamp(WALK_BOUND, MAX_WALK);
        let longer = ((hits * CASES_PER_HIT) as i64).min(MAX_WALK);
        Ok(Some(if longer > first {
            vec![first, longer]
        } else {
            vec![first]
        }))
    }

    /// The words' frequencies, read again when a minute old (`None`: no statistics).
    fn word_stats(&self) -> Result<Option<Arc<WordStats>>, StoreError> {
        let fresh = |cached: &Option<(std::time::Instant, Option<Arc<WordStats>>)>| {
            cached
                .as_ref()
                .filter(|(read, _)| read.elapsed() < WORD_STATS_TTL)
                .map(|(_, stats)| stats.clone())
        };
        let cached = self
            .words
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(stats) = fresh(&cached) {
            return Ok(stats);
        }
        drop(cached);
        let stats = WordStats::read(self)?.map(Arc::new);
        *self
            .words
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            Some((std::time::Instant::now(), stats.clone()));
        Ok(stats)
    }

    /// Appends a write to the case's history and stamps the case with it.
    fn record_write(&self, case_id: i64, now: Timestamp) -> Result<(), StoreError> {
        let seq: i64 = self
            .query_one(
                "INSERT INTO case_updates(seq, case_id, update_time, sev_rank)
                 SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_updates), id, $2, sev_rank FROM cases WHERE id = $1
                 RETURNING seq",
                &[&case_id, &to_micros(now)],
            )?
            .get(0);
        self.execute(
            "UPDATE cases SET update_time = $2, update_seq = $3 WHERE id = $1",
            &[&case_id, &to_micros(now), &seq],
        )?;
        Ok(())
    }
}

fn role_text(role: Role) -> &'static str {
    match role {
        Role::Reseller => "reseller",
        Role::Agent => "agent",
    }
}

fn author_role_text(role: AuthorRole) -> &'static str {
    match role {
        AuthorRole::Reseller => "reseller",
        AuthorRole::Support => "support",
    }
}

fn privileges_to_text(privileges: &[Privilege]) -> String {
    privileges
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// A user's columns, as read by [`user_from_row`] (a macro so that [`TOKEN_COLUMNS`] can hold
/// them too).
macro_rules! user_columns {
    () => {
        "u.id, u.email, u.domain, u.role, u.privileges"
    };
}

const USER_COLUMNS: &str = user_columns!();

const TOKEN_COLUMNS: &str = concat!(
    "t.token_hash, t.expire_time, t.revoke_time, ",
    user_columns!()
);

const TOKEN_FROM: &str = "FROM tokens t JOIN users u ON u.id = t.user_id";

/// A token from [`TOKEN_COLUMNS`] at `offset` of `row`.
fn token_from_row(row: &Row, offset: usize) -> Result<TokenRecord, StoreError> {
    Ok(TokenRecord {
        token_hash: row.try_get(offset)?,
        expire_time: row
            .try_get::<_, Option<i64>>(offset + 1)?
            .map(from_micros)
            .transpose()?,
        revoke_time: row
            .try_get::<_, Option<i64>>(offset + 2)?
            .map(from_micros)
            .transpose()?,
        user: user_from_row(row, offset + 3)?,
    })
}

fn user_from_row(row: &Row, offset: usize) -> Result<UserRecord, StoreError> {
    let role: String = row.try_get(offset + 3)?;
    let privileges: String = row.try_get(offset + 4)?;
    Ok(UserRecord {
        id: row.try_get(offset)?,
        email: row.try_get(offset + 1)?,
        domain: row.try_get(offset + 2)?,
        role: if role == "agent" {
            Role::Agent
        } else {
            Role::Reseller
        },
        privileges: privileges
            .split(',')
            .filter_map(|p| p.parse().ok())
            .collect(),
    })
}

const CUSTOMER_COLUMNS: &str = "id, display_name, primary_domain, reseller_domain, plan, \
     access_granted, contact_name, contact_email, contact_phone";

fn customer_from_row(row: &Row) -> Result<Customer, StoreError> {
    let plan: String = row.try_get(4)?;
    Ok(Customer {
        id: row.try_get(0)?,
        display_name: row.try_get(1)?,
        primary_domain: row.try_get(2)?,
        reseller_domain: row.try_get(3)?,
        plan: plan.parse().unwrap_or(SupportPlan::Standard),
        access_granted: row.try_get(5)?,
        contact: Contact {
            name: row.try_get(6)?,
            email: row.try_get(7)?,
            phone: row.try_get(8)?,
        },
    })
}

const CASE_COLUMNS: &str = "c.id, c.customer_id, cu.display_name, c.reseller_domain, c.product, \
    c.display_name, c.description, c.classification, c.priority, c.state, c.language_code, \
    c.time_zone, c.escalation_reason, c.escalation_justification, c.escalated_by, \
    c.escalate_time, c.subscribers, c.creator, c.create_time, c.update_time, c.close_time, \
    c.comment_count, c.attachment_count, c.sev_rank";

const CASE_FROM: &str = "FROM cases c JOIN customers cu ON cu.id = c.customer_id";

/// Number of columns of [`CASE_COLUMNS`].
const CASE_COLUMN_COUNT: usize = 24;

fn case_from_row(row: &Row) -> Result<Case, StoreError> {
    let id: i64 = row.try_get(0)?;
    let classification: String = row.try_get(7)?;
    let state: String = row.try_get(9)?;
    let escalation_reason: Option<String> = row.try_get(12)?;
    let subscribers: String = row.try_get(16)?;
    let escalation = match escalation_reason {
        Some(reason) => Some(Escalation {
            reason: reason
                .parse::<EscalationReason>()
                .map_err(StoreError::Corrupt)?,
            justification: row.try_get::<_, Option<String>>(13)?.unwrap_or_default(),
            escalated_by: row.try_get::<_, Option<String>>(14)?.unwrap_or_default(),
            escalate_time: from_micros(row.try_get::<_, Option<i64>>(15)?.unwrap_or_default())?,
        }),
        None => None,
    };
    Ok(Case {
        id: id as u64,
        name: format!("cases/{id}"),
        customer: row.try_get(1)?,
        customer_display_name: row.try_get(2)?,
        reseller_domain: row.try_get(3)?,
        product: row.try_get(4)?,
        display_name: row.try_get(5)?,
        description: row.try_get(6)?,
        classification: catalogue::find(&classification)
            .cloned()
            .unwrap_or_else(|| catalogue::unknown(&classification)),
        priority: priority_from_number(row.try_get(8)?)?,
        state: state.parse().map_err(StoreError::Corrupt)?,
        language_code: row.try_get(10)?,
        time_zone: row.try_get(11)?,
        escalated: escalation.is_some(),
        escalation,
        subscriber_email_addresses: serde_json::from_str(&subscribers)
            .map_err(|e| StoreError::Corrupt(format!("subscribers of case {id}: {e}")))?,
        creator: row.try_get(17)?,
        create_time: from_micros(row.try_get(18)?)?,
        update_time: from_micros(row.try_get(19)?)?,
        close_time: row
            .try_get::<_, Option<i64>>(20)?
            .map(from_micros)
            .transpose()?,
        comment_count: row.try_get::<_, i64>(21)? as _,
        attachment_count: row.try_get::<_, i64>(22)? as _,
        unread: None,
    })
}

fn comment_from_row(row: &Row) -> Result<Comment, StoreError> {
    let role: String = row.try_get(4)?;
    Ok(Comment {
        id: row.try_get::<_, i64>(0)? as u64,
        case_id: row.try_get::<_, i64>(1)? as u64,
        body: row.try_get(2)?,
        author: row.try_get(3)?,
        author_role: if role == "support" {
            AuthorRole::Support
        } else {
            AuthorRole::Reseller
        },
        create_time: from_micros(row.try_get(5)?)?,
    })
}

const ATTACHMENT_COLUMNS: &str =
    "id, case_id, filename, size_bytes, sha256, mime_type, creator, create_time";

fn attachment_from_row(row: &Row) -> Result<Attachment, StoreError> {
    Ok(Attachment {
        id: row.try_get::<_, i64>(0)? as u64,
        case_id: row.try_get::<_, i64>(1)? as u64,
        filename: row.try_get(2)?,
        size_bytes: row.try_get::<_, i64>(3)? as u64,
        sha256: row.try_get(4)?,
        mime_type: row.try_get(5)?,
        creator: row.try_get(6)?,
        create_time: from_micros(row.try_get(7)?)?,
    })
}

/// Writes the rows of one `COPY`, each through the function it is given.
type CopyRows<'r> = dyn FnMut(&mut WriteRow) -> Result<(), StoreError> + 'r;
type WriteRow<'w> = dyn FnMut(&[&(dyn ToSql + Sync)]) -> Result<(), StoreError> + 'w;

/// The `tsquery` of a list's keywords: every keyword as a word prefix. Keywords hold only
/// letters and digits, so none is an operator of the query syntax.
fn ts_query(keywords: &[String]) -> Option<String> {
    (!keywords.is_empty()).then(|| {
        keywords
            .iter()
            .map(|w| format!("{w}:*"))
            .collect::<Vec<_>>()
            .join(" & ")
    })
}

/// SQL text and its parameters, numbered as they are pushed.
#[derive(Default)]
struct Sql {
    text: String,
    args: Vec<Box<dyn ToSql + Sync + Send>>,
}

impl Sql {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends `text` with its `?` replaced by the next parameter's `$n`.
    fn bind(&mut self, text: &str, value: impl ToSql + Sync + Send + 'static) {
        self.args.push(Box::new(value));
        let n = format!("${}", self.args.len());
        self.text.push_str(&text.replacen('?', &n, 1));
    }

    /// Adds a parameter and answers its `$n`, for text that names it more than once.
    fn param(&mut self, value: impl ToSql + Sync + Send + 'static) -> String {
        self.args.push(Box::new(value));
        format!("${}", self.args.len())
    }

    fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.args
            .iter()
            .map(|a| a.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
}

/// Which parts of a list's WHERE clause to write, and how.
#[derive(Clone, Copy)]
struct Where {
    /// The keyword match.
    keywords: bool,
    /// The conditions on the viewer's read marker (`r`, joined outside a bounded walk).
    reads: bool,
    /// Written so that no b-tree can serve them (`+ 0`, `|| ''`): the keyword index is then
    /// the planner's only way in ([`Plan::Hits`]).
    unindexed: bool,
}

impl Where {
    /// Every condition, as any b-tree may serve it.
    const EVERY: Where = Where {
        keywords: true,
        reads: true,
        unindexed: false,
    };
}

/// How a list with keywords is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Down the order's b-tree, testing each case: a page of a common word at once.
    Walk,
    /// At most this many cases down the order's b-tree, testing each.
    BoundedWalk(i64),
    /// The keyword index's hits, then sorted: what a rare or absent word needs.
    Hits,
}

/// How many of the newest cases a keyword list tests, at least, before it asks the keyword
/// index instead (and all it tests when nothing says how frequent its words are).
const WALK_BOUND: i64 = 4_000;

/// The most cases a keyword list tests down the b-tree: for words that are frequent among
/// older cases but absent from the newest ones, the walk gives up here.
const MAX_WALK: i64 = 100_000;

/// Up to this many expected hits, a keyword list takes the keyword index's hits and sorts
/// them rather than walking the b-tree.
const FEW_HITS: f64 = 2_000.0;

/// Reading and sorting one hit of the keyword index costs about as much as testing this many
/// cases down the b-tree (measured at 1,000,000 cases: 27,000 hits in 100 ms, a walk of 4,000
/// cases in 1.4 ms).
const CASES_PER_HIT: f64 = 10.0;

/// How long the words' frequencies are trusted before they are read again.
const WORD_STATS_TTL: Duration = Duration::from_secs(60);

/// How often the words of the keyword index appear: PostgreSQL's own statistics of
/// `cases.search` (its most common elements, which `ANALYZE` and autovacuum keep), read at
/// most once a minute. The planner's estimate of a prefix query is poor (an absent word
/// looked common, a common one rare), so a keyword list chooses its plan from these.
struct WordStats {
    /// (word, share of the cases that hold it), by word
    words: Vec<(String, f64)>,
    /// the share of the least common listed word: no unlisted word is more common
    floor: f64,
    /// how many cases the table holds
    rows: f64,
}

/// The words' frequencies, and when they were read (`None`: no statistics yet).
type WordStatsCache = std::sync::Mutex<Option<(std::time::Instant, Option<Arc<WordStats>>)>>;

impl WordStats {
    fn read(tx: &PgTx) -> Result<Option<WordStats>, StoreError> {
        let Some(row) = tx.query_before_begin(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples::float8
               FROM pg_stats s
               JOIN pg_namespace n ON n.nspname = s.schemaname
               JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
              WHERE s.schemaname = current_schema() AND s.tablename = 'cases'
                AND s.attname = 'search'",
            &[],
        )?
        .into_iter()
        .next() else {
            return Ok(None);
        };
        let words: Option<Vec<String>> = row.try_get(0)?;
        let shares: Option<Vec<f32>> = row.try_get(1)?;
        let rows: f64 = row.try_get(2)?;
        let (Some(words), Some(shares)) = (words, shares) else {
            return Ok(None);
        };
        // the shares end with the least and the greatest of them, then that of empty values
        if words.is_empty() || shares.len() < words.len() + 1 || rows <= 0.0 {
            return Ok(None);
        }
        let floor = f64::from(shares[words.len()]);
        let mut words: Vec<(String, f64)> = words
            .into_iter()
            .zip(shares.iter().map(|s| f64::from(*s)))
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Some(WordStats { words, floor, rows }))
    }

    /// The share of the cases that hold a word `prefix` begins (at most: a case may hold
    /// several), and whether the statistics list such a word (otherwise the share is a guess
    /// below that of the least common listed word).
    fn prefix_share(&self, prefix: &str) -> (f64, bool) {
        let start = self.words.partition_point(|(w, _)| w.as_str() < prefix);
        let share: f64 = self.words[start..]
            .iter()
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|(_, s)| s)
            .sum();
        if share > 0.0 {
            (share.min(1.0), true)
        } else {
            (self.floor / 2.0, false)
        }
    }

    /// How many cases are expected to hold every keyword (taken as independent), and whether
    /// that rests on a guess for a word the statistics do not list.
    fn expected_hits(&self, keywords: &[String]) -> (f64, bool) {
        let mut share = 1.0;
        let mut guessed = false;
        for keyword in keywords {
            let (s, listed) = self.prefix_share(keyword);
            share *= s;
            guessed |= !listed;
        }
        (share * self.rows, guessed)
    }
}

/// A keyword list's bounded walk down a domain's (update time) b-tree that tests each case's
/// word signature (`search_sig`, see the schema) in the b-tree itself, and reads the heap row
/// (to test its words, and the list's other conditions) only of a case whose signature has
/// every keyword's bits: a rare word's page lies thousands of cases down, and most of them
/// are then never read. `as_of`: the snapshot whose later writes the walk leaves out (`None`:
/// the transaction's own, which sees none).
fn signature_walk_sql(
    filter: &CaseFilter,
    domain: &str,
    as_of: Option<i64>,
    after: Option<CaseCursor>,
    bound: i64,
    limit: u32,
) -> Sql {
    let mut sql = Sql::default();
    sql.push(&format!(
        "SELECT {CASE_COLUMNS}, c.unread_flag FROM (SELECT c.*, {} AS unread_flag FROM \
         (SELECT w.id, w.update_time FROM \
         (SELECT c.id, c.update_time, c.search_sig FROM cases c",
        unread_column(filter)
    ));
    sql.bind(" WHERE c.reseller_domain = ?", domain.to_string());
    if let Some(as_of) = as_of {
        sql.bind(" AND c.update_seq <= ?", as_of);
    }
    if let Some(cursor) = after {
        sql.bind(" AND (c.update_time, c.id) < (?", cursor.time);
        sql.bind(", ?)", cursor.id);
    }
    sql.bind(
        " ORDER BY c.update_time DESC, c.id DESC LIMIT ?) w WHERE TRUE",
        bound,
    );
    // The bits, computed once (an init plan); `<> 0` rather than `= 1` because the planner,
    // which cannot know how often a bit is set, takes `= 1` for a test that leaves almost no
    // case, and then plans the rest (the customers' join) for one row.
    let keywords = sql.param(filter.keywords.clone());
    for bit in 1..=2 * filter.keywords.len() {
        sql.push(&format!(
            " AND get_bit(w.search_sig, (SELECT (case_word_bits({keywords}::text[]))[{bit}])) <> 0"
        ));
    }
    // each case that may hold the words read by its id (OFFSET 0: the planner may not turn
    // this into a join that reads the keyword index's hits instead), newest first as walked;
    // the page's customers joined after (as for the hits: planned for the few rows the
    // planner expects, their join scanned every customer for each case)
    sql.push(") w CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.id = w.id OFFSET 0) c");
    reads_join_sql(filter, &mut sql);
    filter_sql(filter, &mut sql, Where::EVERY);
    sql.bind(
        " ORDER BY w.update_time DESC, w.id DESC LIMIT ?) c \
         JOIN customers cu ON cu.id = c.customer_id ORDER BY c.update_time DESC, c.id DESC",
        i64::from(limit) + 1,
    );
    sql
}

fn filter_sql(filter: &CaseFilter, sql: &mut Sql, parts: Where) {
    sql.push(" WHERE TRUE");
    if parts.keywords
        && let Some(query) = ts_query(&filter.keywords)
    {
        // the query parsed once (an init plan), not for each case a generic plan tests
        sql.bind(" AND c.search @@ (SELECT to_tsquery('simple', ?))", query);
    }
    if let Some(domain) = &filter.reseller_domain {
        if parts.unindexed {
            sql.bind(" AND c.reseller_domain || '' = ?", domain.clone());
        } else {
            sql.bind(" AND c.reseller_domain = ?", domain.clone());
        }
    }
    if let Some(customer) = &filter.customer {
        if parts.unindexed {
            sql.bind(" AND c.customer_id || '' = ?", customer.clone());
        } else {
            sql.bind(" AND c.customer_id = ?", customer.clone());
        }
    }
    match filter.state {
        StateFilter::All => {}
        StateFilter::Open => sql.push(" AND c.state <> 'closed'"),
        StateFilter::Only(state) => sql.bind(" AND c.state = ?", state.as_str().to_string()),
    }
    if !filter.priorities.is_empty() {
        let numbers: Vec<i64> = filter
            .priorities
            .iter()
            .map(|p| priority_number(*p))
            .collect();
        sql.bind(" AND c.priority = ANY(?)", numbers);
    }
    if let Some(since) = filter.updated_since {
        sql.bind(" AND c.update_time >= ?", to_micros(since));
    }
    if let Some(since) = filter.created_since {
        sql.bind(" AND c.create_time >= ?", to_micros(since));
    }
    if parts.reads {
        unread_sql(filter, sql);
    }
}

/// The `unread=true` condition (on the viewer's read marker `r`, joined by [`reads_join_sql`]).
fn unread_sql(filter: &CaseFilter, sql: &mut Sql) {
    if filter.unread_only {
        sql.push(if filter.viewer.is_some() {
            " AND c.support_seq > COALESCE(r.read_seq, 0)"
        } else {
            " AND c.support_seq > 0"
        });
    }
}

fn reads_join_sql(filter: &CaseFilter, sql: &mut Sql) {
    if let Some(user) = filter.viewer {
        sql.bind(
            " LEFT JOIN case_reads r ON r.user_id = ? AND r.case_id = c.id",
            user,
        );
    }
}

fn unread_column(filter: &CaseFilter) -> &'static str {
    if filter.viewer.is_some() {
        "(c.support_seq > COALESCE(r.read_seq, 0))"
    } else {
        "NULL::boolean"
    }
}

fn cursor_of(case: &Case, order: CaseOrder, rank: i64) -> CaseCursor {
    match order {
        CaseOrder::Updated => CaseCursor {
            rank: 0,
            time: to_micros(case.update_time),
            id: case.id as i64,
        },
        CaseOrder::Created => CaseCursor {
            rank: 0,
            time: to_micros(case.create_time),
            id: case.id as i64,
        },
        CaseOrder::Severity => CaseCursor {
            rank,
            time: to_micros(case.update_time),
            id: case.id as i64,
        },
    }
}

impl Tx for PgTx<'_> {
    fn domain_exists(&self, domain: &str) -> Result<bool, StoreError> {
        Ok(self
            .query_opt("SELECT 1 FROM domains WHERE name = $1", &[&domain])?
            .is_some())
    }

    fn insert_domain(&self, domain: &str, now: Timestamp) -> Result<bool, StoreError> {
        Ok(self.execute(
            "INSERT INTO domains(name, create_time) VALUES ($1, $2) ON CONFLICT(name) DO NOTHING",
            &[&domain, &to_micros(now)],
        )? == 1)
    }

    fn find_user(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        self.query_opt(
            &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.email = $1"),
            &[&email],
        )?
        .map(|r| user_from_row(&r, 0))
        .transpose()
    }

    fn upsert_user(
        &self,
        email: &str,
        domain: Option<&str>,
        role: Role,
        privileges: &[Privilege],
        now: Timestamp,
    ) -> Result<UserRecord, StoreError> {
        self.execute(
            "INSERT INTO users(id, email, domain, role, privileges, create_time) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM users), $1, $2, $3, $4, $5)
             ON CONFLICT(email) DO UPDATE SET domain = excluded.domain, role = excluded.role,
                 privileges = excluded.privileges",
            &[
                &email,
                &domain,
                &role_text(role),
                &privileges_to_text(privileges),
                &to_micros(now),
            ],
        )?;
        self.find_user(email)?
            .ok_or_else(|| StoreError::Corrupt(format!("user {email} vanished")))
    }

    fn insert_token(
        &self,
        user_id: i64,
        token_hash: &[u8],
        now: Timestamp,
        expire_time: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        self.execute(
            "INSERT INTO tokens(id, user_id, token_hash, create_time, expire_time) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM tokens), $1, $2, $3, $4)",
            &[
                &user_id,
                &token_hash,
                &to_micros(now),
                &expire_time.map(to_micros),
            ],
        )?;
        Ok(())
    }

    fn find_token(&self, token_hash: &[u8]) -> Result<Option<TokenRecord>, StoreError> {
        self.query_opt(
            &format!("SELECT {TOKEN_COLUMNS} {TOKEN_FROM} WHERE t.token_hash = $1"),
            &[&token_hash],
        )?
        .map(|row| token_from_row(&row, 0))
        .transpose()
    }

    fn find_token_and_case(
        &self,
        token_hash: &[u8],
        id: u64,
    ) -> Result<(Option<TokenRecord>, Option<Case>), StoreError> {
        let Ok(id) = i64::try_from(id) else {
            return Ok((self.find_token(token_hash)?, None)); // no such case
        };
        let Some(row) = self.query_opt(
            &format!(
                "SELECT {CASE_COLUMNS}, c.support_seq > COALESCE(r.read_seq, 0), {TOKEN_COLUMNS}
                 {TOKEN_FROM}
                 LEFT JOIN (cases c JOIN customers cu ON cu.id = c.customer_id) ON c.id = $2
                 LEFT JOIN case_reads r ON r.user_id = u.id AND r.case_id = c.id
                 WHERE t.token_hash = $1"
            ),
            &[&token_hash, &id],
        )?
        else {
            return Ok((None, None));
        };
        let token = token_from_row(&row, CASE_COLUMN_COUNT + 1)?;
        let case = match row.try_get::<_, Option<i64>>(0)? {
            Some(_) => {
                let mut case = case_from_row(&row)?;
                case.unread = Some(row.try_get(CASE_COLUMN_COUNT)?);
                Some(case)
            }
            None => None,
        };
        Ok((Some(token), case))
    }

    fn revoke_user_tokens(&self, user_id: i64, now: Timestamp) -> Result<usize, StoreError> {
        Ok(self.execute(
            "UPDATE tokens SET revoke_time = $2 WHERE user_id = $1 AND revoke_time IS NULL",
            &[&user_id, &to_micros(now)],
        )? as usize)
    }

    fn revoke_token(
        &self,
        user_id: i64,
        token_hash: &[u8],
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        Ok(self.execute(
            "UPDATE tokens SET revoke_time = $3
             WHERE user_id = $1 AND token_hash = $2 AND revoke_time IS NULL",
            &[&user_id, &token_hash, &to_micros(now)],
        )? == 1)
    }

    fn find_customer(&self, id: &str) -> Result<Option<Customer>, StoreError> {
        self.query_opt(
            &format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = $1"),
            &[&id],
        )?
        .map(|r| customer_from_row(&r))
        .transpose()
    }

    fn upsert_customer(&self, c: &Customer) -> Result<(), StoreError> {
        self.execute(
            &format!(
                "INSERT INTO customers({CUSTOMER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                 ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name,
                     primary_domain = excluded.primary_domain, reseller_domain = excluded.reseller_domain,
                     plan = excluded.plan, access_granted = excluded.access_granted,
                     contact_name = excluded.contact_name, contact_email = excluded.contact_email,
                     contact_phone = excluded.contact_phone"
            ),
            &[
                &c.id,
                &c.display_name,
                &c.primary_domain,
                &c.reseller_domain,
                &c.plan.as_str(),
                &c.access_granted,
                &c.contact.name,
                &c.contact.email,
                &c.contact.phone,
            ],
        )?;
        Ok(())
    }

    fn list_customers(
        &self,
        reseller_domain: &str,
        keyword: Option<&str>,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Customer>, StoreError> {
        // LIKE of the SQLite engine: case-insensitive, % and _ taken out of the keyword
        let pattern = keyword.map(|k| format!("%{}%", k.replace(['%', '_', '\\'], "")));
        self.query(
            &format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers
                 WHERE reseller_domain = $1 AND id COLLATE \"C\" > $2
                   AND ($3::text IS NULL OR id ILIKE $3 OR display_name ILIKE $3
                        OR primary_domain ILIKE $3)
                 ORDER BY id COLLATE \"C\" LIMIT $4"
            ),
            &[
                &reseller_domain,
                &after.unwrap_or(""),
                &pattern,
                &i64::from(limit),
            ],
        )?
        .iter()
        .map(customer_from_row)
        .collect()
    }

    fn first_agent(&self) -> Result<Option<UserRecord>, StoreError> {
        self.query_opt(
            &format!(
                "SELECT {USER_COLUMNS} FROM users u WHERE u.role = 'agent' ORDER BY u.id LIMIT 1"
            ),
            &[],
        )?
        .map(|r| user_from_row(&r, 0))
        .transpose()
    }

    fn insert_case(&self, new: &NewCase) -> Result<u64, StoreError> {
        let subscribers = serde_json::to_string(&new.subscribers)
            .map_err(|e| StoreError::Corrupt(format!("subscribers: {e}")))?;
        // the case and its first write (`record_write`'s) in one statement: inserted already
        // stamped, the row is not written again (each of its indexes, keywords and all)
        let id: i64 = self
            .query_one(
                &format!(
                    "WITH write AS (SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM case_updates),
                     filed AS (
                     INSERT INTO cases(id, customer_id, reseller_domain, product, display_name, description,
                         classification, priority, sev_rank, state, language_code, time_zone, subscribers,
                         creator, create_time, update_time, update_seq, request_id, request_fingerprint,
                         search)
                     VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM cases), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14,
                         (SELECT seq FROM write), $15, $16,
                         {})
                     RETURNING id, update_time, update_seq, sev_rank)
                     INSERT INTO case_updates(seq, case_id, update_time, sev_rank)
                     SELECT update_seq, id, update_time, sev_rank FROM filed
                     RETURNING case_id",
                    schema::SEARCH_VECTOR
                        .replace("display_name", "$4::text")
                        .replace("description", "$5::text")
                        .replace("messages", "''")
                ),
                &[
                    &new.customer,
                    &new.reseller_domain,
                    &PRODUCT_GOOGLE_WORKSPACE,
                    &new.display_name,
                    &new.description,
                    &new.classification,
                    &priority_number(new.priority),
                    &sev_rank(new.priority),
                    &new.state.as_str(),
                    &new.language_code,
                    &new.time_zone,
                    &subscribers,
                    &new.creator,
                    &to_micros(new.create_time),
                    &new.request_id,
                    &new.request_fingerprint,
                ],
            )?
            .get(0);
        let mut event = CaseEvent::new(
            id as u64,
            new.create_time,
            &new.creator,
            CaseEventKind::Created,
        );
        event.title = Some(new.display_name.clone());
        event.severity = Some(new.priority);
        self.insert_event(&event)?;
        Ok(id as u64)
    }

    fn find_case_by_request(
        &self,
        reseller_domain: &str,
        request_id: &str,
    ) -> Result<Option<(u64, String)>, StoreError> {
        Ok(self
            .query_opt(
                "SELECT id, request_fingerprint FROM cases WHERE reseller_domain = $1 AND request_id = $2",
                &[&reseller_domain, &request_id],
            )?
            .map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
    }

    fn domain_filed_for(&self, reseller_domain: &str, customer: &str) -> Result<bool, StoreError> {
        Ok(self
            .query_opt(
                "SELECT 1 FROM cases WHERE reseller_domain = $1 AND customer_id = $2 LIMIT 1",
                &[&reseller_domain, &customer],
            )?
            .is_some())
    }

    fn find_case(&self, id: u64) -> Result<Option<Case>, StoreError> {
        let Ok(id) = i64::try_from(id) else {
            return Ok(None);
        };
        self.query_opt(
            &format!("SELECT {CASE_COLUMNS} {CASE_FROM} WHERE c.id = $1"),
            &[&id],
        )?
        .map(|r| case_from_row(&r))
        .transpose()
    }

    fn get_case(&self, id: u64) -> Result<Case, StoreError> {
        self.find_case(id)?
            .ok_or_else(|| StoreError::Corrupt(format!("case {id} vanished")))
    }

    fn update_case_fields(
        &self,
        id: u64,
        display_name: Option<&str>,
        priority: Option<Severity>,
        actor: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let before = self.get_case(id)?;
        if let Some(title) = display_name.filter(|t| *t != before.display_name) {
            let mut event = CaseEvent::new(id, now, actor, CaseEventKind::TitleChanged);
            event.from = Some(before.display_name.clone());
            event.to = Some(title.to_string());
            self.insert_event(&event)?;
            self.execute(
                &format!(
                    "UPDATE cases SET display_name = $2, search = {} WHERE id = $1",
                    schema::SEARCH_VECTOR.replace("display_name", "$2::text")
                ),
                &[&(id as i64), &title],
            )?;
        }
        if let Some(p) = priority.filter(|p| *p != before.priority) {
            let mut event = CaseEvent::new(id, now, actor, CaseEventKind::SeverityChanged);
            event.from = Some(before.priority.as_str().to_string());
            event.to = Some(p.as_str().to_string());
            self.insert_event(&event)?;
            self.execute(
                "UPDATE cases SET priority = $2, sev_rank = $3 WHERE id = $1",
                &[&(id as i64), &priority_number(p), &sev_rank(p)],
            )?;
        }
        self.record_write(id as i64, now)
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
        let before: String = self
            .query_one("SELECT state FROM cases WHERE id = $1", &[&(id as i64)])?
            .get(0);
        if before != state.as_str() {
            let mut event = CaseEvent::new(id, now, actor, CaseEventKind::StateChanged);
            event.from = Some(before);
            event.to = Some(state.as_str().to_string());
            event.via = Some(via);
            self.insert_event(&event)?;
        }
        self.execute(
            "UPDATE cases SET state = $2, close_time = $3 WHERE id = $1",
            &[&(id as i64), &state.as_str(), &close_time.map(to_micros)],
        )?;
        self.record_write(id as i64, now)
    }

    fn set_case_escalation(
        &self,
        id: u64,
        escalation: &Escalation,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.execute(
            "UPDATE cases SET escalation_reason = $2, escalation_justification = $3,
                 escalated_by = $4, escalate_time = $5 WHERE id = $1",
            &[
                &(id as i64),
                &escalation.reason.as_str(),
                &escalation.justification,
                &escalation.escalated_by,
                &to_micros(escalation.escalate_time),
            ],
        )?;
        let mut event = CaseEvent::new(
            id,
            escalation.escalate_time,
            &escalation.escalated_by,
            CaseEventKind::Escalated,
        );
        event.reason = Some(escalation.reason);
        event.justification = Some(escalation.justification.clone());
        self.insert_event(&event)?;
        self.record_write(id as i64, now)
    }

    fn set_case_subscribers(
        &self,
        id: u64,
        subscribers: &[String],
        actor: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let before = self.get_case(id)?.subscriber_email_addresses;
        let mut event = CaseEvent::new(id, now, actor, CaseEventKind::SharingChanged);
        event.added = subscribers
            .iter()
            .filter(|s| !before.contains(s))
            .cloned()
            .collect();
        event.removed = before
            .iter()
            .filter(|s| !subscribers.contains(s))
            .cloned()
            .collect();
        if !event.added.is_empty() || !event.removed.is_empty() {
            self.insert_event(&event)?;
        }
        let text = serde_json::to_string(subscribers)
            .map_err(|e| StoreError::Corrupt(format!("subscribers: {e}")))?;
        self.execute(
            "UPDATE cases SET subscribers = $2 WHERE id = $1",
            &[&(id as i64), &text],
        )?;
        self.record_write(id as i64, now)
    }

    fn insert_comment(
        &self,
        case_id: u64,
        body: &str,
        author: &str,
        role: AuthorRole,
        now: Timestamp,
    ) -> Result<Comment, StoreError> {
        let id: i64 = self
            .query_one(
                "INSERT INTO comments(id, case_id, body, author, author_role, create_time)
                 VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM comments), $1, $2, $3, $4, $5) RETURNING id",
                &[
                    &(case_id as i64),
                    &body,
                    &author,
                    &author_role_text(role),
                    &to_micros(now),
                ],
            )?
            .get(0);
        self.execute(
            "UPDATE cases SET comment_count = comment_count + 1,
                 messages = messages || chr(10) || $2,
                 search = search || to_tsvector('simple', regexp_replace($2, '[^[:alnum:]]+', ' ', 'g'))
             WHERE id = $1",
            &[&(case_id as i64), &body],
        )?;
        self.record_write(case_id as i64, now)?;
        if role == AuthorRole::Support {
            self.note_support_activity(case_id)?;
        }
        let mut event = CaseEvent::new(case_id, now, author, CaseEventKind::Message);
        event.comment_id = Some(id as u64);
        event.author_role = Some(role);
        event.body = Some(body.to_string());
        self.insert_event(&event)?;
        Ok(Comment {
            id: id as u64,
            case_id,
            body: body.to_string(),
            author: author.to_string(),
            author_role: role,
            create_time: now,
        })
    }

    fn list_comments(
        &self,
        case_id: u64,
        after: u64,
        limit: u32,
    ) -> Result<Vec<Comment>, StoreError> {
        let after = i64::try_from(after).unwrap_or(i64::MAX);
        self.query(
            "SELECT id, case_id, body, author, author_role, create_time FROM comments
             WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            &[&(case_id as i64), &after, &i64::from(limit)],
        )?
        .iter()
        .map(comment_from_row)
        .collect()
    }

    fn insert_blob(&self, sha256: &str, data: &[u8]) -> Result<(), StoreError> {
        self.insert_blob_from(sha256, data.len() as u64, &mut &data[..])
    }

    fn insert_blob_from(
        &self,
        sha256: &str,
        size: u64,
        content: &mut dyn std::io::Read,
    ) -> Result<(), StoreError> {
        let Some(row) = self.query_opt(
            "INSERT INTO blobs(id, sha256, size) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM blobs), $1, $2)
             ON CONFLICT(sha256) DO NOTHING RETURNING id",
            &[&sha256, &(size as i64)],
        )?
        else {
            return Ok(()); // stored before: kept as is
        };
        let blob_id: i64 = row.get(0);
        let mut copied = 0u64;
        let mut chunk = 0i64;
        let mut buf = vec![0u8; CHUNK_BYTES];
        loop {
            // fill a whole chunk (a read may answer less)
            let mut filled = 0;
            while filled < CHUNK_BYTES {
                let n = content
                    .read(&mut buf[filled..])
                    .map_err(|e| StoreError::Corrupt(format!("cannot store an upload: {e}")))?;
                if n == 0 {
                    break;
                }
                filled += n;
            }
            if filled == 0 {
                break;
            }
            self.execute(
                "INSERT INTO blob_chunks(blob_id, chunk, data) VALUES ($1, $2, $3)",
                &[&blob_id, &chunk, &&buf[..filled]],
            )?;
            copied += filled as u64;
            chunk += 1;
            if filled < CHUNK_BYTES {
                break;
            }
        }
        if copied != size {
            return Err(StoreError::Corrupt(format!(
                "an upload of {size} bytes had {copied}"
            )));
        }
        Ok(())
    }

    fn find_blob(&self, sha256: &str) -> Result<Option<BlobRef>, StoreError> {
        Ok(self
            .query_opt("SELECT id, size FROM blobs WHERE sha256 = $1", &[&sha256])?
            .map(|r| BlobRef {
                key: r.get(0),
                size: r.get::<_, i64>(1) as u64,
            }))
    }

    fn read_blob(&self, blob: &BlobRef, offset: u64, len: u64) -> Result<Vec<u8>, StoreError> {
        let end = offset.saturating_add(len).min(blob.size);
        if offset >= end {
            return Ok(Vec::new());
        }
        let first = (offset / CHUNK_BYTES as u64) as i64;
        let last = ((end - 1) / CHUNK_BYTES as u64) as i64;
        let rows = self.query(
            "SELECT chunk, data FROM blob_chunks WHERE blob_id = $1 AND chunk BETWEEN $2 AND $3
             ORDER BY chunk",
            &[&blob.key, &first, &last],
        )?;
        let mut out = Vec::with_capacity((end - offset) as usize);
        for row in rows {
            let chunk: i64 = row.get(0);
            let data: &[u8] = row.get(1);
            let start = chunk as u64 * CHUNK_BYTES as u64;
            let from = offset.saturating_sub(start) as usize;
            let to = ((end - start) as usize).min(data.len());
            if from < to {
                out.extend_from_slice(&data[from..to]);
            }
        }
        Ok(out)
    }

    fn insert_attachment(&self, a: &NewAttachment) -> Result<Attachment, StoreError> {
        let id: i64 = self
            .query_one(
                "INSERT INTO attachments(id, case_id, filename, size_bytes, sha256, mime_type, creator,
                     create_time)
                 VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM attachments), $1, $2, $3, $4, $5, $6, $7) RETURNING id",
                &[
                    &(a.case_id as i64),
                    &a.filename,
                    &(a.size_bytes as i64),
                    &a.sha256,
                    &a.mime_type,
                    &a.creator,
                    &to_micros(a.now),
                ],
            )?
            .get(0);
        self.execute(
            "UPDATE cases SET attachment_count = attachment_count + 1 WHERE id = $1",
            &[&(a.case_id as i64)],
        )?;
        self.record_write(a.case_id as i64, a.now)?;
        let mut event = CaseEvent::new(a.case_id, a.now, a.creator, CaseEventKind::AttachmentAdded);
        event.attachment_id = Some(id as u64);
        event.filename = Some(a.filename.to_string());
        event.size_bytes = Some(a.size_bytes);
        self.insert_event(&event)?;
        Ok(Attachment {
            id: id as u64,
            case_id: a.case_id,
            filename: a.filename.to_string(),
            size_bytes: a.size_bytes,
            sha256: a.sha256.to_string(),
            mime_type: a.mime_type.to_string(),
            creator: a.creator.to_string(),
            create_time: a.now,
        })
    }

    fn list_attachments(&self, case_id: u64) -> Result<Vec<Attachment>, StoreError> {
        self.query(
            &format!("SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE case_id = $1 ORDER BY id"),
            &[&(case_id as i64)],
        )?
        .iter()
        .map(attachment_from_row)
        .collect()
    }

    fn find_attachment(
        &self,
        case_id: u64,
        attachment_id: u64,
    ) -> Result<Option<Attachment>, StoreError> {
        let (Ok(case_id), Ok(attachment_id)) =
            (i64::try_from(case_id), i64::try_from(attachment_id))
        else {
            return Ok(None);
        };
        self.query_opt(
            &format!("SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE case_id = $1 AND id = $2"),
            &[&case_id, &attachment_id],
        )?
        .map(|r| attachment_from_row(&r))
        .transpose()
    }

    fn note_support_activity(&self, case_id: u64) -> Result<(), StoreError> {
        self.execute(
            "UPDATE cases SET support_seq = update_seq WHERE id = $1",
            &[&(case_id as i64)],
        )?;
        Ok(())
    }

    fn mark_case_read(
        &self,
        user_id: i64,
        case_id: u64,
        up_to: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let seq: i64 = match up_to {
            None => self
                .query_one("SELECT update_seq FROM cases WHERE id = $1", &[&(case_id as i64)])?
                .get(0),
            Some(time) => self
                .query_one(
                    "SELECT COALESCE(MAX(seq), 0) FROM case_updates WHERE case_id = $1 AND update_time <= $2",
                    &[&(case_id as i64), &to_micros(time)],
                )?
                .get(0),
        };
        self.execute(
            "INSERT INTO case_reads(user_id, case_id, read_seq, read_time) VALUES ($1, $2, $3, $4)
             ON CONFLICT(user_id, case_id) DO UPDATE
             SET read_seq = GREATEST(case_reads.read_seq, excluded.read_seq),
                 read_time = excluded.read_time",
            &[&user_id, &(case_id as i64), &seq, &to_micros(now)],
        )?;
        Ok(())
    }

    fn case_unread(&self, user_id: i64, case_id: u64) -> Result<bool, StoreError> {
        Ok(self
            .query_opt(
                "SELECT c.support_seq > COALESCE(r.read_seq, 0) FROM cases c
                 LEFT JOIN case_reads r ON r.user_id = $1 AND r.case_id = c.id
                 WHERE c.id = $2",
                &[&user_id, &(case_id as i64)],
            )?
            .map(|r| r.get::<_, bool>(0))
            .unwrap_or(false))
    }

    fn latest_case_write(&self) -> Result<i64, StoreError> {
        const LATEST: &str = "SELECT COALESCE(MAX(seq), 0)::bigint FROM case_updates";
        let Begin::Pending(begin) = self.begin.get() else {
            return Ok(self.query_one(LATEST, &[])?.get(0));
        };
        // the transaction's first statement: in the round trip of its BEGIN (the simple
        // protocol takes several statements, and answers in text)
        self.begin.set(Begin::Sent);
        let answer = self
            .conn
            .borrow_mut()
            .client
            .simple_query(&format!("{begin}; {LATEST}"))?;
        // the last row: BEGIN's own statements may answer some (a write's lock)
        let latest = answer.iter().rev().find_map(|message| match message {
            ::postgres::SimpleQueryMessage::Row(row) => row.get(0),
            _ => None,
        });
        latest
            .and_then(|text| text.parse().ok())
            .ok_or_else(|| StoreError::Corrupt(format!("no number from {LATEST}")))
    }

    fn count_cases_by_state(
        &self,
        filter: &CaseFilter,
    ) -> Result<Vec<(CaseState, u64)>, StoreError> {
        let any_state = CaseFilter {
            state: StateFilter::All,
            ..filter.clone()
        };
        let mut sql = Sql::default();
        sql.push("SELECT c.state, COUNT(*) FROM cases c");
        reads_join_sql(&any_state, &mut sql);
        filter_sql(
            &any_state,
            &mut sql,
            Where {
                keywords: true,
                reads: true,
                unindexed: false,
            },
        );
        sql.push(" GROUP BY c.state");
        let mut counts: Vec<(CaseState, u64)> = CaseState::ALL.iter().map(|s| (*s, 0)).collect();
        for row in self.query(&sql.text, &sql.params())? {
            let state: String = row.try_get(0)?;
            let count: i64 = row.try_get(1)?;
            if let Some(slot) = counts.iter_mut().find(|(s, _)| s.as_str() == state) {
                slot.1 = u64::try_from(count).unwrap_or(0);
            }
        }
        Ok(counts)
    }

    fn list_cases(
        &self,
        filter: &CaseFilter,
        as_of: Option<i64>,
        after: Option<CaseCursor>,
        limit: u32,
    ) -> Result<CasePage, StoreError> {
        // The keywords' plan first: words that no case holds need no snapshot's write
        // sequence either (an empty page has no next page to place).
        let walks = if filter.keywords.is_empty() {
            Vec::new()
        } else {
            match self.keyword_walks(filter, limit)? {
                Some(walks) => walks,
                None => {
                    return Ok(CasePage {
                        cases: Vec::new(),
                        as_of: as_of.unwrap_or(0),
                        next: None,
                    });
                }
            }
        };
        // A snapshot read here, in this transaction, holds no case written after it: the
        // test of each case's write against it (a third of a keyword walk's time) is left out.
        let (as_of, unseen_writes) = match as_of {
            Some(seq) => (seq, true),
            None => (self.latest_case_write()?, false),
        };
        let mutable_order = filter.order != CaseOrder::Created;

        // The keyset query over cases unchanged since the snapshot. With keywords: first a
        // bounded walk down the order's b-tree (a common word fills its page at once), then,
        // when that found less than a page, the keyword index's hits (few, for a rare word).
        let keyset = |plan: Plan| -> Sql {
            let zero = if plan == Plan::Hits { " + 0" } else { "" };
            let key = |col: &str| format!("c.{col}{zero}");
            let (key_cols, order_sql) = match filter.order {
                CaseOrder::Updated => (
                    format!("({}, {})", key("update_time"), key("id")),
                    format!("{} DESC, {} DESC", key("update_time"), key("id")),
                ),
                CaseOrder::Created => (
                    format!("({}, {})", key("create_time"), key("id")),
                    format!("{} DESC, {} DESC", key("create_time"), key("id")),
                ),
                CaseOrder::Severity => (
                    format!(
                        "({}, {}, {})",
                        key("sev_rank"),
                        key("update_time"),
                        key("id")
                    ),
                    format!(
                        "{} DESC, {} DESC, {} DESC",
                        key("sev_rank"),
                        key("update_time"),
                        key("id")
                    ),
                ),
            };
            let mut sql = Sql::default();
            let bound = match plan {
                Plan::BoundedWalk(bound) => Some(bound),
                _ => None,
            };
            if let (Some(bound), Some(domain), None, CaseOrder::Updated) = (
                bound,
                &filter.reseller_domain,
                &filter.customer,
                filter.order,
            ) {
                let as_of = unseen_writes.then_some(as_of);
                return signature_walk_sql(filter, domain, as_of, after, bound, limit);
            }
            let bounded = bound.is_some();
            if plan == Plan::Hits {
                sql.push(&format!(
                    "SELECT {CASE_COLUMNS}, c.unread_flag FROM (SELECT c.*, {} AS unread_flag \
                     FROM cases c",
                    unread_column(filter)
                ));
            } else {
                sql.push(&format!(
                    "SELECT {CASE_COLUMNS}, {} FROM ",
                    unread_column(filter)
                ));
            }
            if bounded {
                sql.push("(SELECT * FROM cases c");
            } else if plan != Plan::Hits {
                sql.push("cases c");
            }
            let conditions = |sql: &mut Sql| {
                filter_sql(
                    filter,
                    sql,
                    Where {
                        keywords: !bounded,
                        reads: !bounded,
                        unindexed: plan == Plan::Hits,
                    },
                );
                if mutable_order && unseen_writes {
                    sql.bind(&format!(" AND {} <= ?", key("update_seq")), as_of);
                }
                if let Some(cursor) = after {
                    if filter.order == CaseOrder::Severity {
                        sql.bind(&format!(" AND {key_cols} < (?"), cursor.rank);
                        sql.bind(", ?", cursor.time);
                    } else {
                        sql.bind(&format!(" AND {key_cols} < (?"), cursor.time);
                    }
                    sql.bind(", ?)", cursor.id);
                }
            };
            if bounded {
                // the inner walk's conditions, then the keyword and read conditions outside
                conditions(&mut sql);
                sql.bind(
                    &format!(" ORDER BY {order_sql} LIMIT ?) c"),
                    bound.unwrap_or(WALK_BOUND),
                );
                sql.push(" JOIN customers cu ON cu.id = c.customer_id");
                reads_join_sql(filter, &mut sql);
                sql.push(" WHERE TRUE");
                if let Some(query) = ts_query(&filter.keywords) {
                    sql.bind(" AND c.search @@ (SELECT to_tsquery('simple', ?))", query);
                }
                unread_sql(filter, &mut sql);
            } else if plan == Plan::Hits {
                // The hits' page first, then their customers: the planner misjudges how many
                // hits pass the unindexed conditions, and a join it plans for a few dozen rows
                // (a loop over every customer per hit) must not meet thousands.
                reads_join_sql(filter, &mut sql);
                conditions(&mut sql);
                sql.bind(
                    &format!(" ORDER BY {order_sql} LIMIT ?) c"),
                    i64::from(limit) + 1,
                );
                sql.push(" JOIN customers cu ON cu.id = c.customer_id");
                let plain = order_sql.replace(" + 0", "");
                sql.push(&format!(" ORDER BY {plain}"));
                return sql;
            } else {
                sql.push(" JOIN customers cu ON cu.id = c.customer_id");
                reads_join_sql(filter, &mut sql);
                conditions(&mut sql);
            }
            sql.bind(
                &format!(" ORDER BY {order_sql} LIMIT ?"),
                i64::from(limit) + 1,
            );
            sql
        };
        let read = |sql: Sql| -> Result<Vec<(CaseCursor, Case)>, StoreError> {
            let mut found = Vec::new();
            // A plan for any words (generic, as every read's): the plan is chosen here
            // (walk or hits) from the words' frequencies, and the SQL leaves the planner no
            // other way to read it.
            for row in self.query(&sql.text, &sql.params())? {
                let rank: i64 = row.try_get(CASE_COLUMN_COUNT - 1)?;
                let mut case = case_from_row(&row)?;
                case.unread = row.try_get(CASE_COLUMN_COUNT)?;
                found.push((cursor_of(&case, filter.order, rank), case));
            }
            Ok(found)
        };
        let mut found = if filter.keywords.is_empty() {
            read(keyset(Plan::Walk))?
        } else {
            let mut walked = None;
            for bound in walks {
                let page = read(keyset(Plan::BoundedWalk(bound)))?;
                if page.len() > limit as usize {
                    walked = Some(page);
                    break;
                }
            }
            match walked {
                Some(page) => page,
                None => read(keyset(Plan::Hits))?,
            }
        };

        // Cases written since the snapshot, placed where they stood at the snapshot.
        if mutable_order && after.is_some() {
            let mut sql = Sql::default();
            sql.push(&format!("SELECT {CASE_COLUMNS}, {}", unread_column(filter)));
            sql.bind(
                ", (SELECT h.update_time FROM case_updates h WHERE h.case_id = c.id AND h.seq <= ?
                     ORDER BY h.seq DESC LIMIT 1)",
                as_of,
            );
            sql.bind(
                ", (SELECT h.sev_rank FROM case_updates h WHERE h.case_id = c.id AND h.seq <= ?
                     ORDER BY h.seq DESC LIMIT 1)",
                as_of,
            );
            sql.push(&format!(" {CASE_FROM}"));
            reads_join_sql(filter, &mut sql);
            filter_sql(filter, &mut sql, Where::EVERY);
            // the snapshot written out, not a parameter: read plans are generic (see
            // `PgStore::read`), and only the value tells the planner that few cases qualify
            sql.push(&format!(" AND c.update_seq > {as_of}"));
            for row in self.query_planned_now(&sql.text, &sql.params())? {
                let then_time: Option<i64> = row.try_get(CASE_COLUMN_COUNT + 1)?;
                let then_rank: Option<i64> = row.try_get(CASE_COLUMN_COUNT + 2)?;
                let (Some(time), Some(rank)) = (then_time, then_rank) else {
                    continue; // created after the first page: left out
                };
                let mut case = case_from_row(&row)?;
                case.unread = row.try_get(CASE_COLUMN_COUNT)?;
                let cursor = CaseCursor {
                    rank: if filter.order == CaseOrder::Severity {
                        rank
                    } else {
                        0
                    },
                    time,
                    id: case.id as i64,
                };
                if after.is_some_and(|a| cursor < a) {
                    found.push((cursor, case));
                }
            }
            found.sort_by_key(|(cursor, _)| std::cmp::Reverse(*cursor));
        }

        let has_more = found.len() > limit as usize;
        found.truncate(limit as usize);
        let next = if has_more {
            found.last().map(|(cursor, _)| *cursor)
        } else {
            None
        };
        Ok(CasePage {
            cases: found.into_iter().map(|(_, case)| case).collect(),
            as_of,
            next,
        })
    }

    fn insert_event(&self, event: &CaseEvent) -> Result<u64, StoreError> {
        let details = event_details(event)?;
        let id: i64 = self
            .query_one(
                "INSERT INTO case_events(id, case_id, time, actor, kind, details)
                 VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM case_events), $1, $2, $3, $4, $5) RETURNING id",
                &[
                    &(event.case_id as i64),
                    &to_micros(event.time),
                    &event.actor,
                    &event.kind.as_str(),
                    &details,
                ],
            )?
            .get(0);
        Ok(id as u64)
    }

    fn list_events(
        &self,
        case_id: u64,
        after: u64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>, StoreError> {
        let after = i64::try_from(after).unwrap_or(i64::MAX);
        let rows = self.query(
            "SELECT id, case_id, time, actor, kind, details FROM case_events
             WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            &[&(case_id as i64), &after, &i64::from(limit)],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.try_get(0)?;
            let details: String = row.try_get(5)?;
            let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("event {id}: {e}"));
            let mut value: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&details).map_err(corrupt)?;
            value.insert("id".into(), id.into());
            value.insert("caseId".into(), row.try_get::<_, i64>(1)?.into());
            value.insert(
                "time".into(),
                from_micros(row.try_get(2)?)?.to_string().into(),
            );
            value.insert("actor".into(), row.try_get::<_, String>(3)?.into());
            value.insert("kind".into(), row.try_get::<_, String>(4)?.into());
            out.push(serde_json::from_value(serde_json::Value::Object(value)).map_err(corrupt)?);
        }
        Ok(out)
    }

    /// The rows the ordinary writes would leave, built here and sent with binary `COPY`
    /// (ids follow the largest stored ones: this transaction holds the write lock); the cases'
    /// keyword index is computed as they move from a temporary table into `cases`.
    fn insert_bench_cases(&self, cases: &[(NewCase, Vec<BenchWrite>)]) -> Result<(), StoreError> {
        if cases.is_empty() {
            return Ok(());
        }
        let next = |table: &str, column: &str| -> Result<i64, StoreError> {
            Ok(self
                .query_one(
                    &format!("SELECT COALESCE(MAX({column}), 0)::bigint + 1 FROM {table}"),
                    &[],
                )?
                .get(0))
        };
        let first_case = next("cases", "id")?;
        let rows = fill_rows(
            cases,
            NextIds {
                case: first_case,
                write: next("case_updates", "seq")?,
                comment: next("comments", "id")?,
                event: next("case_events", "id")?,
            },
        )?;

        use ::postgres::types::Type;
        let copy = |sql: &str, types: &[Type], rows: &mut CopyRows| -> Result<(), StoreError> {
            self.begun()?;
            let mut conn = self.conn.borrow_mut();
            let sink = conn.client.copy_in(sql)?;
            let mut writer = ::postgres::binary_copy::BinaryCopyInWriter::new(sink, types);
            let mut write = |values: &[&(dyn ToSql + Sync)]| -> Result<(), StoreError> {
                writer.write(values)?;
                Ok(())
            };
            rows(&mut write)?;
            writer.finish()?;
            Ok(())
        };
        let (int8, text) = (Type::INT8, Type::TEXT);
        // The cases go through a temporary table, then into `cases` with their keyword index
        // computed on the way: each row and index entry written once (copied straight in and
        // then updated with its words, every row was written twice, in every index too,
        // which left the b-trees a third full).
        const BENCH_CASE_COLUMNS: &str = "id, customer_id, reseller_domain, product, \
             display_name, description, classification, priority, sev_rank, state, \
             language_code, time_zone, subscribers, creator, create_time, update_time, \
             update_seq, close_time, comment_count, support_seq, request_id, \
             request_fingerprint, messages";
        self.execute(
            &format!(
                "CREATE TEMPORARY TABLE IF NOT EXISTS bench_cases AS
                 SELECT {BENCH_CASE_COLUMNS} FROM cases WITH NO DATA"
            ),
            &[],
        )?;
        copy(
            &format!("COPY bench_cases({BENCH_CASE_COLUMNS}) FROM STDIN BINARY"),
            &[
                int8.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                int8.clone(),
                int8.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                int8.clone(),
                int8.clone(),
                int8.clone(),
                int8.clone(),
                int8.clone(),
                int8.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
            ],
            &mut |write| {
                for c in &rows.cases {
                    let new = c.new;
                    write(&[
                        &c.id,
                        &new.customer,
                        &new.reseller_domain,
                        &PRODUCT_GOOGLE_WORKSPACE,
                        &new.display_name,
                        &new.description,
                        &new.classification,
                        &priority_number(new.priority),
                        &sev_rank(new.priority),
                        &c.state.as_str(),
                        &new.language_code,
                        &new.time_zone,
                        &c.subscribers,
                        &new.creator,
                        &to_micros(new.create_time),
                        &c.update_time,
                        &c.update_seq,
                        &c.close_time,
                        &c.comment_count,
                        &c.support_seq,
                        &new.request_id,
                        &new.request_fingerprint,
                        &c.messages,
                    ])?;
                }
                Ok(())
            },
        )?;
        // into `cases` before the rows that refer to them (their foreign keys are checked at
        // once)
        self.execute(
            &format!(
                "INSERT INTO cases({BENCH_CASE_COLUMNS}, search)
                 SELECT {BENCH_CASE_COLUMNS}, {} FROM bench_cases",
                schema::SEARCH_VECTOR
            ),
            &[],
        )?;
        self.execute("TRUNCATE bench_cases", &[])?;
        copy(
            "COPY case_updates(seq, case_id, update_time, sev_rank) FROM STDIN BINARY",
            &[int8.clone(), int8.clone(), int8.clone(), int8.clone()],
            &mut |write| {
                for w in &rows.writes {
                    write(&[&w.seq, &w.case_id, &w.update_time, &w.sev_rank])?;
                }
                Ok(())
            },
        )?;
        copy(
            "COPY comments(id, case_id, body, author, author_role, create_time) FROM STDIN BINARY",
            &[
                int8.clone(),
                int8.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
                int8.clone(),
            ],
            &mut |write| {
                for m in &rows.comments {
                    write(&[
                        &m.id,
                        &m.case_id,
                        &m.body,
                        &m.author,
                        &m.author_role,
                        &m.create_time,
                    ])?;
                }
                Ok(())
            },
        )?;
        copy(
            "COPY case_events(id, case_id, time, actor, kind, details) FROM STDIN BINARY",
            &[
                int8.clone(),
                int8.clone(),
                int8.clone(),
                text.clone(),
                text.clone(),
                text.clone(),
            ],
            &mut |write| {
                for e in &rows.events {
                    write(&[&e.id, &e.case_id, &e.time, &e.actor, &e.kind, &e.details])?;
                }
                Ok(())
            },
        )?;
        Ok(())
    }

    fn latest_update_time(&self) -> Result<Option<Timestamp>, StoreError> {
        let us: Option<i64> = self
            .query_one("SELECT MAX(update_time) FROM cases", &[])?
            .get(0);
        us.map(from_micros).transpose()
    }

    fn clock_offset_seconds(&self) -> Result<i64, StoreError> {
        let value: Option<String> = self
            .query_opt(
                "SELECT value FROM settings WHERE key = 'clock_offset_seconds'",
                &[],
            )?
            .map(|r| r.get(0));
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    fn set_clock_offset_seconds(&self, seconds: i64) -> Result<(), StoreError> {
        self.execute(
            "INSERT INTO settings(key, value) VALUES ('clock_offset_seconds', $1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            &[&seconds.to_string()],
        )?;
        Ok(())
    }

    fn defer_foreign_keys(&self) -> Result<(), StoreError> {
        self.execute("SET CONSTRAINTS ALL DEFERRED", &[])?;
        Ok(())
    }

    fn bulk_load(&self, _phase: BulkLoad) -> Result<(), StoreError> {
        // the server's settings are its own; the load ends with
        // `PgStore::settle_after_bulk_load`, outside any transaction
        Ok(())
    }

    fn dump_rows(&self) -> Result<Vec<String>, StoreError> {
        let tables: Vec<String> = self
            .query(
                "SELECT table_name::text FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                   AND table_name <> 'schema_migrations'
                 ORDER BY table_name",
                &[],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut rows = Vec::new();
        for table in tables {
            // every column as text, in column order, rows in a stable order
            let lines = self.query(
                &format!(
                    "SELECT array_to_string(array(SELECT coalesce(v.value, 'NULL')
                         FROM json_each_text(row_to_json(t)) v), ' | ')
                     FROM \"{table}\" t ORDER BY 1"
                ),
                &[],
            )?;
            for line in lines {
                let text: String = line.get(0);
                rows.push(format!("{table}: {text}"));
            }
        }
        Ok(rows)
    }
}
