//! The totals of imported summaries as the reports read them, and the coordinator's targets.

use nabo_core::exchange::MonthSummary;
use nabo_core::report::{facts_of, pack_values, Breakdown, Fact};
use rusqlite::named_params;

use crate::db::Db;
use crate::error::StoreError;

/// Which summary a set of lines belongs to.
#[derive(Debug, Clone, Copy)]
pub struct SummaryRef<'a> {
    /// Its row id in `imported_summaries`.
    pub id: i64,
    /// The key of the volunteer who sent it.
    pub volunteer_key: &'a [u8; 32],
    /// Its month, `YYYY-MM`.
    pub period: &'a str,
    /// Its scheme version.
    pub scheme: &'a str,
    /// Its revision.
    pub revision: u32,
}

/// Stores the lines of a summary just stored; the lines of the volunteer's older revisions of
/// that month are removed (only the highest revision counts).
pub fn insert_summary_totals(conn: Db<'_>, summary: SummaryRef<'_>, facts: &[Fact]) -> Result<(), StoreError> {
    let summary_id = summary.id;
    let volunteer_key = summary.volunteer_key;
    conn.execute(
        "DELETE FROM summary_totals WHERE summary_id IN
           (SELECT id FROM imported_summaries WHERE volunteer_key = :key AND period = :period AND id <> :id)",
        named_params! { ":key": volunteer_key.as_slice(), ":period": summary.period, ":id": summary_id },
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO summary_totals
           (summary_id, volunteer_key, revision, period, breakdown, label, held, cancelled, scheme, vals)
         VALUES (:id, :key, :revision, :period, :breakdown, :label, :held, :cancelled, :scheme, :vals)",
    )?;
    for Fact { breakdown, label, held, cancelled, values } in facts {
        stmt.execute(named_params! {
            ":id": summary_id,
            ":key": volunteer_key.as_slice(),
            ":revision": summary.revision,
            ":period": summary.period,
            ":breakdown": breakdown.as_str(),
            ":label": label,
            ":held": held,
            ":cancelled": cancelled,
            ":scheme": summary.scheme,
            ":vals": pack_values(values),
        })?;
    }
    Ok(())
}

/// Fills `summary_totals` from the highest revision of every month imported before it existed
/// (migration 7's hook).
pub(crate) fn fill_summary_totals(conn: Db<'_>) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, volunteer_key, payload FROM imported_summaries AS s
         WHERE revision = (SELECT max(revision) FROM imported_summaries
                           WHERE volunteer_key = s.volunteer_key AND period = s.period)",
    )?;
    let rows: Vec<(i64, Vec<u8>, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
    for (id, key, payload) in rows {
        let damaged = |detail: String| StoreError::Damaged { what: "imported summary", id, detail };
        let summary = MonthSummary::from_stored(&payload).map_err(|e| damaged(e.to_string()))?;
        let key: [u8; 32] = key.as_slice().try_into().map_err(|_| damaged("a key is not 32 bytes".into()))?;
        let facts = facts_of(&summary).map_err(|e| damaged(e.to_string()))?;
        let at = SummaryRef {
            id,
            volunteer_key: &key,
            period: &summary.period,
            scheme: &summary.scheme_version,
            revision: summary.revision,
        };
        insert_summary_totals(conn, at, &facts)?;
    }
    Ok(())
}

/// One stored line of a summary that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFact {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The kind's or area's name.
    pub label: Option<String>,
    /// Activities held.
    pub held: u32,
    /// Activities called off.
    pub cancelled: u32,
    /// The summary's scheme version.
    pub scheme: String,
    /// The values, packed.
    pub values: Vec<u8>,
}

/// Every stored line of `breakdown` for the months `from` to `to` (`YYYY-MM`, both included).
///
/// Read from `summary_totals` alone: joining the summaries themselves (their JSON in the same
/// rows) made the year's report over 10,000 summaries twice as slow.
pub fn list_facts(conn: Db<'_>, breakdown: Breakdown, from: &str, to: &str) -> Result<Vec<StoredFact>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT period, label, held, cancelled, scheme, vals FROM summary_totals
         WHERE breakdown = :breakdown AND period BETWEEN :from AND :to",
    )?;
    let rows = stmt.query_map(named_params! { ":breakdown": breakdown.as_str(), ":from": from, ":to": to }, |r| {
        Ok(StoredFact {
            period: r.get(0)?,
            label: r.get(1)?,
            held: r.get(2)?,
            cancelled: r.get(3)?,
            scheme: r.get(4)?,
            values: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One stored line as read, borrowed from SQLite's row (nothing copied).
#[derive(Debug, Clone, Copy)]
pub struct FactLine<'a> {
    /// The month, `YYYY-MM`.
    pub period: &'a str,
    /// The kind's or area's name.
    pub label: Option<&'a str>,
    /// Activities held.
    pub held: u32,
    /// Activities called off.
    pub cancelled: u32,
    /// The summary's scheme version.
    pub scheme: &'a str,
    /// The values, packed.
    pub values: &'a [u8],
}

/// A borrowed text column.
fn text(value: rusqlite::types::ValueRef<'_>) -> Result<&str, StoreError> {
    value.as_str().map_err(|e| StoreError::from(rusqlite::Error::from(e)))
}

/// Calls `visit` with every stored line of `breakdown` for the months `from` to `to`, without
/// copying them out of SQLite: the overview sums tens of thousands of lines.
pub fn visit_facts<E: From<StoreError>>(
    conn: Db<'_>,
    breakdown: Breakdown,
    from: &str,
    to: &str,
    mut visit: impl FnMut(FactLine<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT period, label, held, cancelled, scheme, vals FROM summary_totals
             WHERE breakdown = :breakdown AND period BETWEEN :from AND :to",
        )
        .map_err(StoreError::from)?;
    let mut rows = stmt
        .query(named_params! { ":breakdown": breakdown.as_str(), ":from": from, ":to": to })
        .map_err(StoreError::from)?;
    while let Some(row) = rows.next().map_err(StoreError::from)? {
        let get = |i: usize| row.get_ref(i).map_err(StoreError::from);
        let label = match get(1)? {
            rusqlite::types::ValueRef::Null => None,
            other => Some(text(other)?),
        };
        let line = FactLine {
            period: text(get(0)?)?,
            label,
            held: row.get(2).map_err(StoreError::from)?,
            cancelled: row.get(3).map_err(StoreError::from)?,
            scheme: text(get(4)?)?,
            values: get(5)?.as_blob().map_err(|e| StoreError::from(rusqlite::Error::from(e)))?,
        };
        visit(line)?;
    }
    Ok(())
}

/// A target as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTarget {
    /// Its id.
    pub id: i64,
    /// What it counts (`reached`, `held.group_meeting`).
    pub measure: String,
    /// `YYYY`, `YYYY-Qn` or `YYYY-MM`.
    pub period: String,
    /// A count to reach.
    pub count: Option<u64>,
    /// Or a share, in hundredths of a per cent…
    pub share: Option<u32>,
    /// …of this measure.
    pub share_of: Option<String>,
}

/// Stores a new target; returns its id.
pub fn insert_target(conn: Db<'_>, t: &StoredTarget, now: chrono::DateTime<chrono::Utc>) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO targets (measure, period, goal_count, goal_share, share_of, created_utc)
         VALUES (:measure, :period, :count, :share, :of, :now)",
        named_params! {
            ":measure": t.measure,
            ":period": t.period,
            ":count": t.count.map(|c| i64::try_from(c).unwrap_or(i64::MAX)),
            ":share": t.share,
            ":of": t.share_of,
            ":now": now.timestamp(),
        },
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every target, by period then id.
pub fn list_targets(conn: Db<'_>) -> Result<Vec<StoredTarget>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, measure, period, goal_count, goal_share, share_of FROM targets ORDER BY period, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let count: Option<i64> = r.get(3)?;
        Ok(StoredTarget {
            id: r.get(0)?,
            measure: r.get(1)?,
            period: r.get(2)?,
            count: count.and_then(|c| u64::try_from(c).ok()),
            share: r.get(4)?,
            share_of: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Removes a target; `NotFound` when there is none with that id.
pub fn delete_target(conn: Db<'_>, id: i64) -> Result<(), StoreError> {
    match conn.execute("DELETE FROM targets WHERE id = :id", named_params! { ":id": id })? {
        0 => Err(StoreError::NotFound { what: "target", id }),
        _ => Ok(()),
    }
}

/// A volunteer's month as it counts (its highest revision), with its month line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The key of the volunteer who sent it.
    pub volunteer_key: Vec<u8>,
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The revision that counts.
    pub revision: u32,
    /// SHA-256 of that file, hex.
    pub file_sha256: String,
    /// The summary's scheme version.
    pub scheme: String,
    /// The month's totals, packed.
    pub values: Vec<u8>,
}

/// A volunteer's month as the overview's grid needs it: key, month, revision and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthLine {
    /// The key of the volunteer who sent it.
    pub volunteer_key: Vec<u8>,
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The revision that counts.
    pub revision: u32,
    /// The summary's scheme version.
    pub scheme: String,
    /// The month's totals, packed.
    pub values: Vec<u8>,
}

/// Every volunteer's every month as it counts, from `summary_totals` alone.
pub fn list_month_lines(conn: Db<'_>) -> Result<Vec<MonthLine>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT volunteer_key, period, revision, scheme, vals FROM summary_totals
         WHERE breakdown = 'month' ORDER BY volunteer_key, period",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(MonthLine {
            volunteer_key: r.get(0)?,
            period: r.get(1)?,
            revision: r.get(2)?,
            scheme: r.get(3)?,
            values: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every volunteer's every month as it counts, by key and month, without reading the
/// summaries' JSON (the volunteers list over 10,000 summaries took a second doing that).
pub fn list_delivered(conn: Db<'_>) -> Result<Vec<Delivered>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.volunteer_key, s.period, s.revision, s.file_sha256, t.scheme, t.vals
         FROM summary_totals AS t JOIN imported_summaries AS s ON s.id = t.summary_id
         WHERE t.breakdown = 'month' ORDER BY s.volunteer_key, s.period",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Delivered {
            volunteer_key: r.get(0)?,
            period: r.get(1)?,
            revision: r.get(2)?,
            file_sha256: r.get(3)?,
            scheme: r.get(4)?,
            values: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
