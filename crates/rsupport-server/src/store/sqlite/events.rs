//! A case's timeline: the append-only `case_events` table. The write functions of
//! [`super::cases`] append here in their own transaction; nothing updates or deletes a row.

use rusqlite::{Connection, params};

use super::{StoreError, from_micros, to_micros};
use rsupport_api::types::CaseEvent;

/// Appends `event` (its `id` is ignored) and answers its id.
pub fn insert_event(conn: &Connection, event: &CaseEvent) -> Result<u64, StoreError> {
    let details = crate::store::event_details(event)?;
    conn.prepare_cached(
        "INSERT INTO case_events(case_id, time, actor, kind, details) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        event.case_id as i64,
        to_micros(event.time),
        event.actor,
        event.kind.as_str(),
        details
    ])?;
    Ok(conn.last_insert_rowid() as u64)
}

/// A case's events after the event id `after`, oldest first.
pub fn list_events(
    conn: &Connection,
    case_id: u64,
    after: u64,
    limit: u32,
) -> Result<Vec<CaseEvent>, StoreError> {
    // the limit in the SQL: a bound LIMIT re-plans the statement at every call (see list_cases)
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, case_id, time, actor, kind, details FROM case_events
         WHERE case_id = ?1 AND id > ?2 ORDER BY id LIMIT {limit}"
    ))?;
    // a cursor past every id (the largest u64) is past every event, not a negative number
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    let mut rows = stmt.query(params![case_id as i64, after])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let details: String = row.get(5)?;
        let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("event {id}: {e}"));
        let mut value: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&details).map_err(corrupt)?;
        value.insert("id".into(), id.into());
        value.insert("caseId".into(), row.get::<_, i64>(1)?.into());
        value.insert("time".into(), from_micros(row.get(2)?)?.to_string().into());
        value.insert("actor".into(), row.get::<_, String>(3)?.into());
        value.insert("kind".into(), row.get::<_, String>(4)?.into());
        out.push(serde_json::from_value(serde_json::Value::Object(value)).map_err(corrupt)?);
    }
    Ok(out)
}
