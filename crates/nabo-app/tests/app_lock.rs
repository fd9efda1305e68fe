//! The app lock through the service, as the window uses it (issue 14, part 2): turned on,
//! changed and off only with the current secret, kept as an Argon2id hash only, locked at
//! start, and wrong tries slowed down — also across a restart.

mod common;

use std::time::{Duration, Instant};

use common::{keyed, now};
use nabo_app::{ErrorCode, KeySource, LockState, LockView, Nabo, Role, LOCK_IDLE_DEFAULT};

fn volunteer(dir: &std::path::Path) -> (Nabo, std::path::PathBuf) {
    let db = dir.join("nabo.db");
    let nabo =
        Nabo::init(&db, &KeySource::Key(common::KEY), Role::Volunteer, Some("Amina".into()), now()).expect("init");
    (nabo, db)
}

/// The monotonic clock the desktop passes in; the tests only add to it.
#[allow(clippy::disallowed_methods)]
fn start() -> Instant {
    Instant::now()
}

fn code<T: std::fmt::Debug>(result: Result<T, nabo_app::AppError>) -> (ErrorCode, Option<String>, Option<String>) {
    let e = result.expect_err("refused");
    let args = e.args();
    (e.code(), e.field(), args.get("seconds").or_else(|| args.get("reason")).cloned())
}

#[test]
fn the_lock_is_off_until_a_secret_is_set_and_then_holds_only_its_argon2id_hash() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, db) = volunteer(dir.path());
    let mut state = LockState::default();
    let t = start();
    assert_eq!(
        nabo.lock_settings(&state).expect("view"),
        LockView { enabled: false, idle_minutes: LOCK_IDLE_DEFAULT, locked: false }
    );
    // Locking with no lock set changes nothing; any secret opens.
    assert!(!nabo.lock_app(&mut state).expect("view").locked);
    assert!(nabo.check_lock("anything").expect("checked"));

    // Refused: too short, idle out of range, no secret at all. Nothing is stored.
    assert_eq!(
        code(nabo.set_lock(&mut state, Some("123"), 5, None, t)),
        (ErrorCode::LockSecretInvalid, Some("secret".into()), Some("too_short".into()))
    );
    assert_eq!(code(nabo.set_lock(&mut state, Some("1234"), 0, None, t)).0, ErrorCode::InvalidSetting);
    assert_eq!(code(nabo.set_lock(&mut state, Some("1234"), 241, None, t)).0, ErrorCode::InvalidSetting);
    assert_eq!(code(nabo.set_lock(&mut state, None, 5, None, t)).2.as_deref(), Some("missing"));
    assert!(!nabo.lock_settings(&state).expect("view").enabled);

    let view = nabo.set_lock(&mut state, Some("2580"), 10, None, t).expect("on");
    assert_eq!(view, LockView { enabled: true, idle_minutes: 10, locked: false });
    assert!(nabo.check_lock("2580").expect("checked"));
    assert!(!nabo.check_lock("0852").expect("checked"));

    // The database holds the hash, never the PIN.
    drop(nabo);
    let conn = keyed(&db);
    let rows: Vec<(String, String)> = conn
        .prepare("SELECT key, value FROM settings WHERE key LIKE 'lock.%' ORDER BY key")
        .expect("query")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let hash = &rows.iter().find(|(k, _)| k == "lock.hash").expect("a hash").1;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(rows.iter().all(|(_, v)| !v.contains("2580")), "{rows:?}");
}

#[test]
fn changing_or_removing_the_lock_needs_the_current_secret() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, _) = volunteer(dir.path());
    let mut state = LockState::default();
    let t = start();
    nabo.set_lock(&mut state, Some("2580"), 5, None, t).expect("on");

    // Without it, or with a wrong one: refused, next to the "current" field; nothing changes.
    assert_eq!(
        code(nabo.set_lock(&mut state, Some("1111"), 5, None, t)),
        (ErrorCode::LockWrong, Some("current".into()), Some("0".into()))
    );
    assert_eq!(code(nabo.remove_lock(&mut state, Some("1111"), t)).0, ErrorCode::LockWrong);
    assert!(nabo.check_lock("2580").expect("checked"));

    // With it: the idle minutes alone (the secret kept), then a new secret.
    let view = nabo.set_lock(&mut state, None, 30, Some("2580"), t).expect("changed");
    assert_eq!((view.enabled, view.idle_minutes), (true, 30));
    assert_eq!(state.failures(), 0, "a right try clears the count");
    nabo.set_lock(&mut state, Some("en sætning"), 30, Some("2580"), t).expect("changed");
    assert!(nabo.check_lock("en sætning").expect("checked"));
    assert!(!nabo.check_lock("2580").expect("checked"));

    let view = nabo.remove_lock(&mut state, Some("en sætning"), t).expect("off");
    assert!(!view.enabled);
    assert!(nabo.check_lock("").expect("no lock: anything opens"));
    // Off twice is fine.
    assert!(!nabo.remove_lock(&mut state, None, t).expect("off").enabled);
}

#[test]
fn wrong_tries_wait_after_the_third_and_a_try_during_the_wait_is_not_even_checked() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, _) = volunteer(dir.path());
    let mut state = LockState::default();
    let t0 = start();
    nabo.set_lock(&mut state, Some("2580"), 5, None, t0).expect("on");
    assert!(nabo.lock_app(&mut state).expect("locked").locked);

    let wrong = |nabo: &mut Nabo, state: &mut LockState, at: Instant| code(nabo.unlock_app(state, "0000", at));
    assert_eq!(wrong(&mut nabo, &mut state, t0), (ErrorCode::LockWrong, Some("secret".into()), Some("0".into())));
    assert_eq!(wrong(&mut nabo, &mut state, t0).2.as_deref(), Some("0"));
    // The third wrong try says how long the next one waits.
    assert_eq!(wrong(&mut nabo, &mut state, t0).2.as_deref(), Some("5"));
    // During the wait even the right secret is refused, unchecked, and the wait runs on.
    let t1 = t0 + Duration::from_secs(2);
    assert_eq!(code(nabo.unlock_app(&mut state, "2580", t1)), (ErrorCode::LockWait, None, Some("3".into())));
    assert!(state.is_locked());
    assert_eq!(state.failures(), 3);
    // After it, a fourth wrong try doubles the wait.
    let t2 = t0 + Duration::from_secs(5);
    assert_eq!(wrong(&mut nabo, &mut state, t2).2.as_deref(), Some("10"));
    // And after that one, the right secret opens and clears the count.
    let t3 = t2 + Duration::from_secs(10);
    let view = nabo.unlock_app(&mut state, "2580", t3).expect("open");
    assert!(!view.locked && view.enabled);
    assert_eq!(state.failures(), 0);
}

#[test]
fn a_new_window_starts_locked_and_keeps_counting_the_wrong_tries_of_the_last_one() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, db) = volunteer(dir.path());
    let mut state = LockState::default();
    let t0 = start();
    assert!(!nabo.lock_state_at_start(t0).expect("state").is_locked(), "no lock: not locked");
    nabo.set_lock(&mut state, Some("2580"), 5, None, t0).expect("on");
    for _ in 0..3 {
        let _ = nabo.unlock_app(&mut state, "0000", t0);
    }
    drop(nabo);

    // Closing and opening Nabo again: locked, and the wait starts again from the new start.
    let mut nabo = Nabo::open(&db, &KeySource::Key(common::KEY)).expect("open");
    let t1 = t0 + Duration::from_secs(60);
    let mut state = nabo.lock_state_at_start(t1).expect("state");
    assert!(state.is_locked());
    assert_eq!(state.failures(), 3);
    assert!(nabo.lock_settings(&state).expect("view").locked);
    assert_eq!(code(nabo.unlock_app(&mut state, "2580", t1)).0, ErrorCode::LockWait);
    nabo.unlock_app(&mut state, "2580", t1 + Duration::from_secs(5)).expect("open");
    drop(nabo);

    // The right secret cleared the stored count too.
    let nabo = Nabo::open(&db, &KeySource::Key(common::KEY)).expect("open");
    assert_eq!(nabo.lock_state_at_start(t1).expect("state").failures(), 0);
}

#[test]
fn a_forgotten_pin_is_removed_with_the_database_key_and_the_next_start_is_unlocked() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, db) = volunteer(dir.path());
    let mut state = LockState::default();
    let t = start();
    nabo.set_lock(&mut state, Some("2580"), 5, None, t).expect("on");
    // Wrong tries stored, as a forgotten PIN leaves them.
    for _ in 0..3 {
        let _ = nabo.unlock_app(&mut state, "0000", t);
    }
    assert!(nabo.forget_lock().expect("removed"), "a lock was set");
    drop(nabo);
    let nabo = Nabo::open(&db, &KeySource::Key(common::KEY)).expect("open");
    let state = nabo.lock_state_at_start(start()).expect("state");
    assert!(!state.is_locked() && state.failures() == 0);
    assert!(!nabo.lock_settings(&state).expect("view").enabled);
    let mut nabo = nabo;
    assert!(!nabo.forget_lock().expect("nothing to remove"), "no lock was set any more");
}
