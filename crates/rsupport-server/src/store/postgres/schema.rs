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
    r#"
-- The word signature of a case: a Bloom filter of its keyword index's words, kept in the
-- (domain, update time) b-tree, so that a keyword list walking that b-tree (newest first)
-- tests each case there and reads the heap row only of a case that may hold the words (a
-- rare word's page lay some 2,000 cases down, each a heap row read to be tested). Bit 0 is
-- always set; each word sets two bits (of 1-2047, from its hash) for each of its prefixes of
-- 3, 4, 6, 8 and 12 characters (those it has). A keyword of n >= 3 characters, matched as a
-- prefix, needs the bits of its own prefix of the longest of those lengths <= n: every word
-- it begins has that prefix. A set bit proves nothing (the `tsvector` is tested after), an
-- unset one that the case lacks the word. hashtextextended is PostgreSQL's hash of text
-- (the one hash partitioning keeps across versions).
CREATE FUNCTION case_word_signature(words tsvector) RETURNS bit(2048)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
    signature bit(2048) := set_bit(repeat('0', 2048)::bit(2048), 0, 1);
    word text;
    len int;
    prefix int;
    h bigint;
BEGIN
    FOREACH word IN ARRAY tsvector_to_array(words) LOOP
        len := length(word);
        FOREACH prefix IN ARRAY ARRAY[3, 4, 6, 8, 12] LOOP
            EXIT WHEN prefix > len;
            h := hashtextextended(left(word, prefix), 0);
            signature := set_bit(signature, 1 + ((h & 2147483647) % 2047)::int, 1);
            signature := set_bit(signature, 1 + (((h >> 32) & 2147483647) % 2047)::int, 1);
        END LOOP;
    END LOOP;
    RETURN signature;
END
$fn$;

-- The bits a case's signature has when it holds every keyword (two a keyword; 0, always
-- set, for a keyword that the signature cannot test: under 3 characters, or not one word).
-- Each keyword is split and lowercased as to_tsquery splits it.
CREATE FUNCTION case_word_bits(keywords text[]) RETURNS int[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
    bits int[] := '{}';
    keyword text;
    words text[];
    len int;
    prefix int;
    h bigint;
BEGIN
    FOREACH keyword IN ARRAY keywords LOOP
        words := tsvector_to_array(to_tsvector('simple', keyword));
        prefix := 0;
        IF cardinality(words) = 1 THEN
            len := length(words[1]);
            prefix := CASE WHEN len >= 12 THEN 12 WHEN len >= 8 THEN 8 WHEN len >= 6 THEN 6
                           WHEN len >= 4 THEN 4 WHEN len >= 3 THEN 3 ELSE 0 END;
        END IF;
        IF prefix = 0 THEN
            bits := bits || ARRAY[0, 0];
        ELSE
            h := hashtextextended(left(words[1], prefix), 0);
            bits := bits || ARRAY[1 + ((h & 2147483647) % 2047)::int,
                                  1 + (((h >> 32) & 2147483647) % 2047)::int];
        END IF;
    END LOOP;
    RETURN bits;
END
$fn$;

-- Kept by triggers rather than as a generated column: PostgreSQL computes a generated column
-- again at every UPDATE of the row (a case's every write), these only when the words change.
CREATE FUNCTION cases_sign_words() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.search_sig := case_word_signature(NEW.search);
    RETURN NEW;
END
$fn$;
-- (Added as a generated column, then made a plain one: the table rewritten once, with its
-- indexes built anew, rather than every row updated in each index.)
ALTER TABLE cases ADD COLUMN search_sig bit(2048)
    GENERATED ALWAYS AS (case_word_signature(search)) STORED;
ALTER TABLE cases ALTER COLUMN search_sig DROP EXPRESSION;
ALTER TABLE cases ALTER COLUMN search_sig SET NOT NULL;
CREATE TRIGGER cases_sign_new_words BEFORE INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION cases_sign_words();
CREATE TRIGGER cases_sign_changed_words BEFORE UPDATE OF search ON cases
    FOR EACH ROW WHEN (NEW.search IS DISTINCT FROM OLD.search)
    EXECUTE FUNCTION cases_sign_words();
DROP INDEX cases_by_updated;
CREATE INDEX cases_by_updated ON cases(reseller_domain, update_time DESC, id DESC)
    INCLUDE (update_seq, search_sig);
-- The walk reads the b-tree alone only on pages the visibility map marks all-visible, which
-- VACUUM sets: vacuumed after every 1,000 new or changed cases (by default after a fifth of
-- the table), the newest cases (those a list walks first) do not wait long for it.
ALTER TABLE cases SET (
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0
);
"#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// The keyword index of a case's text, as the `search` column holds it.
pub const SEARCH_VECTOR: &str = "to_tsvector('simple', regexp_replace(display_name || ' ' || description || ' ' || messages, '[^[:alnum:]]+', ' ', 'g'))";
