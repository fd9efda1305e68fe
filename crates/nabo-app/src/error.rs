//! One error type for every use-case, with a stable code for the front ends.

use std::collections::BTreeMap;
use std::path::Path;

use nabo_core::calendar::ReadError;
use nabo_core::{
    code_point, DurationError, Field, RecurrenceError, TextError, TimeError, ValidationError, PLANNING_YEARS,
};
use nabo_core::{CountsBlock, CountsError, SchemeError};
use nabo_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::UserError;

/// What went wrong, as a stable code the front ends translate (`error-<code>`).
// The variants are the one list: their names (`as_str`, serde's, the TypeScript type's) and
// `ALL` are derived from it (strum and serde both by `snake_case`; a test checks they agree).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// A date and time could not be read.
    UnreadableTime,
    /// A time in the spring-forward gap.
    DstGap,
    /// The end is not after the start.
    EndNotAfterStart,
    /// Longer than the kind allows.
    TooLong,
    /// A required field is empty.
    MissingField,
    /// A field that does not belong to the kind.
    NotForKind,
    /// Text longer than the field allows.
    TextTooLong,
    /// A character that does not belong in the field: a control character (ESC …), a line break
    /// in a one-line field, a direction-changing character, or nothing but invisible characters.
    ControlCharacter,
    /// A household label that is not a pseudonym.
    NotAPseudonym,
    /// Free text that holds personal data (a CPR or phone number, an e-mail or street address).
    PersonalData,
    /// A duration could not be read.
    UnreadableDuration,
    /// A duration of zero or less.
    DurationNotPositive,
    /// A date could not be read.
    UnreadableDate,
    /// A date range that ends before it starts, or is too long.
    InvalidRange,
    /// A date or time outside the years Nabo plans in (2000 to 2100).
    DateOutOfRange,
    /// No activity with that id.
    NotFound,
    /// A series has no meeting at the time or date given.
    NotAnOccurrence,
    /// The file is not a Nabo database.
    NotADatabase,
    /// The database is from a newer Nabo.
    DatabaseTooNew,
    /// There is no database yet.
    NoDatabase,
    /// No database was named and the computer has no data folder (no home folder) to keep one in.
    NoDataFolder,
    /// A database already exists where `init` would create one.
    DatabaseExists,
    /// An expected group size out of range.
    ExpectedSizeOutOfRange,
    /// A repeat rule that cannot be read or is not supported.
    InvalidRepeat,
    /// A repeat rule with too many meetings.
    RepeatTooMany,
    /// A repeat rule that runs too long.
    RepeatTooLong,
    /// A repeat rule that gives no meeting.
    RepeatEmpty,
    /// A repeat interval that is not a whole number from 1 up.
    RepeatInvalidInterval,
    /// A repeat rule with both a number of meetings and an end date.
    RepeatCountWithUntil,
    /// A file the user chose could not be written.
    WriteFailed,
    /// A live calendar file that cannot be used.
    InvalidLiveCalendar,
    /// A setting outside its allowed range.
    InvalidSetting,
    /// The file is not an iCalendar file (or not text).
    ImportNotCalendar,
    /// The file ends in the middle of an event.
    ImportTruncated,
    /// A line breaks the iCalendar syntax.
    ImportMalformed,
    /// The file is larger than Nabo reads.
    ImportTooLarge,
    /// An imported event ends before it starts.
    ImportEndBeforeStart,
    /// An imported event uses a time zone Nabo does not know.
    ImportUnknownZone,
    /// A value in an imported event cannot be read.
    ImportBadValue,
    /// An imported event's repeat rule cannot be read.
    ImportBadRule,
    /// An imported file has more events and occurrences than Nabo keeps from one file.
    ImportTooManyOccurrences,
    /// An imported file's repeat rules take more work to expand than Nabo spends on one file.
    ImportTooMuchWork,
    /// The path to import is not an ordinary file (a folder, pipe, device, socket or standard input).
    ImportNotAFile,
    /// A file the user chose could not be read.
    ReadFailed,
    /// A count key the category scheme does not have.
    CountsUnknownKey,
    /// A count that is not a whole number from 0 up.
    CountsBadValue,
    /// A count not written as key=value.
    CountsNotAssignment,
    /// The same count key twice.
    CountsDuplicate,
    /// The number of people reached is missing.
    CountsMissingReached,
    /// More new contacts than people reached.
    CountsNewAboveReached,
    /// A breakdown that does not add up to the people reached.
    CountsBreakdownSum,
    /// A tally larger than the people reached.
    CountsTallyAboveReached,
    /// More people than an activity of the kind can reach.
    CountsImplausible,
    /// Counts on an activity that has not started.
    CountsFuture,
    /// Counts on a cancelled activity.
    CountsCancelled,
    /// A series where one meeting must be named.
    OccurrenceRequired,
    /// A change that would leave counts on something not done, or not yet taken place.
    HasCounts,
    /// A change to a series that would drop meetings with counts.
    SeriesDropsCounts,
    /// `ID@DATE` where several moved meetings are on that day.
    AmbiguousOccurrence,
    /// A month that could not be read.
    UnreadablePeriod,
    /// The category scheme cannot be used.
    SchemeInvalid,
    /// Reading or writing the database failed.
    Storage,
    /// The database file is damaged: it is read as far as it can be, nothing is written.
    DatabaseDamaged,
    /// Another Nabo held the database's write lock for longer than Nabo waits.
    DatabaseBusy,
    /// A file to write is the database or one of its files.
    ProtectedTarget,
    /// A file to write is not a regular file or new name, is read-only, or has no folder.
    UnusableTarget,
    /// `settings set` named no setting Nabo has.
    UnknownSetting,
    /// `settings set` gave a value of the wrong kind (a word where a number belongs).
    UnreadableSetting,
    /// No role was chosen yet, so this Nabo has no identity (and no keys).
    NoIdentity,
    /// The operating system gave no randomness for a new key.
    NoRandomness,
    /// The database does not open with the key: a wrong passphrase, or another key.
    WrongKey,
    /// There is no OS key store to keep the database's key in (and no passphrase was given).
    NoKeyStore,
    /// The key store holds no key for this encrypted database.
    KeyMissing,
    /// The key store failed.
    KeyStore,
    /// An app lock PIN or passphrase that is too short, too long, or missing.
    LockSecretInvalid,
    /// A PIN or passphrase that is not the app lock's.
    LockWrong,
    /// A try at the app lock while the wait after earlier wrong tries runs.
    LockWait,
    /// A file to restore from is not a Nabo backup.
    NotABackup,
    /// A backup opens but fails its integrity check.
    BackupDamaged,
    /// An identity card needs the holder's name, and none was given.
    CardNeedsName,
    /// A file handed over (an identity card) was refused: not one, changed, or unreadable.
    CardRefused,
    /// Only a coordinator imports summaries.
    NotACoordinator,
    /// No volunteer by that name sent a summary.
    UnknownVolunteer,
    /// No other key was offered under that volunteer's name.
    NoOfferedKey,
    /// A summary was to go to the coordinator, and none is set.
    NoCoordinator,
    /// A receipt was signed by another coordinator than the one set, or is for another volunteer.
    ReceiptRefused,
    /// Reports and targets are the coordinator's.
    CoordinatorOnly,
    /// A report cannot be made as asked (its `reason` says why).
    ReportRefused,
    /// A period is not `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    UnreadableReportPeriod,
    /// No target with that id.
    UnknownTarget,
    /// A target that cannot be set (a count of 0, a share outside 0–100 %, a share of itself).
    TargetRefused,
    /// Summaries imported before this version kept no signature to carry in a roll-up.
    RollupUnsigned,
    /// No summary was imported for the period.
    NothingToRollUp,
}

impl ErrorCode {
    /// The code as written in JSON and translation keys.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Every code, for checking that each has a translation.
    pub const ALL: &'static [ErrorCode] = <ErrorCode as strum::VariantArray>::VARIANTS;
}

/// Why a use-case did not happen. Nothing was stored when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The plan was refused by the domain rules.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A duration was refused.
    #[error("{0}")]
    Duration(#[from] DurationError),
    /// A date (not a date-time) could not be read.
    #[error("'{input}' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01")]
    UnreadableDate {
        /// Which option or field.
        field: &'static str,
        /// What was typed.
        input: String,
    },
    /// A date outside the years Nabo plans in ([`PLANNING_YEARS`]).
    #[error("{field}: Nabo plans in the years {first} to {last} only", first = PLANNING_YEARS.start(), last = PLANNING_YEARS.end())]
    DateOutOfRange {
        /// Which option or field.
        field: &'static str,
    },
    /// A range that ends before it starts or spans too long.
    #[error("the range {from} to {to} is not valid: {reason}")]
    InvalidRange {
        /// Its first day.
        from: String,
        /// Its last day.
        to: String,
        /// Why.
        reason: &'static str,
    },
    /// A live calendar file that cannot be used.
    #[error("{path} cannot be the live calendar file ({reason})")]
    InvalidLiveCalendar {
        /// The path given.
        path: String,
        /// not_absolute, not_ics or no_folder.
        reason: &'static str,
    },
    /// A file to write is the database or one of its files (see `files.rs`); nothing was written.
    #[error("{path} is the Nabo database or one of its files; nothing was written")]
    ProtectedTarget {
        /// The path given.
        path: String,
    },
    /// A file to write that must not be replaced, or whose folder is missing; nothing was written.
    #[error("{path} cannot be written ({reason}); nothing was written")]
    UnusableTarget {
        /// The path given.
        path: String,
        /// folder, not_a_file, symlink, read_only or no_folder.
        reason: &'static str,
    },
    /// `settings set` named no setting Nabo has.
    #[error("there is no setting {key}")]
    UnknownSetting {
        /// The name given, tidied to one short line.
        key: String,
    },
    /// `settings set` gave a value of the wrong kind; the value itself is not repeated (a path
    /// may hold a name).
    #[error("{key} must be {expected}")]
    UnreadableSetting {
        /// The setting, as the CLI names it.
        key: &'static str,
        /// What it takes: number, switch (on/off), language, role, programme or detail.
        expected: &'static str,
    },
    /// A file could not be written.
    #[error("could not write {path}: {reason}")]
    WriteFailed {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A series has no meeting at the time or date given.
    #[error("activity {id} has no meeting at {occurrence}")]
    NotAnOccurrence {
        /// The series.
        id: i64,
        /// The time or date given.
        occurrence: String,
    },
    /// A setting outside its allowed range.
    #[error("{key} must be between {min} and {max}, not {value}")]
    InvalidSetting {
        /// Which setting.
        key: &'static str,
        /// The value given.
        value: String,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A calendar file the user chose to import was refused; nothing was imported.
    #[error("{file}: {source}")]
    Import {
        /// The file.
        file: String,
        /// What is wrong with it.
        source: ReadError,
    },
    /// A path to import that is not an ordinary file; nothing was read from it.
    #[error("{path} is not an ordinary file (it is {kind})")]
    ImportNotAFile {
        /// The path given.
        path: String,
        /// What it is: `directory`, `fifo`, `device`, `socket`, `stdin` or `other`.
        kind: &'static str,
    },
    /// A file could not be read.
    #[error("could not read {path}: {reason}")]
    ReadFailed {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// Counts that break the rules of the category scheme; nothing was recorded.
    #[error(transparent)]
    Counts(#[from] CountsError),
    /// Counts on an activity that has not started or was cancelled.
    #[error("counts cannot be recorded on activity {id}: it is {reason}")]
    CountsNotAllowed {
        /// The activity.
        id: i64,
        /// `future` or `cancelled`.
        reason: &'static str,
    },
    /// A series was named where one of its meetings must be.
    #[error("activity {id} is a series: name one meeting as {id}@YYYY-MM-DD")]
    OccurrenceRequired {
        /// The series.
        id: i64,
    },
    /// A change that would leave counts on an occurrence that is not done where they count.
    #[error("{target} has counts recorded, and {block}; counts belong to something that took place")]
    HasCounts {
        /// `ID` or `ID@DATE` (a meeting by its original day).
        target: String,
        /// What the change would do.
        block: CountsBlock,
    },
    /// A change to a series whose new rule has no meeting where counts were recorded.
    #[error("series {id} has counts on its meeting of {date}, which the change would remove")]
    SeriesDropsCounts {
        /// The series.
        id: i64,
        /// The original day of the first counted meeting that would go.
        date: String,
    },
    /// `ID@DATE` names no meeting of the rule, and several moved meetings are on that day.
    #[error("series {id} has several moved meetings on {date}; name one by its original day ({originals})")]
    AmbiguousOccurrence {
        /// The series.
        id: i64,
        /// The day given.
        date: String,
        /// The original days of the meetings moved there.
        originals: String,
    },
    /// A month that could not be read.
    #[error("'{input}' is not a month; write it as YYYY-MM, e.g. 2026-11")]
    UnreadablePeriod {
        /// What was typed.
        input: String,
    },
    /// The category scheme cannot be used.
    #[error(transparent)]
    Scheme(SchemeError),
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No database was named and there is no data folder to keep one in (see `paths.rs`).
    #[error("no database was named and there is no home folder; set {} or use --db", crate::paths::DB_ENV_VAR)]
    NoDataFolder,
    /// The database has no identity yet (`nabo init` makes one, the window's welcome screen too).
    #[error("this Nabo has no identity yet: choose a role first")]
    NoIdentity,
    /// Drawing a new key's randomness from the operating system failed.
    #[error("the operating system gave no randomness for a new key: {detail}")]
    NoRandomness {
        /// What the system said.
        detail: String,
    },
    /// An identity card names its holder, and this Nabo has no name yet.
    #[error("an identity card needs your name; give one with: nabo settings set name NAME")]
    CardNeedsName,
    /// Summaries are imported by a coordinator (or someone who is both).
    #[error("only a coordinator imports summaries; set the role to coordinator or both first")]
    NotACoordinator,
    /// No volunteer by that name.
    #[error("no summary came from a volunteer named '{name}'")]
    UnknownVolunteer {
        /// The name given.
        name: String,
    },
    /// Nothing to accept.
    #[error("no other key was offered under the name '{name}'")]
    NoOfferedKey {
        /// The name given.
        name: String,
    },
    /// A summary was to be encrypted to the coordinator, and none is set.
    #[error("no coordinator is set: open her identity card with nabo coordinator set CARD, or write a readable file with --plain")]
    NoCoordinator,
    /// A receipt is not from the coordinator set here, or not for this Nabo's key.
    #[error("{file}: the receipt is refused ({reason})")]
    ReceiptRefused {
        /// The file.
        file: String,
        /// `other_coordinator` or `other_volunteer`.
        reason: &'static str,
    },
    /// Reports and targets are for a coordinator (or someone who is both).
    #[error("reports and targets are the coordinator's; set the role to coordinator or both first")]
    CoordinatorOnly,
    /// A report cannot be made as asked.
    #[error(transparent)]
    Report(nabo_core::report::ReportError),
    /// A period that is not a month, quarter or year.
    #[error("'{input}' is not a period: write YYYY-MM, YYYY-Qn or YYYY")]
    UnreadableReportPeriod {
        /// What was typed.
        input: String,
    },
    /// No target with that id.
    #[error("there is no target {id}")]
    UnknownTarget {
        /// The id given.
        id: i64,
    },
    /// A target that cannot be set.
    #[error("the target cannot be set ({reason})")]
    TargetRefused {
        /// `zero`, `share_range` or `share_of_itself`.
        reason: &'static str,
    },
    /// Summaries imported before version 7 kept no signature, so a roll-up cannot carry them.
    #[error(
        "{count} summaries (first: {first}) were imported before Nabo kept their signatures; import their files again"
    )]
    RollupUnsigned {
        /// How many.
        count: usize,
        /// The first, as "name YYYY-MM".
        first: String,
    },
    /// Nothing to roll up.
    #[error("no summary was imported for {period}")]
    NothingToRollUp {
        /// The period.
        period: String,
    },
    /// No OS key store answered, and no passphrase was given.
    #[error("there is no key store to keep the database's key in: set NABO_PASSPHRASE or answer the prompt")]
    NoKeyStore,
    /// The key store has no key for this encrypted database.
    #[error("the key store holds no key for {path}: it was made on another computer or by another user, or with a passphrase (set NABO_PASSPHRASE)")]
    KeyMissing {
        /// The database.
        path: String,
    },
    /// The key store failed.
    #[error("the key store failed: {reason}")]
    KeyStore {
        /// What it said.
        reason: String,
    },
    /// An app lock PIN or passphrase that cannot be set (see `app_lock.rs`).
    #[error("the PIN or passphrase must have {min} to {max} characters ({reason})", min = crate::app_lock::LOCK_SECRET_MIN, max = crate::app_lock::LOCK_SECRET_MAX)]
    LockSecretInvalid {
        /// `too_short`, `too_long` or `missing` (turning the lock on needs one).
        reason: &'static str,
    },
    /// Not the app lock's PIN or passphrase.
    #[error("that is not the PIN or passphrase of the lock")]
    LockWrong {
        /// Which field it was typed in: `secret` (the lock screen) or `current` (Settings).
        field: &'static str,
        /// Seconds the next try must wait (0: none).
        seconds: u64,
    },
    /// A try at the app lock during the wait after wrong tries; it was not checked.
    #[error("too many wrong tries: wait {seconds} seconds")]
    LockWait {
        /// Seconds left.
        seconds: u64,
    },
    /// A file handed over (an identity card, a summary) could not be made or read.
    #[error("{file}: {source}")]
    Card {
        /// The file.
        file: String,
        /// Why.
        source: nabo_core::exchange::ExchangeError,
    },
}

impl AppError {
    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Invalid(e) => match e {
                ValidationError::Time { source: TimeError::Unreadable { .. }, .. } => ErrorCode::UnreadableTime,
                ValidationError::Time { source: TimeError::InSpringForwardGap { .. }, .. } => ErrorCode::DstGap,
                ValidationError::Time { source: TimeError::OutOfRange, .. } => ErrorCode::DateOutOfRange,
                ValidationError::EndNotAfterStart { .. } => ErrorCode::EndNotAfterStart,
                ValidationError::TooLong { .. } => ErrorCode::TooLong,
                ValidationError::Missing { .. } => ErrorCode::MissingField,
                ValidationError::NotForKind { .. } => ErrorCode::NotForKind,
                ValidationError::Text(TextError::TooLong { .. }) => ErrorCode::TextTooLong,
                ValidationError::Text(TextError::Character { .. }) => ErrorCode::ControlCharacter,
                ValidationError::Text(TextError::NotAPseudonym) => ErrorCode::NotAPseudonym,
                ValidationError::Text(TextError::PersonalData { .. }) => ErrorCode::PersonalData,
                ValidationError::ExpectedSize { .. } => ErrorCode::ExpectedSizeOutOfRange,
                ValidationError::Recurrence(r) => match r {
                    RecurrenceError::Unreadable { .. } | RecurrenceError::Unsupported { .. } => {
                        ErrorCode::InvalidRepeat
                    }
                    RecurrenceError::TooMany { .. } => ErrorCode::RepeatTooMany,
                    RecurrenceError::TooLong { .. } => ErrorCode::RepeatTooLong,
                    RecurrenceError::Empty => ErrorCode::RepeatEmpty,
                    RecurrenceError::InvalidInterval { .. } => ErrorCode::RepeatInvalidInterval,
                    RecurrenceError::CountWithUntil => ErrorCode::RepeatCountWithUntil,
                    RecurrenceError::UntilOutOfRange => ErrorCode::DateOutOfRange,
                },
            },
            AppError::Duration(DurationError::Unreadable { .. }) => ErrorCode::UnreadableDuration,
            AppError::Duration(DurationError::NotPositive { .. }) => ErrorCode::DurationNotPositive,
            AppError::UnreadableDate { .. } => ErrorCode::UnreadableDate,
            AppError::DateOutOfRange { .. } => ErrorCode::DateOutOfRange,
            AppError::InvalidRange { .. } => ErrorCode::InvalidRange,
            AppError::InvalidSetting { .. } => ErrorCode::InvalidSetting,
            AppError::NotAnOccurrence { .. } => ErrorCode::NotAnOccurrence,
            AppError::WriteFailed { .. } => ErrorCode::WriteFailed,
            AppError::InvalidLiveCalendar { .. } => ErrorCode::InvalidLiveCalendar,
            AppError::ProtectedTarget { .. } => ErrorCode::ProtectedTarget,
            AppError::UnusableTarget { .. } => ErrorCode::UnusableTarget,
            AppError::UnknownSetting { .. } => ErrorCode::UnknownSetting,
            AppError::UnreadableSetting { .. } => ErrorCode::UnreadableSetting,
            AppError::ReadFailed { .. } => ErrorCode::ReadFailed,
            AppError::Counts(e) => match e {
                CountsError::UnknownKey { .. } => ErrorCode::CountsUnknownKey,
                CountsError::BadValue { .. } => ErrorCode::CountsBadValue,
                CountsError::NotAnAssignment { .. } => ErrorCode::CountsNotAssignment,
                CountsError::Duplicate { .. } => ErrorCode::CountsDuplicate,
                CountsError::MissingReached => ErrorCode::CountsMissingReached,
                CountsError::NewAboveReached { .. } => ErrorCode::CountsNewAboveReached,
                CountsError::BreakdownSum { .. } => ErrorCode::CountsBreakdownSum,
                CountsError::TallyAboveReached { .. } => ErrorCode::CountsTallyAboveReached,
                CountsError::Implausible { .. } => ErrorCode::CountsImplausible,
            },
            AppError::CountsNotAllowed { reason: "future", .. } => ErrorCode::CountsFuture,
            AppError::CountsNotAllowed { .. } => ErrorCode::CountsCancelled,
            AppError::OccurrenceRequired { .. } => ErrorCode::OccurrenceRequired,
            AppError::HasCounts { .. } => ErrorCode::HasCounts,
            AppError::SeriesDropsCounts { .. } => ErrorCode::SeriesDropsCounts,
            AppError::AmbiguousOccurrence { .. } => ErrorCode::AmbiguousOccurrence,
            AppError::UnreadablePeriod { .. } => ErrorCode::UnreadablePeriod,
            AppError::Scheme(_) => ErrorCode::SchemeInvalid,
            AppError::Import { source, .. } => match source {
                ReadError::NotICalendar | ReadError::NotUtf8 { .. } => ErrorCode::ImportNotCalendar,
                ReadError::Truncated { .. } => ErrorCode::ImportTruncated,
                ReadError::Malformed { .. } => ErrorCode::ImportMalformed,
                ReadError::TooLarge { .. } => ErrorCode::ImportTooLarge,
                ReadError::EndBeforeStart { .. } => ErrorCode::ImportEndBeforeStart,
                ReadError::UnknownZone { .. } => ErrorCode::ImportUnknownZone,
                ReadError::BadValue { .. } => ErrorCode::ImportBadValue,
                ReadError::BadRule { .. } => ErrorCode::ImportBadRule,
                ReadError::TooManyOccurrences { .. } => ErrorCode::ImportTooManyOccurrences,
                ReadError::TooMuchRuleWork { .. } => ErrorCode::ImportTooMuchWork,
            },
            AppError::ImportNotAFile { .. } => ErrorCode::ImportNotAFile,
            AppError::NoDataFolder => ErrorCode::NoDataFolder,
            AppError::NoIdentity => ErrorCode::NoIdentity,
            AppError::NoRandomness { .. } => ErrorCode::NoRandomness,
            AppError::CardNeedsName => ErrorCode::CardNeedsName,
            AppError::Card { .. } => ErrorCode::CardRefused,
            AppError::NotACoordinator => ErrorCode::NotACoordinator,
            AppError::UnknownVolunteer { .. } => ErrorCode::UnknownVolunteer,
            AppError::NoOfferedKey { .. } => ErrorCode::NoOfferedKey,
            AppError::NoCoordinator => ErrorCode::NoCoordinator,
            AppError::ReceiptRefused { .. } => ErrorCode::ReceiptRefused,
            AppError::CoordinatorOnly => ErrorCode::CoordinatorOnly,
            AppError::Report(_) => ErrorCode::ReportRefused,
            AppError::UnreadableReportPeriod { .. } => ErrorCode::UnreadableReportPeriod,
            AppError::UnknownTarget { .. } => ErrorCode::UnknownTarget,
            AppError::TargetRefused { .. } => ErrorCode::TargetRefused,
            AppError::RollupUnsigned { .. } => ErrorCode::RollupUnsigned,
            AppError::NothingToRollUp { .. } => ErrorCode::NothingToRollUp,
            AppError::NoKeyStore => ErrorCode::NoKeyStore,
            AppError::KeyMissing { .. } => ErrorCode::KeyMissing,
            AppError::KeyStore { .. } => ErrorCode::KeyStore,
            AppError::LockSecretInvalid { .. } => ErrorCode::LockSecretInvalid,
            AppError::LockWrong { .. } => ErrorCode::LockWrong,
            AppError::LockWait { .. } => ErrorCode::LockWait,
            AppError::Store(e) => match e {
                StoreError::WrongKey { .. } => ErrorCode::WrongKey,
                StoreError::NotFound { .. } => ErrorCode::NotFound,
                StoreError::NotADatabase { .. } | StoreError::ForeignDatabase { .. } => ErrorCode::NotADatabase,
                StoreError::TooNew { .. } => ErrorCode::DatabaseTooNew,
                StoreError::Missing { .. } => ErrorCode::NoDatabase,
                StoreError::AlreadyExists { .. } => ErrorCode::DatabaseExists,
                StoreError::DamagedDatabase => ErrorCode::DatabaseDamaged,
                StoreError::Busy => ErrorCode::DatabaseBusy,
                StoreError::NotABackup { .. } => ErrorCode::NotABackup,
                StoreError::BackupDamaged { .. } => ErrorCode::BackupDamaged,
                StoreError::Damaged { .. }
                | StoreError::Io { .. }
                | StoreError::Folder { .. }
                | StoreError::Migration(_)
                | StoreError::Sqlite(_) => ErrorCode::Storage,
            },
        }
    }

    /// True when the error refuses input the user gave (a value or a file), as opposed to a failure.
    pub fn is_refused_input(&self) -> bool {
        !matches!(
            self.code(),
            ErrorCode::NoDatabase
                | ErrorCode::NoDataFolder
                | ErrorCode::NoRandomness
                | ErrorCode::NoKeyStore
                | ErrorCode::KeyMissing
                | ErrorCode::KeyStore
                | ErrorCode::DatabaseExists
                | ErrorCode::Storage
                // Neither is the user's input: the file broke, or another Nabo is busy.
                | ErrorCode::DatabaseDamaged
                | ErrorCode::DatabaseBusy
                | ErrorCode::WriteFailed
                | ErrorCode::ReadFailed
                | ErrorCode::SchemeInvalid
        )
    }

    /// The input field the error concerns, if one.
    pub fn field(&self) -> Option<String> {
        match self {
            AppError::Invalid(e) => Some(e.field().as_str().to_string()),
            AppError::Duration(_) => Some(Field::Duration.as_str().to_string()),
            AppError::UnreadableDate { field, .. } | AppError::DateOutOfRange { field } => Some((*field).to_string()),
            AppError::InvalidSetting { key, .. } => Some((*key).to_string()),
            AppError::InvalidLiveCalendar { .. } => Some("live_calendar_path".to_string()),
            AppError::LockSecretInvalid { .. } => Some("secret".to_string()),
            AppError::LockWrong { field, .. } => Some((*field).to_string()),
            _ => None,
        }
    }

    /// The values a message about this error needs, by name.
    pub fn args(&self) -> BTreeMap<String, String> {
        let mut args = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            args.insert(k.to_string(), v);
        };
        if let Some(field) = self.field() {
            put("field", field);
        }
        if self.code() == ErrorCode::NoDataFolder {
            put("env", crate::paths::DB_ENV_VAR.to_string());
        }
        if self.code() == ErrorCode::DateOutOfRange {
            put("first", PLANNING_YEARS.start().to_string());
            put("last", PLANNING_YEARS.end().to_string());
        }
        match self {
            AppError::Invalid(e) => match e {
                ValidationError::Time { source, .. } => match source {
                    TimeError::Unreadable { input } => put("input", input.clone()),
                    TimeError::InSpringForwardGap { local, gap_start, gap_end } => {
                        put("date", local.naive().format("%Y-%m-%d").to_string());
                        put("time", local.naive().format("%H:%M").to_string());
                        put("gap_start", gap_start.clone());
                        put("gap_end", gap_end.clone());
                    }
                    // The years are put above, for every DateOutOfRange.
                    TimeError::OutOfRange => {}
                },
                ValidationError::EndNotAfterStart { start, end } => {
                    put("start", start.to_string());
                    put("end", end.to_string());
                }
                ValidationError::TooLong { kind, minutes, max_minutes } => {
                    put("kind", kind.as_str().to_string());
                    put("minutes", minutes.to_string());
                    put("max", max_minutes.to_string());
                }
                ValidationError::Missing { kind, .. } | ValidationError::NotForKind { kind, .. } => {
                    put("kind", kind.as_str().to_string());
                }
                ValidationError::Text(TextError::TooLong { chars, max, .. }) => {
                    put("chars", chars.to_string());
                    put("max", max.to_string());
                }
                // The code point and its kind only: the text itself never goes into an error.
                ValidationError::Text(TextError::Character { character, kind, .. }) => {
                    put("code_point", code_point(*character));
                    put("char_kind", kind.as_str().to_string());
                }
                ValidationError::Text(TextError::NotAPseudonym) => {}
                // The kind only: the text itself never goes into an error.
                ValidationError::Text(TextError::PersonalData { kind, .. }) => put("kind", kind.as_str().to_string()),
                ValidationError::ExpectedSize { size, max } => {
                    put("size", size.to_string());
                    put("max", max.to_string());
                }
                ValidationError::Recurrence(r) => match r {
                    RecurrenceError::Unreadable { rule, reason } => {
                        put("rule", rule.clone());
                        put("reason", reason.clone());
                    }
                    RecurrenceError::Unsupported { part } => {
                        put("rule", part.clone());
                        put("reason", format!("{part} is not supported"));
                    }
                    RecurrenceError::TooMany { count, max } => {
                        put("count", count.to_string());
                        put("max", max.to_string());
                    }
                    RecurrenceError::TooLong { until } => put("until", until.clone()),
                    RecurrenceError::InvalidInterval { interval } => put("interval", interval.clone()),
                    RecurrenceError::Empty | RecurrenceError::CountWithUntil | RecurrenceError::UntilOutOfRange => {}
                },
            },
            AppError::Duration(DurationError::Unreadable { input })
            | AppError::Duration(DurationError::NotPositive { input }) => put("input", input.clone()),
            AppError::UnreadableDate { input, .. } => put("input", input.clone()),
            AppError::DateOutOfRange { .. } => {}
            AppError::InvalidRange { from, to, .. } => {
                put("from", from.clone());
                put("to", to.clone());
            }
            AppError::UnknownSetting { key } => put("key", key.clone()),
            AppError::UnreadableSetting { key, expected } => {
                put("key", (*key).to_string());
                put("expected", (*expected).to_string());
            }
            AppError::InvalidSetting { key, value, min, max } => {
                put("key", (*key).to_string());
                put("value", value.clone());
                put("min", min.to_string());
                put("max", max.to_string());
            }
            AppError::InvalidLiveCalendar { path, reason } => {
                put("path", path.clone());
                put("reason", (*reason).to_string());
            }
            AppError::ProtectedTarget { path } => put("path", path.clone()),
            AppError::UnusableTarget { path, reason } => {
                put("path", path.clone());
                put("reason", (*reason).to_string());
            }
            AppError::WriteFailed { path, reason } => {
                put("path", path.clone());
                put("detail", reason.clone());
            }
            AppError::NotAnOccurrence { id, occurrence } => {
                put("id", id.to_string());
                put("occurrence", occurrence.clone());
            }
            AppError::Counts(e) => match e {
                CountsError::UnknownKey { key, scheme } => {
                    put("key", key.clone());
                    put("scheme", scheme.clone());
                }
                CountsError::BadValue { key, value } => {
                    put("key", key.clone());
                    put("value", value.clone());
                    put("max", nabo_core::MAX_COUNT_VALUE.to_string());
                }
                CountsError::NotAnAssignment { position } => put("position", position.to_string()),
                CountsError::Duplicate { key } => put("key", key.clone()),
                CountsError::MissingReached => put("key", "reached".to_string()),
                CountsError::NewAboveReached { new, reached } => {
                    put("key", "new".to_string());
                    put("new", new.to_string());
                    put("reached", reached.to_string());
                }
                CountsError::BreakdownSum { group, sum, reached } => {
                    put("key", group.clone());
                    put("sum", sum.to_string());
                    put("reached", reached.to_string());
                }
                CountsError::TallyAboveReached { key, value, reached } => {
                    put("key", key.clone());
                    put("value", value.to_string());
                    put("reached", reached.to_string());
                }
                CountsError::Implausible { kind, reached, max } => {
                    put("key", "reached".to_string());
                    put("kind", kind.as_str().to_string());
                    put("reached", reached.to_string());
                    put("max", max.to_string());
                }
            },
            AppError::CountsNotAllowed { id, .. } | AppError::OccurrenceRequired { id } => put("id", id.to_string()),
            AppError::HasCounts { target, block } => {
                put("id", target.clone());
                let (reason, status) = match block {
                    CountsBlock::Future => ("future", None),
                    CountsBlock::Cancelled => ("cancelled", None),
                    CountsBlock::NotDone { status } => ("not_done", Some(status.as_str())),
                    CountsBlock::Skipped => ("skipped", None),
                };
                put("reason", reason.to_string());
                put("status", status.unwrap_or("-").to_string());
            }
            AppError::SeriesDropsCounts { id, date } => {
                put("id", id.to_string());
                put("date", date.clone());
            }
            AppError::AmbiguousOccurrence { id, date, originals } => {
                put("id", id.to_string());
                put("date", date.clone());
                put("originals", originals.clone());
            }
            AppError::UnreadablePeriod { input } => put("input", input.clone()),
            AppError::Scheme(e) => put("detail", e.to_string()),
            AppError::ReadFailed { path, reason } => {
                put("path", path.clone());
                put("detail", reason.clone());
            }
            AppError::Import { file, source } => {
                put("path", file.clone());
                match source {
                    ReadError::TooLarge { bytes, max } => {
                        put("megabytes", (bytes.div_ceil(1024 * 1024)).to_string());
                        put("max_megabytes", (max / (1024 * 1024)).to_string());
                    }
                    ReadError::NotICalendar => {}
                    ReadError::NotUtf8 { line } => put("line", line.to_string()),
                    ReadError::Malformed { line, reason } => {
                        put("line", line.to_string());
                        put("reason", reason.clone());
                    }
                    ReadError::Truncated { component, line, uid } => {
                        put("component", component.clone());
                        put("line", line.to_string());
                        put("uid", uid.clone().unwrap_or_else(|| "-".to_string()));
                    }
                    ReadError::EndBeforeStart { uid, line } => {
                        put("uid", uid.clone());
                        put("line", line.to_string());
                    }
                    ReadError::UnknownZone { tzid, uid, line } => {
                        put("tzid", tzid.clone());
                        put("uid", uid.clone());
                        put("line", line.to_string());
                    }
                    ReadError::BadValue { property, value, uid, line } => {
                        put("property", property.clone());
                        put("value", value.clone());
                        put("uid", uid.clone());
                        put("line", line.to_string());
                    }
                    ReadError::BadRule { uid, line, reason } => {
                        put("uid", uid.clone());
                        put("line", line.to_string());
                        put("reason", reason.clone());
                    }
                    ReadError::TooManyOccurrences { max, uid, line } => {
                        put("max", max.to_string());
                        put("uid", uid.clone());
                        put("line", line.to_string());
                    }
                    ReadError::TooMuchRuleWork { max, uid, line } => {
                        put("max", max.to_string());
                        put("uid", uid.clone());
                        put("line", line.to_string());
                    }
                }
            }
            AppError::ImportNotAFile { path, kind } => {
                put("path", path.clone());
                put("kind", (*kind).to_string());
            }
            AppError::NoDataFolder
            | AppError::NoIdentity
            | AppError::CardNeedsName
            | AppError::NotACoordinator
            | AppError::CoordinatorOnly
            | AppError::NoCoordinator => {}
            AppError::Report(e) => {
                put("reason", e.code().to_string());
                for (name, value) in e.args() {
                    put(name, value);
                }
            }
            AppError::UnreadableReportPeriod { input } => put("input", input.clone()),
            AppError::UnknownTarget { id } => put("id", id.to_string()),
            AppError::TargetRefused { reason } => put("reason", (*reason).to_string()),
            AppError::RollupUnsigned { count, first } => {
                put("count", count.to_string());
                put("first", first.clone());
            }
            AppError::NothingToRollUp { period } => put("period", period.clone()),
            AppError::KeyMissing { path } => put("path", path.clone()),
            AppError::KeyStore { reason } => put("reason", reason.clone()),
            AppError::NoKeyStore => {}
            AppError::LockSecretInvalid { reason } => {
                put("reason", (*reason).to_string());
                put("min", crate::app_lock::LOCK_SECRET_MIN.to_string());
                put("max", crate::app_lock::LOCK_SECRET_MAX.to_string());
            }
            AppError::LockWrong { seconds, .. } | AppError::LockWait { seconds } => put("seconds", seconds.to_string()),
            AppError::UnknownVolunteer { name } | AppError::NoOfferedKey { name } => put("name", name.clone()),
            AppError::Card { file, source } => {
                put("file", file.clone());
                put("reason", source.code().to_string());
                // The particulars, in English: a member's name or the parser's words.
                put("detail", source.to_string());
            }
            AppError::NoRandomness { detail } => put("detail", detail.clone()),
            AppError::ReceiptRefused { file, reason } => {
                put("file", file.clone());
                put("reason", (*reason).to_string());
            }
            AppError::Store(e) => match e {
                StoreError::NotFound { what, id } => {
                    put("what", (*what).to_string());
                    put("id", id.to_string());
                }
                StoreError::TooNew { path, found, supported } => {
                    put("path", display(path));
                    put("found", found.to_string());
                    put("supported", supported.to_string());
                }
                StoreError::NotADatabase { path }
                | StoreError::ForeignDatabase { path }
                | StoreError::Missing { path }
                | StoreError::AlreadyExists { path }
                | StoreError::WrongKey { path }
                | StoreError::NotABackup { path } => put("path", display(path)),
                StoreError::BackupDamaged { path, problems } => {
                    put("path", display(path));
                    put("problems", problems.clone());
                }
                other => put("detail", other.to_string()),
            },
        }
        args
    }

    /// The error as the front ends receive it.
    pub fn to_user_error(&self) -> UserError {
        UserError { code: self.code(), field: self.field(), args: self.args() }
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_named_as_serde_names_it() {
        for code in ErrorCode::ALL {
            let serde_name = serde_json::to_value(code).expect("a code serialises");
            assert_eq!(serde_name, serde_json::Value::from(code.as_str()), "{code:?}");
            let back: ErrorCode = serde_json::from_value(serde_name).expect("the name reads back");
            assert_eq!(back, *code);
        }
    }

    #[test]
    fn the_list_holds_each_code_once() {
        let names: std::collections::BTreeSet<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len());
        assert!(ErrorCode::ALL.contains(&ErrorCode::UnusableTarget));
        assert_eq!(ErrorCode::DstGap.as_str(), "dst_gap");
    }
}
