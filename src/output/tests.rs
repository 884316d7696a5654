//! The renderer through injected sinks: every format, streams, colour, sanitizing.

use serde::Serialize;

use super::*;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    id: u64,
    display_name: String,
    update_time: Timestamp,
    tags: Vec<String>,
}

impl Tabular for Item {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("ID", "id"),
            Column::new("NAME", "displayName"),
            Column::new("UPDATED", "updateTime"),
        ];
        COLUMNS
    }
    fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::from(self.id),
            Cell::text(&self.display_name),
            Cell::Time(self.update_time),
        ]
    }
    fn csv_fields() -> Vec<&'static str> {
        vec!["id", "displayName", "updateTime", "tags"]
    }
}

fn item(id: u64, name: &str) -> Item {
    Item {
        id,
        display_name: name.into(),
        update_time: "2026-01-02T03:04:05Z".parse().unwrap(),
        tags: vec!["a".into(), "b".into()],
    }
}

struct Captured {
    out: Output,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Captured {
    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.lock().unwrap().clone()).unwrap()
    }
    fn stderr(&self) -> String {
        String::from_utf8(self.stderr.lock().unwrap().clone()).unwrap()
    }
}

fn capture(options: OutputOptions, terminal: bool) -> Captured {
    let stdout = Arc::new(Mutex::new(Vec::new()));
    let stderr = Arc::new(Mutex::new(Vec::new()));
    let out =
        Output::with_sinks(&options, terminal, false, stdout.clone(), stderr.clone()).unwrap();
    Captured {
        out,
        stdout,
        stderr,
    }
}

fn with_format(format: Format) -> OutputOptions {
    OutputOptions {
        format: Some(format),
        color: ColorChoice::Never,
        ..OutputOptions::default()
    }
}

#[test]
fn piped_output_without_a_format_is_tsv_with_rfc3339_times() {
    let c = capture(OutputOptions::default(), false);
    c.out
        .emit(Outcome::list(&[item(1, "one"), item(2, "two")]))
        .unwrap();
    assert_eq!(
        c.stdout(),
        "1\tone\t2026-01-02T03:04:05Z\n2\ttwo\t2026-01-02T03:04:05Z\n"
    );
}

#[test]
fn terminal_output_without_a_format_is_a_table_with_headings() {
    let c = capture(
        OutputOptions {
            color: ColorChoice::Never,
            ..OutputOptions::default()
        },
        true,
    );
    c.out.emit(Outcome::list(&[item(1, "one")])).unwrap();
    let text = c.stdout();
    assert!(text.lines().next().unwrap().contains("NAME"), "{text}");
    assert!(
        text.contains("one") && !text.contains("2026-01-02T"),
        "relative time: {text}"
    );
}

#[test]
fn tsv_cells_keep_to_one_line() {
    let c = capture(with_format(Format::Tsv), false);
    c.out
        .emit(Outcome::list(&[item(1, "two\tlines\nhere")]))
        .unwrap();
    assert!(
        c.stdout().starts_with("1\ttwo lines here\t"),
        "{}",
        c.stdout()
    );
}

#[test]
fn json_list_is_an_array_of_the_serde_form() {
    let c = capture(with_format(Format::Json), false);
    c.out
        .emit(Outcome::list(&[item(1, "one"), item(2, "two")]))
        .unwrap();
    let value: Value = serde_json::from_str(&c.stdout()).unwrap();
    assert_eq!(value[1]["displayName"], "two");
    assert_eq!(value[0]["updateTime"], "2026-01-02T03:04:05Z");
}

#[test]
fn json_list_streamed_page_by_page_is_one_valid_array() {
    let c = capture(with_format(Format::Json), false);
    let mut stream = c.out.list_stream::<Item>();
    stream.page(&[item(1, "one")]).unwrap();
    assert!(c.stdout().starts_with("[\n"), "first page written at once");
    stream.page(&[item(2, "two"), item(3, "three")]).unwrap();
    stream.finish().unwrap();
    let value: Value = serde_json::from_str(&c.stdout()).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 3);
}

#[test]
fn empty_json_stream_is_an_empty_array() {
    let c = capture(with_format(Format::Json), false);
    c.out.list_stream::<Item>().finish().unwrap();
    assert_eq!(c.stdout(), "[]\n");
}

#[test]
fn csv_has_a_header_of_api_field_names_and_joins_arrays() {
    let c = capture(with_format(Format::Csv), false);
    c.out.emit(Outcome::list(&[item(1, "a, b")])).unwrap();
    assert_eq!(
        c.stdout(),
        "id,displayName,updateTime,tags\r\n1,\"a, b\",2026-01-02T03:04:05Z,a;b\r\n"
    );
}

#[test]
fn empty_csv_still_has_its_header() {
    let c = capture(with_format(Format::Csv), false);
    c.out.emit(Outcome::List(Listing::new::<Item>())).unwrap();
    assert_eq!(c.stdout(), "id,displayName,updateTime,tags\r\n");
}

#[test]
fn empty_list_says_so_on_stderr_and_prints_nothing() {
    let c = capture(with_format(Format::Tsv), false);
    c.out
        .emit(Outcome::List(
            Listing::new::<Item>().empty_message("No items."),
        ))
        .unwrap();
    assert_eq!(c.stdout(), "");
    assert_eq!(c.stderr(), "No items.\n");
}

#[test]
fn quiet_silences_messages_but_not_warnings() {
    let c = capture(
        OutputOptions {
            quiet: true,
            ..OutputOptions::default()
        },
        false,
    );
    c.out.emit(Outcome::message("Done.")).unwrap();
    c.out.warn("careful");
    assert_eq!(c.stderr(), "Warning: careful\n");
}

#[test]
fn jq_runs_on_the_whole_list() {
    let c = capture(
        OutputOptions {
            jq: Some("map(.id) | add".into()),
            ..OutputOptions::default()
        },
        false,
    );
    let mut stream = c.out.list_stream::<Item>();
    stream.page(&[item(1, "one")]).unwrap();
    stream.page(&[item(2, "two")]).unwrap();
    stream.finish().unwrap();
    assert_eq!(c.stdout(), "3\n");
}

#[test]
fn tagged_listing_adds_the_tag_as_first_column_and_json_field() {
    let c = capture(with_format(Format::Json), false);
    let mut listing = Listing::tagged::<Item>("DOMAIN", "domain");
    listing.push_tagged("a.example", &item(1, "one"));
    c.out.emit(Outcome::List(listing)).unwrap();
    let value: Value = serde_json::from_str(&c.stdout()).unwrap();
    assert_eq!(value[0]["domain"], "a.example");
    assert_eq!(value[0]["id"], 1);
}

#[test]
fn record_in_tsv_is_label_tab_value_lines() {
    let c = capture(with_format(Format::Tsv), false);
    c.out.emit(Outcome::record(&item(7, "seven"))).unwrap();
    assert_eq!(
        c.stdout(),
        "ID\t7\nNAME\tseven\nUPDATED\t2026-01-02T03:04:05Z\n"
    );
}

#[test]
fn primary_value_prints_alone_and_json_prints_the_record() {
    let c = capture(OutputOptions::default(), false);
    c.out
        .emit(Outcome::Primary {
            value: "42".into(),
            record: Some(Record::new(&item(42, "x"))),
        })
        .unwrap();
    assert_eq!(c.stdout(), "42\n");
    let c = capture(with_format(Format::Json), false);
    c.out
        .emit(Outcome::Primary {
            value: "42".into(),
            record: Some(Record::new(&item(42, "x"))),
        })
        .unwrap();
    let value: Value = serde_json::from_str(&c.stdout()).unwrap();
    assert_eq!(value["displayName"], "x");
}

#[test]
fn table_never_prints_control_sequences_from_server_text() {
    let c = capture(with_format(Format::Table), true);
    c.out
        .emit(Outcome::list(&[item(
            1,
            "evil\u{1b}]0;title\u{7}\u{1b}[31mred",
        )]))
        .unwrap();
    assert!(!c.stdout().contains('\u{1b}'), "{:?}", c.stdout());
    assert!(c.stdout().contains("evilred"), "{:?}", c.stdout());
}

#[test]
fn auto_colour_needs_a_terminal_and_no_no_color() {
    assert!(use_color(ColorChoice::Auto, true, false));
    assert!(!use_color(ColorChoice::Auto, true, true));
    assert!(!use_color(ColorChoice::Auto, false, false));
    assert!(!use_color(ColorChoice::Never, true, false));
    assert!(use_color(ColorChoice::Always, false, true));
}

#[test]
fn color_always_styles_the_table_header_and_never_does_not() {
    let colored = capture(
        OutputOptions {
            format: Some(Format::Table),
            color: ColorChoice::Always,
            ..OutputOptions::default()
        },
        false,
    );
    colored.out.emit(Outcome::list(&[item(1, "one")])).unwrap();
    assert!(colored.stdout().contains('\u{1b}'));
    let plain = capture(with_format(Format::Table), true);
    plain.out.emit(Outcome::list(&[item(1, "one")])).unwrap();
    assert!(!plain.stdout().contains('\u{1b}'));
}

#[test]
fn every_json_writer_escapes_c1_and_bidi_controls() {
    let hostile = "x\u{9b}2Jy\u{202e}z";
    let escaped = r"x\u009b2Jy\u202ez";
    let record = Record::new(&item(1, hostile));
    let outcomes = [
        Outcome::Record(record.clone()),
        Outcome::list(&[item(1, hostile)]),
        Outcome::Primary {
            value: hostile.into(),
            record: None,
        },
        Outcome::Message {
            text: hostile.into(),
            json: Some(serde_json::json!({ "user": hostile })),
        },
    ];
    for outcome in outcomes {
        let c = capture(with_format(Format::Json), false);
        let shown = format!("{outcome:?}");
        c.out.emit(outcome).unwrap();
        let text = c.stdout();
        assert!(text.is_ascii() && text.contains(escaped), "{shown}: {text}");
    }
    // the array written page by page
    let c = capture(with_format(Format::Json), false);
    let mut stream = c.out.list_stream::<Item>();
    stream.page(&[item(1, hostile)]).unwrap();
    stream.page(&[item(2, hostile)]).unwrap();
    stream.finish().unwrap();
    let text = c.stdout();
    assert!(
        text.is_ascii() && text.matches(escaped).count() == 2,
        "{text}"
    );
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back[1]["displayName"], hostile);
}
