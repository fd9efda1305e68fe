//! Nabo's desktop shell: builds the window and registers thin commands over nabo-app.
//!
//! The database is `NABO_DB` if set, otherwise the OS data directory (the same
//! file the `nabo` CLI uses, by nabo-app's one rule, `database_path`); it is created on
//! first start. The environment and the clock are read here and passed in.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod exchange;
mod reports;

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use nabo_app::{database_path, KeySource, Language, Nabo, UserError, DB_ENV_VAR};

/// What the commands share: the open service, or why it could not be opened.
pub struct AppState {
    /// The database file.
    path: PathBuf,
    /// The service, once the database is open (at start, or by `unlock` with a passphrase).
    nabo: OnceLock<Mutex<Nabo>>,
    /// Why the database did not open at start (shown by the UI; a key it lacked is asked for).
    failure: Mutex<Option<UserError>>,
    /// The computer's language, for when no database could be opened to say the chosen one.
    computer_language: Language,
}

/// Chooses WebKitGTK's classic renderer unless the user chose otherwise.
///
/// The DMA-BUF renderer (the default since WebKitGTK 2.42) gives blank windows on many
/// GPU stacks and is slow without a GPU: measured here under Xvfb, switching a week with
/// 5,000 activities took 300–800 ms with it and 60–100 ms without. Tauri apps commonly
/// ship this default (tauri-apps/tauri#9394); `WEBKIT_DISABLE_DMABUF_RENDERER=0` opts back in.
fn prefer_classic_webkit_renderer() {
    if cfg!(target_os = "linux") && std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // Safe here: called first thing in `main`, before any other thread exists.
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}

fn main() {
    prefer_classic_webkit_renderer();
    let computer_language = Language::from_variables(|k| std::env::var(k).ok());
    let (path, nabo) = match database_path(std::env::var_os(DB_ENV_VAR).map(PathBuf::from)) {
        Ok(path) => {
            let nabo =
                Nabo::open_or_create(&path, &KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok()))
                    .and_then(|mut nabo| {
                        // The start-up routine both front ends run (purges what is past its undo window).
                        nabo.start(computer_language, chrono::Utc::now())?;
                        Ok(nabo)
                    })
                    .map_err(|e| e.to_user_error());
            (path, nabo)
        }
        // No home folder: shown by the UI like a database that cannot be opened.
        Err(e) => (PathBuf::new(), Err(e.to_user_error())),
    };
    let (service, failure) = match nabo {
        Ok(nabo) => (OnceLock::from(Mutex::new(nabo)), None),
        Err(e) => (OnceLock::new(), Some(e)),
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState { path, nabo: service, failure: Mutex::new(failure), computer_language })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::unlock,
            commands::list_activities,
            commands::get_activity,
            commands::plan_activity,
            commands::update_activity,
            commands::move_activity,
            commands::set_status,
            commands::skip_occurrence,
            commands::update_following,
            commands::cancel_activity,
            commands::delete_activity,
            commands::restore_activity,
            commands::suggestions,
            commands::follow_up_draft,
            commands::agenda,
            commands::get_settings,
            commands::save_settings,
            commands::export_ics,
            commands::load_examples,
            commands::remove_examples,
            commands::list_busy,
            commands::import_ics,
            commands::busy_sources,
            commands::remove_busy_source,
            commands::get_scheme,
            commands::counts_form,
            commands::record_counts,
            commands::remove_counts,
            commands::month_stats,
            exchange::key_view,
            exchange::export_card,
            exchange::read_coordinator_card,
            exchange::set_coordinator,
            exchange::coordinator,
            exchange::export_summary,
            exchange::sent_months,
            exchange::import_summaries,
            exchange::volunteers,
            exchange::accept_volunteer_key,
            exchange::write_receipt,
            exchange::check_receipt,
            reports::overview,
            reports::volunteer_grid,
            reports::set_target,
            reports::remove_target,
            reports::export_report,
            reports::save_chart,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("nabo-desktop: could not start the window: {e}");
            std::process::exit(1);
        });
}
