//! How a case's events look: one line saying what happened (`case history`, `case watch`).

use rsupport_api::types::{CaseEvent, CaseEventKind, StateChangeVia};
use serde::Serialize;

use super::human_size;
use crate::output::{Cell, Column, Tabular};

/// What happened, in a few words (the table's last column).
pub fn what_happened(event: &CaseEvent) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".into());
    match event.kind {
        CaseEventKind::Created => format!(
            "filed '{}' ({})",
            text(&event.title),
            event.severity.map_or("?", |s| s.as_str())
        ),
        CaseEventKind::Message => format!(
            "message from {}: {}",
            event.author_role.map_or("?", |r| r.as_str()),
            text(&event.body)
        ),
        CaseEventKind::AttachmentAdded => format!(
            "attached {} ({})",
            text(&event.filename),
            event.size_bytes.map_or("?".into(), human_size)
        ),
        CaseEventKind::StateChanged => {
            let how = match event.via {
                Some(StateChangeVia::Support) => " by support",
                Some(StateChangeVia::Close) => " (closed)",
                Some(StateChangeVia::Reopen) => " (reopened)",
                Some(StateChangeVia::Message) => " (after a message)",
                Some(StateChangeVia::Other) | None => "",
            };
            match &event.from {
                Some(from) => format!("state {from} -> {}{how}", text(&event.to)),
                None => format!("state -> {}{how}", text(&event.to)),
            }
        }
        CaseEventKind::SeverityChanged => {
            format!("severity {} -> {}", text(&event.from), text(&event.to))
        }
        CaseEventKind::TitleChanged => {
            format!("title '{}' -> '{}'", text(&event.from), text(&event.to))
        }
        CaseEventKind::Escalated => format!(
            "escalated ({}): {}",
            event.reason.map_or("?", |r| r.as_str()),
            text(&event.justification)
        ),
        CaseEventKind::SharingChanged => {
            let mut parts = Vec::new();
            if !event.added.is_empty() {
                parts.push(format!("shared with {}", event.added.join(", ")));
            }
            if !event.removed.is_empty() {
                parts.push(format!(
                    "no longer shared with {}",
                    event.removed.join(", ")
                ));
            }
            parts.join("; ")
        }
        CaseEventKind::Other => "an event this client does not know".into(),
    }
}

impl Tabular for CaseEvent {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("TIME", "time"),
            Column::new("ACTOR", "actor"),
            Column::new("WHAT", "kind"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Time(self.time),
            Cell::opt_text(Some(&self.actor).filter(|a| !a.is_empty())),
            Cell::text(what_happened(self)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec!["id", "caseId", "time", "actor", "kind", "from", "to"]
    }
}

/// An event of a watched case: the same with the case's id first (a watch follows several).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct WatchedEvent(pub CaseEvent);

impl Tabular for WatchedEvent {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("TIME", "time"),
            Column::new("CASE", "caseId"),
            Column::new("ACTOR", "actor"),
            Column::new("WHAT", "kind"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        let mut cells = self.0.cells();
        cells.insert(1, Cell::from(self.0.case_id));
        cells
    }

    fn csv_fields() -> Vec<&'static str> {
        CaseEvent::csv_fields()
    }
}
