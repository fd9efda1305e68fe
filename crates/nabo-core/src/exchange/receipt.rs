//! The receipt: what a coordinator received from one volunteer — per month the revision, the
//! file's SHA-256 and the totals as imported — signed by the coordinator's key, so that "my
//! numbers differ from the coordinator's" is answered by a file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{open_document, sign_document, ExchangeError, PublicKey, SecretKey, Sender, Signed};
use crate::text::{clean, Field};

/// The `format` member of a receipt.
pub const RECEIPT_FORMAT: &str = "nabo-receipt";
/// The receipt format version this build writes and the newest it reads.
pub const RECEIPT_VERSION: u32 = 1;
/// The largest receipt read (ten years of months is far below it).
pub const MAX_RECEIPT_BYTES: usize = 1024 * 1024;
/// The most months a receipt may list (the planning years hold fewer).
const MAX_MONTHS: usize = 1_200;

/// One month as the coordinator received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceivedMonth {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The revision that counts (the highest received).
    pub revision: u32,
    /// SHA-256 of that file as it arrived, hex.
    pub sha256: String,
    /// Its totals as imported.
    pub totals: BTreeMap<String, u64>,
}

/// A coordinator's receipt for one volunteer, as written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Always [`RECEIPT_FORMAT`].
    pub format: String,
    /// The format version, 1 to [`RECEIPT_VERSION`].
    pub version: u32,
    /// Who received the months; the receipt is signed with her key.
    pub coordinator: Sender,
    /// Whose months they are.
    pub volunteer: Sender,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// Every month received from the volunteer, oldest first.
    pub months: Vec<ReceivedMonth>,
}

impl Signed for Receipt {
    const FORMAT: &'static str = RECEIPT_FORMAT;
    const VERSION: u32 = RECEIPT_VERSION;

    fn signer(&self) -> Result<PublicKey, ExchangeError> {
        Ok(PublicKey::from_base64(&self.coordinator.signing_key)?)
    }
}

impl Receipt {
    /// The receipt signed by `key` (the coordinator it names), checked like one read.
    pub fn sign(self, key: &SecretKey) -> Result<serde_json::Value, ExchangeError> {
        let receipt = self.checked()?;
        if receipt.signer()? != key.public() {
            return Err(ExchangeError::Malformed { detail: "the receipt names another key than signs it".into() });
        }
        sign_document(&receipt, key)
    }

    /// Reads a receipt: signed by the coordinator it names, months that could be true. Whether
    /// that coordinator is the volunteer's is the caller's to check.
    pub fn read(bytes: &[u8]) -> Result<Self, ExchangeError> {
        open_document::<Receipt>(bytes, MAX_RECEIPT_BYTES)?.checked()
    }

    /// The volunteer's key the receipt is for.
    pub fn volunteer_key(&self) -> Result<PublicKey, ExchangeError> {
        Ok(PublicKey::from_base64(&self.volunteer.signing_key)?)
    }

    fn checked(mut self) -> Result<Self, ExchangeError> {
        let malformed = |detail: String| ExchangeError::Malformed { detail };
        for who in [&mut self.coordinator, &mut self.volunteer] {
            who.name = clean(Field::DisplayName, Some(std::mem::take(&mut who.name)))?
                .ok_or_else(|| malformed("a name is empty".into()))?;
        }
        self.volunteer_key()?;
        if chrono::DateTime::parse_from_rfc3339(&self.created).is_err() {
            return Err(malformed("'created' is not an RFC 3339 time".into()));
        }
        if self.months.len() > MAX_MONTHS {
            return Err(malformed(format!("more than {MAX_MONTHS} months")));
        }
        let mut last: Option<&str> = None;
        for month in &self.months {
            let period_ok = month.period.len() == 7
                && chrono::NaiveDate::parse_from_str(&format!("{}-01", month.period), "%Y-%m-%d").is_ok();
            if !period_ok {
                return Err(malformed(format!(
                    "'{}' is not a month",
                    month.period.chars().take(20).collect::<String>()
                )));
            }
            if last.is_some_and(|l| l >= month.period.as_str()) {
                return Err(malformed(format!("{} is listed out of order or twice", month.period)));
            }
            last = Some(&month.period);
            if month.revision == 0 {
                return Err(malformed(format!("{}: revision 0", month.period)));
            }
            if month.sha256.len() != 64
                || !month.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            {
                return Err(malformed(format!("{}: the SHA-256 is not 64 lower-case hex digits", month.period)));
            }
            if month.totals.len() > 200 || month.totals.keys().any(|k| k.len() > 64) {
                return Err(malformed(format!("{}: the totals do not fit a scheme", month.period)));
            }
        }
        Ok(self)
    }
}
