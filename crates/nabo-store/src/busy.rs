//! Queries on busy time imported from other calendars.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use nabo_core::calendar::{BusyEntry, BusyTime};
use nabo_core::start_of_day;
use rusqlite::{named_params, OptionalExtension, Row};

use crate::db::Db;
use crate::error::StoreError;

/// Busy time as stored: an entry and the calendar it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyRow {
    /// The source calendar's name.
    pub source: String,
    /// The event or occurrence.
    pub entry: BusyEntry,
}

/// An imported calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusySource {
    /// Its name.
    pub name: String,
    /// When it was last imported.
    pub imported: DateTime<Utc>,
    /// How many rows of busy time it has.
    pub entries: usize,
}

/// What importing a calendar's entries changes, by (UID, occurrence).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BusyDiff {
    /// New entries.
    pub added: usize,
    /// Entries whose time, title or transparency changed.
    pub changed: usize,
    /// Entries exactly as stored.
    pub unchanged: usize,
    /// Stored entries that the calendar no longer has.
    pub removed: usize,
}

/// The longest busy time the range query looks back for, in seconds (a two-week holiday).
const LONGEST_BUSY_SECS: i64 = 31 * 24 * 60 * 60;

/// Copenhagen midnight of a day, as the instant all-day rows are ordered by.
fn midnight(day: NaiveDate) -> i64 {
    start_of_day(day).timestamp()
}

fn bounds(time: &BusyTime) -> (i64, i64, Option<String>, Option<String>) {
    match *time {
        BusyTime::Timed { start, end } => (start.timestamp(), end.timestamp(), None, None),
        BusyTime::AllDay { first, until } => {
            (midnight(first), midnight(until), Some(first.to_string()), Some(until.to_string()))
        }
    }
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Result<BusyRow, StoreError>> {
    let source: String = row.get("name")?;
    let uid: String = row.get("uid")?;
    let occurrence: String = row.get("occurrence")?;
    let title: String = row.get("title")?;
    let start: i64 = row.get("start_utc")?;
    let end: i64 = row.get("end_utc")?;
    let first: Option<String> = row.get("first_day")?;
    let until: Option<String> = row.get("until_day")?;
    let transparent: bool = row.get("transparent")?;
    let damaged = |detail: String| StoreError::Damaged { what: "busy time", id: 0, detail };
    let time = match (first, until) {
        (Some(first), Some(until)) => match (first.parse(), until.parse()) {
            (Ok(first), Ok(until)) => Ok(BusyTime::AllDay { first, until }),
            _ => Err(damaged(format!("days {first}..{until} of {uid}"))),
        },
        _ => match (Utc.timestamp_opt(start, 0).single(), Utc.timestamp_opt(end, 0).single()) {
            (Some(start), Some(end)) => Ok(BusyTime::Timed { start, end }),
            _ => Err(damaged(format!("times {start}..{end} of {uid}"))),
        },
    };
    Ok(time.map(|time| BusyRow {
        source,
        entry: BusyEntry { uid: uid.into(), occurrence, title: title.into(), time, transparent },
    }))
}

const SELECT: &str = "SELECT s.name, b.uid, b.occurrence, b.title, b.start_utc, b.end_utc, b.first_day, b.until_day, \
                      b.transparent FROM busy_times b JOIN busy_sources s ON s.id = b.source_id";

/// Busy time that overlaps `[from, to)`, by start.
pub fn list_busy_overlapping(conn: Db<'_>, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<BusyRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE b.start_utc < :to AND (b.end_utc > :from OR (b.end_utc = b.start_utc AND b.start_utc >= :from))
           AND b.start_utc > :from - {LONGEST_BUSY_SECS}
         UNION ALL
         {SELECT} WHERE b.start_utc <= :from - {LONGEST_BUSY_SECS} AND b.end_utc > :from AND b.start_utc < :to
         ORDER BY 5, 2, 3"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(named_params! { ":from": from.timestamp(), ":to": to.timestamp() }, from_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row??);
    }
    Ok(out)
}

/// The imported calendars, by name.
pub fn list_busy_sources(conn: Db<'_>) -> Result<Vec<BusySource>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.name, s.imported_utc, (SELECT count(*) FROM busy_times b WHERE b.source_id = s.id)
         FROM busy_sources s ORDER BY s.name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (name, imported, entries) = row?;
        out.push(BusySource {
            name,
            imported: Utc.timestamp_opt(imported, 0).single().unwrap_or_default(),
            entries: usize::try_from(entries).unwrap_or(0),
        });
    }
    Ok(out)
}

/// What replacing `source`'s busy time with `entries` would change (nothing is written).
pub fn diff_busy_source(conn: Db<'_>, source: &str, entries: &[BusyEntry]) -> Result<BusyDiff, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE s.name = :name"))?;
    let mut stored: HashMap<(std::sync::Arc<str>, String), BusyEntry> = HashMap::new();
    for row in stmt.query_map(named_params! { ":name": source }, from_row)? {
        let entry = row??.entry;
        stored.insert((entry.uid.clone(), entry.occurrence.clone()), entry);
    }
    let mut diff = BusyDiff::default();
    for entry in entries {
        match stored.remove(&(entry.uid.clone(), entry.occurrence.clone())) {
            None => diff.added += 1,
            Some(old) if old == *entry => diff.unchanged += 1,
            Some(_) => diff.changed += 1,
        }
    }
    diff.removed = stored.len();
    Ok(diff)
}

/// Replaces `source`'s busy time with `entries` (matched by UID and occurrence); run it in a transaction.
pub fn replace_busy_source(
    conn: Db<'_>,
    source: &str,
    entries: &[BusyEntry],
    now: DateTime<Utc>,
) -> Result<BusyDiff, StoreError> {
    let diff = diff_busy_source(conn, source, entries)?;
    conn.execute(
        "INSERT INTO busy_sources (name, imported_utc) VALUES (:name, :now)
         ON CONFLICT (name) DO UPDATE SET imported_utc = excluded.imported_utc",
        named_params! { ":name": source, ":now": now.timestamp() },
    )?;
    let id: i64 = conn.query_row("SELECT id FROM busy_sources WHERE name = ?1", [source], |r| r.get(0))?;
    conn.execute("DELETE FROM busy_times WHERE source_id = ?1", [id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO busy_times (source_id, uid, occurrence, title, start_utc, end_utc, first_day, until_day, transparent)
         VALUES (:source, :uid, :occurrence, :title, :start, :end, :first, :until, :transparent)",
    )?;
    for e in entries {
        let (start, end, first, until) = bounds(&e.time);
        insert.execute(named_params! {
            ":source": id, ":uid": &*e.uid, ":occurrence": e.occurrence, ":title": &*e.title,
            ":start": start, ":end": end, ":first": first, ":until": until, ":transparent": e.transparent,
        })?;
    }
    Ok(diff)
}

/// Removes an imported calendar and its busy time; false if there was none by that name.
pub fn delete_busy_source(conn: Db<'_>, source: &str) -> Result<bool, StoreError> {
    let id: Option<i64> =
        conn.query_row("SELECT id FROM busy_sources WHERE name = ?1", [source], |r| r.get(0)).optional()?;
    match id {
        Some(id) => Ok(conn.execute("DELETE FROM busy_sources WHERE id = ?1", [id])? > 0),
        None => Ok(false),
    }
}
