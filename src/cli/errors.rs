//! An error said in the reader's language. A command's error is a chain (`context: cause`); each
//! link that knows its catalogue sentence is said from the catalogue — a [`Said`] the CLI built,
//! or a store error, whose variants map to catalogue ids here — and the others in their own
//! words. The match over [`StoreError`] is exhaustive, so a new variant does not compile until
//! it has its sentence in both catalogues.

use super::say::Said;
use wortel::store::{DiskProblem, StoreError};
use wortel_core::lang::Language;
use wortel_core::said;

/// The whole chain as one line, as `{e:#}` writes it, in `lang`.
pub fn sentence(e: &anyhow::Error, lang: Language) -> String {
    e.chain()
        .map(|l| link(l, lang))
        .collect::<Vec<_>>()
        .join(": ")
}

/// One link of the chain in `lang`.
pub fn link(link: &(dyn std::error::Error + 'static), lang: Language) -> String {
    if let Some(s) = link.downcast_ref::<Said>() {
        return s.say(lang);
    }
    if let Some(s) = link.downcast_ref::<StoreError>() {
        return store(s).map_or_else(|| s.to_string(), |said| said.say(lang));
    }
    link.to_string()
}

/// The store's sentence by its catalogue id; `None` for one that is another error's (a domain
/// rule's sentence, which the domain words itself).
fn store(e: &StoreError) -> Option<Said> {
    Some(match e {
        StoreError::InUse(p) => said!("store-in-use", path = p.display()),
        StoreError::Missing(p) => said!("store-missing", path = p.display()),
        StoreError::NotAStore(p) => said!("store-not-a-store", path = p.display()),
        StoreError::NotADirectory(p) => said!("store-not-a-directory", path = p.display()),
        StoreError::TooNew {
            path,
            found,
            supported,
        } => said!(
            "store-too-new",
            path = path.display(),
            found = found,
            supported = supported
        ),
        StoreError::NoIdentity => said!("store-no-identity"),
        StoreError::Domain(_) => return None,
        StoreError::NotFound { what, id, list } => said!(
            "store-not-found",
            what = record_word(what),
            id = id,
            list = *list
        ),
        StoreError::Corrupt { tree, id, detail } => {
            said!("store-corrupt", tree = *tree, id = id, detail = detail)
        }
        StoreError::Io { path, detail } => match DiskProblem::of(detail) {
            Some(DiskProblem::Full) => said!("store-disk-full", path = path.display()),
            Some(DiskProblem::ReadOnly) => said!("store-read-only", path = path.display()),
            Some(DiskProblem::NotAllowed) => said!("store-not-allowed", path = path.display()),
            None => said!("store-io", path = path.display(), detail = detail),
        },
        StoreError::Damaged { path, what, advice } => said!(
            "store-damaged",
            path = path.display(),
            what = what,
            advice = advice
        ),
        StoreError::BadBackup { file, why } => {
            said!("store-bad-backup", file = file.display(), why = why)
        }
    })
}

/// The kind of record a "does not exist" names, as a selector the catalogue turns into its
/// word (an opportunity is a deal in Dutch).
fn record_word(what: &str) -> &'static str {
    match what {
        "lead" => "lead",
        "account" => "account",
        "contact" => "contact",
        "opportunity" | "deal" => "opportunity",
        "activity" => "activity",
        "appointment" => "appointment",
        _ => "record",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nl};

    #[test]
    fn a_store_error_is_said_in_either_language_and_a_cause_keeps_its_words() {
        let e = anyhow::Error::from(StoreError::Missing("/s".into()));
        assert_eq!(
            sentence(&e, En),
            "there is no wortel store at /s; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`"
        );
        assert!(
            sentence(&e, Nl).starts_with("er is geen wortel-opslag in /s"),
            "{}",
            sentence(&e, Nl)
        );
        let e = e.context(said!("file-named", file = "x.zip"));
        assert!(
            sentence(&e, Nl).starts_with("x.zip: er is geen wortel-opslag"),
            "{}",
            sentence(&e, Nl)
        );
        let plain = anyhow::anyhow!("plain words");
        assert_eq!(sentence(&plain, Nl), "plain words");
    }

    /// The catalogue's English is the store's own sentence, so the CLI says what the view says.
    #[test]
    fn the_english_catalogue_says_what_the_store_error_says() {
        let errors = [
            StoreError::InUse("/s".into()),
            StoreError::Missing("/s".into()),
            StoreError::NotAStore("/s".into()),
            StoreError::NotADirectory("/s".into()),
            StoreError::TooNew {
                path: "/s".into(),
                found: 9,
                supported: 2,
            },
            StoreError::NoIdentity,
            StoreError::NotFound {
                what: "lead",
                id: "L1".into(),
                list: "leads",
            },
            StoreError::Corrupt {
                tree: "leads",
                id: "L1".into(),
                detail: "bad".into(),
            },
            StoreError::Io {
                path: "/s".into(),
                detail: "No space left on device (os error 28)".into(),
            },
            StoreError::Io {
                path: "/s".into(),
                detail: "Read-only file system (os error 30)".into(),
            },
            StoreError::Io {
                path: "/s".into(),
                detail: "Permission denied (os error 13)".into(),
            },
            StoreError::Io {
                path: "/s".into(),
                detail: "boom".into(),
            },
            StoreError::Damaged {
                path: "/s".into(),
                what: "no conf".into(),
                advice: "restore".into(),
            },
            StoreError::BadBackup {
                file: "/b".into(),
                why: "why".into(),
            },
        ];
        for e in errors {
            let said = store(&e).unwrap();
            assert_eq!(said.say(En), e.to_string());
            assert_ne!(said.say(Nl), e.to_string(), "{}", said.id());
        }
    }
}
