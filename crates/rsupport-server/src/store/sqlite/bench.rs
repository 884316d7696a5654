//! Bulk writes of synthetic cases (`admin bench-data`): one case with its messages and state
//! changes in a single pass, writing exactly the rows that `insert_case`, `insert_comment`,
//! `set_case_state` and `note_support_activity` of [`super::cases`] write one call at a time
//! (the case, its keyword index row, one `case_updates` row per write, comments, the timeline),
//! but with every row written once in its final form and every statement prepared once.
//!
//! Keep this in step with those functions: `tests/it/bench_data.rs` reads a filled domain back
//! through the API (search, timeline, unread) to catch a drift.

use jiff::Timestamp;
use rusqlite::{Connection, params};

use super::CachedRow as _;
use super::{StoreError, insert_event, to_micros};
use crate::store::model::*;
use rsupport_api::types::{
    AuthorRole, CaseEvent, CaseEventKind, CaseState, PRODUCT_GOOGLE_WORKSPACE, StateChangeVia,
};

use super::NewCase;

/// Files `new` (its `state` is the state it is filed in) followed by `writes`; answers its id.
/// `last_seq` carries the last `case_updates` seq from one call to the next of a transaction
/// (`None`: read it).
pub fn insert_bench_case(
    conn: &Connection,
    new: &NewCase,
    writes: &[BenchWrite],
    last_seq: &mut Option<i64>,
) -> Result<u64, StoreError> {
    let priority = priority_number(new.priority);
    let sev_rank = sev_rank(new.priority);
    // The seq each write will get: case_updates is AUTOINCREMENT and this transaction is the
    // only writer, so they follow the last one handed out (checked as each row is written).
    let known = *last_seq;
    let last = match known {
        Some(seq) => seq,
        None => conn
            .prepare_cached(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'case_updates'), 0),
                            COALESCE((SELECT MAX(seq) FROM case_updates), 0))",
            )?
            .query_row([], |r| r.get(0))?,
    };
    // a failed call leaves it unknown: the next one reads it again
    *last_seq = None;
    // The case as it stands after every write.
    let mut state = new.state;
    let mut close_time = None;
    let mut comment_count = 0i64;
    let mut update_time = new.create_time;
    let mut seq = last + 1;
    let mut support_seq = 0i64;
    let mut messages = String::new();
    for write in writes {
        seq += 1;
        match write {
            BenchWrite::Message {
                body, role, time, ..
            } => {
                comment_count += 1;
                messages.push('\n');
                messages.push_str(body);
                if *role == AuthorRole::Support {
                    support_seq = seq;
                }
                update_time = *time;
            }
            BenchWrite::State { to, via, time, .. } => {
                state = *to;
                close_time = (*to == CaseState::Closed).then_some(*time);
                if *via == StateChangeVia::Support {
                    support_seq = seq;
                }
                update_time = *time;
            }
        }
    }
    let subscribers = serde_json::to_string(&new.subscribers)
        .map_err(|e| StoreError::Corrupt(format!("subscribers: {e}")))?;
    // its search row is keyed by its last update, as the store's own writes leave it
    let search_key = next_staged_search_key(conn, to_micros(update_time))?;
    conn.prepare_cached(
        "INSERT INTO cases(customer_id, reseller_domain, product, display_name, description,
             classification, priority, sev_rank, state, language_code, time_zone, subscribers,
             creator, create_time, update_time, update_seq, close_time, comment_count,
             support_seq, request_id, request_fingerprint, search_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        new.customer,
        new.reseller_domain,
        PRODUCT_GOOGLE_WORKSPACE,
        new.display_name,
        new.description,
        new.classification,
        priority,
        sev_rank,
        state.as_str(),
        new.language_code,
        new.time_zone,
        subscribers,
        new.creator,
        to_micros(new.create_time),
        to_micros(update_time),
        seq,
        close_time.map(to_micros),
        comment_count,
        support_seq,
        new.request_id,
        new.request_fingerprint,
        search_key,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached(
        "INSERT INTO temp.staged_search(rowid, tenant, title, description, messages, case_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        search_key,
        super::cases::tenant_token(&new.reseller_domain),
        new.display_name,
        new.description,
        messages,
        id
    ])?;

    let mut expected_seq = last;
    let mut record_write = |time: Timestamp| -> Result<(), StoreError> {
        conn.prepare_cached(
            "INSERT INTO case_updates(case_id, update_time, sev_rank) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, to_micros(time), sev_rank])?;
        expected_seq += 1;
        let got = conn.last_insert_rowid();
        if got != expected_seq {
            return Err(StoreError::Corrupt(format!(
                "case_updates handed out seq {got}, not {expected_seq}"
            )));
        }
        Ok(())
    };
    record_write(new.create_time)?;
    let mut event = CaseEvent::new(
        id as u64,
        new.create_time,
        &new.creator,
        CaseEventKind::Created,
    );
    event.title = Some(new.display_name.clone());
    event.severity = Some(new.priority);
    insert_event(conn, &event)?;

    let mut state = new.state;
    for write in writes {
        match write {
            BenchWrite::Message {
                body,
                author,
                role,
                time,
            } => {
                let role_text = match role {
                    AuthorRole::Reseller => "reseller",
                    AuthorRole::Support => "support",
                };
                conn.prepare_cached(
                    "INSERT INTO comments(case_id, body, author, author_role, create_time)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    id,
                    body,
                    author,
                    role_text,
                    to_micros(*time)
                ])?;
                let comment_id = conn.last_insert_rowid();
                record_write(*time)?;
                let mut event = CaseEvent::new(id as u64, *time, author, CaseEventKind::Message);
                event.comment_id = Some(comment_id as u64);
                event.author_role = Some(*role);
                event.body = Some(body.clone());
                insert_event(conn, &event)?;
            }
            BenchWrite::State {
                to,
                actor,
                via,
                time,
            } => {
                if *to != state {
                    let mut event =
                        CaseEvent::new(id as u64, *time, actor, CaseEventKind::StateChanged);
                    event.from = Some(state.as_str().to_string());
                    event.to = Some(to.as_str().to_string());
                    event.via = Some(*via);
                    insert_event(conn, &event)?;
                    state = *to;
                }
                record_write(*time)?;
            }
        }
    }
    *last_seq = Some(seq);
    Ok(id as u64)
}

/// Bulk search rows wait in a temporary table and go into the keyword index in one statement
/// ([`flush_staged_search`]). FTS5 writes out its pending rows as a new segment at every
/// statement savepoint of the transaction, so rows inserted one statement at a time between
/// the other tables' rows would each become a segment of one row, merged again and again.
pub fn stage_search(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached(
        "CREATE TEMP TABLE IF NOT EXISTS staged_search(
             rowid INTEGER PRIMARY KEY, tenant TEXT, title TEXT, description TEXT,
             messages TEXT, case_id INTEGER)",
    )?
    .execute([])?;
    Ok(())
}

/// Moves the staged search rows into the keyword index, in key order.
pub fn flush_staged_search(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO case_search(rowid, tenant, title, description, messages, case_id)
         SELECT rowid, tenant, title, description, messages, case_id
           FROM temp.staged_search ORDER BY rowid",
    )?
    .execute([])?;
    conn.prepare_cached("DELETE FROM temp.staged_search")?
        .execute([])?;
    Ok(())
}

/// [`super::cases::next_search_key`] seeing the staged rows too. A microsecond whose keys
/// are all taken (only a bulk load makes one) flushes them and lets that function spill.
fn next_staged_search_key(conn: &Connection, time: i64) -> Result<i64, StoreError> {
    let base = time.checked_mul(super::cases::SEARCH_KEYS_PER_MICROSECOND);
    let Some(base) = base else {
        return super::cases::next_search_key(conn, time); // says it is out of range
    };
    let top = base + super::cases::SEARCH_KEYS_PER_MICROSECOND - 1;
    let last: Option<i64> = conn
        .prepare_cached(
            "SELECT MAX(k) FROM (
                 SELECT MAX(rowid) AS k FROM main.case_search WHERE rowid BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT MAX(rowid) FROM temp.staged_search WHERE rowid BETWEEN ?1 AND ?2)",
        )?
        .query_row(params![base, top], |r| r.get(0))?;
    match last {
        None => Ok(base),
        Some(k) if k < top => Ok(k + 1),
        Some(_) => {
            flush_staged_search(conn)?;
            super::cases::next_search_key(conn, time)
        }
    }
}

/// The latest update time of any case, if any.
pub fn latest_update_time(conn: &Connection) -> Result<Option<Timestamp>, StoreError> {
    let us: Option<i64> =
        conn.cached_row("SELECT MAX(update_time) FROM cases", [], |r| r.get(0))?;
    us.map(super::from_micros).transpose()
}
