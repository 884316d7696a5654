//! JSON output escapes what could drive a terminal: C1 controls (an 8-bit CSI is U+009B) and
//! the bidirectional overrides, isolates and marks come out as `\u009b`, `\u202e`… as C0
//! controls always did, in every JSON the client prints, and parse back to the same text.

use crate::common::reseller::Reseller;

/// A title as a server that does not check text would serve it: an 8-bit CSI that would clear
/// the screen, and a right-to-left override that would show the rest of the line reversed.
const TITLE: &str = "Mail \u{9b}2J bounces \u{202e}gnirts \u{2066}x\u{2069}\u{200f}";

fn assert_escaped(stdout: &[u8]) -> String {
    let text = String::from_utf8(stdout.to_vec()).expect("UTF-8 JSON");
    for raw in ['\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}'] {
        assert!(
            !text.contains(raw),
            "raw U+{:04X} in:\n{text:?}",
            raw as u32
        );
    }
    for escape in [r"\u009b", r"\u202e", r"\u2066", r"\u2069", r"\u200f"] {
        assert!(text.contains(escape), "no {escape} in:\n{text}");
    }
    text
}

#[test]
fn case_view_json_escapes_c1_and_bidi_controls_and_round_trips() {
    let reseller = Reseller::new();
    let id = reseller.seed_case_with_raw_title("premium-co", TITLE);
    assert_eq!(reseller.case(id)["displayName"], TITLE, "stored as given");
    let output = reseller
        .env
        .rsupport()
        .args(["case", "view", &id.to_string(), "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = assert_escaped(&output.stdout);
    let case: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(case["displayName"], TITLE);
}

#[test]
fn case_list_json_stream_escapes_c1_and_bidi_controls_and_round_trips() {
    let reseller = Reseller::new();
    let id = reseller.seed_case_with_raw_title("premium-co", TITLE);
    let output = reseller
        .env
        .rsupport()
        .args(["case", "list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = assert_escaped(&output.stdout);
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let case = cases
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    assert_eq!(case["displayName"], TITLE);
}

#[test]
fn jq_json_values_escape_c1_and_bidi_controls() {
    let reseller = Reseller::new();
    let id = reseller.seed_case_with_raw_title("premium-co", TITLE);
    let output = reseller
        .env
        .rsupport()
        .args([
            "case",
            "view",
            &id.to_string(),
            "--jq",
            "{title: .displayName}",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = assert_escaped(&output.stdout);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["title"], TITLE);
}
