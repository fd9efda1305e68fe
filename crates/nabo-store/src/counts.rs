//! Queries on recorded counts.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use nabo_core::ActivityId;
use rusqlite::{named_params, OptionalExtension};

use crate::db::Db;
use crate::error::StoreError;

/// Counts recorded on one occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedCounts {
    /// Where the occurrence starts (its original start for a meeting of a series).
    pub occurrence_start: DateTime<Utc>,
    /// The scheme they were recorded with.
    pub scheme: String,
    /// The values above zero, by key.
    pub values: BTreeMap<String, u32>,
    /// When they were (last) recorded.
    pub recorded: DateTime<Utc>,
}

/// A change of counts already recorded: who and when (never what).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountEdit {
    /// When.
    pub edited: DateTime<Utc>,
    /// Who (the database user's role or name).
    pub editor: String,
}

/// What [`record_counts`] stores for one occurrence.
#[derive(Debug, Clone, Copy)]
pub struct NewCounts<'a> {
    /// The activity (or series).
    pub activity: ActivityId,
    /// The occurrence's start (original start for a meeting of a series).
    pub occurrence_start: DateTime<Utc>,
    /// Its Copenhagen month, `YYYY-MM`.
    pub period: &'a str,
    /// The scheme's version.
    pub scheme: &'a str,
    /// The values; zeros other than `reached` are not stored.
    pub values: &'a BTreeMap<String, u32>,
}

fn stamp(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or_default()
}

/// Stores counts for an occurrence, replacing what was recorded before (then logging who and when).
/// Returns whether counts were already recorded (an edit). Run it in a transaction.
pub fn record_counts(conn: Db<'_>, new: &NewCounts<'_>, editor: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let key = named_params! { ":id": new.activity.0, ":at": new.occurrence_start.timestamp() };
    let removed = conn.execute("DELETE FROM counts WHERE activity_id = :id AND occurrence_start_utc = :at", key)?;
    if removed > 0 {
        conn.execute(
            "INSERT INTO count_edits (activity_id, occurrence_start_utc, edited_utc, editor) VALUES (:id, :at, :now, :who)",
            named_params! {
                ":id": new.activity.0, ":at": new.occurrence_start.timestamp(), ":now": now.timestamp(), ":who": editor,
            },
        )?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO counts (activity_id, occurrence_start_utc, scheme_version, key, value, recorded_utc, period)
         VALUES (:id, :at, :scheme, :key, :value, :now, :period)",
    )?;
    // Zeros are not stored, except `reached`: a record of nobody reached is still a record.
    for (k, v) in new.values.iter().filter(|(k, v)| **v > 0 || k.as_str() == "reached") {
        insert.execute(named_params! {
            ":id": new.activity.0, ":at": new.occurrence_start.timestamp(), ":scheme": new.scheme, ":key": k,
            ":value": v, ":now": now.timestamp(), ":period": new.period,
        })?;
    }
    Ok(removed > 0)
}

fn read_counts(
    conn: Db<'_>,
    id: ActivityId,
    occurrence: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
) -> Result<Option<RecordedCounts>, StoreError> {
    // Which occurrence: the one named, or the latest recorded before `before`.
    let at: Option<i64> = match (occurrence, before) {
        (Some(at), _) => Some(at.timestamp()),
        (None, before) => conn
            .query_row(
                "SELECT max(occurrence_start_utc) FROM counts WHERE activity_id = :id AND occurrence_start_utc < :before",
                named_params! { ":id": id.0, ":before": before.map_or(i64::MAX, |b| b.timestamp()) },
                |r| r.get(0),
            )
            .optional()?
            .flatten(),
    };
    let Some(at) = at else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT scheme_version, key, value, recorded_utc FROM counts
         WHERE activity_id = :id AND occurrence_start_utc = :at ORDER BY key",
    )?;
    let rows = stmt
        .query_map(named_params! { ":id": id.0, ":at": at }, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let Some((scheme, _, _, recorded)) = rows.first().cloned() else { return Ok(None) };
    let values = rows.into_iter().map(|(_, k, v, _)| (k, u32::try_from(v).unwrap_or(0))).collect();
    Ok(Some(RecordedCounts { occurrence_start: stamp(at), scheme, values, recorded: stamp(recorded) }))
}

/// The counts recorded on one occurrence, if any.
pub fn get_counts(
    conn: Db<'_>,
    id: ActivityId,
    occurrence_start: DateTime<Utc>,
) -> Result<Option<RecordedCounts>, StoreError> {
    read_counts(conn, id, Some(occurrence_start), None)
}

/// The counts of the latest occurrence of `id` before `before` that has any (to pre-fill a series' form).
pub fn latest_counts_before(
    conn: Db<'_>,
    id: ActivityId,
    before: DateTime<Utc>,
) -> Result<Option<RecordedCounts>, StoreError> {
    read_counts(conn, id, None, Some(before))
}

/// The edits of one occurrence's counts, oldest first.
pub fn list_count_edits(
    conn: Db<'_>,
    id: ActivityId,
    occurrence_start: DateTime<Utc>,
) -> Result<Vec<CountEdit>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT edited_utc, editor FROM count_edits WHERE activity_id = :id AND occurrence_start_utc = :at
         ORDER BY edited_utc, rowid",
    )?;
    let rows = stmt.query_map(named_params! { ":id": id.0, ":at": occurrence_start.timestamp() }, |r| {
        Ok(CountEdit { edited: stamp(r.get(0)?), editor: r.get(1)? })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// A month's recorded counts, summed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthTotals {
    /// The sum per (scheme, key).
    pub totals: BTreeMap<(String, String), u64>,
    /// How many occurrences have counts.
    pub records: usize,
}

/// A month's totals per scheme and key, and how many occurrences have counts, over real
/// (not deleted, not example) activities. One indexed range of `counts_by_period`.
pub fn month_count_totals(conn: Db<'_>, period: &str) -> Result<MonthTotals, StoreError> {
    let hidden =
        "SELECT id FROM activities WHERE deleted_utc IS NOT NULL UNION ALL SELECT id FROM activities WHERE example = 1";
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT scheme_version, key, sum(value), count(*) FROM counts
         WHERE period = :period AND activity_id NOT IN ({hidden})
         GROUP BY scheme_version, key"
    ))?;
    let mut totals = BTreeMap::new();
    let mut records = 0;
    for row in stmt.query_map(named_params! { ":period": period }, |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
    })? {
        let (scheme, key, sum, n) = row?;
        // Every record has `reached`, so its row count is the number of records.
        if key == "reached" {
            records += usize::try_from(n).unwrap_or(0);
        }
        totals.insert((scheme, key), u64::try_from(sum).unwrap_or(0));
    }
    Ok(MonthTotals { totals, records })
}

/// The occurrences of activity `id` that have counts, by their key (a meeting's original start), in order.
pub fn list_counted_occurrences(conn: Db<'_>, id: ActivityId) -> Result<Vec<DateTime<Utc>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT occurrence_start_utc FROM counts WHERE activity_id = :id ORDER BY occurrence_start_utc",
    )?;
    let rows = stmt.query_map(named_params! { ":id": id.0 }, |r| r.get::<_, i64>(0))?;
    rows.map(|r| Ok(stamp(r?))).collect()
}

/// Where [`move_counts`] takes one occurrence's counts.
#[derive(Debug, Clone, Copy)]
pub struct CountsMove<'a> {
    /// The activity (or series) they are on.
    pub from: ActivityId,
    /// Their occurrence's key now.
    pub from_start: DateTime<Utc>,
    /// The activity they go to (the same, or the later part of a split series).
    pub to: ActivityId,
    /// Their occurrence's key from now on.
    pub to_start: DateTime<Utc>,
    /// The Copenhagen month they count in from now on (`None`: the month they count in now).
    pub period: Option<&'a str>,
}

/// Moves one occurrence's counts and their edit log to another key and month (the occurrence
/// was moved, or its series split). Returns how many count rows moved. Run it in a transaction.
pub fn move_counts(conn: Db<'_>, change: &CountsMove<'_>) -> Result<usize, StoreError> {
    let moved = conn.execute(
        "UPDATE counts SET activity_id = :to, occurrence_start_utc = :new, period = coalesce(:period, period)
         WHERE activity_id = :from AND occurrence_start_utc = :at",
        named_params! {
            ":from": change.from.0, ":at": change.from_start.timestamp(),
            ":to": change.to.0, ":new": change.to_start.timestamp(), ":period": change.period,
        },
    )?;
    conn.execute(
        "UPDATE count_edits SET activity_id = :to, occurrence_start_utc = :new
         WHERE activity_id = :from AND occurrence_start_utc = :at",
        named_params! {
            ":from": change.from.0, ":at": change.from_start.timestamp(),
            ":to": change.to.0, ":new": change.to_start.timestamp(),
        },
    )?;
    Ok(moved)
}

/// Removes the counts recorded on one occurrence, logging who and when; returns whether there were any.
pub fn remove_counts(
    conn: Db<'_>,
    id: ActivityId,
    occurrence_start: DateTime<Utc>,
    editor: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let key = named_params! { ":id": id.0, ":at": occurrence_start.timestamp() };
    let removed = conn.execute("DELETE FROM counts WHERE activity_id = :id AND occurrence_start_utc = :at", key)?;
    if removed > 0 {
        conn.execute(
            "INSERT INTO count_edits (activity_id, occurrence_start_utc, edited_utc, editor) VALUES (:id, :at, :now, :who)",
            named_params! { ":id": id.0, ":at": occurrence_start.timestamp(), ":now": now.timestamp(), ":who": editor },
        )?;
    }
    Ok(removed > 0)
}
