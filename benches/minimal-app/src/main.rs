//! A minimal Tauri 2 app: one window showing one static page, no plugins, no commands.
//!
//! It is the reference Nabo is measured against in `docs/BENCHMARKS.md` (package size,
//! start-up time, memory). It uses the workspace's Tauri version and build profiles, so
//! the difference between the two is what Nabo adds.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).unwrap_or_else(|e| {
        eprintln!("minimal-app: could not start the window: {e}");
        std::process::exit(1);
    });
}
