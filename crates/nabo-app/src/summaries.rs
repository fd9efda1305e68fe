//! The volunteer's side of summary files: a month's totals signed with her key and encrypted
//! to her coordinator (or, asked for in so many words, left readable), with a revision that
//! grows at each export and a record of what was sent.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use nabo_core::exchange::{
    area_kind_totals, AreaTotals, ExchangeError, KindTotals, MonthSummary, Sender, SUMMARY_FORMAT, SUMMARY_VERSION,
};
use nabo_core::{ActivityKind, ActivityStatus, Scheme};
use nabo_store::{
    insert_sent_summary, list_sent_summaries, month_totals_by_kind_and_area, next_summary_revision, SentSummary,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::AppError;
use crate::service::Nabo;

/// Who a summary is for.
#[derive(Debug, Clone, Copy)]
pub enum SummaryTo<'a> {
    /// Encrypted to the coordinator whose identity card is this file.
    Card(&'a Path),
    /// Encrypted to the coordinator set with `coordinator set` (an error if none is).
    Coordinator,
    /// Not encrypted: readable by anyone who gets the file (the user asked for it).
    Plain,
}

/// What exporting a month's summary did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SummaryExport {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// Its revision: 1 the first time this month is exported.
    pub revision: u32,
    /// SHA-256 of the file written, hex: what the coordinator's receipt will name.
    pub sha256: String,
    /// The coordinator it is encrypted to (name and fingerprint); `None` for a plain file.
    pub encrypted_to: Option<Recipient>,
    /// How many people the month reached (its `reached` total), to say in the message.
    #[ts(type = "number")]
    pub reached: u64,
}

/// A coordinator a summary is encrypted to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Recipient {
    /// Her name, from her card.
    pub name: String,
    /// Her key's fingerprint, from her card.
    pub fingerprint: String,
}

/// A month sent before, and whether its counts changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SentMonth {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The last revision sent.
    pub revision: u32,
    /// When it was written (RFC 3339).
    pub sent: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Counts of the month changed after it was sent: send it again.
    pub changed_since: bool,
}

/// Bytes as lower-case hex (how files' SHA-256 are shown and stored).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn period_of(first: NaiveDate) -> String {
    format!("{:04}-{:02}", first.year(), first.month())
}

/// What a month's summary says, without who, when and which revision: its hash tells whether
/// counts changed after an export. The totals by area and kind together (format 2) are left
/// out, so that a month sent by a format-1 Nabo is not shown changed after an update; a change
/// they alone would show (the same counts swapped between two areas' kinds) is not flagged.
fn content_hash(summary: &MonthSummary) -> Result<[u8; 32], AppError> {
    let content = (&summary.period, &summary.scheme_version, &summary.totals, &summary.by_kind, &summary.by_area);
    let bytes = serde_json::to_vec(&content).map_err(|e| AppError::Card {
        file: summary.period.clone(),
        source: ExchangeError::Malformed { detail: e.to_string() },
    })?;
    Ok(Sha256::digest(bytes).into())
}

impl Nabo {
    /// The month starting on `first` as a summary body (revision and time still to be set).
    fn month_summary(&mut self, first: NaiveDate, now: DateTime<Utc>) -> Result<MonthSummary, AppError> {
        let keys = self.keys()?;
        let name = keys.identity.display_name.clone().ok_or(AppError::CardNeedsName)?;
        let period = period_of(first);
        let scheme = Scheme::current().map_err(AppError::Scheme)?;
        let zero: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
        let mut by_kind: BTreeMap<ActivityKind, KindTotals> = ActivityKind::ALL
            .iter()
            .map(|&k| (k, KindTotals { held: 0, cancelled: 0, totals: zero.clone() }))
            .collect();
        for row in self.month_stats(first)?.activities {
            let (Ok(kind), Ok(status)) = (row.kind.parse::<ActivityKind>(), row.status.parse::<ActivityStatus>())
            else {
                continue;
            };
            let count = u32::try_from(row.count).unwrap_or(u32::MAX);
            let entry = by_kind.entry(kind).or_default();
            match status {
                ActivityStatus::Done => entry.held += count,
                ActivityStatus::Cancelled => entry.cancelled += count,
                ActivityStatus::Planned | ActivityStatus::NoShow => {}
            }
        }
        // Sums per (kind, area, scheme version), each migrated to the current scheme.
        let mut groups: BTreeMap<(String, Option<String>, String), BTreeMap<String, u32>> = BTreeMap::new();
        for row in month_totals_by_kind_and_area(self.store.conn(), &period)? {
            let sum = u32::try_from(row.sum).unwrap_or(u32::MAX);
            groups.entry((row.kind, row.area, row.scheme)).or_default().insert(row.key, sum);
        }
        let mut totals = zero.clone();
        let mut by_area: BTreeMap<Option<String>, BTreeMap<String, u64>> = BTreeMap::new();
        let mut records: Vec<(ActivityKind, Option<String>, BTreeMap<String, u64>)> = Vec::new();
        for ((kind, area, version), values) in groups {
            let kind: ActivityKind = kind.parse().map_err(|_| {
                AppError::Store(nabo_store::StoreError::Damaged {
                    what: "activity",
                    id: 0,
                    detail: format!("unknown kind '{kind}'"),
                })
            })?;
            let mut record = BTreeMap::new();
            for (key, value) in scheme.migrate(&version, &values).map_err(AppError::Scheme)? {
                let value = u64::from(value);
                *totals.entry(key.clone()).or_insert(0) += value;
                *by_kind.entry(kind).or_default().totals.entry(key.clone()).or_insert(0) += value;
                *by_area.entry(area.clone()).or_insert_with(|| zero.clone()).entry(key.clone()).or_insert(0) += value;
                record.insert(key, value);
            }
            records.push((kind, area, record));
        }
        let by_area_kind = area_kind_totals(records.iter().map(|(kind, area, t)| (*kind, area.as_deref(), t)));
        Ok(MonthSummary {
            format: SUMMARY_FORMAT.into(),
            version: SUMMARY_VERSION,
            period,
            scheme_version: scheme.version.clone(),
            volunteer: Sender { name, signing_key: keys.signing.public().to_base64() },
            revision: 1,
            created: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            totals,
            by_kind,
            by_area: by_area.into_iter().map(|(area, totals)| AreaTotals { area, totals }).collect(),
            by_area_kind,
        })
    }

    /// Writes the month starting on `first` as a summary file to `out` (`nabo export-summary`):
    /// signed, encrypted to the coordinator's card unless `Plain` was asked for, with the next
    /// revision; the export is recorded once the file is written.
    pub fn export_summary(
        &mut self,
        first: NaiveDate,
        out: &Path,
        to: SummaryTo<'_>,
        now: DateTime<Utc>,
    ) -> Result<SummaryExport, AppError> {
        let recipient = match to {
            SummaryTo::Card(card) => Some(crate::coordinator::card_recipient(card)?),
            SummaryTo::Coordinator => {
                let (card, _) = self.pinned_coordinator()?.ok_or(AppError::NoCoordinator)?;
                Some(crate::coordinator::recipient(&card, "coordinator")?)
            }
            SummaryTo::Plain => None,
        };
        let mut summary = self.month_summary(first, now)?;
        let content = content_hash(&summary)?;
        summary.revision = next_summary_revision(self.store.conn(), &summary.period)?;
        let (period, revision, reached) =
            (summary.period.clone(), summary.revision, summary.totals.get("reached").copied().unwrap_or(0));
        let signed = summary
            .sign(&self.keys()?.signing)
            .map_err(|source| AppError::Card { file: out.display().to_string(), source })?;
        let sha256 = self.write_signed(&signed, recipient.as_ref().map(|(_, to)| to), out)?;
        let sent = SentSummary { period: period.clone(), revision, sha256, content, sent: now };
        self.store.write(|tx| insert_sent_summary(tx, &sent))?;
        Ok(SummaryExport {
            period,
            revision,
            sha256: hex(&sha256),
            encrypted_to: recipient.map(|(who, _)| who),
            reached,
        })
    }

    /// Writes a signed file the user chose to hand over: pretty JSON ending in a newline,
    /// encrypted with age to `to` when given. Returns the SHA-256 of the bytes written.
    pub(crate) fn write_signed(
        &self,
        signed: &serde_json::Value,
        to: Option<&age::x25519::Recipient>,
        out: &Path,
    ) -> Result<[u8; 32], AppError> {
        let refused = |detail: String| AppError::Card {
            file: out.display().to_string(),
            source: ExchangeError::Malformed { detail },
        };
        let mut json = serde_json::to_vec_pretty(signed).map_err(|e| refused(e.to_string()))?;
        json.push(b'\n');
        let bytes = match to {
            Some(to) => age::encrypt(to, &json).map_err(|e| refused(format!("encryption failed: {e}")))?,
            None => json,
        };
        crate::files::write_file(out, &bytes, &self.protected_files())?;
        Ok(Sha256::digest(&bytes).into())
    }

    /// The months sent, the last revision of each, newest first, marking those whose counts
    /// changed after they were sent.
    pub fn sent_months(&mut self) -> Result<Vec<SentMonth>, AppError> {
        let sent = list_sent_summaries(self.store.conn())?;
        let mut months = Vec::with_capacity(sent.len());
        for s in sent {
            let first = crate::counts::parse_period(&s.period)?;
            let now_content = content_hash(&self.month_summary(first, s.sent)?)?;
            months.push(SentMonth {
                changed_since: now_content != s.content,
                period: s.period,
                revision: s.revision,
                sent: s.sent.to_rfc3339(),
                sha256: hex(&s.sha256),
            });
        }
        Ok(months)
    }
}
