//! The rows a bulk fill (`admin bench-data`) writes, built once for either engine: for each
//! case, exactly the rows that `insert_case` followed by its writes (`insert_comment`,
//! `set_case_state`, `note_support_activity`) leave, one call at a time, but each row in its
//! final form, with ids handed out in order from the next free ones (the fill's transaction
//! holds the write lock, so nobody else takes them).
//!
//! Keep this in step with those functions: `tests/it/sqlite_bench_data.rs` reads a filled
//! domain back through the API (search, timeline, unread) to catch a drift.

use rsupport_api::types::{AuthorRole, CaseEvent, CaseEventKind, CaseState, StateChangeVia};

use super::{BenchWrite, NewCase, StoreError, event_details, sev_rank, to_micros};

/// The next free id of each table the fill writes.
#[derive(Debug, Clone, Copy)]
pub struct NextIds {
    pub case: i64,
    /// `case_updates.seq`
    pub write: i64,
    pub comment: i64,
    pub event: i64,
}

/// A case as it stands after its writes.
pub struct CaseRow<'a> {
    pub id: i64,
    pub new: &'a NewCase,
    pub state: CaseState,
    /// `subscribers`, as stored (a JSON array)
    pub subscribers: String,
    pub update_time: i64,
    /// the seq of its last write
    pub update_seq: i64,
    pub close_time: Option<i64>,
    pub comment_count: i64,
    /// the seq of support's last message or state change, 0 if none
    pub support_seq: i64,
    /// every message, each after a newline: the keyword index's `messages`
    pub messages: String,
}

/// A row of `case_updates`.
pub struct WriteRow {
    pub seq: i64,
    pub case_id: i64,
    pub update_time: i64,
    pub sev_rank: i64,
}

pub struct CommentRow<'a> {
    pub id: i64,
    pub case_id: i64,
    pub body: &'a str,
    pub author: &'a str,
    pub author_role: &'static str,
    pub create_time: i64,
}

pub struct EventRow<'a> {
    pub id: i64,
    pub case_id: i64,
    pub time: i64,
    pub actor: &'a str,
    pub kind: &'static str,
    /// the kind's fields, as stored (see [`event_details`])
    pub details: String,
}

/// Every row of a fill, table by table, each table in id order.
#[derive(Default)]
pub struct FillRows<'a> {
    pub cases: Vec<CaseRow<'a>>,
    pub writes: Vec<WriteRow>,
    pub comments: Vec<CommentRow<'a>>,
    pub events: Vec<EventRow<'a>>,
}

fn author_role_text(role: AuthorRole) -> &'static str {
    match role {
        AuthorRole::Reseller => "reseller",
        AuthorRole::Support => "support",
    }
}

/// The rows of `cases`, each filed in its `state` and then written to as its writes say.
pub fn fill_rows<'a>(
    cases: &'a [(NewCase, Vec<BenchWrite>)],
    next: NextIds,
) -> Result<FillRows<'a>, StoreError> {
    let mut rows = FillRows {
        cases: Vec::with_capacity(cases.len()),
        ..FillRows::default()
    };
    let NextIds {
        case: mut case_id,
        write: mut seq,
        comment: mut comment_id,
        event: mut event_id,
    } = next;
    let mut event = |rows: &mut FillRows<'a>, actor: &'a str, event: CaseEvent| {
        rows.events.push(EventRow {
            id: event_id,
            case_id: event.case_id as i64,
            time: to_micros(event.time),
            actor,
            kind: event.kind.as_str(),
            details: event_details(&event)?,
        });
        event_id += 1;
        Ok::<(), StoreError>(())
    };
    for (new, writes) in cases {
        let id = case_id;
        case_id += 1;
        let rank = sev_rank(new.priority);
        let mut update_time = to_micros(new.create_time);
        rows.writes.push(WriteRow {
            seq,
            case_id: id,
            update_time,
            sev_rank: rank,
        });
        let mut last = seq;
        seq += 1;
        let mut created = CaseEvent::new(
            id as u64,
            new.create_time,
            &new.creator,
            CaseEventKind::Created,
        );
        created.title = Some(new.display_name.clone());
        created.severity = Some(new.priority);
        event(&mut rows, &new.creator, created)?;
        let mut state = new.state;
        let mut close_time = None;
        let mut comment_count = 0;
        let mut support_seq = 0;
        let mut messages = String::new();
        for write in writes {
            match write {
                BenchWrite::Message {
                    body,
                    author,
                    role,
                    time,
                } => {
                    update_time = to_micros(*time);
                    rows.comments.push(CommentRow {
                        id: comment_id,
                        case_id: id,
                        body,
                        author,
                        author_role: author_role_text(*role),
                        create_time: update_time,
                    });
                    if *role == AuthorRole::Support {
                        support_seq = seq;
                    }
                    let mut message =
                        CaseEvent::new(id as u64, *time, author, CaseEventKind::Message);
                    message.comment_id = Some(comment_id as u64);
                    message.author_role = Some(*role);
                    message.body = Some(body.clone());
                    event(&mut rows, author, message)?;
                    comment_id += 1;
                    comment_count += 1;
                    messages.push('\n');
                    messages.push_str(body);
                }
                BenchWrite::State {
                    to,
                    actor,
                    via,
                    time,
                } => {
                    update_time = to_micros(*time);
                    if *to != state {
                        let mut change =
                            CaseEvent::new(id as u64, *time, actor, CaseEventKind::StateChanged);
                        change.from = Some(state.as_str().to_string());
                        change.to = Some(to.as_str().to_string());
                        change.via = Some(*via);
                        event(&mut rows, actor, change)?;
                    }
                    if *via == StateChangeVia::Support {
                        support_seq = seq;
                    }
                    state = *to;
                    close_time = (*to == CaseState::Closed).then_some(update_time);
                }
            }
            rows.writes.push(WriteRow {
                seq,
                case_id: id,
                update_time,
                sev_rank: rank,
            });
            last = seq;
            seq += 1;
        }
        rows.cases.push(CaseRow {
            id,
            new,
            state,
            subscribers: serde_json::to_string(&new.subscribers)
                .map_err(|e| StoreError::Corrupt(format!("subscribers: {e}")))?,
            update_time,
            update_seq: last,
            close_time,
            comment_count,
            support_seq,
            messages,
        });
    }
    Ok(rows)
}
