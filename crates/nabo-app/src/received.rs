//! The coordinator's side of summary files: importing many at once (a dry run first), each
//! verified before anything from it is stored, volunteers pinned to their keys, revisions
//! that replace older ones, and the list of who delivered which month.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};
use nabo_core::exchange::{ExchangeError, MonthSummary, PublicKey, RollUp, MAX_ROLLUP_BYTES, ROLLUP_FORMAT};
use nabo_core::report::{facts_of, Fact};
use nabo_store::{
    accept_offered_key, fill_signed, find_imported_by_sha256, find_volunteer, find_volunteer_by_key, insert_imported,
    insert_rollup, insert_summary_totals, insert_volunteer, latest_imported, latest_rollup_revision, list_delivered,
    list_volunteers, offer_key, rollup_imported, Db, ImportedRollup, ImportedSummary, Role, StoreError, SummaryRef,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::AppError;
use crate::service::Nabo;
use crate::summaries::hex;

/// The first bytes of an age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// An encrypted roll-up (the largest file imported; a summary is far smaller and is held to
/// its own limit when read) is the roll-up plus age's header and a tag per 64 KiB.
const MAX_FILE_BYTES: u64 = MAX_ROLLUP_BYTES as u64 + 64 * 1024;

/// What importing one summary file did, or would do in a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SummaryFileReport {
    /// The file as named.
    pub file: String,
    /// What happened: `new`, `replaces`, `already_imported` or `refused`.
    pub outcome: SummaryOutcome,
    /// The volunteer's name, when the file could be read.
    pub volunteer: Option<String>,
    /// The month, when the file could be read.
    pub period: Option<String>,
    /// The file's revision, when it could be read.
    pub revision: Option<u32>,
    /// For `replaces`: the revision it replaces.
    pub replaced: Option<u32>,
    /// For `refused`: why (`not_for_you`, `damaged`, `signature`, `future_period`,
    /// `key_changed`, `older_revision`, `same_revision_other_content`, … — `summary-refused-<reason>`
    /// in the translation files).
    pub reason: Option<String>,
    /// For `refused`: the particulars, when there are some (a member's name, a fingerprint).
    pub detail: Option<String>,
    /// SHA-256 of the file, hex, when it could be read.
    pub sha256: Option<String>,
    /// For a roll-up (its coordinator is `volunteer`): what became of the summaries it carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub carried: Option<CarriedReport>,
}

/// What importing a roll-up did with the volunteer summaries it carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarriedReport {
    /// Months not here before.
    pub new: u32,
    /// Months it brought a higher revision of.
    pub replaced: u32,
    /// Months already here in the same revision (the volunteer's own file, or an earlier roll-up).
    pub same: u32,
    /// Months of which a newer revision is already here: that one is used.
    pub newer_here: Vec<NewerHere>,
}

/// A volunteer's month whose newer revision, already imported, is used instead of the roll-up's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewerHere {
    /// The volunteer as named here.
    pub volunteer: String,
    /// `YYYY-MM`.
    pub period: String,
    /// The revision in the roll-up.
    pub in_rollup: u32,
    /// The revision used.
    pub used: u32,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SummaryOutcome {
    /// A month not imported before.
    New,
    /// A higher revision of a month imported before: it counts from now on.
    Replaces,
    /// This very file was imported before: nothing changes.
    AlreadyImported,
    /// Refused; nothing from it was stored.
    Refused,
}

/// What a batch of summary files did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SummaryImportReport {
    /// Nothing was stored: this is what importing would do.
    pub dry_run: bool,
    /// Per file, in the order given.
    pub files: Vec<SummaryFileReport>,
}

impl SummaryImportReport {
    /// Whether any file was refused (the CLI then exits 65; the others were still imported).
    pub fn any_refused(&self) -> bool {
        self.files.iter().any(|f| f.outcome == SummaryOutcome::Refused)
    }
}

/// A volunteer as the coordinator sees her: name, fingerprint, and what she delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VolunteerView {
    /// Her name.
    pub name: String,
    /// Her key's fingerprint.
    pub fingerprint: String,
    /// A new key offered under her name, refused until accepted: its fingerprint.
    pub offered_fingerprint: Option<String>,
    /// Each month delivered (its highest revision), oldest first.
    pub months: Vec<DeliveredMonth>,
    /// Months from her first to the last complete month with no summary, `YYYY-MM`.
    pub missing: Vec<String>,
}

/// A volunteer as the window lists her: as [`VolunteerView`], her months with people reached
/// and new only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VolunteerRow {
    /// Her name.
    pub name: String,
    /// Her key's fingerprint.
    pub fingerprint: String,
    /// A new key offered under her name, refused until accepted: its fingerprint.
    pub offered_fingerprint: Option<String>,
    /// Each month delivered (its highest revision), oldest first.
    pub months: Vec<crate::reports::GridMonth>,
    /// Months from her first to the last complete month with no summary, `YYYY-MM`.
    pub missing: Vec<String>,
}

/// One month a volunteer delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveredMonth {
    /// `YYYY-MM`.
    pub period: String,
    /// The revision that counts.
    pub revision: u32,
    /// SHA-256 of that file, hex.
    pub sha256: String,
    /// The totals as imported, every key.
    #[ts(type = "Record<string, number>")]
    pub totals: BTreeMap<String, u64>,
}

/// A file read and verified, ready to be decided on.
///
/// Only what the import needs is kept, the summary itself as its JSON to store: holding
/// 10,000 parsed summaries at once (their maps of keys) made the allocator a third of the
/// import's time.
struct Verified {
    name: String,
    period: String,
    revision: u32,
    scheme: String,
    /// Its format version.
    format: u32,
    /// The canonical JSON her signature covers: stored, compact; with the signature it is the
    /// signed summary again (a roll-up carries it on).
    signed: String,
    /// The volunteer's signature: the same summary, whichever way it came, has the same one.
    signature: String,
    /// Its lines as the reports read them.
    facts: Vec<Fact>,
    key: [u8; 32],
    sha256: String,
}

/// Why a file was refused, before or after it was read.
struct Refusal {
    reason: &'static str,
    detail: Option<String>,
}

impl Refusal {
    fn new(reason: &'static str) -> Self {
        Self { reason, detail: None }
    }
    fn with(reason: &'static str, detail: impl Into<String>) -> Self {
        Self { reason, detail: Some(detail.into()) }
    }
}

impl From<ExchangeError> for Refusal {
    fn from(e: ExchangeError) -> Self {
        let detail = match &e {
            ExchangeError::Malformed { .. } | ExchangeError::Text(_) | ExchangeError::NotJson { .. } => {
                Some(e.to_string())
            }
            _ => None,
        };
        Refusal { reason: e.code(), detail }
    }
}

/// A roll-up read and verified, with every summary it carries.
struct VerifiedRollup {
    name: String,
    key: [u8; 32],
    period: String,
    revision: u32,
    sha256: String,
    summaries: Vec<Verified>,
}

/// A file read and verified: a volunteer's summary or a coordinator's roll-up.
enum Read {
    Summary(Verified),
    Rollup(VerifiedRollup),
}

fn malformed(e: impl ToString) -> Refusal {
    Refusal::from(ExchangeError::Malformed { detail: e.to_string() })
}

/// A verified summary as the import keeps it.
fn verified(summary: MonthSummary, signature: String, signed: String, sha256: String) -> Result<Verified, Refusal> {
    let facts = facts_of(&summary).map_err(malformed)?;
    let key =
        PublicKey::from_base64(&summary.volunteer.signing_key).map_err(|e| Refusal::from(ExchangeError::from(e)))?;
    let MonthSummary { volunteer, period, revision, scheme_version, version, .. } = summary;
    Ok(Verified {
        name: volunteer.name,
        period,
        revision,
        scheme: scheme_version,
        format: version,
        signed,
        signature,
        facts,
        key: key.to_bytes(),
        sha256,
    })
}

/// Reads, decrypts and verifies one file; nothing is decided yet.
fn verify(path: &Path, identity: &age::x25519::Identity, this_month: &str) -> Result<Read, (Option<String>, Refusal)> {
    let too_large = |_| AppError::Card {
        file: path.display().to_string(),
        source: ExchangeError::TooLarge { max: MAX_ROLLUP_BYTES },
    };
    let bytes = crate::import_file::read_chosen_file(path, MAX_FILE_BYTES, too_large).map_err(|e| match e {
        AppError::Card { source, .. } => (None, Refusal::from(source)),
        AppError::ImportNotAFile { kind, .. } => (None, Refusal::with("not_a_file", kind)),
        AppError::ReadFailed { reason, .. } => (None, Refusal::with("read_failed", reason)),
        other => (None, Refusal::with("read_failed", other.to_string())),
    })?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let refused = |r: Refusal| (Some(sha256.clone()), r);
    let plain = if bytes.starts_with(AGE_MAGIC) {
        age::decrypt(identity, &bytes).map_err(|e| {
            refused(match e {
                age::DecryptError::NoMatchingKeys => Refusal::new("not_for_you"),
                _ => Refusal::new("damaged"),
            })
        })?
    } else {
        bytes
    };
    let (summary, signature, body) = match MonthSummary::read_signed(&plain) {
        Ok(read) => read,
        Err(ExchangeError::WrongFormat { found, .. }) if found == ROLLUP_FORMAT => {
            return verify_rollup(&plain, sha256.clone(), this_month).map(Read::Rollup).map_err(refused);
        }
        Err(e) => return Err(refused(e.into())),
    };
    // A month is summed up once it has begun; a later one cannot hold counts yet.
    if summary.period.as_str() > this_month {
        return Err(refused(Refusal::with("future_period", summary.period.clone())));
    }
    verified(summary, signature, body, sha256.clone()).map(Read::Summary).map_err(refused)
}

/// Reads a roll-up: its coordinator's signature, and every summary in it as if imported alone.
fn verify_rollup(plain: &[u8], sha256: String, this_month: &str) -> Result<VerifiedRollup, Refusal> {
    let (rollup, constituents) = RollUp::read(plain).map_err(Refusal::from)?;
    let key =
        PublicKey::from_base64(&rollup.coordinator.signing_key).map_err(|e| Refusal::from(ExchangeError::from(e)))?;
    let mut summaries = Vec::with_capacity(constituents.len());
    for c in constituents {
        if c.summary.period.as_str() > this_month {
            return Err(Refusal::with("future_period", c.summary.period.clone()));
        }
        // Each carried summary is named by its own hash (the roll-up lists it so).
        summaries.push(verified(c.summary, c.signature, c.body, c.sha256)?);
    }
    Ok(VerifiedRollup {
        name: rollup.coordinator.name,
        key: key.to_bytes(),
        period: rollup.period,
        revision: rollup.revision,
        sha256,
        summaries,
    })
}

/// Decides on a verified file against what is stored, and stores it if it is taken.
fn apply(
    tx: Db<'_>,
    v: &Verified,
    now: DateTime<Utc>,
) -> Result<Result<(SummaryOutcome, Option<u32>), Refusal>, AppError> {
    let name = &v.name;
    if let Some(here) = find_imported_by_sha256(tx, &v.sha256)? {
        // Imported before Nabo kept signatures: keep them now, so a roll-up can carry it.
        if here.signature.is_none() {
            fill_signed(tx, &v.sha256, &v.signed, &v.signature)?;
        }
        return Ok(Ok((SummaryOutcome::AlreadyImported, None)));
    }
    match find_volunteer_by_key(tx, &v.key)? {
        Some(_) => {}
        None => match find_volunteer(tx, name)? {
            Some(_) => {
                // Her name is pinned to another key: refused, the new key kept as offered.
                offer_key(tx, name, &v.key)?;
                let offered = PublicKey::from_bytes(&v.key).map(|k| k.fingerprint().to_string()).unwrap_or_default();
                return Ok(Err(Refusal::with("key_changed", offered)));
            }
            None => insert_volunteer(tx, name, &v.key, now)?,
        },
    }
    let previous = latest_imported(tx, &v.key, &v.period)?;
    let outcome = match &previous {
        None => (SummaryOutcome::New, None),
        Some(p) if v.revision > p.revision => (SummaryOutcome::Replaces, Some(p.revision)),
        // The same summary another way (in a roll-up, or the volunteer's own file).
        Some(p) if v.revision == p.revision && p.signature.as_deref() == Some(v.signature.as_str()) => {
            return Ok(Ok((SummaryOutcome::AlreadyImported, None)))
        }
        Some(p) if v.revision == p.revision => {
            return Ok(Err(Refusal::with("same_revision_other_content", p.revision.to_string())))
        }
        Some(p) => return Ok(Err(Refusal::with("older_revision", p.revision.to_string()))),
    };
    store_summary(tx, v, now)?;
    Ok(Ok(outcome))
}

/// Stores a verified summary and its lines for the reports.
fn store_summary(tx: Db<'_>, v: &Verified, now: DateTime<Utc>) -> Result<(), AppError> {
    let id = insert_imported(
        tx,
        &ImportedSummary {
            volunteer_key: v.key,
            period: v.period.clone(),
            revision: v.revision,
            file_sha256: v.sha256.clone(),
            payload: v.signed.clone(),
            signature: Some(v.signature.clone()),
            imported: now,
        },
    )?;
    let at = SummaryRef {
        id,
        volunteer_key: &v.key,
        period: &v.period,
        scheme: &v.scheme,
        revision: v.revision,
        format: v.format,
    };
    insert_summary_totals(tx, at, &v.facts)?;
    Ok(())
}

/// The name a volunteer known only through a roll-up is kept under: hers, with her
/// coordinator's (names repeat between areas; keys do not).
fn carried_name(tx: Db<'_>, v: &Verified, coordinator: &str) -> Result<String, AppError> {
    let name = format!("{} ({coordinator})", v.name);
    if find_volunteer(tx, &name)?.is_none() {
        return Ok(name);
    }
    let fingerprint = PublicKey::from_bytes(&v.key).map(|k| k.fingerprint().to_string()).unwrap_or_default();
    Ok(format!("{} ({coordinator}, {})", v.name, fingerprint.chars().take(4).collect::<String>()))
}

/// What deciding on a roll-up gives: its outcome, the revision it replaces, and what became of
/// the summaries it carries.
type RollupDecision = (SummaryOutcome, Option<u32>, CarriedReport);

/// Decides on a roll-up against what is stored, and stores it if it is taken: whole, or not at
/// all. A summary it carries counts once for the volunteer's month, whichever way it came;
/// where a newer revision is already here, that one stays.
fn apply_rollup(
    tx: Db<'_>,
    r: &VerifiedRollup,
    now: DateTime<Utc>,
) -> Result<Result<RollupDecision, Refusal>, AppError> {
    if rollup_imported(tx, &r.sha256)? {
        return Ok(Ok((SummaryOutcome::AlreadyImported, None, CarriedReport::default())));
    }
    // Her name is pinned to her key as a volunteer's is.
    if find_volunteer_by_key(tx, &r.key)?.is_none() {
        if find_volunteer(tx, &r.name)?.is_some() {
            offer_key(tx, &r.name, &r.key)?;
            let offered = PublicKey::from_bytes(&r.key).map(|k| k.fingerprint().to_string()).unwrap_or_default();
            return Ok(Err(Refusal::with("key_changed", offered)));
        }
        insert_volunteer(tx, &r.name, &r.key, now)?;
    }
    let previous = latest_rollup_revision(tx, &r.key, &r.period)?;
    match previous {
        Some(p) if r.revision == p => {
            return Ok(Err(Refusal::with("same_revision_other_content", p.to_string())));
        }
        Some(p) if r.revision < p => return Ok(Err(Refusal::with("older_revision", p.to_string()))),
        _ => {}
    }
    // Checked before anything is written: a summary it carries that contradicts one here (the
    // same revision, other counts) refuses the whole roll-up.
    for v in &r.summaries {
        if let Some(p) = latest_imported(tx, &v.key, &v.period)? {
            if p.revision == v.revision && p.signature.as_deref().is_some_and(|s| s != v.signature) {
                return Ok(Err(Refusal::with("same_revision_other_content", format!("{} {}", v.name, v.period))));
            }
        }
    }
    let mut carried = CarriedReport::default();
    for v in &r.summaries {
        let known = find_volunteer_by_key(tx, &v.key)?;
        let name = match known {
            Some(known) => known.name,
            None => {
                let name = carried_name(tx, v, &r.name)?;
                insert_volunteer(tx, &name, &v.key, now)?;
                name
            }
        };
        match latest_imported(tx, &v.key, &v.period)? {
            Some(p) if p.revision > v.revision => carried.newer_here.push(NewerHere {
                volunteer: name,
                period: v.period.clone(),
                in_rollup: v.revision,
                used: p.revision,
            }),
            Some(p) if p.revision == v.revision => carried.same += 1,
            previous => {
                if previous.is_some() {
                    carried.replaced += 1;
                } else {
                    carried.new += 1;
                }
                store_summary(tx, v, now)?;
            }
        }
    }
    insert_rollup(
        tx,
        &ImportedRollup {
            coordinator_key: r.key,
            period: r.period.clone(),
            revision: r.revision,
            file_sha256: r.sha256.clone(),
        },
        now,
    )?;
    let outcome = if previous.is_some() { SummaryOutcome::Replaces } else { SummaryOutcome::New };
    Ok(Ok((outcome, previous, carried)))
}

impl Nabo {
    /// Imports summary files (`nabo import-summary`), or with `dry_run` says what importing
    /// would do and keeps nothing. Each file is verified before anything from it is stored and
    /// is taken or refused whole; files are taken in revision order, so a batch holding two
    /// revisions of a month ends with the higher one whatever the order given.
    pub fn import_summaries(
        &mut self,
        files: &[PathBuf],
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<SummaryImportReport, AppError> {
        let keys = self.keys()?;
        if !matches!(keys.identity.role, Role::Coordinator | Role::Both) {
            return Err(AppError::NotACoordinator);
        }
        let identity = keys.decryption.ok_or(AppError::NotACoordinator)?;
        let today = now.with_timezone(&nabo_core::ZONE).date_naive();
        let this_month = format!("{:04}-{:02}", today.year(), today.month());
        let mut reports: Vec<SummaryFileReport> = Vec::with_capacity(files.len());
        let mut verified: Vec<(usize, Verified)> = Vec::new();
        let mut rollups: Vec<(usize, VerifiedRollup)> = Vec::new();
        for (i, path) in files.iter().enumerate() {
            let mut report = SummaryFileReport {
                file: path.display().to_string(),
                outcome: SummaryOutcome::Refused,
                volunteer: None,
                period: None,
                revision: None,
                replaced: None,
                reason: None,
                detail: None,
                sha256: None,
                carried: None,
            };
            match verify(path, &identity, &this_month) {
                Ok(Read::Summary(v)) => {
                    report.volunteer = Some(v.name.clone());
                    report.period = Some(v.period.clone());
                    report.revision = Some(v.revision);
                    report.sha256 = Some(v.sha256.clone());
                    verified.push((i, v));
                }
                Ok(Read::Rollup(r)) => {
                    report.volunteer = Some(r.name.clone());
                    report.period = Some(r.period.clone());
                    report.revision = Some(r.revision);
                    report.sha256 = Some(r.sha256.clone());
                    rollups.push((i, r));
                }
                Err((sha256, refusal)) => {
                    report.sha256 = sha256;
                    report.reason = Some(refusal.reason.to_string());
                    report.detail = refusal.detail;
                }
            }
            reports.push(report);
        }
        verified.sort_by(|(_, a), (_, b)| (&a.key, &a.period, a.revision).cmp(&(&b.key, &b.period, b.revision)));
        let decide = |tx: Db<'_>, v: &Verified, report: &mut SummaryFileReport| -> Result<(), AppError> {
            match apply(tx, v, now)? {
                Ok((outcome, replaced)) => {
                    report.outcome = outcome;
                    report.replaced = replaced;
                }
                Err(refusal) => {
                    report.reason = Some(refusal.reason.to_string());
                    report.detail = refusal.detail;
                }
            }
            Ok(())
        };
        // Every file in one transaction: a file is taken whole or refused (a refusal writes
        // nothing of it but a new key offered), and a failure of the disk keeps nothing of the
        // batch. One commit, not one per file: 10,000 commits took a third of the import's time.
        // Roll-ups after the volunteers' own files, each coordinator's in revision order.
        rollups.sort_by(|(_, a), (_, b)| (&a.key, &a.period, a.revision).cmp(&(&b.key, &b.period, b.revision)));
        let all = |tx: Db<'_>| {
            for (i, v) in &verified {
                decide(tx, v, &mut reports[*i])?;
            }
            for (i, r) in &rollups {
                let report = &mut reports[*i];
                match apply_rollup(tx, r, now)? {
                    Ok((outcome, replaced, carried)) => {
                        report.outcome = outcome;
                        report.replaced = replaced;
                        report.carried = Some(carried);
                    }
                    Err(refusal) => {
                        report.reason = Some(refusal.reason.to_string());
                        report.detail = refusal.detail;
                    }
                }
            }
            Ok::<_, AppError>(())
        };
        if dry_run {
            self.store.rehearse(all)?;
        } else {
            self.store.write(all)?;
        }
        Ok(SummaryImportReport { dry_run, files: reports })
    }

    /// Every volunteer a summary came from, with the months she delivered and those missing
    /// from her first month to the last complete one (`nabo volunteers`).
    pub fn volunteers(&self, now: DateTime<Utc>) -> Result<Vec<VolunteerView>, AppError> {
        let keys = nabo_core::Scheme::current().map_err(AppError::Scheme)?.keys();
        let mut by_key: BTreeMap<Vec<u8>, Vec<DeliveredMonth>> = BTreeMap::new();
        for d in list_delivered(self.store.conn())? {
            let values = crate::reports::current_values(&d.scheme, &d.values, crate::reports::Packing::Values)?;
            let totals = keys.iter().cloned().zip(values).collect();
            by_key.entry(d.volunteer_key).or_default().push(DeliveredMonth {
                period: d.period,
                revision: d.revision,
                sha256: d.file_sha256,
                totals,
            });
        }
        let listed = self.listed(by_key, |m| &m.period, now)?;
        Ok(listed
            .into_iter()
            .map(|l| VolunteerView {
                name: l.name,
                fingerprint: l.fingerprint,
                offered_fingerprint: l.offered_fingerprint,
                months: l.months,
                missing: l.missing,
            })
            .collect())
    }

    /// The volunteers as the window lists them: as [`Nabo::volunteers`], each month with only
    /// the people reached and new (a national year is 10,000 months: every key of each made
    /// 13 MB of JSON for the page).
    pub fn volunteer_rows(&self, now: DateTime<Utc>) -> Result<Vec<VolunteerRow>, AppError> {
        let mut by_key: BTreeMap<Vec<u8>, Vec<crate::reports::GridMonth>> = BTreeMap::new();
        for d in nabo_store::list_month_lines(self.store.conn())? {
            let (reached, new) =
                crate::reports::reached_and_new(&d.scheme, &d.values, crate::reports::Packing::Values)?;
            by_key.entry(d.volunteer_key).or_default().push(crate::reports::GridMonth {
                period: d.period,
                revision: d.revision,
                reached,
                new,
            });
        }
        let listed = self.listed(by_key, |m| &m.period, now)?;
        Ok(listed
            .into_iter()
            .map(|l| VolunteerRow {
                name: l.name,
                fingerprint: l.fingerprint,
                offered_fingerprint: l.offered_fingerprint,
                months: l.months,
                missing: l.missing,
            })
            .collect())
    }

    /// Every pinned volunteer in name order with her months (`by_key`, oldest first), her
    /// fingerprints and the months missing from her first to the last complete one.
    fn listed<M>(
        &self,
        mut by_key: BTreeMap<Vec<u8>, Vec<M>>,
        period: impl Fn(&M) -> &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Listed<M>>, AppError> {
        let today = now.with_timezone(&nabo_core::ZONE).date_naive();
        let last_complete = today.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(today);
        let fingerprint = |key: &[u8; 32]| PublicKey::from_bytes(key).map(|k| k.fingerprint().to_string());
        let mut out = Vec::new();
        for v in list_volunteers(self.store.conn())? {
            let months = by_key.remove(v.signing_key.as_slice()).unwrap_or_default();
            let missing = match months.first() {
                Some(first) => months_between(period(first), last_complete)
                    .into_iter()
                    .filter(|p| !months.iter().any(|m| period(m) == p))
                    .collect(),
                None => Vec::new(),
            };
            out.push(Listed {
                name: v.name,
                fingerprint: fingerprint(&v.signing_key)
                    .map_err(|e| AppError::Card { file: String::new(), source: e.into() })?,
                offered_fingerprint: v.offered_key.as_ref().and_then(|k| fingerprint(k).ok()),
                months,
                missing,
            });
        }
        Ok(out)
    }

    /// Pins `name` to the key offered under it (after the coordinator compared fingerprints
    /// with the volunteer): her months so far move with her (`nabo volunteers accept-key`).
    pub fn accept_volunteer_key(&mut self, name: &str) -> Result<String, AppError> {
        let accepted = self.store.write(|tx| accept_offered_key(tx, name)).map_err(|e| match e {
            StoreError::NotFound { .. } => AppError::UnknownVolunteer { name: name.chars().take(60).collect() },
            other => AppError::Store(other),
        })?;
        let (_, new) = accepted.ok_or_else(|| AppError::NoOfferedKey { name: name.chars().take(60).collect() })?;
        let key = PublicKey::from_bytes(&new).map_err(|e| AppError::Card { file: String::new(), source: e.into() })?;
        Ok(key.fingerprint().to_string())
    }
}

/// A volunteer as listed, whatever her months are shown as.
struct Listed<M> {
    name: String,
    fingerprint: String,
    offered_fingerprint: Option<String>,
    months: Vec<M>,
    missing: Vec<String>,
}

/// Every month from `first` (`YYYY-MM`) to the month of `last`, both included.
fn months_between(first: &str, last: chrono::NaiveDate) -> Vec<String> {
    let Ok(mut month) = crate::counts::parse_period(first) else { return Vec::new() };
    let mut out = Vec::new();
    while month <= last && out.len() < 1200 {
        out.push(format!("{:04}-{:02}", month.year(), month.month()));
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}
