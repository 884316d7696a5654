//! Versioned schema migrations, applied in order inside one transaction each; the version is
//! SQLite's `user_version`.

use rusqlite::{Connection, OptionalExtension};

/// Each entry moves the schema from version `index` to `index + 1`. Append only.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE domains (
    name        TEXT PRIMARY KEY,
    create_time INTEGER NOT NULL
);

-- A reseller user (domain set) or a support agent (role 'agent', no domain).
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE,
    domain      TEXT REFERENCES domains(name),
    role        TEXT NOT NULL CHECK (role IN ('reseller', 'agent')),
    privileges  TEXT NOT NULL,
    create_time INTEGER NOT NULL
);

-- Only the SHA-256 of a token is stored.
CREATE TABLE tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    token_hash  BLOB NOT NULL UNIQUE,
    create_time INTEGER NOT NULL,
    expire_time INTEGER,
    revoke_time INTEGER
);
CREATE INDEX tokens_by_user ON tokens(user_id);

CREATE TABLE customers (
    id              TEXT PRIMARY KEY,
    display_name    TEXT NOT NULL,
    primary_domain  TEXT NOT NULL,
    reseller_domain TEXT NOT NULL REFERENCES domains(name),
    plan            TEXT NOT NULL,
    access_granted  INTEGER NOT NULL,
    contact_name    TEXT NOT NULL,
    contact_email   TEXT NOT NULL,
    contact_phone   TEXT
);
CREATE INDEX customers_by_reseller ON customers(reseller_domain, id);

-- sev_rank = 5 - priority, so that every list order is 'descending on every key'.
CREATE TABLE cases (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id              TEXT NOT NULL REFERENCES customers(id),
    reseller_domain          TEXT NOT NULL REFERENCES domains(name),
    product                  TEXT NOT NULL,
    display_name             TEXT NOT NULL,
    description              TEXT NOT NULL,
    classification           TEXT NOT NULL,
    priority                 INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
    sev_rank                 INTEGER NOT NULL,
    state                    TEXT NOT NULL,
    language_code            TEXT NOT NULL,
    time_zone                TEXT NOT NULL,
    escalation_reason        TEXT,
    escalation_justification TEXT,
    escalated_by             TEXT,
    escalate_time            INTEGER,
    subscribers              TEXT NOT NULL,
    creator                  TEXT NOT NULL,
    create_time              INTEGER NOT NULL,
    update_time              INTEGER NOT NULL,
    update_seq               INTEGER NOT NULL,
    close_time               INTEGER,
    comment_count            INTEGER NOT NULL DEFAULT 0,
    attachment_count         INTEGER NOT NULL DEFAULT 0,
    request_id               TEXT NOT NULL,
    request_fingerprint      TEXT NOT NULL
);
CREATE UNIQUE INDEX cases_by_request ON cases(reseller_domain, request_id);
CREATE INDEX cases_by_updated ON cases(reseller_domain, update_time DESC, id DESC);
CREATE INDEX cases_by_created ON cases(reseller_domain, create_time DESC, id DESC);
CREATE INDEX cases_by_severity ON cases(reseller_domain, sev_rank DESC, update_time DESC, id DESC);
CREATE INDEX cases_by_customer ON cases(reseller_domain, customer_id, update_time DESC, id DESC);
CREATE INDEX cases_all_by_updated ON cases(update_time DESC, id DESC);
CREATE INDEX cases_by_update_seq ON cases(update_seq);

-- Append-only: one row per write to a case; seq orders every write of the database, so a list
-- can place a case where it stood when its first page was served.
CREATE TABLE case_updates (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    update_time INTEGER NOT NULL,
    sev_rank    INTEGER NOT NULL
);
CREATE INDEX case_updates_by_case ON case_updates(case_id, seq);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    body        TEXT NOT NULL,
    author      TEXT NOT NULL,
    author_role TEXT NOT NULL,
    create_time INTEGER NOT NULL
);
CREATE INDEX comments_by_case ON comments(case_id, id);

-- Attachment content, addressed by its SHA-256: one copy however often it is attached.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
);

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    filename    TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    sha256      TEXT NOT NULL REFERENCES blobs(sha256),
    mime_type   TEXT NOT NULL,
    creator     TEXT NOT NULL,
    create_time INTEGER NOT NULL
);
CREATE INDEX attachments_by_case ON attachments(case_id, id);

-- Keyword search over title, description and every message of a case (rowid = case id).
CREATE VIRTUAL TABLE case_text USING fts5(title, description, messages, tokenize = 'unicode61 remove_diacritics 2');
"#,
    r#"
-- Append-only: every change of a case, written in the change's transaction. id is the cursor
-- of the events API; details holds the kind's fields (a JSON object, camelCase).
CREATE TABLE case_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    time     INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    details  TEXT NOT NULL
);
CREATE INDEX case_events_by_case ON case_events(case_id, id);

-- Cases filed before: their events from what the store knows, in time order.
INSERT INTO case_events(case_id, time, actor, kind, details)
SELECT case_id, time, actor, kind, details FROM (
    SELECT id AS case_id, create_time AS time, creator AS actor, 'created' AS kind,
           json_object('title', display_name, 'severity', 'P' || priority) AS details,
           0 AS rank, 0 AS sub
      FROM cases
    UNION ALL
    SELECT case_id, create_time, author, 'message',
           json_object('commentId', id, 'authorRole', author_role, 'body', body), 1, id
      FROM comments
    UNION ALL
    SELECT case_id, create_time, creator, 'attachment-added',
           json_object('attachmentId', id, 'filename', filename, 'sizeBytes', size_bytes), 2, id
      FROM attachments
    UNION ALL
    SELECT id, escalate_time, COALESCE(escalated_by, ''), 'escalated',
           json_object('reason', escalation_reason, 'justification', COALESCE(escalation_justification, '')), 3, 0
      FROM cases WHERE escalation_reason IS NOT NULL AND escalate_time IS NOT NULL
    UNION ALL
    SELECT id, close_time, '', 'state-changed', json_object('to', 'closed'), 4, 0
      FROM cases WHERE close_time IS NOT NULL AND state = 'closed'
)
ORDER BY time, case_id, rank, sub;
"#,
    r#"
-- Unread: the write (case_updates.seq) of support's latest message or state change on a case,
-- 0 when support never acted on it. Kept on the case so a list tells unread cases apart with
-- one primary-key probe of case_reads per row.
ALTER TABLE cases ADD COLUMN support_seq INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET support_seq = COALESCE((
    SELECT MAX(h.seq) FROM case_updates h
    WHERE h.case_id = cases.id
      AND h.update_time <= (SELECT MAX(m.create_time) FROM comments m
                            WHERE m.case_id = cases.id AND m.author_role = 'support')
), 0);

-- Per user, the last write of a case they have read (read_seq) and when they read it. The
-- key is what a list probes: (the caller, this case).
CREATE TABLE case_reads (
    user_id   INTEGER NOT NULL REFERENCES users(id),
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    read_seq  INTEGER NOT NULL,
    read_time INTEGER NOT NULL,
    PRIMARY KEY (user_id, case_id)
) WITHOUT ROWID;
"#,
    r#"
-- Keyword search that costs a page: the rowid of a case's row is its search key, in update
-- order (update_time * 1024 + a tie-breaker within the microsecond), so MATCH ... ORDER BY
-- rowid DESC stops after a page. Every write that moves a case moves its row (delete and
-- reinsert with a new key). tenant holds one token of the reseller domain, so a reseller's
-- search never walks another domain's hits; case_id maps a hit to its case.
CREATE VIRTUAL TABLE case_search USING fts5(tenant, title, description, messages, case_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8');
ALTER TABLE cases ADD COLUMN search_key INTEGER;
CREATE TEMP TABLE search_keys (case_id INTEGER PRIMARY KEY, search_key INTEGER NOT NULL);
-- Keys rise with (update_time, id) and are at least update_time * 1024: key_i = i + the most of
-- update_time_j * 1024 - j over the cases j up to i (a microsecond of more than 1024 cases
-- spills into the next ones' keys; search_spill says how far).
INSERT INTO search_keys(case_id, search_key)
SELECT id, n + MAX(update_time * 1024 - n) OVER (ORDER BY update_time, id ROWS UNBOUNDED PRECEDING)
  FROM (SELECT id, update_time, ROW_NUMBER() OVER (ORDER BY update_time, id) AS n FROM cases);
INSERT INTO settings(key, value)
SELECT 'search_spill', MAX(k.search_key - c.update_time * 1024 - 1023)
  FROM search_keys k JOIN cases c ON c.id = k.case_id
HAVING MAX(k.search_key - c.update_time * 1024 - 1023) > 0;
INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
SELECT k.search_key, 't' || hex(c.reseller_domain), COALESCE(t.title, c.display_name),
       COALESCE(t.description, c.description), COALESCE(t.messages, ''), c.id
  FROM search_keys k JOIN cases c ON c.id = k.case_id LEFT JOIN case_text t ON t.rowid = c.id;
UPDATE cases SET search_key = (SELECT k.search_key FROM search_keys k WHERE k.case_id = cases.id);
DROP TABLE search_keys;
DROP TABLE case_text;
"#,
    r#"
-- Smaller and cheaper to write, the same page-sized search: the index keeps which columns a
-- term is in (what the column filter needs), not its positions (no query asks for a phrase).
-- The prefix indexes of 1 to 8 characters stay: a keyword's prefix query walks one doclist
-- lazily in rowid order instead of merging every matching term's hits first.
CREATE TEMP TABLE search_copy AS
SELECT rowid AS k, tenant, title, description, messages, case_id FROM case_search;
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5(tenant, title, description, messages, case_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', detail = column, prefix = '1 2 3 4 5 6 7 8');
INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
SELECT k, tenant, title, description, messages, case_id FROM search_copy ORDER BY k;
DROP TABLE search_copy;
"#,
    r#"
-- P0 (Google Cloud's priority above P1, filed through the /v2 surface) is stored as 0 (sev_rank
-- 5). SQLite cannot change a CHECK in place: the table is rebuilt (SQLite's documented
-- procedure, with foreign key enforcement off around the migration, see migrate), keeping its
-- columns, rows, AUTOINCREMENT sequence and indexes; the tables that reference cases(id) name
-- it and so reference the new table.
CREATE TABLE new_cases (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id              TEXT NOT NULL REFERENCES customers(id),
    reseller_domain          TEXT NOT NULL REFERENCES domains(name),
    product                  TEXT NOT NULL,
    display_name             TEXT NOT NULL,
    description              TEXT NOT NULL,
    classification           TEXT NOT NULL,
    priority                 INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 4),
    sev_rank                 INTEGER NOT NULL,
    state                    TEXT NOT NULL,
    language_code            TEXT NOT NULL,
    time_zone                TEXT NOT NULL,
    escalation_reason        TEXT,
    escalation_justification TEXT,
    escalated_by             TEXT,
    escalate_time            INTEGER,
    subscribers              TEXT NOT NULL,
    creator                  TEXT NOT NULL,
    create_time              INTEGER NOT NULL,
    update_time              INTEGER NOT NULL,
    update_seq               INTEGER NOT NULL,
    close_time               INTEGER,
    comment_count            INTEGER NOT NULL DEFAULT 0,
    attachment_count         INTEGER NOT NULL DEFAULT 0,
    request_id               TEXT NOT NULL,
    request_fingerprint      TEXT NOT NULL,
    support_seq              INTEGER NOT NULL DEFAULT 0,
    search_key               INTEGER
);
INSERT INTO new_cases(id, customer_id, reseller_domain, product, display_name, description, classification,
       priority, sev_rank, state, language_code, time_zone, escalation_reason,
       escalation_justification, escalated_by, escalate_time, subscribers, creator, create_time,
       update_time, update_seq, close_time, comment_count, attachment_count, request_id,
       request_fingerprint, support_seq, search_key)
SELECT id, customer_id, reseller_domain, product, display_name, description, classification,
       priority, sev_rank, state, language_code, time_zone, escalation_reason,
       escalation_justification, escalated_by, escalate_time, subscribers, creator, create_time,
       update_time, update_seq, close_time, comment_count, attachment_count, request_id,
       request_fingerprint, support_seq, search_key
  FROM cases ORDER BY id;
-- the next id stays the old table's (AUTOINCREMENT never hands out an id twice)
DELETE FROM sqlite_sequence WHERE name = 'new_cases';
INSERT INTO sqlite_sequence(name, seq) SELECT 'new_cases', seq FROM sqlite_sequence WHERE name = 'cases';
DROP TABLE cases;
ALTER TABLE new_cases RENAME TO cases;
CREATE UNIQUE INDEX cases_by_request ON cases(reseller_domain, request_id);
CREATE INDEX cases_by_updated ON cases(reseller_domain, update_time DESC, id DESC);
CREATE INDEX cases_by_created ON cases(reseller_domain, create_time DESC, id DESC);
CREATE INDEX cases_by_severity ON cases(reseller_domain, sev_rank DESC, update_time DESC, id DESC);
CREATE INDEX cases_by_customer ON cases(reseller_domain, customer_id, update_time DESC, id DESC);
CREATE INDEX cases_all_by_updated ON cases(update_time DESC, id DESC);
CREATE INDEX cases_by_update_seq ON cases(update_seq);
"#,
    r#"
-- The words of each reseller domain's text, for the keyword index of schema 8: a keyword
-- longer than its prefix indexes is matched as the whole words it begins, read from here (a
-- b-tree range) so that its match is an OR of a few words that FTS5 walks in key order.
-- Filled from every stored case's text by the migration's second step (SQL cannot split
-- text as FTS5 does, see words::list_stored_words); the write functions keep it.
CREATE TABLE search_words (
    tenant TEXT NOT NULL,
    word   TEXT NOT NULL,
    PRIMARY KEY (tenant, word)
) WITHOUT ROWID;
CREATE INDEX search_words_by_word ON search_words(word);
"#,
    r#"
-- The keyword index, a fraction of the size and of the cost to write, with the same
-- page-sized search. Contentless: the text is the cases' and comments' own, read from them
-- when a row moves (contentless_delete lets a row be deleted by its key alone,
-- contentless_unindexed keeps case_id readable). Prefix indexes of 1 and 2 characters only
-- (each length cost about as much as the words themselves); longer keywords are matched
-- through search_words.
CREATE TEMP TABLE search_copy AS
SELECT rowid AS k, tenant, title, description, messages, case_id FROM case_search;
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5(tenant, title, description, messages, case_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', detail = column, content = '', contentless_delete = 1, contentless_unindexed = 1, prefix = '1 2');
-- Filled as a bulk load is (see bulk_load in sqlite/mod.rs): the first rows in small
-- segments merged as usual, the rest unmerged, then one optimize, so that the rows end in one
-- segment at a level that later writes rarely reach (the open that runs this migration
-- puts the usual merge settings back).
INSERT INTO case_search(case_search, rank) VALUES ('hashsize', 65536);
INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
SELECT k, tenant, title, description, messages, case_id FROM search_copy ORDER BY k LIMIT 50000;
INSERT INTO case_search(case_search, rank) VALUES ('automerge', 0);
INSERT INTO case_search(case_search, rank) VALUES ('crisismerge', 1999);
INSERT INTO case_search(case_search, rank) VALUES ('hashsize', 1073741824);
INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
SELECT k, tenant, title, description, messages, case_id FROM search_copy ORDER BY k LIMIT -1 OFFSET 50000;
INSERT INTO case_search(case_search) VALUES ('optimize');
DROP TABLE search_copy;
"#,
];

/// The schema version whose migration is followed by listing the stored words
/// ([`super::words::list_stored_words`]): SQL alone cannot split text as FTS5 does.
const WORDS_LISTED_AT: usize = 7;

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

#[cfg(test)]
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// [`migrate`] up to schema `target` only.
pub fn migrate_to(conn: &mut Connection, target: usize) -> rusqlite::Result<()> {
    let version = |conn: &Connection| -> rusqlite::Result<usize> {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(usize::try_from(version).unwrap_or(0))
    };
    let current = version(conn)?;
    if current >= target {
        return Ok(());
    }
    // A migration may rebuild a table that others reference (SQLite's procedure for a change
    // ALTER TABLE cannot make): foreign keys are not enforced while it runs (the pragma is a
    // no-op inside a transaction, so it is set around them) and checked before each commit.
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = (|| {
        for (index, sql) in MIGRATIONS[..target].iter().enumerate().skip(current) {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Another process (an admin command next to a running server) may have migrated
            // between our read and our lock.
            if version(&tx)? > index {
                continue;
            }
            tx.execute_batch(sql)?;
            if index + 1 == WORDS_LISTED_AT {
                super::words::list_stored_words(&tx).map_err(|e| {
                    rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                        Some(format!("cannot list the stored words: {e}")),
                    )
                })?;
            }
            let dangling: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
                .optional()?;
            if let Some(table) = dangling {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    Some(format!(
                        "migration to schema version {} left a row of {table} without the row it references",
                        index + 1
                    )),
                ));
            }
            tx.pragma_update(None, "user_version", (index + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", enforced)?;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database at schema `version`, as a server of that version left it.
    fn at_schema(version: usize) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version as i64)
            .unwrap();
        conn
    }

    #[test]
    fn migrating_twice_keeps_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION as i64);
    }

    #[test]
    fn cases_answered_by_support_before_read_markers_existed_start_unread() {
        let mut conn = at_schema(1);
        conn.execute_batch(
            "INSERT INTO domains VALUES ('d.example', 0);
             INSERT INTO customers VALUES ('acme', 'Acme', 'acme.example', 'd.example', 'premium', 1, 'n', 'e@acme.example', NULL);
             INSERT INTO cases(id, customer_id, reseller_domain, product, display_name, description, classification,
                 priority, sev_rank, state, language_code, time_zone, subscribers, creator, create_time, update_time,
                 update_seq, request_id, request_fingerprint)
             VALUES (1, 'acme', 'd.example', 'p', 'answered', 'd', 'c', 3, 2, 'in-progress', 'en', 'UTC', '[]', 'a', 10, 40, 3, 'r1', 'f'),
                    (2, 'acme', 'd.example', 'p', 'quiet', 'd', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 20, 4, 'r2', 'f');
             INSERT INTO case_updates(seq, case_id, update_time, sev_rank) VALUES (1, 1, 10, 2), (2, 1, 20, 2), (3, 1, 40, 2), (4, 2, 20, 2);
             INSERT INTO comments(case_id, body, author, author_role, create_time)
             VALUES (1, 'on it', 'agent@s', 'support', 20), (1, 'thanks', 'a', 'reseller', 40), (2, 'hello', 'a', 'reseller', 20);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let support_seq = |id: i64| -> i64 {
            conn.query_row("SELECT support_seq FROM cases WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(support_seq(1), 2, "the write of support's message");
        assert_eq!(support_seq(2), 0, "support never acted on it");
    }

    #[test]
    fn cases_filed_before_the_timeline_get_their_events_from_what_was_stored() {
        let mut conn = at_schema(1);
        conn.execute_batch(
            "INSERT INTO domains VALUES ('d.example', 0);
             INSERT INTO customers VALUES ('acme', 'Acme', 'acme.example', 'd.example', 'premium', 1, 'n', 'e@acme.example', NULL);
             INSERT INTO cases(id, customer_id, reseller_domain, product, display_name, description,
                 classification, priority, sev_rank, state, language_code, time_zone,
                 escalation_reason, escalation_justification, escalated_by, escalate_time,
                 subscribers, creator, create_time, update_time, update_seq, close_time,
                 request_id, request_fingerprint)
             VALUES (7, 'acme', 'd.example', 'google-workspace', 'Mail bounces', 'd',
                 'gmail-delivery', 2, 3, 'closed', 'en-US', 'UTC',
                 'business-impact', 'urgent', 'a@d.example', 3000000,
                 '[]', 'a@d.example', 1000000, 5000000, 0, 5000000, 'r', 'f');
             INSERT INTO comments VALUES (1, 7, 'Any news?', 'a@d.example', 'reseller', 2000000);
             INSERT INTO comments VALUES (2, 7, 'Fixed', 's@support.example', 'support', 4000000);
             INSERT INTO blobs VALUES ('ab', 3, x'010203');
             INSERT INTO attachments VALUES (1, 7, 'log.txt', 3, 'ab', 'text/plain', 'a@d.example', 2500000);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let events = crate::store::sqlite::events::list_events(&conn, 7, 0, 100).unwrap();
        let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "created",
                "message",
                "attachment-added",
                "escalated",
                "message",
                "state-changed"
            ]
        );
        assert_eq!(events[0].title.as_deref(), Some("Mail bounces"));
        assert_eq!(events[0].severity.map(|s| s.as_str()), Some("P2"));
        assert_eq!(events[4].actor, "s@support.example");
        assert_eq!(events[5].to.as_deref(), Some("closed"));
        assert_eq!(events[5].time.as_microsecond(), 5_000_000);
    }

    #[test]
    fn cases_filed_before_search_keys_existed_are_found_in_update_order() {
        let mut conn = at_schema(3);
        conn.execute_batch(
            "INSERT INTO domains VALUES ('d.example', 0), ('e.example', 0);
             INSERT INTO customers VALUES ('acme', 'Acme', 'acme.example', 'd.example', 'premium', 1, 'n', 'e@acme.example', NULL);
             INSERT INTO customers VALUES ('emca', 'Emca', 'emca.example', 'e.example', 'premium', 1, 'n', 'e@emca.example', NULL);
             INSERT INTO cases(id, customer_id, reseller_domain, product, display_name, description, classification,
                 priority, sev_rank, state, language_code, time_zone, subscribers, creator, create_time, update_time,
                 update_seq, request_id, request_fingerprint)
             VALUES (1, 'acme', 'd.example', 'p', 'printer', 'd', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 40, 3, 'r1', 'f'),
                    (2, 'acme', 'd.example', 'p', 'quiet', 'd', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 40, 4, 'r2', 'f'),
                    (3, 'acme', 'd.example', 'p', 'printer', 'd', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 20, 5, 'r3', 'f'),
                    (4, 'emca', 'e.example', 'p', 'printer', 'd', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 50, 6, 'r4', 'f');
             INSERT INTO case_text(rowid, title, description, messages) VALUES
                 (1, 'printer', 'd', ''), (2, 'quiet', 'd', char(10) || 'the printer again'),
                 (3, 'printer', 'd', ''), (4, 'printer', 'd', '');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let hits: Vec<i64> = conn
            .prepare(
                "SELECT case_id FROM case_search
                 WHERE case_search MATCH 'tenant : \"t642E6578616D706C65\" AND printer'
                 ORDER BY rowid DESC",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            hits,
            [2, 1, 3],
            "d.example's hits, most recently updated first"
        );
        let keyed: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM cases c JOIN case_search s ON s.rowid = c.search_key
                 WHERE s.case_id = c.id",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(keyed, 4, "every case knows its search row");
    }

    #[test]
    fn a_keyword_index_with_text_becomes_contentless_and_the_words_are_listed_per_domain() {
        let mut conn = at_schema(6);
        conn.execute_batch(
            "INSERT INTO domains VALUES ('d.example', 0), ('e.example', 0);
             INSERT INTO customers VALUES ('acme', 'Acme', 'acme.example', 'd.example', 'premium', 1, 'n', 'e@acme.example', NULL);
             INSERT INTO customers VALUES ('emca', 'Emca', 'emca.example', 'e.example', 'premium', 1, 'n', 'e@emca.example', NULL);
             INSERT INTO cases(id, customer_id, reseller_domain, product, display_name, description, classification,
                 priority, sev_rank, state, language_code, time_zone, subscribers, creator, create_time, update_time,
                 update_seq, request_id, request_fingerprint, search_key)
             VALUES (1, 'acme', 'd.example', 'p', 'Printer offline', 'since Monday', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 40, 3, 'r1', 'f', 40960),
                    (2, 'acme', 'd.example', 'p', 'Quota', 'Überschritten', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 50, 4, 'r2', 'f', 51200),
                    (3, 'emca', 'e.example', 'p', 'Printer jam', 'paper', 'c', 3, 2, 'new', 'en', 'UTC', '[]', 'a', 10, 60, 5, 'r3', 'f', 61440);
             INSERT INTO comments(case_id, body, author, author_role, create_time) VALUES (2, 'the printers again', 'a', 'reseller', 50);
             INSERT INTO case_search(rowid, tenant, title, description, messages, case_id) VALUES
                 (40960, 't642E6578616D706C65', 'Printer offline', 'since Monday', '', 1),
                 (51200, 't642E6578616D706C65', 'Quota', 'Überschritten', char(10) || 'the printers again', 2),
                 (61440, 't652E6578616D706C65', 'Printer jam', 'paper', '', 3);",
        )
        .unwrap();

        migrate(&mut conn).unwrap();

        let strings = |sql: &str| -> Vec<String> {
            conn.prepare(sql)
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(
            strings("SELECT word FROM search_words WHERE tenant = 'd.example' ORDER BY word"),
            [
                "again",
                "monday",
                "offline",
                "printer",
                "printers",
                "quota",
                "since",
                "the",
                "uberschritten"
            ],
            "every word of the domain's titles, descriptions and messages, folded"
        );
        assert_eq!(
            strings("SELECT word FROM search_words WHERE tenant = 'e.example' ORDER BY word"),
            ["jam", "paper", "printer"]
        );
        let hits = |expr: &str| -> Vec<i64> {
            conn.prepare(
                "SELECT case_id FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC",
            )
            .unwrap()
            .query_map([expr], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        assert_eq!(
            hits("tenant : \"t642E6578616D706C65\" AND (\"printer\" OR \"printers\")"),
            [2, 1]
        );
        assert_eq!(
            hits("\"pr\"*"),
            [3, 2, 1],
            "through the two-character prefix index"
        );
        let text: Option<String> = conn
            .query_row(
                "SELECT title FROM case_search WHERE rowid = 40960",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(text, None, "the index keeps no text of its own");
    }

    #[test]
    fn cases_stored_before_p0_keep_their_rows_ids_indexes_and_references() {
        let mut conn = at_schema(5);
        conn.execute_batch(
            "INSERT INTO domains VALUES ('d.example', 0);
             INSERT INTO customers VALUES ('acme', 'Acme', 'acme.example', 'd.example', 'premium', 1, 'n', 'e@acme.example', NULL);
             INSERT INTO cases(id, customer_id, reseller_domain, product, display_name, description, classification,
                 priority, sev_rank, state, language_code, time_zone, subscribers, creator, create_time, update_time,
                 update_seq, request_id, request_fingerprint, support_seq, search_key)
             VALUES (3, 'acme', 'd.example', 'p', 'printer', 'd', 'c', 1, 4, 'new', 'en', 'UTC', '[]', 'a', 10, 40, 3, 'r1', 'f', 2, 40960),
                    (5, 'acme', 'd.example', 'p', 'quiet', 'd', 'c', 4, 1, 'closed', 'en', 'UTC', '[\"x@acme.example\"]', 'a', 10, 50, 4, 'r2', 'f', 0, 51200);
             UPDATE sqlite_sequence SET seq = 9 WHERE name = 'cases';
             INSERT INTO comments(case_id, body, author, author_role, create_time) VALUES (3, 'hi', 'a', 'reseller', 20);
             INSERT INTO case_updates(case_id, update_time, sev_rank) VALUES (3, 40, 4), (5, 50, 1);",
        )
        .unwrap();
        let schema_of = |conn: &Connection, kind: &str| -> Vec<String> {
            conn.prepare(
                "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master
                 WHERE type = ?1 AND tbl_name = 'cases' ORDER BY name",
            )
            .unwrap()
            .query_map([kind], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        let rows = |conn: &Connection| -> Vec<String> {
            conn.prepare("SELECT json_array(id, display_name, priority, sev_rank, state, subscribers, update_seq, support_seq, search_key) FROM cases ORDER BY id")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let indexes = schema_of(&conn, "index");
        let before = rows(&conn);
        conn.pragma_update(None, "foreign_keys", true).unwrap();

        migrate(&mut conn).unwrap();

        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION as i64);
        assert_eq!(rows(&conn), before, "every case as it was");
        assert_eq!(schema_of(&conn, "index"), indexes, "every index of cases");
        let enforced: bool = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(enforced, "foreign keys enforced again after the migration");
        let check: Option<String> = conn
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()
            .unwrap();
        assert_eq!(check, None);
        // the references still point at cases: a comment on no case is refused
        let orphan = conn.execute(
            "INSERT INTO comments(case_id, body, author, author_role, create_time) VALUES (99, 'x', 'a', 'reseller', 1)",
            [],
        );
        assert!(orphan.is_err(), "{orphan:?}");
        // P0 is stored, anything below it refused; the next id follows the old sequence
        let insert = |priority: i64| {
            conn.execute(
                "INSERT INTO cases(customer_id, reseller_domain, product, display_name, description, classification,
                     priority, sev_rank, state, language_code, time_zone, subscribers, creator, create_time, update_time,
                     update_seq, request_id, request_fingerprint)
                 VALUES ('acme', 'd.example', 'p', 'urgent', 'd', 'c', ?1, 5 - ?1, 'new', 'en', 'UTC', '[]', 'a', 60, 60, 5, 'r' || ?1, 'f')",
                [priority],
            )
            .map(|_| conn.last_insert_rowid())
        };
        assert_eq!(insert(0).unwrap(), 10, "AUTOINCREMENT's sequence kept");
        assert!(insert(-1).is_err());
        assert!(insert(5).is_err());
    }
}
