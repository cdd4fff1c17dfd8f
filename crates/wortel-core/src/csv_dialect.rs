//! The two ways wortel writes and reads spreadsheets: `standard` (UTF-8, `,` between fields,
//! amounts as `95000.00`: what scripts and most programs read) and `excel-nl` (UTF-8 with a
//! byte-order mark, `;` between fields, amounts as `95000,00`: what Excel with Dutch settings
//! opens into the right columns and numbers). Dates stay ISO (`2026-12-01`) in both, which
//! Dutch Excel reads as dates; reading also takes `30-11-2026`, as Dutch Excel saves them.

use crate::domain::Cents;
use jiff::civil::Date;

/// The UTF-8 byte-order mark Excel needs to read a CSV as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A spreadsheet dialect, chosen with `--dialect standard|excel-nl`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    #[default]
    Standard,
    ExcelNl,
}

impl Dialect {
    pub const NAMES: [&'static str; 2] = ["standard", "excel-nl"];

    pub fn parse(name: &str) -> Result<Dialect, String> {
        match name.trim().to_lowercase().as_str() {
            "standard" => Ok(Dialect::Standard),
            "excel-nl" => Ok(Dialect::ExcelNl),
            other => Err(format!(
                "dialect `{}` is unknown; use standard (`,`, 95000.00) or excel-nl (`;`, 95000,00, for Dutch Excel)",
                crate::bundle::printable(other)
            )),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Standard => "standard",
            Dialect::ExcelNl => "excel-nl",
        }
    }

    /// The byte between fields.
    pub fn delimiter(self) -> u8 {
        match self {
            Dialect::Standard => b',',
            Dialect::ExcelNl => b';',
        }
    }

    /// What a file starts with: nothing, or the byte-order mark.
    pub fn preamble(self) -> &'static [u8] {
        match self {
            Dialect::Standard => b"",
            Dialect::ExcelNl => BOM,
        }
    }

    /// Plain euros without grouping: `95000.00` (standard) or `95000,00` (excel-nl), so the
    /// spreadsheet takes the cell as a number.
    pub fn euros(self, c: Cents) -> String {
        let sign = if c.0 < 0 { "-" } else { "" };
        let abs = c.0.unsigned_abs();
        let point = match self {
            Dialect::Standard => '.',
            Dialect::ExcelNl => ',',
        };
        format!("{sign}{}{point}{:02}", abs / 100, abs % 100)
    }

    /// The dialect a file is in: excel-nl when it starts with a byte-order mark or its header
    /// row has more `;` than `,`, standard otherwise.
    pub fn detect(bytes: &[u8]) -> Dialect {
        if bytes.starts_with(BOM) || delimiter_of(header_line(bytes)) == b';' {
            Dialect::ExcelNl
        } else {
            Dialect::Standard
        }
    }
}

/// The bytes without a leading byte-order mark.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

fn header_line(bytes: &[u8]) -> &[u8] {
    let bytes = without_bom(bytes);
    let end = bytes
        .iter()
        .position(|b| *b == b'\n')
        .unwrap_or(bytes.len());
    &bytes[..end]
}

/// The delimiter a header row uses: `;` when it has more of them than `,`.
pub fn delimiter_of(header: &[u8]) -> u8 {
    let count = |c: u8| header.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// A date cell as spreadsheets save it: ISO `2026-11-30`, or Dutch `30-11-2026` / `30/11/2026`
/// (day first, four-digit year). `None` for anything else or a day the calendar lacks.
pub fn sheet_date(cell: &str) -> Option<Date> {
    let v = cell.trim();
    if let Ok(d) = v.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = v.split(['-', '/']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, max: usize| s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(d, 2) && digits(m, 2) && y.len() == 4 && digits(y, 4)) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialects_write_amounts_their_way() {
        assert_eq!(Dialect::Standard.euros(Cents(9_500_050)), "95000.50");
        assert_eq!(Dialect::ExcelNl.euros(Cents(9_500_050)), "95000,50");
        assert_eq!(Dialect::ExcelNl.euros(Cents(-50)), "-0,50");
        assert_eq!(Dialect::parse("Excel-NL"), Ok(Dialect::ExcelNl));
        assert!(
            Dialect::parse("excel")
                .unwrap_err()
                .starts_with("dialect `excel` is unknown")
        );
    }

    #[test]
    fn a_bom_or_a_semicolon_header_is_excel_nl() {
        assert_eq!(Dialect::detect(b"\xEF\xBB\xBFa,b\n1,2\n"), Dialect::ExcelNl);
        assert_eq!(Dialect::detect(b"a;b;c\n1,5;2;3\n"), Dialect::ExcelNl);
        assert_eq!(Dialect::detect(b"a,b\n1;2\n"), Dialect::Standard);
        assert_eq!(Dialect::detect(b""), Dialect::Standard);
    }

    #[test]
    fn dates_as_dutch_excel_saves_them() {
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(sheet_date("30-11-2026"), d("2026-11-30"));
        assert_eq!(sheet_date("1/2/2026"), d("2026-02-01"));
        assert_eq!(sheet_date("2026-11-30"), d("2026-11-30"));
        assert_eq!(sheet_date("31-02-2026"), None);
        assert_eq!(sheet_date("30-11-26"), None);
        assert_eq!(sheet_date("11-30"), None);
    }
}
