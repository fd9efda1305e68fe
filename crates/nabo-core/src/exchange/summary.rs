//! The monthly summary: one volunteer's month as totals — never a household, a note, a venue,
//! a theme's text, one activity or a date finer than the month — signed by her key.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{open_document, open_value_with_body, sign_document, ExchangeError, PublicKey, SecretKey, Signed};
use crate::activity::ActivityKind;
use crate::counts::{GroupKind, Scheme, MAX_COUNT_VALUE};
use crate::text::{clean, Field};

/// The `format` member of a summary.
pub const SUMMARY_FORMAT: &str = "nabo-summary";
/// The summary format version this build writes and the newest it reads (2 added the
/// totals by area and kind together, `by_area_kind`; 1 is still read).
pub const SUMMARY_VERSION: u32 = 2;
/// The largest summary read (a month with every key in 200 areas is far below it).
pub const MAX_SUMMARY_BYTES: usize = 1024 * 1024;
/// The most areas a summary may list.
const MAX_AREAS: usize = 200;
/// The most pairs of area and kind: every kind in every area.
const MAX_AREA_KINDS: usize = MAX_AREAS * ActivityKind::ALL.len();
/// The largest total a month can hold: a count's limit on each of a thousand activities.
const MAX_MONTH_TOTAL: u64 = MAX_COUNT_VALUE as u64 * 1_000;

/// Who sent a summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// The name she shows her coordinator.
    pub name: String,
    /// Her Ed25519 public key, base64; the summary is signed with it.
    pub signing_key: String,
}

/// One kind of activity in a month: how many took place or were called off, and their counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindTotals {
    /// Activities (meetings one by one) marked done.
    pub held: u32,
    /// Activities called off.
    pub cancelled: u32,
    /// The sum of every scheme key over the counts recorded on them.
    pub totals: BTreeMap<String, u64>,
}

/// The counts of the activities in one area (or with none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaTotals {
    /// The area as the volunteer typed it; `None` for activities without one.
    pub area: Option<String>,
    /// The sum of every scheme key.
    pub totals: BTreeMap<String, u64>,
}

/// The counts of one kind of activity in one area (format 2 on): what a report of areas by
/// kind reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaKindTotals {
    /// The area as in `by_area`; `None` for activities without one.
    pub area: Option<String>,
    /// The kind of activity.
    pub kind: ActivityKind,
    /// The scheme keys that are not 0 (a key left out is 0).
    pub totals: BTreeMap<String, u64>,
}

/// What a set of totals must satisfy, by the name it is reported under.
type TotalsCheck<'a> = dyn Fn(&str, &BTreeMap<String, u64>) -> Result<(), ExchangeError> + 'a;

/// A volunteer's month, as written to a summary file (before encryption).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthSummary {
    /// Always [`SUMMARY_FORMAT`].
    pub format: String,
    /// The format version, 1 to [`SUMMARY_VERSION`].
    pub version: u32,
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The category scheme the totals are in (`v1`).
    pub scheme_version: String,
    /// Who sent it.
    pub volunteer: Sender,
    /// 1 for the first export of this month, one more for each export after it.
    pub revision: u32,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// The month's totals, every key of the scheme.
    pub totals: BTreeMap<String, u64>,
    /// By kind of activity (every kind, in the scheme's key set).
    pub by_kind: BTreeMap<ActivityKind, KindTotals>,
    /// By area.
    pub by_area: Vec<AreaTotals>,
    /// By area and kind together, each pair with anything counted (format 2 on; empty and
    /// left out in format 1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_area_kind: Vec<AreaKindTotals>,
}

impl Signed for MonthSummary {
    const FORMAT: &'static str = SUMMARY_FORMAT;
    const VERSION: u32 = SUMMARY_VERSION;

    fn signer(&self) -> Result<PublicKey, ExchangeError> {
        Ok(PublicKey::from_base64(&self.volunteer.signing_key)?)
    }
}

impl MonthSummary {
    /// The summary signed by `key` (whose public half it must name), checked like one read.
    pub fn sign(self, key: &SecretKey) -> Result<serde_json::Value, ExchangeError> {
        let summary = self.checked()?;
        if summary.signer()? != key.public() {
            return Err(ExchangeError::Malformed { detail: "the summary names another key than signs it".into() });
        }
        sign_document(&summary, key)
    }

    /// Reads a summary (already decrypted): signed by the key it names, totals that add up.
    pub fn read(bytes: &[u8]) -> Result<Self, ExchangeError> {
        open_document::<MonthSummary>(bytes, MAX_SUMMARY_BYTES)?.checked()
    }

    /// As [`MonthSummary::read`], also giving its signature (base64) and the canonical JSON
    /// it signs (the summary without its signature, compact: what a coordinator keeps).
    pub fn read_signed(bytes: &[u8]) -> Result<(Self, String, String), ExchangeError> {
        if bytes.len() > MAX_SUMMARY_BYTES {
            return Err(ExchangeError::TooLarge { max: MAX_SUMMARY_BYTES });
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| ExchangeError::NotJson { detail: e.to_string() })?;
        let (summary, signature, body) = open_value_with_body::<MonthSummary>(value)?;
        let body = String::from_utf8(body).map_err(|e| ExchangeError::Malformed { detail: e.to_string() })?;
        Ok((summary.checked()?, signature, body))
    }

    /// The signed summary again, from what a coordinator keeps: the canonical JSON it signs
    /// and its signature.
    pub fn signed_document(body: &str, signature: &str) -> Result<serde_json::Value, ExchangeError> {
        let mut value: serde_json::Value =
            serde_json::from_str(body).map_err(|e| ExchangeError::Malformed { detail: e.to_string() })?;
        let object =
            value.as_object_mut().ok_or_else(|| ExchangeError::Malformed { detail: "not an object".into() })?;
        object.insert("signature".into(), serde_json::Value::String(signature.to_string()));
        Ok(value)
    }

    /// A summary as a coordinator's Nabo stored it (verified when it was imported): its JSON,
    /// with or without its `signature` member. Not verified again.
    pub fn from_stored(text: &str) -> Result<Self, ExchangeError> {
        let malformed = |e: serde_json::Error| ExchangeError::Malformed { detail: e.to_string() };
        let mut value: serde_json::Value = serde_json::from_str(text).map_err(malformed)?;
        if let Some(object) = value.as_object_mut() {
            object.remove("signature");
        }
        serde_json::from_value(value).map_err(malformed)
    }

    /// As [`MonthSummary::read_signed`], of a summary already parsed (one a roll-up carries).
    pub fn read_value(value: serde_json::Value) -> Result<(Self, String, String), ExchangeError> {
        let (summary, signature, body) = open_value_with_body::<MonthSummary>(value)?;
        let body = String::from_utf8(body).map_err(|e| ExchangeError::Malformed { detail: e.to_string() })?;
        Ok((summary.checked()?, signature, body))
    }

    /// The summary with its texts cleaned, or why its contents cannot be true.
    fn checked(mut self) -> Result<Self, ExchangeError> {
        let malformed = |detail: String| ExchangeError::Malformed { detail };
        let period_ok = self.period.len() == 7
            && chrono::NaiveDate::parse_from_str(&format!("{}-01", self.period), "%Y-%m-%d")
                .is_ok_and(crate::time::in_planning_years);
        if !period_ok {
            return Err(malformed(format!("'{}' is not a month", self.period.chars().take(20).collect::<String>())));
        }
        if self.revision == 0 {
            return Err(malformed("revision 0".into()));
        }
        if chrono::DateTime::parse_from_rfc3339(&self.created).is_err() {
            return Err(malformed("'created' is not an RFC 3339 time".into()));
        }
        self.volunteer.name = clean(Field::DisplayName, Some(std::mem::take(&mut self.volunteer.name)))?
            .ok_or_else(|| malformed("the volunteer has no name".into()))?;
        let scheme = Scheme::get(&self.scheme_version).map_err(|_| {
            malformed(format!("unknown scheme '{}'", self.scheme_version.chars().take(20).collect::<String>()))
        })?;
        let keys = scheme.keys();
        let check_totals = |what: &str, totals: &BTreeMap<String, u64>| -> Result<(), ExchangeError> {
            if let Some(key) = totals.keys().find(|k| !keys.contains(k)) {
                return Err(malformed(format!(
                    "{what}: '{}' is not a key of the scheme",
                    key.chars().take(40).collect::<String>()
                )));
            }
            if let Some((key, value)) = totals.iter().find(|(_, v)| **v > MAX_MONTH_TOTAL) {
                return Err(malformed(format!("{what}: {key} = {value} is impossible")));
            }
            // What holds for every record holds for their sums: a breakdown adds up to the
            // people reached, every other total and each tally is at most that.
            let value = |key: &str| totals.get(key).copied().unwrap_or(0);
            let reached = value("reached");
            for group in &scheme.groups {
                let keys = group.keys();
                match group.kind {
                    GroupKind::Breakdown => {
                        let sum: u64 = keys.iter().map(|k| value(k)).sum();
                        if sum != reached {
                            return Err(malformed(format!(
                                "{what}: {} adds up to {sum}, not to the {reached} people reached",
                                group.key
                            )));
                        }
                    }
                    GroupKind::Total | GroupKind::Tally => {
                        if let Some(key) = keys.iter().find(|k| value(k) > reached) {
                            return Err(malformed(format!(
                                "{what}: {key} = {} is more than the {reached} people reached",
                                value(key)
                            )));
                        }
                    }
                }
            }
            Ok(())
        };
        check_totals("totals", &self.totals)?;
        if self.by_area.len() > MAX_AREAS {
            return Err(malformed("more than 200 areas".into()));
        }
        let mut sum_kinds: BTreeMap<String, u64> = BTreeMap::new();
        for (kind, k) in &self.by_kind {
            check_totals(kind.as_str(), &k.totals)?;
            for (key, value) in &k.totals {
                *sum_kinds.entry(key.clone()).or_insert(0) += value;
            }
        }
        let mut sum_areas: BTreeMap<String, u64> = BTreeMap::new();
        for area in &mut self.by_area {
            if let Some(name) = area.area.take() {
                area.area = clean(Field::Area, Some(name))?;
            }
            check_totals("by_area", &area.totals)?;
            for (key, value) in &area.totals {
                *sum_areas.entry(key.clone()).or_insert(0) += value;
            }
        }
        let total = nonzero(&self.totals);
        if nonzero(&sum_kinds) != total || nonzero(&sum_areas) != total {
            return Err(malformed("the totals by kind or by area do not add up to the month's".into()));
        }
        self.check_area_kinds(&check_totals)?;
        Ok(self)
    }

    /// Format 2's totals by area and kind: each pair once, and adding up to the totals by
    /// kind and by area (format 1 has none).
    fn check_area_kinds(&mut self, check_totals: &TotalsCheck<'_>) -> Result<(), ExchangeError> {
        let malformed = |detail: String| ExchangeError::Malformed { detail };
        if self.version < 2 {
            return match self.by_area_kind.is_empty() {
                true => Ok(()),
                false => Err(malformed("by_area_kind in a version 1 summary".into())),
            };
        }
        if self.by_area_kind.len() > MAX_AREA_KINDS {
            return Err(malformed(format!("more than {MAX_AREA_KINDS} pairs of area and kind")));
        }
        let mut by_kind: BTreeMap<ActivityKind, BTreeMap<String, u64>> = BTreeMap::new();
        let mut by_area: BTreeMap<Option<String>, BTreeMap<String, u64>> = BTreeMap::new();
        for pair in &mut self.by_area_kind {
            if let Some(name) = pair.area.take() {
                pair.area = clean(Field::Area, Some(name))?;
            }
            check_totals("by_area_kind", &pair.totals)?;
            let area = by_area.entry(pair.area.clone()).or_default();
            let kind = by_kind.entry(pair.kind).or_default();
            for (key, value) in &pair.totals {
                *area.entry(key.clone()).or_insert(0) += value;
                *kind.entry(key.clone()).or_insert(0) += value;
            }
        }
        let pairs: std::collections::BTreeSet<_> = self.by_area_kind.iter().map(|p| (&p.area, p.kind)).collect();
        if pairs.len() != self.by_area_kind.len() {
            return Err(malformed("by_area_kind names a pair of area and kind twice".into()));
        }
        for (kind, k) in &self.by_kind {
            if nonzero(&k.totals) != by_kind.remove(kind).map(|t| nonzero(&t)).unwrap_or_default() {
                return Err(malformed(format!("by_area_kind does not add up to {}'s totals", kind.as_str())));
            }
        }
        for a in &self.by_area {
            if nonzero(&a.totals) != by_area.remove(&a.area).map(|t| nonzero(&t)).unwrap_or_default() {
                let name = a.area.as_deref().unwrap_or("(no area)").chars().take(40).collect::<String>();
                return Err(malformed(format!("by_area_kind does not add up to the totals of area {name}")));
            }
        }
        if by_kind.values().chain(by_area.values()).any(|t| !nonzero(t).is_empty()) {
            return Err(malformed("by_area_kind counts an area or kind the summary does not list".into()));
        }
        Ok(())
    }
}

/// The totals without their zeros (a total left out is 0).
fn nonzero(m: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    m.iter().filter(|(_, v)| **v > 0).map(|(k, v)| (k.clone(), *v)).collect()
}

/// The totals of `by_area_kind` (zeros left out) from the records of a month: each record's
/// kind, area and values.
pub fn area_kind_totals<'a>(
    records: impl IntoIterator<Item = (ActivityKind, Option<&'a str>, &'a BTreeMap<String, u64>)>,
) -> Vec<AreaKindTotals> {
    let mut sums: BTreeMap<(Option<&str>, ActivityKind), BTreeMap<String, u64>> = BTreeMap::new();
    for (kind, area, totals) in records {
        let sum = sums.entry((area, kind)).or_default();
        for (key, value) in totals.iter().filter(|(_, v)| **v > 0) {
            *sum.entry(key.clone()).or_insert(0) += value;
        }
    }
    sums.into_iter()
        .filter(|(_, totals)| !totals.is_empty())
        .map(|((area, kind), totals)| AreaKindTotals { area: area.map(str::to_string), kind, totals })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(key: &SecretKey) -> MonthSummary {
        // Twelve people reached, three new, nothing known of them: each breakdown's unknown.
        let scheme = Scheme::current().expect("scheme");
        let mut totals: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
        totals.insert("reached".into(), 12);
        totals.insert("new".into(), 3);
        for group in scheme.groups.iter().filter(|g| g.kind == GroupKind::Breakdown) {
            totals.insert(format!("{}.unknown", group.key), 12);
        }
        MonthSummary {
            format: SUMMARY_FORMAT.into(),
            version: SUMMARY_VERSION,
            period: "2026-11".into(),
            scheme_version: "v1".into(),
            volunteer: Sender { name: "Amina".into(), signing_key: key.public().to_base64() },
            revision: 1,
            created: "2026-12-01T09:00:00Z".into(),
            totals: totals.clone(),
            by_kind: [(ActivityKind::HomeVisit, KindTotals { held: 4, cancelled: 1, totals: totals.clone() })].into(),
            by_area: vec![AreaTotals { area: Some("Gellerup".into()), totals: totals.clone() }],
            by_area_kind: area_kind_totals([(ActivityKind::HomeVisit, Some("Gellerup"), &totals)]),
        }
    }

    /// Amina's month in two areas and two kinds: 12 people reached at home visits in
    /// Gellerup, 5 at a group meeting in Hasle and 2 at one in Gellerup.
    fn two_by_two(key: &SecretKey) -> MonthSummary {
        let scheme = Scheme::current().expect("scheme");
        let reached = |n: u64| -> BTreeMap<String, u64> {
            let mut totals: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
            totals.insert("reached".into(), n);
            for group in scheme.groups.iter().filter(|g| g.kind == GroupKind::Breakdown) {
                totals.insert(format!("{}.unknown", group.key), n);
            }
            totals
        };
        let records = [
            (ActivityKind::HomeVisit, Some("Gellerup"), reached(12)),
            (ActivityKind::GroupMeeting, Some("Hasle"), reached(5)),
            (ActivityKind::GroupMeeting, Some("Gellerup"), reached(2)),
        ];
        let mut s = summary(key);
        s.totals = reached(19);
        s.by_kind = [
            (ActivityKind::HomeVisit, KindTotals { held: 4, cancelled: 0, totals: reached(12) }),
            (ActivityKind::GroupMeeting, KindTotals { held: 2, cancelled: 0, totals: reached(7) }),
        ]
        .into();
        s.by_area = vec![
            AreaTotals { area: Some("Gellerup".into()), totals: reached(14) },
            AreaTotals { area: Some("Hasle".into()), totals: reached(5) },
        ];
        s.by_area_kind = area_kind_totals(records.iter().map(|(k, a, t)| (*k, *a, t)));
        s
    }

    #[test]
    fn areas_by_kind_read_back_and_must_add_up() {
        let key = SecretKey::from_seed([7; 32]);
        let signed = two_by_two(&key).sign(&key).expect("signed");
        let read = MonthSummary::read(&bytes(&signed)).expect("reads");
        let pairs: Vec<(Option<&str>, ActivityKind, u64)> =
            read.by_area_kind.iter().map(|p| (p.area.as_deref(), p.kind, p.totals["reached"])).collect();
        assert_eq!(
            pairs,
            vec![
                (Some("Gellerup"), ActivityKind::HomeVisit, 12),
                (Some("Gellerup"), ActivityKind::GroupMeeting, 2),
                (Some("Hasle"), ActivityKind::GroupMeeting, 5),
            ]
        );
        // Zeros are left out of a pair's totals.
        assert!(read.by_area_kind.iter().all(|p| p.totals.values().all(|v| *v > 0)));

        let refused = |s: MonthSummary| match s.sign(&key) {
            Err(ExchangeError::Malformed { detail }) => detail,
            other => panic!("expected a refusal, got {other:?}"),
        };
        // Two people moved from Hasle's group meeting to Gellerup's: the areas no longer add up.
        let mut moved = two_by_two(&key);
        for p in &mut moved.by_area_kind {
            let delta: i64 = if p.area.as_deref() == Some("Hasle") {
                -2
            } else if p.kind == ActivityKind::GroupMeeting {
                2
            } else {
                0
            };
            for v in p.totals.values_mut() {
                *v = v.saturating_add_signed(delta);
            }
        }
        assert!(refused(moved).contains("area Gellerup"), "names the area");
        // A pair named twice.
        let mut twice = two_by_two(&key);
        let first = twice.by_area_kind[0].clone();
        twice.by_area_kind.push(first);
        assert!(refused(twice).contains("twice"));
        // A version 2 summary without them, and a version 1 summary with them.
        let mut none = two_by_two(&key);
        none.by_area_kind.clear();
        assert!(refused(none).contains("home_visit"));
        let mut old = two_by_two(&key);
        old.version = 1;
        assert!(refused(old).contains("version 1"));
        // A version 1 summary without them still reads.
        let mut v1 = two_by_two(&key);
        v1.version = 1;
        v1.by_area_kind.clear();
        let signed = v1.clone().sign(&key).expect("a version 1 summary is still good");
        assert!(!serde_json::to_string(&signed).expect("json").contains("by_area_kind"));
        assert_eq!(MonthSummary::read(&bytes(&signed)).expect("reads"), v1);
    }

    fn bytes(value: &serde_json::Value) -> Vec<u8> {
        serde_json::to_vec(value).expect("json")
    }

    #[test]
    fn impossible_totals_are_refused_even_when_signed() {
        let key = SecretKey::from_seed([7; 32]);
        let with = |key_name: &str, value: u64| {
            let mut s = summary(&key);
            for totals in std::iter::once(&mut s.totals)
                .chain(s.by_kind.values_mut().map(|k| &mut k.totals))
                .chain(s.by_area.iter_mut().map(|a| &mut a.totals))
                .chain(s.by_area_kind.iter_mut().map(|p| &mut p.totals))
            {
                totals.insert(key_name.to_string(), value);
            }
            s.sign(&key)
        };
        let refused = |r: Result<serde_json::Value, ExchangeError>| match r {
            Err(ExchangeError::Malformed { detail }) => detail,
            other => panic!("expected a refusal, got {other:?}"),
        };
        // 13 women among 12 people reached: the breakdown does not add up.
        assert!(refused(with("gender.women", 13)).contains("gender adds up to 25"));
        // More new contacts, or people who spoke of health, than people reached.
        assert!(refused(with("new", 13)).contains("new = 13"));
        assert!(refused(with("topic.health", 13)).contains("topic.health = 13"));
        assert!(with("topic.health", 12).is_ok());
    }

    #[test]
    fn a_summary_reads_back_and_a_changed_digit_is_refused() {
        let key = SecretKey::from_seed([7; 32]);
        let signed = summary(&key).sign(&key).expect("signed");
        assert_eq!(MonthSummary::read(&bytes(&signed)).expect("reads"), summary(&key));
        let text = String::from_utf8(bytes(&signed)).expect("utf-8").replace("\"reached\":12", "\"reached\":13");
        assert!(matches!(MonthSummary::read(text.as_bytes()), Err(ExchangeError::Signature(_))));
    }

    #[test]
    fn totals_that_do_not_add_up_or_unknown_keys_are_refused_even_when_signed() {
        let key = SecretKey::from_seed([7; 32]);
        let mut wrong = summary(&key);
        wrong.by_area[0].totals.insert("reached".into(), 11);
        assert!(matches!(wrong.sign(&key), Err(ExchangeError::Malformed { .. })));
        let mut unknown = summary(&key);
        unknown.totals.insert("favourite_colour".into(), 1);
        assert!(matches!(unknown.sign(&key), Err(ExchangeError::Malformed { .. })));
        let mut month = summary(&key);
        month.period = "2026-13".into();
        assert!(matches!(month.sign(&key), Err(ExchangeError::Malformed { .. })));
        let other = SecretKey::from_seed([8; 32]);
        assert!(matches!(summary(&key).sign(&other), Err(ExchangeError::Malformed { .. })));
    }
}
