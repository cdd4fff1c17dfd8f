//! The CLI's words in the reader's language, from the catalogue in `wortel-core` (`i18n/`).

pub use wortel_core::i18n::Arg;
use wortel_core::i18n::{message, text};
use wortel_core::lang::Language;

/// A message without arguments.
pub fn say(lang: Language, id: &str) -> String {
    text(lang, id)
}

/// A message with its arguments.
pub fn say_with(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    message(lang, id, args)
}

/// A count with its noun in the plural the number needs: `leads-count` → "7.118 leads".
pub fn counted(lang: Language, id: &str, n: usize) -> String {
    message(lang, id, &[("count", Arg::from(n))])
}

/// Column headers of a listing, by their catalogue ids.
pub fn headers(lang: Language, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| text(lang, id)).collect()
}

pub use wortel_core::said::Said;

/// The language for a sentence when no command context is at hand (the final error line): the
/// one rule of `Context::lang`, falling back to the locale when config.toml cannot be read (its
/// own error is then the sentence being said).
pub fn reader_language() -> Language {
    wortel::tui::config::language(wortel::tui::config::config_dir().as_deref())
        .unwrap_or_else(|_| Language::from_setting_and_env(None).unwrap_or_default())
}
