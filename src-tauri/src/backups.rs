//! Backups, restore and "Erase everything" in the window (issue 14): thin commands over
//! nabo-app, and the automatic backups made while the window is open.

use std::path::Path;
use std::time::Duration;

use chrono::Utc;
use nabo_app::{AppError, BackupSettings, BackupStatus, BackupView, EraseReport, Nabo};
use tauri::{AppHandle, Manager, State};

use crate::commands::{service, user, Reply};
use crate::AppState;

/// How long after the start the first automatic backup is looked at, and then how often.
const FIRST_LOOK: Duration = Duration::from_secs(20);
const LOOK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Where automatic backups stand, with the backups in their folder.
#[tauri::command(async)]
pub fn backup_status(state: State<'_, AppState>) -> Reply<BackupStatus> {
    service(&state)?.backup_status().map_err(user)
}

/// Changes how automatic backups are made.
#[tauri::command(async)]
pub fn set_backup_settings(state: State<'_, AppState>, settings: BackupSettings) -> Reply<BackupStatus> {
    let mut nabo = service(&state)?;
    nabo.set_backup_settings(settings).map_err(user)?;
    nabo.backup_status().map_err(user)
}

/// Makes a backup into the backup folder now.
#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> Reply<BackupStatus> {
    let mut nabo = service(&state)?;
    nabo.backup_now(Utc::now()).map_err(user)?;
    nabo.backup_status().map_err(user)
}

/// Writes a backup to a file the user chose; returns its path.
#[tauri::command(async)]
pub fn backup_to(state: State<'_, AppState>, path: String) -> Reply<String> {
    let written = service(&state)?.backup_to(Path::new(&path)).map_err(user)?;
    Ok(written.display().to_string())
}

/// The backups beside the database: what the window offers when the database is damaged or
/// did not open at all.
#[tauri::command(async)]
pub fn startup_backups(state: State<'_, AppState>) -> Reply<Vec<BackupView>> {
    Ok(nabo_app::backups_beside(&state.path))
}

/// Replaces the database with the backup at `path` once it has passed every check; the
/// database as it was is first kept as a backup (when it is sound). Returns how many
/// activities the restored database holds.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> Reply<i64> {
    let from = Path::new(&path);
    let keys = state.keys.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    Nabo::verify_backup(&state.path, from, &keys).map_err(user)?;
    let mut slot = state.nabo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(nabo) = slot.as_mut().filter(|nabo| !nabo.is_damaged()) {
        nabo.backup_now(Utc::now()).map_err(user)?;
    }
    // The database's connection is closed before its file is replaced.
    *slot = None;
    match Nabo::restore_backup(&state.path, from, &keys) {
        Ok(mut restored) => {
            restored.start(state.computer_language, Utc::now()).map_err(user)?;
            let activities = restored.check(Utc::now()).map_err(user)?.activities;
            *slot = Some(restored);
            *state.failure.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
            Ok(activities)
        }
        Err(e) => {
            // Nothing was replaced: the database as it was is opened again.
            *slot = Nabo::open(&state.path, &keys).ok();
            Err(user(e))
        }
    }
}

/// Removes the database, its key, Nabo's backups and the live calendar file; the window then
/// shows what was removed and closes.
#[tauri::command(async)]
pub fn erase_everything(state: State<'_, AppState>) -> Reply<EraseReport> {
    let keys = state.keys.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut slot = state.nabo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // The database's connection is closed before its files are removed.
    *slot = None;
    let report = Nabo::erase_everything(&state.path, &keys).map_err(user)?;
    *state.failure.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) =
        Some(AppError::Store(nabo_app::StoreError::Missing { path: state.path.clone() }).to_user_error());
    Ok(report)
}

/// Closes the window and ends Nabo (after "Erase everything").
#[tauri::command]
pub fn close_app(app: AppHandle) {
    app.exit(0);
}

/// Looks every hour whether an automatic backup is due, and makes it (in a thread of its own,
/// waiting for the database like any command).
pub fn spawn_automatic_backups(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(FIRST_LOOK);
        loop {
            let state = app.state::<AppState>();
            let mut slot = state.nabo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(nabo) = slot.as_mut() {
                // A failed automatic backup (a USB stick pulled out) is tried again at the next look;
                // the settings show when the last one was made.
                let _ = nabo.backup_if_due(Utc::now());
            }
            drop(slot);
            std::thread::sleep(LOOK_EVERY);
        }
    });
}
