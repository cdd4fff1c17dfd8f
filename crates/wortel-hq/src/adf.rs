//! ADF 1.0 XML, the automotive lead format: `<adf><prospect>…</prospect></adf>`. Its customary
//! `<?ADF VERSION "1.0"?>` line is not XML (a processing instruction with a bare word) and is
//! tolerated. ADF has no score: a prospect scores 50 unless the file says otherwise
//! (`<prospect score="…">`); its channel is `web`.

use anyhow::{Result, bail};
use jiff::Timestamp;
use quick_xml::Reader;
use quick_xml::events::Event;
use wortel_core::bundle::leads::{AccountIn, AddressIn, ContactIn, LeadIn, SourceIn};
use wortel_core::domain::Channel;

/// A prospect as its elements are read.
#[derive(Default)]
struct Prospect {
    id: String,
    score: Option<i64>,
    requested: String,
    person: String,
    business: String,
    email: String,
    phone: String,
    street: String,
    city: String,
    postcode: String,
    country: String,
    vehicle: Vec<String>,
    comments: String,
    provider: String,
}

/// Reads every prospect of an ADF file into a lead.
pub fn read_adf(bytes: &[u8], file: &str) -> Result<Vec<LeadIn>> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{file} is not UTF-8 text; save the ADF file as UTF-8"))?;
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut name_part = String::new();
    let mut current: Option<Prospect> = None;
    let mut text_buf = String::new();
    let mut leads = Vec::new();
    loop {
        let line = text[..(reader.buffer_position() as usize).min(text.len())]
            .lines()
            .count()
            .max(1);
        let event = reader.read_event().map_err(|e| {
            anyhow::anyhow!(
                "{file} line {line}: the XML cannot be read ({e}); fix the file and add it again"
            )
        })?;
        match event {
            Event::Start(e) => {
                text_buf.clear();
                let tag = String::from_utf8_lossy(e.name().as_ref()).to_lowercase();
                let attr = |n: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == n.as_bytes())
                        .map(|a| String::from_utf8_lossy(&a.value).to_string())
                };
                if tag == "prospect" {
                    let score = attr("score").and_then(|s| s.parse().ok());
                    current = Some(Prospect {
                        score,
                        ..Prospect::default()
                    });
                }
                if tag == "name" {
                    name_part = attr("type").unwrap_or_default();
                }
                path.push(tag);
            }
            Event::End(_) => {
                if let Some(p) = current.as_mut() {
                    take_text(p, &path, &name_part, text_buf.trim().to_string());
                }
                text_buf.clear();
                let tag = path.pop().unwrap_or_default();
                if tag == "prospect" {
                    if let Some(p) = current.take() {
                        leads.push(to_lead(p, file, line)?);
                    }
                }
            }
            Event::Text(t) => text_buf.push_str(&t.decode().unwrap_or_default()),
            Event::CData(t) => text_buf.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).to_string();
                let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                    .map(str::to_string)
                    .or_else(|| r.resolve_char_ref().ok().flatten().map(String::from));
                match resolved {
                    Some(s) => text_buf.push_str(&s),
                    None => bail!(
                        "{file} line {line}: the entity &{name}; is unknown; write the character itself"
                    ),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if leads.is_empty() {
        bail!("{file} holds no <prospect>; an ADF file has <adf><prospect>…</prospect></adf>");
    }
    Ok(leads)
}

fn take_text(p: &mut Prospect, path: &[String], name_type: &str, value: String) {
    if value.is_empty() {
        return;
    }
    let leaf = path.last().map(String::as_str).unwrap_or("");
    let parent = path
        .len()
        .checked_sub(2)
        .and_then(|i| path.get(i))
        .map(String::as_str);
    let in_customer = path.iter().any(|t| t == "customer");
    match (leaf, parent) {
        ("id", Some("prospect")) => p.id = value,
        ("requestdate", _) => p.requested = value,
        ("year" | "make" | "model" | "trim", Some("vehicle")) => p.vehicle.push(value),
        ("name", _) if path.iter().any(|t| t == "provider") => p.provider = value,
        ("name", _) if in_customer && name_type == "business" => p.business = value,
        ("name", _) if in_customer => {
            p.person = if p.person.is_empty() {
                value
            } else {
                format!("{} {value}", p.person)
            }
        }
        ("email", _) if in_customer => p.email = value,
        ("phone", _) if in_customer => p.phone = value,
        ("street", _) if in_customer => p.street = value,
        ("city", _) if in_customer => p.city = value,
        ("postalcode", _) if in_customer => p.postcode = value,
        ("country", _) if in_customer => p.country = value,
        ("comments", _) => p.comments = value,
        _ => {}
    }
}

fn to_lead(p: Prospect, file: &str, line: usize) -> Result<LeadIn> {
    let at = |m: String| {
        anyhow::anyhow!("{file} prospect ending on line {line}: {m}; fix the file and add it again")
    };
    let received_at: Timestamp = p
        .requested
        .parse()
        .or_else(|_| {
            p.requested
                .parse::<jiff::civil::DateTime>()
                .or_else(|_| {
                    p.requested
                        .parse::<jiff::civil::Date>()
                        .map(|d| d.at(0, 0, 0, 0))
                })
                .map_err(|_| ())
                .and_then(|dt| {
                    dt.to_zoned(jiff::tz::TimeZone::UTC)
                        .map(|z| z.timestamp())
                        .map_err(|_| ())
                })
        })
        .map_err(|_| {
            at(format!(
                "<requestdate> `{}` is not a date such as 2026-11-16T08:00:00+01:00",
                p.requested
            ))
        })?;
    let score = p.score.unwrap_or(50);
    if !(0..=100).contains(&score) {
        return Err(at(format!("score {score} is outside 0 to 100")));
    }
    let (name, kind) = if !p.business.is_empty() {
        (p.business.clone(), "company")
    } else if !p.person.is_empty() {
        (p.person.clone(), "person")
    } else {
        return Err(at("the <customer> has no <name>".into()));
    };
    let id = if p.id.is_empty() {
        let key = format!("{name}|{received_at}|{}", p.postcode);
        format!("ADF-{}", &blake3_hex(key.as_bytes())[..16])
    } else {
        format!("ADF-{}", p.id)
    };
    Ok(LeadIn {
        id,
        received_at,
        respond_by: None,
        source: SourceIn {
            channel: Channel::Web,
            campaign: p.provider,
        },
        score,
        interest: p.vehicle.join(" "),
        signals: Vec::new(),
        incentive: false,
        account: AccountIn {
            name,
            kind: Some(kind.into()),
            kvk: None,
            address: AddressIn {
                street: p.street,
                postcode: p.postcode,
                city: p.city,
                country: p.country,
            },
            phone: if kind == "person" {
                p.phone.clone()
            } else {
                String::new()
            },
            email: if kind == "person" {
                p.email.clone()
            } else {
                String::new()
            },
            lifecycle: None,
        },
        contact: (!p.person.is_empty()).then(|| ContactIn {
            name: p.person,
            role: String::new(),
            phone: p.phone,
            email: p.email,
            consent: Vec::new(),
        }),
        notes: p.comments,
    })
}

fn blake3_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<?ADF VERSION "1.0"?>
<adf>
 <prospect>
  <id sequence="1" source="truckshow">T-77</id>
  <requestdate>2026-11-16T08:00:00+01:00</requestdate>
  <vehicle interest="buy" status="new"><year>2027</year><make>DAF</make><model>XF 480</model></vehicle>
  <customer>
   <contact>
    <name part="full" type="business">Transport Jansen B.V.</name>
    <name part="first">Ton</name><name part="last">de Vries</name>
    <email>ton@jansen.nl</email><phone type="voice">+31 6 23361457</phone>
    <address><street line="1">Industrieweg 12</street><city>Utrecht</city><postalcode>3542 AD</postalcode><country>NL</country></address>
   </contact>
   <comments>Wants a quote &amp; a test drive</comments>
  </customer>
  <provider><name part="full">Truck show 2026</name></provider>
 </prospect>
</adf>
"#;

    #[test]
    fn an_adf_prospect_becomes_a_lead_despite_the_adf_line() {
        let leads = read_adf(ADF.as_bytes(), "web.xml").unwrap();
        assert_eq!(leads.len(), 1);
        let l = &leads[0];
        assert_eq!(l.id, "ADF-T-77");
        assert_eq!(l.account.name, "Transport Jansen B.V.");
        assert_eq!(l.account.address.postcode, "3542 AD");
        assert_eq!(l.interest, "2027 DAF XF 480");
        assert_eq!(l.contact.as_ref().unwrap().name, "Ton de Vries");
        assert_eq!(l.notes, "Wants a quote & a test drive");
        assert_eq!(l.source.campaign, "Truck show 2026");
        assert_eq!(l.received_at.to_string(), "2026-11-16T07:00:00Z");
    }

    #[test]
    fn broken_adf_is_refused_with_the_file_and_line() {
        let err = read_adf(b"<adf><prospect><id>1</id></adf>", "bad.xml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.xml line 1:"), "{err}");
        let err = read_adf(b"<adf></adf>", "empty.xml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no <prospect>"), "{err}");
    }
}
