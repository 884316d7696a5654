//! `--jq` is jq: for a corpus of expressions over real command outputs (a seeded server),
//! `rsupport CMD --jq EXPR` prints byte for byte what `jq -r EXPR` (jq 1.7) prints for the
//! `rsupport CMD --json` output, and exits with the matching class of code: 0 when jq succeeds,
//! 2 when jq rejects the expression (its exit 3) or stops on an error (its exit 5). The one
//! intended difference: a raw string's terminal controls (C0 but newline and tab, DEL, C1, bidi
//! overrides, escape sequences) are removed, as everywhere the client prints server text, so
//! jq's output is compared once put through the same `sanitize`.
//!
//! The reference jq is jq 1.7.x: `$RSUPPORT_TEST_JQ`, else the one `scripts/install-jq` builds
//! (`${RSUPPORT_JQ_CACHE:-${XDG_CACHE_HOME:-~/.cache}/rsupport}/jq-1.7.1/bin/jq`). Without one,
//! the test fails and says how to get it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::common::env::TestEnv;
use crate::common::reseller::Reseller;

/// The jq 1.7 to compare with, or a failure that names `scripts/install-jq`.
fn reference_jq() -> PathBuf {
    let path = match std::env::var_os("RSUPPORT_TEST_JQ") {
        Some(path) => PathBuf::from(path),
        None => {
            let cache = std::env::var_os("RSUPPORT_JQ_CACHE")
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("rsupport"))
                })
                .or_else(|| {
                    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/rsupport"))
                })
                .expect("HOME is set");
            cache.join("jq-1.7.1/bin/jq")
        }
    };
    let version = Command::new(&path)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match version {
        Some(v) if v.starts_with("jq-1.7") => path,
        found => panic!(
            "the --jq conformance test needs jq 1.7.x; {} is {}. Run scripts/install-jq (it \
             builds jq 1.7.1 into ~/.cache/rsupport) or set RSUPPORT_TEST_JQ to a jq 1.7 binary",
            path.display(),
            found.map_or("missing or not runnable".to_string(), |v| format!("'{v}'"))
        ),
    }
}

/// What jq (or rsupport) did with one expression.
#[derive(Debug, PartialEq)]
struct Answer {
    stdout: String,
    /// 0 ok, 2 the expression was rejected or failed (jq's 3 and 5 are both rsupport's 2).
    class: i32,
}

fn run_jq(jq: &PathBuf, expr: &str, input: &str) -> Answer {
    let mut child = Command::new(jq)
        .args(["-r", expr])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run jq");
    // jq reads nothing when it rejects the expression: a broken pipe then is expected
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let output = child.wait_with_output().unwrap();
    let class = match output.status.code() {
        Some(0) => 0,
        Some(3) | Some(5) => 2,
        other => panic!(
            "jq exited {other:?} on '{expr}': {}",
            String::from_utf8_lossy(&output.stderr)
        ),
    };
    Answer {
        stdout: rsupport::terminal::sanitize(&String::from_utf8_lossy(&output.stdout)),
        class,
    }
}

fn run_rsupport(env: &TestEnv, command: &[String], expr: &str) -> Answer {
    let output = env
        .rsupport()
        .args(command)
        .args(["--jq", expr])
        .output()
        .expect("run rsupport");
    let code = output.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if code == 2 {
        assert!(
            stderr.contains("--jq"),
            "exit 2 without naming --jq: {stderr}"
        );
    }
    Answer {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        class: if code == 0 || code == 2 { code } else { -code },
    }
}

/// A server with cases whose text has what makes output tricky: quotes, backslashes, tabs,
/// newlines, non-ASCII, a closed case, an escalation, messages.
fn seeded() -> (Reseller, u64) {
    let reseller = Reseller::new();
    let first = reseller.seed_case("premium-co", "Mail to the bank bounces");
    reseller.seed_case_with_raw_title(
        "standard-co",
        "He said \"hi\", it's 'ok' \\ back\\slash $HOME `x`",
    );
    reseller.seed_case_with_raw_title("enhanced-co", "tab\there, new\nline, cr\r, csv \"q\",x");
    reseller.seed_case_with_raw_title("premium-co", "Ünïcødé ✓ 日本語 😀 Zebra");
    reseller.seed_case_with_raw_title("standard-co", "ctrl \u{1}\u{1f}\u{7f} bell\u{7}");
    let closed = reseller.seed_case("enhanced-co", "Old calendar sync issue");
    let id = first.to_string();
    reseller
        .run(&[
            "case",
            "comment",
            &id,
            "--body",
            "Second try:\n\t- bounced again\n\"quoted\" ü",
        ])
        .ok();
    reseller
        .run(&[
            "case",
            "escalate",
            &id,
            "--reason",
            "business-impact",
            "--justification",
            "Payroll is due tomorrow",
        ])
        .ok();
    reseller.run(&["case", "close", &closed.to_string()]).ok();
    (reseller, first)
}

/// Expressions over a list of cases (`case list --state all --json`).
const CASE_LIST: &[&str] = &[
    ".",
    ".[]",
    ".[0]",
    ".[].id",
    ".[].displayName",
    ".[] | .displayName",
    "map(.id)",
    "map(.displayName)",
    "length",
    "map(.displayName | length)",
    ".[0] | keys",
    ".[0] | keys_unsorted",
    ".[0] | to_entries | map(.key)",
    ".[0] | to_entries[0]",
    ".[0].classification",
    ".[0].escalation",
    ".[0].escalation.reason",
    ".[0].nothing.deeper",
    ".[0].nothing // \"default\"",
    ".[] | .escalation // \"none\"",
    ".[] | select(.escalated) | .id",
    ".[] | select(.state == \"closed\") | .displayName",
    "map(select(.priority == \"P3\")) | length",
    "sort_by(.displayName) | map(.displayName)",
    "sort_by(.customer, .id) | map([.customer, .id])",
    "group_by(.customer) | map({customer: .[0].customer, n: length})",
    "group_by(.customer) | map(length)",
    "unique_by(.customer) | map(.customer)",
    "map(.customer) | unique",
    "min_by(.id) | .id",
    "max_by(.displayName) | .displayName",
    ".[] | [.id, .customer, .displayName] | @csv",
    ".[] | [.id, .customer, .displayName] | @tsv",
    ".[] | .displayName | @sh",
    "map(.customer) | @sh",
    ".[] | .displayName | @json",
    ".[] | .displayName | @html",
    ".[] | .displayName | @uri",
    ".[] | .displayName | @base64",
    ".[] | .displayName | @base64 | @base64d",
    ".[] | \"\\(.id): \\(.displayName) [\\(.escalated)]\"",
    ".[] | \"case \\(.id) has \\(.commentCount) messages\"",
    "map(.commentCount) | add",
    "map(.displayName) | join(\", \")",
    "map(.id) | join(\"-\")",
    ".[] | .displayName | ascii_downcase",
    ".[] | .displayName | ascii_upcase",
    ".[] | select(.displayName | test(\"mail\"; \"i\")) | .id",
    ".[] | select(.displayName | test(\"^[A-Z]\")) | .displayName",
    ".[] | .displayName | tojson",
    ".[] | .id | tostring",
    ".[] | {id, title: .displayName}",
    "map({(.customer): .id}) | add",
    "map({(.displayName): .id}) | add | keys",
    "[.[] | .escalation] ",
    "[.[] | .escalation?]",
    ".[] | .subscriberEmailAddresses",
    ".[0].subscriberEmailAddresses | length",
    "[limit(2; .[])] | map(.id)",
    "first(.[]) | .id",
    "first | .displayName",
    "last | .displayName",
    "[.[] | .id] | reverse",
    "[.[] | .id] | min, max",
    "map(.id) | add / length",
    "map(.id * 1.5)",
    "map(.id / 3)",
    "map(.id) | map(. * 1e17)",
    ".[] | .description | split(\"\\n\") | length",
    ".[] | .displayName | split(\" \") | first",
    ".[] | .displayName | ltrimstr(\"Mail\")",
    ".[] | .displayName | explode | length",
    "map(.state) | unique | join(\"/\")",
    "any(.[]; .escalated)",
    "all(.[]; .id > 0)",
    "[.[] | .escalated] | any",
    "map(has(\"escalation\"))",
    "map(.closeTime != null)",
    ".[] | try error(\"boom \\(.id)\") catch .",
    "try (.[0].id | ltrimstr(1)) catch \"no\"",
    "[paths] | length",
    "[paths(type == \"number\")] | length",
    "[.. | numbers] | add",
    "[.. | strings] | length",
    "to_entries | map(.key)",
    "with_entries(.value |= .id)",
    "map(.classification) | unique_by(.id) | map(.displayName)",
    "[.[] | .createTime[0:4]] | unique",
    "map(.id) | index(2)",
    "map(.displayName) | index(\"Mail to the bank bounces\")",
    "indices(.[0])",
    ".[0] | del(.description, .classification) | keys",
    ".[0] | {a: 1.0, b: 1e3, c: 100000000000000000001, d: 0.0, e: 0.1}",
    "[1.0, 1.5, 100, 1e2, 0.00001, 1e-7, 3.14159, 2e308 * 0] | .[]",
    "[.[].id] | map(. / 7) | .[0]",
    "[.[].id | . * 1000000000000] | .[]",
    "1e1000, 1e1000 * 1",
    "[nan] | .[0]",
    "{\"é\": 1, \"Z\": 2, \"a\": 3, \"B\": 4, \"日\": 5, \"ä\": 6} | keys",
    "{\"é\": 1, \"Z\": 2, \"a\": 3, \"B\": 4} | to_entries | map(.key)",
    "{\"é\": 1, \"Z\": 2, \"a\": 3} | keys_unsorted",
    "[\"b\", \"B\", \"a\", \"é\", \"Ä\", \"z\"] | sort",
    "[{}, [], null, true, false, 0, \"\"] | sort",
    "[{}, [], {\"a\": []}, [[]], {\"b\": {}}]",
    "{} , [] , \"\" , null",
    "[[1, [2, [3, {\"x\": []}]]], {\"nested\": {\"arr\": [1, {\"o\": {}}]}}]",
    "\"\\u0000 \\u001f \\u007f \\\"q\\\" \\\\ /\" | tojson",
    "{s: \"tab\\tnl\\ncr\\rbs\\bff\\f\"}",
    "\"a'b\\\"c $d `e`\" | @sh",
    "[\"it's\", 1, null, true] | @sh",
    "[\"a,b\", \"c\\\"d\", \"e\\nf\", 1, null, true] | @csv",
    "[\"a\\tb\", \"c\\\\d\", \"e\\nf\", \"g\\rh\", 1, null, true] | @tsv",
    "[.[] | .id] | @json",
    "[.[] | .id] | tostring",
    "{a: [1, 2]} | tostring",
    "[1.0, 100000000000000000001] | tojson",
    ".[0].id | @text",
    "\"\\(1.0) \\(1e3) \\(null) \\([1, {}])\"",
    "[range(5)] | .[2:4]",
    "[range(0; 10; 3)]",
    "[.[] | .id] | .[-1:]",
    "\"abc\" | .[1:]",
    "[splits(\", *\"; null)]? // \"x\"",
    "\"a-b_c d\" | [scan(\"[a-z]\")]",
    "\"Mail bounces\" | sub(\"bounces\"; \"works\")",
    "\"aaa\" | gsub(\"a\"; \"b\")",
    "\"test 123\" | capture(\"(?<word>[a-z]+) (?<num>[0-9]+)\")",
    "[.[] | .id] | contains([1])",
    "\"foobar\" | inside(\"xfoobarx\")",
    "[3, 1, 2] | sort | reverse",
    "{a: 1} + {b: 2} | . * {a: {c: 3}}",
    "[1, 2, 3] - [2]",
    "10 % 3, -10 % 3, 5 / 2",
    "[.[] | .id] | map(select(. % 2 == 0))",
    "getpath([\"a\", \"b\"])",
    "[.[] | .id] | to_entries | from_entries? // \"no\"",
    "[{key: \"k\", value: 1}, {name: \"n\", value: 2}] | from_entries",
    "\"\\(.[0].id / 2) \\(.[0].id * 1.5) \\(1 / 3) \\(1e17 + 1) \\(2.50)\"",
    "{\"k\\(.[0].id / 2)\": [\"\\(.[0].id + 0.5)\"]}",
    "@base64 \"x\\(.[0].id)\"",
    "$__prog_args? // 1 | 1",
    ".[0] | .id as $id | .displayName | \"\\($id)=\\(.)\"",
    "reduce .[] as $c (0; . + $c.commentCount)",
    "[foreach .[] as $c (0; . + 1)]",
    "[.[] | .id] | [while(length > 0; .[1:])] | length",
    "[recurse(if . < 3 then . + 1 else empty end)] | length",
    "env | type",
    "$ENV | type",
    "[.[] | .id | tostring | tonumber] | add",
    "\"1.50\" | tonumber",
    "\"x\" | tonumber? // \"not a number\"",
    ".[0].id | type, (.[0] | type)",
    "[.[] | .id] | implode? // \"x\"",
    "[65, 228, 26085] | implode",
    "\"x\" * 3",
    "[.[0].id, .[1].id] | transpose? // \"x\"",
    "[[1, 2], [3, 4]] | transpose",
    "[[1, [2]], 3] | flatten",
    "splits(\"a\")? // 1",
    "[.[] | .id] | .[1:] | first",
    "null | .a.b.c",
    ".[0].displayName | .[0:4]",
    "isvalid(.[0])? // true",
    "[.[] | .displayName | utf8bytelength]",
    "[.[] | .displayName | @text] | length",
    "[.[] | .id] | tojson | fromjson",
    "now | type",
    "[.[] | .createTime | length]",
    "[.[] | .state] | group_by(.) | map([.[0], length])",
    "map(select(.customer | startswith(\"premium\"))) | map(.id)",
    "map(select(.customer | endswith(\"-co\"))) | length",
    "[.[] | .displayName | ascii] ? // \"x\"",
    "getpath([0, \"id\"])",
    "[paths(..)] | length",
    "path(.[0].id)",
    "[.[] | .id] | @csv",
    "[.[] | .id] | @tsv",
    "map(.id) | map(tostring) | join(\",\")",
    "[true, false, null, 1, \"s\"] | join(\",\")",
    "[.[].escalated] | map(not)",
    "if length > 3 then \"many\" else \"few\" end",
    "if .[0].escalated then .[0].escalation.justification else empty end",
    "[.[] | select(.id > 100)] | first // \"none\"",
    "[] | add",
    "[] | first? // \"empty\"",
    "{} | keys",
    "[.[] | .displayName] | sort | .[0]",
    "limit(3; repeat(1))",
    "[limit(0; .[])]",
    "first(empty)? // \"nothing\"",
    "splits(1)",
    "error(\"custom failure\")",
    ".[0].id | .foo",
    "[1] | .a",
    ".[] | .id, (.displayName | .x)",
    "{a: 1} | has(0)",
    "map(.id) | del(.[0, 2])",
    "del(.[] | select(.escalated)) | map(.id)",
    "{a: 1, b: 2, c: 3, d: {e: 4, f: 5}} | del(.b, .d.e)",
    ".[0] | delpaths([[\"classification\", \"id\"], [\"creator\"]]) | keys_unsorted",
    "map(.id) | del(.[1:3])",
    "\"abc\" | test(\"(\")",
    "ltrimstr(1) | error",
    "tonumber",
];

/// Expressions over one case (`case view ID --json`).
const CASE_VIEW: &[&str] = &[
    ".",
    "keys",
    "keys_unsorted",
    ".displayName",
    ".escalation",
    ".escalation | keys",
    ".classification | to_entries[] | \"\\(.key)=\\(.value)\"",
    "to_entries | map(select(.value | type == \"boolean\")) | from_entries",
    "del(.description)",
    "[.[] | type] | unique",
    "with_entries(select(.key | test(\"^c\")))",
    ".subscriberEmailAddresses | @csv",
    "{id, state, priority} | @json",
    "[.id, .displayName, .state] | @tsv",
    ".missing.field // .id",
    "paths | join(\".\")? // \"x\"",
    "[paths | map(tostring) | join(\".\")]",
    "tostring | length > 10",
    "..|numbers",
];

/// Expressions over a case's history (`case history ID --json`).
const CASE_HISTORY: &[&str] = &[
    ".",
    ".[].body",
    "map(.body)",
    ".[] | .body | @sh",
    ".[] | [.authorRole, .body] | @tsv",
    ".[] | [.authorRole, .body] | @csv",
    "map(keys) | add | unique",
    "map(.body | length)",
    ".[-1]",
];

/// Expressions over the customers (`customer list --json`).
const CUSTOMER_LIST: &[&str] = &[
    ".",
    ".[].id",
    "map(.contact)",
    "map(select(.accessGranted | not)) | map(.id)",
    "group_by(.plan) | map({plan: .[0].plan, ids: map(.id)})",
    "map({key: .id, value: .plan}) | from_entries",
    "INDEX(.id) | keys",
    "map(.contact.phone // \"-\")",
    ".[] | [.id, .plan, .accessGranted] | @csv",
    "[.[] | .contact | to_entries[] | .key] | unique",
];

/// Expressions over categories (`category search --json`).
const CATEGORY_SEARCH: &[&str] = &[
    ".",
    "map(.id)",
    ".[] | \"\\(.product): \\(.displayName)\"",
    "group_by(.product) | map({(.[0].product): length}) | add",
    "map(.displayName) | sort | .[:3]",
    "sort_by(.displayName | ascii_downcase) | map(.id) | .[:5]",
];

/// Where the embedded engine (jaq) still answers differently from jq 1.7 (see the README):
/// indexing an object with a number is `null` instead of an error, and dividing by zero is a
/// number instead of an error. The test below keeps this list true.
const KNOWN_DIFFERENCES: &[&str] = &["{} | .[0]", "{a: 1} | .[0]", "1 / 0"];

/// Expressions that jq itself rejects (its exit 3): rsupport says exit 2, naming `--jq`.
const REJECTED: &[&str] = &[
    ".[] |",
    "map(",
    "nosuchfilter",
    ".a as x | x",
    "{a: }",
    "$undefined_variable",
    "if . then 1",
    "reduce . as $x",
];

#[test]
fn jq_matches_jq_1_7_byte_for_byte_on_real_command_outputs() {
    let jq = reference_jq();
    let (reseller, id) = seeded();
    let id = id.to_string();
    let sources: Vec<(Vec<&str>, &[&str])> = vec![
        (vec!["case", "list", "--state", "all"], CASE_LIST),
        (vec!["case", "view", &id], CASE_VIEW),
        (vec!["case", "history", &id], CASE_HISTORY),
        (vec!["customer", "list"], CUSTOMER_LIST),
        (vec!["category", "search"], CATEGORY_SEARCH),
    ];
    let mut cases = Vec::new();
    for (n, (command, exprs)) in sources.iter().enumerate() {
        let command: Vec<String> = command.iter().map(|s| s.to_string()).collect();
        let json = reseller
            .run(
                &command
                    .iter()
                    .map(String::as_str)
                    .chain(["--json"])
                    .collect::<Vec<_>>(),
            )
            .ok()
            .stdout;
        let rejected = if n == 0 { REJECTED } else { &[] };
        for expr in exprs.iter().chain(rejected) {
            cases.push((command.clone(), json.clone(), *expr));
        }
    }
    assert!(
        cases.len() >= 100 + REJECTED.len(),
        "the corpus has {}",
        cases.len()
    );
    // A few at a time: every case is two short processes.
    let env = &reseller.env;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let differences = std::sync::Mutex::new(Vec::new());
    let classes = std::sync::Mutex::new([0usize; 2]);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some((command, json, expr)) = cases.get(i) else {
                        break;
                    };
                    let want = run_jq(&jq, expr, json);
                    let got = run_rsupport(env, command, expr);
                    classes.lock().unwrap()[(want.class != 0) as usize] += 1;
                    if want != got {
                        differences.lock().unwrap().push(format!(
                            "rsupport {} --jq '{expr}'\n  jq:       {want:?}\n  rsupport: {got:?}",
                            command.join(" ")
                        ));
                    }
                }
            });
        }
    });
    let differences = differences.into_inner().unwrap();
    let [ok, failed] = classes.into_inner().unwrap();
    assert!(
        differences.is_empty(),
        "{} of {} expressions differ from jq 1.7 ({ok} jq answered, {failed} it refused):\n\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n\n")
    );
}

#[test]
fn expressions_jq_rejects_are_exit_2_naming_jq() {
    let jq = reference_jq();
    let reseller = Reseller::new();
    for expr in REJECTED {
        let want = Command::new(&jq)
            .args(["-n", "-r", expr])
            .output()
            .expect("run jq");
        assert_eq!(want.status.code(), Some(3), "jq accepts '{expr}'");
        let run = reseller.run(&["customer", "list", "--jq", expr]).code(2);
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.contains("invalid --jq expression"),
            "{expr}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_runtime_error_prints_what_came_before_it_then_exits_2() {
    let reseller = Reseller::new();
    let run = reseller
        .run(&["customer", "list", "--jq", ".[0].id, error(\"stop here\")"])
        .code(2);
    assert_eq!(run.stdout, "enhanced-co\n");
    assert!(run.stderr.contains("--jq"), "{}", run.stderr);
    assert!(run.stderr.contains("stop here"), "{}", run.stderr);
}

#[test]
fn the_documented_differences_from_jq_are_still_there() {
    let jq = reference_jq();
    let reseller = Reseller::new();
    for expr in KNOWN_DIFFERENCES {
        let want = run_jq(&jq, expr, "null");
        let got = run_rsupport(
            &reseller.env,
            &["config".to_string(), "list".to_string()],
            &format!("null | {expr}"),
        );
        assert_eq!(want.class, 2, "jq fails on '{expr}'");
        assert_eq!(
            got.class, 0,
            "'{expr}' now fails as in jq: update the README and this list"
        );
    }
}
