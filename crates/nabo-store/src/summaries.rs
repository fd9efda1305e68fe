//! Monthly summaries this Nabo exported, and the month's counts by kind and area they hold.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{named_params, OptionalExtension};

use crate::db::Db;
use crate::error::StoreError;

/// One export of a month's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentSummary {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// Its revision (1 for the first export of the month).
    pub revision: u32,
    /// SHA-256 of the file written.
    pub sha256: [u8; 32],
    /// SHA-256 of the totals alone, to tell when counts changed after the export.
    pub content: [u8; 32],
    /// When it was written.
    pub sent: DateTime<Utc>,
}

/// The revision the next export of `period` gets: one more than the last.
pub fn next_summary_revision(conn: Db<'_>, period: &str) -> Result<u32, StoreError> {
    let last: Option<i64> = conn.query_row(
        "SELECT max(revision) FROM sent_summaries WHERE period = :period",
        named_params! { ":period": period },
        |r| r.get(0),
    )?;
    Ok(u32::try_from(last.unwrap_or(0)).unwrap_or(u32::MAX - 1) + 1)
}

/// Records an export.
pub fn insert_sent_summary(conn: Db<'_>, sent: &SentSummary) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sent_summaries (period, revision, sha256, content, sent_utc)
         VALUES (:period, :revision, :sha256, :content, :sent)",
        named_params! {
            ":period": sent.period,
            ":revision": sent.revision,
            ":sha256": sent.sha256.as_slice(),
            ":content": sent.content.as_slice(),
            ":sent": sent.sent.timestamp(),
        },
    )?;
    Ok(())
}

/// The last export of each month, newest month first.
pub fn list_sent_summaries(conn: Db<'_>) -> Result<Vec<SentSummary>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT period, revision, sha256, content, sent_utc FROM sent_summaries AS s
         WHERE revision = (SELECT max(revision) FROM sent_summaries WHERE period = s.period)
         ORDER BY period DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Vec<u8>>(2)?,
            r.get::<_, Vec<u8>>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (period, revision, sha256, content, sent) = row?;
        let damaged = |detail: &str| StoreError::Damaged { what: "sent summary", id: revision, detail: detail.into() };
        out.push(SentSummary {
            sha256: sha256.as_slice().try_into().map_err(|_| damaged("sha256 is not 32 bytes"))?,
            content: content.as_slice().try_into().map_err(|_| damaged("content hash is not 32 bytes"))?,
            sent: Utc.timestamp_opt(sent, 0).single().ok_or_else(|| damaged("time out of range"))?,
            revision: u32::try_from(revision).map_err(|_| damaged("revision out of range"))?,
            period,
        });
    }
    Ok(out)
}

/// One group of a month's counts: activities of one kind in one area, under one scheme version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupedTotal {
    /// The activities' kind, as stored.
    pub kind: String,
    /// Their area, if they have one.
    pub area: Option<String>,
    /// The scheme version the counts were recorded in.
    pub scheme: String,
    /// The key.
    pub key: String,
    /// The sum.
    pub sum: u64,
}

/// A month's counts summed by kind, area, scheme and key, over real (not deleted, not example)
/// activities: what a summary file is made of.
pub fn month_totals_by_kind_and_area(conn: Db<'_>, period: &str) -> Result<Vec<GroupedTotal>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.kind, a.area, c.scheme_version, c.key, sum(c.value) FROM counts AS c
         JOIN activities AS a ON a.id = c.activity_id
         WHERE c.period = :period AND a.deleted_utc IS NULL AND a.example = 0
         GROUP BY a.kind, a.area, c.scheme_version, c.key
         ORDER BY a.kind, a.area, c.scheme_version, c.key",
    )?;
    let rows = stmt.query_map(named_params! { ":period": period }, |r| {
        Ok(GroupedTotal {
            kind: r.get(0)?,
            area: r.get(1)?,
            scheme: r.get(2)?,
            key: r.get(3)?,
            sum: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The coordinator summaries are sent to, as pinned by `coordinator set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCoordinator {
    /// Her identity card as read (signed JSON).
    pub card: String,
    /// Her Ed25519 public key, which receipts must be signed with.
    pub signing_key: [u8; 32],
    /// When she was set.
    pub set: DateTime<Utc>,
}

/// Pins the coordinator, replacing any set before.
pub fn set_coordinator(conn: Db<'_>, coordinator: &StoredCoordinator) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO coordinator (id, card, signing_key, set_utc) VALUES (1, :card, :key, :set)
         ON CONFLICT (id) DO UPDATE SET card = excluded.card, signing_key = excluded.signing_key,
                                        set_utc = excluded.set_utc",
        named_params! {
            ":card": coordinator.card,
            ":key": coordinator.signing_key.as_slice(),
            ":set": coordinator.set.timestamp(),
        },
    )?;
    Ok(())
}

/// The pinned coordinator, if one was set.
pub fn get_coordinator(conn: Db<'_>) -> Result<Option<StoredCoordinator>, StoreError> {
    let row = conn
        .query_row("SELECT card, signing_key, set_utc FROM coordinator WHERE id = 1", [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, i64>(2)?))
        })
        .optional()?;
    row.map(|(card, key, set)| {
        let damaged = |detail: &str| StoreError::Damaged { what: "coordinator", id: 1, detail: detail.into() };
        Ok(StoredCoordinator {
            card,
            signing_key: key.try_into().map_err(|_| damaged("the signing key is not 32 bytes"))?,
            set: Utc.timestamp_opt(set, 0).single().ok_or_else(|| damaged("the time it was set is out of range"))?,
        })
    })
    .transpose()
}
