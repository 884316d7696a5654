//! Cases, their history of writes, comments, attachments and the keyword index.

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::CachedRow as _;
use super::words::{self, Expansion};
use super::{StoreError, from_micros, insert_event, to_micros};
use crate::catalogue;
use crate::store::model::*;
use rsupport_api::types::{
    Attachment, AuthorRole, Case, CaseEvent, CaseEventKind, CaseOrder, CaseState, Comment,
    Escalation, EscalationReason, PRODUCT_GOOGLE_WORKSPACE, Severity, StateChangeVia, StateFilter,
};

const CASE_COLUMNS: &str = "c.id, c.customer_id, cu.display_name, c.reseller_domain, c.product, \
    c.display_name, c.description, c.classification, c.priority, c.state, c.language_code, \
    c.time_zone, c.escalation_reason, c.escalation_justification, c.escalated_by, \
    c.escalate_time, c.subscribers, c.creator, c.create_time, c.update_time, c.close_time, \
    c.comment_count, c.attachment_count, c.sev_rank";

const CASE_FROM: &str = "FROM cases c JOIN customers cu ON cu.id = c.customer_id";

/// Number of columns of [`CASE_COLUMNS`].
const CASE_COLUMN_COUNT: usize = 24;

fn case_from_row(row: &Row) -> Result<Case, StoreError> {
    let id: i64 = row.get(0)?;
    let classification: String = row.get(7)?;
    let state: String = row.get(9)?;
    let escalation_reason: Option<String> = row.get(12)?;
    let subscribers: String = row.get(16)?;
    let escalation = match escalation_reason {
        Some(reason) => Some(Escalation {
            reason: reason
                .parse::<EscalationReason>()
                .map_err(StoreError::Corrupt)?,
            justification: row.get::<_, Option<String>>(13)?.unwrap_or_default(),
            escalated_by: row.get::<_, Option<String>>(14)?.unwrap_or_default(),
            escalate_time: from_micros(row.get::<_, Option<i64>>(15)?.unwrap_or_default())?,
        }),
        None => None,
    };
    Ok(Case {
        id: id as u64,
        name: format!("cases/{id}"),
        customer: row.get(1)?,
        customer_display_name: row.get(2)?,
        reseller_domain: row.get(3)?,
        product: row.get(4)?,
        display_name: row.get(5)?,
        description: row.get(6)?,
        classification: catalogue::find(&classification)
            .cloned()
            .unwrap_or_else(|| catalogue::unknown(&classification)),
        priority: priority_from_number(row.get(8)?)?,
        state: state.parse().map_err(StoreError::Corrupt)?,
        language_code: row.get(10)?,
        time_zone: row.get(11)?,
        escalated: escalation.is_some(),
        escalation,
        subscriber_email_addresses: serde_json::from_str(&subscribers)
            .map_err(|e| StoreError::Corrupt(format!("subscribers of case {id}: {e}")))?,
        creator: row.get(17)?,
        create_time: from_micros(row.get(18)?)?,
        update_time: from_micros(row.get(19)?)?,
        close_time: row
            .get::<_, Option<i64>>(20)?
            .map(from_micros)
            .transpose()?,
        comment_count: row.get(21)?,
        attachment_count: row.get(22)?,
        unread: None,
    })
}

/// Search keys per microsecond of update time: ties take the next free one.
pub(super) const SEARCH_KEYS_PER_MICROSECOND: i64 = 1024;

/// The `case_search.tenant` token of a reseller domain (one token whatever the domain holds).
pub(super) fn tenant_token(domain: &str) -> String {
    format!("t{}", hex::encode_upper(domain))
}

/// A free search key for a case updated at `time` (microseconds): keys sort as update times.
pub(super) fn next_search_key(conn: &Connection, time: i64) -> Result<i64, StoreError> {
    let base = time
        .checked_mul(SEARCH_KEYS_PER_MICROSECOND)
        .ok_or_else(|| StoreError::Corrupt(format!("update time {time} out of search range")))?;
    let last: Option<i64> = conn
        .prepare_cached("SELECT MAX(rowid) FROM case_search WHERE rowid BETWEEN ?1 AND ?2")?
        .query_row(params![base, base + SEARCH_KEYS_PER_MICROSECOND - 1], |r| {
            r.get(0)
        })?;
    match last {
        None => Ok(base),
        Some(k) if k < base + SEARCH_KEYS_PER_MICROSECOND - 1 => Ok(k + 1),
        Some(_) => {
            // A full microsecond (bulk seeding): the key after the run of keys above it, and
            // how far past its microsecond's keys a key now lies, for lists to bound by.
            let top: i64 = conn
                .prepare_cached("SELECT MAX(rowid) FROM case_search WHERE rowid >= ?1")?
                .query_row([base], |r| r.get(0))?;
            let key = top
                .checked_add(1)
                .ok_or_else(|| StoreError::Corrupt("search keys exhausted".into()))?;
            note_search_spill(conn, key - (base + SEARCH_KEYS_PER_MICROSECOND - 1))?;
            Ok(key)
        }
    }
}

/// How far past the keys of its update time's microsecond any search key lies (0 unless some
/// microsecond held more than [`SEARCH_KEYS_PER_MICROSECOND`] writes).
fn search_spill(conn: &Connection) -> Result<i64, StoreError> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'search_spill'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Records that a search key lies `spill` past its microsecond's keys, if that is further
/// than any before.
pub(super) fn note_search_spill(conn: &Connection, spill: i64) -> Result<(), StoreError> {
    if spill > search_spill(conn)? {
        conn.prepare_cached(
            "INSERT INTO settings(key, value) VALUES ('search_spill', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )?
        .execute([spill.to_string()])?;
    }
    Ok(())
}

/// Appends a write to the case's history and stamps the case with it; its search row moves
/// to a key of the new update time, indexing the case's text as it now is (the index keeps
/// no text of its own).
fn record_write(conn: &Connection, case_id: i64, now: Timestamp) -> Result<(), StoreError> {
    stamp_write(conn, case_id, now)?;
    let old: Option<i64> = conn
        .prepare_cached("SELECT search_key FROM cases WHERE id = ?1")?
        .query_row([case_id], |r| r.get(0))?;
    let key = next_search_key(conn, to_micros(now))?;
    if let Some(old) = old {
        conn.prepare_cached("DELETE FROM case_search WHERE rowid = ?1")?
            .execute([old])?;
    }
    conn.prepare_cached(
        "INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
         SELECT ?2, 't' || hex(c.reseller_domain), c.display_name, c.description,
                COALESCE((SELECT group_concat(m.body, char(10)) FROM comments m
                          WHERE m.case_id = c.id), ''),
                c.id
           FROM cases c WHERE c.id = ?1",
    )?
    .execute(params![case_id, key])?;
    conn.prepare_cached("UPDATE cases SET search_key = ?2 WHERE id = ?1")?
        .execute(params![case_id, key])?;
    Ok(())
}

/// Appends a write to the case's history and stamps the case with it.
fn stamp_write(conn: &Connection, case_id: i64, now: Timestamp) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO case_updates(case_id, update_time, sev_rank)
         SELECT id, ?2, sev_rank FROM cases WHERE id = ?1",
    )?
    .execute(params![case_id, to_micros(now)])?;
    let seq = conn.last_insert_rowid();
    conn.prepare_cached("UPDATE cases SET update_time = ?2, update_seq = ?3 WHERE id = ?1")?
        .execute(params![case_id, to_micros(now), seq])?;
    Ok(())
}

pub fn insert_case(conn: &Connection, new: &NewCase) -> Result<u64, StoreError> {
    let subscribers = serde_json::to_string(&new.subscribers)
        .map_err(|e| StoreError::Corrupt(format!("subscribers: {e}")))?;
    let key = next_search_key(conn, to_micros(new.create_time))?;
    conn.prepare_cached(
        "INSERT INTO cases(customer_id, reseller_domain, product, display_name, description,
             classification, priority, sev_rank, state, language_code, time_zone, subscribers,
             creator, create_time, update_time, update_seq, request_id, request_fingerprint,
             search_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, 0, ?15, ?16, ?17)",
    )?
    .execute(params![
        new.customer,
        new.reseller_domain,
        PRODUCT_GOOGLE_WORKSPACE,
        new.display_name,
        new.description,
        new.classification,
        priority_number(new.priority),
        sev_rank(new.priority),
        new.state.as_str(),
        new.language_code,
        new.time_zone,
        subscribers,
        new.creator,
        to_micros(new.create_time),
        new.request_id,
        new.request_fingerprint,
        key,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached(
        "INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
         VALUES (?1, ?2, ?3, ?4, '', ?5)",
    )?
    .execute(params![
        key,
        tenant_token(&new.reseller_domain),
        new.display_name,
        new.description,
        id
    ])?;
    words::add_words(
        conn,
        &new.reseller_domain,
        [new.display_name.as_str(), new.description.as_str()],
    )?;
    stamp_write(conn, id, new.create_time)?;
    let mut event = CaseEvent::new(
        id as u64,
        new.create_time,
        &new.creator,
        CaseEventKind::Created,
    );
    event.title = Some(new.display_name.clone());
    event.severity = Some(new.priority);
    insert_event(conn, &event)?;
    Ok(id as u64)
}

/// The case an earlier create with this request id made, with the fingerprint of its body.
pub fn find_case_by_request(
    conn: &Connection,
    reseller_domain: &str,
    request_id: &str,
) -> Result<Option<(u64, String)>, StoreError> {
    Ok(conn
        .cached_row(
            "SELECT id, request_fingerprint FROM cases WHERE reseller_domain = ?1 AND request_id = ?2",
            params![reseller_domain, request_id],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
        )
        .optional()?)
}

/// Whether the domain ever filed a case for the customer.
pub fn domain_filed_for(
    conn: &Connection,
    reseller_domain: &str,
    customer: &str,
) -> Result<bool, StoreError> {
    Ok(conn
        .cached_row(
            "SELECT 1 FROM cases WHERE reseller_domain = ?1 AND customer_id = ?2 LIMIT 1",
            params![reseller_domain, customer],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub fn find_case(conn: &Connection, id: u64) -> Result<Option<Case>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CASE_COLUMNS} {CASE_FROM} WHERE c.id = ?1"
    ))?;
    let mut rows = stmt.query([id as i64])?;
    match rows.next()? {
        Some(row) => Ok(Some(case_from_row(row)?)),
        None => Ok(None),
    }
}

/// [`find_case`] with `unread` from `reader`'s read marker, in one statement.
pub fn find_case_read_by(
    conn: &Connection,
    id: u64,
    reader: i64,
) -> Result<Option<Case>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CASE_COLUMNS}, c.support_seq > COALESCE(r.read_seq, 0) {CASE_FROM}
         LEFT JOIN case_reads r ON r.user_id = ?2 AND r.case_id = c.id WHERE c.id = ?1"
    ))?;
    let mut rows = stmt.query(params![id as i64, reader])?;
    match rows.next()? {
        Some(row) => {
            let mut case = case_from_row(row)?;
            case.unread = Some(row.get(CASE_COLUMN_COUNT)?);
            Ok(Some(case))
        }
        None => Ok(None),
    }
}

/// Loads a case that the caller just wrote and must exist.
pub fn get_case(conn: &Connection, id: u64) -> Result<Case, StoreError> {
    find_case(conn, id)?.ok_or_else(|| StoreError::Corrupt(format!("case {id} vanished")))
}

/// Changes the title and/or severity; `actor` is recorded in the timeline with each change.
pub fn update_case_fields(
    conn: &Connection,
    id: u64,
    display_name: Option<&str>,
    priority: Option<Severity>,
    actor: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let before = get_case(conn, id)?;
    if let Some(title) = display_name.filter(|t| *t != before.display_name) {
        let mut event = CaseEvent::new(id, now, actor, CaseEventKind::TitleChanged);
        event.from = Some(before.display_name.clone());
        event.to = Some(title.to_string());
        insert_event(conn, &event)?;
        conn.execute(
            "UPDATE cases SET display_name = ?2 WHERE id = ?1",
            params![id as i64, title],
        )?;
        // the write recorded below indexes the new title
        words::add_words(conn, &before.reseller_domain, [title])?;
    }
    if let Some(p) = priority.filter(|p| *p != before.priority) {
        let mut event = CaseEvent::new(id, now, actor, CaseEventKind::SeverityChanged);
        event.from = Some(before.priority.as_str().to_string());
        event.to = Some(p.as_str().to_string());
        insert_event(conn, &event)?;
        conn.execute(
            "UPDATE cases SET priority = ?2, sev_rank = ?3 WHERE id = ?1",
            params![id as i64, priority_number(p), sev_rank(p)],
        )?;
    }
    record_write(conn, id as i64, now)
}

/// Sets the state; `close_time` is written as given (set on close, cleared on reopen). A
/// change of state is recorded in the timeline with `actor` and what moved it (`via`).
pub fn set_case_state(
    conn: &Connection,
    id: u64,
    state: CaseState,
    close_time: Option<Timestamp>,
    now: Timestamp,
    actor: &str,
    via: StateChangeVia,
) -> Result<(), StoreError> {
    let before: String =
        conn.cached_row("SELECT state FROM cases WHERE id = ?1", [id as i64], |r| {
            r.get(0)
        })?;
    if before != state.as_str() {
        let mut event = CaseEvent::new(id, now, actor, CaseEventKind::StateChanged);
        event.from = Some(before);
        event.to = Some(state.as_str().to_string());
        event.via = Some(via);
        insert_event(conn, &event)?;
    }
    conn.execute(
        "UPDATE cases SET state = ?2, close_time = ?3 WHERE id = ?1",
        params![id as i64, state.as_str(), close_time.map(to_micros)],
    )?;
    record_write(conn, id as i64, now)
}

pub fn set_case_escalation(
    conn: &Connection,
    id: u64,
    escalation: &Escalation,
    now: Timestamp,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE cases SET escalation_reason = ?2, escalation_justification = ?3,
             escalated_by = ?4, escalate_time = ?5 WHERE id = ?1",
        params![
            id as i64,
            escalation.reason.as_str(),
            escalation.justification,
            escalation.escalated_by,
            to_micros(escalation.escalate_time)
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
    insert_event(conn, &event)?;
    record_write(conn, id as i64, now)
}

/// Sets who the case is shared with; who was added and removed is recorded with `actor`.
pub fn set_case_subscribers(
    conn: &Connection,
    id: u64,
    subscribers: &[String],
    actor: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let before = get_case(conn, id)?.subscriber_email_addresses;
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
        insert_event(conn, &event)?;
    }
    let text = serde_json::to_string(subscribers)
        .map_err(|e| StoreError::Corrupt(format!("subscribers: {e}")))?;
    conn.execute(
        "UPDATE cases SET subscribers = ?2 WHERE id = ?1",
        params![id as i64, text],
    )?;
    record_write(conn, id as i64, now)
}

fn comment_from_row(row: &Row) -> Result<Comment, StoreError> {
    let role: String = row.get(4)?;
    Ok(Comment {
        id: row.get::<_, i64>(0)? as u64,
        case_id: row.get::<_, i64>(1)? as u64,
        body: row.get(2)?,
        author: row.get(3)?,
        author_role: if role == "support" {
            AuthorRole::Support
        } else {
            AuthorRole::Reseller
        },
        create_time: from_micros(row.get(5)?)?,
    })
}

/// Adds a message to a case's history and to its keyword index; bumps the case.
pub fn insert_comment(
    conn: &Connection,
    case_id: u64,
    body: &str,
    author: &str,
    role: AuthorRole,
    now: Timestamp,
) -> Result<Comment, StoreError> {
    let role_text = match role {
        AuthorRole::Reseller => "reseller",
        AuthorRole::Support => "support",
    };
    conn.execute(
        "INSERT INTO comments(case_id, body, author, author_role, create_time)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![case_id as i64, body, author, role_text, to_micros(now)],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE cases SET comment_count = comment_count + 1 WHERE id = ?1",
        [case_id as i64],
    )?;
    let domain: String = conn.cached_row(
        "SELECT reseller_domain FROM cases WHERE id = ?1",
        [case_id as i64],
        |r| r.get(0),
    )?;
    words::add_words(conn, &domain, [body])?;
    // indexes the case's text with the new message
    record_write(conn, case_id as i64, now)?;
    if role == AuthorRole::Support {
        note_support_activity(conn, case_id)?;
    }
    let mut event = CaseEvent::new(case_id, now, author, CaseEventKind::Message);
    event.comment_id = Some(id as u64);
    event.author_role = Some(role);
    event.body = Some(body.to_string());
    insert_event(conn, &event)?;
    Ok(Comment {
        id: id as u64,
        case_id,
        body: body.to_string(),
        author: author.to_string(),
        author_role: role,
        create_time: now,
    })
}

/// A case's messages, oldest first, after the comment id `after`.
pub fn list_comments(
    conn: &Connection,
    case_id: u64,
    after: u64,
    limit: u32,
) -> Result<Vec<Comment>, StoreError> {
    // the limit in the SQL: a bound LIMIT re-plans the statement at every call (see list_cases)
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, case_id, body, author, author_role, create_time FROM comments
         WHERE case_id = ?1 AND id > ?2 ORDER BY id LIMIT {limit}"
    ))?;
    let mut rows = stmt.query(params![case_id as i64, after as i64])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(comment_from_row(row)?);
    }
    Ok(out)
}

/// Stores content once per SHA-256.
pub fn insert_blob(conn: &Connection, sha256: &str, data: &[u8]) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO blobs(sha256, size, data) VALUES (?1, ?2, ?3) ON CONFLICT(sha256) DO NOTHING",
        params![sha256, data.len() as i64, data],
    )?;
    Ok(())
}

/// Stores `size` bytes read from `content` (already hashed to `sha256`) in place, a chunk at
/// a time: the content is never whole in memory. Content stored before is kept as is.
pub fn insert_blob_from(
    conn: &Connection,
    sha256: &str,
    size: u64,
    mut content: impl std::io::Read,
) -> Result<(), StoreError> {
    let inserted = conn.execute(
        "INSERT INTO blobs(sha256, size, data) VALUES (?1, ?2, zeroblob(?2)) ON CONFLICT(sha256) DO NOTHING",
        params![sha256, size as i64],
    )?;
    if inserted == 0 {
        return Ok(());
    }
    let rowid = conn.last_insert_rowid();
    let mut blob = conn.blob_open(rusqlite::MAIN_DB, "blobs", "data", rowid, false)?;
    let copied = std::io::copy(&mut content, &mut blob)
        .map_err(|e| StoreError::Corrupt(format!("cannot store an upload: {e}")))?;
    if copied != size {
        return Err(StoreError::Corrupt(format!(
            "an upload of {size} bytes had {copied}"
        )));
    }
    Ok(())
}

pub fn find_blob(conn: &Connection, sha256: &str) -> Result<Option<BlobRef>, StoreError> {
    Ok(conn
        .cached_row(
            "SELECT rowid, length(data) FROM blobs WHERE sha256 = ?1",
            [sha256],
            |r| {
                Ok(BlobRef {
                    key: r.get(0)?,
                    size: r.get::<_, i64>(1)? as u64,
                })
            },
        )
        .optional()?)
}

/// `len` bytes of a stored file from `offset`.
pub fn read_blob(
    conn: &Connection,
    blob: &BlobRef,
    offset: u64,
    len: u64,
) -> Result<Vec<u8>, StoreError> {
    let handle = conn.blob_open(rusqlite::MAIN_DB, "blobs", "data", blob.key, true)?;
    let mut buf = vec![0u8; len as usize];
    let read = handle.read_at(&mut buf, offset as usize)?;
    buf.truncate(read);
    Ok(buf)
}

pub fn insert_attachment(conn: &Connection, a: &NewAttachment) -> Result<Attachment, StoreError> {
    conn.execute(
        "INSERT INTO attachments(case_id, filename, size_bytes, sha256, mime_type, creator, create_time)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            a.case_id as i64,
            a.filename,
            a.size_bytes as i64,
            a.sha256,
            a.mime_type,
            a.creator,
            to_micros(a.now)
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE cases SET attachment_count = attachment_count + 1 WHERE id = ?1",
        [a.case_id as i64],
    )?;
    record_write(conn, a.case_id as i64, a.now)?;
    let mut event = CaseEvent::new(a.case_id, a.now, a.creator, CaseEventKind::AttachmentAdded);
    event.attachment_id = Some(id as u64);
    event.filename = Some(a.filename.to_string());
    event.size_bytes = Some(a.size_bytes);
    insert_event(conn, &event)?;
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

fn attachment_from_row(row: &Row) -> Result<Attachment, StoreError> {
    Ok(Attachment {
        id: row.get::<_, i64>(0)? as u64,
        case_id: row.get::<_, i64>(1)? as u64,
        filename: row.get(2)?,
        size_bytes: row.get::<_, i64>(3)? as u64,
        sha256: row.get(4)?,
        mime_type: row.get(5)?,
        creator: row.get(6)?,
        create_time: from_micros(row.get(7)?)?,
    })
}

const ATTACHMENT_COLUMNS: &str =
    "id, case_id, filename, size_bytes, sha256, mime_type, creator, create_time";

pub fn list_attachments(conn: &Connection, case_id: u64) -> Result<Vec<Attachment>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE case_id = ?1 ORDER BY id"
    ))?;
    let mut rows = stmt.query([case_id as i64])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(attachment_from_row(row)?);
    }
    Ok(out)
}

pub fn find_attachment(
    conn: &Connection,
    case_id: u64,
    attachment_id: u64,
) -> Result<Option<Attachment>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE case_id = ?1 AND id = ?2"
    ))?;
    let mut rows = stmt.query(params![case_id as i64, attachment_id as i64])?;
    match rows.next()? {
        Some(row) => Ok(Some(attachment_from_row(row)?)),
        None => Ok(None),
    }
}

/// Records that the case's latest write was support's (a message or a state change): the
/// case is unread for every user whose read marker is older.
pub fn note_support_activity(conn: &Connection, case_id: u64) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE cases SET support_seq = update_seq WHERE id = ?1")?
        .execute([case_id as i64])?;
    Ok(())
}

/// Moves `user_id`'s read marker of a case forward (never back) to its latest write, or with
/// `up_to`, to its latest write at or before that time (the update time the reader was shown).
pub fn mark_case_read(
    conn: &Connection,
    user_id: i64,
    case_id: u64,
    up_to: Option<Timestamp>,
    now: Timestamp,
) -> Result<(), StoreError> {
    let seq: i64 = match up_to {
        None => conn
            .prepare_cached("SELECT update_seq FROM cases WHERE id = ?1")?
            .query_row([case_id as i64], |r| r.get(0))?,
        Some(time) => conn
            .prepare_cached(
                "SELECT COALESCE(MAX(seq), 0) FROM case_updates WHERE case_id = ?1 AND update_time <= ?2",
            )?
            .query_row(params![case_id as i64, to_micros(time)], |r| r.get(0))?,
    };
    conn.prepare_cached(
        "INSERT INTO case_reads(user_id, case_id, read_seq, read_time) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(user_id, case_id) DO UPDATE
         SET read_seq = MAX(read_seq, excluded.read_seq), read_time = excluded.read_time",
    )?
    .execute(params![user_id, case_id as i64, seq, to_micros(now)])?;
    Ok(())
}

/// Whether support acted on the case since `user_id` last read it (or ever, if never read).
pub fn case_unread(conn: &Connection, user_id: i64, case_id: u64) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT c.support_seq > COALESCE(r.read_seq, 0) FROM cases c
             LEFT JOIN case_reads r ON r.user_id = ?1 AND r.case_id = c.id
             WHERE c.id = ?2",
        )?
        .query_row(params![user_id, case_id as i64], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}

/// The sequence number of the latest write to any case.
pub fn latest_case_write(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM case_updates")?
        .query_row([], |r| r.get(0))?)
}

/// Up to this many keyword hits, a list in another order than `updated` is driven from the
/// hits (then sorted); above it, from the order's index, probing the hits. Either plan alone is
/// slow for the other case.
const SMALL_HIT_SET: i64 = 2_000;

/// How a list applies its keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextPlan {
    /// The `updated` order: the hits in search-key order are the outer loop (`case_search`
    /// joined first); the list stops after a page.
    Search,
    /// Few hits: all of them are the outer loop, then sorted.
    Hits,
    /// Many hits: the order's index is the outer loop, each row checked against the hit set.
    InSet,
    /// A few given rows (the cases written since a snapshot): one probe of the index per row.
    Probe,
}

/// A list's keywords as the keyword index matches them, and how the list applies them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TextMatch {
    expr: String,
    plan: TextPlan,
}

impl TextMatch {
    /// The same match, probing given rows (the cases written since a snapshot).
    fn probe(&self) -> TextMatch {
        TextMatch {
            expr: self.expr.clone(),
            plan: TextPlan::Probe,
        }
    }
}

/// What a list's keywords ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Keywords {
    /// No keywords: every case.
    None,
    /// A keyword begins no word of the text searched: no case.
    Unmatched,
    Match(TextMatch),
}

/// The FTS5 expression of a list's keywords, `None` when one begins no word of the text
/// searched. Each keyword matches the words it begins, in the text columns: a short one
/// through the prefix indexes, a longer one as the whole words of the domain's text it
/// begins (`search_words`). For a reseller the domain's tenant token is a term too, so that
/// another domain's hits are never walked.
fn match_expr(conn: &Connection, filter: &CaseFilter) -> Result<Option<String>, StoreError> {
    let tenant = filter.reseller_domain.as_deref();
    let mut terms = Vec::new();
    for keyword in &filter.keywords {
        for word in words::keyword_words(keyword)? {
            match words::expand(conn, tenant, &word)? {
                Expansion::Prefix | Expansion::TooMany => {
                    terms.push(format!("{}*", words::quoted(&word)));
                }
                Expansion::Words(list) if list.is_empty() => return Ok(None),
                Expansion::Words(list) => terms.push(format!(
                    "({})",
                    list.iter()
                        .map(|w| words::quoted(w))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                )),
            }
        }
    }
    if terms.is_empty() {
        // keywords the index splits into nothing can match nothing
        return Ok(None);
    }
    let words = format!("{{title description messages}} : ({})", terms.join(" AND "));
    Ok(Some(match tenant {
        Some(domain) => format!("tenant : \"{}\" AND {words}", tenant_token(domain)),
        None => words,
    }))
}

/// How a list in `order` with these keywords is matched and planned.
fn keywords(conn: &Connection, filter: &CaseFilter) -> Result<Keywords, StoreError> {
    if filter.keywords.is_empty() {
        return Ok(Keywords::None);
    }
    let Some(expr) = match_expr(conn, filter)? else {
        return Ok(Keywords::Unmatched);
    };
    let plan = if filter.order == CaseOrder::Updated {
        TextPlan::Search
    } else if few_text_hits(conn, &expr)? {
        TextPlan::Hits
    } else {
        TextPlan::InSet
    };
    Ok(Keywords::Match(TextMatch { expr, plan }))
}

/// Whether the keyword match has at most [`SMALL_HIT_SET`] hits.
fn few_text_hits(conn: &Connection, expr: &str) -> Result<bool, StoreError> {
    let hits: i64 = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*) FROM (SELECT rowid FROM case_search WHERE case_search MATCH ?1 LIMIT {})",
            SMALL_HIT_SET + 1
        ))?
        .query_row([expr], |r| r.get(0))?;
    Ok(hits <= SMALL_HIT_SET)
}

/// The FROM clause of a list, per its keyword match.
fn from_sql(
    filter: &CaseFilter,
    text: Option<&TextMatch>,
    sql: &mut String,
    args: &mut Vec<Value>,
) {
    match text.map(|t| (t, t.plan)) {
        Some((text, TextPlan::Hits)) => {
            sql.push_str(
                " FROM (SELECT case_id AS hit FROM case_search WHERE case_search MATCH ?) h
                  CROSS JOIN cases c ON c.id = h.hit
                  JOIN customers cu ON cu.id = c.customer_id",
            );
            args.push(Value::Text(text.expr.clone()));
        }
        Some((_, TextPlan::Search)) => {
            sql.push_str(
                " FROM case_search CROSS JOIN cases c ON c.id = case_search.case_id
                  JOIN customers cu ON cu.id = c.customer_id",
            );
        }
        _ => {
            sql.push(' ');
            sql.push_str(CASE_FROM);
        }
    }
    reads_join_sql(filter, sql, args);
}

/// The viewer's read marker of each case: one probe of `case_reads`' primary key per row.
fn reads_join_sql(filter: &CaseFilter, sql: &mut String, args: &mut Vec<Value>) {
    if let Some(user) = filter.viewer {
        sql.push_str(" LEFT JOIN case_reads r ON r.user_id = ? AND r.case_id = c.id");
        args.push(Value::Integer(user));
    }
}

/// The `unread` column of a list: NULL (absent) without a viewer.
fn unread_column(filter: &CaseFilter) -> &'static str {
    if filter.viewer.is_some() {
        "(c.support_seq > COALESCE(r.read_seq, 0))"
    } else {
        "NULL"
    }
}

fn filter_sql(
    filter: &CaseFilter,
    text: Option<&TextMatch>,
    sql: &mut String,
    args: &mut Vec<Value>,
) {
    sql.push_str(" WHERE 1 = 1");
    if let Some(text) = text {
        let expr = Value::Text(text.expr.clone());
        match text.plan {
            TextPlan::Hits => {}
            TextPlan::Search => {
                sql.push_str(" AND case_search MATCH ?");
                args.push(expr);
            }
            TextPlan::InSet => {
                sql.push_str(
                    " AND c.search_key IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)",
                );
                args.push(expr);
            }
            TextPlan::Probe => {
                sql.push_str(
                    " AND EXISTS (SELECT 1 FROM case_search
                                  WHERE case_search MATCH ? AND rowid = c.search_key)",
                );
                args.push(expr);
            }
        }
    }
    if let Some(domain) = &filter.reseller_domain {
        sql.push_str(" AND c.reseller_domain = ?");
        args.push(Value::Text(domain.clone()));
    }
    if let Some(customer) = &filter.customer {
        sql.push_str(" AND c.customer_id = ?");
        args.push(Value::Text(customer.clone()));
    }
    match filter.state {
        StateFilter::All => {}
        StateFilter::Open => sql.push_str(" AND c.state <> 'closed'"),
        StateFilter::Only(state) => {
            sql.push_str(" AND c.state = ?");
            args.push(Value::Text(state.as_str().to_string()));
        }
    }
    if !filter.priorities.is_empty() {
        let marks = vec!["?"; filter.priorities.len()].join(", ");
        sql.push_str(&format!(" AND c.priority IN ({marks})"));
        args.extend(
            filter
                .priorities
                .iter()
                .map(|p| Value::Integer(priority_number(*p))),
        );
    }
    if let Some(since) = filter.updated_since {
        sql.push_str(" AND c.update_time >= ?");
        args.push(Value::Integer(to_micros(since)));
    }
    if let Some(since) = filter.created_since {
        sql.push_str(" AND c.create_time >= ?");
        args.push(Value::Integer(to_micros(since)));
    }
    if filter.unread_only {
        sql.push_str(if filter.viewer.is_some() {
            " AND c.support_seq > COALESCE(r.read_seq, 0)"
        } else {
            " AND c.support_seq > 0"
        });
    }
}

/// How many cases match `filter` with its state filter ignored, per state: one grouped count
/// over the list's own WHERE clause. Every state is named, 0 included.
pub fn count_cases_by_state(
    conn: &Connection,
    filter: &CaseFilter,
) -> Result<Vec<(CaseState, u64)>, StoreError> {
    let any_state = CaseFilter {
        state: StateFilter::All,
        ..filter.clone()
    };
    // A count walks every hit whatever the order: plan it as the severity order would be.
    let counted = CaseFilter {
        order: CaseOrder::Severity,
        ..any_state
    };
    let mut counts: Vec<(CaseState, u64)> = CaseState::ALL.iter().map(|s| (*s, 0)).collect();
    let text = match keywords(conn, &counted)? {
        Keywords::Unmatched => return Ok(counts),
        Keywords::None => None,
        Keywords::Match(text) => Some(text),
    };
    let mut sql = String::from("SELECT c.state, COUNT(*)");
    let mut args = Vec::new();
    from_sql(&counted, text.as_ref(), &mut sql, &mut args);
    filter_sql(&counted, text.as_ref(), &mut sql, &mut args);
    sql.push_str(" GROUP BY c.state");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    while let Some(row) = rows.next()? {
        let state: String = row.get(0)?;
        let count: i64 = row.get(1)?;
        if let Some(slot) = counts.iter_mut().find(|(s, _)| s.as_str() == state) {
            slot.1 = u64::try_from(count).unwrap_or(0);
        }
    }
    Ok(counts)
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

/// One page of a case list, keyset-paged.
///
/// `as_of` is the write sequence the first page was served at (`None` on the first page). A
/// case written after it is placed where it stood at `as_of` (its position from the history
/// table), so paging never shows a case twice nor skips one that existed at the first page;
/// cases created after the first page are left out. Creation times never change, so the
/// `created` order needs no such care. Filters apply to the cases as they are now: a case that
/// stopped matching (closed under `state=open`, say) leaves the list.
pub fn list_cases(
    conn: &Connection,
    filter: &CaseFilter,
    as_of: Option<i64>,
    after: Option<CaseCursor>,
    limit: u32,
) -> Result<CasePage, StoreError> {
    let as_of = match as_of {
        Some(seq) => seq,
        None => latest_case_write(conn)?,
    };
    let mutable_order = filter.order != CaseOrder::Created;
    let (key_cols, order_sql) = match filter.order {
        CaseOrder::Updated => ("(c.update_time, c.id)", "c.update_time DESC, c.id DESC"),
        CaseOrder::Created => ("(c.create_time, c.id)", "c.create_time DESC, c.id DESC"),
        CaseOrder::Severity => (
            "(c.sev_rank, c.update_time, c.id)",
            "c.sev_rank DESC, c.update_time DESC, c.id DESC",
        ),
    };

    // The indexed keyset query over cases unchanged since the snapshot.
    let text = match keywords(conn, filter)? {
        Keywords::Unmatched => {
            return Ok(CasePage {
                cases: Vec::new(),
                as_of,
                next: None,
            });
        }
        Keywords::None => None,
        Keywords::Match(text) => Some(text),
    };
    let searching = text.as_ref().is_some_and(|t| t.plan == TextPlan::Search);
    let mut sql = format!("SELECT {CASE_COLUMNS}, {}", unread_column(filter));
    if searching {
        sql.push_str(", case_search.rowid");
    }
    let mut args = Vec::new();
    from_sql(filter, text.as_ref(), &mut sql, &mut args);
    filter_sql(filter, text.as_ref(), &mut sql, &mut args);
    if let (true, Some(cursor)) = (searching, after) {
        // Search keys sort as update times: none past the cursor's microsecond (and the
        // spill of full microseconds) can follow it.
        sql.push_str(" AND case_search.rowid < ?");
        args.push(Value::Integer(
            cursor
                .time
                .saturating_add(1)
                .saturating_mul(SEARCH_KEYS_PER_MICROSECOND)
                .saturating_add(search_spill(conn)?),
        ));
    }
    if mutable_order {
        sql.push_str(" AND c.update_seq <= ?");
        args.push(Value::Integer(as_of));
    }
    if let Some(cursor) = after {
        if filter.order == CaseOrder::Severity {
            sql.push_str(&format!(" AND {key_cols} < (?, ?, ?)"));
            args.push(Value::Integer(cursor.rank));
        } else {
            sql.push_str(&format!(" AND {key_cols} < (?, ?)"));
        }
        args.push(Value::Integer(cursor.time));
        args.push(Value::Integer(cursor.id));
    }
    if searching {
        // In search-key order, which is update-time order (a key is at least its update time
        // * 1024); ties and spills are sorted below, so the walk stops only at a key below
        // the microsecond of the page's last case.
        sql.push_str(" ORDER BY case_search.rowid DESC");
    } else {
        // The limit is written into the SQL, not bound: SQLite plans with a bound LIMIT's
        // value, so every new binding of it would expire the cached statement and parse the
        // whole query again (a fifth of a list's time). Page sizes are few: one cached
        // statement each.
        sql.push_str(&format!(
            " ORDER BY {order_sql} LIMIT {}",
            u64::from(limit) + 1
        ));
    }

    let mut found: Vec<(CaseCursor, Case)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        let page = limit as usize + 1;
        let mut stop_below = i64::MIN;
        while let Some(row) = rows.next()? {
            if searching {
                let key: i64 = row.get(CASE_COLUMN_COUNT + 1)?;
                if key < stop_below {
                    break;
                }
            }
            let rank: i64 = row.get(CASE_COLUMN_COUNT - 1)?;
            let mut case = case_from_row(row)?;
            case.unread = row.get(CASE_COLUMN_COUNT)?;
            let cursor = cursor_of(&case, filter.order, rank);
            if searching && found.len() >= page && cursor < found[page - 1].0 {
                continue; // a tie that sorts after the page
            }
            found.push((cursor, case));
            if searching && found.len() >= page {
                // Keep the page's best; a later key below its last case's microsecond
                // belongs to an older case.
                found.sort_by_key(|(cursor, _)| std::cmp::Reverse(*cursor));
                found.truncate(page);
                stop_below = found[page - 1]
                    .0
                    .time
                    .saturating_mul(SEARCH_KEYS_PER_MICROSECOND);
            }
        }
    }
    if searching {
        found.sort_by_key(|(cursor, _)| std::cmp::Reverse(*cursor));
    }

    // Cases written since the snapshot, placed where they stood at the snapshot.
    if mutable_order && after.is_some() {
        let mut sql = format!(
            "SELECT {CASE_COLUMNS}, {},
                (SELECT h.update_time FROM case_updates h WHERE h.case_id = c.id AND h.seq <= ?
                   ORDER BY h.seq DESC LIMIT 1),
                (SELECT h.sev_rank FROM case_updates h WHERE h.case_id = c.id AND h.seq <= ?
                   ORDER BY h.seq DESC LIMIT 1)",
            unread_column(filter)
        );
        let mut args = vec![Value::Integer(as_of), Value::Integer(as_of)];
        sql.push_str(&format!(" {CASE_FROM}"));
        reads_join_sql(filter, &mut sql, &mut args);
        let probe = text.as_ref().map(TextMatch::probe);
        filter_sql(filter, probe.as_ref(), &mut sql, &mut args);
        sql.push_str(" AND c.update_seq > ?");
        args.push(Value::Integer(as_of));
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(row) = rows.next()? {
            let then_time: Option<i64> = row.get(CASE_COLUMN_COUNT + 1)?;
            let then_rank: Option<i64> = row.get(CASE_COLUMN_COUNT + 2)?;
            let (Some(time), Some(rank)) = (then_time, then_rank) else {
                continue; // created after the first page: left out
            };
            let mut case = case_from_row(row)?;
            case.unread = row.get(CASE_COLUMN_COUNT)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use rsupport_api::types::{Contact, Customer, SupportPlan};

    fn sqlite(store: &Store) -> &crate::store::sqlite::SqliteStore {
        match store {
            Store::Sqlite(s) => s,
            Store::Postgres(_) => unreachable!("a SQLite test store"),
        }
    }

    fn seeded(cases: usize) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.sqlite")).unwrap();
        store
            .write(|tx| -> Result<(), StoreError> {
                let now = Timestamp::now();
                tx.insert_domain("d.example", now)?;
                tx.upsert_customer(&Customer {
                    id: "acme".into(),
                    display_name: "Acme".into(),
                    primary_domain: "acme.example".into(),
                    reseller_domain: "d.example".into(),
                    plan: SupportPlan::Premium,
                    access_granted: true,
                    contact: Contact {
                        name: "n".into(),
                        email: "e@acme.example".into(),
                        phone: None,
                    },
                })?;
                for i in 0..cases {
                    let title = if i % 100 == 0 {
                        "common rare"
                    } else {
                        "common"
                    };
                    tx.insert_case(&NewCase {
                        customer: "acme".into(),
                        reseller_domain: "d.example".into(),
                        display_name: title.into(),
                        description: format!("case number {i}"),
                        classification: "gmail-delivery".into(),
                        priority: Severity::P3,
                        state: CaseState::New,
                        language_code: "en-US".into(),
                        time_zone: "UTC".into(),
                        subscribers: vec![],
                        creator: "a@d.example".into(),
                        create_time: now
                            .checked_add(jiff::SignedDuration::from_secs(i as i64))
                            .unwrap(),
                        request_id: format!("r{i}"),
                        request_fingerprint: "f".into(),
                    })?;
                }
                Ok(())
            })
            .unwrap();
        (dir, store)
    }

    fn filter(text: &str) -> CaseFilter {
        CaseFilter {
            reseller_domain: Some("d.example".into()),
            customer: None,
            state: StateFilter::All,
            priorities: vec![],
            keywords: crate::rules::keywords(text),
            updated_since: None,
            created_since: None,
            order: CaseOrder::Updated,
            viewer: None,
            unread_only: false,
        }
    }

    fn walk(store: &Store, f: &CaseFilter) -> Vec<u64> {
        walk_pages(store, f, 500)
    }

    fn walk_pages(store: &Store, f: &CaseFilter, limit: u32) -> Vec<u64> {
        let mut seen = Vec::new();
        let mut after = None;
        let mut as_of = None;
        loop {
            let page = store
                .read(|tx| tx.list_cases(f, as_of, after, limit))
                .unwrap();
            seen.extend(page.cases.iter().map(|c| c.id));
            as_of = Some(page.as_of);
            match page.next {
                Some(next) => after = Some(next),
                None => return seen,
            }
        }
    }

    #[test]
    fn keyword_lists_are_ordered_and_complete_on_both_sides_of_the_hit_threshold() {
        let total = SMALL_HIT_SET as usize + 200;
        let (_dir, store) = seeded(total);
        // Many hits: driven by the order's index.
        let common = walk(&store, &filter("common"));
        let expected: Vec<u64> = (1..=total as u64).rev().collect();
        assert_eq!(common, expected);
        // Few hits: driven by the hits, then sorted.
        let rare = walk(&store, &filter("rare"));
        let expected: Vec<u64> = (0..total)
            .filter(|i| i % 100 == 0)
            .map(|i| i as u64 + 1)
            .rev()
            .collect();
        assert_eq!(rare, expected);
        assert!(walk(&store, &filter("absent")).is_empty());
    }

    fn new_case(title: &str, time: Timestamp, request: usize) -> NewCase {
        NewCase {
            customer: "acme".into(),
            reseller_domain: "d.example".into(),
            display_name: title.into(),
            description: "d".into(),
            classification: "gmail-delivery".into(),
            priority: Severity::P3,
            state: CaseState::New,
            language_code: "en-US".into(),
            time_zone: "UTC".into(),
            subscribers: vec![],
            creator: "a@d.example".into(),
            create_time: time,
            request_id: format!("r{request}"),
            request_fingerprint: "f".into(),
        }
    }

    /// Every case of the domain, most recently updated first, from the cases table itself.
    fn by_update_time(store: &Store, title_has: &str) -> Vec<u64> {
        sqlite(store)
            .raw_read(|tx| -> Result<Vec<u64>, StoreError> {
                let mut stmt = tx.prepare(
                    "SELECT id FROM cases WHERE instr(display_name, ?1) > 0
                     ORDER BY update_time DESC, id DESC",
                )?;
                let ids = stmt
                    .query_map([title_has], |r| r.get::<_, i64>(0))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(ids.into_iter().map(|id| id as u64).collect())
            })
            .unwrap()
    }

    #[test]
    fn search_pages_keep_update_order_with_ties_and_times_out_of_write_order() {
        let (_dir, store) = seeded(0);
        let base = Timestamp::from_second(1_700_000_000).unwrap();
        store
            .write(|tx| -> Result<(), StoreError> {
                // Times out of write order, and many cases in the same microsecond.
                for i in 0..60usize {
                    let time = base
                        .checked_add(jiff::SignedDuration::from_micros(((i * 7) % 4) as i64))
                        .unwrap();
                    let title = if i % 5 == 4 { "hay" } else { "needle" };
                    tx.insert_case(&new_case(title, time, i))?;
                }
                // More writes in one microsecond than it has keys, then a later one.
                let crowded = base
                    .checked_add(jiff::SignedDuration::from_micros(1))
                    .unwrap();
                for i in 0..1100usize {
                    tx.insert_case(&new_case("needle crowd", crowded, 100 + i))?;
                }
                let after = base
                    .checked_add(jiff::SignedDuration::from_micros(3))
                    .unwrap();
                tx.insert_case(&new_case("needle after", after, 2000))?;
                // Writes that land in a microsecond other cases already hold.
                let tie = base
                    .checked_add(jiff::SignedDuration::from_micros(2))
                    .unwrap();
                for id in [3u64, 10, 1] {
                    tx.insert_comment(id, "more", "a@d.example", AuthorRole::Reseller, tie)?;
                }
                Ok(())
            })
            .unwrap();
        let expected = by_update_time(&store, "needle");
        assert_eq!(expected.len(), 48 + 1101);
        for limit in [7, 97, 500] {
            assert_eq!(
                walk_pages(&store, &filter("needle"), limit),
                expected,
                "pages of {limit}"
            );
        }
    }

    #[test]
    fn a_search_in_update_order_walks_the_index_in_key_order_without_sorting_the_hits() {
        let (_dir, store) = seeded(10);
        let f = filter("common");
        let plan = sqlite(&store)
            .raw_read(|tx| -> Result<Vec<String>, StoreError> {
                let Keywords::Match(text) = keywords(tx, &f)? else {
                    panic!("'common' is in every case");
                };
                assert_eq!(text.plan, TextPlan::Search);
                let mut sql = format!("EXPLAIN QUERY PLAN SELECT {CASE_COLUMNS}");
                let mut args = Vec::new();
                from_sql(&f, Some(&text), &mut sql, &mut args);
                filter_sql(&f, Some(&text), &mut sql, &mut args);
                sql.push_str(" ORDER BY case_search.rowid DESC");
                let mut stmt = tx.prepare(&sql)?;
                let rows = stmt
                    .query_map(params_from_iter(args.iter()), |r| r.get::<_, String>(3))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(rows)
            })
            .unwrap();
        assert!(
            plan[0].contains("case_search VIRTUAL TABLE"),
            "the hits are the outer loop: {plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.contains("TEMP B-TREE")),
            "no sort of every hit: {plan:?}"
        );
    }

    /// Bulk rows staged for the keyword index take free keys among each other: 1,100 cases of
    /// one microsecond (more than its 1,024 keys) all get distinct keys, reach the index, and
    /// the spill past the microsecond is recorded for lists to bound by.
    #[test]
    fn bulk_cases_of_one_microsecond_get_distinct_search_keys() {
        let (_dir, store) = seeded(0);
        let time = Timestamp::from_second(1_700_000_000).unwrap();
        let batch: Vec<(NewCase, Vec<crate::store::BenchWrite>)> = (0..1_100)
            .map(|i| (new_case("tie", time, 10_000 + i), Vec::new()))
            .collect();
        store.write(|tx| tx.insert_bench_cases(&batch)).unwrap();
        let sqlite = sqlite(&store);
        sqlite.raw_read(|conn| {
            let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
            assert_eq!(count("SELECT COUNT(*) FROM case_search"), 1_100);
            assert_eq!(count("SELECT COUNT(DISTINCT search_key) FROM cases"), 1_100);
            assert_eq!(
                count(
                    "SELECT COUNT(*) FROM cases c JOIN case_search s
                       ON s.rowid = c.search_key AND s.case_id = c.id"
                ),
                1_100
            );
            assert!(search_spill(conn).unwrap() > 0, "the spill is recorded");
        });
        let ids = walk(&store, &filter("tie"));
        assert_eq!(ids.len(), 1_100);
    }
}
