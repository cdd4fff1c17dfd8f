//! Drawing only reads: every draw function of the view takes the app (or a pane's state) by
//! `&`, and what depends on the frame's size happens in `App::prepare` before it. This scans the
//! source, so a draw function that takes `&mut App` again fails here, not in a review.

use std::path::{Path, PathBuf};

/// The state a draw function must not be able to change.
const STATE: [&str; 5] = [
    "App",
    "InboxPane",
    "AccountsPane",
    "FunnelPane",
    "AccountView",
];

/// Files that hold only drawing: every function in them counts as a draw function.
fn is_drawing_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with("view.rs") || name == "funnel_card.rs" || name == "inbox_preview.rs"
}

/// Each function signature in `source` (from `fn` to its body or `;`), with its name.
fn signatures(source: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("fn ") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 3..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        let end = rest.find(['{', ';']).unwrap_or(rest.len());
        found.push((name, rest[..end].to_string()));
    }
    found
}

/// The draw functions of `source` (from file `path`) that take state by `&mut`.
fn mutating_draws(path: &Path, source: &str) -> Vec<String> {
    let drawing = is_drawing_file(path);
    signatures(source)
        .into_iter()
        .filter(|(name, _)| drawing || name.starts_with("draw"))
        .filter(|(_, sig)| {
            let sig: String = sig.split_whitespace().collect::<Vec<_>>().join(" ");
            STATE.iter().any(|s| {
                sig.contains(&format!("&mut {s}")) || sig.contains(&format!("&'_ mut {s}"))
            })
        })
        .map(|(name, _)| format!("{}: fn {name}", path.display()))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_draw_function_takes_the_app_or_a_pane_by_mut() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &mut files,
    );
    let mut draws = 0;
    let mut offenders = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        draws += signatures(&source)
            .iter()
            .filter(|(name, _)| is_drawing_file(path) || name.starts_with("draw"))
            .count();
        offenders.extend(mutating_draws(path, &source));
    }
    // The scan finds the view's draw functions at all (a scan that finds none proves nothing).
    assert!(
        draws > 30,
        "only {draws} draw functions found under src/tui"
    );
    assert!(
        offenders.is_empty(),
        "draw functions that can change state (move that into App::prepare): {offenders:#?}"
    );
}

#[test]
fn the_scan_catches_a_draw_function_that_takes_mut_app() {
    let pane = Path::new("src/tui/panes/accounts.rs");
    let view = Path::new("src/tui/panes/accounts_view.rs");
    let bad = "pub fn draw(frame: &mut Frame, area: Rect,\n    app: &mut App) {}";
    assert_eq!(mutating_draws(pane, bad).len(), 1);
    let bad_helper = "fn cells<'a>(app: &mut AccountsPane, i: usize) -> Vec<Cell<'a>> {}";
    assert_eq!(mutating_draws(view, bad_helper).len(), 1);
    // Outside drawing files only draw functions count; `&mut Frame` is what drawing needs.
    assert!(mutating_draws(pane, "fn prepare(&mut self, app: &mut App) {}").is_empty());
    assert!(mutating_draws(view, "fn draw(frame: &mut Frame, app: &App) {}").is_empty());
}
