//! Every sentence a `wortel` command prints comes from the catalogue (issue 20): this reads the
//! sources of `src/cli/` and fails on a string literal with words in it given to an output
//! macro (`outln!`, `out!`, `errln!`, `tell!` takes an id), to an error constructor (`bail!`,
//! `anyhow!`, `.context`, `.with_context`) or to the view's status line (`app.error`), directly
//! or through `format!`. Literals that are only placeholders and punctuation (`"  {}"`,
//! `"wortel: {e}"`) say nothing in any language and pass. Tests inside the files are not read.

use std::path::{Path, PathBuf};

/// What may stay a literal, each with why it is not a user's sentence.
const NOT_USER_FACING: &[(&str, &str, &str)] = &[(
    "tui.rs",
    "first frame after",
    "the hidden `debug-first-frame` command's measurement line, read by the start-up bench",
)];

const CALLS: &[&str] = &[
    "outln!(",
    "out!(",
    "errln!(",
    "bail!(",
    "anyhow!(",
    ".context(",
    ".with_context(",
    "app.error(",
];

/// The string literal that opens the arguments at `rest` (after `(`), if one does: skipping
/// `|| `, `&` and `format!(` in front of it.
fn first_literal(rest: &str) -> Option<String> {
    let mut s = rest.trim_start();
    loop {
        let before = s;
        for skip in ["||", "&", "format!(", "move"] {
            if let Some(r) = s.strip_prefix(skip) {
                s = r.trim_start();
            }
        }
        if s == before {
            break;
        }
    }
    let (body, raw) = if let Some(r) = s.strip_prefix("r#\"") {
        (r, Some("\"#"))
    } else if let Some(r) = s.strip_prefix('"') {
        (r, None)
    } else {
        return None;
    };
    let mut out = String::new();
    match raw {
        Some(end) => out.push_str(&body[..body.find(end)?]),
        None => {
            let mut chars = body.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                        out.push(' ');
                    }
                    '"' => break,
                    c => out.push(c),
                }
            }
        }
    }
    Some(out)
}

/// Whether a literal says something: letters left once placeholders (`{}`, `{name:<8}`) and the
/// program's own name in front of an error are taken out.
fn says_words(literal: &str) -> bool {
    let mut bare = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let bare = bare.trim_start().trim_start_matches("wortel:");
    bare.chars().any(char::is_alphabetic)
}

/// The user-facing literals of one source text: `(line, literal)`.
fn offenders(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut found = Vec::new();
    for call in CALLS {
        for (at, _) in code.match_indices(call) {
            let line_start = code[..at].rfind('\n').map_or(0, |i| i + 1);
            if code[line_start..at].contains("//") {
                continue;
            }
            if let Some(lit) = first_literal(&code[at + call.len()..]) {
                if says_words(&lit) {
                    found.push((code[..at].matches('\n').count() + 1, lit));
                }
            }
        }
    }
    found
}

fn cli_sources() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    files
}

#[test]
fn no_sentence_in_src_cli_is_outside_the_catalogue() {
    let mut bad = Vec::new();
    let mut allowed_used = vec![false; NOT_USER_FACING.len()];
    let files = cli_sources();
    assert!(files.len() > 20, "src/cli is read: {files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        for (line, lit) in offenders(&text) {
            let allowed = NOT_USER_FACING
                .iter()
                .position(|(f, start, _)| *f == name && lit.starts_with(start));
            match allowed {
                Some(i) => allowed_used[i] = true,
                None => bad.push(format!("src/cli/{name}:{line}: \"{lit}\"")),
            }
        }
    }
    assert!(
        bad.is_empty(),
        "say these through the catalogue (crates/wortel-core/i18n/{{en,nl}}/cli.ftl, said!/tell!):\n{}",
        bad.join("\n")
    );
    for (used, (file, start, _)) in allowed_used.iter().zip(NOT_USER_FACING) {
        assert!(
            used,
            "the allow-list names `{start}` in {file}, which is gone: drop it"
        );
    }
}

#[test]
fn the_scan_finds_a_sentence_in_each_form_and_passes_what_says_nothing() {
    let src = r##"
fn f() {
    outln!("imported {name}: {} new leads", n);
    bail!(
        "the store is gone"
    );
    let e = x.with_context(|| format!("could not move {}", p));
    errln!("wortel: {e:#}");
    outln!("  {:<22} {}", a, b);
    // outln!("a comment is not output");
    tell!(ctx, "import-sheet", file = name);
    anyhow::bail!(said!("deal-flag-empty", flag = flag));
    let r = y.context(r#"raw words"#);
}
#[cfg(test)]
mod tests {
    fn t() { outln!("in a test"); }
}
"##;
    let found: Vec<String> = offenders(src).into_iter().map(|(_, l)| l).collect();
    assert_eq!(found.len(), 4, "{found:?}");
    for words in [
        "imported {name}: {} new leads",
        "the store is gone",
        "could not move {}",
        "raw words",
    ] {
        assert!(found.iter().any(|f| f == words), "{words}: {found:?}");
    }
}
