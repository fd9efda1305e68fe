//! What the coordinator tests share: volunteers' summaries made and signed as Nabo makes them,
//! and a coordinator's database to import them into.

// Each test file uses its own part of this.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{Nabo, Role};
use nabo_core::exchange::{
    area_kind_totals, AreaTotals, KindTotals, MonthSummary, SecretKey, Sender, SUMMARY_FORMAT, SUMMARY_VERSION,
};
use nabo_core::{ActivityKind, GroupKind, Scheme};

/// The key the test databases are encrypted with (`KeySource::Key([7; 32])`).
pub const KEY: [u8; 32] = [7; 32];

/// A connection of the test's own to a test database, opened with [`KEY`] (the service hands
/// out none).
pub fn keyed(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open");
    let hex: String = KEY.iter().map(|b| format!("{b:02x}")).collect();
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";")).expect("key");
    conn
}

/// 4 December 2026.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).single().expect("valid")
}

/// Every key 0 but `reached` people, of whom nothing is known (each breakdown's unknown).
pub fn totals(reached: u64, new: u64) -> BTreeMap<String, u64> {
    let scheme = Scheme::current().expect("scheme");
    let mut t: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
    t.insert("reached".into(), reached);
    t.insert("new".into(), new);
    for group in scheme.groups.iter().filter(|g| g.kind == GroupKind::Breakdown) {
        t.insert(format!("{}.unknown", group.key), reached);
    }
    t
}

pub fn add(into: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (k, v) in from {
        *into.entry(k.clone()).or_insert(0) += v;
    }
}

/// One volunteer's month: people reached by area (all home visits, `held` of them), signed
/// by her key and encrypted to the coordinator.
/// One volunteer's month: people reached by area (all home visits, `held` of them).
pub struct Month<'a> {
    pub volunteer: u8,
    pub period: &'a str,
    pub revision: u32,
    pub areas: &'a [(&'a str, u64)],
    pub held: u32,
    pub group_meetings: u32,
}

/// The month as the volunteer signs it.
pub fn signed_summary(m: &Month<'_>) -> serde_json::Value {
    signed_summary_in(m, SUMMARY_VERSION)
}

/// The month as a volunteer's Nabo of summary format `version` signs it (1: no totals by area
/// and kind together).
pub fn signed_summary_in(m: &Month<'_>, version: u32) -> serde_json::Value {
    let key = SecretKey::from_seed([m.volunteer; 32]);
    let mut month = totals(0, 0);
    let mut by_area = Vec::new();
    for (area, reached) in m.areas {
        let t = totals(*reached, reached / 2);
        add(&mut month, &t);
        by_area.push(AreaTotals { area: Some((*area).to_string()), totals: t });
    }
    let zero = totals(0, 0);
    let mut by_kind: BTreeMap<ActivityKind, KindTotals> =
        ActivityKind::ALL.iter().map(|&k| (k, KindTotals { held: 0, cancelled: 0, totals: zero.clone() })).collect();
    by_kind.insert(ActivityKind::HomeVisit, KindTotals { held: m.held, cancelled: 0, totals: month.clone() });
    by_kind.insert(ActivityKind::GroupMeeting, KindTotals { held: m.group_meetings, cancelled: 1, totals: zero });
    let summary = MonthSummary {
        format: SUMMARY_FORMAT.into(),
        version,
        period: m.period.into(),
        scheme_version: "v1".into(),
        volunteer: Sender { name: format!("Frivillig {}", m.volunteer), signing_key: key.public().to_base64() },
        revision: m.revision,
        created: "2026-12-01T09:00:00Z".into(),
        totals: month,
        by_kind,
        by_area_kind: match version {
            1 => Vec::new(),
            _ => area_kind_totals(by_area.iter().map(|a| (ActivityKind::HomeVisit, a.area.as_deref(), &a.totals))),
        },
        by_area,
    };
    summary.sign(&key).expect("signed")
}

/// The month signed and encrypted to `to`, as a file in `dir`.
pub fn summary_file(dir: &Path, to: &age::x25519::Recipient, m: &Month<'_>) -> PathBuf {
    summary_file_in(dir, to, m, SUMMARY_VERSION)
}

/// As [`summary_file`], in summary format `version`.
pub fn summary_file_in(dir: &Path, to: &age::x25519::Recipient, m: &Month<'_>, version: u32) -> PathBuf {
    let signed = signed_summary_in(m, version);
    let bytes = age::encrypt(to, &serde_json::to_vec(&signed).expect("json")).expect("encrypted");
    // Named for its recipient too: the same month may go to two coordinators.
    let to_whom: String = to.to_string().chars().skip(4).take(8).collect();
    let path = dir.join(format!("{}-{}-{}-{to_whom}.nabo-summary", m.volunteer, m.period, m.revision));
    std::fs::write(&path, bytes).expect("write");
    path
}

/// A coordinator named Hanne, and the recipient summaries are encrypted to.
pub fn coordinator(dir: &Path) -> (Nabo, age::x25519::Recipient) {
    coordinator_named(dir, "Hanne")
}

/// A coordinator with a database of her own in `dir`, and her recipient.
pub fn coordinator_named(dir: &Path, name: &str) -> (Nabo, age::x25519::Recipient) {
    let db = dir.join(format!("{name}.db"));
    let mut nabo =
        Nabo::init(&db, &nabo_app::KeySource::Key([7; 32]), Role::Coordinator, Some(name.into()), now()).expect("init");
    let to = nabo.key_view().expect("key").encryption_recipient.expect("recipient").parse().expect("recipient");
    (nabo, to)
}

/// A volunteer's month as records: people reached at one kind of activity in one area (half
/// of them new), one activity held per record; signed, encrypted to `to`, in `dir`.
pub fn records_file(
    dir: &Path,
    to: &age::x25519::Recipient,
    volunteer: u8,
    period: &str,
    records: &[(ActivityKind, Option<&str>, u64)],
) -> PathBuf {
    signed_file(dir, to, volunteer, records_summary(volunteer, period, records))
}

/// The summary of [`records_file`], not yet signed.
pub fn records_summary(volunteer: u8, period: &str, records: &[(ActivityKind, Option<&str>, u64)]) -> MonthSummary {
    let key = SecretKey::from_seed([volunteer; 32]);
    let zero = totals(0, 0);
    let mut month = zero.clone();
    let mut by_kind: BTreeMap<ActivityKind, KindTotals> =
        ActivityKind::ALL.iter().map(|&k| (k, KindTotals { held: 0, cancelled: 0, totals: zero.clone() })).collect();
    let mut by_area: BTreeMap<Option<String>, BTreeMap<String, u64>> = BTreeMap::new();
    let each: Vec<_> =
        records.iter().map(|(kind, area, reached)| (*kind, *area, totals(*reached, reached / 2))).collect();
    for (kind, area, t) in &each {
        add(&mut month, t);
        let k = by_kind.entry(*kind).or_default();
        k.held += 1;
        add(&mut k.totals, t);
        add(by_area.entry(area.map(str::to_string)).or_insert_with(|| zero.clone()), t);
    }
    MonthSummary {
        format: SUMMARY_FORMAT.into(),
        version: SUMMARY_VERSION,
        period: period.into(),
        scheme_version: "v1".into(),
        volunteer: Sender { name: format!("Frivillig {volunteer}"), signing_key: key.public().to_base64() },
        revision: 1,
        created: "2026-12-01T09:00:00Z".into(),
        totals: month,
        by_kind,
        by_area: by_area.into_iter().map(|(area, totals)| AreaTotals { area, totals }).collect(),
        by_area_kind: area_kind_totals(each.iter().map(|(k, a, t)| (*k, *a, t))),
    }
}

/// `summary` signed by `volunteer`'s key as it stands (its own checks passed over: a
/// volunteer's Nabo that got them wrong), encrypted to `to`, in `dir`.
pub fn signed_file(dir: &Path, to: &age::x25519::Recipient, volunteer: u8, summary: MonthSummary) -> PathBuf {
    let key = SecretKey::from_seed([volunteer; 32]);
    let path = dir.join(format!("records-{volunteer}-{}-{}.nabo-summary", summary.period, summary.revision));
    let signed = nabo_core::exchange::sign_document(&summary, &key).expect("signed");
    let bytes = age::encrypt(to, &serde_json::to_vec(&signed).expect("json")).expect("encrypted");
    std::fs::write(&path, bytes).expect("write");
    path
}
