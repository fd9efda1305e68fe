//! The commands the UI may invoke: each unpacks its arguments, calls nabo-app, and
//! returns a view or a [`UserError`] (code, field, args) — never a bare string.

use std::sync::MutexGuard;

use chrono::Utc;
use nabo_app::{
    parse_date, today_in_copenhagen, ActivityId, ActivityView, AppError, AppInfo, Language, Nabo,
    PlanOutcome, PlanRequest, UserError,
};
use tauri::State;

use crate::AppState;

type Reply<T> = Result<T, UserError>;

fn service<'a>(state: &'a State<'_, AppState>) -> Reply<MutexGuard<'a, Nabo>> {
    match &state.nabo {
        // A poisoned lock means an earlier command panicked mid-way; SQLite's transaction
        // already rolled back, so the service is still consistent and safe to use.
        Ok(lock) => Ok(lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())),
        Err(e) => Err(e.clone()),
    }
}

fn user(e: AppError) -> UserError {
    e.to_user_error()
}

/// Facts the UI needs at start: database path, today in Copenhagen, language.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    Ok(AppInfo {
        database_path: state.path.display().to_string(),
        today: today_in_copenhagen(Utc::now()).to_string(),
        language: Language::from_environment().code().to_string(),
    })
}

/// Activities on the days `from` to `to` (YYYY-MM-DD, both included).
#[tauri::command]
pub fn list_activities(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Reply<Vec<ActivityView>> {
    let from = parse_date("from", &from).map_err(user)?;
    let to = parse_date("to", &to).map_err(user)?;
    service(&state)?.list(from, to).map_err(user)
}

/// Plans an activity; clashes come back in the outcome.
#[tauri::command]
pub fn plan_activity(state: State<'_, AppState>, request: PlanRequest) -> Reply<PlanOutcome> {
    service(&state)?.plan(request, Utc::now()).map_err(user)
}

/// Cancels an activity.
#[tauri::command]
pub fn cancel_activity(state: State<'_, AppState>, id: i64) -> Reply<ActivityView> {
    service(&state)?
        .cancel(ActivityId(id), Utc::now())
        .map_err(user)
}

/// Deletes an activity.
#[tauri::command]
pub fn delete_activity(state: State<'_, AppState>, id: i64) -> Reply<()> {
    service(&state)?.delete(ActivityId(id)).map_err(user)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nabo_app::StoreError;

    /// What the UI receives for a refused plan: a typed object, not a string.
    #[test]
    fn errors_serialise_as_code_field_and_args() {
        let err = AppError::from(StoreError::NotFound {
            what: "activity",
            id: 7,
        })
        .to_user_error();
        let json = serde_json::to_value(&err).expect("serialises");
        assert_eq!(json["code"], "not_found");
        assert_eq!(json["args"]["id"], "7");
        assert!(json["field"].is_null());
    }
}
