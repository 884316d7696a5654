//! The category catalogue of Google Workspace support ("classification" in the Cloud Support
//! API), searchable by keyword.

use std::sync::LazyLock;

use rsupport_api::types::{Category, PRODUCT_GOOGLE_WORKSPACE};

/// `(id, display name)` of every category, in the order the portal lists them.
const ENTRIES: &[(&str, &str)] = &[
    ("admin-console-access", "Admin console > Sign-in and access"),
    (
        "admin-console-roles",
        "Admin console > Admin roles and privileges",
    ),
    (
        "admin-console-audit",
        "Admin console > Audit and investigation",
    ),
    ("billing-invoices", "Billing > Invoices and payments"),
    (
        "billing-subscriptions",
        "Billing > Subscriptions and licences",
    ),
    ("calendar-sync", "Calendar > Sync and sharing"),
    ("calendar-resources", "Calendar > Rooms and resources"),
    ("chat-spaces", "Chat > Spaces and messages"),
    ("classroom-setup", "Classroom > Setup and rosters"),
    ("directory-sync", "Directory > Google Cloud Directory Sync"),
    ("directory-users", "Directory > Users and groups"),
    ("docs-editors", "Docs editors > Docs, Sheets and Slides"),
    ("domains-dns", "Domains > DNS and verification"),
    ("domains-aliases", "Domains > Secondary domains and aliases"),
    ("drive-sharing", "Drive > Sharing and permissions"),
    ("drive-shared-drives", "Drive > Shared drives"),
    ("drive-sync", "Drive > Drive for desktop"),
    ("endpoint-mobile", "Endpoint management > Mobile devices"),
    (
        "endpoint-chromeos",
        "Endpoint management > ChromeOS devices",
    ),
    ("gemini-features", "Gemini > Features and availability"),
    ("gmail-delivery", "Gmail > Delivery"),
    ("gmail-spam", "Gmail > Spam and phishing"),
    ("gmail-routing", "Gmail > Routing and compliance rules"),
    ("gmail-migration", "Gmail > Data migration"),
    ("gmail-access", "Gmail > IMAP, POP and client access"),
    ("meet-quality", "Meet > Audio and video quality"),
    ("meet-recording", "Meet > Recording and live streaming"),
    ("security-2sv", "Security > 2-Step Verification"),
    ("security-sso", "Security > SSO and SAML"),
    ("security-alerts", "Security > Alert center"),
    ("vault-retention", "Vault > Retention and holds"),
    ("vault-export", "Vault > Search and export"),
    ("marketplace-apps", "Marketplace > Third-party apps"),
    ("apis-quotas", "APIs > Quotas and errors"),
    ("other-question", "Other > General question"),
];

static CATALOGUE: LazyLock<Vec<Category>> = LazyLock::new(|| {
    ENTRIES
        .iter()
        .map(|(id, name)| Category {
            id: (*id).to_string(),
            display_name: (*name).to_string(),
            product: PRODUCT_GOOGLE_WORKSPACE.to_string(),
        })
        .collect()
});

pub fn all() -> &'static [Category] {
    &CATALOGUE
}

pub fn find(id: &str) -> Option<&'static Category> {
    CATALOGUE.iter().find(|c| c.id == id)
}

/// What a case shows for a category id that left the catalogue.
pub fn unknown(id: &str) -> Category {
    Category {
        id: id.to_string(),
        display_name: id.to_string(),
        product: PRODUCT_GOOGLE_WORKSPACE.to_string(),
    }
}

/// Categories whose id or display name contains every keyword (case-insensitive).
pub fn search(query: Option<&str>) -> Vec<Category> {
    let keywords: Vec<String> = query
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    CATALOGUE
        .iter()
        .filter(|c| {
            let haystack = format!("{} {}", c.id, c.display_name).to_lowercase();
            keywords.iter().all(|k| haystack.contains(k.as_str()))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_requires_every_keyword() {
        let found = search(Some("gmail deliv"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "gmail-delivery");
        assert!(search(Some("gmail calendar")).is_empty());
    }

    #[test]
    fn catalogue_ids_are_unique() {
        let mut ids: Vec<_> = all().iter().map(|c| &c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all().len());
    }
}
