//! Nabo's desktop shell: builds the window and registers thin commands over nabo-app.
//!
//! The database is `NABO_DB` if set, otherwise the OS data directory (the same
//! file the `nabo` CLI uses); it is created on first start.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::PathBuf;
use std::sync::Mutex;

use nabo_app::{default_database_path, Nabo, UserError, DB_ENV_VAR};

/// What the commands share: the open service, or why it could not be opened.
pub struct AppState {
    /// The database file.
    path: PathBuf,
    /// The service, or the error that kept the database from opening (shown by the UI).
    nabo: Result<Mutex<Nabo>, UserError>,
}

fn database_path() -> PathBuf {
    std::env::var_os(DB_ENV_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(default_database_path)
        .unwrap_or_else(|| PathBuf::from("nabo.db"))
}

fn main() {
    let path = database_path();
    let nabo = Nabo::open_or_create(&path)
        .map(Mutex::new)
        .map_err(|e| e.to_user_error());
    tauri::Builder::default()
        .manage(AppState { path, nabo })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_activities,
            commands::plan_activity,
            commands::cancel_activity,
            commands::delete_activity,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("nabo-desktop: could not start the window: {e}");
            std::process::exit(1);
        });
}
