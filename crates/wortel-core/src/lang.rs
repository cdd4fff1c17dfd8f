//! The language a salesperson reads wortel in: Dutch or English.
//!
//! One rule decides it, for the full-screen view and the CLI alike: `language = "nl"` in
//! `config.toml` wins; else the locale the shell sets (`LC_ALL`, then `LC_MESSAGES`, then `LANG`,
//! the POSIX order); else English. Machine names (bundles, `--json`, CSV headers) never depend
//! on it.

use std::fmt;

/// A language wortel speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    En,
    Nl,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Nl];

    /// The code `config.toml` takes and the catalogue folders are named by.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Nl => "nl",
        }
    }

    /// A setting as `config.toml` holds it: `en` or `nl` (any case, `nl-NL` and `Dutch` too).
    pub fn parse_setting(value: &str) -> Result<Language, String> {
        let v = value.trim().to_lowercase();
        match v.as_str() {
            "nl" | "nl-nl" | "nl_nl" | "nl-be" | "nl_be" | "dutch" | "nederlands" => {
                Ok(Language::Nl)
            }
            "en" | "en-gb" | "en_gb" | "en-us" | "en_us" | "english" | "engels" => Ok(Language::En),
            _ => Err(format!(
                "language `{}` is not offered; use \"nl\" (Nederlands) or \"en\" (English)",
                crate::bundle::printable(value.trim())
            )),
        }
    }

    /// What a locale variable such as `nl_NL.UTF-8`, `nl_BE@euro` or `C` means: Dutch for any
    /// `nl` locale, English for every other one (the only other language wortel has).
    pub fn from_locale(locale: &str) -> Language {
        let tag = locale
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .split(['_', '-'])
            .next()
            .unwrap_or("");
        if tag.eq_ignore_ascii_case("nl") {
            Language::Nl
        } else {
            Language::En
        }
    }

    /// The one rule: the `language` setting of `config.toml` when given, else the first
    /// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` read through `env`, else English. A setting
    /// wortel does not know is refused in a sentence rather than quietly ignored.
    pub fn resolve(
        setting: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Language, String> {
        if let Some(s) = setting {
            return Language::parse_setting(s);
        }
        Ok(["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| env(var))
            .find(|v| !v.trim().is_empty())
            .map(|v| Language::from_locale(v.trim()))
            .unwrap_or_default())
    }

    /// [`Language::resolve`] with the process's own environment.
    pub fn from_setting_and_env(setting: Option<&str>) -> Result<Language, String> {
        Language::resolve(setting, |var| std::env::var(var).ok())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn the_config_setting_wins_over_the_locale() {
        let e = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(Language::resolve(Some("nl"), &e), Ok(Language::Nl));
        let e = env(&[("LC_ALL", "nl_NL.UTF-8")]);
        assert_eq!(Language::resolve(Some("en"), &e), Ok(Language::En));
    }

    #[test]
    fn the_locale_is_read_in_posix_order() {
        let all = env(&[
            ("LC_ALL", "nl_NL.UTF-8"),
            ("LC_MESSAGES", "en_GB"),
            ("LANG", "en_US"),
        ]);
        assert_eq!(Language::resolve(None, all), Ok(Language::Nl));
        let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "en_GB"), ("LANG", "nl_NL")]);
        assert_eq!(Language::resolve(None, messages), Ok(Language::En));
        let lang = env(&[("LANG", "nl_BE@euro")]);
        assert_eq!(Language::resolve(None, lang), Ok(Language::Nl));
    }

    #[test]
    fn nothing_set_or_another_language_is_english() {
        assert_eq!(Language::resolve(None, env(&[])), Ok(Language::En));
        for other in ["C", "POSIX", "fr_FR.UTF-8", "de_DE", "C.UTF-8", "nld"] {
            assert_eq!(
                Language::resolve(None, env(&[("LANG", other)])),
                Ok(Language::En),
                "{other}"
            );
        }
    }

    #[test]
    fn an_unknown_setting_is_refused_in_a_sentence() {
        let err = Language::resolve(Some("fr"), env(&[])).unwrap_err();
        assert_eq!(
            err,
            "language `fr` is not offered; use \"nl\" (Nederlands) or \"en\" (English)"
        );
        assert_eq!(Language::parse_setting(" NL "), Ok(Language::Nl));
        assert_eq!(Language::parse_setting("nl-NL"), Ok(Language::Nl));
    }
}
