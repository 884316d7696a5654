//! `--severity P0`: Google Cloud's most urgent priority, which only a `google` domain takes.

use rsupport_api::types::Severity;

use crate::client::priority::p0_refusal;
use crate::client::{Client, Provider};
use crate::error::{CliError, CliResult};

/// Refuses `P0` among `asked` for a domain of the reseller API, before any request: exit 2,
/// naming `--severity` and the severities there are.
pub fn check_p0(client: &Client, asked: &[Severity]) -> CliResult<()> {
    if client.provider() != Provider::Google && asked.contains(&Severity::P0) {
        return Err(CliError::usage(p0_refusal("--severity"))
            .hint("use P1 for the most urgent case of a reseller domain"));
    }
    Ok(())
}
