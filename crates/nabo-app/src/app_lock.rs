//! The app lock (issue 14, part 2): an optional PIN or passphrase that the window asks for
//! after some idle minutes, on demand, after the computer slept, and when Nabo starts.
//!
//! It is a curtain, not a safe: while the window is locked the database stays open and its key
//! stays in memory; what the lock hides is the screen (docs/SECURITY.md). The secret is kept
//! only as an Argon2id hash (a PHC string) in the settings table. Wrong tries slow down: the
//! first [`FREE_TRIES`] in a row are checked at once, after them each try waits
//! ([`wait_after`]), and a try during the wait is refused before it is even checked. The
//! adapter keeps a [`LockState`] between its commands and passes a monotonic `now` in (a clock
//! the user can set would let the wait be skipped); the count of wrong tries is also stored, so
//! that closing and reopening Nabo does not start it again.

use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use nabo_store::{get_setting, set_setting, Db, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::AppError;
use crate::service::Nabo;

/// The settings key of the secret's Argon2id hash; absent or empty: no lock.
const HASH_KEY: &str = "lock.hash";
/// The settings key of the idle minutes.
const IDLE_KEY: &str = "lock.idle_minutes";
/// The settings key of the wrong tries in a row, kept across restarts.
const FAILURES_KEY: &str = "lock.failures";

/// The idle minutes when the lock is turned on without other words.
pub const LOCK_IDLE_DEFAULT: u32 = 5;
/// The fewest idle minutes before the window locks.
pub const LOCK_IDLE_MIN: u32 = 1;
/// The most idle minutes before the window locks (4 hours).
pub const LOCK_IDLE_MAX: u32 = 240;
/// The shortest secret, in characters: a PIN of 4 digits or more, or a passphrase.
pub const LOCK_SECRET_MIN: usize = 4;
/// The longest secret, in characters.
pub const LOCK_SECRET_MAX: usize = 128;
/// Wrong tries in a row that are checked without a wait.
pub const FREE_TRIES: u32 = 3;
/// The wait after the first [`FREE_TRIES`] wrong tries; it doubles with each further one.
pub const FIRST_WAIT: Duration = Duration::from_secs(5);
/// The longest wait between two tries.
pub const MAX_WAIT: Duration = Duration::from_secs(5 * 60);

/// Argon2id's cost for the lock's secret: 19 MiB, 2 passes, 1 lane (OWASP's minimum; about
/// 50 ms here), less than the database key's 64 MiB × 3. The hash lives inside the encrypted
/// database, so whoever can read it can already read all the lock hides: it is hashed so that a
/// PIN used elsewhere too is not kept in clear, and the wait between tries, not the hash's
/// cost, is what slows guessing at the window. Each hash names its parameters, so they can
/// change later without a migration.
const LOCK_MEMORY_KIB: u32 = 19 * 1024;
const LOCK_PASSES: u32 = 2;
const LOCK_LANES: u32 = 1;

/// The app lock as Settings shows it, and whether the window is locked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LockView {
    /// A PIN or passphrase is set: the window locks after `idle_minutes`, on demand, after the
    /// computer slept, and at start.
    pub enabled: bool,
    /// Idle minutes before the window locks ([`LOCK_IDLE_MIN`] to [`LOCK_IDLE_MAX`]).
    pub idle_minutes: u32,
    /// The window is locked now.
    pub locked: bool,
}

/// The window's lock between two commands: locked or not, and the wrong tries in a row that
/// slow the next one down. The adapter keeps one and passes it to [`Nabo`]'s lock methods.
#[derive(Debug, Clone, Default)]
pub struct LockState {
    locked: bool,
    failures: u32,
    last_failure: Option<Instant>,
}

impl LockState {
    /// The window is locked.
    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// The same state with the window unlocked: for a window just opened with the database's
    /// own passphrase, typed a moment ago and a stronger secret than the lock's.
    pub fn unlocked(mut self) -> Self {
        self.locked = false;
        self
    }

    /// Wrong tries in a row since the last right one.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// How long the next try must still wait at `now`; `None` when it may be checked.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        let until = self.last_failure?.checked_add(wait_after(self.failures)?)?;
        until.checked_duration_since(now).filter(|left| !left.is_zero())
    }

    /// Counts a wrong try at `now`.
    fn failed(&mut self, now: Instant) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure = Some(now);
    }

    /// A right try: the count starts again.
    fn succeeded(&mut self) {
        self.failures = 0;
        self.last_failure = None;
    }
}

/// The wait before the next try after `failures` wrong tries in a row: none for the first
/// [`FREE_TRIES`], then [`FIRST_WAIT`], doubling with each further wrong try, at most
/// [`MAX_WAIT`].
pub fn wait_after(failures: u32) -> Option<Duration> {
    let beyond = failures.checked_sub(FREE_TRIES)?;
    // 2^6 × 5 s is past the cap already: larger shifts need not be computed.
    let factor = 1u32 << beyond.min(16);
    Some(FIRST_WAIT.saturating_mul(factor).min(MAX_WAIT))
}

/// Whole seconds of a wait, rounded up (a wait of 0.2 s is "1 second", not "0").
pub fn wait_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

/// Refuses a secret that is too short, too long or only spaces.
fn check_secret(secret: &str) -> Result<(), AppError> {
    let chars = secret.chars().count();
    let reason = if secret.trim().is_empty() || chars < LOCK_SECRET_MIN {
        "too_short"
    } else if chars > LOCK_SECRET_MAX {
        "too_long"
    } else {
        return Ok(());
    };
    Err(AppError::LockSecretInvalid { reason })
}

fn check_idle(idle_minutes: u32) -> Result<(), AppError> {
    if (LOCK_IDLE_MIN..=LOCK_IDLE_MAX).contains(&idle_minutes) {
        Ok(())
    } else {
        Err(AppError::InvalidSetting {
            key: "lock_idle_minutes",
            value: idle_minutes.to_string(),
            min: i64::from(LOCK_IDLE_MIN),
            max: i64::from(LOCK_IDLE_MAX),
        })
    }
}

fn hasher() -> Result<argon2::Argon2<'static>, AppError> {
    let params = argon2::Params::new(LOCK_MEMORY_KIB, LOCK_PASSES, LOCK_LANES, None).map_err(hash_failed)?;
    Ok(argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params))
}

fn hash_failed(e: impl std::fmt::Display) -> AppError {
    AppError::Store(StoreError::Damaged { what: "app lock", id: 0, detail: e.to_string() })
}

/// The PHC string of `secret` under a new random salt.
fn hash_secret(secret: &str) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| AppError::NoRandomness { detail: e.to_string() })?;
    let salt = SaltString::encode_b64(&salt).map_err(hash_failed)?;
    Ok(hasher()?.hash_password(secret.as_bytes(), &salt).map_err(hash_failed)?.to_string())
}

/// Whether `secret` is the one hashed in `phc` (with the parameters the hash names).
fn verify_secret(secret: &str, phc: &str) -> Result<bool, AppError> {
    let parsed = PasswordHash::new(phc).map_err(hash_failed)?;
    match hasher()?.verify_password(secret.as_bytes(), &parsed) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::Password) => Ok(false),
        Err(e) => Err(hash_failed(e)),
    }
}

/// The stored hash, if a lock is set.
fn stored_hash(conn: Db<'_>) -> Result<Option<Zeroizing<String>>, AppError> {
    Ok(get_setting(conn, HASH_KEY)?.filter(|h| !h.is_empty()).map(Zeroizing::new))
}

fn stored_idle(conn: Db<'_>) -> Result<u32, AppError> {
    Ok(get_setting(conn, IDLE_KEY)?
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|m| check_idle(*m).is_ok())
        .unwrap_or(LOCK_IDLE_DEFAULT))
}

impl Nabo {
    /// The lock's settings, and whether `state` has the window locked.
    pub fn lock_settings(&self, state: &LockState) -> Result<LockView, AppError> {
        let conn = self.store.conn();
        let enabled = stored_hash(conn)?.is_some();
        Ok(LockView { enabled, idle_minutes: stored_idle(conn)?, locked: enabled && state.locked })
    }

    /// The lock as the window starts at `now`: locked when a lock is set (closing and opening
    /// Nabo again must not be a way past it), with the wrong tries stored by an earlier window
    /// (their wait starts again from now).
    pub fn lock_state_at_start(&self, now: Instant) -> Result<LockState, AppError> {
        let conn = self.store.conn();
        let failures = get_setting(conn, FAILURES_KEY)?.and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
        Ok(LockState { locked: stored_hash(conn)?.is_some(), failures, last_failure: (failures > 0).then_some(now) })
    }

    /// Whether `secret` is the lock's; `true` when no lock is set. No wait and no count: the
    /// window's tries go through [`Nabo::unlock_app`].
    pub fn check_lock(&self, secret: &str) -> Result<bool, AppError> {
        match stored_hash(self.store.conn())? {
            Some(phc) => verify_secret(secret, &phc),
            None => Ok(true),
        }
    }

    /// Locks the window, when a lock is set (otherwise nothing changes).
    pub fn lock_app(&self, state: &mut LockState) -> Result<LockView, AppError> {
        let view = self.lock_settings(state)?;
        state.locked = view.enabled;
        Ok(LockView { locked: state.locked, ..view })
    }

    /// Unlocks the window with `secret`: refused with [`AppError::LockWait`] while an earlier
    /// wrong try's wait runs (the secret is not checked then), with [`AppError::LockWrong`]
    /// (and the wait the next try has) when it is not the lock's.
    pub fn unlock_app(&mut self, state: &mut LockState, secret: &str, now: Instant) -> Result<LockView, AppError> {
        if self.lock_settings(state)?.enabled {
            self.try_secret(state, secret, "secret", now)?;
        }
        state.locked = false;
        self.lock_settings(state)
    }

    /// Turns the lock on or changes it: `secret` is the new PIN or passphrase (`None` keeps the
    /// one set), `idle_minutes` the minutes before the window locks. Once a lock is set, the
    /// `current` secret must be given, and its tries count and wait as the window's do.
    pub fn set_lock(
        &mut self,
        state: &mut LockState,
        secret: Option<&str>,
        idle_minutes: u32,
        current: Option<&str>,
        now: Instant,
    ) -> Result<LockView, AppError> {
        check_idle(idle_minutes)?;
        if let Some(secret) = secret {
            check_secret(secret)?;
        }
        let enabled = self.lock_settings(state)?.enabled;
        if enabled {
            self.try_secret(state, current.unwrap_or_default(), "current", now)?;
        }
        let hash = match secret {
            Some(secret) => Some(Zeroizing::new(hash_secret(secret)?)),
            None if enabled => None,
            None => return Err(AppError::LockSecretInvalid { reason: "missing" }),
        };
        self.store.write(|tx| -> Result<(), AppError> {
            if let Some(hash) = &hash {
                set_setting(tx, HASH_KEY, hash)?;
            }
            set_setting(tx, IDLE_KEY, &idle_minutes.to_string())?;
            Ok(())
        })?;
        self.lock_settings(state)
    }

    /// Turns the lock off; the `current` secret must be given (its tries count and wait as the
    /// window's do). Nothing to do when no lock is set.
    pub fn remove_lock(
        &mut self,
        state: &mut LockState,
        current: Option<&str>,
        now: Instant,
    ) -> Result<LockView, AppError> {
        if self.lock_settings(state)?.enabled {
            self.try_secret(state, current.unwrap_or_default(), "current", now)?;
            self.store.write(|tx| set_setting(tx, HASH_KEY, ""))?;
        }
        state.locked = false;
        self.lock_settings(state)
    }

    /// Turns the lock off without its secret, for a forgotten PIN: only the CLI offers it, and
    /// it needs the database's key — whoever holds that reads everything anyway. True when a
    /// lock was set.
    pub fn forget_lock(&mut self) -> Result<bool, AppError> {
        let was_set = stored_hash(self.store.conn())?.is_some();
        self.store.write(|tx| {
            set_setting(tx, HASH_KEY, "")?;
            set_setting(tx, FAILURES_KEY, "0")
        })?;
        Ok(was_set)
    }

    /// One try of the lock's secret, typed in `field`: refused during a wait, counted when
    /// wrong, the count cleared when right.
    fn try_secret(
        &mut self,
        state: &mut LockState,
        secret: &str,
        field: &'static str,
        now: Instant,
    ) -> Result<(), AppError> {
        if let Some(wait) = state.wait(now) {
            return Err(AppError::LockWait { seconds: wait_seconds(wait) });
        }
        if self.check_lock(secret)? {
            if state.failures > 0 {
                state.succeeded();
                self.store_failures(0);
            }
            return Ok(());
        }
        state.failed(now);
        self.store_failures(state.failures);
        let seconds = state.wait(now).map(wait_seconds).unwrap_or(0);
        Err(AppError::LockWrong { field, seconds })
    }

    /// Keeps the count of wrong tries for the next start. A database that cannot be written (a
    /// damaged one is only read) keeps it in memory only: it must not lock the user out.
    fn store_failures(&mut self, failures: u32) {
        let _ = self.store.write(|tx| set_setting(tx, FAILURES_KEY, &failures.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed starting point; the tests only add to it (nabo-app reads no clock but here).
    #[allow(clippy::disallowed_methods)]
    fn start() -> Instant {
        Instant::now()
    }

    #[test]
    fn the_first_three_wrong_tries_wait_for_nothing_then_the_wait_doubles_up_to_five_minutes() {
        // Seconds to wait after n wrong tries, 0 for none.
        let waits: Vec<u64> = (0..12).map(|n| wait_after(n).map_or(0, |w| w.as_secs())).collect();
        assert_eq!(waits, [0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(wait_after(u32::MAX), Some(MAX_WAIT));
    }

    #[test]
    fn a_wait_runs_from_the_last_wrong_try_and_a_right_one_clears_the_count() {
        let t0 = start();
        let mut state = LockState::default();
        for _ in 0..3 {
            assert_eq!(state.wait(t0), None, "no wait before the third wrong try");
            state.failed(t0);
        }
        assert_eq!(state.wait(t0), Some(Duration::from_secs(5)));
        assert_eq!(state.wait(t0 + Duration::from_millis(4_200)).map(wait_seconds), Some(1), "rounded up");
        assert_eq!(state.wait(t0 + Duration::from_secs(5)), None, "over at its end");
        let t1 = t0 + Duration::from_secs(6);
        state.failed(t1);
        assert_eq!(state.wait(t1 + Duration::from_secs(1)), Some(Duration::from_secs(9)));
        state.succeeded();
        assert_eq!((state.failures(), state.wait(t1)), (0, None));
    }

    #[test]
    fn a_secret_has_four_to_128_characters_and_not_only_spaces() {
        let check = |secret: &str, expected: Option<&str>| {
            let reason = match check_secret(secret) {
                Ok(()) => None,
                Err(AppError::LockSecretInvalid { reason }) => Some(reason),
                Err(other) => panic!("{other}"),
            };
            assert_eq!(reason, expected, "{secret:?}");
        };
        check("1234", None);
        check("æøå!", None);
        check("en lang sætning", None);
        check("123", Some("too_short"));
        check("    ", Some("too_short"));
        check("", Some("too_short"));
        check(&"x".repeat(LOCK_SECRET_MAX), None);
        check(&"x".repeat(LOCK_SECRET_MAX + 1), Some("too_long"));
    }

    #[test]
    fn a_hash_checks_its_own_secret_only_and_names_argon2id_and_its_cost() {
        let phc = hash_secret("2468").expect("hash");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(!phc.contains("2468"));
        assert!(verify_secret("2468", &phc).expect("checked"));
        assert!(!verify_secret("2469", &phc).expect("checked"));
        assert!(!verify_secret("", &phc).expect("checked"));
        assert_ne!(phc, hash_secret("2468").expect("hash"), "a new salt each time");
        assert!(verify_secret("2468", "not a hash").is_err());
    }

    #[test]
    fn idle_minutes_run_from_1_to_240() {
        assert!(check_idle(0).is_err());
        assert!(check_idle(1).is_ok());
        assert!(check_idle(240).is_ok());
        assert!(matches!(check_idle(241), Err(AppError::InvalidSetting { key: "lock_idle_minutes", .. })));
    }
}
