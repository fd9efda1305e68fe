//! Data minimisation against real (encrypted) SQLite files: household code names and notes
//! erased a set time after the household's last visit, counts kept.

#[path = "../../../tests/support/texts.rs"]
mod texts;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use nabo_core::{
    ActivityDraft, ActivityId, ActivityKind, ActivityStatus, Details, ExceptionChange, LocalDateTime, Minutes,
    OccurrenceException, ValidActivity, ZONE,
};
use nabo_store::{
    count_expired_texts, delete_activity, empty_wal, erase_expired_texts, get_activity, insert_activity,
    list_for_export, month_count_totals, record_counts, set_activity_status, set_exception, DbKey, Erased, NewActivity,
    NewCounts, Store, StoreError,
};

/// The key every test database is encrypted with.
fn key() -> DbKey {
    DbKey::from_bytes([7; 32])
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
}

/// The tests' clock: 4 December 2026; [`cutoff`] is twelve months back.
fn now() -> DateTime<Utc> {
    utc("2026-12-04T09:00:00Z")
}

fn cutoff() -> DateTime<Utc> {
    utc("2025-12-04T09:00:00Z")
}

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
    inserted: usize,
}

fn new_db() -> Db {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    let store = Store::create(&path, &key()).expect("create");
    Db { _dir: dir, path, store, inserted: 0 }
}

fn plan(
    kind: ActivityKind,
    start: DateTime<Utc>,
    minutes: &str,
    rrule: Option<&str>,
    details: Details,
) -> ValidActivity {
    let local = LocalDateTime::new(start.with_timezone(&ZONE).naive_local());
    ActivityDraft {
        details,
        rrule: rrule.map(str::to_string),
        ..ActivityDraft::new(kind, local, minutes.parse::<Minutes>().expect("duration"))
    }
    .validate()
    .expect("valid")
}

/// A one-hour visit to `household` with `note`, in Gellerup, ending at `end`.
fn visit_ending(end: DateTime<Utc>, household: &str, note: Option<&str>) -> ValidActivity {
    let details = Details {
        area: Some("Gellerup".into()),
        household: Some(household.into()),
        note: note.map(str::to_string),
        ..Details::default()
    };
    plan(ActivityKind::HomeVisit, end - Duration::hours(1), "60m", None, details)
}

impl Db {
    fn insert(&mut self, plan: &ValidActivity) -> ActivityId {
        self.inserted += 1;
        let uid = format!("uid-{}", self.inserted);
        self.store
            .write(|tx| insert_activity(tx, &NewActivity { plan, uid: &uid, example: false }, now()))
            .expect("insert")
    }

    fn erase(&mut self, cutoff: DateTime<Utc>) -> Erased {
        let erased = self.store.write(|tx| erase_expired_texts(tx, cutoff)).expect("erase");
        assert!(empty_wal(self.store.conn()).expect("empty the WAL"));
        erased
    }

    fn texts(&self, id: ActivityId) -> (Option<String>, Option<String>) {
        let a = get_activity(self.store.conn(), id).expect("get");
        (a.details.household, a.details.note)
    }
}

fn kept(household: &str, note: &str) -> (Option<String>, Option<String>) {
    (Some(household.into()), Some(note.into()))
}

const GONE: (Option<String>, Option<String>) = (None, None);

#[test]
fn a_household_is_erased_once_its_last_visit_ended_before_the_cutoff_not_at_it() {
    let mut db = new_db();
    let at = db.insert(&visit_ending(cutoff(), "H-1", Some("Talte om skolen")));
    let before = db.insert(&visit_ending(cutoff() - Duration::seconds(60), "H-2", Some("Ny lejlighed")));
    let visit_before = db.insert(&visit_ending(cutoff() - Duration::days(30), "H-2", None));
    assert_eq!(count_expired_texts(db.store.conn(), cutoff()).expect("count"), Erased { households: 1, notes: 1 });
    assert_eq!(db.erase(cutoff()), Erased { households: 1, notes: 1 });
    assert_eq!(db.texts(at), kept("H-1", "Talte om skolen"), "ended exactly at the cutoff: kept");
    assert_eq!(db.texts(before), GONE);
    assert_eq!(db.texts(visit_before), GONE);
    let a = get_activity(db.store.conn(), before).expect("get");
    assert_eq!(a.details.area.as_deref(), Some("Gellerup"), "the area stays");
    assert_eq!((a.kind, a.status), (ActivityKind::HomeVisit, ActivityStatus::Planned), "and what it was");
    // Nothing is due a second time.
    assert!(count_expired_texts(db.store.conn(), cutoff()).expect("count").is_empty());
    assert_eq!(db.erase(cutoff()), Erased::default());
    // A minute later the first one is due.
    assert_eq!(db.erase(cutoff() + Duration::minutes(1)), Erased { households: 1, notes: 1 });
    assert_eq!(db.texts(at), GONE);
}

#[test]
fn a_household_with_a_recent_visit_keeps_its_label_and_notes_everywhere() {
    let mut db = new_db();
    let old = db.insert(&visit_ending(utc("2024-03-05T11:00:00Z"), "H-3", Some("Første besøg")));
    let recent = db.insert(&visit_ending(utc("2026-11-20T11:00:00Z"), "H-3", Some("Andet besøg")));
    // Labels are compared without regard to case: "h-4" now is "H-4" then.
    let old_case = db.insert(&visit_ending(utc("2024-03-06T11:00:00Z"), "H-4", Some("Gammel")));
    let _recent_case = db.insert(&visit_ending(utc("2026-11-21T11:00:00Z"), "h-4", None));
    // A cancelled recent visit still counts by its date, and so does a deleted one.
    let old_cancelled = db.insert(&visit_ending(utc("2024-03-07T11:00:00Z"), "H-5", Some("Gammel")));
    let cancelled = db.insert(&visit_ending(utc("2026-11-22T11:00:00Z"), "H-5", None));
    db.store.write(|tx| set_activity_status(tx, cancelled, ActivityStatus::Cancelled, now())).expect("cancel");
    let old_deleted = db.insert(&visit_ending(utc("2024-03-08T11:00:00Z"), "H-6", Some("Gammel")));
    let deleted = db.insert(&visit_ending(utc("2026-11-23T11:00:00Z"), "H-6", None));
    db.store.write(|tx| delete_activity(tx, deleted, now())).expect("delete");
    assert_eq!(db.erase(cutoff()), Erased::default());
    assert_eq!(db.texts(old), kept("H-3", "Første besøg"));
    assert_eq!(db.texts(recent), kept("H-3", "Andet besøg"));
    assert_eq!(db.texts(old_case), kept("H-4", "Gammel"));
    assert_eq!(db.texts(old_cancelled), kept("H-5", "Gammel"));
    assert_eq!(db.texts(old_deleted), kept("H-6", "Gammel"));
}

#[test]
fn a_series_counts_by_its_last_meeting_and_one_without_end_is_kept() {
    let mut db = new_db();
    let visits = |household: &str| Details {
        area: Some("Vollsmose".into()),
        household: Some(household.into()),
        note: Some("Fast aftale".into()),
        ..Details::default()
    };
    let start = utc("2024-01-09T16:00:00Z");
    let endless = db.insert(&plan(ActivityKind::HomeVisit, start, "60m", Some("FREQ=WEEKLY"), visits("H-7")));
    let ended = db.insert(&plan(ActivityKind::HomeVisit, start, "60m", Some("FREQ=WEEKLY;COUNT=4"), visits("H-8")));
    let moved = db.insert(&plan(ActivityKind::HomeVisit, start, "60m", Some("FREQ=WEEKLY;COUNT=4"), visits("H-9")));
    // Its last meeting (30 January 2024) was moved to after the cutoff.
    let last = utc("2024-01-30T16:00:00Z").with_timezone(&ZONE);
    let to = utc("2026-01-06T16:00:00Z").with_timezone(&ZONE);
    let change = ExceptionChange::Changed { start: to, end: to + Duration::hours(1), status: ActivityStatus::Done };
    db.store
        .write(|tx| set_exception(tx, moved, &OccurrenceException { original_start: last, change }, now()))
        .expect("move");
    assert_eq!(db.erase(cutoff()), Erased { households: 1, notes: 1 });
    assert_eq!(db.texts(endless), kept("H-7", "Fast aftale"), "a series without end is ongoing");
    assert_eq!(db.texts(ended), GONE, "its last meeting ended in January 2024");
    assert_eq!(db.texts(moved), kept("H-9", "Fast aftale"), "its last meeting is in January 2026");
}

#[test]
fn notes_of_old_activities_without_a_household_are_erased_and_nothing_else() {
    let mut db = new_db();
    let details = |note: &str| Details {
        title: Some("Biblioteket".into()),
        area: Some("Gellerup".into()),
        note: Some(note.into()),
        ..Details::default()
    };
    let old = db.insert(&plan(ActivityKind::Outreach, utc("2025-06-02T08:00:00Z"), "90m", None, details("Mange")));
    let recent = db.insert(&plan(ActivityKind::Outreach, utc("2026-06-02T08:00:00Z"), "90m", None, details("Nye")));
    assert_eq!(db.erase(cutoff()), Erased { households: 0, notes: 1 });
    let a = get_activity(db.store.conn(), old).expect("old");
    assert_eq!(a.details.note, None);
    assert_eq!((a.details.title.as_deref(), a.details.area.as_deref()), (Some("Biblioteket"), Some("Gellerup")));
    assert_eq!(get_activity(db.store.conn(), recent).expect("recent").details.note.as_deref(), Some("Nye"));
}

#[test]
fn counts_stay_and_a_changed_entry_gets_a_new_calendar_sequence() {
    let mut db = new_db();
    let id = db.insert(&visit_ending(utc("2025-03-04T11:00:00Z"), "H-10", Some("Talte om job")));
    db.store.write(|tx| set_activity_status(tx, id, ActivityStatus::Done, now())).expect("done");
    let values: BTreeMap<String, u32> = [("reached".to_string(), 3), ("new".to_string(), 1)].into();
    let counts = NewCounts {
        activity: id,
        occurrence_start: utc("2025-03-04T10:00:00Z"),
        period: "2025-03",
        scheme: "v1",
        values: &values,
    };
    db.store.write(|tx| record_counts(tx, &counts, "volunteer", now())).expect("record");
    let totals = month_count_totals(db.store.conn(), "2025-03").expect("totals");
    let sequence = |db: &Db| list_for_export(db.store.conn()).expect("export")[0].sequence;
    let before = sequence(&db);
    assert_eq!(db.erase(cutoff()), Erased { households: 1, notes: 1 });
    assert_eq!(month_count_totals(db.store.conn(), "2025-03").expect("totals"), totals, "counts are anonymous");
    assert_eq!(db.texts(id), GONE);
    assert_eq!(get_activity(db.store.conn(), id).expect("get").status, ActivityStatus::Done);
    assert_eq!(sequence(&db), before + 1);
}

/// A connection of the test's own, with the key (the store hands out none).
fn keyed(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open beside");
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "07".repeat(32))).expect("key");
    conn
}

/// Every text value in every table of the decrypted database, as SQL reads it.
fn every_text(path: &Path) -> Vec<String> {
    texts::every_text(&keyed(path))
}

#[test]
fn the_erased_text_is_nowhere_in_the_database_and_the_wal_is_emptied() {
    let mut db = new_db();
    let id = db.insert(&visit_ending(utc("2025-02-11T11:00:00Z"), "HX-4711", Some("Pengeproblemer")));
    // Each change rewrote the row, leaving its earlier bytes in the page's free space.
    db.store.write(|tx| set_activity_status(tx, id, ActivityStatus::Done, now())).expect("done");
    db.insert(&visit_ending(utc("2026-11-11T11:00:00Z"), "H-12", Some("Bliver")));
    let before = every_text(&db.path);
    assert!(before.iter().any(|t| t == "HX-4711") && before.iter().any(|t| t == "Pengeproblemer"));
    assert_eq!(db.erase(cutoff()), Erased { households: 1, notes: 1 });
    let after = every_text(&db.path);
    assert!(!after.iter().any(|t| t.contains("HX-4711") || t.contains("Pengeproblemer")), "{after:?}");
    assert!(after.iter().any(|t| t == "H-12") && after.iter().any(|t| t == "Bliver"), "the rest stays");
    // Nor in the file's free space: SQLCipher zeroes what is freed on every connection it
    // encrypts (the store's own applies the key the same way), so no earlier version of a row
    // is left behind.
    let secure_delete: i64 = keyed(&db.path).query_row("PRAGMA secure_delete", [], |r| r.get(0)).expect("pragma");
    assert_eq!(secure_delete, 1);
    let wal = PathBuf::from(format!("{}-wal", db.path.display()));
    assert_eq!(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0), 0, "no earlier page images are left");
}

#[test]
fn a_failed_erasure_keeps_everything() {
    let mut db = new_db();
    db.insert(&visit_ending(utc("2025-02-11T11:00:00Z"), "H-13", None));
    // The erasure is one transaction: a failing write keeps everything as it was.
    let failed: Result<(), StoreError> = db.store.write(|tx| {
        erase_expired_texts(tx, cutoff())?;
        Err(StoreError::DamagedDatabase)
    });
    assert!(failed.is_err());
    assert_eq!(count_expired_texts(db.store.conn(), cutoff()).expect("count"), Erased { households: 1, notes: 0 });
}
