//! Net Promoter Score responses and the score itself (PRODUCT.md §3).

use super::error::{DomainError, invalid};
use super::ids::{AccountId, ContactId, NpsId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One 0–10 answer of a contact on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsResponse {
    pub id: NpsId,
    pub account_id: AccountId,
    #[serde(default)]
    pub contact_id: Option<ContactId>,
    pub score: u8,
    pub date: Date,
    #[serde(default)]
    pub comment: String,
    pub created_at: Timestamp,
}

/// An NPS answer is a whole number from 0 to 10.
pub fn validate_nps(score: i64) -> Result<u8, DomainError> {
    u8::try_from(score)
        .ok()
        .filter(|s| *s <= 10)
        .ok_or_else(|| {
            invalid(format!(
                "NPS score {score} is out of range; an NPS answer is a whole number from 0 to 10"
            ))
        })
}

/// % promoters (9–10) − % detractors (0–6), rounded to a whole number; `None` without answers.
pub fn net_promoter_score(scores: impl IntoIterator<Item = u8>) -> Option<i32> {
    let (mut n, mut promoters, mut detractors) = (0i64, 0i64, 0i64);
    for s in scores {
        n += 1;
        if s >= 9 {
            promoters += 1;
        } else if s <= 6 {
            detractors += 1;
        }
    }
    if n == 0 {
        return None;
    }
    let diff = (promoters - detractors) * 100;
    // round half away from zero
    let rounded = if diff >= 0 {
        (2 * diff + n) / (2 * n)
    } else {
        -((-2 * diff + n) / (2 * n))
    };
    i32::try_from(rounded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_is_promoters_minus_detractors_in_percent() {
        assert_eq!(net_promoter_score([10, 9, 8, 7, 6]), Some(20));
        assert_eq!(net_promoter_score([10, 10, 10]), Some(100));
        assert_eq!(net_promoter_score([0, 3, 6]), Some(-100));
        assert_eq!(net_promoter_score([7, 8]), Some(0));
        assert_eq!(net_promoter_score([9, 0, 0]), Some(-33));
        assert_eq!(net_promoter_score([9, 9, 0]), Some(33));
        assert_eq!(net_promoter_score([]), None);
    }

    #[test]
    fn an_answer_is_zero_to_ten() {
        assert_eq!(validate_nps(10).unwrap(), 10);
        assert!(validate_nps(11).is_err());
        assert!(validate_nps(-1).is_err());
    }
}
