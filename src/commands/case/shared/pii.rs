//! The personal-data check before text or files are sent: scan, show what was found (masked),
//! ask on a terminal, refuse in a script unless `--allow-pii`.

use std::io::Read;
use std::path::Path;

use crate::client::Client;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::pii::{self, AllowedDomains, Finding};

/// What was found in one piece of text about to be sent.
pub struct PiiReport {
    /// "the description", "attachment notes.txt"…
    pub source: String,
    pub findings: Vec<Finding>,
}

/// The email domains allowed in text sent for `customer`: the reseller's own and the
/// customer's primary domain. A customer that is no longer visible (moved to another
/// reseller) leaves only the reseller's domain.
pub async fn allowed_domains(client: &Client, customer: &str) -> CliResult<AllowedDomains> {
    let mut domains = Vec::new();
    match client.domain() {
        Some(domain) => domains.push(domain.to_string()),
        None => {
            if let Some(domain) = client.whoami().await?.domain {
                domains.push(domain);
            }
        }
    }
    if let Ok(found) = client.get_customer(customer).await {
        domains.push(found.primary_domain);
    }
    Ok(AllowedDomains::new(domains))
}

/// Scans text: a report when something was found.
pub fn scan_text(source: &str, text: &str, allowed: &AllowedDomains) -> Option<PiiReport> {
    let findings = pii::scan(text, allowed);
    (!findings.is_empty()).then(|| PiiReport {
        source: source.to_string(),
        findings,
    })
}

/// Scans the start of a file when it is text; binary files are not scanned.
pub fn scan_file(path: &Path, allowed: &AllowedDomains) -> CliResult<Option<PiiReport>> {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(pii::TEXT_SCAN_LIMIT as u64 + 4)
                .read_to_end(&mut head)
        })
        .map_err(|e| CliError::usage(format!("cannot read '{}': {e}", path.display())))?;
    Ok(pii::scan_bytes(&head, allowed)
        .filter(|f| !f.is_empty())
        .map(|findings| PiiReport {
            source: format!("attachment {}", path.display()),
            findings,
        }))
}

/// How many findings per source are listed before "… and N more".
const FINDINGS_SHOWN: usize = 10;

/// The findings as lines for the user (masked).
pub fn describe_findings(reports: &[PiiReport]) -> String {
    let mut text = String::new();
    for report in reports {
        text.push_str(&format!("  in {}:\n", report.source));
        for finding in report.findings.iter().take(FINDINGS_SHOWN) {
            text.push_str(&format!("    {finding}\n"));
        }
        if report.findings.len() > FINDINGS_SHOWN {
            text.push_str(&format!(
                "    … and {} more\n",
                report.findings.len() - FINDINGS_SHOWN
            ));
        }
    }
    text
}

/// Before sending: nothing found, or `--allow-pii`, goes ahead; on a terminal the user sees
/// the findings and confirms; otherwise it is refused (exit 2, nothing sent).
pub fn confirm_pii(ctx: &Ctx, reports: &[PiiReport], allow_pii: bool) -> CliResult<()> {
    if reports.is_empty() || allow_pii {
        return Ok(());
    }
    if !ctx.prompt().allowed() {
        return refuse_pii(reports, allow_pii);
    }
    let listing = describe_findings(reports);
    ctx.out().warn(&format!(
        "this looks like personal data, which support cases must not carry:\n{}",
        listing.trim_end()
    ));
    if ctx
        .prompt()
        .confirm("Send it anyway?", false, "--allow-pii")?
    {
        Ok(())
    } else {
        Err(CliError::usage("cancelled: nothing was sent")
            .hint("remove the personal data and run the command again"))
    }
}

/// Without asking (a script, or each case of a bulk run): anything found is refused (exit 2,
/// nothing sent) unless `--allow-pii`.
pub fn refuse_pii(reports: &[PiiReport], allow_pii: bool) -> CliResult<()> {
    if reports.is_empty() || allow_pii {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "the text to send looks like it contains personal data, which support cases must not carry; nothing was sent:\n{}",
        describe_findings(reports).trim_end()
    ))
    .hint("remove it (mask or redact it), or pass --allow-pii if it must be sent"))
}

/// [`confirm_pii`], but a dry run on a terminal does not ask: it shows the findings and says
/// that the real run asks (a script's dry run refuses as the real one does).
pub fn check_pii(
    ctx: &Ctx,
    reports: &[PiiReport],
    allow_pii: bool,
    dry_run: bool,
) -> CliResult<()> {
    if dry_run && ctx.prompt().allowed() && !reports.is_empty() && !allow_pii {
        ctx.out().warn(&format!(
            "this looks like personal data, which support cases must not carry; the real run asks before sending it:\n{}",
            describe_findings(reports).trim_end()
        ));
        return Ok(());
    }
    confirm_pii(ctx, reports, allow_pii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_beyond_ten_are_summarised() {
        let allowed = AllowedDomains::default();
        let text = (0..12)
            .map(|i| format!("user{i}@example.org"))
            .collect::<Vec<_>>()
            .join("\n");
        let report = scan_text("the description", &text, &allowed).unwrap();
        let shown = describe_findings(&[report]);
        assert!(shown.contains("in the description:"), "{shown}");
        assert!(shown.contains("… and 2 more"), "{shown}");
        assert!(!shown.contains("user11@"), "emails are masked: {shown}");
    }
}
