//! Bulk writes of synthetic cases (`admin bench-data`): the rows of
//! [`fill_rows`](crate::store::bench_rows::fill_rows) (exactly those the ordinary write
//! functions leave), written table by table with statements of many rows each, their keyword
//! index rows in as few statements as SQLite's parameter limit allows (FTS5 writes out its
//! pending rows as a segment at every statement), and their words listed.

use std::collections::{BTreeMap, HashSet};

use jiff::Timestamp;
use rusqlite::Connection;
use rusqlite::types::{ToSqlOutput, Value};

use super::CachedRow as _;
use super::cases::{SEARCH_KEYS_PER_MICROSECOND, note_search_spill, tenant_token};
use super::{StoreError, to_micros};
use crate::store::bench_rows::{CaseRow, FillRows, NextIds, fill_rows};
use crate::store::model::*;
use rsupport_api::types::PRODUCT_GOOGLE_WORKSPACE;

/// Rows a statement of the ordinary tables inserts.
const ROWS_PER_STATEMENT: usize = 200;

/// Rows a statement of the keyword index inserts: as many as SQLite's 32,766 parameters take.
const SEARCH_ROWS_PER_STATEMENT: usize = 5_000;

type Param<'r> = ToSqlOutput<'r>;

fn int<'r>(n: i64) -> Param<'r> {
    ToSqlOutput::Owned(Value::Integer(n))
}

fn opt_int<'r>(n: Option<i64>) -> Param<'r> {
    ToSqlOutput::Owned(n.map_or(Value::Null, Value::Integer))
}

fn text(s: &str) -> Param<'_> {
    ToSqlOutput::from(s)
}

/// `INSERT INTO {target} VALUES (?, …), …` for `rows` rows of `columns` values.
fn insert_sql(target: &str, columns: usize, rows: usize) -> String {
    let row = format!("({})", vec!["?"; columns].join(", "));
    format!("INSERT INTO {target} VALUES {}", vec![row; rows].join(", "))
}

/// Inserts `rows` into `target` (`table(column, …)`, `columns` of them), `per` rows a
/// statement, each row's values given by `values`.
fn insert_many<'r, R>(
    conn: &Connection,
    target: &str,
    columns: usize,
    per: usize,
    rows: &'r [R],
    values: impl Fn(&'r R, &mut Vec<Param<'r>>),
) -> Result<(), StoreError> {
    let mut params: Vec<Param<'r>> = Vec::with_capacity(per * columns);
    // the statement of a full chunk, written out once (a fill's batch runs it dozens of times)
    let full_rows = per.min(rows.len());
    let full = insert_sql(target, columns, full_rows);
    for chunk in rows.chunks(per) {
        params.clear();
        for row in chunk {
            values(row, &mut params);
        }
        if params.len() != chunk.len() * columns {
            return Err(StoreError::Corrupt(format!(
                "{target}: {} values for {} rows of {columns}",
                params.len(),
                chunk.len()
            )));
        }
        let sql = if chunk.len() == full_rows {
            std::borrow::Cow::Borrowed(full.as_str())
        } else {
            std::borrow::Cow::Owned(insert_sql(target, columns, chunk.len()))
        };
        conn.prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(params.iter()))?;
    }
    Ok(())
}

/// The next id of `column` in `table`, an AUTOINCREMENT key: past both the largest stored and
/// the largest ever handed out.
fn next_id(conn: &Connection, table: &str, column: &str) -> Result<i64, StoreError> {
    Ok(conn.cached_row(
        &format!(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),
                        COALESCE((SELECT MAX({column}) FROM {table}), 0)) + 1"
        ),
        [],
        |r| r.get(0),
    )?)
}

/// The search key of each case (in `cases` order): keys in update-time order, each at least
/// its update time's first key and above every key already stored from there on (a
/// microsecond with more cases than keys spills into the next, as `next_search_key` does).
fn search_keys(conn: &Connection, cases: &[CaseRow]) -> Result<Vec<i64>, StoreError> {
    let base = |row: &CaseRow| {
        row.update_time
            .checked_mul(SEARCH_KEYS_PER_MICROSECOND)
            .ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "update time {} out of search range",
                    row.update_time
                ))
            })
    };
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| (cases[i].update_time, i));
    let Some(&first) = order.first() else {
        return Ok(Vec::new());
    };
    let mut last: Option<i64> = conn.cached_row(
        "SELECT MAX(rowid) FROM case_search WHERE rowid >= ?1",
        [base(&cases[first])?],
        |r| r.get(0),
    )?;
    let mut keys = vec![0; cases.len()];
    let mut spill = 0;
    for i in order {
        let base = base(&cases[i])?;
        let key = match last {
            Some(k) if k >= base => k
                .checked_add(1)
                .ok_or_else(|| StoreError::Corrupt("search keys exhausted".into()))?,
            _ => base,
        };
        spill = spill.max(key - (base + SEARCH_KEYS_PER_MICROSECOND - 1));
        keys[i] = key;
        last = Some(key);
    }
    note_search_spill(conn, spill)?;
    Ok(keys)
}

/// Files each case (in its `state`) followed by its writes, in one pass per table, while
/// another thread splits their text into the words to list.
pub fn insert_bench_cases(
    conn: &Connection,
    cases: &[(NewCase, Vec<BenchWrite>)],
) -> Result<(), StoreError> {
    if cases.is_empty() {
        return Ok(());
    }
    std::thread::scope(|scope| {
        let words = scope.spawn(|| listed_words(cases));
        let inserted = insert_rows(conn, cases);
        let words = words
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        inserted?;
        for (tenant, words) in words? {
            super::words::insert_words(conn, tenant, &words)?;
        }
        Ok(())
    })
}

/// The rows of [`insert_bench_cases`], all but the words.
fn insert_rows(conn: &Connection, cases: &[(NewCase, Vec<BenchWrite>)]) -> Result<(), StoreError> {
    let next = NextIds {
        case: next_id(conn, "cases", "id")?,
        write: next_id(conn, "case_updates", "seq")?,
        comment: next_id(conn, "comments", "id")?,
        event: next_id(conn, "case_events", "id")?,
    };
    let FillRows {
        cases: case_rows,
        writes,
        comments,
        events,
    } = fill_rows(cases, next)?;
    let keys = search_keys(conn, &case_rows)?;
    let keyed: Vec<(&CaseRow, i64)> = case_rows.iter().zip(keys.iter().copied()).collect();

    insert_many(
        conn,
        "cases(id, customer_id, reseller_domain, product, display_name, description,
             classification, priority, sev_rank, state, language_code, time_zone, subscribers,
             creator, create_time, update_time, update_seq, close_time, comment_count,
             support_seq, request_id, request_fingerprint, search_key)",
        23,
        ROWS_PER_STATEMENT,
        &keyed,
        |(c, key), p| {
            let new = c.new;
            p.extend([
                int(c.id),
                text(&new.customer),
                text(&new.reseller_domain),
                text(PRODUCT_GOOGLE_WORKSPACE),
                text(&new.display_name),
                text(&new.description),
                text(&new.classification),
                int(priority_number(new.priority)),
                int(sev_rank(new.priority)),
                text(c.state.as_str()),
                text(&new.language_code),
                text(&new.time_zone),
                text(&c.subscribers),
                text(&new.creator),
                int(to_micros(new.create_time)),
                int(c.update_time),
                int(c.update_seq),
                opt_int(c.close_time),
                int(c.comment_count),
                int(c.support_seq),
                text(&new.request_id),
                text(&new.request_fingerprint),
                int(*key),
            ]);
        },
    )?;
    insert_many(
        conn,
        "case_updates(seq, case_id, update_time, sev_rank)",
        4,
        ROWS_PER_STATEMENT,
        &writes,
        |w, p| {
            p.extend([
                int(w.seq),
                int(w.case_id),
                int(w.update_time),
                int(w.sev_rank),
            ])
        },
    )?;
    insert_many(
        conn,
        "comments(id, case_id, body, author, author_role, create_time)",
        6,
        ROWS_PER_STATEMENT,
        &comments,
        |m, p| {
            p.extend([
                int(m.id),
                int(m.case_id),
                text(m.body),
                text(m.author),
                text(m.author_role),
                int(m.create_time),
            ]);
        },
    )?;
    insert_many(
        conn,
        "case_events(id, case_id, time, actor, kind, details)",
        6,
        ROWS_PER_STATEMENT,
        &events,
        |e, p| {
            p.extend([
                int(e.id),
                int(e.case_id),
                int(e.time),
                text(e.actor),
                text(e.kind),
                text(&e.details),
            ]);
        },
    )?;

    // the keyword index: its rows in key order, as few statements as the parameters allow
    let mut search: Vec<(i64, String, &CaseRow)> = keyed
        .iter()
        .map(|(c, key)| (*key, tenant_token(&c.new.reseller_domain), *c))
        .collect();
    search.sort_by_key(|(key, _, _)| *key);
    insert_many(
        conn,
        "case_search(rowid, tenant, title, description, messages, case_id)",
        6,
        SEARCH_ROWS_PER_STATEMENT,
        &search,
        |(key, tenant, c), p| {
            p.extend([
                int(*key),
                text(tenant),
                text(&c.new.display_name),
                text(&c.new.description),
                text(&c.messages),
                int(c.id),
            ]);
        },
    )?;
    Ok(())
}

/// The words of the cases' text (titles, descriptions, messages) to list, by domain.
fn listed_words(
    cases: &[(NewCase, Vec<BenchWrite>)],
) -> Result<BTreeMap<&str, HashSet<String>>, StoreError> {
    let mut texts: BTreeMap<&str, Vec<&str>> = Default::default();
    for (new, writes) in cases {
        let texts = texts.entry(new.reseller_domain.as_str()).or_default();
        texts.push(&new.display_name);
        texts.push(&new.description);
        for write in writes {
            if let BenchWrite::Message { body, .. } = write {
                texts.push(body);
            }
        }
    }
    texts
        .into_iter()
        .map(|(tenant, texts)| Ok((tenant, super::words::listed_words(texts)?)))
        .collect()
}

/// The latest update time of any case, if any.
pub fn latest_update_time(conn: &Connection) -> Result<Option<Timestamp>, StoreError> {
    let us: Option<i64> =
        conn.cached_row("SELECT MAX(update_time) FROM cases", [], |r| r.get(0))?;
    us.map(super::from_micros).transpose()
}
