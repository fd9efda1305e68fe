//! Nabo's use-cases as one service API: the only thing the CLI and the desktop app call.
//!
//! [`Nabo`] wraps an open store and the conflict rules; its methods take plain
//! requests ([`PlanRequest`]) and return views ([`ActivityView`],
//! [`PlanOutcome`]) that serialise the same way for the CLI's `--json` and the
//! desktop UI. Errors are one [`AppError`] type with a stable [`ErrorCode`],
//! the field they concern and the values a message needs, so each front end
//! can say what went wrong in the user's language ([`Localizer`]).
//!
//! Every method that needs the time takes `now`: the front ends read the clock.

// The clock and the environment are the adapters' to read: crates/nabo-app/clippy.toml.
#![deny(clippy::disallowed_methods)]

mod app_lock;
mod backups;
mod busy;
mod check;
mod coordinator;
mod counts;
mod db_key;
mod dto;
mod error;
mod examples;
mod export;
mod files;
mod i18n;
mod import_file;
mod keys;
mod paths;
mod planning;
mod receipts;
mod received;
mod report_files;
mod reports;
mod retention;
mod rollups;
mod rules;
mod service;
mod settings;
mod status;
mod summaries;
mod views;

pub use app_lock::{
    wait_after, wait_seconds, LockState, LockView, FIRST_WAIT, FREE_TRIES, LOCK_IDLE_DEFAULT, LOCK_IDLE_MAX,
    LOCK_IDLE_MIN, LOCK_SECRET_MAX, LOCK_SECRET_MIN, MAX_WAIT,
};
pub use backups::{backups_beside, BackupSettings, BackupStatus, BackupView, EraseReport};
pub use busy::{BusyKind, BusySourceView, BusyView, CalendarItem, CappedSeries, ImportReport, ImportWarning};
pub use check::CheckReport;
pub use coordinator::CoordinatorView;
pub use counts::{
    parse_counts, parse_period, CountsForm, CountsWarningView, KindStatusCount, MonthStats, RecordOutcome,
    SchemeBucketView, SchemeGroupView, SchemeView,
};
pub use db_key::{KeySource, ARGON2_LANES, ARGON2_MEMORY_KIB, ARGON2_PASSES, PASSPHRASE_VAR};
pub use dto::{
    ActivityView, Agenda, AppInfo, BusyConflictView, Changed, ConflictKindView, ConflictPairView, ConflictView,
    NoticeView, PlanOutcome, PlanRequest, SuggestionField, UserError,
};
pub use error::{AppError, ErrorCode};
pub use export::{Detail, ExportOptions};
pub use files::{write_file, ProtectedFiles};
pub use i18n::{Language, Localizer};
pub use keys::KeyView;
pub use paths::{database_path, default_database_path, DB_ENV_VAR};
pub use receipts::{ReceiptExport, ReceiptMonth, ReceiptReport, ReceiptState};
pub use received::{
    CarriedReport, DeliveredMonth, NewerHere, SummaryFileReport, SummaryImportReport, SummaryOutcome, VolunteerRow,
    VolunteerView,
};
pub use reports::{
    axis_names, GridMonth, GridVolunteer, OverviewArea, OverviewKind, OverviewMonth, OverviewView, ReportDoc,
    ReportExport, ReportFormat, ReportRequest, TargetGoal, TargetView,
};
pub use retention::StartReport;
pub use rollups::RollupExport;
pub use rules::{KindRules, Range, Rules, SettingRanges, TextRule};
pub use service::{parse_date, today_in_copenhagen, Nabo, Role};
pub use settings::{DefaultDurations, RoleView, Settings, UiLanguage, MAX_GROUP_LIST, SETTING_KEYS};
pub use summaries::{Recipient, SentMonth, SummaryExport, SummaryTo};

/// Domain types the front ends need to name.
pub use nabo_core::{ActivityId, ActivityKind, ActivityStatus, Details, DurationError, Minutes, Programme, ZONE};
/// Store errors, which [`AppError::Store`] carries.
pub use nabo_store::StoreError;
