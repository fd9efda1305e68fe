//! Nabo's desktop shell: builds the window and registers thin commands over nabo-app.
//!
//! The database is `NABO_DB` if set, otherwise the OS data directory (the same
//! file the `nabo` CLI uses, by nabo-app's one rule, `database_path`); it is created on
//! first start. The environment and the clock are read here and passed in.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod backups;
mod commands;
mod exchange;
mod lock;
mod reports;

use std::path::PathBuf;
use std::sync::Mutex;

use nabo_app::{database_path, KeySource, Language, Nabo, UserError, DB_ENV_VAR};

/// What the commands share: the open service, or why it could not be opened.
pub struct AppState {
    /// The database file.
    path: PathBuf,
    /// The service, once the database is open (at start, or by `unlock` with a passphrase);
    /// none again while a restore replaces the file, and after "Erase everything".
    nabo: Mutex<Option<Nabo>>,
    /// Where the database's key comes from (the key store, or the passphrase it was unlocked
    /// with): a restore needs it for the backup.
    keys: Mutex<KeySource>,
    /// What the start-up routine had to say (code names and notes erased), for the window.
    start_notices: Mutex<Vec<nabo_app::NoticeView>>,
    /// Why the database did not open at start (shown by the UI; a key it lacked is asked for).
    failure: Mutex<Option<UserError>>,
    /// The computer's language, for when no database could be opened to say the chosen one.
    computer_language: Language,
    /// The app lock: whether the window is locked, and the wrong tries that make the next wait
    /// (issue 14; `lock.rs`).
    lock: Mutex<nabo_app::LockState>,
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
    let keys = KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok());
    let mut start_notices = Vec::new();
    let (path, nabo) = match database_path(std::env::var_os(DB_ENV_VAR).map(PathBuf::from)) {
        Ok(path) => {
            let nabo = Nabo::open_or_create(&path, &keys)
                .and_then(|mut nabo| {
                    // The start-up routine both front ends run (purges what is past its undo
                    // window, erases code names and notes past their time).
                    start_notices = nabo.start(computer_language, chrono::Utc::now())?.notices;
                    // The quick check at start (issue 14): a damaged database is shown as such,
                    // with the newest backup offered, instead of failing at the first change.
                    let _ = nabo.is_damaged();
                    Ok(nabo)
                })
                .map_err(|e| e.to_user_error());
            (path, nabo)
        }
        // No home folder: shown by the UI like a database that cannot be opened.
        Err(e) => (PathBuf::new(), Err(e.to_user_error())),
    };
    let (service, failure, lock) = match nabo {
        Ok(nabo) => {
            // Locked at start when a lock is set: closing and opening Nabo is no way past it. A
            // database whose settings cannot be read shows nothing to hide.
            let lock = nabo.lock_state_at_start(std::time::Instant::now()).unwrap_or_default();
            (Some(nabo), None, lock)
        }
        Err(e) => (None, Some(e), Default::default()),
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            path,
            nabo: Mutex::new(service),
            keys: Mutex::new(keys),
            start_notices: Mutex::new(start_notices),
            failure: Mutex::new(failure),
            computer_language,
            lock: Mutex::new(lock),
        })
        .setup(|app| {
            backups::spawn_automatic_backups(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::unlock,
            lock::lock_settings,
            lock::set_lock,
            lock::remove_lock,
            lock::lock_app,
            lock::unlock_app,
            backups::backup_status,
            backups::set_backup_settings,
            backups::backup_now,
            backups::backup_to,
            backups::startup_backups,
            backups::restore_backup,
            backups::erase_everything,
            backups::close_app,
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
