//! The commands of the coordinator's overview: the overview of a period, targets, a report
//! written to a file, and a chart saved as an image.

use std::path::Path;

use chrono::Utc;
use nabo_app::{
    write_file, GridVolunteer, Localizer, OverviewView, ReportExport, ReportFormat, ReportRequest, TargetGoal,
    TargetView, UserError,
};
use tauri::State;

use crate::commands::{service, user};
use crate::AppState;

type Reply<T> = Result<T, UserError>;

/// The largest chart image saved (a PNG of a wide chart is a few hundred KiB).
const MAX_CHART_BYTES: usize = 8 * 1024 * 1024;

/// The overview of `period` (`YYYY`, `YYYY-Qn` or `YYYY-MM`).
#[tauri::command(async)]
pub fn overview(state: State<'_, AppState>, period: String) -> Reply<OverviewView> {
    service(&state)?.overview(&period, Utc::now()).map_err(user)
}

/// The volunteers × months grid of `period`.
#[tauri::command(async)]
pub fn volunteer_grid(state: State<'_, AppState>, period: String) -> Reply<Vec<GridVolunteer>> {
    service(&state)?.volunteer_grid(&period, Utc::now()).map_err(user)
}

/// Sets a target; returns it with its progress.
#[tauri::command(async)]
pub fn set_target(state: State<'_, AppState>, measure: String, period: String, goal: TargetGoal) -> Reply<TargetView> {
    service(&state)?.set_target(&measure, &period, &goal, Utc::now()).map_err(user)
}

/// Removes a target.
#[tauri::command(async)]
pub fn remove_target(state: State<'_, AppState>, id: i64) -> Reply<()> {
    service(&state)?.remove_target(id).map_err(user)
}

/// Writes the report `request` asks for to `path`, in the app's language.
#[tauri::command(async)]
pub fn export_report(
    state: State<'_, AppState>,
    request: ReportRequest,
    format: ReportFormat,
    path: String,
) -> Reply<ReportExport> {
    let nabo = service(&state)?;
    let words = Localizer::new(nabo.language());
    nabo.export_report(&request, format, Path::new(&path), &words).map_err(user)
}

/// Saves a chart as the user chose: `png` (base64 of the canvas's PNG) or `svg` (its text).
/// Only an image is written: anything else the page sends is refused.
#[tauri::command(async)]
pub fn save_chart(state: State<'_, AppState>, path: String, kind: String, data: String) -> Reply<()> {
    use base64::Engine as _;
    let refused =
        |reason: &str| user(nabo_app::AppError::WriteFailed { path: path.clone(), reason: reason.to_string() });
    let bytes = match kind.as_str() {
        "png" => {
            let bytes =
                base64::engine::general_purpose::STANDARD.decode(data.as_bytes()).map_err(|_| refused("not base64"))?;
            if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
                return Err(refused("not a PNG image"));
            }
            bytes
        }
        "svg" if data.starts_with("<svg") && data.trim_end().ends_with("</svg>") => data.into_bytes(),
        _ => return Err(refused("not an image")),
    };
    if bytes.len() > MAX_CHART_BYTES {
        return Err(refused("too large"));
    }
    let nabo = service(&state)?;
    write_file(Path::new(&path), &bytes, &nabo.protected_files()).map_err(user)
}
