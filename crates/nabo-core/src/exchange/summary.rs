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
/// The summary format version this build writes and the newest it reads.
pub const SUMMARY_VERSION: u32 = 1;
/// The largest summary read (a month with every key in 200 areas is far below it).
pub const MAX_SUMMARY_BYTES: usize = 1024 * 1024;
/// The most areas a summary may list.
const MAX_AREAS: usize = 200;
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
        let nonzero = |m: &BTreeMap<String, u64>| -> BTreeMap<String, u64> {
            m.iter().filter(|(_, v)| **v > 0).map(|(k, v)| (k.clone(), *v)).collect()
        };
        let total = nonzero(&self.totals);
        if nonzero(&sum_kinds) != total || nonzero(&sum_areas) != total {
            return Err(malformed("the totals by kind or by area do not add up to the month's".into()));
        }
        Ok(self)
    }
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
            by_area: vec![AreaTotals { area: Some("Gellerup".into()), totals }],
        }
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
