//! Generates the Tauri context (config, icons, the static page) at build time.

fn main() {
    tauri_build::build();
}
