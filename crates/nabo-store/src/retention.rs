//! Data minimisation: household code names and notes erased a set time after the last visit.
//!
//! A household's last visit is the latest end of any activity that carries its label (labels
//! compared without regard to ASCII case: "h-17" and "H-17" are one household), whatever its
//! status and whether or not it was deleted (a cancelled or deleted visit still counts by its
//! date); a series counts by the end of its last meeting, a moved meeting included, and a
//! series without end never ends. Once that end lies before the cutoff, the label and the
//! notes of every activity of the household are set to NULL. An activity without a household
//! loses its note once it has itself ended before the cutoff. Nothing else changes: times,
//! kinds, areas, statuses and counts stay (the counts are anonymous).
//!
//! What was erased must not stay readable elsewhere in the file either. SQLite leaves a
//! changed row's old bytes in the page's free space unless `secure_delete` is on, and SQLCipher
//! turns it on for every connection it encrypts (`sqlcipherCodecAttach`): freed cells and
//! pages are zeroed as they are freed, so no earlier version of a row survives in the file.
//! The erasure turns it on as well, so that it holds without relying on that. The WAL still
//! holds earlier images of the changed pages until it is overwritten: [`empty_wal`] copies it
//! into the database and truncates it once the erasure is committed.

use chrono::{DateTime, Utc};
use rusqlite::named_params;

use crate::db::Db;
use crate::error::StoreError;

/// What an erasure removed, or would remove: how many, never the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    /// Household labels erased, each counted once however many activities carried it.
    pub households: usize,
    /// Notes erased.
    pub notes: usize,
}

impl Erased {
    /// True when nothing was (or would be) erased.
    pub fn is_empty(&self) -> bool {
        self.households == 0 && self.notes == 0
    }
}

/// The end of each activity's last meeting as `last_end` (a series without end: `:ongoing`,
/// later than any time), and the households whose last visit ended before `:cutoff`.
const EXPIRED: &str = "
    ends AS (
        SELECT id, household, note,
               CASE
                   WHEN rrule IS NULL THEN end_utc
                   WHEN series_end_utc IS NULL THEN :ongoing
                   ELSE max(series_end_utc, ifnull((SELECT max(e.end_utc) FROM recurrence_exceptions e
                                                    WHERE e.activity_id = activities.id), series_end_utc))
               END AS last_end
        FROM activities
    ),
    expired_households AS (
        SELECT household COLLATE NOCASE AS label FROM ends WHERE household IS NOT NULL
        GROUP BY household COLLATE NOCASE HAVING max(last_end) < :cutoff
    ),
    expired AS (
        SELECT id, household, note FROM ends
        WHERE (household IS NOT NULL AND household COLLATE NOCASE IN (SELECT label FROM expired_households))
           OR (household IS NULL AND note IS NOT NULL AND last_end < :cutoff)
    )";

/// What [`erase_expired_texts`] would erase with this `cutoff`, read without writing: a start
/// with nothing due writes nothing.
pub fn count_expired_texts(conn: Db<'_>, cutoff: DateTime<Utc>) -> Result<Erased, StoreError> {
    let sql = format!(
        "WITH {EXPIRED}
         SELECT (SELECT count(*) FROM expired_households), (SELECT count(*) FROM expired WHERE note IS NOT NULL)"
    );
    let (households, notes) =
        conn.query_row(&sql, named_params! { ":cutoff": cutoff.timestamp(), ":ongoing": i64::MAX }, |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
    Ok(Erased { households: usize::try_from(households).unwrap_or(0), notes: usize::try_from(notes).unwrap_or(0) })
}

/// Erases the household labels and notes whose time is up at `cutoff` (see the module's
/// description); each changed activity gets a new calendar sequence, so that a calendar app
/// replaces the entry it holds (its `updated_utc` stays: it says when the user last used its
/// area, which the suggestions offer most recent first). Run it in a transaction
/// ([`crate::Store::write`]), then [`empty_wal`] once it is committed. Returns what it erased.
pub fn erase_expired_texts(conn: Db<'_>, cutoff: DateTime<Utc>) -> Result<Erased, StoreError> {
    let erased = count_expired_texts(conn, cutoff)?;
    if erased.is_empty() {
        return Ok(erased);
    }
    // The old bytes of each changed row are zeroed in its page as it is rewritten (already so
    // on an encrypted connection: SQLCipher forces it).
    conn.query_row("PRAGMA secure_delete = ON", [], |_| Ok(()))?;
    conn.execute(
        &format!(
            "WITH {EXPIRED}
             UPDATE activities SET household = NULL, note = NULL, sequence = sequence + 1
             WHERE id IN (SELECT id FROM expired)"
        ),
        named_params! { ":cutoff": cutoff.timestamp(), ":ongoing": i64::MAX },
    )?;
    Ok(erased)
}

/// Copies the WAL into the database and empties it: after [`erase_expired_texts`] it still
/// holds earlier images of the changed pages, with the text that was erased. Run it outside
/// any transaction, once the erasure is committed. Returns false when another connection was
/// reading and the WAL could not be emptied now: the old images then stay (encrypted) until
/// later changes overwrite them, or the next erasure empties it.
pub fn empty_wal(conn: Db<'_>) -> Result<bool, StoreError> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    Ok(busy == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::{insert_activity, set_activity_status, update_activity, NewActivity};
    use nabo_core::{ActivityDraft, ActivityKind, ActivityStatus, Details, LocalDateTime, Minutes, ValidActivity};

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    /// The file and its WAL, byte for byte.
    fn bytes(path: &std::path::Path) -> Vec<u8> {
        let mut all = std::fs::read(path).expect("database");
        all.extend(std::fs::read(format!("{}-wal", path.display())).unwrap_or_default());
        all
    }

    fn visit(start: &str, household: &str, note: &str) -> ValidActivity {
        ActivityDraft {
            details: Details {
                area: Some("Gellerup".into()),
                household: Some(household.into()),
                note: Some(note.into()),
                ..Details::default()
            },
            ..ActivityDraft::new(
                ActivityKind::HomeVisit,
                start.parse::<LocalDateTime>().expect("time"),
                "60m".parse::<Minutes>().expect("duration"),
            )
        }
        .validate()
        .expect("valid")
    }

    /// On a plain file, where the bytes can be searched as `strings` would: with
    /// `secure_delete` on from the start, as SQLCipher sets it on an encrypted connection,
    /// the erased label and note are in no page and no free space, although each change of
    /// the row rewrote it; the WAL holds them until it is emptied. (An encrypted file is the
    /// same b-tree, each page encrypted as it is written.)
    #[test]
    fn erased_bytes_are_gone_from_the_file_once_the_wal_is_emptied() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plain.db");
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
        conn.pragma_update(None, "secure_delete", true).expect("secure_delete");
        crate::schema::migrations().to_latest(&mut conn).expect("migrate");
        let now = utc("2026-12-04T09:00:00Z");
        let old = visit("2025-01-14T10:00", "HQ-4711", "Lejligheden er for lille");
        let recent = visit("2026-11-14T10:00", "H-12", "Kommer igen");
        let id = {
            let tx = conn.transaction().expect("tx");
            let id = insert_activity(Db::new(&tx), &NewActivity { plan: &old, uid: "a", example: false }, now)
                .expect("insert");
            for uid in ["b", "c", "d"] {
                insert_activity(Db::new(&tx), &NewActivity { plan: &recent, uid, example: false }, now)
                    .expect("insert");
            }
            tx.commit().expect("commit");
            id
        };
        // Each change rewrites the row; one that makes it longer moves it within its page.
        for status in [ActivityStatus::Done, ActivityStatus::NoShow, ActivityStatus::Done] {
            set_activity_status(Db::new(&conn), id, status, now).expect("status");
        }
        let longer = visit("2025-01-14T10:00", "HQ-4711", &"Lejligheden er for lille til fem. ".repeat(4));
        update_activity(Db::new(&conn), id, &longer, now).expect("edit");
        assert!(contains(&bytes(&path), "HQ-4711"));

        let tx = conn.transaction().expect("tx");
        let erased = erase_expired_texts(Db::new(&tx), utc("2025-12-04T09:00:00Z")).expect("erase");
        tx.commit().expect("commit");
        assert_eq!(erased, Erased { households: 1, notes: 1 });
        assert!(contains(&bytes(&path), "HQ-4711"), "the WAL still holds earlier images of the page");
        assert!(empty_wal(Db::new(&conn)).expect("checkpoint"));

        let after = bytes(&path);
        assert!(!contains(&after, "HQ-4711"), "the label is gone");
        assert!(!contains(&after, "Lejligheden er for lille"), "the note is gone");
        assert!(contains(&after, "H-12") && contains(&after, "Kommer igen"), "the rest stays");
    }
}
