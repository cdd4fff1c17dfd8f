//! The message catalogue: everything a user reads, in English and Dutch, as Project Fluent
//! files (`i18n/en/*.ftl`, `i18n/nl/*.ftl`) built into the binary. Fluent gives the plurals
//! ("1 lead", "2 leads") and the arguments; wortel adds the number notation of each language,
//! so `{ $count }` shows `7.118` in Dutch and `7,118` in English.
//!
//! Both catalogues hold the same message ids with the same `{ $variables }`: a test
//! (`tests/catalogue.rs`) fails otherwise, so a message is never missing in one language.

use crate::conventions;
use crate::lang::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue as Arg;

/// The catalogue files of a language: (file name, Fluent source).
pub fn sources(lang: Language) -> &'static [(&'static str, &'static str)] {
    match lang {
        Language::En => &[
            ("domain.ftl", include_str!("../i18n/en/domain.ftl")),
            ("dates.ftl", include_str!("../i18n/en/dates.ftl")),
            ("listings.ftl", include_str!("../i18n/en/listings.ftl")),
            ("cli.ftl", include_str!("../i18n/en/cli.ftl")),
            ("errors.ftl", include_str!("../i18n/en/errors.ftl")),
            ("help.ftl", include_str!("../i18n/en/help.ftl")),
            ("exports.ftl", include_str!("../i18n/en/exports.ftl")),
        ],
        Language::Nl => &[
            ("domain.ftl", include_str!("../i18n/nl/domain.ftl")),
            ("dates.ftl", include_str!("../i18n/nl/dates.ftl")),
            ("listings.ftl", include_str!("../i18n/nl/listings.ftl")),
            ("cli.ftl", include_str!("../i18n/nl/cli.ftl")),
            ("errors.ftl", include_str!("../i18n/nl/errors.ftl")),
            ("help.ftl", include_str!("../i18n/nl/help.ftl")),
            ("exports.ftl", include_str!("../i18n/nl/exports.ftl")),
        ],
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Language) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static NL: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Language::En => &EN,
        Language::Nl => &NL,
    };
    cell.get_or_init(|| build(lang))
}

/// One bundle of a language's files. The files are built in and checked by the catalogue test,
/// so a syntax error cannot reach a user; were one there, the entries that parse still load.
fn build(lang: Language) -> Bundle {
    let id = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: a terminal shows them as stray characters.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Language::En => numbers_en,
        Language::Nl => numbers_nl,
    }));
    for (_, text) in sources(lang) {
        let res = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(res, _)| res);
        let _ = b.add_resource(res);
    }
    b
}

type Memo = intl_memoizer::concurrent::IntlLangMemoizer;

fn numbers_en(v: &FluentValue, _: &Memo) -> Option<String> {
    whole_number(v).map(|n| conventions::count(n, Language::En))
}

fn numbers_nl(v: &FluentValue, _: &Memo) -> Option<String> {
    whole_number(v).map(|n| conventions::count(n, Language::Nl))
}

/// Whole numbers get the language's grouping; anything else Fluent writes as it does.
fn whole_number(v: &FluentValue) -> Option<i64> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            Some(n.value as i64)
        }
        _ => None,
    }
}

/// The message `id` in `lang`. An id missing from the catalogue comes back as itself, which a
/// test makes sure never happens for an id the code uses.
pub fn text(lang: Language, id: &str) -> String {
    message(lang, id, &[])
}

/// The message `id` in `lang` with its arguments: `message(nl, "leads-count", &[("count",
/// 7118.into())])` is "7.118 leads".
pub fn message(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Whether the catalogue of `lang` has a message `id` (labels of a store's own reasons do not).
pub fn has(lang: Language, id: &str) -> bool {
    bundle(lang).has_message(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nl};

    #[test]
    fn plurals_and_numbers_follow_the_language() {
        let n = |lang, c: i64| message(lang, "leads-count", &[("count", c.into())]);
        assert_eq!(n(En, 1), "1 lead");
        assert_eq!(n(En, 2), "2 leads");
        assert_eq!(n(En, 7118), "7,118 leads");
        assert_eq!(n(Nl, 7118), "7.118 leads");
        assert_eq!(n(Nl, 0), "0 leads");
        assert_eq!(text(Nl, "stage-negotiation"), "onderhandeling");
        assert_eq!(text(En, "no-such-message"), "no-such-message");
    }
}
