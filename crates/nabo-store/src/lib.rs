//! Nabo's SQLite store: the one place that opens a database, its schema
//! migrations, and the queries the app service runs.
//!
//! [`Store::open`] opens an existing database and [`Store::create`] a new one,
//! each with its [`DbKey`] (the file is SQLCipher, encrypted at rest; a plain
//! database from before is encrypted in place on first open); both go through
//! the same four steps (check what the file is, refuse a newer schema, set
//! pragmas, migrate). Writes go through [`Store::write`], which
//! runs them in one transaction. Queries are free functions named
//! `verb_entity(conn, …)`, one module per entity.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let key = nabo_store::DbKey::random().unwrap();
//! let store = nabo_store::Store::create(&dir.path().join("nabo.db"), &key).unwrap();
//! assert_eq!(store.schema_version().unwrap(), nabo_store::SCHEMA_VERSION);
//! ```

mod activities;
mod backup;
mod busy;
mod counts;
mod db;
mod error;
mod identity;
mod key;
mod open;
mod received;
mod retention;
mod schema;
mod settings;
mod summaries;
mod totals;

pub use activities::{
    count_activities, count_deleted_before, count_one_offs_by_kind_status, delete_activity, delete_example_activities,
    get_activity, insert_activity, list_activities_overlapping, list_activity_texts, list_exceptions, list_for_export,
    list_series_overlapping, move_exceptions, purge_deleted_activities, recent_values, rekey_occurrences,
    restore_activity, set_activity_status, set_exception, update_activity, ExportRow, NewActivity, RememberedText,
    StoredTexts,
};
pub use backup::{check_backup, restore, verify_backup, BackupFacts};
pub use busy::{
    delete_busy_source, diff_busy_source, list_busy_overlapping, list_busy_sources, replace_busy_source, BusyDiff,
    BusyRow, BusySource,
};
pub use counts::{
    get_counts, latest_counts_before, list_count_edits, list_counted_occurrences, month_count_totals, move_counts,
    record_counts, remove_counts, CountEdit, CountsMove, MonthTotals, NewCounts, RecordedCounts,
};
pub use db::Db;
pub use error::StoreError;
pub use identity::{
    get_identity, get_keys, insert_identity, set_display_name, set_encryption_key_once, set_keys_once, set_role,
    Identity, Role, StoredKeys,
};
pub use key::{file_salt, needs_new_key, DbKey};
pub use open::{Store, APPLICATION_ID};
pub use received::{
    accept_offered_key, fill_signed, find_imported_by_sha256, find_volunteer, find_volunteer_by_key, insert_imported,
    insert_rollup, insert_sent_rollup, insert_volunteer, latest_imported, latest_rollup_revision, list_latest_imported,
    list_volunteers, next_rollup_revision, offer_key, rollup_imported, ImportedRollup, ImportedSummary, Volunteer,
};
pub use retention::{count_expired_texts, empty_wal, erase_expired_texts, Erased};
pub use schema::SCHEMA_VERSION;
pub use settings::{get_setting, set_setting};
pub use summaries::{
    get_coordinator, insert_sent_summary, list_sent_summaries, month_totals_by_kind_and_area, next_summary_revision,
    set_coordinator, GroupedTotal, SentSummary, StoredCoordinator,
};
pub use totals::{
    delete_target, insert_summary_totals, insert_target, list_delivered, list_month_lines, list_targets, visit_sums,
    Delivered, MonthLine, StoredTarget, SumLine, SummaryRef,
};
