//! The totals of imported summaries as the reports read them, and the coordinator's targets.

use nabo_core::exchange::MonthSummary;
use nabo_core::report::{facts_of, pack_sums, pack_values, unpack_sums, Breakdown, Fact};
use rusqlite::{named_params, OptionalExtension};

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
    /// Its format version (1 has no lines by area and kind together).
    pub format: u32,
}

/// Stores the lines of a summary just stored and adds them to the months' sums; the lines of
/// the volunteer's older revision of that month are removed and taken out of the sums (only
/// the highest revision counts).
pub fn insert_summary_totals(conn: Db<'_>, summary: SummaryRef<'_>, facts: &[Fact]) -> Result<(), StoreError> {
    let summary_id = summary.id;
    let volunteer_key = summary.volunteer_key;
    let replaced: Vec<i64> = conn
        .prepare_cached(
            // Through the summaries' (key, month) index and the lines' summary index: asked of
            // the lines alone, this scanned them all at every import (3.9× the minimal import).
            "SELECT s.id FROM imported_summaries AS s
             WHERE s.volunteer_key = :key AND s.period = :period AND s.id <> :id
               AND EXISTS (SELECT 1 FROM summary_totals AS t WHERE t.summary_id = s.id)",
        )?
        .query_map(
            named_params! { ":key": volunteer_key.as_slice(), ":period": summary.period, ":id": summary_id },
            |r| r.get(0),
        )?
        .collect::<Result<_, _>>()?;
    for id in replaced {
        let (stored, old_facts) = stored_facts(conn, id)?;
        add_to_sums(conn, id, &stored, &old_facts, Sign::Minus)?;
        conn.execute("DELETE FROM summary_totals WHERE summary_id = :id", named_params! { ":id": id })?;
    }
    insert_lines(conn, summary, facts)?;
    let about =
        SummaryAbout { period: summary.period.to_string(), scheme: summary.scheme.to_string(), format: summary.format };
    add_to_sums(conn, summary_id, &about, facts, Sign::Plus)
}

/// Stores a summary's own lines (`summary_totals`, as migration 7 made it).
fn insert_lines(conn: Db<'_>, summary: SummaryRef<'_>, facts: &[Fact]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO summary_totals
           (summary_id, volunteer_key, revision, period, breakdown, label, held, cancelled, scheme, vals)
         VALUES (:id, :key, :revision, :period, :breakdown, :label, :held, :cancelled, :scheme, :vals)",
    )?;
    // The per-summary lines serve the grid and the volunteers list; lines by area and kind
    // together are only ever read summed.
    for Fact { breakdown, kind, area, held, cancelled, values } in facts {
        let label = match breakdown {
            Breakdown::Month => None,
            Breakdown::Kind => kind.map(|k| k.as_str().to_string()),
            Breakdown::Area => area.clone(),
            Breakdown::AreaKind => continue,
        };
        stmt.execute(named_params! {
            ":id": summary.id,
            ":key": summary.volunteer_key.as_slice(),
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

/// What the sums need to know of a summary besides its lines.
struct SummaryAbout {
    period: String,
    scheme: String,
    format: u32,
}

/// A stored summary's lines, from its JSON (what they were made of when it was imported).
fn stored_facts(conn: Db<'_>, id: i64) -> Result<(SummaryAbout, Vec<Fact>), StoreError> {
    let payload: String =
        conn.query_row("SELECT payload FROM imported_summaries WHERE id = :id", named_params! { ":id": id }, |r| {
            r.get(0)
        })?;
    let (summary, facts) = read_stored(id, &payload)?;
    Ok((SummaryAbout { period: summary.period, scheme: summary.scheme_version, format: summary.version }, facts))
}

/// A stored summary's JSON read back, and its lines.
fn read_stored(id: i64, payload: &str) -> Result<(MonthSummary, Vec<Fact>), StoreError> {
    let damaged = |detail: String| StoreError::Damaged { what: "imported summary", id, detail };
    let summary = MonthSummary::from_stored(payload).map_err(|e| damaged(e.to_string()))?;
    let facts = facts_of(&summary).map_err(|e| damaged(e.to_string()))?;
    Ok((summary, facts))
}

/// Adding a summary to the sums, or taking it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Plus,
    Minus,
}

/// Adds a summary's lines to `month_sums` (or takes them out): one row per month, breakdown,
/// kind, area and scheme, counting the summaries in it.
fn add_to_sums(conn: Db<'_>, id: i64, summary: &SummaryAbout, facts: &[Fact], sign: Sign) -> Result<(), StoreError> {
    let damaged = |detail: &str| StoreError::Damaged { what: "month sums", id, detail: detail.to_string() };
    let mut find = conn.prepare_cached(
        "SELECT rowid, summaries, older, held, cancelled, sums FROM month_sums
         WHERE period = :period AND breakdown = :breakdown AND ifnull(kind, '') = :kind
           AND ifnull(area, '') = :area AND scheme = :scheme",
    )?;
    let older = u32::from(summary.format < 2);
    for fact in facts {
        let kind = fact.kind.map(|k| k.as_str());
        let key = named_params! {
            ":period": summary.period,
            ":breakdown": fact.breakdown.as_str(),
            ":kind": kind.unwrap_or(""),
            ":area": fact.area.as_deref().unwrap_or(""),
            ":scheme": summary.scheme,
        };
        let found = find
            .query_row(key, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, u64>(3)?,
                    r.get::<_, u64>(4)?,
                    r.get::<_, Vec<u8>>(5)?,
                ))
            })
            .optional()?;
        match (found, sign) {
            (None, Sign::Plus) => {
                let sums: Vec<u64> = fact.values.iter().map(|v| u64::from(*v)).collect();
                conn.prepare_cached(
                    "INSERT INTO month_sums (period, breakdown, kind, area, scheme, summaries, older, held, cancelled, sums)
                     VALUES (:period, :breakdown, :kind, :area, :scheme, 1, :older, :held, :cancelled, :sums)",
                )?
                .execute(named_params! {
                    ":period": summary.period,
                    ":breakdown": fact.breakdown.as_str(),
                    ":kind": kind,
                    ":area": fact.area,
                    ":scheme": summary.scheme,
                    ":older": older,
                    ":held": fact.held,
                    ":cancelled": fact.cancelled,
                    ":sums": pack_sums(&sums),
                })?;
            }
            (None, Sign::Minus) => return Err(damaged("a summary taken out was never added")),
            (Some((rowid, summaries, old, held, cancelled, packed)), sign) => {
                let mut sums = unpack_sums(&packed).ok_or_else(|| damaged("sums are not whole numbers"))?;
                if sums.len() != fact.values.len() {
                    return Err(damaged("sums do not match the scheme"));
                }
                let apply = |a: u64, b: u64| match sign {
                    Sign::Plus => a.checked_add(b),
                    Sign::Minus => a.checked_sub(b),
                };
                let underflow = || damaged("a summary taken out is more than the sums");
                for (sum, v) in sums.iter_mut().zip(&fact.values) {
                    *sum = apply(*sum, u64::from(*v)).ok_or_else(underflow)?;
                }
                let summaries = apply(u64::from(summaries), 1).ok_or_else(underflow)?;
                let older = apply(u64::from(old), u64::from(older)).ok_or_else(underflow)?;
                let held = apply(held, u64::from(fact.held)).ok_or_else(underflow)?;
                let cancelled = apply(cancelled, u64::from(fact.cancelled)).ok_or_else(underflow)?;
                if summaries == 0 {
                    conn.execute("DELETE FROM month_sums WHERE rowid = :rowid", named_params! { ":rowid": rowid })?;
                } else {
                    conn.prepare_cached(
                        "UPDATE month_sums SET summaries = :summaries, older = :older, held = :held,
                           cancelled = :cancelled, sums = :sums WHERE rowid = :rowid",
                    )?
                    .execute(named_params! {
                        ":rowid": rowid,
                        ":summaries": summaries,
                        ":older": older,
                        ":held": held,
                        ":cancelled": cancelled,
                        ":sums": pack_sums(&sums),
                    })?;
                }
            }
        }
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
        let (summary, facts) = read_stored(id, &payload)?;
        let key: [u8; 32] = key.as_slice().try_into().map_err(|_| StoreError::Damaged {
            what: "imported summary",
            id,
            detail: "a key is not 32 bytes".into(),
        })?;
        let at = SummaryRef {
            id,
            volunteer_key: &key,
            period: &summary.period,
            scheme: &summary.scheme_version,
            revision: summary.revision,
            format: summary.version,
        };
        // Its lines alone: the months' sums are migration 8's.
        insert_lines(conn, at, &facts)?;
    }
    Ok(())
}

/// Fills `month_sums` from the summaries that count (migration 8's hook).
pub(crate) fn fill_month_sums(conn: Db<'_>) -> Result<(), StoreError> {
    let ids: Vec<i64> = conn
        .prepare("SELECT DISTINCT summary_id FROM summary_totals")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        let (about, facts) = stored_facts(conn, id)?;
        add_to_sums(conn, id, &about, &facts, Sign::Plus)?;
    }
    Ok(())
}

/// One line of the months' sums as read, borrowed from SQLite's row (nothing copied).
#[derive(Debug, Clone, Copy)]
pub struct SumLine<'a> {
    /// The month, `YYYY-MM`.
    pub period: &'a str,
    /// The kind's name, on kind and area-by-kind lines.
    pub kind: Option<&'a str>,
    /// The area's name, on area and area-by-kind lines (none: activities without one).
    pub area: Option<&'a str>,
    /// The scheme the sums are in.
    pub scheme: &'a str,
    /// Summaries summed.
    pub summaries: u32,
    /// Of which format 1 (with no lines by area and kind together).
    pub older: u32,
    /// Activities held.
    pub held: u64,
    /// Activities called off.
    pub cancelled: u64,
    /// The sums, packed (eight bytes each).
    pub sums: &'a [u8],
}

/// A borrowed text column, or none.
fn text(value: rusqlite::types::ValueRef<'_>) -> Result<Option<&str>, StoreError> {
    match value {
        rusqlite::types::ValueRef::Null => Ok(None),
        other => other.as_str().map(Some).map_err(|e| StoreError::from(rusqlite::Error::from(e))),
    }
}

/// A text column that may not be NULL (STRICT and NOT NULL keep it so).
fn required<'a>(value: Option<&'a str>, column: &str) -> Result<&'a str, StoreError> {
    value.ok_or_else(|| StoreError::Damaged { what: "month sums", id: 0, detail: format!("no {column}") })
}

/// Calls `visit` with every line of the months' sums of `breakdown` for the months `from` to
/// `to` (`YYYY-MM`, both included): a few hundred rows for a national year, where the
/// summaries' own lines are tens of thousands.
pub fn visit_sums<E: From<StoreError>>(
    conn: Db<'_>,
    breakdown: Breakdown,
    from: &str,
    to: &str,
    mut visit: impl FnMut(SumLine<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT period, kind, area, scheme, summaries, older, held, cancelled, sums FROM month_sums
             WHERE breakdown = :breakdown AND period BETWEEN :from AND :to ORDER BY period",
        )
        .map_err(StoreError::from)?;
    let mut rows = stmt
        .query(named_params! { ":breakdown": breakdown.as_str(), ":from": from, ":to": to })
        .map_err(StoreError::from)?;
    while let Some(row) = rows.next().map_err(StoreError::from)? {
        let get = |i: usize| row.get_ref(i).map_err(StoreError::from);
        let line = SumLine {
            period: required(text(get(0)?)?, "period")?,
            kind: text(get(1)?)?,
            area: text(get(2)?)?,
            scheme: required(text(get(3)?)?, "scheme")?,
            summaries: row.get(4).map_err(StoreError::from)?,
            older: row.get(5).map_err(StoreError::from)?,
            held: row.get(6).map_err(StoreError::from)?,
            cancelled: row.get(7).map_err(StoreError::from)?,
            sums: get(8)?.as_blob().map_err(|e| StoreError::from(rusqlite::Error::from(e)))?,
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
