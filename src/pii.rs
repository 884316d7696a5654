//! The personal-data scan: finds what looks like personally identifiable information in text
//! before it is sent to support (emails outside the allowed domains, phone numbers, payment
//! cards that pass Luhn, IBANs that pass mod-97, national ids), as plain functions.
//!
//! The scan favours few false alarms over completeness: every kind has a shape *and* a check
//! (domain list, digit count, Luhn, mod-97, check letter) before it is reported, and dates,
//! versions, IP addresses and case ids are not phone numbers.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// How much of a text attachment is scanned: the first few MiB hold what a person pasted.
pub const TEXT_SCAN_LIMIT: usize = 4 * 1024 * 1024;

/// What a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PiiKind {
    Email,
    Phone,
    PaymentCard,
    Iban,
    /// US Social Security number, `123-45-6789`.
    UsSsn,
    /// Italian codice fiscale, with its check character.
    ItalianFiscalCode,
    /// UK National Insurance number.
    UkNationalInsurance,
    /// Spanish DNI or NIE, with its check letter.
    SpanishDni,
}

impl PiiKind {
    pub fn label(self) -> &'static str {
        match self {
            PiiKind::Email => "email address",
            PiiKind::Phone => "phone number",
            PiiKind::PaymentCard => "payment card number",
            PiiKind::Iban => "IBAN",
            PiiKind::UsSsn => "US social security number",
            PiiKind::ItalianFiscalCode => "Italian codice fiscale",
            PiiKind::UkNationalInsurance => "UK national insurance number",
            PiiKind::SpanishDni => "Spanish DNI/NIE",
        }
    }
}

impl fmt::Display for PiiKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One thing that looks like personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: PiiKind,
    /// The matched text with most of it masked, safe to show: `4111 •••• •••• 1111`.
    pub masked: String,
    /// 1-based line number in the scanned text.
    pub line: usize,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {} {}", self.line, self.kind, self.masked)
    }
}

/// The email domains that are not personal data here: the reseller's own domain and the
/// customer's primary domain (their subdomains included).
#[derive(Debug, Clone, Default)]
pub struct AllowedDomains(Vec<String>);

impl AllowedDomains {
    pub fn new<I, S>(domains: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        AllowedDomains(
            domains
                .into_iter()
                .map(|d| {
                    d.as_ref()
                        .trim()
                        .trim_start_matches('@')
                        .to_ascii_lowercase()
                })
                .filter(|d| !d.is_empty())
                .collect(),
        )
    }

    pub fn allows(&self, email_domain: &str) -> bool {
        let domain = email_domain.to_ascii_lowercase();
        self.0.iter().any(|allowed| {
            domain == *allowed
                || domain
                    .strip_suffix(allowed.as_str())
                    .is_some_and(|head| head.ends_with('.'))
        })
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})").unwrap()
});
static IBAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b").unwrap());
static CARD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d(?:[ -]?\d){12,18}\b").unwrap());
static SSN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{3})-(\d{2})-(\d{4})\b").unwrap());
static FISCAL_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b").unwrap()
});
static UK_NINO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b").unwrap()
});
static SPANISH_DNI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([XYZ]?)(\d{7,8})-?([A-Z])\b").unwrap());
/// Phone shapes: international (`+` or `00` then a country code), North American
/// `(555) 123-4567` / `555-123-4567`, and European national numbers with a trunk `0`.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?:\+|\b00)[1-9]\d{0,2} (?:[\ .-]?\(?\d{1,5}\)?){1,6}
          | \(\d{3}\)\ ?\d{3}[\ .-]\d{4}\b
          | \b\d{3}[\ .-]\d{3}[\ .-]\d{4}\b
          | \b0\d{1,4}(?:[\ .-]?\d{2,4}){1,4}\b
        )",
    )
    .unwrap()
});
static DATE_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$").unwrap()
});

/// Scans `text` and returns the findings in the order they appear.
pub fn scan(text: &str, allowed: &AllowedDomains) -> Vec<Finding> {
    let mut claimed = Claimed::default();
    let mut found: Vec<(usize, PiiKind, String)> = Vec::new();
    let mut report = |claimed: &mut Claimed, start: usize, end: usize, kind, masked| {
        if claimed.take(start, end) {
            found.push((start, kind, masked));
        }
    };

    for caps in EMAIL.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let domain = &caps[1];
        // Allowed emails are claimed too, so their digits are not read as a phone number.
        if allowed.allows(domain) {
            claimed.take(whole.start(), whole.end());
        } else {
            let masked = mask_email(whole.as_str());
            report(
                &mut claimed,
                whole.start(),
                whole.end(),
                PiiKind::Email,
                masked,
            );
        }
    }
    for m in IBAN.find_iter(text) {
        if let Some(len) = valid_iban_prefix(m.as_str()) {
            let hit = &m.as_str()[..len];
            report(
                &mut claimed,
                m.start(),
                m.start() + len,
                PiiKind::Iban,
                mask(hit, 4, 4),
            );
        }
    }
    for m in CARD.find_iter(text) {
        let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
        // Issuer numbers start with 2 to 6 (Mastercard, Amex/Diners/JCB, Visa, Mastercard,
        // Discover/UnionPay); this keeps epoch milliseconds and order numbers out.
        if (13..=19).contains(&digits.len())
            && (2..=6).contains(&digits[0])
            && luhn_valid(&digits)
            && digits.iter().any(|d| *d != digits[0])
        {
            report(
                &mut claimed,
                m.start(),
                m.end(),
                PiiKind::PaymentCard,
                mask(m.as_str(), 4, 4),
            );
        }
    }
    for caps in SSN.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let (area, group, serial) = (&caps[1], &caps[2], &caps[3]);
        let area_ok = area != "000" && area != "666" && !area.starts_with('9');
        if area_ok && group != "00" && serial != "0000" {
            report(
                &mut claimed,
                whole.start(),
                whole.end(),
                PiiKind::UsSsn,
                mask(whole.as_str(), 0, 4),
            );
        }
    }
    for m in FISCAL_CODE.find_iter(text) {
        if fiscal_code_valid(m.as_str()) {
            report(
                &mut claimed,
                m.start(),
                m.end(),
                PiiKind::ItalianFiscalCode,
                mask(m.as_str(), 3, 1),
            );
        }
    }
    for caps in UK_NINO.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        if !matches!(&caps[1], "BG" | "GB" | "NK" | "KN" | "TN" | "NT" | "ZZ") {
            report(
                &mut claimed,
                whole.start(),
                whole.end(),
                PiiKind::UkNationalInsurance,
                mask(whole.as_str(), 2, 1),
            );
        }
    }
    for caps in SPANISH_DNI.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        if spanish_dni_valid(&caps[1], &caps[2], &caps[3]) {
            report(
                &mut claimed,
                whole.start(),
                whole.end(),
                PiiKind::SpanishDni,
                mask(whole.as_str(), 0, 2),
            );
        }
    }
    for m in PHONE.find_iter(text) {
        if looks_like_phone(text, m.start(), m.end()) {
            report(
                &mut claimed,
                m.start(),
                m.end(),
                PiiKind::Phone,
                mask(m.as_str(), 3, 2),
            );
        }
    }

    found.sort_by_key(|(start, _, _)| *start);
    let lines = LineIndex::new(text);
    found
        .into_iter()
        .map(|(start, kind, masked)| Finding {
            kind,
            masked,
            line: lines.line_of(start),
        })
        .collect()
}

/// Scans the start of a file's bytes when they are text (valid UTF-8 without NUL bytes);
/// returns `None` for binary content, which is not scanned.
pub fn scan_bytes(bytes: &[u8], allowed: &AllowedDomains) -> Option<Vec<Finding>> {
    let head = &bytes[..bytes.len().min(TEXT_SCAN_LIMIT)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // Cut in the middle of a character at the scan limit: scan the whole characters.
        Err(e) if e.error_len().is_none() && head.len() < bytes.len() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    if text.contains('\0') {
        return None;
    }
    Some(scan(text, allowed))
}

/// Byte ranges already reported, so one piece of text is reported once, as its most
/// specific kind (a card number is not also a phone number).
#[derive(Default)]
struct Claimed(BTreeMap<usize, usize>);

impl Claimed {
    /// Claims `start..end` unless it overlaps a claimed range; says whether it did.
    fn take(&mut self, start: usize, end: usize) -> bool {
        // Claimed ranges are disjoint, so only the last one starting before `end` can overlap.
        if let Some((_, &prev_end)) = self.0.range(..end).next_back()
            && prev_end > start
        {
            return false;
        }
        self.0.insert(start, end);
        true
    }
}

struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        LineIndex(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

/// The Luhn checksum of payment card numbers.
pub fn luhn_valid(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let double = d * 2;
                if double > 9 { double - 9 } else { double }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The length of the longest valid IBAN at the start of `candidate` (which may have swallowed
/// a following word), dropping trailing space-separated groups until mod-97 holds.
fn valid_iban_prefix(candidate: &str) -> Option<usize> {
    let mut end = candidate.len();
    loop {
        let electronic: String = candidate[..end].chars().filter(|c| *c != ' ').collect();
        if electronic.len() >= 15 && electronic.parse::<iban::BaseIban>().is_ok() {
            return Some(end);
        }
        end = candidate[..end].rfind(' ')?;
    }
}

/// The check character of an Italian codice fiscale (omocodia letters included).
fn fiscal_code_valid(code: &str) -> bool {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let code = code.to_ascii_uppercase();
    let bytes = code.as_bytes();
    let mut sum = 0;
    for (i, &b) in bytes[..15].iter().enumerate() {
        let index = if b.is_ascii_digit() {
            b - b'0'
        } else {
            b - b'A'
        } as usize;
        // Positions are counted from 1: odd positions use the conversion table.
        sum += if i % 2 == 0 { ODD[index] } else { index as u32 };
    }
    bytes[15] == b'A' + (sum % 26) as u8
}

fn spanish_dni_valid(prefix: &str, number: &str, letter: &str) -> bool {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    // A DNI has 8 digits; a NIE is X, Y or Z (0, 1, 2) followed by 7.
    let digits = match (prefix, number.len()) {
        ("", 8) => number.to_string(),
        ("X", 7) => format!("0{number}"),
        ("Y", 7) => format!("1{number}"),
        ("Z", 7) => format!("2{number}"),
        _ => return false,
    };
    let Ok(value) = digits.parse::<u64>() else {
        return false;
    };
    LETTERS[(value % 23) as usize] == letter.as_bytes()[0]
}

/// Keeps a phone-shaped match only when it has a phone's digit count and is not part of a
/// longer token, a date, a version or an IP address.
fn looks_like_phone(text: &str, start: usize, end: usize) -> bool {
    let candidate = &text[start..end];
    let digits = candidate.chars().filter(char::is_ascii_digit).count();
    let international = candidate.starts_with('+') || candidate.starts_with("00");
    let enough = if international {
        (8..=15).contains(&digits)
    } else {
        (9..=11).contains(&digits)
    };
    if !enough || DATE_LIKE.is_match(candidate) {
        return false;
    }
    // Glued to a word, a path, a version or an address: `v1.0612345678`, `id-0612345678`.
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '.' | '/' | '-' | '_' | '#' | ':' | '=')
    }) {
        return false;
    }
    let mut after = text[end..].chars();
    match after.next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '/' | '_' | '@') => false,
        Some('.' | '-' | ':') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Masks the letters and digits of `text` except the first `head` and the last `tail`,
/// keeping separators so the shape stays recognisable.
pub fn mask(text: &str, head: usize, tail: usize) -> String {
    let total = text.chars().filter(|c| c.is_alphanumeric()).count();
    let mut seen = 0;
    text.chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= head || seen > total.saturating_sub(tail) {
                c
            } else {
                '•'
            }
        })
        .collect()
}

fn mask_email(email: &str) -> String {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    let first: String = local.chars().take(1).collect();
    format!("{first}•••@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> AllowedDomains {
        AllowedDomains::new(["reseller.example.com", "acme.example"])
    }

    fn kinds(text: &str) -> Vec<PiiKind> {
        scan(text, &allowed()).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn email_outside_the_allowed_domains_is_reported_masked() {
        let found = scan("write to mario.rossi@gmail.com please", &allowed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, PiiKind::Email);
        assert_eq!(found[0].masked, "m•••@gmail.com");
    }

    #[test]
    fn emails_of_the_reseller_and_customer_domains_and_subdomains_are_allowed() {
        let text = "ops@reseller.example.com, it@acme.example, a@mail.acme.example";
        assert!(kinds(text).is_empty());
    }

    #[test]
    fn a_lookalike_domain_is_not_allowed() {
        assert_eq!(kinds("x@evilacme.example"), vec![PiiKind::Email]);
    }

    #[test]
    fn luhn_valid_card_numbers_with_spaces_or_dashes_are_reported_masked() {
        let found = scan(
            "card 4111 1111 1111 1111 and 5500-0000-0000-0004",
            &allowed(),
        );
        let masked: Vec<_> = found.iter().map(|f| f.masked.as_str()).collect();
        assert_eq!(masked, ["4111 •••• •••• 1111", "5500-••••-••••-0004"]);
        assert!(found.iter().all(|f| f.kind == PiiKind::PaymentCard));
    }

    #[test]
    fn a_card_number_failing_luhn_is_not_reported() {
        assert!(kinds("order 4111111111111112").is_empty());
    }

    #[test]
    fn epoch_milliseconds_passing_luhn_are_not_card_numbers() {
        assert!(luhn_valid(&[1, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]));
        assert!(kinds("ts=1700000000004 level=info").is_empty());
    }

    #[test]
    fn valid_ibans_are_reported_in_paper_and_electronic_format() {
        let text = "IBAN IT60 X054 2811 1010 0000 0123 456 GRAZIE\nDE89370400440532013000";
        let found = scan(text, &allowed());
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].kind, PiiKind::Iban);
        assert_eq!(found[0].masked, "IT60 •••• •••• •••• •••• •••3 456");
        assert_eq!(found[1].line, 2);
    }

    #[test]
    fn an_iban_with_a_wrong_check_is_not_reported() {
        assert!(kinds("DE89370400440532013001").is_empty());
    }

    #[test]
    fn us_ssn_is_reported_but_not_impossible_areas() {
        assert_eq!(kinds("SSN 123-45-6789"), vec![PiiKind::UsSsn]);
        assert!(kinds("ref 666-12-3456 and 900-12-3456").is_empty());
    }

    #[test]
    fn italian_fiscal_code_with_a_valid_check_character_is_reported() {
        let found = scan("CF: RSSMRA85T10A562S", &allowed());
        assert_eq!(found[0].kind, PiiKind::ItalianFiscalCode);
        assert_eq!(found[0].masked, "RSS••••••••••••S");
        assert!(kinds("CF: RSSMRA85T10A562T").is_empty());
    }

    #[test]
    fn uk_national_insurance_number_is_reported_except_reserved_prefixes() {
        assert_eq!(
            kinds("NI AB 12 34 56 C"),
            vec![PiiKind::UkNationalInsurance]
        );
        assert!(kinds("NI GB123456A").is_empty());
    }

    #[test]
    fn spanish_dni_and_nie_need_the_right_check_letter() {
        assert_eq!(kinds("DNI 12345678Z"), vec![PiiKind::SpanishDni]);
        assert_eq!(kinds("NIE X1234567L"), vec![PiiKind::SpanishDni]);
        assert!(kinds("DNI 12345678A").is_empty());
    }

    #[test]
    fn international_and_national_phone_numbers_are_reported() {
        for phone in [
            "+39 06 1234 5678",
            "+1 (555) 123-4567",
            "0039 333 123 4567",
            "(555) 123-4567",
            "555.123.4567",
            "020 7946 0958",
            "01 23 45 67 89",
            "0612345678",
        ] {
            assert_eq!(
                kinds(&format!("call {phone} now")),
                vec![PiiKind::Phone],
                "{phone}"
            );
        }
    }

    #[test]
    fn dates_versions_ips_and_case_ids_are_not_phone_numbers() {
        let text = "on 2024-01-15 at 10:23:45, build 1.24.0312.5, host 192.168.100.200, \
                    case 12345678, ticket #0612345678, 15/01/2024, 01.02.2024, v0.12.345678";
        assert_eq!(kinds(text), Vec::<PiiKind>::new());
    }

    #[test]
    fn findings_carry_their_line_numbers_in_order() {
        let text = "hello\n\nphone +44 20 7946 0958\nmail bob@example.org";
        let found = scan(text, &allowed());
        let lines: Vec<_> = found.iter().map(|f| (f.line, f.kind)).collect();
        assert_eq!(lines, [(3, PiiKind::Phone), (4, PiiKind::Email)]);
    }

    #[test]
    fn a_phone_number_is_masked_but_recognisable() {
        let found = scan("+39 06 1234 5678", &allowed());
        assert_eq!(found[0].masked, "+39 0• •••• ••78");
    }

    #[test]
    fn binary_bytes_are_not_scanned() {
        assert_eq!(scan_bytes(b"\x89PNG\r\n\x1a\n\0\0", &allowed()), None);
        let text = scan_bytes(b"SSN 123-45-6789", &allowed()).unwrap();
        assert_eq!(text.len(), 1);
    }

    #[test]
    fn text_cut_mid_character_at_the_scan_limit_is_still_scanned() {
        let mut bytes = vec![b'a'; TEXT_SCAN_LIMIT - 1];
        bytes[..16].copy_from_slice(b"SSN 123-45-6789 ");
        bytes.extend_from_slice("é".as_bytes());
        let found = scan_bytes(&bytes, &allowed()).expect("text");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn finding_displays_line_kind_and_masked_text() {
        let found = scan("\n4111111111111111", &allowed());
        assert_eq!(
            found[0].to_string(),
            "line 2: payment card number 4111••••••••1111"
        );
    }
}
