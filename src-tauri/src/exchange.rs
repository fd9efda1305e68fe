//! The commands for the files people hand each other: this Nabo's key and card, the
//! coordinator's card, monthly summaries both ways, and receipts. Each unpacks its arguments,
//! calls nabo-app and returns a view or a [`UserError`].

use std::path::{Path, PathBuf};

use chrono::Utc;
use nabo_app::{
    parse_period, CoordinatorView, KeyView, ReceiptExport, ReceiptReport, SentMonth, SummaryExport,
    SummaryImportReport, SummaryTo, UserError, VolunteerRow,
};
use tauri::State;

use crate::commands::{service, user};
use crate::AppState;

type Reply<T> = Result<T, UserError>;

/// This Nabo's role, name, public key and fingerprint.
#[tauri::command(async)]
pub fn key_view(state: State<'_, AppState>) -> Reply<KeyView> {
    service(&state)?.key_view().map_err(user)
}

/// Writes this Nabo's identity card to `path`.
#[tauri::command(async)]
pub fn export_card(state: State<'_, AppState>, path: String) -> Reply<KeyView> {
    service(&state)?.export_card(Path::new(&path), Utc::now()).map_err(user)
}

/// The coordinator on the card at `path`, read and verified, not yet set.
#[tauri::command(async)]
pub fn read_coordinator_card(state: State<'_, AppState>, path: String) -> Reply<CoordinatorView> {
    service(&state)?.read_coordinator_card(Path::new(&path)).map_err(user)
}

/// Sets the coordinator from her card at `path` (after the user compared the fingerprint).
#[tauri::command(async)]
pub fn set_coordinator(state: State<'_, AppState>, path: String) -> Reply<CoordinatorView> {
    service(&state)?.set_coordinator(Path::new(&path), Utc::now()).map_err(user)
}

/// The coordinator set, if any.
#[tauri::command(async)]
pub fn coordinator(state: State<'_, AppState>) -> Reply<Option<CoordinatorView>> {
    service(&state)?.coordinator().map_err(user)
}

/// Writes the month `period` (`YYYY-MM`) as a summary to `path`: encrypted to the coordinator,
/// or readable by anyone when `plain` (the user confirmed it).
#[tauri::command(async)]
pub fn export_summary(state: State<'_, AppState>, period: String, path: String, plain: bool) -> Reply<SummaryExport> {
    let first = parse_period(&period).map_err(user)?;
    let to = if plain { SummaryTo::Plain } else { SummaryTo::Coordinator };
    service(&state)?.export_summary(first, Path::new(&path), to, Utc::now()).map_err(user)
}

/// The months sent, newest first, marking those changed since.
#[tauri::command(async)]
pub fn sent_months(state: State<'_, AppState>) -> Reply<Vec<SentMonth>> {
    service(&state)?.sent_months().map_err(user)
}

/// Imports summary files (or with `dry_run` says what an import would do), per file.
#[tauri::command(async)]
pub fn import_summaries(state: State<'_, AppState>, paths: Vec<String>, dry_run: bool) -> Reply<SummaryImportReport> {
    let files: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    service(&state)?.import_summaries(&files, dry_run, Utc::now()).map_err(user)
}

/// The volunteers summaries came from, their months and the months missing.
#[tauri::command(async)]
pub fn volunteers(state: State<'_, AppState>) -> Reply<Vec<VolunteerRow>> {
    service(&state)?.volunteer_rows(Utc::now()).map_err(user)
}

/// Accepts the key offered under `name`; returns its fingerprint.
#[tauri::command(async)]
pub fn accept_volunteer_key(state: State<'_, AppState>, name: String) -> Reply<String> {
    service(&state)?.accept_volunteer_key(&name).map_err(user)
}

/// Writes a signed receipt for the volunteer `name` to `path`.
#[tauri::command(async)]
pub fn write_receipt(state: State<'_, AppState>, name: String, path: String) -> Reply<ReceiptExport> {
    service(&state)?.write_receipt(&name, Path::new(&path), Utc::now()).map_err(user)
}

/// Checks the receipt at `path` against the coordinator set and the months sent.
#[tauri::command(async)]
pub fn check_receipt(state: State<'_, AppState>, path: String) -> Reply<ReceiptReport> {
    service(&state)?.check_receipt(Path::new(&path)).map_err(user)
}
