//! `--help`, the usage lines and the man page in the reader's language: clap's command is built
//! from the derive definitions, then every (sub)command's `about` and every argument's `help`
//! is set from the catalogue (`i18n/{en,nl}/help.ftl`) by its path: `help-leads-reject` for
//! `wortel leads reject`, `help-leads-reject--reason` for its `--reason`. A test fails when a
//! command or argument shown in the help has no text in the catalogue.

use clap::CommandFactory;
use wortel_core::i18n;
use wortel_core::lang::Language;

/// The command line as the reader reads it.
pub fn command(lang: Language) -> clap::Command {
    built(super::Cli::command(), lang)
}

/// `cmd` built and in `lang` (the man page takes the command without its help subcommand).
pub fn built(mut cmd: clap::Command, lang: Language) -> clap::Command {
    // Built first, so the generated --help/--version and the global --store are on every
    // subcommand and get their words too.
    cmd.build();
    in_language(cmd, "help", lang)
}

/// `cmd` (whose id path is `path`) with its own text and every argument's and subcommand's
/// from the catalogue; what the catalogue lacks keeps the words of the source.
fn in_language(mut cmd: clap::Command, path: &str, lang: Language) -> clap::Command {
    if let Some(text) = looked_up(lang, path) {
        cmd = cmd.about(first_paragraph(&text)).long_about(text);
    }
    let args: Vec<(String, bool, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_global_set(), a.is_positional()))
        .collect();
    let options = i18n::text(lang, "help-heading-options");
    let arguments = i18n::text(lang, "help-heading-arguments");
    for (arg, global, positional) in args {
        let own = format!("{path}--{arg}");
        let text = match arg.as_str() {
            "help" => looked_up(lang, "help-flag-help"),
            "version" => looked_up(lang, "help-flag-version"),
            _ => looked_up(lang, &own).or_else(|| {
                // A global argument is described once, on wortel itself.
                global
                    .then(|| looked_up(lang, &format!("help--{arg}")))
                    .flatten()
            }),
        };
        // English keeps clap's own headings, which the man page's section names rely on.
        let heading = match lang {
            Language::En => None,
            _ if positional => Some(arguments.clone()),
            _ => Some(options.clone()),
        };
        cmd = cmd.mut_arg(&arg, |a| {
            let a = match heading {
                Some(h) => a.help_heading(h),
                None => a,
            };
            match text {
                Some(t) => a.help(first_paragraph(&t)).long_help(t),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let sub_path = format!("{path}-{sub}");
        cmd = cmd.mut_subcommand(&sub, |s| in_language(s, &sub_path, lang));
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        i18n::text(lang, "help-usage")
    );
    let cmd = cmd.help_template(template);
    match lang {
        Language::En => cmd,
        _ => cmd.subcommand_help_heading(i18n::text(lang, "help-heading-commands")),
    }
}

fn first_paragraph(text: &str) -> String {
    text.split("\n\n").next().unwrap_or(text).to_string()
}

fn looked_up(lang: Language, id: &str) -> Option<String> {
    i18n::has(lang, id).then(|| i18n::text(lang, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument `--help` shows has its words in both catalogues: a new
    /// subcommand or flag without them fails here, naming the id to add.
    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>, seen: &mut usize) {
            let mut need = vec![path.to_string()];
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                let shown = !a.is_hide_set() && !matches!(id, "help" | "version");
                if shown && (a.get_help().is_some() || a.get_long_help().is_some()) {
                    need.push(format!("{path}--{id}"));
                }
            }
            for id in need {
                *seen += 1;
                for lang in Language::ALL {
                    if !i18n::has(lang, &id) {
                        missing.push(format!("{lang}: {id}"));
                    }
                }
            }
            for s in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                walk(s, &format!("{path}-{}", s.get_name()), missing, seen);
            }
        }
        let (mut missing, mut seen) = (Vec::new(), 0);
        walk(
            &super::super::Cli::command(),
            "help",
            &mut missing,
            &mut seen,
        );
        assert!(
            missing.is_empty(),
            "add to i18n/*/help.ftl:\n{}",
            missing.join("\n")
        );
        assert!(seen > 100, "{seen} texts");
    }

    #[test]
    fn the_help_of_a_subcommand_is_dutch_or_english_as_the_reader_reads() {
        let help = |lang| {
            let mut cmd = command(lang);
            let leads = cmd.find_subcommand_mut("leads").expect("leads");
            let reject = leads.find_subcommand_mut("reject").expect("reject");
            reject.render_long_help().to_string()
        };
        let nl = help(Language::Nl);
        assert!(nl.starts_with("Wijs leads af, met een reden"), "{nl}");
        assert!(nl.contains("Gebruik: wortel leads reject"), "{nl}");
        assert!(
            nl.contains("Opties:") && nl.contains("De opslagmap"),
            "{nl}"
        );
        let en = help(Language::En);
        assert!(en.starts_with("Reject leads, with a reason"), "{en}");
        assert!(
            en.contains("Usage: wortel leads reject") && en.contains("Options:"),
            "{en}"
        );
    }

    /// Prints the English catalogue of the help as the source has it (run by hand with
    /// `--ignored --nocapture` after adding a command, then translate the new lines).
    #[test]
    #[ignore = "a generator run by hand after adding a command (it prints, it checks nothing); the check is every_command_and_argument_has_its_help_in_both_languages"]
    fn print_the_help_catalogue_from_the_source() {
        fn walk(cmd: &clap::Command, path: &str, out: &mut String) {
            let text = cmd.get_long_about().or(cmd.get_about());
            if let Some(t) = text {
                entry(out, path, &t.to_string());
            }
            for a in cmd.get_arguments() {
                if a.is_hide_set() || a.get_id() == "help" || a.get_id() == "version" {
                    continue;
                }
                let text = a.get_long_help().or(a.get_help());
                if let Some(t) = text {
                    entry(out, &format!("{path}--{}", a.get_id()), &t.to_string());
                }
            }
            for s in cmd.get_subcommands() {
                if !s.is_hide_set() {
                    walk(s, &format!("{path}-{}", s.get_name()), out);
                }
            }
        }
        fn entry(out: &mut String, id: &str, text: &str) {
            out.push_str(id);
            out.push_str(" =");
            for line in text.lines() {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str("\n    ");
                    out.push_str(line);
                }
            }
            out.push('\n');
        }
        let mut out = String::new();
        walk(&super::super::Cli::command(), "help", &mut out);
        outln!("{out}");
    }
}
