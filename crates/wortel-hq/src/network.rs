//! The dealer network: dealers with their postcode areas and weight, and each dealer's stores
//! (one salesperson's laptop each) with the public key that signs their feedback.

use crate::db::{Db, Val};
use anyhow::{Result, bail};
use jiff::Timestamp;
use serde::Serialize;
use wortel_core::bundle::PublicKey;

/// Four-digit Dutch postcode areas, e.g. `3500-3599,3700-3799,4000`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranges(pub Vec<(u16, u16)>);

impl Ranges {
    pub fn parse(text: &str) -> Result<Ranges> {
        let area = |s: &str| -> Result<u16> {
            match s.trim().parse::<u16>() {
                Ok(n) if (1000..=9999).contains(&n) && s.trim().len() == 4 => Ok(n),
                _ => bail!(
                    "postcode area `{}` is not four digits from 1000 to 9999; write ranges like 3500-3599,4000",
                    s.trim()
                ),
            }
        };
        let mut out = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (lo, hi) = match part.split_once('-') {
                Some((a, b)) => (area(a)?, area(b)?),
                None => (area(part)?, area(part)?),
            };
            if lo > hi {
                bail!("postcode range `{part}` runs backwards; write the low area first");
            }
            out.push((lo, hi));
        }
        Ok(Ranges(out))
    }

    /// The range that holds `area`.
    pub fn holding(&self, area: u16) -> Option<(u16, u16)> {
        self.0
            .iter()
            .copied()
            .find(|(lo, hi)| (*lo..=*hi).contains(&area))
    }

    /// How far `area` is from the nearest of the ranges, and that range.
    pub fn distance(&self, area: u16) -> Option<(u16, (u16, u16))> {
        self.0
            .iter()
            .map(|&(lo, hi)| {
                let d = if area < lo {
                    lo - area
                } else {
                    area.saturating_sub(hi)
                };
                (d, (lo, hi))
            })
            .min()
    }
}

impl std::fmt::Display for Ranges {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|r| show_range(*r)).collect();
        f.write_str(&parts.join(","))
    }
}

pub fn show_range((lo, hi): (u16, u16)) -> String {
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}-{hi}")
    }
}

/// A lead's postcode area: the first four digits of `3542 AD`.
pub fn postcode_area(postcode: &str) -> Option<u16> {
    let digits: String = postcode.trim().chars().take(4).collect();
    digits.parse().ok().filter(|n| (1000..=9999).contains(n))
}

#[derive(Clone, Debug, Serialize)]
pub struct Dealer {
    pub id: String,
    pub name: String,
    pub postcodes: String,
    pub weight: i64,
    pub stores: Vec<StoreRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StoreRow {
    pub recipient: String,
    pub salesperson: String,
    pub public_key: String,
}

fn check_id(what: &str, id: &str) -> Result<()> {
    if id.is_empty()
        || id.len() > 32
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        bail!("{what} `{id}` is not valid; use 1–32 letters, digits, - or _ (e.g. D042)");
    }
    Ok(())
}

pub fn dealer_add(db: &mut Db, id: &str, name: &str, postcodes: &str, weight: i64) -> Result<()> {
    check_id("dealer id", id)?;
    if name.trim().is_empty() {
        bail!("the dealer's --name is empty; give the name head office knows it by");
    }
    let ranges = Ranges::parse(postcodes)?;
    if !(0..=1000).contains(&weight) {
        bail!("--weight {weight} is outside 0 to 1000");
    }
    if !db
        .rows("SELECT id FROM dealers WHERE id = $1", &[id.into()])?
        .is_empty()
    {
        bail!("dealer {id} exists already; change it with `wortel-hq dealer edit {id}`");
    }
    db.exec(
        "INSERT INTO dealers (id, name, postcodes, weight) VALUES ($1, $2, $3, $4)",
        &[
            id.into(),
            name.trim().into(),
            ranges.to_string().into(),
            weight.into(),
        ],
    )?;
    Ok(())
}

pub fn dealer_edit(
    db: &mut Db,
    id: &str,
    name: Option<&str>,
    postcodes: Option<&str>,
    weight: Option<i64>,
) -> Result<()> {
    let Some(d) = dealers(db)?.into_iter().find(|d| d.id == id) else {
        bail!("there is no dealer {id}; see `wortel-hq dealer list`");
    };
    let name = name.map_or(d.name.clone(), |n| n.trim().to_string());
    if name.is_empty() {
        bail!("the dealer's --name is empty; give the name head office knows it by");
    }
    let postcodes = match postcodes {
        Some(p) => Ranges::parse(p)?.to_string(),
        None => d.postcodes,
    };
    let weight = weight.unwrap_or(d.weight);
    if !(0..=1000).contains(&weight) {
        bail!("--weight {weight} is outside 0 to 1000");
    }
    db.exec(
        "UPDATE dealers SET name = $1, postcodes = $2, weight = $3 WHERE id = $4",
        &[name.into(), postcodes.into(), weight.into(), id.into()],
    )?;
    Ok(())
}

/// Every dealer with its stores, by id.
pub fn dealers(db: &Db) -> Result<Vec<Dealer>> {
    let mut out: Vec<Dealer> = db
        .rows(
            "SELECT id, name, postcodes, weight FROM dealers ORDER BY id",
            &[],
        )?
        .iter()
        .map(|r| Dealer {
            id: r.text(0),
            name: r.text(1),
            postcodes: r.text(2),
            weight: r.int(3),
            stores: Vec::new(),
        })
        .collect();
    for r in db.rows(
        "SELECT dealer_id, recipient, salesperson, public_key FROM stores ORDER BY recipient",
        &[],
    )? {
        if let Some(d) = out.iter_mut().find(|d| d.id == r.text(0)) {
            d.stores.push(StoreRow {
                recipient: r.text(1),
                salesperson: r.text(2),
                public_key: r.text(3),
            });
        }
    }
    Ok(out)
}

pub fn store_add(
    db: &mut Db,
    dealer: &str,
    recipient: &str,
    key_text: &str,
    key_file: &str,
    salesperson: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    check_id("recipient", recipient)?;
    let key = PublicKey::parse(key_text, &format!("the file {key_file}"))?;
    if db
        .rows("SELECT id FROM dealers WHERE id = $1", &[dealer.into()])?
        .is_empty()
    {
        bail!(
            "there is no dealer {dealer}; add it first with `wortel-hq dealer add {dealer} --name NAME`"
        );
    }
    if !db
        .rows(
            "SELECT recipient FROM stores WHERE recipient = $1",
            &[recipient.into()],
        )?
        .is_empty()
    {
        bail!(
            "a store with recipient {recipient} is registered already; each store has its own recipient id"
        );
    }
    db.exec(
        "INSERT INTO stores (recipient, dealer_id, public_key, salesperson, added_at) VALUES ($1, $2, $3, $4, $5)",
        &[
            recipient.into(),
            dealer.into(),
            key.to_hex().into(),
            Val::from(salesperson.unwrap_or("").trim()),
            now.to_string().into(),
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_hold_and_measure_postcode_areas() {
        let r = Ranges::parse("3500-3599, 3700-3799,4000").unwrap();
        assert_eq!(r.to_string(), "3500-3599,3700-3799,4000");
        assert_eq!(r.holding(3542), Some((3500, 3599)));
        assert_eq!(r.holding(3650), None);
        assert_eq!(r.distance(3650), Some((50, (3700, 3799))));
        assert_eq!(r.distance(3620), Some((21, (3500, 3599))));
        assert_eq!(r.distance(4003), Some((3, (4000, 4000))));
        assert!(Ranges::parse("350-3599").is_err());
        assert!(Ranges::parse("3599-3500").is_err());
        assert_eq!(postcode_area("3542 AD"), Some(3542));
        assert_eq!(postcode_area("AB"), None);
    }
}
