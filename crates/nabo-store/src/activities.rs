//! Queries on activities.

use std::sync::LazyLock;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use nabo_core::{
    Activity, ActivityId, ActivityStatus, Details, ExceptionChange, Field, OccurrenceException, ValidActivity, ZONE,
};
use rusqlite::{named_params, OptionalExtension, Row, ToSql};

use crate::db::Db;
use crate::error::StoreError;

/// The longest any activity lasts, in seconds; bounds range scans on the start index.
const LONGEST_ACTIVITY_SECS: i64 = 24 * 60 * 60;

/// The activity's free-text columns, one per [`Details::TEXT_FIELDS`] and named like it, each
/// written with `prefix` and joined: `area, household, …` or `:area, :household, …`.
fn text_columns(format: impl Fn(&str) -> String) -> String {
    Details::TEXT_FIELDS.iter().map(|f| format(f.as_str())).collect::<Vec<_>>().join(", ")
}

/// The columns every activity read selects, its languages included (in one query, not one per row).
static COLUMNS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "id, kind, status, start_utc, end_utc, rrule, {}, programme, example, expected_size, \
         (SELECT group_concat(language, char(31) ORDER BY position) FROM activity_languages \
          WHERE activity_id = activities.id) AS languages",
        text_columns(str::to_string)
    )
});

/// A new activity row: the validated plan, its stable calendar uid, and whether it is example data.
#[derive(Debug, Clone, Copy)]
pub struct NewActivity<'a> {
    /// The validated plan.
    pub plan: &'a ValidActivity,
    /// The uid that stays the same for this activity in every calendar export.
    pub uid: &'a str,
    /// Example data, removable in one go.
    pub example: bool,
}

/// A text column that offers what was typed before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RememberedText {
    /// Areas.
    Area,
    /// Venues.
    Venue,
    /// Themes.
    Theme,
    /// Household labels.
    Household,
}

impl RememberedText {
    fn column(self) -> &'static str {
        match self {
            RememberedText::Area => "area",
            RememberedText::Venue => "venue",
            RememberedText::Theme => "theme",
            RememberedText::Household => "household",
        }
    }
}

/// The columns a plan fills, as named SQL parameters, shared by insert and update.
struct PlanParams<'a> {
    kind: &'static str,
    start: i64,
    end: i64,
    rrule: Option<&'a str>,
    series_end: Option<i64>,
    expected_size: Option<u32>,
    /// `(":area", value)` for each text column.
    texts: Vec<(String, Option<&'a str>)>,
    programme: Option<&'static str>,
    now: i64,
}

impl<'a> PlanParams<'a> {
    fn new(plan: &'a ValidActivity, now: DateTime<Utc>) -> Self {
        let details = plan.details();
        Self {
            kind: plan.kind().as_str(),
            start: plan.start().timestamp(),
            end: plan.end().timestamp(),
            rrule: plan.recurrence().map(|r| r.as_str()),
            series_end: plan.series_end().map(|t| t.timestamp()),
            expected_size: details.expected_size,
            texts: Details::TEXT_FIELDS.iter().map(|&f| (format!(":{f}"), details.text(f))).collect(),
            programme: details.programme.map(|p| p.as_str()),
            now: now.timestamp(),
        }
    }

    /// These parameters followed by `extra`.
    fn with<'p>(&'p self, extra: &[(&'p str, &'p dyn ToSql)]) -> Vec<(&'p str, &'p dyn ToSql)> {
        let mut params: Vec<(&str, &dyn ToSql)> = vec![
            (":kind", &self.kind),
            (":start", &self.start),
            (":end", &self.end),
            (":rrule", &self.rrule),
            (":series_end", &self.series_end),
            (":expected_size", &self.expected_size),
            (":programme", &self.programme),
            (":now", &self.now),
        ];
        params.extend(self.texts.iter().map(|(name, value)| (name.as_str(), value as &dyn ToSql)));
        params.extend_from_slice(extra);
        params
    }
}

/// Stores a new activity with status planned; returns its id.
pub fn insert_activity(conn: Db<'_>, new: &NewActivity<'_>, now: DateTime<Utc>) -> Result<ActivityId, StoreError> {
    static INSERT: LazyLock<String> = LazyLock::new(|| {
        format!(
            "INSERT INTO activities (uid, kind, status, start_utc, end_utc, rrule, series_end_utc, {}, programme,
                                     example, expected_size, created_utc, updated_utc)
             VALUES (:uid, :kind, 'planned', :start, :end, :rrule, :series_end, {}, :programme,
                     :example, :expected_size, :now, :now)",
            text_columns(str::to_string),
            text_columns(|c| format!(":{c}")),
        )
    });
    let params = PlanParams::new(new.plan, now);
    conn.execute(&INSERT, params.with(&[(":uid", &new.uid), (":example", &new.example)]).as_slice())?;
    let id = ActivityId(conn.last_insert_rowid());
    replace_languages(conn, id, &new.plan.details().languages)?;
    Ok(id)
}

/// Replaces an activity's details (not its status or uid) and bumps its sequence.
pub fn update_activity(
    conn: Db<'_>,
    id: ActivityId,
    activity: &ValidActivity,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    static UPDATE: LazyLock<String> = LazyLock::new(|| {
        format!(
            "UPDATE activities SET kind = :kind, start_utc = :start, end_utc = :end, rrule = :rrule,
                    series_end_utc = :series_end, expected_size = :expected_size, {},
                    programme = :programme, sequence = sequence + 1, updated_utc = :now
             WHERE id = :id AND deleted_utc IS NULL",
            text_columns(|c| format!("{c} = :{c}")),
        )
    });
    let params = PlanParams::new(activity, now);
    let changed = conn.execute(&UPDATE, params.with(&[(":id", &id.0)]).as_slice())?;
    if changed == 0 {
        return Err(not_found(id));
    }
    replace_languages(conn, id, &activity.details().languages)
}

/// Sets an activity's status and bumps its sequence.
pub fn set_activity_status(
    conn: Db<'_>,
    id: ActivityId,
    status: ActivityStatus,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE activities SET status = :status, sequence = sequence + 1, updated_utc = :now
         WHERE id = :id AND deleted_utc IS NULL",
        named_params! { ":id": id.0, ":status": status.as_str(), ":now": now.timestamp() },
    )?;
    if changed == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// Marks an activity deleted; it disappears everywhere but can be restored until purged.
pub fn delete_activity(conn: Db<'_>, id: ActivityId, now: DateTime<Utc>) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE activities SET deleted_utc = :now WHERE id = :id AND deleted_utc IS NULL",
        named_params! { ":id": id.0, ":now": now.timestamp() },
    )?;
    if changed == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// Brings back a deleted activity that has not been purged yet.
pub fn restore_activity(conn: Db<'_>, id: ActivityId, now: DateTime<Utc>) -> Result<(), StoreError> {
    let changed = conn.execute(
        "UPDATE activities SET deleted_utc = NULL, sequence = sequence + 1, updated_utc = :now
         WHERE id = :id AND deleted_utc IS NOT NULL",
        named_params! { ":id": id.0, ":now": now.timestamp() },
    )?;
    if changed == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// Removes for good the activities deleted before `cutoff`, with everything recorded on them.
pub fn purge_deleted_activities(conn: Db<'_>, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM activities WHERE deleted_utc IS NOT NULL AND deleted_utc < :cutoff",
        named_params! { ":cutoff": cutoff.timestamp() },
    )?)
}

/// How many activities were deleted before `cutoff` (what [`purge_deleted_activities`] would remove).
pub fn count_deleted_before(conn: Db<'_>, cutoff: DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(conn.query_row(
        "SELECT count(*) FROM activities WHERE deleted_utc IS NOT NULL AND deleted_utc < :cutoff",
        named_params! { ":cutoff": cutoff.timestamp() },
        |r| r.get(0),
    )?)
}

/// Removes every example activity for good; returns how many.
pub fn delete_example_activities(conn: Db<'_>) -> Result<usize, StoreError> {
    Ok(conn.execute("DELETE FROM activities WHERE example = 1", [])?)
}

/// Values typed before in `column` that start with `prefix` (case-insensitive for ASCII),
/// most recently used first.
pub fn recent_values(
    conn: Db<'_>,
    column: RememberedText,
    prefix: &str,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    let col = column.column();
    let sql = format!(
        "SELECT {col} FROM activities
         WHERE {col} IS NOT NULL AND deleted_utc IS NULL AND {col} LIKE :pattern ESCAPE '\\'
         GROUP BY {col} ORDER BY max(updated_utc) DESC, {col} LIMIT :limit"
    );
    let escaped: String = prefix
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let mut stmt = conn.prepare_cached(&sql)?;
    let values = stmt
        .query_map(
            named_params! { ":pattern": format!("{escaped}%"), ":limit": i64::try_from(limit).unwrap_or(i64::MAX) },
            |r| r.get::<_, String>(0),
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(values)
}

/// The activity with this id.
pub fn get_activity(conn: Db<'_>, id: ActivityId) -> Result<Activity, StoreError> {
    let sql = format!("SELECT {} FROM activities WHERE id = :id AND deleted_utc IS NULL", *COLUMNS);
    let row = conn
        .query_row(&sql, named_params! { ":id": id.0 }, RawActivity::from_row)
        .optional()?
        .ok_or_else(|| not_found(id))?;
    row.into_activity()
}

/// One-off activities that overlap `[from, to)` and series that may have a meeting in it,
/// ordered by start then id. Series come as stored (first meeting's times): expand them.
pub fn list_activities_overlapping(
    conn: Db<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Activity>, StoreError> {
    // The lower bound on start_utc lets SQLite use the start index for one-offs; it is
    // safe because no activity lasts longer than LONGEST_ACTIVITY_SECS.
    let columns = &*COLUMNS;
    let sql = format!(
        "SELECT {columns} FROM activities
         WHERE rrule IS NULL AND deleted_utc IS NULL
           AND start_utc < :to AND end_utc > :from AND start_utc > :from - {LONGEST_ACTIVITY_SECS}
         UNION ALL
         SELECT {columns} FROM activities WHERE {SERIES_IN_RANGE}
         ORDER BY start_utc, id"
    );
    activities_in_range(conn, &sql, from, to)
}

/// Series (not deleted) that may have a meeting in `[:from, :to)`.
const SERIES_IN_RANGE: &str = "rrule IS NOT NULL AND deleted_utc IS NULL \
                               AND start_utc < :to AND (series_end_utc IS NULL OR series_end_utc > :from)";

/// Runs an activity query with `:from` and `:to`.
fn activities_in_range(
    conn: Db<'_>,
    sql: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Activity>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(named_params! { ":from": from.timestamp(), ":to": to.timestamp() }, RawActivity::from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(RawActivity::into_activity).collect()
}

/// How many real (not deleted, not example) one-off activities start in `[from, to)`, by kind and status.
pub fn count_one_offs_by_kind_status(
    conn: Db<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(String, String, usize)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, status, count(*) FROM activities
         WHERE start_utc >= :from AND start_utc < :to AND rrule IS NULL AND deleted_utc IS NULL AND example = 0
         GROUP BY kind, status ORDER BY kind, status",
    )?;
    let rows = stmt.query_map(named_params! { ":from": from.timestamp(), ":to": to.timestamp() }, |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, usize::try_from(r.get::<_, i64>(2)?).unwrap_or(0)))
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Real (not deleted, not example) series that may have a meeting in `[from, to)`, as stored.
pub fn list_series_overlapping(
    conn: Db<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Activity>, StoreError> {
    let columns = &*COLUMNS;
    let sql =
        format!("SELECT {columns} FROM activities WHERE {SERIES_IN_RANGE} AND example = 0 ORDER BY start_utc, id");
    activities_in_range(conn, &sql, from, to)
}

/// An activity with what a calendar export needs besides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// The activity (a series as stored).
    pub activity: Activity,
    /// Its stable uid.
    pub uid: String,
    /// How many times it changed.
    pub sequence: u32,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// A series' exceptions.
    pub exceptions: Vec<OccurrenceException>,
}

/// Every real (not example, not deleted) activity for a calendar export, by start.
pub fn list_for_export(conn: Db<'_>) -> Result<Vec<ExportRow>, StoreError> {
    let columns = &*COLUMNS;
    let sql = format!(
        "SELECT {columns}, uid, sequence, created_utc, updated_utc FROM activities
         WHERE deleted_utc IS NULL AND example = 0 ORDER BY start_utc, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                RawActivity::from_row(r)?,
                r.get::<_, String>("uid")?,
                r.get::<_, i64>("sequence")?,
                r.get::<_, i64>("created_utc")?,
                r.get::<_, i64>("updated_utc")?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(raw, uid, sequence, created, updated)| {
            let id = raw.id;
            let damaged = |detail: String| StoreError::Damaged { what: "activity", id, detail };
            let stamp = |secs: i64| {
                Utc.timestamp_opt(secs, 0).single().ok_or_else(|| damaged(format!("time {secs} is out of range")))
            };
            let activity = raw.into_activity()?;
            let exceptions = if activity.rrule.is_some() { list_exceptions(conn, activity.id)? } else { Vec::new() };
            Ok(ExportRow {
                uid,
                sequence: u32::try_from(sequence).unwrap_or(u32::MAX),
                created: stamp(created)?,
                updated: stamp(updated)?,
                exceptions,
                activity,
            })
        })
        .collect()
}

/// The exceptions recorded for a series, in order of the occurrence they change.
pub fn list_exceptions(conn: Db<'_>, id: ActivityId) -> Result<Vec<OccurrenceException>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT occurrence_start_utc, skipped, start_utc, end_utc, status FROM recurrence_exceptions
         WHERE activity_id = :id ORDER BY occurrence_start_utc",
    )?;
    let rows = stmt
        .query_map(named_params! { ":id": id.0 }, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let damaged = |detail: String| StoreError::Damaged { what: "series exception", id: id.0, detail };
    rows.into_iter()
        .map(|(original, skipped, start, end, status)| {
            let original_start = instant(original).ok_or_else(|| damaged(format!("time {original}")))?;
            let change = match (skipped, start, end) {
                (true, ..) => ExceptionChange::Skipped,
                (false, Some(start), Some(end)) => ExceptionChange::Changed {
                    start: instant(start).ok_or_else(|| damaged(format!("time {start}")))?,
                    end: instant(end).ok_or_else(|| damaged(format!("time {end}")))?,
                    status: status.as_deref().unwrap_or("planned").parse().map_err(|e| damaged(format!("{e}")))?,
                },
                _ => return Err(damaged("a changed occurrence without times".into())),
            };
            Ok(OccurrenceException { original_start, change })
        })
        .collect()
}

/// Records how one occurrence of series `id` differs, replacing an earlier exception for it.
pub fn set_exception(
    conn: Db<'_>,
    id: ActivityId,
    exception: &OccurrenceException,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (skipped, start, end, status) = match exception.change {
        ExceptionChange::Skipped => (true, None, None, None),
        ExceptionChange::Changed { start, end, status } => {
            (false, Some(start.timestamp()), Some(end.timestamp()), Some(status.as_str()))
        }
    };
    conn.execute(
        "INSERT INTO recurrence_exceptions (activity_id, occurrence_start_utc, skipped, start_utc, end_utc, status)
         VALUES (:id, :original, :skipped, :start, :end, :status)
         ON CONFLICT (activity_id, occurrence_start_utc) DO UPDATE SET
             skipped = excluded.skipped, start_utc = excluded.start_utc,
             end_utc = excluded.end_utc, status = excluded.status",
        named_params! {
            ":id": id.0,
            ":original": exception.original_start.timestamp(),
            ":skipped": skipped,
            ":start": start,
            ":end": end,
            ":status": status,
        },
    )?;
    conn.execute(
        "UPDATE activities SET sequence = sequence + 1, updated_utc = :now WHERE id = :id",
        named_params! { ":id": id.0, ":now": now.timestamp() },
    )?;
    Ok(())
}

/// Moves the exceptions of series `from` at or after `at` to series `to` (a split series),
/// shifting the occurrence each one names by `shift` (when the new series starts at another time).
pub fn move_exceptions(
    conn: Db<'_>,
    from: ActivityId,
    to: ActivityId,
    at: DateTime<Utc>,
    shift: chrono::Duration,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE recurrence_exceptions SET activity_id = :to, occurrence_start_utc = occurrence_start_utc + :shift
         WHERE activity_id = :from AND occurrence_start_utc >= :at",
        named_params! { ":from": from.0, ":to": to.0, ":at": at.timestamp(), ":shift": shift.num_seconds() },
    )?)
}

fn instant(secs: i64) -> Option<DateTime<Tz>> {
    Utc.timestamp_opt(secs, 0).single().map(|t| t.with_timezone(&ZONE))
}

fn not_found(id: ActivityId) -> StoreError {
    StoreError::NotFound { what: "activity", id: id.0 }
}

fn replace_languages(conn: Db<'_>, id: ActivityId, languages: &[String]) -> Result<(), StoreError> {
    conn.execute("DELETE FROM activity_languages WHERE activity_id = :id", named_params! { ":id": id.0 })?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO activity_languages (activity_id, position, language) VALUES (:id, :position, :language)",
    )?;
    for (position, language) in languages.iter().enumerate() {
        stmt.execute(named_params! { ":id": id.0, ":position": position as i64, ":language": language })?;
    }
    Ok(())
}

/// A row as SQLite returns it, before its text columns are parsed.
struct RawActivity {
    id: i64,
    kind: String,
    status: String,
    start_utc: i64,
    end_utc: i64,
    rrule: Option<String>,
    /// Everything but the programme, which is still text.
    details: Details,
    programme: Option<String>,
    example: bool,
}

impl RawActivity {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        let mut details = Details::default();
        for &field in Details::TEXT_FIELDS {
            if let Some(slot) = details.text_mut(field) {
                *slot = r.get(field.as_str())?;
            }
        }
        details.expected_size = r.get("expected_size")?;
        // The languages in order, joined by U+001F.
        let languages: Option<String> = r.get("languages")?;
        details.languages = languages.map(|l| l.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default();
        Ok(Self {
            id: r.get("id")?,
            kind: r.get("kind")?,
            status: r.get("status")?,
            start_utc: r.get("start_utc")?,
            end_utc: r.get("end_utc")?,
            rrule: r.get("rrule")?,
            details,
            programme: r.get("programme")?,
            example: r.get("example")?,
        })
    }

    fn into_activity(self) -> Result<Activity, StoreError> {
        let id = self.id;
        let damaged = |detail: String| StoreError::Damaged { what: "activity", id, detail };
        let at = |secs: i64| -> Result<DateTime<Tz>, StoreError> {
            instant(secs).ok_or_else(|| damaged(format!("time {secs} is out of range")))
        };
        let mut details = self.details;
        details.programme = self.programme.map(|p| p.parse()).transpose().map_err(|e| damaged(format!("{e}")))?;
        Ok(Activity {
            id: ActivityId(id),
            kind: self.kind.parse().map_err(|e| damaged(format!("{e}")))?,
            status: self.status.parse().map_err(|e| damaged(format!("{e}")))?,
            start: at(self.start_utc)?,
            end: at(self.end_utc)?,
            rrule: self.rrule,
            details,
            example: self.example,
        })
    }
}

/// Renames meetings of series `id` (its rule moved): each pair is a meeting's original start
/// before and after, and its exception, counts and count edits follow it. Run it in a transaction.
pub fn rekey_occurrences(
    conn: Db<'_>,
    id: ActivityId,
    pairs: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<(), StoreError> {
    const TABLES: [&str; 3] = ["recurrence_exceptions", "counts", "count_edits"];
    // Two passes, so that a meeting may take the name another one leaves (a series moved by
    // exactly a week) without two rows holding one key in between: first every renamed row is
    // parked at a key no meeting has (before 1970), then given its new name.
    for (pass, (index, (old, new))) in [0, 1].into_iter().flat_map(|p| pairs.iter().enumerate().map(move |x| (p, x))) {
        let parked = -1 - i64::try_from(index).unwrap_or(i64::MAX - 1);
        let (from, to) = if pass == 0 { (old.timestamp(), parked) } else { (parked, new.timestamp()) };
        for table in TABLES {
            conn.execute(
                &format!("UPDATE {table} SET occurrence_start_utc = :to WHERE activity_id = :id AND occurrence_start_utc = :from"),
                named_params! { ":id": id.0, ":from": from, ":to": to },
            )?;
        }
    }
    Ok(())
}

/// How many activities (one-offs and series) are stored, deleted ones in their undo window not counted.
pub fn count_activities(conn: Db<'_>) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM activities WHERE deleted_utc IS NULL", [], |r| r.get(0))?)
}

/// The free-text fields of one stored activity, for checking them again (`nabo check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTexts {
    /// The activity.
    pub id: ActivityId,
    /// Each of [`Details::TEXT_FIELDS`] with its value, `None` where not set.
    pub texts: Vec<(Field, Option<String>)>,
}

/// The free-text fields of every stored activity (not deleted ones), by id.
pub fn list_activity_texts(conn: Db<'_>) -> Result<Vec<StoredTexts>, StoreError> {
    let sql =
        format!("SELECT id, {} FROM activities WHERE deleted_utc IS NULL ORDER BY id", text_columns(str::to_string));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        let texts = Details::TEXT_FIELDS
            .iter()
            .map(|&field| Ok((field, r.get(field.as_str())?)))
            .collect::<rusqlite::Result<_>>()?;
        Ok(StoredTexts { id: ActivityId(r.get("id")?), texts })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
