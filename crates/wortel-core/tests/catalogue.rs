//! The two catalogues hold the same messages: an id in one and not the other, a `{ $variable }`
//! that differs, a syntax error or a message that fails to format in either language fails
//! here, naming the file and the message.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use wortel_core::i18n;
use wortel_core::lang::Language;

type Messages = BTreeMap<String, BTreeSet<String>>;

/// Every message id of a language with the variables it uses; every file must parse whole.
fn messages(lang: Language) -> Messages {
    let mut all = Messages::new();
    for (file, text) in i18n::sources(lang) {
        let res = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errs)| panic!("{lang}/{file} does not parse: {errs:?}"));
        for entry in res.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    let fresh = all.insert(m.id.name.to_string(), vars).is_none();
                    assert!(fresh, "{lang}/{file}: `{}` is there twice", m.id.name);
                }
                Entry::Junk { content } => panic!("{lang}/{file}: cannot read `{content}`"),
                _ => {}
            }
        }
    }
    // Each `@id` becomes the variables of that message (references nest only a level or two).
    for _ in 0..4 {
        let snapshot = all.clone();
        for vars in all.values_mut() {
            let refs: Vec<String> = vars
                .iter()
                .filter(|v| v.starts_with('@'))
                .cloned()
                .collect();
            for r in refs {
                vars.remove(&r);
                let used = snapshot
                    .get(&r[1..])
                    .unwrap_or_else(|| panic!("{lang}: `{}` is used but not there", &r[1..]));
                vars.extend(used.iter().cloned());
            }
        }
    }
    all
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        // A message used inside another takes the same arguments: `@id` stands for its
        // variables until they are filled in below.
        InlineExpression::MessageReference { id, .. } => {
            vars.insert(format!("@{}", id.name));
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let en = messages(Language::En);
    let nl = messages(Language::Nl);
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "only in en: {only_en:?}");
    assert!(only_nl.is_empty(), "only in nl: {only_nl:?}");
    for (id, vars) in &en {
        assert_eq!(vars, &nl[id], "`{id}` uses other variables in en and nl");
    }
    assert!(
        en.len() > 50,
        "the catalogue is read: {} messages",
        en.len()
    );
}

#[test]
fn every_message_formats_in_both_languages() {
    for lang in Language::ALL {
        for (id, vars) in messages(lang) {
            let args: Vec<(&str, i18n::Arg)> =
                vars.iter().map(|v| (v.as_str(), 2.into())).collect();
            let out = i18n::message(lang, &id, &args);
            assert!(
                !out.is_empty() && out != id,
                "{lang} `{id}` formats to `{out}`"
            );
            assert!(
                // Line ends only in the help texts, which have paragraphs.
                !out.contains('{') && !out.chars().any(|c| c.is_control() && c != '\n'),
                "{lang} `{id}`: `{out}`"
            );
        }
    }
}

/// Every `.rs` file under `dir`.
fn sources_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources_under(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The string literal at the start of `s` (after spaces), if there is one.
fn literal_at(s: &str) -> Option<&str> {
    let s = s.trim_start().strip_prefix('"')?;
    let end = s.find('"')?;
    Some(&s[..end])
}

/// `s` after its first argument (up to the top-level comma), if it has a second, beside that
/// first argument.
fn after_first_argument(s: &str) -> Option<(&str, &str)> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return None,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return Some((&s[..i], &s[i + 1..])),
            '"' => return None,
            _ => {}
        }
    }
    None
}

/// The catalogue ids a source text uses: `said!("id"`, `Said::new("id"`, `tell!(ctx, "id"`,
/// `say(lang, "id"` and its kin, and each id in `headers(lang, &["id", …])`.
fn ids_used(text: &str) -> Vec<String> {
    // Comments and tests name ids that need not exist (a test of the fallback, an example).
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let text: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.as_str();
    let mut ids = Vec::new();
    for call in ["said!(", "Said::new("] {
        for (at, _) in text.match_indices(call) {
            ids.extend(literal_at(&text[at + call.len()..]).map(str::to_string));
        }
    }
    for call in [
        "tell!(",
        "say(",
        "say_with(",
        "counted(",
        "text(",
        "message(",
    ] {
        for (at, _) in text.match_indices(call) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            // The catalogue's own calls take the language first (`counted(n, "lead", "leads")`
            // of the plural module is another function).
            let Some((first, rest)) = after_first_argument(&text[at + call.len()..]) else {
                continue;
            };
            if call == "tell!(" || first.contains("lang") || first.contains("Language") {
                ids.extend(literal_at(rest).map(str::to_string));
            }
        }
    }
    for (at, _) in text.match_indices("headers(") {
        let Some((_, rest)) = after_first_argument(&text[at + 8..]) else {
            continue;
        };
        let Some(list) = rest.trim_start().strip_prefix("&[") else {
            continue;
        };
        let list = &list[..list.find(']').unwrap_or(0)];
        ids.extend(
            list.split(',')
                .filter_map(|item| literal_at(item))
                .map(str::to_string),
        );
    }
    ids
}

/// An id the code uses that a catalogue lacks would show its id to the reader (the lookup
/// falls back to it): every id in the workspace's sources must be in both catalogues.
#[test]
fn every_id_the_code_uses_is_in_both_catalogues() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["src", "crates/wortel-core/src", "crates/wortel-hq/src"] {
        sources_under(&root.join(dir), &mut files);
    }
    let en = messages(Language::En);
    let nl = messages(Language::Nl);
    let mut used = 0;
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for id in ids_used(&text) {
            used += 1;
            for (lang, catalogue) in [(Language::En, &en), (Language::Nl, &nl)] {
                if !catalogue.contains_key(&id) {
                    missing.push(format!("{lang} lacks `{id}` ({})", file.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(used > 150, "the sources are read: {used} ids found");
}

#[test]
fn the_id_scan_reads_each_form() {
    let src = r#"said!("a-one", x = 1); Said::new("a-two"); tell!(ctx, "a-three");
        say(lang, "a-four"); counted(self.lang, "a-five", n); x.say("not-an-id");
        counted(n, "not-an-id", "either");
        headers(lang, &["a-six", "a-seven"]); say_with(lang, &id, &[]);"#;
    assert_eq!(
        ids_used(src),
        [
            "a-one", "a-two", "a-three", "a-four", "a-five", "a-six", "a-seven"
        ]
    );
}
