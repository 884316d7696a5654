//! What several `case` commands share (gh's `issue/shared`): case ids, how cases look, text
//! from a flag or the editor, the personal-data check, uploads, and listing with filters. No
//! command imports another command; they meet here.

pub mod bulk;
mod display;
mod dry_run;
mod events;
mod follow_up;
mod ids;
mod listing;
mod owner;
mod pii;
mod read_marker;
mod severity;
mod template;
mod text;
mod upload;

pub use bulk::Bulk;
pub use display::{author_role, human_size};
pub use dry_run::{DryRun, NOTHING_CHANGED, dry_run_outcome};
pub use events::{WatchedEvent, what_happened};
pub use follow_up::new_case_command;
pub use ids::parse_case_id;
pub use listing::{CaseFilters, DEFAULT_LIMIT, SeverityList, check_keywords, list};
pub use owner::point_to_owning_domain;
pub use pii::{
    PiiReport, allowed_domains, check_pii, confirm_pii, refuse_pii, scan_file, scan_text,
};
pub use read_marker::mark_read;
pub use severity::check_p0;
pub use template::{CaseTemplate, LoadedTemplate, read_from, read_named};
pub use text::{edit_text, non_blank, read_text};
pub use upload::{check_files, check_sizes, file_sha256, upload_failures_error, upload_files};
