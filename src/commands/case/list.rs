//! `rsupport case list`: "My cases", or one customer's cases. `--all` follows every page and
//! streams the output, so memory stays flat however many cases there are. `--save NAME`
//! keeps the filter flags given in the config (`[filters.NAME]`); `--filter NAME` takes them
//! back, under the flags given alongside.

use clap::Args;

use super::shared::{CaseFilters, SeverityList, check_keywords, list};
use crate::config::{SavedFilter, validate_name};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case list                                  # open cases of every customer
  rsupport case list --customer acme --state all
  rsupport case list --severity P1,P2 --sort severity
  rsupport case list --all --json > cases.json        # every case, streamed
  rsupport case list --all-domains                    # every logged-in domain
  rsupport case list --format csv --state closed --limit 100
  rsupport case list --severity P1,P2 --state all --save urgent   # saves the filter, lists
  rsupport case list --filter urgent --customer acme  # the saved flags; given ones win

Saved filters are in the config file (`rsupport config list`); `rsupport config unset
filters.NAME` deletes one. With --filter, a flag given alongside replaces the saved one
(--limit and --all replace each other); --all and --all-domains saved cannot be turned off.")]
pub struct ListArgs {
    /// Keywords searched in title, description and messages
    #[arg(long, value_name = "KEYWORDS")]
    pub search: Option<String>,
    #[command(flatten)]
    pub filters: CaseFilters,
    /// Start from the filter flags saved under NAME (flags given too win)
    #[arg(long, value_name = "NAME", add = crate::complete::filter_name())]
    pub filter: Option<String>,
    /// Save this list's filter flags under NAME in the config, then list
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
}

pub async fn run(ctx: &Ctx, mut args: ListArgs) -> CliResult<Outcome> {
    args.search = args.search.filter(|s| !s.trim().is_empty());
    if let Some(name) = &args.filter {
        let config = ctx.config()?;
        let saved = config.filter(&validate_name(name, "--filter")?)?;
        apply_saved(saved, &mut args.search, &mut args.filters);
    }
    if let Some(search) = &args.search {
        check_keywords("--search", search)?;
    }
    if let Some(name) = &args.save {
        let name = validate_name(name, "--save")?;
        let saved = to_saved(&args.search, &args.filters);
        let flags = saved.flags();
        ctx.update_config(|config| {
            config.filters.insert(name.clone(), saved);
            Ok(())
        })?;
        ctx.out().message(&format!(
            "Saved filter '{name}' ({}): reuse it with `rsupport case list --filter {name}`.",
            if flags.is_empty() { "no flags" } else { &flags }
        ));
    }
    list(ctx, args.search, args.filters).await
}

/// Fills what the command line left out from a saved filter.
fn apply_saved(saved: &SavedFilter, search: &mut Option<String>, filters: &mut CaseFilters) {
    if search.is_none() {
        search.clone_from(&saved.search);
    }
    if filters.customer.is_none() {
        filters.customer.clone_from(&saved.customer);
    }
    if filters.state.is_none() {
        filters.state = saved.state;
    }
    if filters.severity.is_none() && !saved.severity.is_empty() {
        filters.severity = Some(SeverityList(saved.severity.clone()));
    }
    if filters.sort.is_none() {
        filters.sort = saved.sort;
    }
    // --limit and --all replace each other
    if filters.limit.is_none() && !filters.all {
        filters.limit = saved.limit;
        filters.all = saved.all;
    }
    filters.all_domains |= saved.all_domains;
    filters.unread |= saved.unread;
}

/// The filter flags that were given (or taken from `--filter`), to save.
fn to_saved(search: &Option<String>, filters: &CaseFilters) -> SavedFilter {
    SavedFilter {
        customer: filters.customer.clone(),
        state: filters.state,
        severity: filters
            .severity
            .as_ref()
            .map(|list| list.0.clone())
            .unwrap_or_default(),
        search: search.clone(),
        sort: filters.sort,
        limit: filters.limit,
        all: filters.all,
        all_domains: filters.all_domains,
        unread: filters.unread,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use rsupport_api::types::{CaseOrder, Severity, StateFilter};

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        args: ListArgs,
    }

    fn args(flags: &[&str]) -> ListArgs {
        let mut line = vec!["list"];
        line.extend_from_slice(flags);
        Line::try_parse_from(line).unwrap().args
    }

    fn saved() -> SavedFilter {
        SavedFilter {
            customer: Some("acme".into()),
            state: Some(StateFilter::All),
            severity: vec![Severity::P1],
            search: Some("bounce".into()),
            sort: Some(CaseOrder::Severity),
            limit: Some(5),
            ..SavedFilter::default()
        }
    }

    #[test]
    fn only_the_flags_given_are_saved() {
        let given = args(&["--severity", "P1,P2", "--limit", "10"]);
        let saved = to_saved(&given.search, &given.filters);
        assert_eq!(saved.state, None);
        assert_eq!(saved.sort, None);
        assert_eq!(saved.flags(), "--severity P1,P2 --limit 10");
    }

    #[test]
    fn flags_given_alongside_win_over_the_saved_ones() {
        let mut given = args(&["--state", "open", "--search", "calendar"]);
        apply_saved(&saved(), &mut given.search, &mut given.filters);
        assert_eq!(given.filters.state, Some(StateFilter::Open));
        assert_eq!(given.search.as_deref(), Some("calendar"));
        assert_eq!(given.filters.customer.as_deref(), Some("acme"));
        assert_eq!(given.filters.sort(), CaseOrder::Severity);
        assert_eq!(given.filters.limit, Some(5));
    }

    #[test]
    fn all_given_replaces_a_saved_limit() {
        let mut given = args(&["--all"]);
        apply_saved(&saved(), &mut given.search, &mut given.filters);
        assert_eq!(given.filters.limit, None);
        assert!(given.filters.all);
    }
}
