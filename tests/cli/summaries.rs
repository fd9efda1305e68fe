//! Summary files through the real `nabo` binary (issue 12's acceptance): three volunteers with
//! their own databases plan, record and export November; one re-exports after a correction,
//! one file is sent twice, one copy has a digit changed, one is cut in half, one is encrypted
//! to another coordinator; the coordinator imports everything in one call and her totals equal
//! what this test computes from the records, with the bad files refused and nothing of them
//! stored. Also: what an encrypted or plain file shows, a key change refused until accepted,
//! receipts checked, and every refusal one line naming file and reason.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Early December 2026: November is over, the summaries are due.
const NOW: &str = "2026-12-02T10:00:00Z";

/// One person's Nabo: a database in the shared folder.
struct Person {
    db: PathBuf,
}

impl Person {
    fn nabo(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("nabo").expect("binary built");
        cmd.env_remove("NABO_DB")
            .env("NABO_PASSPHRASE", crate::PASSPHRASE)
            .env("NABO_LANG", "en")
            .env("NABO_NOW", NOW)
            .arg("--db")
            .arg(&self.db)
            .args(args);
        cmd
    }

    /// Runs `args`, expecting success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.nabo(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }
}

fn person(dir: &Path, file: &str, role: &str, name: &str) -> Person {
    let p = Person { db: dir.join(file) };
    p.ok(&["init", "--role", role, "--name", name]);
    p
}

/// A done visit in November with counts; returns its id.
fn visit(p: &Person, day: u32, counts: &[(&str, u64)]) -> String {
    let start = format!("2026-11-{day:02}T10:00");
    let id =
        p.ok(&["plan", "visit", "--start", &start, "--duration", "1h", "--area", "Gellerup", "--household", "H-9"]);
    let id = id.trim().to_string();
    let mut args = vec!["record".to_string(), id.clone()];
    args.extend(counts.iter().map(|(k, v)| format!("{k}={v}")));
    p.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    id
}

fn add(totals: &mut BTreeMap<String, u64>, counts: &[(&str, u64)]) {
    for (k, v) in counts {
        *totals.entry((*k).to_string()).or_default() += v;
    }
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn three_volunteers_novembers_reach_the_coordinator_once_and_the_bad_copies_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let hanne = person(d, "hanne.db", "coordinator", "Hanne");
    let card = d.join("hanne.nabo-card");
    hanne.ok(&["key", "export", "--out", card.to_str().expect("utf-8")]);
    let other = person(d, "other.db", "coordinator", "Birgit");
    let other_card = d.join("birgit.nabo-card");
    other.ok(&["key", "export", "--out", other_card.to_str().expect("utf-8")]);

    // What the coordinator must end with, computed here from the records.
    let mut expected: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut exported = BTreeMap::new();
    for (name, visits) in [
        ("Amina", vec![vec![("reached", 3), ("new", 1)], vec![("reached", 2), ("new", 2)]]),
        ("Sara", vec![vec![("reached", 4), ("new", 0)]]),
        ("Nadia", vec![vec![("reached", 6), ("new", 3)], vec![("reached", 1), ("new", 1)]]),
    ] {
        let p = person(d, &format!("{name}.db"), "volunteer", name);
        p.ok(&["coordinator", "set", card.to_str().expect("utf-8")]);
        let totals = expected.entry(name.to_string()).or_default();
        for (i, counts) in visits.iter().enumerate() {
            visit(&p, 3 + 7 * i as u32, counts);
            add(totals, counts);
        }
        let out = d.join(format!("{name}-2026-11.nabo-summary"));
        p.ok(&["export-summary", "--period", "2026-11", "--out", out.to_str().expect("utf-8")]);
        exported.insert(name, (p, out));
    }

    // Sara corrects her visit and exports again: version 2 must count, not version 1.
    let (sara, sara_v1) = &exported["Sara"];
    let sara_v2 = d.join("Sara-2026-11-v2.nabo-summary");
    sara.ok(&["record", "1", "reached=5", "new=2"]);
    sara.ok(&["export-summary", "--period", "2026-11", "--out", sara_v2.to_str().expect("utf-8")]);
    expected.insert("Sara".into(), BTreeMap::from([("reached".into(), 5), ("new".into(), 2)]));

    // Amina's file arrives twice; Nadia's is tampered with, cut, and also sent to Birgit.
    let (nadia, nadia_file) = &exported["Nadia"];
    let amina_file = &exported["Amina"].1;
    let twice = d.join("Amina-again.nabo-summary");
    std::fs::copy(amina_file, &twice).expect("copy");
    let bytes = std::fs::read(nadia_file).expect("read");
    let tampered = d.join("Nadia-tampered.nabo-summary");
    let mut changed = bytes.clone();
    let at = changed.len() - 40;
    changed[at] = if changed[at] == b'7' { b'8' } else { b'7' };
    std::fs::write(&tampered, &changed).expect("write");
    let cut = d.join("Nadia-cut.nabo-summary");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let to_birgit = d.join("Nadia-to-birgit.nabo-summary");
    nadia.ok(&[
        "export-summary",
        "--period",
        "2026-11",
        "--out",
        to_birgit.to_str().expect("utf-8"),
        "--to",
        other_card.to_str().expect("utf-8"),
    ]);

    // An encrypted summary shows no count, key name or volunteer name.
    for name in ["Amina", "Sara", "Nadia"] {
        let text = String::from_utf8_lossy(&std::fs::read(&exported[name].1).expect("read")).into_owned();
        for secret in [name, "reached", "Gellerup", "H-9", "home_visit", "totals"] {
            assert!(!text.contains(secret), "{name}'s file shows {secret}");
        }
    }

    let files: Vec<&PathBuf> = vec![amina_file, sara_v1, &sara_v2, nadia_file, &twice, &tampered, &cut, &to_birgit];
    let mut args = vec!["import-summary".to_string()];
    args.extend(files.iter().map(|f| f.to_str().expect("utf-8").to_string()));
    let out = hanne.nabo(&args.iter().map(String::as_str).collect::<Vec<_>>()).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(65), "any refusal exits 65: {stderr}");
    // Each refusal is one line naming the file and why.
    let refusals: Vec<&str> = stderr.lines().collect();
    assert_eq!(refusals.len(), 3, "{stderr}");
    assert!(refusals.iter().any(|l| l.contains("Nadia-tampered.nabo-summary") && l.contains("damaged")), "{stderr}");
    assert!(refusals.iter().any(|l| l.contains("Nadia-cut.nabo-summary") && l.contains("damaged")), "{stderr}");
    assert!(
        refusals.iter().any(|l| l.contains("Nadia-to-birgit.nabo-summary") && l.contains("another coordinator")),
        "{stderr}"
    );
    assert!(stdout.contains("Amina-again.nabo-summary: already imported"), "{stdout}");
    assert!(stdout.contains("replaces version 1") || stdout.contains("Sara-2026-11-v2.nabo-summary: new"), "{stdout}");

    let volunteers = hanne.json(&["volunteers", "--json"]);
    let got: BTreeMap<String, BTreeMap<String, u64>> = volunteers
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| {
            let month = &v["months"][0];
            assert_eq!(month["period"], "2026-11");
            let totals = month["totals"].as_object().expect("totals");
            let nonzero = totals.iter().filter_map(|(k, n)| n.as_u64().filter(|n| *n > 0).map(|n| (k.clone(), n)));
            (v["name"].as_str().expect("name").to_string(), nonzero.collect())
        })
        .collect();
    // reached and new as this test summed them from the records…
    for (name, sums) in &expected {
        for (key, value) in sums {
            assert_eq!(got[name].get(key).copied().unwrap_or(0), *value, "{name}: {key}");
        }
    }
    // …and every key (breakdowns left out count as unknown) as her own Nabo totals the month.
    for (name, (p, _)) in &exported {
        let stats = p.json(&["stats", "--period", "2026-11", "--json"]);
        let own: BTreeMap<String, u64> = stats["totals"]
            .as_object()
            .expect("totals")
            .iter()
            .filter_map(|(k, n)| n.as_u64().filter(|n| *n > 0).map(|n| (k.clone(), n)))
            .collect();
        assert_eq!(got[*name], own, "{name}");
    }
    let sara_month =
        &volunteers.as_array().expect("list").iter().find(|v| v["name"] == "Sara").expect("Sara")["months"][0];
    assert_eq!(sara_month["revision"], 2);

    // The bad files stored nothing: importing only the good ones again changes nothing.
    let before = files_in(d);
    let good: Vec<&str> = [amina_file, &sara_v2, nadia_file].iter().map(|f| f.to_str().expect("utf-8")).collect();
    let mut again = vec!["import-summary"];
    again.extend(good);
    let stdout = hanne.ok(&again);
    assert!(stdout.contains("0 new, 0 replaced, 3 already imported, 0 refused"), "{stdout}");
    assert_eq!(files_in(d), before, "an import of files already there writes nothing");
}

#[test]
fn a_plain_summary_holds_no_household_label_note_or_day_and_needs_plain() {
    let dir = tempfile::tempdir().expect("dir");
    let amina = person(dir.path(), "amina.db", "volunteer", "Amina");
    let id = visit(&amina, 5, &[("reached", 2)]);
    assert_eq!(id, "1");
    let out = dir.path().join("plain.nabo-summary");
    let path = out.to_str().expect("utf-8");
    // Without a coordinator and without --plain: refused, nothing written.
    let refused = amina.nabo(&["export-summary", "--period", "2026-11", "--out", path]).output().expect("runs");
    assert_eq!(refused.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--plain"));
    assert!(!out.exists());
    let result =
        amina.nabo(&["export-summary", "--period", "2026-11", "--out", path, "--plain"]).output().expect("runs");
    assert!(result.status.success());
    assert!(String::from_utf8_lossy(&result.stderr).contains("not encrypted"), "the user is warned");
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.contains("\"reached\": 2") && text.contains("Amina"));
    for secret in ["H-9", "2026-11-05", "T09:00", "T10:00:00+01"] {
        assert!(!text.contains(secret), "the plain file shows {secret}");
    }
}

#[test]
fn a_new_key_under_a_known_name_is_refused_until_accepted_and_receipts_are_checked() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let hanne = person(d, "hanne.db", "coordinator", "Hanne");
    let card = d.join("hanne.card");
    hanne.ok(&["key", "export", "--out", card.to_str().expect("utf-8")]);
    let send = |p: &Person, file: &str, month: &str| {
        let out = d.join(file);
        p.ok(&["export-summary", "--period", month, "--out", out.to_str().expect("utf-8")]);
        out
    };
    let old = person(d, "old.db", "volunteer", "Amina");
    old.ok(&["coordinator", "set", card.to_str().expect("utf-8")]);
    visit(&old, 3, &[("reached", 2)]);
    let first = send(&old, "oct.sum", "2026-10");
    hanne.ok(&["import-summary", first.to_str().expect("utf-8")]);

    // Amina's new computer: same name, another key.
    let new = person(d, "new.db", "volunteer", "Amina");
    new.ok(&["coordinator", "set", card.to_str().expect("utf-8")]);
    visit(&new, 10, &[("reached", 4)]);
    let second = send(&new, "nov.sum", "2026-11");
    let out = hanne.nabo(&["import-summary", second.to_str().expect("utf-8")]).output().expect("runs");
    assert_eq!(out.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nov.sum") && stderr.contains("new key"), "{stderr}");
    let new_fingerprint = new.json(&["key", "show", "--json"])["fingerprint"].as_str().expect("fp").to_string();
    let listed = hanne.json(&["volunteers", "--json"]);
    assert_eq!(listed[0]["offered_fingerprint"], new_fingerprint.as_str());
    assert!(hanne.ok(&["volunteers", "accept-key", "Amina"]).contains(&new_fingerprint));
    hanne.ok(&["import-summary", second.to_str().expect("utf-8")]);
    let months = hanne.json(&["volunteers", "--json"])[0]["months"].as_array().expect("months").len();
    assert_eq!(months, 2, "her October came along to the new key");

    // The receipt: what arrived, as the new computer sees it; a changed copy is refused.
    let receipt = d.join("amina.receipt");
    hanne.ok(&["receipt", "--volunteer", "Amina", "--out", receipt.to_str().expect("utf-8")]);
    let report = new.json(&["import-receipt", receipt.to_str().expect("utf-8"), "--json"]);
    let states: Vec<(&str, &str)> = report["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| (m["period"].as_str().expect("period"), m["state"].as_str().expect("state")))
        .collect();
    assert_eq!(states, [("2026-10", "not_sent_from_here"), ("2026-11", "arrived")]);
    let text = std::fs::read_to_string(&receipt).expect("read").replacen("\"reached\": 4", "\"reached\": 9", 1);
    let tampered = d.join("tampered.receipt");
    std::fs::write(&tampered, text).expect("write");
    let out = new.nabo(&["import-receipt", tampered.to_str().expect("utf-8")]).output().expect("runs");
    assert_eq!(out.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("tampered.receipt") && stderr.contains("signature"), "{stderr}");
}
