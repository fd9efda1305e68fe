//! Receipts: the coordinator signs what she received from a volunteer (`nabo receipt`); the
//! volunteer checks it against her pinned coordinator and her own exports (`nabo
//! import-receipt`) and sees per month whether it arrived as sent.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use nabo_core::exchange::{
    ExchangeError, PublicKey, Receipt, ReceivedMonth, Sender, MAX_RECEIPT_BYTES, RECEIPT_FORMAT, RECEIPT_VERSION,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::service::Nabo;
use crate::summaries::{hex, Recipient};

/// What writing a receipt did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceiptExport {
    /// The volunteer it is for.
    pub volunteer: String,
    /// How many months it lists.
    pub months: usize,
    /// SHA-256 of the file written, hex.
    pub sha256: String,
}

/// How a month the volunteer sent fared, by the coordinator's receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReceiptState {
    /// The coordinator has the last revision sent, byte for byte.
    Arrived,
    /// She has an older revision than the last sent: send the month again.
    OlderRevision,
    /// She has the revision sent, but not the same file (sent again from another device, or
    /// changed on the way): send the month again.
    OtherFile,
    /// Sent, and not received: send it again.
    NotArrived,
    /// She has a month this Nabo has no record of sending (from another device).
    NotSentFromHere,
}

/// One month on the receipt or among the months sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceiptMonth {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// How it fared.
    pub state: ReceiptState,
    /// The last revision sent from here, if any.
    pub sent_revision: Option<u32>,
    /// The revision the coordinator has, if any.
    pub received_revision: Option<u32>,
    /// The totals as she imported them (empty when she has nothing).
    #[ts(type = "Record<string, number>")]
    pub totals: BTreeMap<String, u64>,
}

/// A receipt as checked by the volunteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceiptReport {
    /// The coordinator who signed it.
    pub coordinator: Recipient,
    /// When she made it (RFC 3339).
    pub created: String,
    /// Every month sent or received, oldest first.
    pub months: Vec<ReceiptMonth>,
}

impl Nabo {
    /// Writes a receipt for the volunteer `name` to `out` (`nabo receipt`): every month received
    /// from her, the revision that counts, its file's SHA-256 and totals, signed by this Nabo.
    pub fn write_receipt(&mut self, name: &str, out: &Path, now: DateTime<Utc>) -> Result<ReceiptExport, AppError> {
        let keys = self.keys()?;
        if keys.decryption.is_none() {
            return Err(AppError::NotACoordinator);
        }
        let own = keys.identity.display_name.clone().ok_or(AppError::CardNeedsName)?;
        let volunteer = nabo_store::find_volunteer(self.store.conn(), name.trim())?
            .ok_or_else(|| AppError::UnknownVolunteer { name: name.chars().take(60).collect() })?;
        let view = self
            .volunteers(now)?
            .into_iter()
            .find(|v| v.name == volunteer.name)
            .ok_or_else(|| AppError::UnknownVolunteer { name: name.chars().take(60).collect() })?;
        let months: Vec<ReceivedMonth> = view
            .months
            .into_iter()
            .map(|m| ReceivedMonth { period: m.period, revision: m.revision, sha256: m.sha256, totals: m.totals })
            .collect();
        let count = months.len();
        let volunteer_key = PublicKey::from_bytes(&volunteer.signing_key)
            .map_err(|e| AppError::Card { file: out.display().to_string(), source: e.into() })?;
        let receipt = Receipt {
            format: RECEIPT_FORMAT.into(),
            version: RECEIPT_VERSION,
            coordinator: Sender { name: own, signing_key: keys.signing.public().to_base64() },
            volunteer: Sender { name: volunteer.name.clone(), signing_key: volunteer_key.to_base64() },
            created: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            months,
        };
        let signed =
            receipt.sign(&keys.signing).map_err(|source| AppError::Card { file: out.display().to_string(), source })?;
        let sha256 = self.write_signed(&signed, None, out)?;
        Ok(ReceiptExport { volunteer: volunteer.name, months: count, sha256: hex(&sha256) })
    }

    /// Checks the receipt at `path` (`nabo import-receipt`): signed by the coordinator set here,
    /// for this Nabo's key; then compares it month by month with what was sent. Nothing is stored.
    pub fn check_receipt(&mut self, path: &Path) -> Result<ReceiptReport, AppError> {
        let file = path.display().to_string();
        let refused = |reason: &'static str| AppError::ReceiptRefused { file: file.clone(), reason };
        let bytes = crate::import_file::read_chosen_file(path, MAX_RECEIPT_BYTES as u64, |_| AppError::Card {
            file: file.clone(),
            source: ExchangeError::TooLarge { max: MAX_RECEIPT_BYTES },
        })?;
        let receipt = Receipt::read(&bytes).map_err(|source| AppError::Card { file: file.clone(), source })?;
        let (coordinator, _) = self.pinned_coordinator()?.ok_or(AppError::NoCoordinator)?;
        let signer = PublicKey::from_base64(&receipt.coordinator.signing_key)
            .map_err(|e| AppError::Card { file: file.clone(), source: e.into() })?;
        let pinned = coordinator.key().map_err(|source| AppError::Card { file: file.clone(), source })?;
        if signer != pinned {
            return Err(refused("other_coordinator"));
        }
        let own = self.keys()?.signing.public();
        if receipt.volunteer_key().map_err(|source| AppError::Card { file: file.clone(), source })? != own {
            return Err(refused("other_volunteer"));
        }
        let sent = self.sent_months()?;
        let mut months: BTreeMap<String, ReceiptMonth> = BTreeMap::new();
        for s in &sent {
            months.insert(
                s.period.clone(),
                ReceiptMonth {
                    period: s.period.clone(),
                    state: ReceiptState::NotArrived,
                    sent_revision: Some(s.revision),
                    received_revision: None,
                    totals: BTreeMap::new(),
                },
            );
        }
        for r in receipt.months {
            let sent = sent.iter().find(|s| s.period == r.period);
            let state = match sent {
                None => ReceiptState::NotSentFromHere,
                Some(s) if r.revision < s.revision => ReceiptState::OlderRevision,
                Some(s) if r.revision == s.revision && r.sha256 == s.sha256 => ReceiptState::Arrived,
                Some(_) => ReceiptState::OtherFile,
            };
            months.insert(
                r.period.clone(),
                ReceiptMonth {
                    period: r.period,
                    state,
                    sent_revision: sent.map(|s| s.revision),
                    received_revision: Some(r.revision),
                    totals: r.totals,
                },
            );
        }
        Ok(ReceiptReport {
            coordinator: Recipient { name: receipt.coordinator.name, fingerprint: signer.fingerprint().to_string() },
            created: receipt.created,
            months: months.into_values().collect(),
        })
    }
}
