//! `rsupport case create`: files a case on behalf of a customer.

use crate::api::types::Category;

/// The BCP 47 tag of a POSIX locale such as `it_IT.UTF-8` (`it-IT`); `None` for `C`/`POSIX`
/// or anything that is not a locale name.
pub fn language_from_locale(locale: &str) -> Option<String> {
    let name = locale.split(['.', '@']).next().unwrap_or_default().trim();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    let mut parts = name.split(['_', '-']);
    let language = parts.next()?;
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = language.to_ascii_lowercase();
    if let Some(region) = parts.next() {
        if !region.chars().all(|c| c.is_ascii_alphanumeric()) || region.is_empty() {
            return None;
        }
        tag.push('-');
        tag.push_str(&region.to_ascii_uppercase());
    }
    Some(tag)
}

/// The system's language from `LC_ALL`, `LC_MESSAGES` then `LANG` (the first one set).
pub fn system_language(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| var(name).filter(|v| !v.trim().is_empty()))
        .next()
        .and_then(|locale| language_from_locale(&locale))
}

/// The system's IANA time zone, when it has a name.
pub fn system_time_zone() -> Option<String> {
    jiff::tz::TimeZone::try_system()
        .ok()
        .and_then(|tz| tz.iana_name().map(str::to_string))
}

/// What a `--category` argument resolved to.
#[derive(Debug, PartialEq)]
pub enum CategoryMatch {
    One(Category),
    /// Several categories match the search term: the user must pick one.
    Several(Vec<Category>),
    None,
}

/// An exact id wins; otherwise every category whose id or display name contains every keyword
/// of `term` (case-insensitive) is a candidate.
pub fn match_category(term: &str, catalogue: &[Category]) -> CategoryMatch {
    let wanted = term.trim().to_lowercase();
    if let Some(exact) = catalogue
        .iter()
        .find(|c| c.id.to_lowercase() == wanted || c.display_name.to_lowercase() == wanted)
    {
        return CategoryMatch::One(exact.clone());
    }
    let keywords: Vec<&str> = wanted.split_whitespace().collect();
    let mut found: Vec<Category> = catalogue
        .iter()
        .filter(|c| {
            let hay = format!("{} {}", c.id, c.display_name).to_lowercase();
            !keywords.is_empty() && keywords.iter().all(|k| hay.contains(k))
        })
        .cloned()
        .collect();
    match found.len() {
        0 => CategoryMatch::None,
        1 => CategoryMatch::One(found.remove(0)),
        _ => CategoryMatch::Several(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: &str, name: &str) -> Category {
        Category {
            id: id.into(),
            display_name: name.into(),
            product: "google-workspace".into(),
        }
    }

    fn catalogue() -> Vec<Category> {
        vec![
            category("gmail-delivery", "Gmail > Delivery"),
            category("gmail-spam", "Gmail > Spam and phishing"),
            category("drive-sharing", "Drive > Sharing"),
        ]
    }

    #[test]
    fn posix_locale_becomes_a_bcp47_tag() {
        assert_eq!(
            language_from_locale("it_IT.UTF-8").as_deref(),
            Some("it-IT")
        );
        assert_eq!(language_from_locale("de").as_deref(), Some("de"));
        assert_eq!(
            language_from_locale("sr_RS@latin").as_deref(),
            Some("sr-RS")
        );
    }

    #[test]
    fn c_and_posix_locales_have_no_language() {
        assert_eq!(language_from_locale("C.UTF-8"), None);
        assert_eq!(language_from_locale("POSIX"), None);
        assert_eq!(language_from_locale(""), None);
    }

    #[test]
    fn lc_all_wins_over_lang() {
        let env = |name: &str| match name {
            "LC_ALL" => Some("fr_FR.UTF-8".to_string()),
            "LANG" => Some("en_GB.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(system_language(env).as_deref(), Some("fr-FR"));
    }

    #[test]
    fn an_exact_category_id_is_taken_as_is() {
        assert_eq!(
            match_category("gmail-spam", &catalogue()),
            CategoryMatch::One(category("gmail-spam", "Gmail > Spam and phishing"))
        );
    }

    #[test]
    fn a_search_term_matching_one_category_picks_it() {
        let CategoryMatch::One(found) = match_category("drive", &catalogue()) else {
            panic!("expected one match");
        };
        assert_eq!(found.id, "drive-sharing");
    }

    #[test]
    fn a_search_term_matching_several_categories_lists_them() {
        let CategoryMatch::Several(found) = match_category("GMAIL", &catalogue()) else {
            panic!("expected several matches");
        };
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn every_keyword_must_match() {
        assert_eq!(
            match_category("gmail sharing", &catalogue()),
            CategoryMatch::None
        );
    }
}
