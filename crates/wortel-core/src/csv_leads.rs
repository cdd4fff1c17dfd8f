//! Leads from a spreadsheet (`wortel import --csv FILE`): UTF-8 with or without a byte-order
//! mark, `,` or `;` between fields (whichever the header uses), a header row with the column
//! names below. Every row is checked before anything is written; a problem names the row and
//! the column. The rows then go through the same placement as a head-office bundle.
//!
//! Required columns: `account_name`, `received_at` (2026-11-16 or an RFC 3339 time), `channel`
//! (data-mining, telemarketing, web, event, dealer, other), `score` (0–100). Optional: `id`
//! (head office's id; without it a stable id is made from the row, so importing the same sheet
//! again updates instead of duplicating), `respond_by`, `campaign`, `interest`, `signals`
//! (separated by `|`), `incentive` (yes/no), `kvk`, `street`, `postcode`, `city`, `country`,
//! `phone`, `email`, `lifecycle`, `contact_name`, `contact_role`, `contact_phone`,
//! `contact_email`, `notes`. Other columns are ignored.

use crate::bundle::leads::{AccountIn, AddressIn, ContactIn, LeadIn, SourceIn};
use crate::domain::{Channel, Lifecycle};
use jiff::Timestamp;
use jiff::tz::TimeZone;

const REQUIRED: [&str; 4] = ["account_name", "received_at", "channel", "score"];

/// Reads every row into a lead, or the first problem as one sentence. The sentence quotes cells,
/// which may hold line breaks and escape sequences, so it is made printable.
pub fn read_leads_csv(bytes: &[u8], file: &str, tz: &TimeZone) -> Result<Vec<LeadIn>, String> {
    read_rows(bytes, file, tz).map_err(|e| crate::bundle::printable(&e))
}

fn read_rows(bytes: &[u8], file: &str, tz: &TimeZone) -> Result<Vec<LeadIn>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!(
            "{file} is empty; a spreadsheet of leads needs a header row and rows"
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{file} is not UTF-8 text (at byte {}); save the spreadsheet as CSV UTF-8",
            e.valid_up_to()
        )
    })?;
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("{file}: the header row cannot be read ({e}); check the file"))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    for r in REQUIRED {
        if !headers.iter().any(|h| h == r) {
            return Err(format!(
                "{file}: the column `{r}` is missing; the header row needs {} (and may have more)",
                REQUIRED.join(", ")
            ));
        }
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut leads = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2; // the header is row 1
        let record = record.map_err(|e| {
            format!(
                "{file} row {row}: the row cannot be read ({e}); check its quotes and field count"
            )
        })?;
        let get = |name: &str| {
            col(name)
                .and_then(|c| record.get(c))
                .unwrap_or("")
                .to_string()
        };
        let at = |name: &str, problem: String| {
            format!(
                "{file} row {row}, column {name}: {problem}; fix the spreadsheet and import again"
            )
        };
        let time = |name: &str, v: &str| -> Result<Timestamp, String> {
            if let Ok(t) = v.parse::<Timestamp>() {
                return Ok(t);
            }
            v.parse::<jiff::civil::Date>()
                .ok()
                .and_then(|d| d.to_zoned(tz.clone()).ok())
                .map(|z| z.timestamp())
                .ok_or_else(|| at(name, format!("`{v}` is not a date such as 2026-11-16")))
        };
        let account_name = get("account_name");
        if account_name.is_empty() {
            return Err(at("account_name", "it is empty".into()));
        }
        let received_at = time("received_at", &get("received_at"))?;
        let respond_by = match get("respond_by") {
            v if v.is_empty() => None,
            v => Some(time("respond_by", &v)?),
        };
        let channel = Channel::parse(&get("channel")).map_err(|e| at("channel", e.to_string()))?;
        let score: i64 = get("score")
            .parse()
            .map_err(|_| at("score", format!("`{}` is not a whole number", get("score"))))?;
        if !(0..=100).contains(&score) {
            return Err(at("score", format!("{score} is outside 0 to 100")));
        }
        let incentive = match get("incentive").to_lowercase().as_str() {
            "" | "no" | "false" | "0" | "nee" => false,
            "yes" | "true" | "1" | "ja" => true,
            v => return Err(at("incentive", format!("`{v}` is not yes or no"))),
        };
        let lifecycle = match get("lifecycle") {
            v if v.is_empty() => None,
            v => Some(Lifecycle::parse(&v).map_err(|e| at("lifecycle", e.to_string()))?),
        };
        let id = match get("id") {
            v if !v.is_empty() => v,
            _ => {
                let key = format!(
                    "{account_name}|{received_at}|{}|{}",
                    get("interest"),
                    get("postcode")
                );
                format!("CSV-{}", &blake3::hash(key.as_bytes()).to_hex()[..16])
            }
        };
        let contact_name = get("contact_name");
        leads.push(LeadIn {
            id,
            received_at,
            respond_by,
            source: SourceIn {
                channel,
                campaign: get("campaign"),
            },
            score,
            interest: get("interest"),
            signals: get("signals")
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            incentive,
            account: AccountIn {
                name: account_name,
                kind: None,
                kvk: Some(get("kvk")).filter(|k| !k.is_empty()),
                address: AddressIn {
                    street: get("street"),
                    postcode: get("postcode"),
                    city: get("city"),
                    country: get("country"),
                },
                phone: get("phone"),
                email: get("email"),
                lifecycle,
            },
            contact: (!contact_name.is_empty()).then(|| ContactIn {
                name: contact_name,
                role: get("contact_role"),
                phone: get("contact_phone"),
                email: get("contact_email"),
                consent: Vec::new(),
            }),
            notes: get("notes"),
        });
    }
    if leads.is_empty() {
        return Err(format!("{file} has a header row but no leads"));
    }
    Ok(leads)
}
