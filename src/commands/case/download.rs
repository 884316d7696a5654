//! `rsupport case download ID [ATTACHMENT…] [--dir D]`: fetches attachments, verifies their
//! size and SHA-256, writes each through a temporary file in the target folder and renames it,
//! never overwrites without `--force` and never writes outside the folder.

use std::collections::HashSet;

/// The longest file name most file systems accept, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// Turns the file name the server reports into a plain file name that stays inside the target
/// folder: only the last path component, without NUL, control or bidi-override characters,
/// characters Windows refuses, leading dots or trailing dots and spaces, and never a Windows
/// device name. An empty result becomes `attachment-<id>`.
pub fn safe_file_name(server_name: &str, attachment_id: u64) -> String {
    let last = server_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        return format!("attachment-{attachment_id}");
    }
    let name = if is_windows_device_name(trimmed) {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    };
    truncate_keeping_extension(&name, MAX_NAME_BYTES)
}

/// Safe, distinct file names for attachments downloaded together, in the order given. When
/// two names clash (ignoring case, for case-insensitive file systems) the first keeps it and
/// the next ones get their attachment id before the extension: `report-42.txt`.
pub fn distinct_file_names(attachments: &[(u64, &str)]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    attachments
        .iter()
        .map(|&(id, server_name)| {
            let safe = safe_file_name(server_name, id);
            let mut name = safe.clone();
            let mut extra = 1;
            while !taken.insert(name.to_lowercase()) {
                let (stem, ext) = split_extension(&safe);
                let suffix = if extra == 1 {
                    format!("-{id}")
                } else {
                    format!("-{id}-{extra}")
                };
                let stem = truncate_bytes(stem, MAX_NAME_BYTES - suffix.len() - ext.len());
                name = format!("{stem}{suffix}{ext}");
                extra += 1;
            }
            name
        })
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit()
            && upper.as_bytes()[3] != b'0')
}

/// `("report", ".txt")`; a name without a dot (or with only a leading one) has no extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 && name.len() - dot <= 16 => name.split_at(dot),
        _ => (name, ""),
    }
}

fn truncate_keeping_extension(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    let (stem, ext) = split_extension(name);
    format!("{}{ext}", truncate_bytes(stem, max - ext.len()))
}

fn truncate_bytes(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_is_kept() {
        assert_eq!(safe_file_name("mail headers.txt", 7), "mail headers.txt");
    }

    #[test]
    fn path_components_are_dropped_so_nothing_escapes_the_folder() {
        assert_eq!(safe_file_name("../../etc/passwd", 7), "passwd");
        assert_eq!(safe_file_name("..\\..\\Windows\\win.ini", 7), "win.ini");
        assert_eq!(safe_file_name("/abs/path/log.txt", 7), "log.txt");
    }

    #[test]
    fn dot_names_and_empty_names_become_attachment_id() {
        for name in ["", "..", ".", "dir/", " . ", "\0\u{1b}"] {
            assert_eq!(safe_file_name(name, 42), "attachment-42", "{name:?}");
        }
    }

    #[test]
    fn leading_dots_are_removed_so_no_hidden_file_is_made() {
        assert_eq!(safe_file_name(".bashrc", 1), "bashrc");
        assert_eq!(safe_file_name("...hidden.log", 1), "hidden.log");
    }

    #[test]
    fn nul_control_and_bidi_characters_are_removed() {
        assert_eq!(safe_file_name("a\0b\n\u{1b}[31mc.txt", 1), "ab[31mc.txt");
        assert_eq!(
            safe_file_name("invoice\u{202E}fdp.exe", 1),
            "invoicefdp.exe"
        );
    }

    #[test]
    fn characters_windows_refuses_are_replaced() {
        assert_eq!(safe_file_name("a:b*c?.txt", 1), "a_b_c_.txt");
        assert_eq!(safe_file_name("report.txt. . ", 1), "report.txt");
    }

    #[test]
    fn windows_device_names_are_prefixed() {
        assert_eq!(safe_file_name("CON", 1), "_CON");
        assert_eq!(safe_file_name("nul.txt", 1), "_nul.txt");
        assert_eq!(safe_file_name("com1.log", 1), "_com1.log");
        assert_eq!(safe_file_name("console.log", 1), "console.log");
        assert_eq!(safe_file_name("com0.log", 1), "com0.log");
    }

    #[test]
    fn an_overlong_name_is_cut_to_255_bytes_keeping_its_extension() {
        let long = format!("{}.pdf", "é".repeat(200));
        let safe = safe_file_name(&long, 1);
        assert!(safe.len() <= 255, "{}", safe.len());
        assert!(safe.ends_with(".pdf"));
    }

    #[test]
    fn clashing_names_get_the_attachment_id_before_the_extension() {
        let names = distinct_file_names(&[
            (3, "report.txt"),
            (5, "Report.TXT"),
            (8, "sub/report.txt"),
            (9, "other.txt"),
        ]);
        assert_eq!(
            names,
            ["report.txt", "Report-5.TXT", "report-8.txt", "other.txt"]
        );
    }

    #[test]
    fn a_generated_name_that_is_taken_too_gets_a_further_suffix() {
        let names = distinct_file_names(&[(5, "a-5.txt"), (2, "a.txt"), (5, "a.txt")]);
        assert_eq!(names, ["a-5.txt", "a.txt", "a-5-2.txt"]);
    }
}
