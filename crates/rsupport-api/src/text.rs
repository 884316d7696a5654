//! What free text the API accepts, written once for the server's checks and the OpenAPI
//! document: titles, descriptions, messages, justifications and file names hold no control
//! character but newline and tab (C0, DEL, C1 such as U+009B, an 8-bit CSI) and no bidi
//! override or isolate (U+202A–U+202E, U+2066–U+2069), which could move a terminal's cursor or
//! make text read differently from what it is; and they are not blank.
//!
//! [`TEXT_PATTERN`] is the same rule as [`text_problem`], for the document (ECMA-262, as JSON
//! Schema reads it); the server's tests check that the two agree on every character class.

/// Characters no text may hold (ECMA-262 class body): C0 but tab and newline, DEL, C1, and the
/// bidi overrides and isolates.
pub const FORBIDDEN_CLASS: &str =
    r"\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069";

/// The blanks: what a text made only of is empty (ECMA-262 class body).
pub const BLANK_CLASS: &str = r"\t\n \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

/// The pattern of every free-text field: no forbidden character, at least one that is not blank.
pub const TEXT_PATTERN: &str = concat!(
    r"^[^",
    r"\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069",
    r"]*[^",
    r"\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069",
    r"\t\n \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF",
    r"][^",
    r"\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069",
    r"]*$"
);

/// Characters a one-line text (a file name) may not hold: every C0 control, DEL, C1, and the
/// bidi overrides and isolates.
pub const LINE_FORBIDDEN_CLASS: &str = r"\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069";

/// The pattern of a one-line text such as a file name: no control character at all, at least
/// one that is not blank.
pub const LINE_PATTERN: &str = concat!(
    r"^[^",
    r"\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069",
    r"]*[^",
    r"\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069",
    r"\t\n \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF",
    r"][^",
    r"\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069",
    r"]*$"
);

/// The longest title, in characters (Unicode scalar values, as JSON Schema counts them).
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest description or message.
pub const MAX_TEXT_CHARS: usize = 32_000;
/// The longest escalation justification.
pub const MAX_JUSTIFICATION_CHARS: usize = 4_000;
/// The longest attachment file name.
pub const MAX_FILENAME_CHARS: usize = 255;
/// The longest client-chosen request id.
pub const MAX_REQUEST_ID_CHARS: usize = 128;
/// The longest email address.
pub const MAX_EMAIL_CHARS: usize = 254;

/// A character no text may hold.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A blank character: a text made only of these is empty.
pub fn is_blank(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// Why `text` is not acceptable (at most `max` characters), or `None`: the rule of
/// [`TEXT_PATTERN`] and `maxLength`. The message names what is wrong and where.
pub fn text_problem(text: &str, max: usize) -> Option<String> {
    let chars = text.chars().count();
    if chars > max {
        return Some(format!("is {chars} characters long; the limit is {max}"));
    }
    if let Some((at, c)) = text.chars().enumerate().find(|(_, c)| is_forbidden(*c)) {
        return Some(format!(
            "holds the control or bidi-override character U+{:04X} at character {}; only text, newlines and tabs are accepted",
            u32::from(c),
            at + 1
        ));
    }
    if text.chars().all(is_blank) {
        return Some("is empty".into());
    }
    None
}

/// Why `line` (a file name) is not acceptable, or `None`: the rule of [`LINE_PATTERN`].
pub fn line_problem(line: &str, max: usize) -> Option<String> {
    if let Some((at, c)) = line
        .chars()
        .enumerate()
        .find(|(_, c)| matches!(c, '\t' | '\n'))
    {
        return Some(format!(
            "holds the control character U+{:04X} at character {}; it must be one line",
            u32::from(c),
            at + 1
        ));
    }
    text_problem(line, max)
}

/// `text` without the blanks at either end (what titles are stored as).
pub fn trim_blanks(text: &str) -> &str {
    text.trim_matches(is_blank)
}

/// The pattern of an email address the API accepts: `local@domain.tld`, the local part of
/// letters, digits and ``!#$%&'*+/=?^_`{|}~-`` in dot-separated runs, the domain of two or more
/// labels of letters, digits and inner hyphens.
pub const EMAIL_PATTERN: &str = concat!(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*",
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
);

/// Whether `email` is an address the API accepts: the rule of [`EMAIL_PATTERN`] and
/// [`MAX_EMAIL_CHARS`].
pub fn is_valid_email(email: &str) -> bool {
    fn atom(c: char) -> bool {
        c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
    }
    fn label(l: &str) -> bool {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    }
    if email.chars().count() > MAX_EMAIL_CHARS {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = local
        .split('.')
        .all(|run| !run.is_empty() && run.chars().all(atom));
    let labels: Vec<&str> = domain.split('.').collect();
    local_ok && labels.len() >= 2 && labels.iter().all(|l| label(l))
}

/// The pattern of a BCP 47 language tag as the API checks it: a 2–3 or 5–8 letter language,
/// then subtags of 1–8 letters or digits.
pub const LANGUAGE_PATTERN: &str = r"^([A-Za-z]{2,3}|[A-Za-z]{5,8})(-[A-Za-z0-9]{1,8})*$";

/// Whether `tag` is a language tag of [`LANGUAGE_PATTERN`].
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().is_some_and(|l| {
        matches!(l.len(), 2 | 3 | 5..=8) && l.chars().all(|c| c.is_ascii_alphabetic())
    });
    language
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_is_built_from_the_two_classes() {
        let (f, b) = (FORBIDDEN_CLASS, BLANK_CLASS);
        let expected = format!("^[^{f}]*[^{f}{b}][^{f}]*$");
        assert_eq!(TEXT_PATTERN, expected);
        let l = LINE_FORBIDDEN_CLASS;
        assert_eq!(LINE_PATTERN, format!("^[^{l}]*[^{l}{b}][^{l}]*$"));
    }

    #[test]
    fn text_with_controls_or_bidi_overrides_is_refused_naming_the_character() {
        let problem = text_problem("evil\u{9b}31m", 100).unwrap();
        assert!(
            problem.contains("U+009B") && problem.contains("character 5"),
            "{problem}"
        );
        assert!(
            text_problem("abc\u{202e}fed", 100)
                .unwrap()
                .contains("U+202E")
        );
        assert!(text_problem("bell\u{7}", 100).is_some());
        assert_eq!(text_problem("two\nlines\tand a tab", 100), None);
    }

    #[test]
    fn blank_and_overlong_text_is_refused() {
        assert_eq!(
            text_problem(" \n\u{3000}\u{feff}", 100).as_deref(),
            Some("is empty")
        );
        assert!(text_problem("abcdef", 5).unwrap().contains("limit is 5"));
        assert_eq!(text_problem("Caffè 東京 🚀", 10), None);
    }

    #[test]
    fn emails_follow_the_documented_shape() {
        assert!(is_valid_email("ops.team+x@premium-co.example"));
        for bad in [
            "a@b",
            "a..b@c.example",
            ".a@c.example",
            "a@-c.example",
            "a b@c.example",
            "@c.example",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags_follow_the_documented_shape() {
        assert!(is_language_tag("en-US") && is_language_tag("it") && is_language_tag("zh-Hant-TW"));
        assert!(!is_language_tag("e") && !is_language_tag("en_US") && !is_language_tag(" en"));
    }
}
