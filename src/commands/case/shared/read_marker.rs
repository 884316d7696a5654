//! Marking a case read once a command has shown it (`case view`, `case history`): the marker
//! is the server's, per user, so it follows the user to every machine.

use jiff::Timestamp;
use rsupport_api::types::MarkCaseReadRequest;

use crate::client::Client;
use crate::config::Provider;
use crate::context::Ctx;

/// Marks `case` read as of `shown` (the update time of the case as it was shown): support
/// activity after it stays unread. Showing the case was the command's job and it is done, so
/// a failure here is a warning. A provider without read markers (Google's) has nothing to
/// mark: `case list --unread` says so there.
pub async fn mark_read(ctx: &Ctx, client: &Client, case: u64, shown: Timestamp) {
    if client.provider() == Provider::Google {
        return;
    }
    let request = MarkCaseReadRequest {
        update_time: Some(shown),
    };
    if let Err(error) = client.mark_case_read(case, &request).await {
        ctx.out().warn(&format!(
            "case {case} was shown but could not be marked read, so it stays unread: {error}"
        ));
    }
}
