//! Commands beside the open full-screen view (`wortel::serve`). On the asking side a command
//! whose store is held by a live view is sent there; on the view's side it is parsed and run
//! like any command, with the view's open store, its output streamed back, and what it wrote
//! handed to the view to show and undo.

use super::context::Context;
use super::{Cli, Command, output};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use wortel::serve::client::{Forwarded, forward};
use wortel::serve::protocol::{Request, VERSION};
use wortel::serve::server::{Handler, Output};
use wortel::serve::{Served, turn};
use wortel::store::{EntityKind, Recorded, Store, record_receipts};
use wortel_core::said;

/// The environment a command reads, sent along with it.
const SENT_ENV: [&str; 1] = ["WORTEL_NOW"];

/// Asks the view holding the store to run this command line; `None` when nobody serves it
/// (run it here), else the exit code after its output was printed.
pub fn ask_holder(cli: &Cli) -> Option<u8> {
    if matches!(cli.command, Some(Command::Completions(_) | Command::Man(_))) {
        return None;
    }
    let store = Context::new(cli.store.clone()).ok()?.store;
    let argv: Option<Vec<String>> = std::env::args_os().map(|a| a.into_string().ok()).collect();
    let request = Request {
        version: VERSION,
        // A command line that is not UTF-8 cannot travel as JSON: it runs here (and finds the
        // store in use, as before).
        argv: argv?,
        cwd: std::env::current_dir()
            .ok()?
            .into_os_string()
            .into_string()
            .ok()?,
        store: store.clone().into_os_string().into_string().ok()?,
        env: sent_env(),
        columns: super::table::terminal_width(),
        terminal: output::on_a_terminal(),
    };
    match forward(
        &store,
        &request,
        &mut std::io::stdout().lock(),
        // Not locked: the client may say on it that the view is suspended, from a thread.
        &mut std::io::stderr(),
    ) {
        Forwarded::Alone => None,
        Forwarded::Done(code) => Some(code),
    }
}

/// [`SENT_ENV`] as this terminal has it, and its configuration directory, resolved here (the
/// view's may differ: another `WORTEL_CONFIG`, another home).
fn sent_env() -> BTreeMap<String, String> {
    let mut env: BTreeMap<String, String> = SENT_ENV
        .iter()
        .filter_map(|k| std::env::var(k).ok().map(|v| (k.to_string(), v)))
        .collect();
    let config = wortel::tui::config::config_dir()
        .and_then(|d| std::path::absolute(d).ok())
        .and_then(|d| d.into_os_string().into_string().ok());
    if let Some(dir) = config {
        env.insert("WORTEL_CONFIG".into(), dir);
    }
    // The language this terminal reads (its config.toml, else its locale), so the answer is
    // in it, not in the view's.
    let lang = super::say::reader_language();
    env.insert("WORTEL_LANGUAGE".into(), lang.code().into());
    env
}

/// The view's side: runs requests with its open `store`.
pub fn handler(store: Arc<Store>) -> Arc<Handler> {
    Arc::new(move |request: Request, out: Output| run_request(&store, request, out))
}

fn run_request(store: &Arc<Store>, request: Request, out: Output) -> (u8, Option<Served>) {
    let say = |text: String| {
        let _ = out.write(true, text.as_bytes());
    };
    let parsed = super::help::command(super::say::reader_language())
        .try_get_matches_from(&request.argv)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            say(e.render().to_string());
            return (e.exit_code().clamp(0, 255) as u8, None);
        }
    };
    if let Some(why) = not_beside_view(cli.command.as_ref(), request.terminal) {
        say(format!("wortel: {why}\n"));
        return (1, None);
    }
    let kind = Kind::of(cli.command.as_ref());
    let _turn = turn();
    let Some(_cwd) = InDir::enter(&request.cwd) else {
        let said = said!("view-cannot-enter", dir = &request.cwd);
        say(format!(
            "wortel: {}\n",
            said.say(super::say::reader_language())
        ));
        return (1, None);
    };
    let first_line = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let sink = sink(out.clone(), first_line.clone());
    let held = Some(store.clone());
    let (code, recorded) = output::redirect(sink, request.columns, || {
        record_receipts(|| {
            let run = std::panic::AssertUnwindSafe(|| {
                panic_for_test();
                let ctx = Context::with_clock(
                    Some(PathBuf::from(&request.store)),
                    request.env.get("WORTEL_NOW").cloned(),
                    held,
                )
                .map(|mut ctx| {
                    ctx.config_dir = request.env.get("WORTEL_CONFIG").map(PathBuf::from);
                    if let Some(lang) = asked_language(&request) {
                        ctx.set_lang(lang);
                    }
                    ctx
                });
                let lang = asked_language(&request).unwrap_or_else(super::say::reader_language);
                super::report_in(ctx.and_then(|ctx| super::dispatch(&ctx, cli)), lang)
            });
            // A bug in a command must not end the view; the asking terminal hears of it, as
            // alone (exit 101). Its writes are one commit each, so nothing is half-written.
            std::panic::catch_unwind(run).unwrap_or_else(|panic| {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let said = said!("view-command-panicked", what = what);
                errln!("wortel: {}", said.say(super::say::reader_language()));
                101
            })
        })
    });
    let first_line = first_line.borrow().clone();
    (code, kind.served(&first_line, recorded))
}

/// The language the asking terminal reads, as it sent it (none from an older client).
fn asked_language(request: &Request) -> Option<wortel_core::lang::Language> {
    let code = request.env.get("WORTEL_LANGUAGE")?;
    wortel_core::lang::Language::parse_setting(code).ok()
}

/// With `WORTEL_TEST_PANIC_REQUEST` in the view's environment its first request panics before
/// it runs: a test of the guard that keeps a command's bug from ending the view.
fn panic_for_test() {
    static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if std::env::var_os("WORTEL_TEST_PANIC_REQUEST").is_some()
        && !PANICKED.swap(true, std::sync::atomic::Ordering::SeqCst)
    {
        panic!(
            "WORTEL_TEST_PANIC_REQUEST is set: a deliberate panic in a command run for another terminal"
        );
    }
}

/// Output goes to the client as it is printed; its first line names the change in the view.
fn sink(out: Output, first_line: std::rc::Rc<std::cell::RefCell<String>>) -> output::Sink {
    Box::new(move |err, bytes| {
        let mut line = first_line.borrow_mut();
        if !err && !line.contains('\n') && line.len() < 300 {
            line.push_str(&String::from_utf8_lossy(bytes));
        }
        out.write(err, bytes)
    })
}

/// The sentence for a command that cannot run while the view has the store open (bare `wortel`
/// on a terminal would open a second view; elsewhere it prints the summary, as alone).
fn not_beside_view(command: Option<&Command>, terminal: bool) -> Option<String> {
    let why = match command {
        None if terminal => "switch",
        Some(Command::Demo(_)) => "demo",
        Some(Command::Init(_)) => "init",
        Some(Command::Restore(_)) => "restore",
        Some(Command::DebugWriteLoop(_) | Command::DebugFirstFrame) => "debug",
        _ => return None,
    };
    let said = wortel_core::said!(
        "view-holds-store",
        pid = std::process::id().to_string(),
        why = why
    );
    Some(said.say(super::say::reader_language()))
}

/// How a command's writes join the view: as an undo step, or (an import, an erasure) as a
/// change that drops the steps it touched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Import,
    Erasure,
    Step,
}

impl Kind {
    fn of(command: Option<&Command>) -> Kind {
        use super::privacy::PrivacyCommand;
        match command {
            Some(Command::Import(_)) => Kind::Import,
            Some(Command::Privacy(PrivacyCommand::Erase { .. } | PrivacyCommand::Purge { .. })) => {
                Kind::Erasure
            }
            _ => Kind::Step,
        }
    }

    fn served(self, first_line: &str, recorded: Recorded) -> Option<Served> {
        let Recorded {
            mut receipts,
            import,
        } = recorded;
        // Bookkeeping alone (a feedback export's marks) is nothing to show or undo.
        receipts.retain(|r| !r.before.is_empty());
        if receipts.is_empty() && import.is_none() {
            return None;
        }
        let line = first_line.lines().next().unwrap_or("").trim();
        let label = match self {
            Kind::Import => {
                let new_leads = receipts
                    .iter()
                    .flat_map(|r| &r.before)
                    .filter(|(k, _, before)| *k == EntityKind::Lead && before.is_none())
                    .count()
                    + import.as_ref().map_or(0, |i| i.new_leads);
                said!("served-import", count = new_leads)
            }
            _ if line.is_empty() => said!("served-change"),
            _ => said!("served-line", line = line),
        };
        let label = label.say(super::say::reader_language());
        Some(Served {
            label,
            receipts,
            not_undoable: self != Kind::Step || import.is_some(),
            import,
        })
    }
}

/// The process's working directory moved to the client's for one request (relative paths in
/// its command line mean what they mean there), and back when dropped. Safe because requests
/// take [`turn`] and the view opens its files by absolute path.
struct InDir(Option<PathBuf>);

impl InDir {
    fn enter(dir: &str) -> Option<InDir> {
        let before = std::env::current_dir().ok();
        std::env::set_current_dir(dir).ok()?;
        Some(InDir(before))
    }
}

impl Drop for InDir {
    fn drop(&mut self) {
        if let Some(d) = &self.0 {
            let _ = std::env::set_current_dir(d);
        }
    }
}
