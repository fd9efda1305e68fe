//! A coordinator's side: the volunteers she received summaries from, each name pinned to a
//! key, and the summary files as imported.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{named_params, OptionalExtension, Row};

use crate::db::Db;
use crate::error::StoreError;

/// A volunteer a coordinator received summaries from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volunteer {
    /// The name on her summaries.
    pub name: String,
    /// The key her name is pinned to.
    pub signing_key: [u8; 32],
    /// Another key a summary under her name came with, refused until accepted.
    pub offered_key: Option<[u8; 32]>,
    /// When her first summary was imported.
    pub first: DateTime<Utc>,
}

/// One summary file as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSummary {
    /// The key that signed it.
    pub volunteer_key: [u8; 32],
    /// The month, `YYYY-MM`.
    pub period: String,
    /// Its revision.
    pub revision: u32,
    /// SHA-256 of the file as received (encrypted or not), hex.
    pub file_sha256: String,
    /// The verified summary as JSON without its signature: from schema 7 on, the RFC 8785
    /// canonical JSON the signature covers (with `signature`, the signed summary again).
    pub payload: String,
    /// The volunteer's signature on it, base64 (none before schema 7).
    pub signature: Option<String>,
    /// When it was imported.
    pub imported: DateTime<Utc>,
}

fn key32(bytes: Vec<u8>, what: &'static str) -> Result<[u8; 32], StoreError> {
    bytes.as_slice().try_into().map_err(|_| StoreError::Damaged { what, id: 0, detail: "a key is not 32 bytes".into() })
}

fn instant(secs: i64, what: &'static str) -> Result<DateTime<Utc>, StoreError> {
    Utc.timestamp_opt(secs, 0).single().ok_or(StoreError::Damaged { what, id: 0, detail: "time out of range".into() })
}

/// A volunteers row as SQLite gives it: name, key, offered key, first time.
type VolunteerRow = (String, Vec<u8>, Option<Vec<u8>>, i64);

fn volunteer_row(r: &Row<'_>) -> rusqlite::Result<VolunteerRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn volunteer(row: VolunteerRow) -> Result<Volunteer, StoreError> {
    let (name, key, offered, first) = row;
    Ok(Volunteer {
        name,
        signing_key: key32(key, "volunteer")?,
        offered_key: offered.map(|k| key32(k, "volunteer")).transpose()?,
        first: instant(first, "volunteer")?,
    })
}

/// The volunteer pinned under `name`, if any.
pub fn find_volunteer(conn: Db<'_>, name: &str) -> Result<Option<Volunteer>, StoreError> {
    conn.query_row(
        "SELECT name, signing_key, offered_key, first_utc FROM volunteers WHERE name = :name",
        named_params! { ":name": name },
        volunteer_row,
    )
    .optional()?
    .map(volunteer)
    .transpose()
}

/// The volunteer whose name is pinned to `key`, if any.
pub fn find_volunteer_by_key(conn: Db<'_>, key: &[u8; 32]) -> Result<Option<Volunteer>, StoreError> {
    conn.query_row(
        "SELECT name, signing_key, offered_key, first_utc FROM volunteers WHERE signing_key = :key",
        named_params! { ":key": key.as_slice() },
        volunteer_row,
    )
    .optional()?
    .map(volunteer)
    .transpose()
}

/// Every volunteer, by name.
pub fn list_volunteers(conn: Db<'_>) -> Result<Vec<Volunteer>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT name, signing_key, offered_key, first_utc FROM volunteers ORDER BY name")?;
    let rows = stmt.query_map([], volunteer_row)?;
    rows.map(|r| volunteer(r?)).collect()
}

/// Pins `name` to `key` (her first summary).
pub fn insert_volunteer(conn: Db<'_>, name: &str, key: &[u8; 32], now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO volunteers (name, signing_key, first_utc) VALUES (:name, :key, :now)",
        named_params! { ":name": name, ":key": key.as_slice(), ":now": now.timestamp() },
    )?;
    Ok(())
}

/// Keeps `key` as offered for `name` (a summary under her name with another key was refused).
pub fn offer_key(conn: Db<'_>, name: &str, key: &[u8; 32]) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE volunteers SET offered_key = :key WHERE name = :name",
        named_params! { ":name": name, ":key": key.as_slice() },
    )?;
    Ok(())
}

/// A key change: the key a name was pinned to, and the one it is pinned to now.
pub type KeyChange = ([u8; 32], [u8; 32]);

/// Pins `name` to the key offered for it; her summaries imported under the old key move with
/// her. Returns the old and new key, or `None` when no key was offered.
pub fn accept_offered_key(conn: Db<'_>, name: &str) -> Result<Option<KeyChange>, StoreError> {
    let Some(v) = find_volunteer(conn, name)? else {
        return Err(StoreError::NotFound { what: "volunteer", id: 0 });
    };
    let Some(new) = v.offered_key else { return Ok(None) };
    conn.execute(
        "UPDATE imported_summaries SET volunteer_key = :new WHERE volunteer_key = :old",
        named_params! { ":new": new.as_slice(), ":old": v.signing_key.as_slice() },
    )?;
    conn.execute(
        "UPDATE summary_totals SET volunteer_key = :new WHERE volunteer_key = :old",
        named_params! { ":new": new.as_slice(), ":old": v.signing_key.as_slice() },
    )?;
    conn.execute(
        "UPDATE volunteers SET signing_key = :new, offered_key = NULL WHERE name = :name",
        named_params! { ":name": name, ":new": new.as_slice() },
    )?;
    Ok(Some((v.signing_key, new)))
}

/// An imported_summaries row as SQLite gives it.
type SummaryRow = (Vec<u8>, String, i64, String, String, i64, Option<String>);

fn summary_row(r: &Row<'_>) -> rusqlite::Result<SummaryRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

fn summary(row: SummaryRow) -> Result<ImportedSummary, StoreError> {
    let (key, period, revision, file_sha256, payload, imported, signature) = row;
    Ok(ImportedSummary {
        volunteer_key: key32(key, "imported summary")?,
        period,
        revision: u32::try_from(revision).map_err(|_| StoreError::Damaged {
            what: "imported summary",
            id: 0,
            detail: "revision".into(),
        })?,
        file_sha256,
        payload,
        signature,
        imported: instant(imported, "imported summary")?,
    })
}

const SUMMARY_COLUMNS: &str = "volunteer_key, period, revision, file_sha256, payload, imported_utc, signature";

/// The summary file with this SHA-256 (hex), if it was imported.
pub fn find_imported_by_sha256(conn: Db<'_>, sha256: &str) -> Result<Option<ImportedSummary>, StoreError> {
    conn.query_row(
        &format!("SELECT {SUMMARY_COLUMNS} FROM imported_summaries WHERE file_sha256 = :sha"),
        named_params! { ":sha": sha256 },
        summary_row,
    )
    .optional()?
    .map(summary)
    .transpose()
}

/// The highest revision imported of a volunteer's month.
pub fn latest_imported(conn: Db<'_>, key: &[u8; 32], period: &str) -> Result<Option<ImportedSummary>, StoreError> {
    conn.query_row(
        &format!(
            "SELECT {SUMMARY_COLUMNS} FROM imported_summaries WHERE volunteer_key = :key AND period = :period
             ORDER BY revision DESC LIMIT 1"
        ),
        named_params! { ":key": key.as_slice(), ":period": period },
        summary_row,
    )
    .optional()?
    .map(summary)
    .transpose()
}

/// Stores a summary file as imported; returns its row id.
pub fn insert_imported(conn: Db<'_>, s: &ImportedSummary) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO imported_summaries
           (volunteer_key, period, revision, file_sha256, payload, imported_utc, signature)
         VALUES (:key, :period, :revision, :sha, :payload, :now, :signature)",
        named_params! {
            ":key": s.volunteer_key.as_slice(),
            ":period": s.period,
            ":revision": s.revision,
            ":sha": s.file_sha256,
            ":payload": s.payload,
            ":now": s.imported.timestamp(),
            ":signature": s.signature,
        },
    )?;
    Ok(conn.last_insert_rowid())
}

/// The highest revision of every volunteer's every month, by key and month.
pub fn list_latest_imported(conn: Db<'_>) -> Result<Vec<ImportedSummary>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM imported_summaries AS s
         WHERE revision = (SELECT max(revision) FROM imported_summaries
                           WHERE volunteer_key = s.volunteer_key AND period = s.period)
         ORDER BY volunteer_key, period"
    ))?;
    let rows = stmt.query_map([], summary_row)?;
    rows.map(|r| summary(r?)).collect()
}

/// A roll-up as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRollup {
    /// The key of the coordinator who signed it.
    pub coordinator_key: [u8; 32],
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    pub period: String,
    /// Its revision.
    pub revision: u32,
    /// SHA-256 of the file as received, hex.
    pub file_sha256: String,
}

/// Whether the roll-up file with this SHA-256 (hex) was imported.
pub fn rollup_imported(conn: Db<'_>, sha256: &str) -> Result<bool, StoreError> {
    Ok(conn
        .query_row("SELECT 1 FROM imported_rollups WHERE file_sha256 = :sha", named_params! { ":sha": sha256 }, |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

/// The highest revision imported of a coordinator's roll-up of a period.
pub fn latest_rollup_revision(conn: Db<'_>, key: &[u8; 32], period: &str) -> Result<Option<u32>, StoreError> {
    let revision: Option<i64> = conn.query_row(
        "SELECT max(revision) FROM imported_rollups WHERE coordinator_key = :key AND period = :period",
        named_params! { ":key": key.as_slice(), ":period": period },
        |r| r.get(0),
    )?;
    Ok(revision.and_then(|r| u32::try_from(r).ok()))
}

/// Stores a roll-up as imported.
pub fn insert_rollup(conn: Db<'_>, r: &ImportedRollup, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO imported_rollups (coordinator_key, period, revision, file_sha256, imported_utc)
         VALUES (:key, :period, :revision, :sha, :now)",
        named_params! {
            ":key": r.coordinator_key.as_slice(),
            ":period": r.period,
            ":revision": r.revision,
            ":sha": r.file_sha256,
            ":now": now.timestamp(),
        },
    )?;
    Ok(())
}

/// The next revision for a roll-up of `period` this coordinator exports.
pub fn next_rollup_revision(conn: Db<'_>, period: &str) -> Result<u32, StoreError> {
    let last: Option<i64> = conn.query_row(
        "SELECT max(revision) FROM sent_rollups WHERE period = :period",
        named_params! { ":period": period },
        |r| r.get(0),
    )?;
    Ok(last.and_then(|r| u32::try_from(r).ok()).unwrap_or(0) + 1)
}

/// Notes a roll-up exported.
pub fn insert_sent_rollup(
    conn: Db<'_>,
    period: &str,
    revision: u32,
    sha256: &[u8; 32],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sent_rollups (period, revision, sha256, sent_utc) VALUES (:period, :revision, :sha, :now)",
        named_params! { ":period": period, ":revision": revision, ":sha": sha256.as_slice(), ":now": now.timestamp() },
    )?;
    Ok(())
}

/// Keeps the signed summary and its signature for a summary imported before they were kept
/// (the same file imported again); a summary that has them is left as it is.
pub fn fill_signed(conn: Db<'_>, sha256: &str, signed: &str, signature: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE imported_summaries SET payload = :signed, signature = :signature
         WHERE file_sha256 = :sha AND signature IS NULL",
        named_params! { ":sha": sha256, ":signed": signed, ":signature": signature },
    )?;
    Ok(())
}
