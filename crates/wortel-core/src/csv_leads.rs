//! Leads from a spreadsheet (`wortel import --csv FILE`): UTF-8 with or without a byte-order
//! mark, `,` or `;` between fields (whichever the header uses), a header row with the column
//! names below. Every row is checked before anything is written; every problem (up to
//! [`MAX_REPORTED`]) names its row and column, so a salesperson fixes the sheet in one go. The
//! rows then go through the same placement as a head-office bundle.
//!
//! Required columns: `account_name`, `received_at` (2026-11-16 or an RFC 3339 time), `channel`
//! (data-mining, telemarketing, web, event, dealer, other), `score` (0–100). Optional: `id`
//! (head office's id; without it a stable id is made from the row, so importing the same sheet
//! again updates instead of duplicating), `respond_by`, `campaign`, `interest`, `signals`
//! (separated by `|`), `incentive` (yes/no), `kvk`, `street`, `postcode`, `city`, `country`,
//! `phone`, `email`, `lifecycle`, `contact_name`, `contact_role`, `contact_phone`,
//! `contact_email`, `notes`. Other columns are ignored.
//!
//! Identity is decided on the cleaned values (control characters removed): a row pasted twice
//! is one lead, and two differing rows for one lead are refused with both row numbers.

use crate::bundle::caps::MAX_FIELD_CHARS;
use crate::bundle::leads::{AccountIn, AddressIn, Admit, ContactIn, Identities, LeadIn, SourceIn};
use crate::domain::{Channel, Lifecycle};
use jiff::Timestamp;
use jiff::tz::TimeZone;

const REQUIRED: [&str; 4] = ["account_name", "received_at", "channel", "score"];

/// Bad rows named in one refusal; more are counted, not listed.
pub const MAX_REPORTED: usize = 50;

/// Reads every row into a lead, or every problem (up to [`MAX_REPORTED`]) in one line. The
/// message quotes cells, which may hold line breaks and escape sequences, so it is made
/// printable.
pub fn read_leads_csv(bytes: &[u8], file: &str, tz: &TimeZone) -> Result<Vec<LeadIn>, String> {
    read_leads_csv_rows(bytes, file, tz).map(|rows| rows.into_iter().map(|(_, l)| l).collect())
}

/// As [`read_leads_csv`], each lead with the sheet row it came from (the header is row 1), so
/// a problem found later while placing it can name the row.
pub fn read_leads_csv_rows(
    bytes: &[u8],
    file: &str,
    tz: &TimeZone,
) -> Result<Vec<(usize, LeadIn)>, String> {
    let mut rows = Vec::new();
    match each_sheet_lead(bytes, file, tz, &mut |row, lead| {
        rows.push((row, lead));
        Ok::<(), std::convert::Infallible>(())
    }) {
        Ok(checked) => checked.map(|_| rows),
        Err(never) => match never {},
    }
}

/// Checks every row of the sheet and hands each lead to `f` with its row as it is read, one
/// at a time, so a million-row sheet is never held as a list. A row pasted twice reaches `f`
/// once. The inner result is the sheet's verdict: its number of leads, or every problem (up to
/// [`MAX_REPORTED`]) in one printable line — found only once the whole sheet was read, so a
/// caller that writes must read the sheet once with a no-op `f` first. The outer error is the
/// first one `f` returned (reading stops there).
pub fn each_sheet_lead<E>(
    bytes: &[u8],
    file: &str,
    tz: &TimeZone,
    f: &mut dyn FnMut(usize, LeadIn) -> Result<(), E>,
) -> Result<Result<usize, String>, E> {
    let mut sheet = Sheet::default();
    let read = read_rows(bytes, file, tz, &mut sheet, f)?;
    Ok(read
        .and_then(|()| sheet.finish(file))
        .map_err(|e| crate::bundle::printable(&e)))
}

/// The sheet's header: the column names, lower-cased.
struct Header(Vec<String>);

impl Header {
    fn cell<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.0
            .iter()
            .position(|h| h == name)
            .and_then(|c| record.get(c))
            .unwrap_or("")
    }
}

fn read_rows<E>(
    bytes: &[u8],
    file: &str,
    tz: &TimeZone,
    sheet: &mut Sheet,
    f: &mut dyn FnMut(usize, LeadIn) -> Result<(), E>,
) -> Result<Result<(), String>, E> {
    let bytes = crate::csv_dialect::without_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Err(format!(
            "{file} is empty; a spreadsheet of leads needs a header row and rows"
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Ok(Err(format!(
                "{file} is not UTF-8 text (at byte {}); save the spreadsheet as CSV UTF-8",
                e.valid_up_to()
            )));
        }
    };
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = crate::csv_dialect::delimiter_of(header_line.as_bytes());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => Header(h.iter().map(|h| h.trim().to_lowercase()).collect()),
        Err(e) => {
            return Ok(Err(format!(
                "{file}: the header row cannot be read ({e}); check the file"
            )));
        }
    };
    for r in REQUIRED {
        if !header.0.iter().any(|h| h == r) {
            return Ok(Err(format!(
                "{file}: the column `{r}` is missing; the header row needs {} (and may have more)",
                REQUIRED.join(", ")
            )));
        }
    }
    // One record buffer for the whole sheet: rows are read one at a time.
    let mut record = csv::StringRecord::new();
    let mut row = 1; // the header is row 1
    loop {
        row += 1;
        let lead = match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => read_row(&header, &record, row, tz),
            Err(e) => Err(format!(
                "row {row}: the row cannot be read ({e}); check its quotes and field count"
            )),
        };
        match lead {
            Ok(lead) => {
                if sheet.add(row, &lead) {
                    f(row, lead)?;
                }
            }
            Err(problem) => sheet.problem(problem),
        }
    }
    Ok(Ok(()))
}

/// The rows read so far: which lead ids came (as hashes), how many leads, every problem found.
#[derive(Default)]
struct Sheet {
    seen: Identities,
    leads: usize,
    /// The first [`MAX_REPORTED`] problems; `count` counts them all.
    problems: Vec<String>,
    count: usize,
}

impl Sheet {
    /// True for a lead not seen before. A row pasted twice is one lead; two differing rows for
    /// one lead id are a problem naming both rows.
    fn add(&mut self, row: usize, lead: &LeadIn) -> bool {
        match self.seen.admit(row, lead) {
            Admit::New => {
                self.leads += 1;
                true
            }
            Admit::Repeat => false,
            Admit::Differs(first_row) => {
                self.problem(format!(
                    "rows {first_row} and {row} are the same lead (id `{}`) with different values; keep one of them",
                    lead.id
                ));
                false
            }
        }
    }

    /// Counts a problem, keeping its sentence only while the refusal would list it.
    fn problem(&mut self, sentence: String) {
        self.count += 1;
        if self.problems.len() < MAX_REPORTED {
            self.problems.push(sentence);
        }
    }

    fn finish(&self, file: &str) -> Result<usize, String> {
        match self.count {
            0 if self.leads == 0 => Err(format!("{file} has a header row but no leads")),
            0 => Ok(self.leads),
            1 => Err(format!(
                "{file} {}; fix the spreadsheet and import again",
                self.problems[0]
            )),
            n => {
                let listed = self.problems.join("; ");
                let more = if n > MAX_REPORTED {
                    format!("; and {} more", n - MAX_REPORTED)
                } else {
                    String::new()
                };
                Err(format!(
                    "{file} has {n} problems, fix them and import again: {listed}{more}"
                ))
            }
        }
    }
}

/// One row as a lead, its text cleaned; the problem names the row and the column.
fn read_row(
    header: &Header,
    record: &csv::StringRecord,
    row: usize,
    tz: &TimeZone,
) -> Result<LeadIn, String> {
    let get = |name: &str| header.cell(record, name).to_string();
    let at = |name: &str, problem: String| format!("row {row}, column {name}: {problem}");
    for (name, cell) in header.0.iter().zip(record.iter()) {
        if cell.chars().count() > MAX_FIELD_CHARS {
            return Err(at(
                name,
                format!("the cell is longer than {MAX_FIELD_CHARS} characters"),
            ));
        }
    }
    let time = |name: &str, v: &str| -> Result<Timestamp, String> {
        if let Ok(t) = v.parse::<Timestamp>() {
            return Ok(t);
        }
        crate::csv_dialect::sheet_date(v)
            .and_then(|d| d.to_zoned(tz.clone()).ok())
            .map(|z| z.timestamp())
            .ok_or_else(|| {
                at(
                    name,
                    format!("`{v}` is not a date such as 2026-11-16 or 16-11-2026"),
                )
            })
    };
    let account_name = crate::bundle::printable(&get("account_name"));
    if account_name.trim().is_empty() {
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
    let contact_name = get("contact_name");
    let lead = LeadIn {
        id: get("id"),
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
    };
    let mut lead = lead.printable();
    if lead.id.trim().is_empty() {
        lead.id = stable_id(&lead);
    }
    Ok(lead)
}

/// The id of a row without an `id` column, made from its cleaned identity (account, time,
/// interest, postcode), so importing the same sheet again updates instead of duplicating.
fn stable_id(lead: &LeadIn) -> String {
    let key = format!(
        "{}|{}|{}|{}",
        lead.account.name, lead.received_at, lead.interest, lead.account.address.postcode
    );
    format!("CSV-{}", &blake3::hash(key.as_bytes()).to_hex()[..16])
}
