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
            let refs: Vec<String> = vars.iter().filter(|v| v.starts_with('@')).cloned().collect();
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
                !out.contains('{') && !out.chars().any(|c| c.is_control()),
                "{lang} `{id}`: `{out}`"
            );
        }
    }
}
