//! `wortel-hq route`: every unrouted lead to one store, with the reason (docs/routing.md):
//! 0. a programme's lead → the store whose feedback showed its cause (`docs/routing.md`);
//! 1. a customer or ex-customer of a dealer (known from its feedback) → that dealer;
//! 2. else the dealer whose postcode ranges hold the lead's area (heaviest first);
//! 3. else the nearest dealer by postcode area, ties broken by weight.
//!
//! Within the dealer: the store whose salesperson owns the account, else the store with the
//! fewest open leads. A dealer that declined a lead is never a candidate for it again.

use crate::db::{Db, Val};
use crate::network::{Ranges, postcode_area, show_range};
use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Where one lead goes and why.
#[derive(Clone, Debug, Serialize)]
pub struct Decision {
    pub lead_id: String,
    pub dealer: Option<String>,
    pub store: Option<String>,
    pub reason: String,
}

/// A lead taken back because nobody answered it in time.
#[derive(Clone, Debug, Serialize)]
pub struct Escalation {
    pub lead_id: String,
    pub dealer: String,
    pub store: String,
    pub reason: String,
}

#[derive(Serialize)]
pub struct Routing {
    pub escalated: Vec<Escalation>,
    pub decisions: Vec<Decision>,
}

struct Candidate {
    id: String,
    ranges: Ranges,
    weight: i64,
    stores: Vec<String>,
}

/// An account a store reported, as routing needs it.
struct Known {
    dealer: String,
    store: String,
    lifecycle: String,
}

struct Network {
    dealers: Vec<Candidate>,
    open: HashMap<String, i64>,
    by_kvk: HashMap<String, Vec<Known>>,
    by_name: HashMap<(String, String), Vec<Known>>,
    declined: HashMap<String, HashSet<String>>,
    /// Programme leads: the dealer and store whose feedback showed the cause.
    programme: HashMap<String, (String, String)>,
}

fn load(db: &Db) -> Result<Network> {
    let mut dealers = Vec::new();
    for d in crate::network::dealers(db)? {
        if d.stores.is_empty() {
            continue;
        }
        dealers.push(Candidate {
            ranges: Ranges::parse(&d.postcodes)?,
            weight: d.weight,
            stores: d.stores.into_iter().map(|s| s.recipient).collect(),
            id: d.id,
        });
    }
    let mut open = HashMap::new();
    for r in db.rows(
        "SELECT recipient, COUNT(*) FROM leads WHERE recipient IS NOT NULL AND (reported_status IS NULL OR reported_status IN ('new', 'accepted', 'snoozed', 'contacted', 'qualified')) GROUP BY recipient",
        &[],
    )? {
        open.insert(r.text(0), r.int(1));
    }
    let (mut by_kvk, mut by_name) = (HashMap::new(), HashMap::new());
    for r in db.rows(
        "SELECT dealer_id, recipient, kvk, name_key, postcode, lifecycle FROM dealer_accounts WHERE merged_into IS NULL ORDER BY dealer_id, recipient",
        &[],
    )? {
        let known = || Known { dealer: r.text(0), store: r.text(1), lifecycle: r.text(5) };
        if let Some(kvk) = r.opt_text(2) {
            by_kvk.entry(kvk).or_insert_with(Vec::new).push(known());
        }
        if !r.text(4).is_empty() {
            by_name.entry((r.text(3), r.text(4))).or_insert_with(Vec::new).push(known());
        }
    }
    let mut declined: HashMap<String, HashSet<String>> = HashMap::new();
    for r in db.rows("SELECT lead_id, dealer_id FROM declines", &[])? {
        declined.entry(r.text(0)).or_default().insert(r.text(1));
    }
    let mut programme = HashMap::new();
    for r in db.rows(
        "SELECT lead_id, dealer_id, recipient FROM programme_leads",
        &[],
    )? {
        programme.insert(r.text(0), (r.text(1), r.text(2)));
    }
    Ok(Network {
        dealers,
        open,
        by_kvk,
        by_name,
        declined,
        programme,
    })
}

/// Takes back leads still `new` more than `days` past their respond-by: the store gets a
/// retraction, the dealer counts as having declined, and the lead is routed on.
pub fn escalate(db: &Db, days: i64, now: Timestamp) -> Result<Vec<Escalation>> {
    let cutoff = now - jiff::SignedDuration::from_hours(24 * days);
    let mut out = Vec::new();
    for r in db.rows(
        "SELECT id, dealer_id, recipient, respond_by FROM leads WHERE recipient IS NOT NULL AND respond_by IS NOT NULL AND (reported_status IS NULL OR reported_status = 'new') AND id IN (SELECT item_id FROM outbox WHERE kind = 'lead' AND sent_sequence IS NOT NULL) ORDER BY id",
        &[],
    )? {
        let due: Timestamp = match r.text(3).parse() {
            Ok(t) => t,
            Err(_) => continue,
        };
        if due >= cutoff {
            continue;
        }
        let reason = format!("unanswered {days}d past its respond-by {due}");
        take_back(db, &r.text(0), &r.text(1), &r.text(2), &reason, now)?;
        out.push(Escalation { lead_id: r.text(0), dealer: r.text(1), store: r.text(2), reason });
    }
    Ok(out)
}

/// The lead leaves `store`: a retraction is queued for it, its dealer is not asked again.
pub fn take_back(
    db: &Db,
    lead: &str,
    dealer: &str,
    store: &str,
    reason: &str,
    now: Timestamp,
) -> Result<()> {
    db.exec(
        "INSERT INTO declines (lead_id, dealer_id, reason, at) VALUES ($1, $2, $3, $4) ON CONFLICT (lead_id, dealer_id) DO NOTHING",
        &[lead.into(), dealer.into(), reason.into(), now.to_string().into()],
    )?;
    queue(
        db,
        store,
        "retraction",
        lead,
        &serde_json::json!({ "lead_id": lead }).to_string(),
        now,
    )?;
    db.exec(
        "UPDATE leads SET recipient = NULL, dealer_id = NULL, routed_at = NULL, reason = $1 WHERE id = $2",
        &[format!("taken back from {dealer}: {reason}").into(), lead.into()],
    )?;
    Ok(())
}

/// Queues an item for the store's next bundle (a newer version replaces an unsent one).
pub fn queue(
    db: &Db,
    store: &str,
    kind: &str,
    item: &str,
    payload: &str,
    now: Timestamp,
) -> Result<()> {
    db.exec(
        "INSERT INTO outbox (recipient, kind, item_id, payload, queued_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (recipient, kind, item_id) DO UPDATE SET payload = excluded.payload, queued_at = excluded.queued_at, sent_sequence = NULL",
        &[store.into(), kind.into(), item.into(), payload.into(), now.to_string().into()],
    )?;
    Ok(())
}

/// Routes every unrouted lead (the caller's transaction makes it all or nothing).
pub fn route(db: &Db, escalate_after: Option<i64>, now: Timestamp) -> Result<Routing> {
    let escalated = match escalate_after {
        Some(days) => escalate(db, days, now)?,
        None => Vec::new(),
    };
    let mut net = load(db)?;
    let mut decisions = Vec::new();
    for r in db.rows(
        "SELECT id, kvk, name_key, postcode, record FROM leads WHERE recipient IS NULL ORDER BY id",
        &[],
    )? {
        let lead = r.text(0);
        let d = decide(
            &net,
            &lead,
            r.opt_text(1).as_deref(),
            &r.text(2),
            &r.text(3),
        );
        match (&d.dealer, &d.store) {
            (Some(dealer), Some(store)) => {
                *net.open.entry(store.clone()).or_insert(0) += 1;
                db.exec(
                    "UPDATE leads SET recipient = $1, dealer_id = $2, reason = $3, routed_at = $4 WHERE id = $5",
                    &[store.into(), dealer.into(), (&d.reason).into(), now.to_string().into(), (&lead).into()],
                )?;
                queue(db, store, "lead", &lead, &r.text(4), now)?;
                // Should the lead come back to this store's dealer after all, no stale retraction.
                db.exec(
                    "DELETE FROM outbox WHERE recipient = $1 AND kind = 'retraction' AND item_id = $2 AND sent_sequence IS NULL",
                    &[store.into(), Val::from(&lead)],
                )?;
            }
            _ => {
                db.exec(
                    "UPDATE leads SET reason = $1 WHERE id = $2",
                    &[(&d.reason).into(), (&lead).into()],
                )?;
            }
        }
        decisions.push(d);
    }
    Ok(Routing {
        escalated,
        decisions,
    })
}

fn decide(net: &Network, lead: &str, kvk: Option<&str>, name: &str, postcode: &str) -> Decision {
    let no = |reason: String| Decision {
        lead_id: lead.into(),
        dealer: None,
        store: None,
        reason,
    };
    let declined = net.declined.get(lead);
    let allowed = |d: &str| !declined.is_some_and(|s| s.contains(d));
    let known: Vec<&Known> = kvk
        .and_then(|k| net.by_kvk.get(k))
        .or_else(|| net.by_name.get(&(name.to_string(), postcode.to_string())))
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let dealer_of = |id: &str| net.dealers.iter().find(|d| d.id == id);
    // 0. A programme's lead goes back to the store whose feedback showed the cause.
    if let Some((dealer, store)) = net.programme.get(lead) {
        if let Some(d) = dealer_of(dealer).filter(|d| allowed(&d.id) && d.stores.contains(store)) {
            return Decision {
                lead_id: lead.into(),
                dealer: Some(d.id.clone()),
                store: Some(store.clone()),
                reason: format!("programme lead from {store}'s feedback"),
            };
        }
    }
    // 1. A customer (before an ex-customer) of a dealer that may still take it.
    for wanted in ["customer", "ex-customer"] {
        let customer_of = known
            .iter()
            .filter(|k| k.lifecycle == wanted && allowed(&k.dealer))
            .find_map(|k| dealer_of(&k.dealer));
        if let Some(dealer) = customer_of {
            return pick_store(
                net,
                lead,
                dealer,
                &known,
                format!("{wanted} of {}", dealer.id),
            );
        }
    }
    let Some(area) = postcode_area(postcode) else {
        return no("no postcode: add one (e.g. 3542 AD) and route again".into());
    };
    let candidates: Vec<&Candidate> = net.dealers.iter().filter(|d| allowed(&d.id)).collect();
    if candidates.is_empty() {
        return no(if net.dealers.is_empty() {
            "no dealer has a registered store yet".into()
        } else {
            "every dealer with a store has declined it".into()
        });
    }
    // 2. The dealer whose ranges hold the area.
    let mut holding: Vec<(&Candidate, (u16, u16))> = candidates
        .iter()
        .filter_map(|d| d.ranges.holding(area).map(|r| (*d, r)))
        .collect();
    holding.sort_by(|a, b| b.0.weight.cmp(&a.0.weight).then(a.0.id.cmp(&b.0.id)));
    if let Some((dealer, range)) = holding.first() {
        return pick_store(
            net,
            lead,
            dealer,
            &known,
            format!("{area} in {} {}", dealer.id, show_range(*range)),
        );
    }
    // 3. The nearest dealer, the heaviest on a tie.
    let mut near: Vec<(u16, &Candidate, (u16, u16))> = candidates
        .iter()
        .filter_map(|d| d.ranges.distance(area).map(|(dist, r)| (dist, *d, r)))
        .collect();
    near.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.weight.cmp(&a.1.weight))
            .then(a.1.id.cmp(&b.1.id))
    });
    let Some((dist, dealer, range)) = near.first() else {
        return no(format!("no dealer has postcode ranges near {area}"));
    };
    let tie = near.iter().filter(|n| n.0 == *dist).count() > 1;
    let why = format!(
        "nearest to {area}: {} {} is {dist} away{}",
        dealer.id,
        show_range(*range),
        if tie {
            format!(", tie broken by weight {}", dealer.weight)
        } else {
            String::new()
        }
    );
    pick_store(net, lead, dealer, &known, why)
}

fn pick_store(
    net: &Network,
    lead: &str,
    dealer: &Candidate,
    known: &[&Known],
    why: String,
) -> Decision {
    let owner = known
        .iter()
        .find(|k| k.dealer == dealer.id && dealer.stores.contains(&k.store));
    let (store, how) = match owner {
        Some(k) => (k.store.clone(), format!("{} owns the account", k.store)),
        None => {
            let open = |s: &String| net.open.get(s).copied().unwrap_or(0);
            let s = dealer
                .stores
                .iter()
                .min_by_key(|s| (open(s), s.as_str()))
                .cloned()
                .unwrap_or_default();
            let n = open(&s);
            let how = if dealer.stores.len() == 1 {
                format!("{s}, its only store")
            } else {
                format!("{s} has the fewest open leads ({n})")
            };
            (s, how)
        }
    };
    Decision {
        lead_id: lead.into(),
        dealer: Some(dealer.id.clone()),
        store: Some(store),
        reason: format!("{why}; {how}"),
    }
}
