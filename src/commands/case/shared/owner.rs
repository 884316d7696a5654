//! A case that is "not found" in the selected domain may be one of another logged-in domain's:
//! ask those domains, each with its own stored token at its own server (never one domain's
//! token elsewhere), and say which one has it.

use std::time::Duration;

use futures_util::future::join_all;
use rsupport_api::error::ErrorReason;

use crate::context::Ctx;
use crate::error::CliError;

/// How long the other domains are asked for: an error is not held up by a slow server.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// When `error` is `CASE_NOT_FOUND`, the other logged-in domains where case `id` is found are
/// named: "case 42 is not in a.example: it is a case of b.example", with `--domain` and
/// `--all-domains` as hints. Any other error, or a case no other domain has, is kept as it is.
/// Nothing is asked when the token comes from `RSUPPORT_TOKEN` (one domain's token) or when
/// `--endpoint` points the domains elsewhere (their tokens are refused before being sent).
pub async fn point_to_owning_domain(ctx: &Ctx, id: u64, error: CliError) -> CliError {
    if error.api_error().map(|e| e.reason) != Some(ErrorReason::CaseNotFound) {
        return error;
    }
    let Ok(None) = ctx.env_token() else {
        return error;
    };
    let Ok(Some(selected)) = ctx.selected_domain() else {
        return error;
    };
    let Ok(config) = ctx.config() else {
        return error;
    };
    let others: Vec<String> = config
        .domain_names()
        .into_iter()
        .filter(|d| *d != selected)
        .collect();
    if others.is_empty() {
        return error;
    }
    let probes = others.iter().map(|domain| async move {
        let probe = async {
            let client = ctx.client_for_async(domain).await.ok()?;
            client.get_case(id).await.ok()
        };
        tokio::time::timeout(PROBE_TIMEOUT, probe)
            .await
            .ok()
            .flatten()
            .map(|_| domain.clone())
    });
    let owners: Vec<String> = join_all(probes).await.into_iter().flatten().collect();
    let Some(owner) = owners.first() else {
        return error;
    };
    error
        .context(format!(
            "case {id} was not found in {selected}: it is a case of {owner}, also logged in"
        ))
        .only_hint(format!(
            "add `--domain {owner}` to act on it there (e.g. `rsupport --domain {owner} case view {id}`)"
        ))
        .hint("`rsupport case list --all-domains` lists the cases of every logged-in domain")
}
