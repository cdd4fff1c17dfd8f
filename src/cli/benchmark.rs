//! `wortel benchmark`: the network's figures from head office beside the dealer's own.

use super::Context;
use super::say::headers;
use super::table::table;
use anyhow::Result;
use wortel::ops::{compare, network_figures, own_figures};

pub fn run(ctx: &Context) -> Result<()> {
    let store = ctx.open_store()?;
    let network = network_figures(&store)?;
    let own = own_figures(&store)?;
    let rows = compare(network.as_ref().map_or(&[][..], |n| &n.figures), &own);
    let show = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v}"));
    let lang = ctx.lang()?;
    let cols = headers(lang, &["col-measure", "col-network", "col-yours"]);
    let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
    let mut t = table(&cols);
    for r in &rows {
        t.add_row(vec![r.label.clone(), show(r.network), show(r.own)]);
    }
    outln!("{t}");
    match network {
        Some(n) => tell!(
            ctx,
            "benchmark-from",
            bundle = &n.bundle_id,
            created = n.created_at.to_string()
        ),
        None => tell!(ctx, "benchmark-none"),
    }
    Ok(())
}
