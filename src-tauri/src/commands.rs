//! The commands the UI may invoke: each unpacks its arguments, calls nabo-app, and
//! returns a view or a [`UserError`] (code, field, args) — never a bare string.
//!
//! Every command that reads or writes the database is `#[tauri::command(async)]`: Tauri runs
//! a plain command on the main thread, the one that also takes the page's other requests and
//! shows its frames, so each query held up the window while it ran (benches/latency.sh). On
//! the async runtime's threads they wait for one another only at the service's lock.

use std::collections::BTreeMap;
use std::sync::MutexGuard;

use chrono::Utc;
use nabo_app::{
    parse_date, parse_period, today_in_copenhagen, ActivityId, ActivityStatus, ActivityView, Agenda, AppError, AppInfo,
    BusySourceView, BusyView, Changed, CountsForm, Detail, ExportOptions, ImportReport, Localizer, MonthStats, Nabo,
    PlanOutcome, PlanRequest, RecordOutcome, SchemeView, Settings, SuggestionField, UserError,
};
use tauri::State;

use crate::AppState;

pub(crate) type Reply<T> = Result<T, UserError>;

/// The open service, held for one command.
pub(crate) struct Service<'a>(MutexGuard<'a, Option<Nabo>>);

impl std::ops::Deref for Service<'_> {
    type Target = Nabo;
    fn deref(&self) -> &Nabo {
        // `service` makes a `Service` only of a slot that holds one, and holds its lock.
        self.0.as_ref().unwrap_or_else(|| unreachable!("a Service is made only of an open Nabo"))
    }
}

impl std::ops::DerefMut for Service<'_> {
    fn deref_mut(&mut self) -> &mut Nabo {
        self.0.as_mut().unwrap_or_else(|| unreachable!("a Service is made only of an open Nabo"))
    }
}

pub(crate) fn service<'a>(state: &'a State<'_, AppState>) -> Reply<Service<'a>> {
    // A poisoned lock means an earlier command panicked mid-way; SQLite's transaction
    // already rolled back, so the service is still consistent and safe to use.
    let slot = state.nabo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if slot.is_some() {
        Ok(Service(slot))
    } else {
        drop(slot);
        Err(startup_failure(state))
    }
}

/// Why the database is not open.
fn startup_failure(state: &State<'_, AppState>) -> UserError {
    let failure = state.failure.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    failure.clone().unwrap_or_else(|| AppError::NoKeyStore.to_user_error())
}

/// Opens the database with a passphrase, where there is no key store to hold its key (or the
/// key store has none): a new database is made with it, an existing one must open with it.
/// Argon2id makes each try take a fifth of a second or so; a wrong one is `wrong_key`.
#[tauri::command(async)]
pub fn unlock(state: State<'_, AppState>, passphrase: String) -> Reply<()> {
    if state.nabo.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).is_some() {
        return Ok(());
    }
    if passphrase.is_empty() {
        return Err(AppError::NoKeyStore.to_user_error());
    }
    let keys = nabo_app::KeySource::from_passphrase(Some(passphrase));
    let mut nabo = Nabo::open_or_create(&state.path, &keys).map_err(user)?;
    let notices = nabo.start(state.computer_language, Utc::now()).map_err(user)?.notices;
    let _ = nabo.is_damaged();
    // The app lock's wrong tries carry over; the window itself is open: its passphrase was just typed.
    let lock = nabo.lock_state_at_start(std::time::Instant::now()).unwrap_or_default().unlocked();
    // Another call's unlock may have come first: then this one is dropped, and that is fine.
    let mut slot = state.nabo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if slot.is_none() {
        *slot = Some(nabo);
        *state.keys.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = keys;
        *state.start_notices.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = notices;
        *state.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = lock;
    }
    drop(slot);
    *state.failure.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    Ok(())
}

pub(crate) fn user(e: AppError) -> UserError {
    e.to_user_error()
}

/// Facts the UI needs at start: database path, today in Copenhagen, language.
#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    let (language, damaged, open) = match service(&state) {
        Ok(nabo) => (nabo.language(), nabo.is_damaged(), true),
        Err(_) => (state.computer_language, false, false),
    };
    // Said once: a reload of the page does not repeat them.
    let notices = std::mem::take(&mut *state.start_notices.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    Ok(AppInfo {
        damaged,
        notices,
        new_database: !open && std::fs::metadata(&state.path).map_or(true, |m| m.len() == 0),
        database_path: state.path.display().to_string(),
        today: today_in_copenhagen(Utc::now()).to_string(),
        language: language.code().to_string(),
    })
}

/// Activities on the days `from` to `to` (YYYY-MM-DD, both included).
#[tauri::command(async)]
pub fn list_activities(state: State<'_, AppState>, from: String, to: String) -> Reply<Vec<ActivityView>> {
    let from = parse_date("from", &from).map_err(user)?;
    let to = parse_date("to", &to).map_err(user)?;
    service(&state)?.list(from, to).map_err(user)
}

/// One activity.
#[tauri::command(async)]
pub fn get_activity(state: State<'_, AppState>, id: i64) -> Reply<ActivityView> {
    service(&state)?.get(ActivityId(id)).map_err(user)
}

/// Plans an activity; clashes come back in the outcome.
#[tauri::command(async)]
pub fn plan_activity(state: State<'_, AppState>, request: PlanRequest) -> Reply<PlanOutcome> {
    service(&state)?.plan(request, Utc::now()).map_err(user)
}

/// Replaces an activity's details.
#[tauri::command(async)]
pub fn update_activity(state: State<'_, AppState>, id: i64, request: PlanRequest) -> Reply<PlanOutcome> {
    service(&state)?.update(ActivityId(id), request, Utc::now()).map_err(user)
}

/// Moves an activity, or with `occurrence` one meeting of a series, to new wall-clock times
/// (`YYYY-MM-DDTHH:MM`), as a drag in the calendar does.
#[tauri::command(async)]
pub fn move_activity(
    state: State<'_, AppState>,
    id: i64,
    occurrence: Option<String>,
    start: String,
    end: String,
) -> Reply<PlanOutcome> {
    service(&state)?.move_to(ActivityId(id), occurrence.as_deref(), &start, &end, Utc::now()).map_err(user)
}

/// Marks an activity, a series, or with `occurrence` one meeting of a series.
#[tauri::command(async)]
pub fn set_status(
    state: State<'_, AppState>,
    id: i64,
    occurrence: Option<String>,
    status: ActivityStatus,
) -> Reply<Changed<ActivityView>> {
    service(&state)?.set_status(ActivityId(id), occurrence.as_deref(), status, Utc::now()).map_err(user)
}

/// Takes one meeting out of a series.
#[tauri::command(async)]
pub fn skip_occurrence(state: State<'_, AppState>, id: i64, occurrence: String) -> Reply<Changed<()>> {
    service(&state)?.skip_occurrence(ActivityId(id), &occurrence, Utc::now()).map_err(user)
}

/// Changes one meeting of a series and all after it (the series is split there).
#[tauri::command(async)]
pub fn update_following(
    state: State<'_, AppState>,
    id: i64,
    occurrence: String,
    request: PlanRequest,
) -> Reply<PlanOutcome> {
    service(&state)?.update_following(ActivityId(id), &occurrence, request, Utc::now()).map_err(user)
}

/// Cancels an activity.
#[tauri::command(async)]
pub fn cancel_activity(state: State<'_, AppState>, id: i64) -> Reply<Changed<ActivityView>> {
    service(&state)?.cancel(ActivityId(id), Utc::now()).map_err(user)
}

/// Deletes an activity; `restore_activity` undoes it for a few minutes.
#[tauri::command(async)]
pub fn delete_activity(state: State<'_, AppState>, id: i64) -> Reply<Changed<()>> {
    service(&state)?.delete(ActivityId(id), Utc::now()).map_err(user)
}

/// Undoes a recent delete.
#[tauri::command(async)]
pub fn restore_activity(state: State<'_, AppState>, id: i64) -> Reply<Changed<ActivityView>> {
    service(&state)?.restore(ActivityId(id), Utc::now()).map_err(user)
}

/// Values typed before in a text field.
#[tauri::command(async)]
pub fn suggestions(state: State<'_, AppState>, field: SuggestionField, prefix: String) -> Reply<Vec<String>> {
    service(&state)?.suggestions(field, &prefix).map_err(user)
}

/// A follow-up visit to plan after `id`.
#[tauri::command(async)]
pub fn follow_up_draft(state: State<'_, AppState>, id: i64) -> Reply<PlanRequest> {
    service(&state)?.follow_up_draft(ActivityId(id)).map_err(user)
}

/// Overdue and upcoming planned activities; at most `overdue_limit` overdue ones.
#[tauri::command(async)]
pub fn agenda(state: State<'_, AppState>, overdue_limit: Option<usize>) -> Reply<Agenda> {
    service(&state)?.agenda(Utc::now(), overdue_limit).map_err(user)
}

/// The user's settings.
#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    service(&state)?.settings().map_err(user)
}

/// Saves the user's settings.
#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Changed<Settings>> {
    service(&state)?.save_settings(settings, Utc::now()).map_err(user)
}

/// Writes the calendar to a file the user chose; returns how many activities it holds.
#[tauri::command(async)]
pub fn export_ics(
    state: State<'_, AppState>,
    path: String,
    detail: Detail,
    alarm_minutes: Option<u32>,
) -> Reply<usize> {
    let nabo = service(&state)?;
    let language = nabo.language();
    let options = ExportOptions { detail, alarm_minutes, ..ExportOptions::default() };
    nabo.export_ics_to(std::path::Path::new(&path), &options, &Localizer::new(language), Utc::now()).map_err(user)
}

/// Loads example activities for this and next week.
#[tauri::command(async)]
pub fn load_examples(state: State<'_, AppState>) -> Reply<usize> {
    service(&state)?.load_examples(Utc::now()).map_err(user)
}

/// Removes all example activities.
#[tauri::command(async)]
pub fn remove_examples(state: State<'_, AppState>) -> Reply<usize> {
    service(&state)?.remove_examples().map_err(user)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nabo_app::StoreError;

    /// What the UI receives for a refused plan: a typed object, not a string.
    #[test]
    fn errors_serialise_as_code_field_and_args() {
        let err = AppError::from(StoreError::NotFound { what: "activity", id: 7 }).to_user_error();
        let json = serde_json::to_value(&err).expect("serialises");
        assert_eq!(json["code"], "not_found");
        assert_eq!(json["args"]["id"], "7");
        assert!(json["field"].is_null());
    }
}

/// Busy time from imported calendars on the days `from` to `to` (YYYY-MM-DD, both included).
#[tauri::command(async)]
pub fn list_busy(state: State<'_, AppState>, from: String, to: String) -> Reply<Vec<BusyView>> {
    let from = parse_date("from", &from).map_err(user)?;
    let to = parse_date("to", &to).map_err(user)?;
    service(&state)?.busy(from, to).map_err(user)
}

/// Imports (or with `dryRun` only compares) an `.ics` file the user chose or dropped on the window.
#[tauri::command(async)]
pub fn import_ics(
    state: State<'_, AppState>,
    path: String,
    name: Option<String>,
    dry_run: bool,
) -> Reply<ImportReport> {
    service(&state)?.import_ics(std::path::Path::new(&path), name.as_deref(), dry_run, Utc::now()).map_err(user)
}

/// The imported calendars.
#[tauri::command(async)]
pub fn busy_sources(state: State<'_, AppState>) -> Reply<Vec<BusySourceView>> {
    service(&state)?.busy_sources().map_err(user)
}

/// Removes an imported calendar and its busy time; false if none had that name.
#[tauri::command(async)]
pub fn remove_busy_source(state: State<'_, AppState>, name: String) -> Reply<bool> {
    service(&state)?.remove_busy_source(&name).map_err(user)
}

/// The category scheme counts are recorded with.
#[tauri::command(async)]
pub fn get_scheme(state: State<'_, AppState>) -> Reply<SchemeView> {
    service(&state)?.scheme().map_err(user)
}

/// What the counts form of an activity (or one meeting of a series) starts from.
#[tauri::command(async)]
pub fn counts_form(state: State<'_, AppState>, id: i64, occurrence: Option<String>) -> Reply<CountsForm> {
    service(&state)?.counts_form(ActivityId(id), occurrence.as_deref()).map_err(user)
}

/// Records counts on an activity that took place (marks it done); a correction is logged.
#[tauri::command(async)]
pub fn record_counts(
    state: State<'_, AppState>,
    id: i64,
    occurrence: Option<String>,
    counts: BTreeMap<String, u32>,
) -> Reply<Changed<RecordOutcome>> {
    service(&state)?.record(ActivityId(id), occurrence.as_deref(), &counts, Utc::now()).map_err(user)
}

/// Removes the counts recorded on an activity (or one meeting); it stays done. False if it had none.
#[tauri::command(async)]
pub fn remove_counts(state: State<'_, AppState>, id: i64, occurrence: Option<String>) -> Reply<Changed<bool>> {
    service(&state)?.remove_counts(ActivityId(id), occurrence.as_deref(), Utc::now()).map_err(user)
}

/// The volunteer's month (`YYYY-MM`): activities by kind and status, and the counts' totals.
#[tauri::command(async)]
pub fn month_stats(state: State<'_, AppState>, period: String) -> Reply<MonthStats> {
    let first = parse_period(&period).map_err(user)?;
    service(&state)?.month_stats(first).map_err(user)
}
