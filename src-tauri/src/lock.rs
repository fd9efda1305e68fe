//! The app lock's commands (issue 14, part 2): its settings, and locking and unlocking the
//! window. Whether the window is locked and the wait after wrong tries are kept here, in the
//! state the commands share, not in the page: a page that skipped the wait, or was reloaded
//! while locked, is still refused. The clock passed in is the monotonic one, which the user
//! cannot set forward to end a wait.

use std::sync::MutexGuard;
use std::time::Instant;

use nabo_app::{LockState, LockView, UserError};
use tauri::State;

use crate::commands::{service, user};
use crate::AppState;

type Reply<T> = Result<T, UserError>;

/// The lock the commands share. Taken after the service, never before (one order: no deadlock).
fn held<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, LockState> {
    state.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The lock's settings, and whether the window is locked now (also after a reload of the page).
#[tauri::command(async)]
pub fn lock_settings(state: State<'_, AppState>) -> Reply<LockView> {
    let nabo = service(&state)?;
    nabo.lock_settings(&held(&state)).map_err(user)
}

/// Turns the lock on or changes it: a new `secret` (`None` keeps the one set) and the idle
/// minutes; once a lock is set, the `current` secret is needed.
#[tauri::command(async)]
pub fn set_lock(
    state: State<'_, AppState>,
    secret: Option<String>,
    idle_minutes: u32,
    current: Option<String>,
) -> Reply<LockView> {
    let mut nabo = service(&state)?;
    nabo.set_lock(&mut held(&state), secret.as_deref(), idle_minutes, current.as_deref(), Instant::now()).map_err(user)
}

/// Turns the lock off, with the `current` secret.
#[tauri::command(async)]
pub fn remove_lock(state: State<'_, AppState>, current: Option<String>) -> Reply<LockView> {
    let mut nabo = service(&state)?;
    nabo.remove_lock(&mut held(&state), current.as_deref(), Instant::now()).map_err(user)
}

/// Locks the window (idle, on demand, after the computer slept), when a lock is set.
#[tauri::command(async)]
pub fn lock_app(state: State<'_, AppState>) -> Reply<LockView> {
    let nabo = service(&state)?;
    nabo.lock_app(&mut held(&state)).map_err(user)
}

/// Unlocks the window with the secret: `lock_wait` while an earlier wrong try's wait runs (the
/// secret is not checked), `lock_wrong` with the next try's wait when it is not the lock's.
#[tauri::command(async)]
pub fn unlock_app(state: State<'_, AppState>, secret: String) -> Reply<LockView> {
    let mut nabo = service(&state)?;
    nabo.unlock_app(&mut held(&state), &secret, Instant::now()).map_err(user)
}
