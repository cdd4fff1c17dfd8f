//! `wortel funnel`: the pipeline per stage, the weighted forecast and the win rate.

mod common;
use common::*;

const STAGES: [&str; 6] = [
    "qualify",
    "appointment",
    "quote",
    "negotiation",
    "won",
    "lost",
];

#[test]
fn the_funnel_table_has_a_row_per_stage_and_the_forecast() {
    let (_dir, store) = demo_store();
    let out = stdout_of(wortel(&store).arg("funnel"));
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["STAGE", "PROB", "DEALS", "VALUE", "WEIGHTED"]);
    for stage in STAGES {
        assert!(
            out.lines()
                .any(|l| l.split_whitespace().next() == Some(stage)),
            "no row for {stage}: {out}"
        );
    }
    // The default period is the current quarter, as on the board.
    assert!(
        out.contains("forecast, open deals closing in 2026-Q4: weighted "),
        "{out}"
    );
    assert!(out.contains("won in 2026-Q4: € "), "{out}");
    let all = stdout_of(wortel(&store).args(["funnel", "--period", "all"]));
    assert!(all.contains("forecast, all open deals: weighted "), "{all}");
}

#[test]
fn funnel_json_is_one_array_of_opportunities_with_id_stage_and_account() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let text = stdout_of(wortel(&store).args(["funnel", "--json"]));
    assert!(text.starts_with('[') && text.ends_with("]\n"));
    let opps = list(&store, &["funnel", "--json"]);
    assert!(!opps.is_empty(), "the demo has a pipeline");
    let accounts = list(&store, &["accounts", "--json"]);
    for o in &opps {
        assert!(!s(o, "id").is_empty(), "{o}");
        assert!(STAGES.contains(&s(o, "stage")), "{o}");
        assert!(
            accounts
                .iter()
                .any(|a| a["id"] == o["account_id"] && a["name"] == o["account"]),
            "{o}"
        );
    }
}

#[test]
fn the_forecast_is_the_sum_of_the_weighted_open_deals() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let opps = list(&store, &["funnel", "--json"]);
    let sum: i64 = opps
        .iter()
        .filter(|o| OPEN_STAGES.contains(&s(o, "stage")))
        .map(|o| o["weighted_cents"].as_i64().unwrap())
        .sum();
    let totals = json(&store, &["funnel", "--totals", "--json"]);
    assert!(totals.is_object(), "{totals}");
    assert_eq!(totals["forecast"].as_i64(), Some(sum), "{totals}");
    assert!(sum > 0, "the demo has open deals");
    // Per opportunity, weighted is value × the stage's probability.
    for o in &opps {
        let p = match s(o, "stage") {
            "qualify" => 10,
            "appointment" => 25,
            "quote" => 50,
            "negotiation" => 75,
            "won" => 100,
            _ => 0,
        };
        let v = o["value_cents"].as_i64().unwrap();
        let w = o["weighted_cents"].as_i64().unwrap();
        assert!((w - v * p / 100).abs() <= 1, "{o}");
    }
}

#[test]
fn stage_narrows_the_json_listing() {
    let (_dir, store) = scratch();
    demo(&store, 40, 7);
    let all = list(&store, &["funnel", "--json"]);
    let won_lost = list(&store, &["funnel", "--stage", "won,lost", "--json"]);
    let expected: Vec<_> = all
        .iter()
        .filter(|o| o["stage"] == "won" || o["stage"] == "lost")
        .cloned()
        .collect();
    assert_eq!(won_lost, expected);
}

#[test]
fn an_unknown_stage_is_refused() {
    let (_dir, store) = demo_store();
    let before = snapshot(&store);
    refused(
        wortel(&store).args(["funnel", "--stage", "bogus", "--json"]),
        "stage `bogus` is unknown; use one of qualify, appointment, quote, negotiation, won, lost",
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn an_empty_store_has_an_empty_funnel_and_no_win_rate() {
    let (_dir, store) = scratch();
    stdout_of(wortel(&store).args(["init", "--dealer", "NL-0421", "--salesperson", "Ton"]));
    assert_eq!(stdout_of(wortel(&store).args(["funnel", "--json"])), "[]\n");
    assert_eq!(
        json(&store, &["funnel", "--totals", "--json"])["forecast"],
        0
    );
    let out = stdout_of(wortel(&store).arg("funnel"));
    assert!(out.ends_with("win rate: no closed deals yet\n"), "{out}");
}

#[test]
fn funnel_on_a_path_without_a_store_says_how_to_create_one() {
    let (_dir, store) = scratch();
    refused(
        wortel(&store).args(["funnel", "--totals", "--json"]),
        &format!(
            "there is no wortel store at {}; create one with `wortel init --dealer ID --salesperson NAME` or `wortel demo`",
            store.display()
        ),
    );
    assert!(!store.exists());
}
