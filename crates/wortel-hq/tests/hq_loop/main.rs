//! The whole loop with the real binaries (issue 16, "Done when"): head office sets up three
//! dealers (one with two salespeople), registers stores made with `wortel init`, adds 2,000
//! leads from a CSV and an ADF file, routes them by every rule, sends; each store imports, works
//! its leads (an `out of area` rejection, a won incentive lead), exports; head office refuses
//! tampered, forged, wrong-recipient, gapped and replayed feedback with its database unchanged,
//! ingests the real bundles, and routes the rejected lead to another dealer with a retraction to
//! the first; benchmarks, the scorecard, incentives and escalation follow (issue 19).
//!
//! Erasure across the network closes it (issue 19): a person erased at one store is erased at
//! head office and at the other store that holds them.
//!
//! Each phase is a function in its own file; they share one set-up and run in order, as the
//! story does.

#[path = "../support/mod.rs"]
mod support;

mod erasure;
mod escalation;
mod exchange;
mod feedback;
mod figures;
mod intake;
mod network;
mod reroute;

#[test]
fn the_whole_loop_from_intake_to_feedback_and_back() {
    let net = network::network();
    intake::leads_are_added_once(&net);
    let routed = intake::every_lead_is_routed_by_its_rule(&net);
    exchange::each_store_gets_one_bundle(&net);
    let worked = exchange::stores_work_their_leads_and_export(&net, &routed);
    feedback::bad_feedback_is_refused(&net, &worked);
    feedback::real_feedback_is_ingested_once(&net, &worked);
    reroute::the_next_round_routes_the_rejected_lead_elsewhere(&net, &worked);
    let benchmark = figures::benchmarks_match_the_raw_feedback(&net, &worked);
    figures::benchmark_bundles_reach_every_store(&net);
    figures::the_scorecard_ranks_the_dealers(&net, &benchmark);
    figures::incentives_pay_the_won_order(&net);
    escalation::late_leads_are_routed_on(&net);
    erasure::an_erasure_at_one_store_reaches_the_other_store_that_holds_the_person(&net);
}
