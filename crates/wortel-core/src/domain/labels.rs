//! The domain's words in the reader's language: statuses, stages, outcomes, kinds, lifecycles,
//! channels and the shipped reasons. Records, bundles, `--json` and CSV keep the English
//! machine names; these labels are for screens and listings only.

use super::{ActivityKind, Channel, LeadStatus, Lifecycle, Outcome, Stage};
use crate::i18n;
use crate::lang::Language;

/// A label from the catalogue: `prefix-machine-name`.
fn label(lang: Language, prefix: &str, machine: &str) -> String {
    i18n::text(lang, &format!("{prefix}-{machine}"))
}

impl LeadStatus {
    /// `nieuw`, `geaccepteerd`, … (nl) or the machine name (en).
    pub fn label(self, lang: Language) -> String {
        label(lang, "status", self.as_str())
    }
}

impl Stage {
    /// `kwalificatie`, `afspraak`, `offerte`, `onderhandeling`, `gewonnen`, `verloren` (nl).
    pub fn label(self, lang: Language) -> String {
        label(lang, "stage", self.as_str())
    }
}

impl Outcome {
    /// `afspraak gemaakt`, `offerte gestuurd`, … (nl), `appointment made`, … (en).
    pub fn label(self, lang: Language) -> String {
        label(lang, "outcome", self.as_str())
    }
}

impl ActivityKind {
    pub fn label(self, lang: Language) -> String {
        label(lang, "kind", self.as_str())
    }
}

impl Lifecycle {
    pub fn label(self, lang: Language) -> String {
        label(lang, "lifecycle", self.as_str())
    }
}

impl Channel {
    pub fn label(self, lang: Language) -> String {
        label(lang, "channel", self.as_str())
    }
}

/// The catalogue id of a reason: `reason-` and its words joined by `-`, apostrophes dropped
/// (`competitor's customer` → `reason-competitors-customer`).
fn reason_id(reason: &str) -> String {
    let words: Vec<String> = reason
        .to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    format!("reason-{}", words.join("-"))
}

/// A reason in the reader's language. A store's own reason (not in the shipped lists) has no
/// translation and shows as it was typed.
pub fn reason_label(reason: &str, lang: Language) -> String {
    let id = reason_id(reason);
    if i18n::has(lang, &id) {
        i18n::text(lang, &id)
    } else {
        reason.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nl};

    #[test]
    fn every_machine_name_has_a_label_in_both_languages() {
        for lang in Language::ALL {
            for s in LeadStatus::ALL {
                assert!(i18n::has(lang, &format!("status-{}", s.as_str())), "{s}");
            }
            for s in Stage::ALL {
                assert!(i18n::has(lang, &format!("stage-{}", s.as_str())), "{s}");
            }
            for o in Outcome::ALL {
                assert!(i18n::has(lang, &format!("outcome-{}", o.as_str())), "{o}");
            }
            let reasons = crate::domain::Reasons::default();
            for r in reasons.reject.iter().chain(&reasons.lost) {
                assert!(i18n::has(lang, &reason_id(r)), "{r}");
            }
        }
    }

    #[test]
    fn dutch_words_for_the_domain() {
        assert_eq!(LeadStatus::New.label(Nl), "nieuw");
        assert_eq!(LeadStatus::Converted.label(Nl), "omgezet");
        assert_eq!(Stage::Qualify.label(Nl), "kwalificatie");
        assert_eq!(Stage::Qualify.label(En), "qualify");
        assert_eq!(Outcome::QuoteSent.label(Nl), "offerte gestuurd");
        assert_eq!(
            reason_label("competitor's customer", Nl),
            "klant van concurrent"
        );
        assert_eq!(reason_label("our own reason", Nl), "our own reason");
    }
}
