//! Store tests against real SQLite files in temporary folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_core::calendar::{BusyEntry, BusyTime};
use nabo_core::report::{unpack_sums, Breakdown};
use nabo_core::Scheme;
use nabo_core::{
    ActivityDraft, ActivityId, ActivityKind, ActivityStatus, Details, ExceptionChange, LocalDateTime, Minutes,
    OccurrenceException, ValidActivity,
};
use nabo_store::{
    delete_activity, delete_busy_source, delete_example_activities, diff_busy_source, get_activity, get_counts,
    get_identity, get_keys, get_setting, insert_activity, insert_identity, insert_sent_summary, latest_counts_before,
    list_activities_overlapping, list_busy_overlapping, list_busy_sources, list_count_edits, list_exceptions,
    list_month_lines, list_sent_summaries, list_targets, list_volunteers, month_count_totals, move_exceptions,
    next_rollup_revision, next_summary_revision, purge_deleted_activities, recent_values, record_counts,
    replace_busy_source, restore_activity, rollup_imported, set_activity_status, set_encryption_key_once,
    set_exception, set_keys_once, set_role, set_setting, update_activity, visit_sums, BusyDiff, CountEdit, DbKey,
    Identity, NewActivity, NewCounts, RememberedText, Role, SentSummary, Store, StoreError, StoredKeys, APPLICATION_ID,
    SCHEMA_VERSION,
};

/// The key every test database is encrypted with.
fn key() -> DbKey {
    DbKey::from_bytes([7; 32])
}

/// A connection of its own to a test database, with its key (the store hands out none).
fn keyed(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open beside");
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "07".repeat(32))).expect("key");
    conn
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).single().expect("valid")
}

fn visit(start: &str, duration: &str) -> ValidActivity {
    ActivityDraft {
        details: Details {
            area: Some("Gellerup".into()),
            household: Some("H-17".into()),
            languages: vec!["da".into(), "ar".into()],
            ..Details::default()
        },
        ..ActivityDraft::new(
            ActivityKind::HomeVisit,
            start.parse::<LocalDateTime>().expect("time"),
            duration.parse::<Minutes>().expect("duration"),
        )
    }
    .validate()
    .expect("valid visit")
}

fn new<'a>(plan: &'a ValidActivity, uid: &'a str) -> NewActivity<'a> {
    NewActivity { plan, uid, example: false }
}

struct Temp {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn temp_db() -> Temp {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    Temp { _dir: dir, path }
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("rfc3339").with_timezone(&Utc)
}

#[test]
fn a_planned_visit_reads_back_with_every_field() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let plan = visit("2026-12-01T10:00", "60m");
    let id = store.write(|tx| insert_activity(tx, &new(&plan, "uid-1"), now())).expect("insert");
    drop(store);

    let store = Store::open(&t.path, &key()).expect("reopen");
    let got = get_activity(store.conn(), id).expect("found");
    assert_eq!(got, plan.into_activity(id, ActivityStatus::Planned));
    assert_eq!(got.start.to_rfc3339(), "2026-12-01T10:00:00+01:00");
    assert_eq!(got.details.languages, ["da", "ar"]);
}

#[test]
fn range_lists_what_overlaps_in_start_order() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let ids: Vec<ActivityId> = store
        .write(|tx| {
            [
                ("2026-12-01T18:00", "2h", "a"),
                ("2026-11-30T23:30", "1h", "b"), // spans midnight into 1 December
                ("2026-12-01T09:00", "1h", "c"),
                ("2026-12-02T09:00", "1h", "d"),
            ]
            .iter()
            .map(|(start, d, uid)| insert_activity(tx, &new(&visit(start, d), uid), now()))
            .collect::<Result<_, _>>()
        })
        .expect("insert");
    let day = list_activities_overlapping(
        store.conn(),
        utc("2026-11-30T23:00:00Z"), // 1 December 00:00 in Copenhagen
        utc("2026-12-01T23:00:00Z"),
    )
    .expect("list");
    let got: Vec<ActivityId> = day.iter().map(|a| a.id).collect();
    assert_eq!(got, vec![ids[1], ids[2], ids[0]]);
}

#[test]
fn update_status_and_delete() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let id =
        store.write(|tx| insert_activity(tx, &new(&visit("2026-12-01T10:00", "60m"), "u"), now())).expect("insert");
    store.write(|tx| update_activity(tx, id, &visit("2026-12-01T12:00", "90m"), now())).expect("update");
    store.write(|tx| set_activity_status(tx, id, ActivityStatus::Cancelled, now())).expect("status");
    let got = get_activity(store.conn(), id).expect("found");
    assert_eq!(got.start.to_rfc3339(), "2026-12-01T12:00:00+01:00");
    assert_eq!(got.status, ActivityStatus::Cancelled);
    store.write(|tx| delete_activity(tx, id, now())).expect("delete");
    assert!(matches!(get_activity(store.conn(), id), Err(StoreError::NotFound { what: "activity", .. })));
    assert!(matches!(store.write(|tx| delete_activity(tx, id, now())), Err(StoreError::NotFound { .. })));
}

#[test]
fn a_failed_write_keeps_nothing() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let result: Result<(), StoreError> = store.write(|tx| {
        insert_activity(tx, &new(&visit("2026-12-01T10:00", "60m"), "u1"), now())?;
        // The same uid again violates UNIQUE: the whole transaction must roll back.
        insert_activity(tx, &new(&visit("2026-12-01T12:00", "60m"), "u1"), now())?;
        Ok(())
    });
    assert!(result.is_err());
    let all = list_activities_overlapping(store.conn(), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))
        .expect("list");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn identity_and_settings() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    assert_eq!(get_identity(store.conn()).expect("read"), None);
    let me = Identity { role: Role::Coordinator, display_name: Some("Aarhus Vest".into()) };
    store.write(|tx| insert_identity(tx, &me, now())).expect("insert");
    assert_eq!(get_identity(store.conn()).expect("read"), Some(me.clone()));
    assert!(store.write(|tx| insert_identity(tx, &me, now())).is_err(), "only one identity");
    store.write(|tx| set_setting(tx, "travel_buffer_minutes", "20")).expect("set");
    store.write(|tx| set_setting(tx, "travel_buffer_minutes", "15")).expect("set again");
    assert_eq!(get_setting(store.conn(), "travel_buffer_minutes").expect("get").as_deref(), Some("15"));
}

#[test]
fn pragmas_wal_foreign_keys_and_application_id() {
    let t = temp_db();
    let store = Store::create(&t.path, &key()).expect("create");
    // The store hands out no connection (no SQL outside it): the file's own pragmas are read
    // beside it; that the store's connection enforces foreign keys is a unit test in open.rs.
    let conn = keyed(&t.path);
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).expect("pragma");
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).expect("pragma");
    assert_eq!((mode.as_str(), app), ("wal", APPLICATION_ID));
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert!(store.check_integrity().expect("check").is_empty());
}

#[test]
fn create_refuses_an_existing_file_and_open_refuses_a_missing_one() {
    let t = temp_db();
    assert!(matches!(Store::open(&t.path, &key()), Err(StoreError::Missing { .. })));
    assert!(!t.path.exists(), "open must not create a file");
    Store::create(&t.path, &key()).expect("create");
    assert!(matches!(Store::create(&t.path, &key()), Err(StoreError::AlreadyExists { .. })));
}

/// Opening `path` fails with an error matching `expected`, and no file in its folder changes.
fn refused_unchanged(path: &Path, expected: fn(&StoreError) -> bool) {
    let dir = path.parent().expect("folder");
    let before = files_in(dir);
    let err = Store::open(path, &key()).expect_err("must be refused");
    assert!(expected(&err), "unexpected error: {err}");
    assert!(err.to_string().contains(&path.display().to_string()), "error names the file: {err}");
    assert_eq!(files_in(dir), before, "the folder must be unchanged");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_unchanged() {
    let t = temp_db();
    std::fs::write(&t.path, "BEGIN:VCALENDAR\r\nthis is not a database, it is just text\r\n".repeat(200))
        .expect("write");
    refused_unchanged(&t.path, |e| matches!(e, StoreError::NotADatabase { .. }));
}

#[test]
fn another_programs_sqlite_database_is_refused_unchanged() {
    let t = temp_db();
    {
        let conn = rusqlite::Connection::open(&t.path).expect("open");
        conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);").expect("schema");
    }
    refused_unchanged(&t.path, |e| matches!(e, StoreError::ForeignDatabase { .. }));
}

#[test]
fn a_database_from_a_newer_nabo_is_refused_unchanged() {
    let t = temp_db();
    {
        drop(Store::create(&t.path, &key()).expect("create"));
        let conn = keyed(&t.path);
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
        // Fold the WAL back into the main file so the folder holds only the database.
        conn.pragma_update(None, "journal_mode", "DELETE").expect("journal");
    }
    refused_unchanged(
        &t.path,
        |e| matches!(e, StoreError::TooNew { found, supported, .. } if *found == SCHEMA_VERSION + 1 && *supported == SCHEMA_VERSION),
    );
}

/// One line of the months' sums as a test reads it.
#[derive(Debug)]
struct Sum {
    period: String,
    kind: Option<String>,
    area: Option<String>,
    summaries: u32,
    older: u32,
    held: u64,
    reached: u64,
}

/// The months' sums of `breakdown`, `from` to `to`, with people reached.
fn sums(store: &Store, breakdown: Breakdown, from: &str, to: &str) -> Vec<Sum> {
    let reached = Scheme::current().expect("scheme").keys().iter().position(|k| k == "reached").expect("key");
    let mut out = Vec::new();
    visit_sums(store.conn(), breakdown, from, to, |l| {
        out.push(Sum {
            period: l.period.to_string(),
            kind: l.kind.map(str::to_string),
            area: l.area.map(str::to_string),
            summaries: l.summaries,
            older: l.older,
            held: l.held,
            reached: unpack_sums(l.sums).expect("whole sums")[reached],
        });
        Ok::<_, StoreError>(())
    })
    .expect("sums");
    out
}

/// Every frozen fixture of an older schema opens with this build, and its rows read back.
#[test]
fn frozen_fixtures_of_every_version_upgrade_and_read_back() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for version in 1..=SCHEMA_VERSION {
        let sql_path = fixtures.join(format!("v{version}.sql"));
        let sql = std::fs::read_to_string(&sql_path).unwrap_or_else(|e| panic!("{}: {e}", sql_path.display()));
        let t = temp_db();
        {
            let conn = rusqlite::Connection::open(&t.path).expect("open");
            conn.execute_batch(&sql).expect("fixture loads");
            let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
            assert_eq!(v, version, "{} must set user_version", sql_path.display());
        }
        let store = Store::open(&t.path, &key()).expect("an older database opens");
        assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
        let visit = get_activity(store.conn(), ActivityId(1)).expect("fixture activity 1");
        assert_eq!(visit.kind, ActivityKind::HomeVisit);
        assert_eq!(visit.start.to_rfc3339(), "2026-12-01T10:00:00+01:00");
        assert_eq!(visit.details.household.as_deref(), Some("H-17"));
        if version >= 2 {
            // The deleted example stays hidden but can be restored.
            assert!(matches!(get_activity(store.conn(), ActivityId(3)), Err(StoreError::NotFound { .. })));
        }
        let meeting = get_activity(store.conn(), ActivityId(2)).expect("fixture activity 2");
        assert_eq!(meeting.status, ActivityStatus::Done);
        assert_eq!(meeting.details.languages, ["da", "ar"]);
        assert_eq!(get_identity(store.conn()).expect("identity").map(|i| i.role), Some(Role::Volunteer));
        // Keys are made at first use in a database from before v5, and kept once there.
        let keys = get_keys(store.conn()).expect("keys");
        assert_eq!(keys.map(|k| k.signing_seed), (version >= 5).then_some([5; 32]));
        let sent: Vec<_> =
            list_sent_summaries(store.conn()).expect("sent").into_iter().map(|s| (s.period, s.revision)).collect();
        assert_eq!(sent, if version >= 5 { vec![("2026-11".to_string(), 1)] } else { vec![] });
        let volunteers: Vec<_> =
            list_volunteers(store.conn()).expect("volunteers").into_iter().map(|v| v.name).collect();
        assert_eq!(volunteers, if version >= 6 { vec!["Amina".to_string()] } else { vec![] });
        if version >= 4 {
            let counts = get_counts(store.conn(), ActivityId(2), utc("2026-11-24T16:00:00Z")).expect("counts");
            assert_eq!(counts.map(|c| c.values.get("reached").copied()), Some(Some(8)));
            assert_eq!(
                list_count_edits(store.conn(), ActivityId(2), utc("2026-11-24T16:00:00Z")).expect("edits").len(),
                1
            );
            let month = month_count_totals(store.conn(), "2026-11").expect("month");
            assert_eq!((month.totals.get(&("v1".into(), "new".into())).copied(), month.records), (Some(2), 1));
        }
        if version >= 3 {
            let busy = list_busy_overlapping(store.conn(), utc("2026-12-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))
                .expect("busy time");
            let seen: Vec<_> = busy.iter().map(|b| (b.source.as_str(), &*b.entry.title, b.entry.time)).collect();
            assert_eq!(
                seen,
                [
                    (
                        "Arbejde",
                        "Vagt",
                        BusyTime::Timed { start: utc("2026-12-02T07:00:00Z"), end: utc("2026-12-02T15:00:00Z") }
                    ),
                    ("Arbejde", "Jul", BusyTime::AllDay { first: day("2026-12-24"), until: day("2026-12-27") }),
                ]
            );
        }
        if version >= 7 {
            // The summary's lines as migration 7's hook stored them, summed by migration 8's,
            // and the targets.
            let month = sums(&store, Breakdown::Month, "2026-11", "2026-11");
            assert_eq!(month.len(), 1);
            assert_eq!((month[0].reached, month[0].summaries, month[0].older), (5, 1, 1));
            let areas = sums(&store, Breakdown::Area, "2026-01", "2026-12");
            let areas: Vec<_> = areas.iter().map(|f| (f.area.as_deref(), f.reached)).collect();
            assert_eq!(areas, [(Some("Gellerup"), 3), (Some("Hasle"), 2)]);
            let grid = list_month_lines(store.conn()).expect("lines");
            assert_eq!(grid.iter().map(|l| (&*l.period, l.revision)).collect::<Vec<_>>(), [("2026-11", 2)]);
            let targets = list_targets(store.conn()).expect("targets");
            assert_eq!(
                targets.iter().map(|t| (&*t.measure, &*t.period, t.count, t.share)).collect::<Vec<_>>(),
                [("reached", "2026", Some(400), None), ("new", "2026-Q4", None, Some(3000))]
            );
            assert!(rollup_imported(store.conn(), "f00d").expect("roll-up"));
            assert_eq!(next_rollup_revision(store.conn(), "2026-Q4").expect("revision"), 2);
        }
        assert!(store.check_integrity().expect("check").is_empty());
        seen += 1;
    }
    assert_eq!(seen, SCHEMA_VERSION);
}

/// Migration 7 fills the reports' lines from summaries imported before it, highest revision
/// only, reading their JSON.
#[test]
fn migration_7_fills_the_lines_of_summaries_imported_before_it() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let summary_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/summary");
    let signed = std::fs::read_to_string(summary_dir.join("amina-2026-11.plain.nabo-summary")).expect("fixture");
    let mut doc: serde_json::Value = serde_json::from_str(&signed).expect("json");
    doc.as_object_mut().expect("object").remove("signature");
    let t = temp_db();
    {
        let conn = rusqlite::Connection::open(&t.path).expect("open");
        conn.execute_batch(&std::fs::read_to_string(fixtures.join("v6.sql")).expect("v6")).expect("loads");
        let insert = |revision: i64, payload: &serde_json::Value| {
            conn.execute(
                "INSERT INTO imported_summaries (volunteer_key, period, revision, file_sha256, payload, imported_utc)
                 VALUES (?1, '2026-11', ?2, ?3, ?4, 0)",
                rusqlite::params![[9u8; 32].as_slice(), revision, format!("sha-{revision}"), payload.to_string()],
            )
            .expect("insert");
        };
        let mut older = doc.clone();
        older["revision"] = 1.into();
        insert(1, &older);
        insert(2, &doc);
    }
    let store = Store::open(&t.path, &key()).expect("migrates");
    let kinds = sums(&store, Breakdown::Kind, "2026-11", "2026-11");
    // One line per kind that has anything (her home visits), of the highest revision alone.
    assert_eq!(kinds.len(), 1);
    assert!(kinds.iter().any(|f| f.kind.as_deref() == Some("home_visit") && f.held == 2 && f.summaries == 1));

    // A payload that is not a summary stops the migration, and the database stays at 6.
    let t = temp_db();
    {
        let conn = rusqlite::Connection::open(&t.path).expect("open");
        conn.execute_batch(&std::fs::read_to_string(fixtures.join("v6.sql")).expect("v6")).expect("loads");
        conn.execute(
            "INSERT INTO imported_summaries (volunteer_key, period, revision, file_sha256, payload, imported_utc)
             VALUES (?1, '2026-11', 1, 'x', '{\"not\": \"a summary\"}', 0)",
            [[9u8; 32].as_slice()],
        )
        .expect("insert");
    }
    assert!(Store::open(&t.path, &key()).is_err());
    let conn = rusqlite::Connection::open(&t.path).expect("open");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    assert_eq!(version, 6);
}

#[test]
fn deleted_activities_are_hidden_restorable_then_purged() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let plan = visit("2026-12-01T10:00", "60m");
    let id = store.write(|tx| insert_activity(tx, &new(&plan, "u"), now())).expect("insert");
    store.write(|tx| delete_activity(tx, id, now())).expect("delete");
    let everything = (utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    assert!(list_activities_overlapping(store.conn(), everything.0, everything.1).expect("list").is_empty());
    store.write(|tx| restore_activity(tx, id, now())).expect("restore");
    assert_eq!(get_activity(store.conn(), id).expect("back").id, id);
    assert!(matches!(store.write(|tx| restore_activity(tx, id, now())), Err(StoreError::NotFound { .. })));

    store.write(|tx| delete_activity(tx, id, now())).expect("delete again");
    let purged = store.write(|tx| purge_deleted_activities(tx, now())).expect("purge");
    assert_eq!(purged, 0, "deleted at the cutoff itself is kept");
    let later = now() + chrono::Duration::minutes(11);
    assert_eq!(store.write(|tx| purge_deleted_activities(tx, later)).expect("purge"), 1);
    assert!(matches!(store.write(|tx| restore_activity(tx, id, now())), Err(StoreError::NotFound { .. })));
}

#[test]
fn example_activities_are_removed_in_one_go() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let plan = visit("2026-12-01T10:00", "60m");
    let real = store.write(|tx| insert_activity(tx, &new(&plan, "real"), now())).expect("insert");
    let example = store
        .write(|tx| insert_activity(tx, &NewActivity { plan: &plan, uid: "ex", example: true }, now()))
        .expect("insert");
    assert!(get_activity(store.conn(), example).expect("example").example);
    assert!(!get_activity(store.conn(), real).expect("real").example);
    assert_eq!(store.write(delete_example_activities).expect("remove"), 1);
    assert!(get_activity(store.conn(), real).is_ok());
    assert!(get_activity(store.conn(), example).is_err());
}

#[test]
fn recent_values_offer_what_was_typed_before() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let at = |minutes: i64| now() + chrono::Duration::minutes(minutes);
    for (i, area) in ["Gellerup", "Vollsmose", "gellerupparken", "Tingbjerg", "Gellerup", "50%_area"].iter().enumerate()
    {
        let plan = ActivityDraft {
            details: Details { area: Some((*area).into()), ..Details::default() },
            ..ActivityDraft::new(
                ActivityKind::HomeVisit,
                "2026-12-01T10:00".parse::<LocalDateTime>().expect("time"),
                "1h".parse::<Minutes>().expect("duration"),
            )
        }
        .validate()
        .expect("valid");
        let uid = format!("u{i}");
        store.write(|tx| insert_activity(tx, &new(&plan, &uid), at(i as i64))).expect("insert");
    }
    let recent = |prefix: &str| recent_values(store.conn(), RememberedText::Area, prefix, 10).expect("query");
    assert_eq!(recent("gel"), ["Gellerup", "gellerupparken"]);
    assert_eq!(recent(""), ["50%_area", "Gellerup", "Tingbjerg", "gellerupparken", "Vollsmose"]);
    assert_eq!(recent("50%"), ["50%_area"]);
    assert!(recent("%").is_empty(), "wildcards are matched literally");
    assert_eq!(recent_values(store.conn(), RememberedText::Area, "", 2).expect("query").len(), 2);
}

#[test]
fn the_role_can_be_set_before_and_after_init() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    store.write(|tx| set_role(tx, Role::Coordinator, now())).expect("set");
    assert_eq!(get_identity(store.conn()).expect("read").map(|i| i.role), Some(Role::Coordinator));
    store.write(|tx| set_role(tx, Role::Volunteer, now())).expect("set again");
    assert_eq!(get_identity(store.conn()).expect("read").map(|i| i.role), Some(Role::Volunteer));
}

fn series(start: &str, rule: &str) -> ValidActivity {
    ActivityDraft {
        details: Details { venue: Some("Beboerhuset".into()), theme: Some("Sundhed".into()), ..Details::default() },
        rrule: Some(rule.into()),
        ..ActivityDraft::new(
            ActivityKind::GroupMeeting,
            start.parse::<LocalDateTime>().expect("time"),
            "2h".parse::<Minutes>().expect("duration"),
        )
    }
    .validate()
    .expect("valid series")
}

#[test]
fn series_are_found_by_any_range_they_may_touch() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let ended = series("2026-01-06T17:00", "FREQ=WEEKLY;COUNT=4");
    let endless = series("2026-06-02T17:00", "FREQ=WEEKLY;BYDAY=TU");
    let ids: Vec<ActivityId> = store
        .write(|tx| {
            Ok::<_, StoreError>(vec![
                insert_activity(tx, &new(&ended, "a"), now())?,
                insert_activity(tx, &new(&endless, "b"), now())?,
            ])
        })
        .expect("insert");
    let found = |from: &str, to: &str| -> Vec<ActivityId> {
        list_activities_overlapping(store.conn(), utc(from), utc(to)).expect("list").iter().map(|a| a.id).collect()
    };
    assert_eq!(found("2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"), vec![ids[0]]);
    assert_eq!(
        found("2026-02-10T00:00:00Z", "2026-02-11T00:00:00Z"),
        Vec::<ActivityId>::new(),
        "after its last meeting"
    );
    assert_eq!(found("2030-01-01T00:00:00Z", "2030-01-08T00:00:00Z"), vec![ids[1]], "a series without end");
    assert_eq!(found("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z"), Vec::<ActivityId>::new(), "before its start");
}

#[test]
fn exceptions_are_recorded_replaced_and_moved() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let plan = series("2026-12-01T17:00", "FREQ=WEEKLY;COUNT=6");
    let id = store.write(|tx| insert_activity(tx, &new(&plan, "s"), now())).expect("insert");
    let other = store.write(|tx| insert_activity(tx, &new(&plan, "t"), now())).expect("insert");
    let at = |s: &str| nabo_core::resolve_local(s.parse().expect("time")).expect("exists").at;
    let skip = OccurrenceException { original_start: at("2026-12-08T17:00"), change: ExceptionChange::Skipped };
    let moved = OccurrenceException {
        original_start: at("2026-12-22T17:00"),
        change: ExceptionChange::Changed {
            start: at("2026-12-21T17:00"),
            end: at("2026-12-21T19:00"),
            status: ActivityStatus::Done,
        },
    };
    store.write(|tx| set_exception(tx, id, &skip, now())).expect("skip");
    store.write(|tx| set_exception(tx, id, &moved, now())).expect("move");
    assert_eq!(list_exceptions(store.conn(), id).expect("list"), vec![skip, moved]);
    let unskip = OccurrenceException {
        change: ExceptionChange::Changed {
            start: at("2026-12-08T18:00"),
            end: at("2026-12-08T20:00"),
            status: ActivityStatus::Planned,
        },
        ..skip
    };
    store.write(|tx| set_exception(tx, id, &unskip, now())).expect("replace");
    assert_eq!(list_exceptions(store.conn(), id).expect("list")[0], unskip);
    let moved_count = store
        .write(|tx| {
            move_exceptions(tx, id, other, at("2026-12-15T17:00").with_timezone(&Utc), chrono::Duration::zero())
        })
        .expect("move");
    assert_eq!(moved_count, 1);
    assert_eq!(list_exceptions(store.conn(), other).expect("list"), vec![moved]);
    // Deleting a series removes its exceptions with it (purge cascades).
    store.write(|tx| delete_activity(tx, other, now())).expect("delete");
    store.write(|tx| purge_deleted_activities(tx, now() + chrono::Duration::hours(1))).expect("purge");
    assert!(list_exceptions(store.conn(), other).expect("list").is_empty());
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().expect("a date")
}

fn busy(uid: &str, occurrence: &str, start: &str, end: &str) -> BusyEntry {
    BusyEntry {
        uid: uid.into(),
        occurrence: occurrence.into(),
        title: "Optaget".into(),
        time: BusyTime::Timed { start: utc(start), end: utc(end) },
        transparent: false,
    }
}

#[test]
fn importing_a_calendar_again_updates_by_uid_instead_of_duplicating() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let first = vec![
        busy("a", "", "2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z"),
        busy("s", "20261202T080000Z", "2026-12-02T08:00:00Z", "2026-12-02T09:00:00Z"),
        busy("s", "20261209T080000Z", "2026-12-09T08:00:00Z", "2026-12-09T09:00:00Z"),
    ];
    let diff = store.write(|tx| replace_busy_source(tx, "Arbejde", &first, now())).expect("import");
    assert_eq!(diff, BusyDiff { added: 3, ..BusyDiff::default() });
    let again = store.write(|tx| replace_busy_source(tx, "Arbejde", &first, now())).expect("import again");
    assert_eq!(again, BusyDiff { unchanged: 3, ..BusyDiff::default() });
    let range = |store: &Store| {
        list_busy_overlapping(store.conn(), utc("2026-11-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")).expect("list")
    };
    assert_eq!(range(&store).len(), 3);

    // The updated file: one moved, one gone, one new; a second calendar is left alone.
    let mut updated = first.clone();
    updated[0] = busy("a", "", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z");
    updated.remove(2);
    updated.push(busy("b", "", "2026-12-03T08:00:00Z", "2026-12-03T09:00:00Z"));
    let other = [busy("a", "", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z")];
    store.write(|tx| replace_busy_source(tx, "Fritid", &other, now())).expect("other calendar");
    assert_eq!(
        diff_busy_source(store.conn(), "Arbejde", &updated).expect("dry run"),
        BusyDiff { added: 1, changed: 1, unchanged: 1, removed: 1 }
    );
    assert_eq!(range(&store).len(), 4, "a dry run writes nothing");
    store.write(|tx| replace_busy_source(tx, "Arbejde", &updated, now())).expect("update");
    let rows = range(&store);
    let seen: Vec<_> = rows.iter().map(|r| (r.source.as_str(), &*r.entry.uid)).collect();
    assert_eq!(seen, [("Arbejde", "a"), ("Arbejde", "s"), ("Arbejde", "b"), ("Fritid", "a")]);
    let sources = list_busy_sources(store.conn()).expect("sources");
    assert_eq!(
        sources.iter().map(|s| (s.name.as_str(), s.entries)).collect::<Vec<_>>(),
        [("Arbejde", 3), ("Fritid", 1)]
    );
    assert!(store.write(|tx| delete_busy_source(tx, "Fritid")).expect("delete"));
    assert_eq!(range(&store).len(), 3);
}

#[test]
fn busy_time_is_found_by_every_range_it_touches() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let holiday = BusyEntry {
        time: BusyTime::AllDay { first: day("2026-07-01"), until: day("2026-08-15") },
        ..busy("ferie", "", "2026-07-01T00:00:00Z", "2026-07-01T00:00:00Z")
    };
    let entries = [holiday, busy("z", "", "2026-07-10T08:00:00Z", "2026-07-10T08:00:00Z")];
    store.write(|tx| replace_busy_source(tx, "Privat", &entries, now())).expect("import");
    let uids = |from: &str, to: &str| -> Vec<String> {
        list_busy_overlapping(store.conn(), utc(from), utc(to))
            .expect("list")
            .into_iter()
            .map(|r| r.entry.uid.to_string())
            .collect()
    };
    assert_eq!(uids("2026-08-10T00:00:00Z", "2026-08-11T00:00:00Z"), ["ferie"], "six weeks into a holiday");
    assert_eq!(uids("2026-07-10T00:00:00Z", "2026-07-11T00:00:00Z"), ["ferie", "z"]);
    assert!(uids("2026-08-15T00:00:00Z", "2026-08-16T00:00:00Z").is_empty(), "the end day is exclusive");
}

#[test]
fn counts_are_recorded_edited_with_a_log_and_summed_per_month() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let a = store.write(|tx| insert_activity(tx, &new(&visit("2026-11-03T10:00", "60m"), "a"), now())).expect("a");
    let b = store.write(|tx| insert_activity(tx, &new(&visit("2026-11-10T10:00", "60m"), "b"), now())).expect("b");
    let gone = store.write(|tx| insert_activity(tx, &new(&visit("2026-11-12T10:00", "60m"), "c"), now())).expect("c");
    let values = |pairs: &[(&str, u32)]| pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect::<BTreeMap<_, _>>();
    let record = |store: &mut Store, id: ActivityId, at: &str, pairs: &[(&str, u32)]| {
        let v = values(pairs);
        let counts = NewCounts { activity: id, occurrence_start: utc(at), period: "2026-11", scheme: "v1", values: &v };
        store.write(|tx| record_counts(tx, &counts, "volunteer", now())).expect("record")
    };
    assert!(!record(
        &mut store,
        a,
        "2026-11-03T09:00:00Z",
        &[("reached", 2), ("new", 1), ("gender.women", 2), ("topic.health", 0)]
    ));
    assert!(!record(&mut store, b, "2026-11-10T09:00:00Z", &[("reached", 0)]));
    record(&mut store, gone, "2026-11-12T09:00:00Z", &[("reached", 5)]);
    store.write(|tx| delete_activity(tx, gone, now())).expect("delete");
    let stored = get_counts(store.conn(), a, utc("2026-11-03T09:00:00Z")).expect("get").expect("some");
    assert_eq!(stored.values, values(&[("reached", 2), ("new", 1), ("gender.women", 2)]), "zeros are not stored");
    assert!(
        get_counts(store.conn(), b, utc("2026-11-10T09:00:00Z")).expect("get").is_some(),
        "nobody reached is a record"
    );

    // An edit replaces the values and logs who and when, not what.
    assert!(record(&mut store, a, "2026-11-03T09:00:00Z", &[("reached", 3), ("gender.women", 3)]));
    let edits = list_count_edits(store.conn(), a, utc("2026-11-03T09:00:00Z")).expect("edits");
    assert_eq!(edits, [CountEdit { edited: now(), editor: "volunteer".into() }]);
    let month = month_count_totals(store.conn(), "2026-11").expect("totals");
    assert_eq!(month.records, 2, "the deleted activity's counts do not count");
    assert_eq!(month.totals.get(&("v1".into(), "reached".into())), Some(&3));
    assert_eq!(month.totals.get(&("v1".into(), "new".into())), None, "the edit removed new");
    let latest = latest_counts_before(store.conn(), b, utc("2026-12-01T00:00:00Z")).expect("latest");
    assert_eq!(latest.map(|c| c.occurrence_start), Some(utc("2026-11-10T09:00:00Z")));
    assert!(month_count_totals(store.conn(), "2026-10").expect("october").totals.is_empty());
}

#[test]
fn the_month_totals_query_uses_the_period_index() {
    let t = temp_db();
    let _store = Store::create(&t.path, &key()).expect("create");
    // The store runs no SQL for others: the plan is asked of a connection beside it.
    let beside = keyed(&t.path);
    let plan: Vec<String> = beside
        .prepare("EXPLAIN QUERY PLAN SELECT scheme_version, key, sum(value) FROM counts WHERE period = '2026-11' GROUP BY scheme_version, key")
        .expect("explain")
        .query_map([], |r| r.get::<_, String>(3))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("plan");
    assert!(plan.iter().any(|p| p.contains("USING COVERING INDEX counts_by_period")), "{plan:?}");
}

/// A database with three visits, closed (so the WAL is folded back into the file).
fn database_with_visits() -> Temp {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    for (i, day) in ["2026-12-01", "2026-12-02", "2026-12-03"].iter().enumerate() {
        let plan = visit(&format!("{day}T10:00"), "60m");
        store.write(|tx| insert_activity(tx, &new(&plan, &format!("uid-{i}")), now())).expect("insert");
    }
    drop(store);
    t
}

/// A plain database (as Nabo wrote them before encryption) with three visits: made encrypted,
/// then exported without a key.
fn plain_database_with_visits() -> Temp {
    let encrypted = database_with_visits();
    let t = temp_db();
    let conn = keyed(&encrypted.path);
    let quoted = t.path.to_string_lossy().replace('\'', "''");
    conn.execute_batch(&format!(
        "ATTACH DATABASE '{quoted}' AS plain KEY ''; SELECT sqlcipher_export('plain');
         PRAGMA plain.user_version = {SCHEMA_VERSION}; PRAGMA plain.application_id = {APPLICATION_ID};
         DETACH DATABASE plain;"
    ))
    .expect("plain copy");
    drop(conn);
    assert!(std::fs::read(&t.path).expect("read").starts_with(b"SQLite format 3\0"));
    t
}

/// Overwrites `bytes.len()` bytes of the file at `offset`.
fn overwrite(path: &Path, offset: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).expect("open");
    f.seek(SeekFrom::Start(offset)).expect("seek");
    f.write_all(bytes).expect("write");
}

/// The byte offset of the activities table's root page (a leaf holding the three visits).
fn activities_page(path: &Path) -> u64 {
    let conn = keyed(path);
    // SQLCipher answers the page size as text.
    let page_size: u64 = conn
        .pragma_query_value(None, "page_size", |r| r.get::<_, String>(0))
        .expect("page size")
        .parse()
        .expect("number");
    let root: u64 = conn
        .query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'activities'", [], |r| r.get(0))
        .expect("root page");
    (root - 1) * page_size
}

#[test]
fn a_zero_byte_file_is_no_database_and_create_makes_one_in_it() {
    let t = temp_db();
    std::fs::write(&t.path, b"").expect("empty file");
    assert!(matches!(Store::open(&t.path, &key()), Err(StoreError::Missing { .. })));
    assert_eq!(std::fs::metadata(&t.path).expect("still there").len(), 0, "open writes nothing");
    let store = Store::create(&t.path, &key()).expect("create uses the empty file");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    drop(store);
    assert!(matches!(Store::create(&t.path, &key()), Err(StoreError::AlreadyExists { .. })));
}

#[test]
fn a_damaged_page_opens_for_reading_and_refuses_every_write() {
    let t = database_with_visits();
    // The cell pointers of the activities page point outside the page.
    overwrite(&t.path, activities_page(&t.path) + 8, &[0xde, 0xad].repeat(20));
    let dir = t.path.parent().expect("folder");
    let before = files_in(dir);
    let mut store = Store::open(&t.path, &key()).expect("opens for reading");
    assert!(store.is_damaged());
    assert!(!store.check_integrity().expect("check runs").is_empty(), "check reports the damage");
    let plan = visit("2026-12-04T10:00", "60m");
    let err = store.write(|tx| insert_activity(tx, &new(&plan, "uid-x"), now())).expect_err("refused");
    assert!(matches!(err, StoreError::DamagedDatabase), "{err}");
    // Even a write function called past `write`, on the read handle, is refused (query_only).
    assert!(set_setting(store.conn(), "follow_up_days", "3").is_err());
    drop(store);
    assert_eq!(files_in(dir), before, "nothing written to a damaged database");
}

#[test]
fn a_database_cut_off_in_the_middle_of_a_page_is_damaged_not_sqlites_words() {
    let t = database_with_visits();
    let len = std::fs::metadata(&t.path).expect("size").len();
    std::fs::OpenOptions::new().write(true).open(&t.path).expect("open").set_len(len / 2 + 1000).expect("cut");
    let dir = t.path.parent().expect("folder");
    let before = files_in(dir);
    let err = Store::open(&t.path, &key()).expect_err("refused");
    assert!(matches!(err, StoreError::DamagedDatabase), "{err}");
    assert!(!err.to_string().contains("malformed"), "{err}");
    assert_eq!(files_in(dir), before);
}

#[test]
fn a_damaged_header_is_damage_not_a_read_only_or_foreign_file() {
    // Byte 18 is the write version: above 2, SQLite opens the file read-only and says "attempt
    // to write a readonly database" at the first write. Byte 19, the read version: above 2,
    // SQLite says "file is not a database".
    // That is a plain database from before encryption (opened as it is, and left plain when
    // damaged); in an encrypted one the header is encrypted and its damage is a key that does
    // not open it (`an_encrypted_database_with_a_damaged_first_page_does_not_open`).
    for (offset, opens) in [(18, true), (19, false)] {
        let t = plain_database_with_visits();
        overwrite(&t.path, offset, &[7]);
        let dir = t.path.parent().expect("folder");
        let before = files_in(dir);
        match Store::open(&t.path, &key()) {
            Ok(mut store) => {
                assert!(opens, "byte {offset}");
                assert!(store.is_damaged());
                assert_eq!(
                    list_activities_overlapping(store.conn(), utc("2026-12-01T00:00:00Z"), utc("2026-12-31T00:00:00Z"))
                        .expect("reads")
                        .len(),
                    3
                );
                assert!(!store.was_encrypted_now(), "a damaged file is not copied");
                let err = store.write(|tx| set_setting(tx, "language", "da")).expect_err("refused");
                assert!(matches!(err, StoreError::DamagedDatabase), "{err}");
            }
            Err(err) => {
                assert!(!opens, "byte {offset}: {err}");
                assert!(matches!(err, StoreError::DamagedDatabase), "byte {offset}: {err}");
            }
        }
        assert_eq!(files_in(dir), before, "byte {offset}");
    }
}

#[test]
fn a_write_while_another_nabo_holds_the_lock_is_busy_after_the_timeout() {
    let t = database_with_visits();
    let other = keyed(&t.path);
    other.execute_batch("BEGIN IMMEDIATE").expect("hold the write lock");
    let mut store = Store::open(&t.path, &key()).expect("opening only reads");
    store.set_busy_timeout(std::time::Duration::from_millis(50)).expect("timeout");
    let err = store.write(|tx| set_setting(tx, "language", "da")).expect_err("busy");
    assert!(matches!(err, StoreError::Busy), "{err}");
    other.execute_batch("COMMIT").expect("release");
    store.write(|tx| set_setting(tx, "language", "da")).expect("written once the lock is free");
}

#[test]
fn keys_are_stored_once_and_never_replaced_and_a_nabo_may_be_both() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    store
        .write(|tx| insert_identity(tx, &Identity { role: Role::Both, display_name: Some("Hanne".into()) }, now()))
        .expect("identity");
    assert_eq!(get_identity(store.conn()).expect("read").map(|i| i.role), Some(Role::Both));
    assert_eq!(get_keys(store.conn()).expect("none yet"), None);
    let first = StoredKeys { signing_seed: [1; 32], encryption_key: None };
    assert!(store.write(|tx| set_keys_once(tx, &first)).expect("stored"));
    let second = StoredKeys { signing_seed: [2; 32], encryption_key: Some("AGE-SECRET-KEY-1X".into()) };
    assert!(!store.write(|tx| set_keys_once(tx, &second)).expect("refused quietly"), "a key is never replaced");
    assert_eq!(get_keys(store.conn()).expect("read"), Some(first));
    assert!(store.write(|tx| set_encryption_key_once(tx, "AGE-SECRET-KEY-1A")).expect("added"));
    assert!(!store.write(|tx| set_encryption_key_once(tx, "AGE-SECRET-KEY-1B")).expect("kept"));
    let keys = get_keys(store.conn()).expect("read").expect("keys");
    assert_eq!((keys.signing_seed, keys.encryption_key.as_deref()), ([1; 32], Some("AGE-SECRET-KEY-1A")));
}

#[test]
fn each_export_of_a_month_gets_the_next_revision_and_the_list_shows_the_last() {
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let sent = |period: &str, revision, n| SentSummary {
        period: period.into(),
        revision,
        sha256: [n; 32],
        content: [n; 32],
        sent: now(),
    };
    assert_eq!(next_summary_revision(store.conn(), "2026-11").expect("next"), 1);
    store.write(|tx| insert_sent_summary(tx, &sent("2026-11", 1, 1))).expect("first");
    store.write(|tx| insert_sent_summary(tx, &sent("2026-11", 2, 2))).expect("second");
    store.write(|tx| insert_sent_summary(tx, &sent("2026-10", 1, 3))).expect("october");
    assert_eq!(next_summary_revision(store.conn(), "2026-11").expect("next"), 3);
    assert!(store.write(|tx| insert_sent_summary(tx, &sent("2026-11", 2, 9))).is_err(), "a revision is used once");
    let last: Vec<_> = list_sent_summaries(store.conn())
        .expect("list")
        .into_iter()
        .map(|s| (s.period, s.revision, s.sha256[0]))
        .collect();
    assert_eq!(last, [("2026-11".to_string(), 2, 2), ("2026-10".to_string(), 1, 3)]);
}

/// People reached at a kind of activity in an area.
type Record<'a> = (ActivityKind, Option<&'a str>, u64);

/// A volunteer's month for the sums test: people reached per (kind, area), every breakdown
/// unknown; format 2 (with its lines by area and kind) or 1.
fn month_summary(
    volunteer: u8,
    period: &str,
    revision: u32,
    records: &[Record<'_>],
    format: u32,
) -> nabo_core::exchange::MonthSummary {
    use nabo_core::exchange::{area_kind_totals, AreaTotals, KindTotals, MonthSummary, Sender};
    let scheme = Scheme::current().expect("scheme");
    let totals = |n: u64| -> BTreeMap<String, u64> {
        let mut t: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
        t.insert("reached".into(), n);
        for g in scheme.groups.iter().filter(|g| g.kind == nabo_core::GroupKind::Breakdown) {
            t.insert(format!("{}.unknown", g.key), n);
        }
        t
    };
    let mut by_kind: BTreeMap<ActivityKind, KindTotals> = BTreeMap::new();
    let mut by_area: BTreeMap<Option<String>, u64> = BTreeMap::new();
    for (kind, area, n) in records {
        let k = by_kind.entry(*kind).or_insert_with(|| KindTotals { held: 0, cancelled: 0, totals: totals(0) });
        k.held += 1;
        *k.totals.get_mut("reached").expect("key") += n;
        for g in scheme.groups.iter().filter(|g| g.kind == nabo_core::GroupKind::Breakdown) {
            *k.totals.get_mut(&format!("{}.unknown", g.key)).expect("key") += n;
        }
        *by_area.entry(area.map(str::to_string)).or_insert(0) += n;
    }
    let per_record: Vec<_> = records.iter().map(|(k, a, n)| (*k, *a, totals(*n))).collect();
    MonthSummary {
        format: "nabo-summary".into(),
        version: format,
        period: period.into(),
        scheme_version: "v1".into(),
        volunteer: Sender { name: format!("V{volunteer}"), signing_key: String::new() },
        revision,
        created: "2026-12-01T09:00:00Z".into(),
        totals: totals(records.iter().map(|r| r.2).sum()),
        by_kind,
        by_area: by_area.into_iter().map(|(area, n)| AreaTotals { area, totals: totals(n) }).collect(),
        by_area_kind: match format {
            1 => Vec::new(),
            _ => area_kind_totals(per_record.iter().map(|(k, a, t)| (*k, *a, t))),
        },
    }
}

/// The months' sums stay equal to the sum of the summaries that count, through new months,
/// higher revisions replacing lower ones and summaries of both formats — checked against the
/// test's own sums after every import.
#[test]
fn month_sums_follow_every_import_and_replacement() {
    use nabo_store::{insert_imported, insert_summary_totals, ImportedSummary, SummaryRef};
    let t = temp_db();
    let mut store = Store::create(&t.path, &key()).expect("create");
    let mut rng: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    let kinds = [ActivityKind::HomeVisit, ActivityKind::GroupMeeting, ActivityKind::Outreach];
    let areas = [Some("Gellerup"), Some("Hasle"), None];
    // What counts: (volunteer, month) → (revision, format, records).
    let mut counting: BTreeMap<(u8, String), (u32, u32, Vec<Record<'_>>)> = BTreeMap::new();
    for step in 0..150u32 {
        let volunteer = next(6) as u8;
        let period = format!("2026-{:02}", 1 + next(3));
        let revision = counting.get(&(volunteer, period.clone())).map_or(1, |c| c.0 + 1);
        let records: Vec<_> =
            (0..1 + next(3)).map(|_| (kinds[next(3) as usize], areas[next(3) as usize], 1 + next(30))).collect();
        let format = 1 + u32::from(next(4) > 0);
        let summary = month_summary(volunteer, &period, revision, &records, format);
        let key = [volunteer; 32];
        store
            .write(|tx| {
                let id = insert_imported(
                    tx,
                    &ImportedSummary {
                        volunteer_key: key,
                        period: period.clone(),
                        revision,
                        file_sha256: format!("sha-{step}"),
                        payload: serde_json::to_string(&summary).expect("json"),
                        signature: None,
                        imported: now(),
                    },
                )?;
                let facts = nabo_core::report::facts_of(&summary).expect("facts");
                let at = SummaryRef { id, volunteer_key: &key, period: &period, scheme: "v1", revision, format };
                insert_summary_totals(tx, at, &facts)
            })
            .expect("stored");
        counting.insert((volunteer, period), (revision, format, records));

        // The test's own sums, per month: summaries, older ones, reached; by area × kind.
        for month in ["2026-01", "2026-02", "2026-03"] {
            let here: Vec<_> = counting.iter().filter(|((_, p), _)| p == month).map(|(_, c)| c).collect();
            let stored = sums(&store, Breakdown::Month, month, month);
            let want = here.iter().map(|c| c.2.iter().map(|r| r.2).sum::<u64>()).sum::<u64>();
            let summaries = here.len() as u32;
            let older = here.iter().filter(|c| c.1 == 1).count() as u32;
            match stored.as_slice() {
                [] => assert_eq!(summaries, 0, "step {step}, {month}: no sums"),
                [s] => assert_eq!(
                    (s.period.as_str(), s.summaries, s.older, s.reached, s.held),
                    (month, summaries, older, want, here.iter().map(|c| c.2.len() as u64).sum()),
                    "step {step}, {month}"
                ),
                more => panic!("step {step}: {} month lines for {month}", more.len()),
            }
            let mut cross: BTreeMap<(Option<String>, Option<String>), u64> = BTreeMap::new();
            for c in here.iter().filter(|c| c.1 == 2) {
                for (kind, area, n) in &c.2 {
                    *cross.entry((Some(kind.as_str().to_string()), area.map(str::to_string))).or_insert(0) += n;
                }
            }
            let stored: BTreeMap<_, _> = sums(&store, Breakdown::AreaKind, month, month)
                .into_iter()
                .map(|s| ((s.kind, s.area), s.reached))
                .collect();
            assert_eq!(stored, cross, "step {step}, {month}: areas by kind");
        }
    }
    assert!(store.check_integrity().expect("check").is_empty());
}

#[test]
fn an_encrypted_database_shows_no_header_and_none_of_its_words_and_is_private() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("data").join("nabo.db");
    let mut store = Store::open_or_create(&path, &key()).expect("create");
    let plan = ActivityDraft {
        details: Details {
            area: Some("Skjultby".into()),
            household: Some("H-977".into()),
            note: Some("Bekymret for datteren".into()),
            ..Details::default()
        },
        ..ActivityDraft::new(
            ActivityKind::HomeVisit,
            "2026-12-01T10:00".parse::<LocalDateTime>().expect("time"),
            "60m".parse::<Minutes>().expect("duration"),
        )
    }
    .validate()
    .expect("valid visit");
    store.write(|tx| insert_activity(tx, &new(&plan, "uid-secret"), now())).expect("insert");
    // Looked at while open (the WAL holds the write) and after closing.
    for moment in ["open", "closed"] {
        let files = files_in(&dir.path().join("data"));
        assert!(!files.is_empty());
        for (name, bytes) in &files {
            assert!(!bytes.starts_with(b"SQLite format 3"), "{moment}: {name} has SQLite's header");
            for word in ["Skjultby", "H-977", "Bekymret", "home_visit"] {
                let found = bytes.windows(word.len()).any(|w| w == word.as_bytes());
                assert!(!found, "{moment}: {name} shows {word}");
            }
        }
        if moment == "open" {
            drop(std::mem::replace(&mut store, Store::open(&path, &key()).expect("reopen")));
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("data")), 0o700, "the folder Nabo made is its owner's");
        for entry in std::fs::read_dir(dir.path().join("data")).expect("list") {
            let p = entry.expect("entry").path();
            assert_eq!(mode(&p), 0o600, "{} is its owner's alone", p.display());
        }
    }
    drop(store);
}

#[test]
fn another_key_opens_nothing_and_changes_nothing() {
    let t = database_with_visits();
    let dir = t.path.parent().expect("folder");
    let before = files_in(dir);
    let err = Store::open(&t.path, &DbKey::from_bytes([8; 32])).expect_err("another key");
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err}");
    assert!(err.to_string().contains(&t.path.display().to_string()), "{err}");
    assert_eq!(files_in(dir), before);
    Store::open(&t.path, &key()).expect("the right key still opens it");
}

#[test]
fn an_encrypted_database_with_a_damaged_first_page_does_not_open() {
    let t = database_with_visits();
    overwrite(&t.path, 40, &[7; 8]);
    let dir = t.path.parent().expect("folder");
    let before = files_in(dir);
    let err = Store::open(&t.path, &key()).expect_err("refused");
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err}");
    assert_eq!(files_in(dir), before);
}

#[test]
fn a_plain_database_from_before_is_encrypted_in_place_once() {
    let t = plain_database_with_visits();
    let dir = t.path.parent().expect("folder");
    let store = Store::open(&t.path, &key()).expect("opens and encrypts");
    assert!(store.was_encrypted_now());
    let visits = list_activities_overlapping(store.conn(), utc("2026-12-01T00:00:00Z"), utc("2026-12-31T00:00:00Z"))
        .expect("reads");
    assert_eq!(visits.len(), 3, "every visit is in the encrypted database");
    drop(store);
    let names: Vec<String> = files_in(dir).into_iter().map(|(n, _)| n).collect();
    assert!(!names.iter().any(|n| n.ends_with(".encrypting")), "no copy left behind: {names:?}");
    assert!(!std::fs::read(&t.path).expect("read").starts_with(b"SQLite format 3"));
    // The plain file no longer opens without the key; the next open is an ordinary one.
    assert!(rusqlite::Connection::open(&t.path)
        .and_then(|c| c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)))
        .is_err());
    let again = Store::open(&t.path, &key()).expect("reopens");
    assert!(!again.was_encrypted_now());
    assert!(again.check_integrity().expect("check").is_empty());
}
