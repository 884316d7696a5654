//! The demo database of `rsupport-server dev`: deterministic content whose names are public
//! constants, so client tests and docs can rely on them.
//!
//! Seeded once into an empty database (ids are then stable: see the `CASE_*` constants); a
//! database that already holds the demo is reused, and every start issues fresh tokens.

use crate::store::Tx;
use jiff::{SignedDuration, Timestamp};

use crate::auth::{Clock, hash_token, new_token};
use crate::store::{NewAttachment, NewCase, Store, StoreError};
use rsupport_api::types::{
    AuthorRole, CaseState, Contact, Customer, Escalation, EscalationReason, Privilege, Role,
    Severity, StateChangeVia, SupportPlan,
};

/// The main reseller domain of the demo.
pub const RESELLER_DOMAIN: &str = "reseller.example.com";
/// The second reseller domain.
pub const PARTNER_DOMAIN: &str = "partner.example.net";
/// Reseller admin (all three privileges) of [`RESELLER_DOMAIN`]; the same person also holds
/// [`PARTNER_ADMIN_EMAIL`].
pub const ADMIN_EMAIL: &str = "alex@reseller.example.com";
/// The same person's account in [`PARTNER_DOMAIN`] (all three privileges).
pub const PARTNER_ADMIN_EMAIL: &str = "alex@partner.example.net";
/// A user of [`RESELLER_DOMAIN`] with `support` and `customers.view` but without
/// `cases.access`.
pub const VIEWER_EMAIL: &str = "sam@reseller.example.com";
/// The support agent.
pub const AGENT_EMAIL: &str = "agent@support.example.com";

/// Customers of [`RESELLER_DOMAIN`]: one per plan, all with access granted…
pub const CUSTOMER_PREMIUM: &str = "acme";
pub const CUSTOMER_STANDARD: &str = "globex";
pub const CUSTOMER_ENHANCED: &str = "initech";
/// …one that has not granted access (it has one case, filed before the grant was revoked)…
pub const CUSTOMER_NO_ACCESS: &str = "umbrella";
/// …and one that moved from [`RESELLER_DOMAIN`] to [`PARTNER_DOMAIN`], with cases under both.
pub const CUSTOMER_MOVED: &str = "hooli";
/// Customers of [`PARTNER_DOMAIN`].
pub const PARTNER_CUSTOMER_PREMIUM: &str = "stark";
pub const PARTNER_CUSTOMER_STANDARD: &str = "wayne";

/// Open (in-progress), premium customer, not escalated: escalation is allowed.
pub const CASE_OPEN_PREMIUM: u64 = 1;
/// Closed 40 days ago: reopen is refused (REOPEN_WINDOW_EXPIRED).
pub const CASE_CLOSED_LONG_AGO: u64 = 2;
/// Closed 3 days ago: reopen is allowed.
pub const CASE_CLOSED_RECENTLY: u64 = 3;
/// Filed for [`CUSTOMER_NO_ACCESS`] before it revoked access: readable, not writable.
pub const CASE_NO_ACCESS: u64 = 4;
/// Filed by [`RESELLER_DOMAIN`] for [`CUSTOMER_MOVED`] before the move.
pub const CASE_MOVED_OLD: u64 = 5;
/// Filed by [`PARTNER_DOMAIN`] for [`CUSTOMER_MOVED`] after the move.
pub const CASE_MOVED_NEW: u64 = 6;
/// Waiting on the reseller (action-required), standard plan: escalation refused (plan).
pub const CASE_ACTION_REQUIRED: u64 = 7;
/// Escalated already (premium customer, action-required).
pub const CASE_ESCALATED: u64 = 13;
/// How many cases the demo holds.
pub const CASE_COUNT: u64 = 40;

/// A token issued at start, for the login commands printed by `dev`.
#[derive(Debug, Clone)]
pub struct Login {
    pub who: String,
    /// `None` for the support agent.
    pub domain: Option<String>,
    pub token: String,
    /// How the banner suggests using it.
    pub usage: LoginUsage,
}

/// How a demo token is meant to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginUsage {
    /// `rsupport auth login` (one keyring entry per domain).
    Keyring,
    /// `RSUPPORT_TOKEN=…` for one command, so it does not replace the domain's stored login.
    EnvToken,
    /// The support agent: raw HTTP.
    Agent,
}

/// Seeds the demo if the database does not hold it yet, then issues one fresh token per demo
/// account.
pub fn prepare(store: &Store) -> anyhow::Result<Vec<Login>> {
    store.write(|tx| -> Result<(), StoreError> {
        if !tx.domain_exists(RESELLER_DOMAIN)? {
            let now = Clock {
                offset_seconds: tx.clock_offset_seconds()?,
            }
            .now();
            seed(tx, now)?;
        }
        Ok(())
    })?;
    let accounts = [
        (
            ADMIN_EMAIL,
            Some(RESELLER_DOMAIN),
            "Alex, reseller admin of reseller.example.com",
            LoginUsage::Keyring,
        ),
        (
            PARTNER_ADMIN_EMAIL,
            Some(PARTNER_DOMAIN),
            "the same Alex, admin of partner.example.net",
            LoginUsage::Keyring,
        ),
        (
            VIEWER_EMAIL,
            Some(RESELLER_DOMAIN),
            "Sam of reseller.example.com, without the cases.access privilege (refused)",
            LoginUsage::EnvToken,
        ),
        (
            AGENT_EMAIL,
            None,
            "the support agent (plays the provider's side)",
            LoginUsage::Agent,
        ),
    ];
    let logins = store.write(|tx| -> Result<Vec<Login>, StoreError> {
        let now = Timestamp::now();
        let mut logins = Vec::new();
        for (email, domain, who, usage) in accounts {
            let user = tx
                .find_user(email)?
                .ok_or_else(|| StoreError::Corrupt(format!("demo user {email} is missing")))?;
            let token = new_token();
            tx.insert_token(user.id, &hash_token(&token), now, None)?;
            logins.push(Login {
                who: who.to_string(),
                domain: domain.map(str::to_string),
                token,
                usage,
            });
        }
        Ok(logins)
    })?;
    Ok(logins)
}

fn customer(id: &str, name: &str, domain: &str, plan: SupportPlan, granted: bool) -> Customer {
    Customer {
        id: id.to_string(),
        display_name: name.to_string(),
        primary_domain: format!("{id}.example"),
        reseller_domain: domain.to_string(),
        plan,
        access_granted: granted,
        contact: Contact {
            name: format!("{name} IT desk"),
            email: format!("it@{id}.example"),
            phone: Some("+1 555 0100".to_string()),
        },
    }
}

/// Problems resellers file, with their category.
const PROBLEMS: &[(&str, &str, &str)] = &[
    (
        "Mail to external recipients bounces",
        "gmail-delivery",
        "Since this morning messages to outside domains bounce with 550 5.7.1. Internal mail works.",
    ),
    (
        "Shared drive members cannot upload",
        "drive-shared-drives",
        "Content managers of the Finance shared drive get 'You need permission' when uploading.",
    ),
    (
        "Calendar rooms show as busy",
        "calendar-resources",
        "All meeting rooms of building B show as busy all day although nothing is booked.",
    ),
    (
        "SSO login loops back to the IdP",
        "security-sso",
        "Users are sent back to the identity provider in a loop after the SAML certificate rotation.",
    ),
    (
        "Meet calls drop after ten minutes",
        "meet-quality",
        "Calls with more than eight participants drop for everyone after about ten minutes.",
    ),
    (
        "Licences not assigned after renewal",
        "billing-subscriptions",
        "After the renewal 20 users show as unlicensed in the Admin console.",
    ),
    (
        "Spam filter quarantines invoices",
        "gmail-spam",
        "Invoices from our accounting provider land in quarantine since the last policy change.",
    ),
    (
        "Directory sync deletes aliases",
        "directory-sync",
        "Every GCDS run removes the email aliases of the sales team.",
    ),
    (
        "Vault export never completes",
        "vault-export",
        "A Vault export of three mailboxes has been at 99% for two days.",
    ),
    (
        "Mobile devices stuck in pending approval",
        "endpoint-mobile",
        "New Android devices stay in pending approval even after an admin approves them.",
    ),
    (
        "DNS verification fails for new domain",
        "domains-dns",
        "The TXT record is published but verification of the secondary domain keeps failing.",
    ),
    (
        "Gemini side panel missing in Docs",
        "gemini-features",
        "Users with the Gemini add-on do not see the side panel in Docs.",
    ),
];

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

fn at(now: Timestamp, ago: SignedDuration) -> Timestamp {
    now.checked_sub(ago).unwrap_or(now)
}

struct SeedCase<'a> {
    domain: &'a str,
    customer: &'a str,
    creator: &'a str,
    problem: usize,
    priority: Severity,
    state: CaseState,
    created_days_ago: i64,
    closed_days_ago: Option<i64>,
    with_attachment: bool,
}

fn seed_case(tx: &dyn Tx, now: Timestamp, n: usize, c: &SeedCase) -> Result<u64, StoreError> {
    let (title, category, description) = PROBLEMS[c.problem % PROBLEMS.len()];
    let created = at(now, days(c.created_days_ago));
    let id = tx.insert_case(&NewCase {
        customer: c.customer.to_string(),
        reseller_domain: c.domain.to_string(),
        display_name: title.to_string(),
        description: description.to_string(),
        classification: category.to_string(),
        priority: c.priority,
        state: CaseState::New,
        language_code: "en-US".to_string(),
        time_zone: "Europe/Rome".to_string(),
        subscribers: vec![format!("it@{}.example", c.customer)],
        creator: c.creator.to_string(),
        create_time: created,
        request_id: format!("demo-seed-{n}"),
        request_fingerprint: format!("demo-seed-{n}"),
    })?;
    let mut t = created;
    let mut step = || {
        t = t.checked_add(SignedDuration::from_hours(5)).unwrap_or(t);
        t
    };
    if c.with_attachment {
        let log = format!("case {id}: sample log\n550 5.7.1 message rejected\n");
        let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(log.as_bytes()));
        tx.insert_blob(&sha, log.as_bytes())?;
        tx.insert_attachment(&NewAttachment {
            case_id: id,
            filename: "error-log.txt",
            size_bytes: log.len() as u64,
            sha256: &sha,
            mime_type: "text/plain",
            creator: c.creator,
            now: step(),
        })?;
    }
    if c.state != CaseState::New {
        tx.insert_comment(
            id,
            "Thanks for the details, we are looking into it.",
            AGENT_EMAIL,
            AuthorRole::Support,
            step(),
        )?;
        tx.set_case_state(
            id,
            CaseState::InProgress,
            None,
            step(),
            AGENT_EMAIL,
            StateChangeVia::Support,
        )?;
        tx.note_support_activity(id)?;
        tx.insert_comment(
            id,
            "It still happens for a few users, see the attached log.",
            c.creator,
            AuthorRole::Reseller,
            step(),
        )?;
    }
    match c.state {
        CaseState::ActionRequired => {
            tx.insert_comment(
                id,
                "Please send the full headers of one affected message.",
                AGENT_EMAIL,
                AuthorRole::Support,
                step(),
            )?;
            tx.set_case_state(
                id,
                CaseState::ActionRequired,
                None,
                step(),
                AGENT_EMAIL,
                StateChangeVia::Support,
            )?;
            tx.note_support_activity(id)?;
        }
        CaseState::SolutionProvided => {
            tx.insert_comment(
                id,
                "We fixed a configuration on our side; please confirm.",
                AGENT_EMAIL,
                AuthorRole::Support,
                step(),
            )?;
            tx.set_case_state(
                id,
                CaseState::SolutionProvided,
                None,
                step(),
                AGENT_EMAIL,
                StateChangeVia::Support,
            )?;
            tx.note_support_activity(id)?;
        }
        CaseState::Closed => {
            let closed = at(now, days(c.closed_days_ago.unwrap_or(1)));
            tx.insert_comment(
                id,
                "Confirmed fixed, closing.",
                c.creator,
                AuthorRole::Reseller,
                closed,
            )?;
            tx.set_case_state(
                id,
                CaseState::Closed,
                Some(closed),
                closed,
                c.creator,
                StateChangeVia::Close,
            )?;
        }
        CaseState::New | CaseState::InProgress => {}
    }
    Ok(id)
}

fn seed(tx: &dyn Tx, now: Timestamp) -> Result<(), StoreError> {
    for domain in [RESELLER_DOMAIN, PARTNER_DOMAIN] {
        tx.insert_domain(domain, now)?;
    }
    let all = Privilege::ALL;
    tx.upsert_user(ADMIN_EMAIL, Some(RESELLER_DOMAIN), Role::Reseller, all, now)?;
    tx.upsert_user(
        PARTNER_ADMIN_EMAIL,
        Some(PARTNER_DOMAIN),
        Role::Reseller,
        all,
        now,
    )?;
    tx.upsert_user(
        VIEWER_EMAIL,
        Some(RESELLER_DOMAIN),
        Role::Reseller,
        &[Privilege::Support, Privilege::CustomersView],
        now,
    )?;
    tx.upsert_user(AGENT_EMAIL, None, Role::Agent, &[], now)?;
    for c in [
        customer(
            CUSTOMER_PREMIUM,
            "Acme Corporation",
            RESELLER_DOMAIN,
            SupportPlan::Premium,
            true,
        ),
        customer(
            CUSTOMER_STANDARD,
            "Globex",
            RESELLER_DOMAIN,
            SupportPlan::Standard,
            true,
        ),
        customer(
            CUSTOMER_ENHANCED,
            "Initech",
            RESELLER_DOMAIN,
            SupportPlan::Enhanced,
            true,
        ),
        customer(
            CUSTOMER_NO_ACCESS,
            "Umbrella Health",
            RESELLER_DOMAIN,
            SupportPlan::Premium,
            true,
        ),
        customer(
            CUSTOMER_MOVED,
            "Hooli",
            RESELLER_DOMAIN,
            SupportPlan::Enhanced,
            true,
        ),
        customer(
            PARTNER_CUSTOMER_PREMIUM,
            "Stark Industries",
            PARTNER_DOMAIN,
            SupportPlan::Premium,
            true,
        ),
        customer(
            PARTNER_CUSTOMER_STANDARD,
            "Wayne Enterprises",
            PARTNER_DOMAIN,
            SupportPlan::Standard,
            true,
        ),
    ] {
        tx.upsert_customer(&c)?;
    }
    let r = RESELLER_DOMAIN;
    let p = PARTNER_DOMAIN;
    let special = [
        SeedCase {
            domain: r,
            customer: CUSTOMER_PREMIUM,
            creator: ADMIN_EMAIL,
            problem: 0,
            priority: Severity::P2,
            state: CaseState::InProgress,
            created_days_ago: 2,
            closed_days_ago: None,
            with_attachment: true,
        },
        SeedCase {
            domain: r,
            customer: CUSTOMER_PREMIUM,
            creator: ADMIN_EMAIL,
            problem: 4,
            priority: Severity::P3,
            state: CaseState::Closed,
            created_days_ago: 55,
            closed_days_ago: Some(40),
            with_attachment: false,
        },
        SeedCase {
            domain: r,
            customer: CUSTOMER_PREMIUM,
            creator: ADMIN_EMAIL,
            problem: 6,
            priority: Severity::P3,
            state: CaseState::Closed,
            created_days_ago: 10,
            closed_days_ago: Some(3),
            with_attachment: false,
        },
        SeedCase {
            domain: r,
            customer: CUSTOMER_NO_ACCESS,
            creator: ADMIN_EMAIL,
            problem: 3,
            priority: Severity::P1,
            state: CaseState::InProgress,
            created_days_ago: 20,
            closed_days_ago: None,
            with_attachment: false,
        },
        SeedCase {
            domain: r,
            customer: CUSTOMER_MOVED,
            creator: ADMIN_EMAIL,
            problem: 7,
            priority: Severity::P2,
            state: CaseState::SolutionProvided,
            created_days_ago: 30,
            closed_days_ago: None,
            with_attachment: true,
        },
    ];
    let mut n = 0;
    for c in &special {
        n += 1;
        seed_case(tx, now, n, c)?;
    }
    // The customer moves; the new reseller files a case, the old case stays with the old one.
    let mut moved = customer(
        CUSTOMER_MOVED,
        "Hooli",
        PARTNER_DOMAIN,
        SupportPlan::Enhanced,
        true,
    );
    moved.reseller_domain = p.to_string();
    tx.upsert_customer(&moved)?;
    let after_move = [
        SeedCase {
            domain: p,
            customer: CUSTOMER_MOVED,
            creator: PARTNER_ADMIN_EMAIL,
            problem: 10,
            priority: Severity::P3,
            state: CaseState::New,
            created_days_ago: 4,
            closed_days_ago: None,
            with_attachment: false,
        },
        SeedCase {
            domain: r,
            customer: CUSTOMER_STANDARD,
            creator: ADMIN_EMAIL,
            problem: 9,
            priority: Severity::P2,
            state: CaseState::ActionRequired,
            created_days_ago: 6,
            closed_days_ago: None,
            with_attachment: false,
        },
    ];
    for c in &after_move {
        n += 1;
        seed_case(tx, now, n, c)?;
    }
    let states = [
        CaseState::New,
        CaseState::InProgress,
        CaseState::ActionRequired,
        CaseState::SolutionProvided,
        CaseState::Closed,
    ];
    let reseller_customers = [CUSTOMER_PREMIUM, CUSTOMER_STANDARD, CUSTOMER_ENHANCED];
    let partner_customers = [
        PARTNER_CUSTOMER_PREMIUM,
        PARTNER_CUSTOMER_STANDARD,
        CUSTOMER_MOVED,
    ];
    while (n as u64) < CASE_COUNT {
        let i = n;
        let partner = i % 4 == 3;
        let (domain, customer, creator) = if partner {
            (
                p,
                partner_customers[i % partner_customers.len()],
                PARTNER_ADMIN_EMAIL,
            )
        } else {
            (
                r,
                reseller_customers[i % reseller_customers.len()],
                ADMIN_EMAIL,
            )
        };
        n += 1;
        let created_days_ago = 2 + (i as i64 * 7) % 50;
        seed_case(
            tx,
            now,
            n,
            &SeedCase {
                domain,
                customer,
                creator,
                problem: i,
                priority: Severity::RESELLER[i % 4],
                state: states[i % states.len()],
                created_days_ago,
                // Closed after it was filed, never in the future.
                closed_days_ago: Some((1 + i as i64 % 5).min(created_days_ago - 1).max(0)),
                with_attachment: i % 3 == 0,
            },
        )?;
    }
    // A premium case already escalated.
    let escalated_at = at(now, days(1));
    tx.set_case_escalation(
        CASE_ESCALATED,
        &Escalation {
            reason: EscalationReason::BusinessImpact,
            justification: "The whole sales team cannot send quotes.".to_string(),
            escalated_by: ADMIN_EMAIL.to_string(),
            escalate_time: escalated_at,
        },
        escalated_at,
    )?;
    // Umbrella revokes the grant after its case was filed.
    let mut revoked = customer(
        CUSTOMER_NO_ACCESS,
        "Umbrella Health",
        RESELLER_DOMAIN,
        SupportPlan::Premium,
        false,
    );
    revoked.access_granted = false;
    tx.upsert_customer(&revoked)?;
    Ok(())
}
