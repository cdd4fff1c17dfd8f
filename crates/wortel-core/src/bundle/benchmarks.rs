//! The records of a `benchmark` bundle (head office → dealer): network figures a dealer's own
//! are shown beside. One figure a line: `{"measure": ..., "value": ...}` with `channel` for
//! `conversion_rate` and `reason` for `lost_reason`. Unknown measures are kept out (a newer head
//! office may send more); a line without a measure or a number refuses the bundle.

use super::{Bundle, BundleError, printable};
use serde::{Deserialize, Serialize};

/// The measures wortel knows, in the order it shows them.
pub const MEASURES: [&str; 5] = [
    "conversion_rate",
    "response_hours",
    "win_rate",
    "lost_reason",
    "nps",
];

/// One figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub measure: String,
    /// For `conversion_rate`: the lead channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// For `lost_reason`: the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub value: f64,
}

impl Figure {
    /// What the figure is about, for display: "conversion_rate web".
    pub fn label(&self) -> String {
        let key = self
            .channel
            .as_deref()
            .or(self.reason.as_deref())
            .unwrap_or("");
        if key.is_empty() {
            self.measure.clone()
        } else {
            format!("{} {key}", self.measure)
        }
    }
}

/// The known figures of a verified benchmark bundle.
pub fn parse_benchmarks(bundle: &Bundle) -> Result<Vec<Figure>, BundleError> {
    let mut out = Vec::new();
    for (line, bytes) in bundle.lines("benchmarks.ndjson") {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            BundleError::new(format!("benchmarks.ndjson line {line} is not UTF-8 text; ask head office for a corrected bundle"))
        })?;
        let f: Figure = serde_json::from_str(text).map_err(|e| {
            let what = e.to_string();
            let what = what.split(" at line").next().unwrap_or(&what).to_string();
            BundleError::new(format!(
                "benchmarks.ndjson line {line}: {}; ask head office for a corrected bundle",
                printable(&what)
            ))
        })?;
        if !f.value.is_finite() {
            return Err(BundleError::new(format!(
                "benchmarks.ndjson line {line}: the value is not a number; ask head office for a corrected bundle"
            )));
        }
        if let Some((low, high)) = range(&f.measure) {
            if !(low..=high).contains(&f.value) {
                return Err(BundleError::new(format!(
                    "benchmarks.ndjson line {line}: {} {} is outside {low} to {high}; ask head office for a corrected bundle",
                    printable(&f.measure),
                    shown(f.value)
                )));
            }
        }
        let key = f.channel.iter().chain(&f.reason);
        if key.clone().any(|k| k.chars().count() > MAX_KEY_CHARS) {
            return Err(BundleError::new(format!(
                "benchmarks.ndjson line {line}: a channel or reason is longer than {MAX_KEY_CHARS} characters; ask head office for a corrected bundle"
            )));
        }
        if MEASURES.contains(&f.measure.as_str()) {
            out.push(Figure {
                channel: f.channel.as_deref().map(printable),
                reason: f.reason.as_deref().map(printable),
                ..f
            });
        }
    }
    Ok(out)
}

/// A channel or reason name; longer is not a name.
const MAX_KEY_CHARS: usize = 200;

/// The values a measure can take: rates are percentages, NPS runs from -100 to 100, and a
/// response time beyond a year is not a measurement.
fn range(measure: &str) -> Option<(f64, f64)> {
    match measure {
        "conversion_rate" | "win_rate" | "lost_reason" => Some((0.0, 100.0)),
        "nps" => Some((-100.0, 100.0)),
        "response_hours" => Some((0.0, 24.0 * 366.0)),
        _ => None,
    }
}

/// A refused value, short enough to read: 1e308 stays "1e308", not 309 digits.
fn shown(value: f64) -> String {
    if value.abs() >= 1e6 {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}
