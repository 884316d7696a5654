//! Listing cases, for `case list` and `case filter`: the filter flags they share, the server
//! query they become, and the listing itself (a page, `--all` streamed, `--all-domains`
//! merged), with a note on stderr of what `--limit` or the default state filter hid.

use std::collections::BTreeMap;

use clap::Args;
use futures_util::future::join_all;
use rsupport_api::types::{
    Case, CaseList, CaseOrder, CaseState, ListCasesQuery, MAX_PAGE_SIZE, Severity, StateFilter,
    parse_severity_list,
};

use super::check_p0;
use crate::client::{Client, Pager};
use crate::commands::shared::AllDomains;
use crate::config::Provider;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Listing, Outcome};

/// Cases shown without `--limit` or `--all`.
pub const DEFAULT_LIMIT: u32 = 30;

/// The filters `case list` and `case filter` share.
#[derive(Debug, Clone, Args)]
pub struct CaseFilters {
    /// Only the cases of this customer (its id)
    #[arg(long, value_name = "CUSTOMER", add = crate::complete::customer_id())]
    pub customer: Option<String>,
    /// open (every state but closed), closed, all, or one state: new, in-progress,
    /// action-required, solution-provided [default: open]
    #[arg(long, value_name = "STATE", value_parser = parse_state, add = crate::complete::state())]
    pub state: Option<StateFilter>,
    /// Only these severities, a comma list such as P1,P2 (P0: Google Cloud domains only)
    #[arg(long, value_name = "P1[,P2…]", value_parser = parse_severities, add = crate::complete::severity_list())]
    pub severity: Option<SeverityList>,
    /// Order: updated (default), created or severity; newest or most severe first
    #[arg(long, value_name = "ORDER", value_parser = parse_order, add = crate::complete::case_order())]
    pub sort: Option<CaseOrder>,
    /// How many cases to show [default: 30]
    #[arg(long, value_name = "N", conflicts_with = "all", allow_negative_numbers = true, value_parser = parse_limit)]
    pub limit: Option<u32>,
    /// Every case, page after page (streamed)
    #[arg(long)]
    pub all: bool,
    /// The cases of every logged-in domain, with a DOMAIN column
    #[arg(long)]
    pub all_domains: bool,
    /// Only cases with support activity (a message or a state change) since you last read them
    /// with `case view` or `case history` (per user, kept by the server)
    #[arg(long)]
    pub unread: bool,
}

// `state` and `sort` are `None` when not given (so a saved filter can tell a flag from a
// default): read them through these.
impl CaseFilters {
    /// `--state`, else `open`.
    pub fn state(&self) -> StateFilter {
        self.state.unwrap_or(StateFilter::Open)
    }

    /// `--sort`, else `updated`.
    pub fn sort(&self) -> CaseOrder {
        self.sort.unwrap_or(CaseOrder::Updated)
    }
}

/// A parsed `--severity` list (a newtype, so clap takes the whole list as one value).
#[derive(Debug, Clone, PartialEq)]
pub struct SeverityList(pub Vec<Severity>);

/// `--limit`: a whole number of cases, 1 to `u32::MAX`, said in words when it is not.
fn parse_limit(value: &str) -> Result<u32, String> {
    match value.trim().parse::<i128>() {
        Ok(n) if n >= 1 && n <= i128::from(u32::MAX) => Ok(n as u32),
        _ => Err(format!(
            "expected a whole number of cases from 1 to {} (use --all for every case)",
            u32::MAX
        )),
    }
}

fn parse_state(value: &str) -> Result<StateFilter, String> {
    value.parse()
}

fn parse_severities(value: &str) -> Result<SeverityList, String> {
    let list = parse_severity_list(value)?;
    if list.is_empty() {
        return Err("expected at least one severity, e.g. P1,P2".into());
    }
    Ok(SeverityList(list))
}

fn parse_order(value: &str) -> Result<CaseOrder, String> {
    value.parse()
}

/// The query sent to the server for these filters.
pub fn query(search: Option<String>, filters: &CaseFilters, page_size: u32) -> ListCasesQuery {
    ListCasesQuery {
        customer: filters.customer.clone().filter(|c| !c.trim().is_empty()),
        state: Some(filters.state().to_string()),
        priority: filters.severity.as_ref().map(|list| {
            list.0
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(",")
        }),
        query: search,
        order_by: Some(filters.sort()),
        page_size: Some(page_size),
        unread: filters.unread.then_some(true),
        ..ListCasesQuery::default()
    }
}

/// The severities `--severity` asked for.
fn asked(filters: &CaseFilters) -> &[Severity] {
    filters.severity.as_ref().map_or(&[], |list| &list.0)
}

fn empty_message(search: &Option<String>, filters: &CaseFilters) -> String {
    let unread = if filters.unread { "unread " } else { "" };
    let mut what = match filters.state() {
        StateFilter::Open => format!("No {unread}open cases"),
        StateFilter::All => format!("No {unread}cases"),
        StateFilter::Only(state) => format!("No {unread}{state} cases"),
    };
    if let Some(customer) = &filters.customer {
        what.push_str(&format!(" for {customer}"));
    }
    if let Some(search) = search {
        what.push_str(&format!(" matching '{search}'"));
    }
    if let Some(severity) = &filters.severity {
        let list: Vec<&str> = severity.0.iter().map(|s| s.as_str()).collect();
        what.push_str(&format!(" with severity {}", list.join(" or ")));
    }
    what.push('.');
    what
}

/// How many cases match a list's filters but its state, per state (the server's
/// `stateCounts`).
type StateCounts = BTreeMap<String, u64>;

/// Whether the list may hide something the user is told about: then its first page asks the
/// server for the counts (never with `-q`, which silences the note).
fn wants_counts(ctx: &Ctx, filters: &CaseFilters) -> bool {
    !ctx.out().is_quiet() && (!filters.all || filters.state() == StateFilter::Open)
}

/// What the list hid, for stderr: the cases `--limit` cut (`shown` of the matching ones) and
/// the closed cases the `open` filter left out; `None` when nothing was hidden.
fn hidden_note(
    filters: &CaseFilters,
    counts: Option<&StateCounts>,
    shown: usize,
) -> Option<String> {
    let counts = counts?;
    let count = |state: CaseState| counts.get(state.as_str()).copied().unwrap_or(0);
    let matching: u64 = CaseState::ALL
        .iter()
        .filter(|state| filters.state().matches(**state))
        .map(|state| count(*state))
        .sum();
    let mut parts = Vec::new();
    if !filters.all && (shown as u64) < matching {
        let what = match filters.state() {
            StateFilter::Open => "open cases".to_string(),
            StateFilter::All => "cases".to_string(),
            StateFilter::Only(state) => format!("{state} cases"),
        };
        parts.push(format!(
            "Showing {shown} of {matching} {what} (--limit N for more, --all for every one)"
        ));
    }
    let closed = count(CaseState::Closed);
    if filters.state() == StateFilter::Open && closed > 0 {
        let cases = if closed == 1 { "case" } else { "cases" };
        let sentence = format!("{closed} closed {cases} hidden (--state all shows them)");
        parts.push(sentence);
    }
    if parts.is_empty() {
        None
    } else {
        Some(format!("{}.", parts.join("; ")))
    }
}

/// What a list of the Google provider says when `--limit` may have cut it: the API counts
/// nothing, so how many were hidden is not known (and never guessed).
fn no_counts_note(shown: usize, limit: u32) -> Option<String> {
    (shown >= limit as usize).then(|| {
        format!(
            "Showing the first {shown} cases; the Cloud Support API gives no count of the others (--limit N for more, --all for every one)."
        )
    })
}

/// Adds up the counts of several domains.
fn add_counts(total: &mut Option<StateCounts>, counts: Option<StateCounts>) {
    if let Some(counts) = counts {
        let total = total.get_or_insert_with(StateCounts::new);
        for (state, n) in counts {
            *total.entry(state).or_insert(0) += n;
        }
    }
}

/// A case list walked page by page, whose first page may carry the state counts
/// (`includeCounts`, asked once: later pages go through the plain pager).
struct CasePages<'c> {
    client: &'c Client,
    first: Option<ListCasesQuery>,
    rest: Option<Pager<'c, ListCasesQuery, CaseList>>,
    counts: Option<StateCounts>,
}

impl<'c> CasePages<'c> {
    fn new(client: &'c Client, mut query: ListCasesQuery, with_counts: bool) -> CasePages<'c> {
        query.include_counts = with_counts.then_some(true);
        CasePages {
            client,
            first: Some(query),
            rest: None,
            counts: None,
        }
    }

    async fn next_page(&mut self) -> CliResult<Option<Vec<Case>>> {
        if let Some(mut query) = self.first.take() {
            let page = self.client.list_cases(&query).await?;
            self.counts = page.state_counts;
            if let Some(token) = page.next_page_token.filter(|t| !t.is_empty()) {
                query.page_token = Some(token);
                query.include_counts = None;
                self.rest = Some(self.client.case_pages(query));
            }
            return Ok(Some(page.cases));
        }
        match &mut self.rest {
            Some(pages) => Ok(pages.next_page().await?),
            None => Ok(None),
        }
    }
}

pub async fn list(ctx: &Ctx, search: Option<String>, filters: CaseFilters) -> CliResult<Outcome> {
    let empty = empty_message(&search, &filters);
    if filters.all_domains {
        return list_all_domains(ctx, search, filters, empty).await;
    }
    let client = ctx.client()?;
    check_p0(client, asked(&filters))?;
    let with_counts = wants_counts(ctx, &filters);
    if filters.all {
        let mut rows = ctx.out().list_stream::<Case>().empty_message(empty);
        let mut pages = CasePages::new(client, query(search, &filters, MAX_PAGE_SIZE), with_counts);
        while let Some(page) = pages.next_page().await? {
            rows.page(&page)?;
        }
        rows.set_footer(hidden_note(&filters, pages.counts.as_ref(), 0));
        rows.finish()?;
        return Ok(Outcome::Done);
    }
    let limit = filters.limit.unwrap_or(DEFAULT_LIMIT);
    let (cases, counts) = first_cases(
        client,
        query(search, &filters, limit.min(MAX_PAGE_SIZE)),
        limit,
        with_counts,
    )
    .await?;
    let note = match client.provider() {
        Provider::Google if with_counts => no_counts_note(cases.len(), limit),
        _ => hidden_note(&filters, counts.as_ref(), cases.len()),
    };
    Ok(Outcome::List(
        Listing::of(&cases).empty_message(empty).footer(note),
    ))
}

/// The first `limit` cases of a query, page after page, and the first page's state counts.
async fn first_cases(
    client: &Client,
    query: ListCasesQuery,
    limit: u32,
    with_counts: bool,
) -> CliResult<(Vec<Case>, Option<StateCounts>)> {
    let limit = limit as usize;
    let mut cases = Vec::new();
    let mut pages = CasePages::new(client, query, with_counts);
    while cases.len() < limit {
        let Some(page) = pages.next_page().await? else {
            break;
        };
        cases.extend(page.into_iter().take(limit - cases.len()));
    }
    Ok((cases, pages.counts))
}

/// Every logged-in domain asked at once; rows carry a DOMAIN column and, without `--all`,
/// are merged in the asked order and cut to the limit. With `--all` each domain is streamed
/// in turn. A domain that fails is a warning unless they all fail.
async fn list_all_domains(
    ctx: &Ctx,
    search: Option<String>,
    filters: CaseFilters,
    empty: String,
) -> CliResult<Outcome> {
    let mut all = AllDomains::logged_in(ctx)?;
    let domains = all.domains.clone();
    let shape = Listing::tagged::<Case>("DOMAIN", "domain").empty_message(empty);
    let with_counts = wants_counts(ctx, &filters);
    // The counts of the domains that answered, added up.
    let mut counts: Option<StateCounts> = None;
    if filters.all {
        let mut rows = ctx.out().list_stream_like(&shape);
        for domain in &domains {
            let result: CliResult<()> = async {
                let client = ctx.client_for_async(domain).await?;
                check_p0(&client, asked(&filters))?;
                let mut pages = CasePages::new(
                    &client,
                    query(search.clone(), &filters, MAX_PAGE_SIZE),
                    with_counts,
                );
                while let Some(page) = pages.next_page().await? {
                    let mut listing = Listing::tagged::<Case>("DOMAIN", "domain");
                    for case in &page {
                        listing.push_tagged(domain, case);
                    }
                    rows.listing(listing)?;
                }
                add_counts(&mut counts, pages.counts);
                Ok(())
            }
            .await;
            if let Err(error) = result {
                all.failed(ctx, domain, error);
            }
        }
        all.finish()?;
        rows.set_footer(hidden_note(&filters, counts.as_ref(), 0));
        rows.finish()?;
        return Ok(Outcome::Done);
    }
    let limit = filters.limit.unwrap_or(DEFAULT_LIMIT);
    let wanted = asked(&filters);
    let lookups = domains.iter().map(|domain| {
        let query = query(search.clone(), &filters, limit.min(MAX_PAGE_SIZE));
        async move {
            let client = ctx.client_for_async(domain).await?;
            check_p0(&client, wanted)?;
            first_cases(&client, query, limit, with_counts).await
        }
    });
    let results = join_all(lookups).await;
    let mut merged: Vec<(String, Case)> = Vec::new();
    for (domain, result) in domains.iter().zip(results) {
        match result {
            Ok((cases, domain_counts)) => {
                merged.extend(cases.into_iter().map(|c| (domain.clone(), c)));
                add_counts(&mut counts, domain_counts);
            }
            Err(error) => all.failed(ctx, domain, error),
        }
    }
    all.finish()?;
    sort_cases(&mut merged, filters.sort());
    let shown = merged.len().min(limit as usize);
    let mut listing = shape.footer(hidden_note(&filters, counts.as_ref(), shown));
    for (domain, case) in merged.iter().take(limit as usize) {
        listing.push_tagged(domain, case);
    }
    Ok(Outcome::List(listing))
}

/// The server's order across domains: newest (or most severe) first, ties by id descending.
fn sort_cases(cases: &mut [(String, Case)], order: CaseOrder) {
    cases.sort_by(|(_, a), (_, b)| {
        let primary = match order {
            CaseOrder::Updated => b.update_time.cmp(&a.update_time),
            CaseOrder::Created => b.create_time.cmp(&a.create_time),
            CaseOrder::Severity => a
                .priority
                .cmp(&b.priority)
                .then(b.update_time.cmp(&a.update_time)),
        };
        primary.then(b.id.cmp(&a.id))
    });
}

/// Keywords are words: the server refuses a query with no letter or digit, so say it here,
/// naming what the user gave (`what`).
pub fn check_keywords(what: &str, search: &str) -> CliResult<()> {
    if search.chars().any(char::is_alphanumeric) {
        return Ok(());
    }
    Err(crate::error::CliError::usage(format!(
        "{what} '{}' has no letter or digit to search for: give one or more words \
         (punctuation and symbols are ignored)",
        crate::terminal::one_line(search.trim())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters() -> CaseFilters {
        CaseFilters {
            customer: Some("acme".into()),
            state: Some(StateFilter::All),
            severity: Some(SeverityList(vec![Severity::P1, Severity::P2])),
            sort: Some(CaseOrder::Severity),
            limit: None,
            all: false,
            all_domains: false,
            unread: false,
        }
    }

    #[test]
    fn filters_become_the_server_query() {
        let q = query(Some("bounce".into()), &filters(), 30);
        assert_eq!(q.customer.as_deref(), Some("acme"));
        assert_eq!(q.state.as_deref(), Some("all"));
        assert_eq!(q.priority.as_deref(), Some("P1,P2"));
        assert_eq!(q.query.as_deref(), Some("bounce"));
        assert_eq!(q.order_by, Some(CaseOrder::Severity));
        assert_eq!(q.page_size, Some(30));
        assert_eq!(q.unread, None);
        let unread = CaseFilters {
            unread: true,
            ..filters()
        };
        assert_eq!(query(None, &unread, 30).unread, Some(true));
    }

    #[test]
    fn the_empty_message_says_what_was_asked() {
        let text = empty_message(&Some("bounce".into()), &filters());
        assert_eq!(
            text,
            "No cases for acme matching 'bounce' with severity P1 or P2."
        );
    }

    #[test]
    fn an_unknown_sort_order_names_the_valid_ones() {
        let err = parse_order("priority").unwrap_err();
        assert!(err.contains("updated, created, severity"), "{err}");
    }

    #[test]
    fn a_limit_outside_its_range_says_the_range_in_words() {
        for bad in ["0", "-3", "abc", "1.5", "4294967296"] {
            let err = parse_limit(bad).unwrap_err();
            assert!(
                err.contains("a whole number of cases from 1 to 4294967295"),
                "{bad}: {err}"
            );
        }
        assert_eq!(parse_limit("20"), Ok(20));
    }

    #[test]
    fn an_empty_severity_list_is_refused() {
        assert!(parse_severities(",").is_err());
        assert_eq!(
            parse_severities("p2,P1").unwrap(),
            SeverityList(vec![Severity::P2, Severity::P1])
        );
    }
}
