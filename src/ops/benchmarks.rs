//! Benchmarks: head office's network figures (from a `benchmark` bundle) beside the dealer's own,
//! computed from the store the same way — conversion by channel, hours to first contact, win
//! rate, lost reasons, NPS.

use super::import::{ImportError, check_exchange};
use crate::bundle::benchmarks::{Figure, parse_benchmarks};
use crate::bundle::{Bundle, BundleError};
use crate::domain::*;
use crate::store::exchange::{imported_key, sequence_key};
use crate::store::{Store, StoreError, WriteSet};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The meta key holding the latest network figures.
pub const BENCHMARKS_KEY: &[u8] = b"benchmarks";

/// The network figures as stored: which bundle they came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkFigures {
    pub bundle_id: String,
    pub created_at: Timestamp,
    pub figures: Vec<Figure>,
}

/// Imports a benchmark bundle: the exchange rules, then its figures replace the previous ones
/// in one write (with the bundle recorded as imported). `Ok(None)`: imported before.
pub fn import_benchmarks(
    store: &Store,
    bundle: &Bundle,
    now: Timestamp,
) -> Result<Option<usize>, ImportError> {
    if check_exchange(store, bundle)? {
        return Ok(None);
    }
    let figures = parse_benchmarks(bundle)?;
    let m = &bundle.manifest;
    let stored = NetworkFigures {
        bundle_id: m.id.clone(),
        created_at: m.created_at,
        figures,
    };
    let n = stored.figures.len();
    let mut ws = WriteSet::new();
    ws.put_meta(
        BENCHMARKS_KEY.to_vec(),
        serde_json::to_vec(&stored).map_err(|e| BundleError::new(e.to_string()))?,
    );
    ws.put_meta(imported_key(&m.id), m.sequence.to_be_bytes().to_vec());
    ws.put_meta(sequence_key(&m.from), m.sequence.to_be_bytes().to_vec());
    store.commit(&ws, now)?;
    Ok(Some(n))
}

/// The network figures last imported, if any.
pub fn network_figures(store: &Store) -> Result<Option<NetworkFigures>, StoreError> {
    Ok(store
        .meta_value(BENCHMARKS_KEY)?
        .and_then(|b| serde_json::from_slice(&b).ok()))
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The dealer's own figures, computed from the store.
pub fn own_figures(store: &Store) -> Result<Vec<Figure>, StoreError> {
    let fig = |measure: &str, channel: Option<&str>, reason: Option<&str>, value: f64| Figure {
        measure: measure.into(),
        channel: channel.map(str::to_string),
        reason: reason.map(str::to_string),
        value,
    };
    let mut out = Vec::new();
    let mut by_channel: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut response_hours = Vec::new();
    for l in store.all_leads() {
        let l = l?;
        let e = by_channel.entry(l.source.channel.as_str()).or_default();
        e.1 += 1;
        if l.status == LeadStatus::Converted {
            e.0 += 1;
        }
        if let Some(f) = l.first_contact_at {
            response_hours.push((f.as_second() - l.received_at.as_second()) as f64 / 3600.0);
        }
    }
    for (channel, (converted, all)) in by_channel {
        if let Some(p) = percent(converted, all) {
            out.push(fig("conversion_rate", Some(channel), None, p));
        }
    }
    if !response_hours.is_empty() {
        response_hours.sort_by(|a, b| a.total_cmp(b));
        let median = response_hours[response_hours.len() / 2];
        out.push(fig(
            "response_hours",
            None,
            None,
            (median * 10.0).round() / 10.0,
        ));
    }
    let (mut won, mut lost) = (0, 0);
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for o in store.all_opportunities() {
        let o = o?;
        match o.stage {
            Stage::Won => won += 1,
            Stage::Lost => {
                lost += 1;
                *reasons
                    .entry(o.lost_reason.unwrap_or_else(|| "other".into()))
                    .or_default() += 1;
            }
            _ => {}
        }
    }
    if let Some(p) = percent(won, won + lost) {
        out.push(fig("win_rate", None, None, p));
    }
    for (reason, n) in reasons {
        if let Some(p) = percent(n, lost) {
            out.push(fig("lost_reason", None, Some(&reason), p));
        }
    }
    let scores: Vec<u8> = store
        .all_nps()
        .map(|n| n.map(|n| n.score))
        .collect::<Result<_, _>>()?;
    if let Some(nps) = net_promoter_score(scores) {
        out.push(fig("nps", None, None, f64::from(nps)));
    }
    Ok(out)
}

/// One line of the comparison: what, the network's figure, the dealer's own.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub label: String,
    pub network: Option<f64>,
    pub own: Option<f64>,
}

/// The network's and the dealer's figures side by side, in a fixed order (the measures, then
/// channel or reason).
pub fn compare(network: &[Figure], own: &[Figure]) -> Vec<Comparison> {
    let order = |f: &Figure| {
        (
            crate::bundle::benchmarks::MEASURES
                .iter()
                .position(|m| *m == f.measure)
                .unwrap_or(99),
            f.label(),
        )
    };
    let mut keys: Vec<(usize, String)> = network.iter().chain(own).map(order).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .map(|(_, label)| Comparison {
            network: network.iter().find(|f| f.label() == label).map(|f| f.value),
            own: own.iter().find(|f| f.label() == label).map(|f| f.value),
            label,
        })
        .collect()
}
