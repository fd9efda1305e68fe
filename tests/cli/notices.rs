//! Issue 11: no dropped notices, and settings from the CLI.
//!
//! With the live calendar's folder gone (a pulled USB stick), every change is still made: the
//! command exits 0, does what it says on stdout, and warns on stderr in one line naming the
//! file. `nabo settings` shows and sets what the window sets, with the window's checks.
//!
//! The live calendar lives in a second temporary folder: `refused` reads every file of the
//! scene's folder to prove it unchanged, and cannot read a folder.

use super::*;

/// The clock of these scenarios: the visits planned on 23 and 24 November have taken place.
const NOW: &str = "2026-11-25T12:00:00Z";

/// A database with a visit on 24 November (id 1) and a weekly meeting from 1 December (id 2),
/// whose live calendar file was set and whose folder is then removed; and that file's path.
fn live_folder_gone() -> (Scene, tempfile::TempDir, String) {
    let s = Scene::new();
    s.init();
    let sync = tempfile::tempdir().expect("temp dir");
    let live = sync.path().join("phone").join("nabo.ics");
    std::fs::create_dir(live.parent().expect("folder")).expect("mkdir");
    let live = live.display().to_string();
    s.nabo(&["settings", "set", "live-calendar", &live]).env("NABO_NOW", NOW).assert().success().stderr("");
    assert!(Path::new(&live).exists(), "written as soon as it is set");
    assert_eq!(s.plan_visit("2026-11-24T10:00", "60m"), 1);
    s.nabo(&meeting_args("2026-12-01T17:00", "FREQ=WEEKLY;COUNT=4")).assert().success();
    std::fs::remove_dir_all(Path::new(&live).parent().expect("folder")).expect("rm");
    (s, sync, live)
}

/// Runs `args`: exit 0, `said` on stdout, and exactly one warning line on stderr naming `live`.
#[track_caller]
fn warns(s: &Scene, args: &[&str], live: &str, said: &str) {
    let out = s.nabo(args).env("NABO_NOW", NOW).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one warning line: {stderr:?}");
    assert!(stderr.starts_with("nabo: "), "{stderr}");
    assert!(stderr.contains(live), "{args:?}: the warning names the file: {stderr:?}");
    assert!(stderr.contains("calendar file"), "{args:?}: says which file it is: {stderr:?}");
    assert!(stdout.contains(said), "{args:?}: expected {said:?} in {stdout:?}");
}

fn status_of(s: &Scene, day: &str) -> String {
    let items = s.list_json(day, day);
    assert_eq!(items.len(), 1, "{items:?}");
    items[0]["status"].as_str().expect("status").to_string()
}

#[test]
fn cancel_with_the_live_folder_gone_cancels_and_warns() {
    let (s, _sync, live) = live_folder_gone();
    warns(&s, &["cancel", "1"], &live, "Cancelled");
    assert_eq!(status_of(&s, "2026-11-24"), "cancelled");
    warns(&s, &["cancel", "2@2026-12-08"], &live, "Cancelled");
    assert_eq!(status_of(&s, "2026-12-08"), "cancelled");
}

#[test]
fn skip_with_the_live_folder_gone_skips_and_warns() {
    let (s, _sync, live) = live_folder_gone();
    warns(&s, &["skip", "2@2026-12-08"], &live, "taken out");
    assert!(s.list_json("2026-12-08", "2026-12-08").is_empty());
}

#[test]
fn move_with_the_live_folder_gone_moves_and_warns_once() {
    let (s, _sync, live) = live_folder_gone();
    warns(&s, &["move", "1", "--start", "2026-11-24T12:00"], &live, "Moved");
    assert!(s.list_json("2026-11-24", "2026-11-24")[0]["start"].as_str().expect("start").contains("T12:00"));
    // One meeting of a series: one rewrite, so one warning (`warns` counts the lines).
    warns(&s, &["move", "2@2026-12-15", "--start", "2026-12-16T17:00"], &live, "Moved");
    assert_eq!(s.list_json("2026-12-16", "2026-12-16").len(), 1);
}

#[test]
fn record_and_its_removal_with_the_live_folder_gone_are_made_and_warn() {
    let (s, _sync, live) = live_folder_gone();
    warns(&s, &["record", "1", "reached=2"], &live, "2");
    assert_eq!(status_of(&s, "2026-11-24"), "done");
    warns(&s, &["record", "1", "--remove"], &live, "1");
    let stats = s.nabo(&["stats", "--period", "2026-11", "--json"]).output().expect("runs");
    let stats: Value = serde_json::from_slice(&stats.stdout).expect("JSON");
    assert_eq!(stats["recorded"], 0, "the counts are gone: {stats}");
}

#[test]
fn settings_set_with_the_live_folder_gone_is_saved_and_warns() {
    let (s, _sync, live) = live_folder_gone();
    warns(&s, &["settings", "set", "travel-buffer-minutes", "45"], &live, "travel-buffer-minutes");
    let out = s.nabo(&["settings", "--json"]).output().expect("runs");
    let settings: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(settings["travel_buffer_minutes"], 45);
    // Turning the file off is saved without a warning, and later changes are quiet.
    s.nabo(&["settings", "set", "live-calendar", "off"]).assert().success().stderr("");
    s.nabo(&["cancel", "1"]).env("NABO_NOW", NOW).assert().success().stderr("");
}

#[test]
fn the_warning_is_in_danish_by_default() {
    let (s, _sync, live) = live_folder_gone();
    let out = s.nabo(&["cancel", "1"]).env("NABO_LANG", "da").output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("kalenderfilen") && stderr.contains(&live), "{stderr}");
}

#[test]
fn settings_prints_every_setting_as_text_and_as_json() {
    let s = Scene::new();
    s.init();
    let out = s.nabo(&["settings"]).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for line in ["travel-buffer-minutes      30", "durations.home-visit       60", "live-calendar              off"] {
        assert!(text.lines().any(|l| l == line), "{line:?} in {text}");
    }
    let keys: Vec<&str> = text.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(keys, nabo_app::SETTING_KEYS, "every setting, in order: {text}");
    let out = s.nabo(&["settings", "--json"]).output().expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["follow_up_days"], 14);
    assert_eq!(json["durations"]["group_meeting"], 120);
    assert!(json["live_calendar_path"].is_null());

    s.nabo(&["settings", "set", "durations.home-visit", "45"]).assert().success().stderr("");
    s.nabo(&["settings", "set", "discreet-mode", "on"]).assert().success();
    s.nabo(&["settings", "set", "language", "da"]).assert().success();
    let text = String::from_utf8(s.nabo(&["settings"]).output().expect("runs").stdout).expect("utf-8");
    for line in ["durations.home-visit       45", "discreet-mode              on", "language                   da"] {
        assert!(text.lines().any(|l| l == line), "{line:?} in {text}");
    }
}

#[test]
fn settings_help_lists_every_key() {
    for args in [&["settings", "--help"][..], &["settings", "set", "--help"]] {
        let out = Scene::new().nabo(args).output().expect("runs");
        let help = String::from_utf8(out.stdout).expect("utf-8");
        for key in nabo_app::SETTING_KEYS {
            assert!(help.contains(key), "{args:?}: {key} in {help}");
        }
        assert!(help.contains("PATH|off"), "{help}");
    }
}

#[test]
fn settings_refusals_name_the_setting_and_change_nothing() {
    let s = Scene::new();
    s.init();
    let outside = tempfile::tempdir().expect("temp dir");
    let no_folder = outside.path().join("gone").join("nabo.ics").display().to_string();
    for (args, needle) in [
        (vec!["settings", "set", "travel-buffer-minutes", "241"], "Travel time must be between 0 and 240, not 241"),
        (vec!["settings", "set", "follow-up-days", "-1"], "Follow-up must be between 1 and 90"),
        (vec!["settings", "set", "durations.outreach", "1000"], "Duration (Outreach) must be between 5 and 720"),
        (vec!["settings", "set", "reminder-minutes", "soon"], "\"reminder-minutes\" must be a whole number"),
        (vec!["settings", "set", "discreet-mode", "yes"], "\"discreet-mode\" must be on or off"),
        (vec!["settings", "set", "language", "fr"], "\"language\" must be da, en or auto"),
        (vec!["settings", "set", "role", "boss"], "\"role\" must be volunteer, coordinator or both"),
        (vec!["settings", "set", "programme", "other"], "\"programme\" must be bydelsmoedre, baba or none"),
        (vec!["settings", "set", "live-calendar-detail", "all"], "\"live-calendar-detail\" must be discreet or full"),
        (vec!["settings", "set", "colour", "blue"], "no setting called \"colour\""),
        (vec!["settings", "set", "live-calendar", "nabo.ics"], "full path"),
        (vec!["settings", "set", "live-calendar", "/tmp/nabo.txt"], ".ics"),
        (vec!["settings", "set", "live-calendar", &no_folder], "folder"),
    ] {
        refused(&s, &args, 65, needle);
    }
}

#[test]
fn a_refused_value_is_not_repeated() {
    let s = Scene::new();
    s.init();
    // A value may be personal (a path with a name in it): the message names the setting only.
    refused(&s, &["settings", "set", "reminder-minutes", "Fatima"], 65, "reminder-minutes");
    let out = s.nabo(&["settings", "set", "discreet-mode", "Fatima"]).output().expect("runs");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Fatima"));
}

#[test]
fn settings_set_without_a_value_is_a_usage_error() {
    let s = Scene::new();
    s.init();
    refused(&s, &["settings", "set", "language"], 2, "required arguments");
}
