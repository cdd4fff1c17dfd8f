//! The proptest counterparts of the `cargo fuzz` targets under `fuzz/` (issue 7), so that every
//! CI build fuzzes a little: the bundle reader, the CSV lead importer, the keymap and theme
//! parsers and the date input parser get arbitrary bytes and inputs built to be nearly right
//! (valid bundles with flipped bytes or cut short, spreadsheets with random quoting, separators
//! and byte-order marks, TOML with random keys and values, date words in any case). None may
//! panic; every refusal is one sentence on one line without control characters; valid input
//! gives the expected result.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use jiff::tz::TimeZone;
use proptest::prelude::*;
use ratatui::style::Color;
use wortel::bundle::write::write_bundle;
use wortel::bundle::{Kind, Manifest, SecretKey, read_bundle};
use wortel::domain::{Channel, parse_date_input};
use wortel::interop::csv_import::read_leads_csv;
use wortel::tui::action::{Action, Context};
use wortel::tui::keymap::Keymap;
use wortel::tui::keys::Chord;
use wortel::tui::theme::{Role, Theme};

/// A refusal must be one sentence: not empty, one line, nothing a terminal would interpret.
fn one_sentence(message: &str) {
    assert!(!message.trim().is_empty(), "an empty error");
    assert!(
        !message.chars().any(char::is_control),
        "the error has a line break or control character: {message:?}"
    );
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Bundles

fn manifest() -> Manifest {
    Manifest {
        format: "wortel-bundle".into(),
        version: 1,
        kind: Kind::Leads,
        id: "HQ-2026-47".into(),
        from: "head-office".into(),
        to: "DEALER-1".into(),
        sequence: 3,
        created_at: "2026-11-23T09:00:00Z".parse().unwrap(),
        period: None,
        files: Vec::new(),
    }
}

/// A valid leads bundle holding `lines` as leads.ndjson, signed when `key` is given.
fn bundle(lines: &[String], key: Option<&SecretKey>) -> (Vec<u8>, Vec<u8>) {
    let payload: Vec<u8> = lines
        .iter()
        .flat_map(|l| format!("{l}\n").into_bytes())
        .collect();
    let bytes = write_bundle(manifest(), &[("leads.ndjson", payload.clone())], key).unwrap();
    (bytes, payload)
}

fn payload_lines() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("\\{\"id\":\"[A-Z0-9-]{1,12}\",\"n\":[0-9]{1,4}\\}", 0..6)
}

/// What a mutated bundle may do: be refused in a sentence, or (when the change hit bytes that
/// carry no meaning) read as exactly what was written.
fn read_mutated(bytes: &[u8], key: Option<&wortel::bundle::PublicKey>, payload: &[u8]) {
    match read_bundle(bytes, key) {
        Err(e) => one_sentence(&e.to_string()),
        Ok(b) => {
            let files: Vec<_> = b.files.keys().cloned().collect();
            assert_eq!(
                files,
                ["leads.ndjson"],
                "a damaged bundle read with other files"
            );
            assert_eq!(
                b.files["leads.ndjson"], payload,
                "a damaged bundle read other bytes"
            );
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn bundle_reader_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let key = SecretKey([7; 32]).public();
        for key in [None, Some(&key)] {
            if let Err(e) = read_bundle(&bytes, key) {
                one_sentence(&e.to_string());
            }
        }
    }

    #[test]
    fn bundle_reader_survives_zip_like_bytes(
        tail in prop::collection::vec(any::<u8>(), 0..400),
        head in prop::sample::select(vec![&b"PK\x03\x04"[..], b"PK\x05\x06", b"PK\x01\x02", b"PK\x07\x08"]),
    ) {
        let mut bytes = head.to_vec();
        bytes.extend(tail);
        if let Err(e) = read_bundle(&bytes, None) {
            one_sentence(&e.to_string());
        }
    }

    #[test]
    fn a_valid_bundle_reads_back_and_a_damaged_one_is_refused_or_intact(
        lines in payload_lines(),
        signed in any::<bool>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let secret = SecretKey([42; 32]);
        let public = secret.public();
        let (bytes, payload) = bundle(&lines, signed.then_some(&secret));

        // Intact: it reads, with the pinned key too when signed.
        let b = read_bundle(&bytes, signed.then_some(&public)).unwrap();
        prop_assert_eq!(&b.files["leads.ndjson"], &payload);
        prop_assert_eq!(b.lines("leads.ndjson").count(), lines.len());
        // Another key never verifies it.
        let other = SecretKey([43; 32]).public();
        one_sentence(&read_bundle(&bytes, Some(&other)).unwrap_err().to_string());

        // Bytes flipped.
        let mut damaged = bytes.clone();
        for (at, mask) in &flips {
            damaged[at.index(bytes.len())] ^= mask;
        }
        read_mutated(&damaged, None, &payload);
        read_mutated(&damaged, signed.then_some(&public), &payload);

        // Cut short: never complete, so always refused.
        let short = &bytes[..cut.index(bytes.len())];
        one_sentence(&read_bundle(short, None).unwrap_err().to_string());
    }

    #[test]
    fn a_bundle_with_a_crafted_manifest_is_refused_in_a_sentence(
        name in prop_oneof!["[a-z.\\n\\r\\x1b/\\\\:]{1,12}", Just("leads.ndjson".to_string())],
        count in 0u64..5,
        sum in "[0-9a-f]{0,64}",
    ) {
        // The manifest lists a file that is not in the zip, or with a wrong count or checksum;
        // the names it gives may carry line breaks and escape sequences.
        let mut m = manifest();
        m.files.push(wortel::bundle::FileEntry { name: name.clone(), records: count, blake3: sum });
        let bytes = zip_of_manifest(&m.to_json());
        one_sentence(&read_bundle(&bytes, None).unwrap_err().to_string());
    }
}

/// A zip holding only `manifest.json` with these bytes.
fn zip_of_manifest(json: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("manifest.json", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, json).unwrap();
    zip.finish().unwrap().into_inner()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_manifest_with_crafted_values_is_refused_in_a_sentence(
        field in prop::sample::select(vec!["format", "kind", "id", "from", "created_at", "period", "files", "sequence", "version"]),
        value in "[a-z0-9:\\-\\n\\x1b\\[]{0,12}",
        as_object in any::<bool>(),
    ) {
        let mut m = serde_json::to_value(manifest()).unwrap();
        m["period"] = serde_json::json!({"from": "2026-11-16", "to": "2026-11-22"});
        m[field] = if as_object {
            serde_json::json!({ "from": value, "to": value, "name": value })
        } else {
            serde_json::Value::String(value.clone())
        };
        let bytes = zip_of_manifest(&serde_json::to_vec(&m).unwrap());
        if let Err(e) = read_bundle(&bytes, None) {
            one_sentence(&e.to_string());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// CSV leads

#[derive(Clone, Debug)]
struct Row {
    name: String,
    day: Date,
    channel: Channel,
    score: u8,
    notes: String,
}

fn row() -> impl Strategy<Value = Row> {
    (
        "[A-Za-zëé][A-Za-zëé ,;\"'.&-]{0,20}[A-Za-z]",
        (2000i16..2100, 1i8..=12, 1i8..=28),
        prop::sample::select(Channel::ALL.to_vec()),
        0u8..=100,
        "[a-z ,;\"\\n]{0,30}",
    )
        .prop_map(|(name, (y, m, d), channel, score, notes)| Row {
            name,
            day: date(y, m, d),
            channel,
            score,
            notes,
        })
}

/// A field as a spreadsheet writes it: quoted when it must be, sometimes when it need not be.
fn field(value: &str, sep: char, always_quote: bool) -> String {
    if always_quote || value.contains([sep, '"', '\n', '\r']) || value.trim() != value {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn csv_importer_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Err(e) = read_leads_csv(&bytes, "leads.csv", &TimeZone::UTC) {
            one_sentence(&e);
        }
    }

    #[test]
    fn csv_importer_survives_broken_spreadsheets(
        text in "(account_name|received_at|channel|score|id|notes|[,;\"\\n\\r]|[a-z0-9 -]{1,8}){0,40}",
        bom in any::<bool>(),
    ) {
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(text.as_bytes());
        if let Err(e) = read_leads_csv(&bytes, "leads.csv", &TimeZone::UTC) {
            one_sentence(&e);
        }
    }

    #[test]
    fn csv_importer_reads_every_well_formed_spreadsheet(
        rows in prop::collection::vec(row(), 1..6),
        semicolon in any::<bool>(),
        bom in any::<bool>(),
        crlf in any::<bool>(),
        quote_all in any::<bool>(),
        bad in prop::option::of((any::<prop::sample::Index>(), "[a-z\\n\\x1b\\[]{1,5}")),
    ) {
        let sep = if semicolon { ';' } else { ',' };
        let eol = if crlf { "\r\n" } else { "\n" };
        let header = ["account_name", "received_at", "channel", "score", "notes"];
        let mut text = String::new();
        if bom {
            text.push('\u{feff}');
        }
        text.push_str(&header.map(|h| field(h, sep, quote_all)).join(&sep.to_string()));
        text.push_str(eol);
        let bad_row = bad.as_ref().map(|(i, _)| i.index(rows.len()));
        for (i, r) in rows.iter().enumerate() {
            let score = match (&bad, bad_row == Some(i)) {
                (Some((_, word)), true) => word.clone(),
                _ => r.score.to_string(),
            };
            let cells = [
                r.name.clone(),
                r.day.to_string(),
                r.channel.as_str().to_string(),
                score,
                r.notes.clone(),
            ];
            text.push_str(&cells.map(|c| field(&c, sep, quote_all)).join(&sep.to_string()));
            text.push_str(eol);
        }
        let result = read_leads_csv(text.as_bytes(), "leads.csv", &TimeZone::UTC);
        if let Some(i) = bad_row {
            let e = result.unwrap_err();
            one_sentence(&e);
            let expected = format!("leads.csv row {}, column score: ", i + 2);
            prop_assert!(e.starts_with(&expected), "{}", e);
            return Ok(());
        }
        let leads = result.unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(leads.len(), rows.len());
        for (lead, r) in leads.iter().zip(&rows) {
            prop_assert_eq!(&lead.account.name, r.name.trim());
            prop_assert_eq!(lead.score, i64::from(r.score));
            prop_assert_eq!(lead.source.channel, r.channel);
            // Cells are cleaned as they are read: a line break in a note becomes a space.
            prop_assert_eq!(&lead.notes, &wortel::bundle::printable(r.notes.trim()));
            let received = r.day.to_zoned(TimeZone::UTC).unwrap().timestamp();
            prop_assert_eq!(lead.received_at, received);
            prop_assert!(lead.id.starts_with("CSV-"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keymaps

/// A chord spelling from a small alphabet, and the chord it must mean.
fn chord() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "ctrl-", "alt-", "shift-", "ctrl-alt-", "CTRL-"]),
        prop::sample::select(vec![
            "a", "b", "x", "Z", "?", "1", "enter", "Esc", "tab", "space", "f1", "F12", "pagedown",
            "ctrl-", "f13", "",
        ]),
    )
        .prop_map(|(m, k)| format!("{m}{k}"))
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn keymap_parser_survives_arbitrary_text(text in "\\PC{0,200}|[\\[\\]=\"a-z.\\n #-]{0,200}") {
        if let Err(e) = Keymap::parse("keymap.toml", &text) {
            one_sentence(&e.to_string());
        }
    }

    #[test]
    fn keymap_parser_survives_random_tables(
        tables in prop::collection::vec((
            prop::sample::select(Context::ALL.iter().map(|c| c.name().to_string())
                .chain(["nowhere".into(), "global.x".into(), "Inbox".into()]).collect::<Vec<_>>()),
            prop::collection::vec((chord(), prop_oneof![
                prop::sample::select(Action::ALL.iter().map(|a| a.name().to_string()).collect::<Vec<_>>())
                    .prop_map(|n| toml_string(&n)),
                Just(toml_string("none")),
                "[a-z\\n\\x1b-]{0,8}".prop_map(|s| toml_string(&s)),
                Just("3".to_string()),
                Just("[\"quit\"]".to_string()),
            ]), 0..5),
        ), 0..4),
    ) {
        let mut text = String::new();
        for (ctx, bindings) in &tables {
            text.push_str(&format!("[{}]\n", toml_string(ctx)));
            for (chord, value) in bindings {
                text.push_str(&format!("{} = {value}\n", toml_string(chord)));
            }
        }
        if let Err(e) = Keymap::parse("keymap.toml", &text) {
            one_sentence(&e.to_string());
            prop_assert!(e.line <= text.lines().count() + 1, "line {} of {}", e.line, text);
        }
        let mut base = Keymap::builtin("default").unwrap();
        if let Err(e) = base.lay_over("keymap.toml", &text) {
            one_sentence(&e.to_string());
        }
    }

    #[test]
    fn a_valid_keymap_binds_what_it_says(
        picks in prop::collection::btree_map(0usize..36, any::<prop::sample::Index>(), 1..12),
    ) {
        // Distinct keys (a–z, 0–9), each bound to an action in one of its contexts.
        let mut tables: std::collections::BTreeMap<Context, Vec<(String, Action)>> = Default::default();
        for (key, pick) in &picks {
            let key = char::from_digit(*key as u32, 36).unwrap().to_string();
            let action = *pick.get(Action::ALL);
            let ctx = action.contexts()[pick.index(action.contexts().len())];
            tables.entry(ctx).or_default().push((key, action));
        }
        let mut text = String::new();
        for (ctx, bindings) in &tables {
            text.push_str(&format!("[{}]\n", ctx.name()));
            for (key, action) in bindings {
                text.push_str(&format!("{} = \"{}\"\n", toml_string(key), action.name()));
            }
        }
        let map = Keymap::parse("keymap.toml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        for (ctx, bindings) in &tables {
            for (key, action) in bindings {
                prop_assert_eq!(map.action_in(*ctx, &Chord::parse(key).unwrap()), Some(*action));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Themes

/// Colour spellings and what they mean; none is a name in the dark theme's palette.
const COLOURS: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("dark-gray", Color::DarkGray),
    ("light-blue", Color::LightBlue),
    ("white", Color::White),
    ("default", Color::Reset),
    ("#ff8000", Color::Rgb(255, 128, 0)),
    ("#00A0ff", Color::Rgb(0, 160, 255)),
    ("ocean", Color::Rgb(1, 2, 3)),
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn theme_parser_survives_arbitrary_text(text in "\\PC{0,200}|[\\[\\]{}=\",a-z.#0-9\\n -]{0,200}") {
        if let Err(e) = Theme::parse("themes/t.toml", &text, &|_| None) {
            one_sentence(&e.to_string());
        }
    }

    #[test]
    fn theme_parser_survives_random_roles(
        inherits in prop::option::of(prop::sample::select(vec!["dark", "light", "mine", "x\n", "3"])),
        roles in prop::collection::vec((
            prop::sample::select(Role::ALL.iter().map(|r| r.name().to_string())
                .chain(["ui.nothing".into(), "tier".into(), "".into()]).collect::<Vec<_>>()),
            prop_oneof![
                "[a-z#0-9\\x1b\\n-]{0,8}".prop_map(|s| toml_string(&s)),
                Just("{ fg = \"red\", modifiers = [\"bold\", \"blink\"] }".to_string()),
                Just("{ bg = 3 }".to_string()),
                Just("{ modifiers = \"bold\" }".to_string()),
                Just("{ shade = \"red\" }".to_string()),
                Just("[1, 2]".to_string()),
                Just("true".to_string()),
            ],
        ), 0..6),
        palette in prop::collection::vec(("[a-z\\n]{1,6}", "[a-z#0-9]{0,8}"), 0..3),
    ) {
        let mut text = String::new();
        if let Some(p) = inherits {
            text.push_str(&format!("inherits = {}\n", if p == "3" { p.into() } else { toml_string(p) }));
        }
        text.push_str("[palette]\n");
        for (name, colour) in &palette {
            text.push_str(&format!("{} = {}\n", toml_string(name), toml_string(colour)));
        }
        text.push_str("[roles]\n");
        for (role, value) in &roles {
            text.push_str(&format!("{} = {value}\n", toml_string(role)));
        }
        let mine = |name: &str| (name == "mine").then(|| Theme::builtin("light")).flatten();
        if let Err(e) = Theme::parse("themes/t.toml", &text, &mine) {
            one_sentence(&e.to_string());
        }
    }

    #[test]
    fn a_valid_theme_gives_each_role_its_colours(
        roles in prop::collection::btree_map(
            any::<prop::sample::Index>().prop_map(|i| *i.get(Role::ALL)),
            (any::<prop::sample::Index>(), prop::option::of(any::<prop::sample::Index>())),
            0..8,
        ),
    ) {
        let mut text = "inherits = \"dark\"\n[palette]\nocean = \"#010203\"\n[roles]\n".to_string();
        for (role, (fg, bg)) in &roles {
            let fg = fg.get(COLOURS).0;
            match bg {
                None => text.push_str(&format!("{} = \"{fg}\"\n", toml_string(role.name()))),
                Some(bg) => text.push_str(&format!(
                    "{} = {{ fg = \"{fg}\", bg = \"{}\", modifiers = [\"bold\"] }}\n",
                    toml_string(role.name()),
                    bg.get(COLOURS).0
                )),
            }
        }
        let theme = Theme::parse("themes/t.toml", &text, &|_| None).unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(&theme.name, "t");
        let dark = Theme::builtin("dark").unwrap();
        for role in Role::ALL {
            let style = theme.style(*role);
            match roles.get(role) {
                None => prop_assert_eq!(style, dark.style(*role)),
                Some((fg, bg)) => {
                    prop_assert_eq!(style.fg, Some(fg.get(COLOURS).1));
                    prop_assert_eq!(style.bg, bg.map(|b| b.get(COLOURS).1));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Date input

fn a_date() -> impl Strategy<Value = Date> {
    (1900i16..2200, 1i8..=12, 1i8..=31)
        .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok())
}

/// Each spelling in a random mix of upper and lower case, with blanks around it.
fn spelled(word: &str, upper: &[bool], pad: (usize, usize)) -> String {
    let mixed: String = word
        .chars()
        .zip(upper.iter().cycle())
        .map(|(c, u)| if *u { c.to_ascii_uppercase() } else { c })
        .collect();
    format!("{}{mixed}{}", " ".repeat(pad.0), "\t".repeat(pad.1))
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Monday),
    ("maandag", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("di", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("donderdag", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("za", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..config() })]

    #[test]
    fn date_input_survives_arbitrary_text(
        text in "\\PC{0,30}|[+0-9dwmy\\n\\x1b -]{0,12}",
        today in prop_oneof![a_date(), Just(Date::MIN), Just(Date::MAX)],
    ) {
        if let Err(e) = parse_date_input(&text, today) {
            one_sentence(&e.to_string());
        }
    }

    #[test]
    fn date_input_understands_what_salespeople_type(
        today in a_date(),
        n in 0i64..=3650,
        upper in prop::collection::vec(any::<bool>(), 1..8),
        pad in (0usize..3, 0usize..3),
        weekday in prop::sample::select(WEEKDAYS.to_vec()),
        iso in a_date(),
    ) {
        let p = |w: &str| parse_date_input(&spelled(w, &upper, pad), today).unwrap_or_else(|e| panic!("{w}: {e}"));
        prop_assert_eq!(p("today"), today);
        prop_assert_eq!(p("vandaag"), today);
        prop_assert_eq!(p("tomorrow"), today.tomorrow().unwrap());
        prop_assert_eq!(p(&format!("+{n}d")), today.checked_add(n.days()).unwrap());
        prop_assert_eq!(p(&format!("+{n}")), today.checked_add(n.days()).unwrap());
        prop_assert_eq!(p(&format!("+{n}w")), today.checked_add((n * 7).days()).unwrap());
        prop_assert_eq!(p(&iso.to_string()), iso);
        let next = p(weekday.0);
        prop_assert_eq!(next.weekday(), weekday.1);
        prop_assert!(next > today && next <= today.checked_add(7.days()).unwrap());
        // Beyond ten years ahead is a typo, refused in a sentence.
        let far = parse_date_input(&format!("+{}d", n + 3651), today).unwrap_err();
        one_sentence(&far.to_string());
    }
}

/// Pinned inputs the properties above once found wrong: refusals that quoted the input with its
/// line breaks and escape sequences, which then reached the terminal.
#[test]
fn regressions() {
    let today = date(2026, 11, 23);
    for text in ["\n", "+3d\u{1b}[2J", "tomorrow\r\n+1"] {
        one_sentence(&parse_date_input(text, today).unwrap_err().to_string());
    }
    assert_eq!(
        parse_date_input("mon\nday", today).unwrap_err().to_string(),
        "date `monday` is not understood; use 2026-12-01, +3d, +2w, mon…sun, today or tomorrow"
    );

    let csv = "account_name,received_at,channel,score\nBakker,2026-11-16,web,\"\u{1b}[2J\n7\"\n";
    assert_eq!(
        read_leads_csv(csv.as_bytes(), "leads.csv", &TimeZone::UTC).unwrap_err(),
        "leads.csv row 2, column score: `[2J 7` is not a whole number; fix the spreadsheet and import again"
    );

    let keymap = "[inbox]\n\"a\\nb\" = \"quit\"\n";
    let e = Keymap::parse("keymap.toml", keymap).unwrap_err();
    one_sentence(&e.to_string());
    assert_eq!(e.line, 2);

    let theme = "inherits = \"dark\"\n[roles]\n\"ui.\\u001b[31m\" = \"red\"\n";
    let e = Theme::parse("themes/t.toml", theme, &|_| None).unwrap_err();
    one_sentence(&e.to_string());
    assert_eq!(e.line, 3);
}
