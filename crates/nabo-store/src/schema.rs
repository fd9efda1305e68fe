//! The schema, as an ordered list of migrations; `PRAGMA user_version` holds how many ran.
//!
//! Never edit a migration that has shipped: add a new one at the end, add a
//! frozen fixture of the previous version under `tests/fixtures/`, and the
//! migration tests check that it upgrades.

use rusqlite_migration::{Migrations, M};

/// Migration 1: the first schema, with a table for everything DESIGN.md names.
const V1: &str = r#"
-- Activities: one row per one-off activity or per series (rrule set).
-- Times are UTC Unix seconds; every activity lives in Europe/Copenhagen.
CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('home_visit', 'group_meeting', 'outreach', 'accompaniment', 'network_meeting')),
    status      TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled', 'no_show')),
    start_utc   INTEGER NOT NULL,
    end_utc     INTEGER NOT NULL,
    area        TEXT,
    household   TEXT,
    venue       TEXT,
    theme       TEXT,
    title       TEXT,
    note        TEXT,
    programme   TEXT CHECK (programme IN ('bydelsmoedre', 'baba')),
    rrule       TEXT,
    sequence    INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_utc INTEGER NOT NULL,
    updated_utc INTEGER NOT NULL,
    CHECK (end_utc > start_utc),
    CHECK (household IS NULL OR kind = 'home_visit')
) STRICT;
CREATE INDEX activities_by_start ON activities (start_utc);

-- Languages used in an activity, in the order given.
CREATE TABLE activity_languages (
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    language    TEXT    NOT NULL,
    PRIMARY KEY (activity_id, position),
    UNIQUE (activity_id, language)
) STRICT;

-- One occurrence of a series skipped (EXDATE) or changed (an override with RECURRENCE-ID).
CREATE TABLE recurrence_exceptions (
    activity_id          INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    occurrence_start_utc INTEGER NOT NULL,
    skipped              INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    start_utc            INTEGER,
    end_utc              INTEGER,
    status               TEXT CHECK (status IN ('planned', 'done', 'cancelled', 'no_show')),
    PRIMARY KEY (activity_id, occurrence_start_utc),
    CHECK (skipped = 1 OR (start_utc IS NOT NULL AND end_utc IS NOT NULL AND end_utc > start_utc))
) STRICT;

-- Anonymised counts recorded on one occurrence: one row per category key.
CREATE TABLE counts (
    activity_id          INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    occurrence_start_utc INTEGER NOT NULL,
    scheme_version       TEXT    NOT NULL,
    key                  TEXT    NOT NULL,
    value                INTEGER NOT NULL CHECK (value >= 0),
    recorded_utc         INTEGER NOT NULL,
    PRIMARY KEY (activity_id, occurrence_start_utc, key)
) STRICT;

-- Who uses this database: exactly one row once `init` has run.
CREATE TABLE identity (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    role         TEXT    NOT NULL CHECK (role IN ('volunteer', 'coordinator')),
    display_name TEXT,
    created_utc  INTEGER NOT NULL
) STRICT;

-- Monthly summaries a coordinator imported; a newer revision supersedes an older one.
CREATE TABLE imported_summaries (
    id            INTEGER PRIMARY KEY,
    volunteer_key BLOB    NOT NULL,
    period        TEXT    NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    file_sha256   TEXT    NOT NULL UNIQUE,
    payload       TEXT    NOT NULL,
    imported_utc  INTEGER NOT NULL,
    UNIQUE (volunteer_key, period, revision)
) STRICT;

-- User settings as key/value text.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
"#;

/// Migration 2: deleted activities kept for undo, example data marked as such, and
/// where a series ends (so range queries need not expand every series).
const V2: &str = r#"
-- Set when the user deletes an activity; the row is purged once the undo window has passed.
ALTER TABLE activities ADD COLUMN deleted_utc INTEGER;
-- 1 for example data loaded at first start, removable in one go.
ALTER TABLE activities ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));
CREATE INDEX activities_deleted ON activities (deleted_utc) WHERE deleted_utc IS NOT NULL;
-- For a series: when its last meeting ends; NULL for a series without end (and for one-offs).
ALTER TABLE activities ADD COLUMN series_end_utc INTEGER;
-- How many people a group meeting usually has.
ALTER TABLE activities ADD COLUMN expected_size INTEGER CHECK (expected_size IS NULL OR expected_size > 0);
CREATE INDEX activities_series ON activities (start_utc) WHERE rrule IS NOT NULL;
"#;

/// Migration 3: other calendars imported as read-only busy time.
const V3: &str = r#"
-- One row per imported calendar, named by its own name (X-WR-CALNAME) or its file's.
CREATE TABLE busy_sources (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    imported_utc INTEGER NOT NULL
) STRICT;
-- One row per imported event or occurrence of a series: only what busy time needs
-- (never a description, location or attendee: they are other people's data).
-- All-day rows keep their local days; start_utc/end_utc are then Copenhagen midnights.
CREATE TABLE busy_times (
    source_id   INTEGER NOT NULL REFERENCES busy_sources (id) ON DELETE CASCADE,
    uid         TEXT    NOT NULL,
    occurrence  TEXT    NOT NULL DEFAULT '',
    title       TEXT    NOT NULL DEFAULT '',
    start_utc   INTEGER NOT NULL,
    end_utc     INTEGER NOT NULL,
    first_day   TEXT,
    until_day   TEXT,
    transparent INTEGER NOT NULL DEFAULT 0 CHECK (transparent IN (0, 1)),
    PRIMARY KEY (source_id, uid, occurrence),
    CHECK (end_utc >= start_utc),
    CHECK ((first_day IS NULL) = (until_day IS NULL))
) STRICT;
CREATE INDEX busy_times_by_start ON busy_times (start_utc);
"#;

/// Migration 4: counts know their month (for the month view's indexed totals), and every
/// later edit of recorded counts is logged (who and when, never what).
const V4: &str = r#"
-- The Copenhagen month (YYYY-MM) of the occurrence the counts belong to. Rows from before v4
-- (none were written by a released Nabo) get the month of their UTC+1 time.
ALTER TABLE counts ADD COLUMN period TEXT NOT NULL DEFAULT '';
UPDATE counts SET period = strftime('%Y-%m', occurrence_start_utc + 3600, 'unixepoch') WHERE period = '';
CREATE INDEX counts_by_period ON counts (period, scheme_version, key, value);
CREATE INDEX activities_examples ON activities (id) WHERE example = 1;
-- One row per change of counts already recorded: who (the role or name of this database's
-- user) and when; what changed is not kept.
CREATE TABLE count_edits (
    activity_id          INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    occurrence_start_utc INTEGER NOT NULL,
    edited_utc           INTEGER NOT NULL,
    editor               TEXT    NOT NULL
) STRICT;
CREATE INDEX count_edits_by_occurrence ON count_edits (activity_id, occurrence_start_utc);
"#;

/// Migration 5: the identity gets its keys (issue 12: signed, encrypted summary files), and
/// one Nabo may be a volunteer and a coordinator at once. SQLite cannot change a CHECK in
/// place, so the one-row table is made again.
const V5: &str = r#"
CREATE TABLE identity_v5 (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    role           TEXT    NOT NULL CHECK (role IN ('volunteer', 'coordinator', 'both')),
    display_name   TEXT,
    created_utc    INTEGER NOT NULL,
    -- The Ed25519 seed this Nabo signs with; made at init, or at first use by an older database.
    signing_key    BLOB    CHECK (signing_key IS NULL OR length(signing_key) = 32),
    -- The age X25519 identity summaries are encrypted to ("AGE-SECRET-KEY-1…"), when it receives them.
    encryption_key TEXT
) STRICT;
INSERT INTO identity_v5 (id, role, display_name, created_utc)
    SELECT id, role, display_name, created_utc FROM identity;
DROP TABLE identity;
ALTER TABLE identity_v5 RENAME TO identity;
-- Monthly summaries this Nabo exported, one row per export: the revision numbers grow, and
-- `content` (a hash of the totals alone) tells when counts changed after the last export.
CREATE TABLE sent_summaries (
    period   TEXT    NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    sha256   BLOB    NOT NULL CHECK (length(sha256) = 32),
    content  BLOB    NOT NULL CHECK (length(content) = 32),
    sent_utc INTEGER NOT NULL,
    PRIMARY KEY (period, revision)
) STRICT;
"#;

/// Migration 6: the coordinator's side of summary files and the volunteer's pinned coordinator.
/// v1's `imported_summaries` (never written before v6) is used as it is: each row one file as
/// imported (its decrypted, verified JSON in `payload`); the highest revision of a volunteer's
/// month counts.
const V6: &str = r#"
-- The volunteers a coordinator received summaries from: each name is pinned to the key of
-- its first summary. A summary under that name with another key is refused and its key kept
-- here as offered, until the coordinator accepts it after comparing fingerprints.
CREATE TABLE volunteers (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    signing_key    BLOB    NOT NULL UNIQUE CHECK (length(signing_key) = 32),
    offered_key    BLOB    CHECK (offered_key IS NULL OR length(offered_key) = 32),
    first_utc      INTEGER NOT NULL
) STRICT;
-- The coordinator a volunteer sends summaries to: her identity card as read (signed JSON),
-- with its key pinned; receipts are verified against it.
CREATE TABLE coordinator (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    card        TEXT    NOT NULL,
    signing_key BLOB    NOT NULL CHECK (length(signing_key) = 32),
    set_utc     INTEGER NOT NULL
) STRICT;
"#;

/// Migration 7: the coordinator's reports and targets (issue 13). Each imported summary's
/// totals in a form the reports read without parsing its JSON (filled for the summaries
/// imported before by [`crate::totals::fill_summary_totals`], run as this migration's hook), the
/// summary's signature kept (a roll-up carries the signed summary on), the targets she sets
/// and the roll-ups imported and sent.
const V7: &str = r#"
-- One row per line of the summary that counts for a volunteer's month (its highest revision):
-- the month's totals, one per kind that has any, one per area. The volunteer's key and the
-- revision are repeated here so that the overview never reads the summaries' rows (their JSON
-- makes each span pages). `vals` holds every key of the summary's
-- scheme in the scheme's order, four bytes each, little-endian.
CREATE TABLE summary_totals (
    summary_id    INTEGER NOT NULL REFERENCES imported_summaries (id) ON DELETE CASCADE,
    volunteer_key BLOB    NOT NULL CHECK (length(volunteer_key) = 32),
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    period     TEXT    NOT NULL,
    breakdown  TEXT    NOT NULL CHECK (breakdown IN ('month', 'kind', 'area')),
    label      TEXT,
    held       INTEGER NOT NULL CHECK (held >= 0),
    cancelled  INTEGER NOT NULL CHECK (cancelled >= 0),
    scheme     TEXT    NOT NULL,
    vals       BLOB    NOT NULL
) STRICT;
CREATE INDEX summary_totals_by_period ON summary_totals (breakdown, period);
CREATE INDEX summary_totals_of_summary ON summary_totals (summary_id);
-- From version 7 on, `payload` is the canonical JSON (RFC 8785) the volunteer's signature
-- covers and `signature` that signature: together the signed summary again (a roll-up
-- carries it on), and a summary carried in a roll-up and the volunteer's own file are the
-- same when their signatures are. Rows from before keep their payload, `signature` NULL.
ALTER TABLE imported_summaries ADD COLUMN signature TEXT;
-- Roll-ups a national coordinator imported: each coordinator's period by revision. The
-- summaries they carry are stored as imported summaries.
CREATE TABLE imported_rollups (
    id              INTEGER PRIMARY KEY,
    coordinator_key BLOB    NOT NULL CHECK (length(coordinator_key) = 32),
    period          TEXT    NOT NULL,
    revision        INTEGER NOT NULL CHECK (revision >= 1),
    file_sha256     TEXT    NOT NULL UNIQUE,
    imported_utc    INTEGER NOT NULL,
    UNIQUE (coordinator_key, period, revision)
) STRICT;
-- Roll-ups this coordinator exported, one row per export: the revision numbers grow.
CREATE TABLE sent_rollups (
    period   TEXT    NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    sha256   BLOB    NOT NULL CHECK (length(sha256) = 32),
    sent_utc INTEGER NOT NULL,
    PRIMARY KEY (period, revision)
) STRICT;
-- A coordinator's targets: a count or a share (in hundredths of a per cent, of `share_of`) of
-- a measure over a month, quarter or year.
CREATE TABLE targets (
    id          INTEGER PRIMARY KEY,
    measure     TEXT    NOT NULL,
    period      TEXT    NOT NULL,
    goal_count  INTEGER CHECK (goal_count IS NULL OR goal_count >= 0),
    goal_share  INTEGER CHECK (goal_share IS NULL OR goal_share BETWEEN 0 AND 10000),
    share_of    TEXT,
    created_utc INTEGER NOT NULL,
    CHECK ((goal_count IS NULL) <> (goal_share IS NULL)),
    CHECK ((goal_share IS NULL) = (share_of IS NULL))
) STRICT;
"#;

/// Version 8: the sums of the summaries that count, per month and line (the month, a kind, an
/// area, an area's kind), kept up to date at each import so the overview and the reports read
/// a few hundred rows instead of every summary's lines; filled from the summaries imported
/// before by [`crate::totals::fill_month_sums`], this migration's hook.
const V8: &str = r#"
-- One row per month, breakdown, kind, area and scheme: how many summaries are summed in it
-- (a row whose last summary is taken out is removed), of which `older` are format 1 (no
-- lines by area and kind), the activities held and called off, and `sums`: every key of the
-- scheme in its order, eight bytes each, little-endian.
CREATE TABLE month_sums (
    period    TEXT    NOT NULL,
    breakdown TEXT    NOT NULL CHECK (breakdown IN ('month', 'kind', 'area', 'area_kind')),
    kind      TEXT,
    area      TEXT CHECK (area IS NULL OR area <> ''),
    scheme    TEXT    NOT NULL,
    summaries INTEGER NOT NULL CHECK (summaries >= 1),
    older     INTEGER NOT NULL CHECK (older BETWEEN 0 AND summaries),
    held      INTEGER NOT NULL CHECK (held >= 0),
    cancelled INTEGER NOT NULL CHECK (cancelled >= 0),
    sums      BLOB    NOT NULL
) STRICT;
CREATE UNIQUE INDEX month_sums_line
    ON month_sums (period, breakdown, ifnull(kind, ''), ifnull(area, ''), scheme);
"#;

/// Every migration, oldest first.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up_with_hook(V7, |tx: &rusqlite::Transaction<'_>| {
            crate::totals::fill_summary_totals(crate::db::Db::new(tx))
                .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
        }),
        M::up_with_hook(V8, |tx: &rusqlite::Transaction<'_>| {
            crate::totals::fill_month_sums(crate::db::Db::new(tx))
                .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
        }),
    ])
}

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_match_the_version() {
        assert!(migrations().validate().is_ok());
        let mut conn = rusqlite::Connection::open_in_memory().expect("in-memory db");
        migrations().to_latest(&mut conn).expect("migrates");
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("user_version");
        assert_eq!(version, SCHEMA_VERSION);
    }
}
