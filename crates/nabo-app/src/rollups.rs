//! A local coordinator's roll-up for the national level (issue 13): her area's month, quarter
//! or year as one signed file carrying every volunteer summary it adds up (docs/FORMAT.md).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use nabo_core::exchange::{Constituent, MonthSummary, RollUp, Sender, ROLLUP_FORMAT, ROLLUP_VERSION};
use nabo_core::report::{Month, Period};
use nabo_store::{insert_sent_rollup, list_latest_imported, next_rollup_revision, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::service::Nabo;
use crate::summaries::Recipient;

/// What exporting a roll-up did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RollupExport {
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    pub period: String,
    /// Its revision: 1 the first time this period is rolled up.
    pub revision: u32,
    /// The volunteer summaries it carries.
    pub summaries: usize,
    /// From how many volunteers.
    pub volunteers: usize,
    /// People reached in all.
    #[ts(type = "number")]
    pub reached: u64,
    /// SHA-256 of the file written, hex.
    pub sha256: String,
    /// Who it is encrypted to; `None` for a plain file.
    pub encrypted_to: Option<Recipient>,
}

impl Nabo {
    /// Writes the roll-up of `period` (`nabo export-rollup`): the highest revision of every
    /// volunteer's month in it, each as she signed it, with their sum; encrypted to the card
    /// at `to` when one is given.
    pub fn export_rollup(
        &mut self,
        period: &str,
        out: &Path,
        to: Option<&Path>,
        now: DateTime<Utc>,
    ) -> Result<RollupExport, AppError> {
        let keys = self.keys()?;
        if !matches!(keys.identity.role, nabo_store::Role::Coordinator | nabo_store::Role::Both) {
            return Err(AppError::CoordinatorOnly);
        }
        let period: Period = period
            .parse()
            .map_err(|_| AppError::UnreadableReportPeriod { input: period.chars().take(20).collect() })?;
        let recipient = to.map(crate::coordinator::card_recipient).transpose()?;
        let damaged = |detail: String| AppError::Store(StoreError::Damaged { what: "imported summary", id: 0, detail });
        let mut summaries = Vec::new();
        let mut unsigned = Vec::new();
        let mut totals: BTreeMap<String, u64> = BTreeMap::new();
        let mut volunteers = BTreeSet::new();
        for s in list_latest_imported(self.store.conn())? {
            let Ok(month) = s.period.parse::<Month>() else { continue };
            if !period.contains(month) {
                continue;
            }
            let summary = MonthSummary::from_stored(&s.payload).map_err(|e| damaged(e.to_string()))?;
            let Some(signature) = &s.signature else {
                unsigned.push(format!("{} {}", summary.volunteer.name, s.period));
                continue;
            };
            let signed = MonthSummary::signed_document(&s.payload, signature).map_err(|e| damaged(e.to_string()))?;
            for (k, v) in &summary.totals {
                *totals.entry(k.clone()).or_insert(0) += v;
            }
            volunteers.insert(s.volunteer_key);
            summaries.push(Constituent::of(&summary, signed).map_err(|e| damaged(e.to_string()))?);
        }
        if let Some(first) = unsigned.first() {
            return Err(AppError::RollupUnsigned { count: unsigned.len(), first: first.clone() });
        }
        if summaries.is_empty() {
            return Err(AppError::NothingToRollUp { period: period.to_string() });
        }
        let revision = next_rollup_revision(self.store.conn(), &period.to_string())?;
        let name = keys.identity.display_name.clone().ok_or(AppError::CardNeedsName)?;
        let reached = totals.get("reached").copied().unwrap_or(0);
        let count = summaries.len();
        let rollup = RollUp {
            format: ROLLUP_FORMAT.into(),
            version: ROLLUP_VERSION,
            period: period.to_string(),
            scheme_version: nabo_core::CURRENT_SCHEME.into(),
            coordinator: Sender { name, signing_key: keys.signing.public().to_base64() },
            revision,
            created: now.to_rfc3339_opts(SecondsFormat::Secs, true),
            totals,
            summaries,
        };
        let signed =
            rollup.sign(&keys.signing).map_err(|source| AppError::Card { file: out.display().to_string(), source })?;
        let sha256 = self.write_signed(&signed, recipient.as_ref().map(|(_, to)| to), out)?;
        let period_text = period.to_string();
        self.store.write(|tx| insert_sent_rollup(tx, &period_text, revision, &sha256, now))?;
        Ok(RollupExport {
            period: period_text,
            revision,
            summaries: count,
            volunteers: volunteers.len(),
            reached,
            sha256: crate::summaries::hex(&sha256),
            encrypted_to: recipient.map(|(who, _)| who),
        })
    }
}
