//! Privacy in the full-screen view: at start it counts, on a thread of its own, what is past its
//! retention period and says so in the status bar; `Ctrl-b` writes a backup of the open store
//! in the background and names the file when done.

mod tui_support;
use tui_support::*;
use wortel::ops::{RetentionPolicy, purge_due};

fn last_line(frame: &str) -> String {
    frame.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_status_bar_says_when_a_purge_is_due() {
    let (_dir, _path, mut app) = demo_app();
    // Short periods, so the demo's rejected and disqualified leads are past them.
    let policy = RetentionPolicy {
        rejected_lead_days: 1,
        disqualified_lead_days: 1,
        ex_customer_days: 36_500,
        ..RetentionPolicy::default()
    };
    let due = purge_due(&app.store, &policy, now()).unwrap().len();
    assert!(due > 0, "the demo has leads past a one-day period");
    app.check_retention(policy);
    app.finish_jobs();
    let frame = render(&mut app, 160, 20);
    let status = last_line(&frame);
    assert!(
        status.starts_with(&format!(
            "privacy: {due} records past their retention period — run `wortel privacy purge`"
        )),
        "{status}"
    );
    assert!(status.contains("purge due │ DEMO"), "{status}");
    // On a narrow terminal the standing reminder stays.
    let narrow = last_line(&render(&mut app, 80, 20));
    assert!(narrow.contains("purge due"), "{narrow}");
}

#[test]
fn nothing_is_said_when_nothing_is_due() {
    let (_dir, _path, mut app) = demo_app();
    let before = render(&mut app, 160, 20);
    let policy = RetentionPolicy {
        rejected_lead_days: 36_500,
        disqualified_lead_days: 36_500,
        ex_customer_days: 36_500,
        ..RetentionPolicy::default()
    };
    app.check_retention(policy);
    app.finish_jobs();
    assert_eq!(render(&mut app, 160, 20), before);
    assert!(app.notice.is_none());
}
