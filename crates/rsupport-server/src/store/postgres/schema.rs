//! Versioned schema migrations of the PostgreSQL engine, applied in order, each in its own
//! transaction, under a session advisory lock so that servers starting at once on one
//! database migrate it once. The version is the row count of `schema_migrations`.

/// Each entry moves the schema from version `index` to `index + 1`. Append only.
pub const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE domains (
    name        TEXT PRIMARY KEY,
    create_time BIGINT NOT NULL
);

-- A reseller user (domain set) or a support agent (role 'agent', no domain).
CREATE TABLE users (
    id          BIGINT PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE,
    domain      TEXT REFERENCES domains(name),
    role        TEXT NOT NULL CHECK (role IN ('reseller', 'agent')),
    privileges  TEXT NOT NULL,
    create_time BIGINT NOT NULL
);

-- Only the SHA-256 of a token is stored.
CREATE TABLE tokens (
    id          BIGINT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id),
    token_hash  BYTEA NOT NULL UNIQUE,
    create_time BIGINT NOT NULL,
    expire_time BIGINT,
    revoke_time BIGINT
);
CREATE INDEX tokens_by_user ON tokens(user_id);

CREATE TABLE customers (
    id              TEXT PRIMARY KEY,
    display_name    TEXT NOT NULL,
    primary_domain  TEXT NOT NULL,
    reseller_domain TEXT NOT NULL REFERENCES domains(name),
    plan            TEXT NOT NULL,
    access_granted  BOOLEAN NOT NULL,
    contact_name    TEXT NOT NULL,
    contact_email   TEXT NOT NULL,
    contact_phone   TEXT
);
CREATE INDEX customers_by_reseller ON customers(reseller_domain, id);

-- Row ids are MAX(id) + 1, taken under the write lock (no sequences): a rolled-back write, a
-- validateOnly rehearsal, hands out no id, so its answer is the real call's.

-- sev_rank = 5 - priority, so that every list order is 'descending on every key'. Times are
-- microseconds since the Unix epoch, as in the SQLite engine. `search` is the keyword index
-- of the title, description and every message: words are runs of letters and digits, as the
-- SQLite engine's tokenizer splits them.
CREATE TABLE cases (
    id                       BIGINT PRIMARY KEY,
    customer_id              TEXT NOT NULL REFERENCES customers(id),
    reseller_domain          TEXT NOT NULL REFERENCES domains(name),
    product                  TEXT NOT NULL,
    display_name             TEXT NOT NULL,
    description              TEXT NOT NULL,
    classification           TEXT NOT NULL,
    priority                 BIGINT NOT NULL CHECK (priority BETWEEN 1 AND 4),
    sev_rank                 BIGINT NOT NULL,
    state                    TEXT NOT NULL,
    language_code            TEXT NOT NULL,
    time_zone                TEXT NOT NULL,
    escalation_reason        TEXT,
    escalation_justification TEXT,
    escalated_by             TEXT,
    escalate_time            BIGINT,
    subscribers              TEXT NOT NULL,
    creator                  TEXT NOT NULL,
    create_time              BIGINT NOT NULL,
    update_time              BIGINT NOT NULL,
    update_seq               BIGINT NOT NULL,
    close_time               BIGINT,
    comment_count            BIGINT NOT NULL DEFAULT 0,
    attachment_count         BIGINT NOT NULL DEFAULT 0,
    request_id               TEXT NOT NULL,
    request_fingerprint      TEXT NOT NULL,
    support_seq              BIGINT NOT NULL DEFAULT 0,
    messages                 TEXT NOT NULL DEFAULT '',
    search                   tsvector NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX cases_by_request ON cases(reseller_domain, request_id);
CREATE INDEX cases_by_updated ON cases(reseller_domain, update_time DESC, id DESC);
CREATE INDEX cases_by_created ON cases(reseller_domain, create_time DESC, id DESC);
CREATE INDEX cases_by_severity ON cases(reseller_domain, sev_rank DESC, update_time DESC, id DESC);
CREATE INDEX cases_by_customer ON cases(reseller_domain, customer_id, update_time DESC, id DESC);
CREATE INDEX cases_all_by_updated ON cases(update_time DESC, id DESC);
CREATE INDEX cases_by_update_seq ON cases(update_seq);
CREATE INDEX cases_by_keyword ON cases USING GIN (search);

-- Append-only: one row per write to a case; seq orders every write of the database (writes
-- are serialised by an advisory lock, so seq order is commit order), so a list can place a
-- case where it stood when its first page was served.
CREATE TABLE case_updates (
    seq         BIGINT PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases(id),
    update_time BIGINT NOT NULL,
    sev_rank    BIGINT NOT NULL
);
CREATE INDEX case_updates_by_case ON case_updates(case_id, seq);

CREATE TABLE comments (
    id          BIGINT PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases(id),
    body        TEXT NOT NULL,
    author      TEXT NOT NULL,
    author_role TEXT NOT NULL,
    create_time BIGINT NOT NULL
);
CREATE INDEX comments_by_case ON comments(case_id, id);

-- Attachment content, addressed by its SHA-256 (one copy however often it is attached), in
-- chunks, so that an upload or a download never holds a whole file.
CREATE TABLE blobs (
    id     BIGINT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size   BIGINT NOT NULL
);
CREATE TABLE blob_chunks (
    blob_id BIGINT NOT NULL REFERENCES blobs(id),
    chunk   BIGINT NOT NULL,
    data    BYTEA NOT NULL,
    PRIMARY KEY (blob_id, chunk)
);

CREATE TABLE attachments (
    id          BIGINT PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases(id),
    filename    TEXT NOT NULL,
    size_bytes  BIGINT NOT NULL,
    sha256      TEXT NOT NULL REFERENCES blobs(sha256) DEFERRABLE INITIALLY IMMEDIATE,
    mime_type   TEXT NOT NULL,
    creator     TEXT NOT NULL,
    create_time BIGINT NOT NULL
);
CREATE INDEX attachments_by_case ON attachments(case_id, id);

-- Append-only: every change of a case, written in the change's transaction. id is the cursor
-- of the events API; details holds the kind's fields (a JSON object, camelCase).
CREATE TABLE case_events (
    id       BIGINT PRIMARY KEY,
    case_id  BIGINT NOT NULL REFERENCES cases(id),
    time     BIGINT NOT NULL,
    actor    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    details  TEXT NOT NULL
);
CREATE INDEX case_events_by_case ON case_events(case_id, id);

-- Per user, the last write of a case they have read (read_seq) and when they read it.
CREATE TABLE case_reads (
    user_id   BIGINT NOT NULL REFERENCES users(id),
    case_id   BIGINT NOT NULL REFERENCES cases(id),
    read_seq  BIGINT NOT NULL,
    read_time BIGINT NOT NULL,
    PRIMARY KEY (user_id, case_id)
);
"#,
    r#"
-- P0 (Google Cloud's priority above P1, filed through the /v2 surface) is stored as 0
-- (sev_rank 5). The column's CHECK has PostgreSQL's generated name.
ALTER TABLE cases DROP CONSTRAINT cases_priority_check;
ALTER TABLE cases ADD CONSTRAINT cases_priority_check CHECK (priority BETWEEN 0 AND 4);
"#,
    r#"
-- A keyword list chooses its plan from the words' frequencies in pg_stats. At the default
-- target the list of common words ends at a share of 0.3-3% (from one ANALYZE to the next),
-- so that a word it does not hold (rare, or absent) looked common enough to walk for; at
-- 1000 it samples 300,000 cases and the list ends near 0.2%.
ALTER TABLE cases ALTER COLUMN search SET STATISTICS 1000;
-- New cases go straight into the keyword index rather than into its pending list, which every
-- search reads through whole until VACUUM merges it (8,000 new cases made an absent word cost
-- 2 ms; a create costs some 15% more).
ALTER INDEX cases_by_keyword SET (fastupdate = off);
SELECT gin_clean_pending_list('cases_by_keyword'::regclass);
"#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// The keyword index of a case's text, as the `search` column holds it.
pub const SEARCH_VECTOR: &str = "to_tsvector('simple', regexp_replace(display_name || ' ' || description || ' ' || messages, '[^[:alnum:]]+', ' ', 'g'))";
