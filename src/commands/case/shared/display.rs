//! How cases, messages and attachments look as rows and records.

use rsupport_api::types::{Attachment, Case, Comment};

use crate::output::{Cell, Column, Tabular};

impl Tabular for Case {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("CUSTOMER", "customer"),
            Column::new("TITLE", "displayName"),
            Column::new("SEVERITY", "priority"),
            Column::new("STATE", "state"),
            Column::new("UPDATED", "updateTime"),
            Column::new("UNREAD", "unread"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.id),
            Cell::text(&self.customer),
            Cell::text(&self.display_name),
            Cell::text(self.priority.as_str()),
            Cell::text(state_label(self)),
            Cell::Time(self.update_time),
            Cell::text(unread_mark(self)),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::from(self.id)),
            ("Title", Cell::text(&self.display_name)),
            (
                "Customer",
                Cell::text(format!(
                    "{} ({})",
                    self.customer, self.customer_display_name
                )),
            ),
            ("Reseller domain", Cell::text(&self.reseller_domain)),
            ("Product", Cell::text(&self.product)),
            (
                "Category",
                Cell::text(format!(
                    "{} ({})",
                    self.classification.display_name, self.classification.id
                )),
            ),
            (
                "Severity",
                Cell::text(format!("{} — {}", self.priority, self.priority.meaning())),
            ),
            ("State", Cell::text(self.state.as_str())),
            (
                "Escalated",
                Cell::text(match &self.escalation {
                    Some(e) => format!(
                        "yes: {} by {} ({})",
                        e.reason, e.escalated_by, e.justification
                    ),
                    None if self.escalated => "yes".to_string(),
                    None => "no".to_string(),
                }),
            ),
            ("Language", Cell::text(&self.language_code)),
            ("Time zone", Cell::text(&self.time_zone)),
            ("Shared with", Cell::list(&self.subscriber_email_addresses)),
            ("Creator", Cell::text(&self.creator)),
            ("Created", Cell::Time(self.create_time)),
            ("Updated", Cell::Time(self.update_time)),
            ("Closed", Cell::opt_time(self.close_time)),
            ("Description", Cell::text(&self.description)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec![
            "id",
            "customer",
            "customerDisplayName",
            "resellerDomain",
            "displayName",
            "classification.id",
            "priority",
            "state",
            "escalated",
            "languageCode",
            "timeZone",
            "subscriberEmailAddresses",
            "creator",
            "createTime",
            "updateTime",
            "closeTime",
            "commentCount",
            "attachmentCount",
            "unread",
        ]
    }
}

/// `●` on a case with support activity the user has not read; blank otherwise (last column,
/// so scripts reading TSV columns by position are not shifted).
fn unread_mark(case: &Case) -> &'static str {
    if case.unread == Some(true) { "●" } else { "" }
}

/// The state, with `escalated` appended so it shows in lists.
fn state_label(case: &Case) -> String {
    if case.escalated {
        format!("{} (escalated)", case.state)
    } else {
        case.state.to_string()
    }
}

impl Tabular for Comment {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("TIME", "createTime"),
            Column::new("AUTHOR", "author"),
            Column::new("ROLE", "authorRole"),
            Column::new("MESSAGE", "body"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Time(self.create_time),
            Cell::text(&self.author),
            Cell::text(author_role(self)),
            Cell::text(&self.body),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::from(self.id)),
            ("Case", Cell::from(self.case_id)),
            (
                "Author",
                Cell::text(format!("{} ({})", self.author, author_role(self))),
            ),
            ("Time", Cell::Time(self.create_time)),
            ("Message", Cell::text(&self.body)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec!["id", "caseId", "createTime", "author", "authorRole", "body"]
    }
}

pub fn author_role(comment: &Comment) -> &'static str {
    comment.author_role.as_str()
}

impl Tabular for Attachment {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("NAME", "filename"),
            Column::new("SIZE", "sizeBytes"),
            Column::new("TYPE", "mimeType"),
            Column::new("BY", "creator"),
            Column::new("UPLOADED", "createTime"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.id),
            Cell::text(&self.filename),
            Cell::text(human_size(self.size_bytes)),
            Cell::text(&self.mime_type),
            Cell::text(&self.creator),
            Cell::Time(self.create_time),
        ]
    }

    fn fields(&self) -> Vec<(&'static str, Cell)> {
        vec![
            ("ID", Cell::from(self.id)),
            ("Case", Cell::from(self.case_id)),
            ("Name", Cell::text(&self.filename)),
            (
                "Size",
                Cell::text(format!(
                    "{} ({} bytes)",
                    human_size(self.size_bytes),
                    self.size_bytes
                )),
            ),
            ("SHA-256", Cell::text(&self.sha256)),
            ("Type", Cell::text(&self.mime_type)),
            ("Uploaded by", Cell::text(&self.creator)),
            ("Uploaded", Cell::Time(self.create_time)),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec![
            "id",
            "caseId",
            "filename",
            "sizeBytes",
            "sha256",
            "mimeType",
            "creator",
            "createTime",
        ]
    }
}

/// `1.5 KiB`, `12 MiB`; exact bytes below 1 KiB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_shown_in_binary_units() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(20 * 1024 * 1024), "20 MiB");
    }
}
