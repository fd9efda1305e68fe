//! The roll-up: a local coordinator's area over a month, quarter or year, signed by her key,
//! carrying every volunteer summary it adds up — each one whole, with the volunteer's own
//! signature — so that the national level can check each one, count a volunteer's month once
//! when it also has her file, and use a newer revision of it than the roll-up holds.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::summary::{MonthSummary, Sender};
use super::{document_sha256, open_document, sign_document, ExchangeError, PublicKey, SecretKey, Signed};
use crate::counts::Scheme;
use crate::report::{Month, Period};
use crate::text::{clean, Field};

/// The `format` member of a roll-up.
pub const ROLLUP_FORMAT: &str = "nabo-rollup";
/// The roll-up format version this build writes and the newest it reads.
pub const ROLLUP_VERSION: u32 = 1;
/// The largest roll-up read (a year of 60 volunteers' summaries is about 5 MB).
pub const MAX_ROLLUP_BYTES: usize = 64 * 1024 * 1024;
/// The most summaries one roll-up carries.
pub const MAX_ROLLUP_SUMMARIES: usize = 20_000;

/// One volunteer summary a roll-up carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constituent {
    /// The volunteer's Ed25519 public key, base64 (as in the summary).
    pub volunteer_key: String,
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The summary's revision.
    pub revision: u32,
    /// SHA-256 of the summary's RFC 8785 canonical JSON, signature included, hex.
    pub sha256: String,
    /// The signed summary itself, as the volunteer made it.
    pub summary: serde_json::Value,
}

/// A local coordinator's roll-up, as written (before encryption).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollUp {
    /// Always [`ROLLUP_FORMAT`].
    pub format: String,
    /// 1 to [`ROLLUP_VERSION`].
    pub version: u32,
    /// `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    pub period: String,
    /// The category scheme the totals are in.
    pub scheme_version: String,
    /// The coordinator who made it.
    pub coordinator: Sender,
    /// 1 for her first roll-up of this period, one more for each after it.
    pub revision: u32,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// The area's totals over the period: the sum of the summaries' totals.
    pub totals: BTreeMap<String, u64>,
    /// Every volunteer summary it adds up, by volunteer key and month.
    pub summaries: Vec<Constituent>,
}

impl Signed for RollUp {
    const FORMAT: &'static str = ROLLUP_FORMAT;
    const VERSION: u32 = ROLLUP_VERSION;

    fn signer(&self) -> Result<PublicKey, ExchangeError> {
        Ok(PublicKey::from_base64(&self.coordinator.signing_key)?)
    }
}

/// A constituent as read: the summary verified, with its signature.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedConstituent {
    /// The summary.
    pub summary: MonthSummary,
    /// The volunteer's signature on it (base64).
    pub signature: String,
    /// The canonical JSON her signature covers (what a coordinator keeps of it).
    pub body: String,
    /// SHA-256 of the signed summary's canonical JSON, hex (the roll-up's name for it).
    pub sha256: String,
}

fn malformed(detail: String) -> ExchangeError {
    ExchangeError::Malformed { detail }
}

impl Constituent {
    /// A signed summary (as parsed JSON) ready to be carried.
    pub fn of(summary: &MonthSummary, signed: serde_json::Value) -> Result<Self, ExchangeError> {
        Ok(Self {
            volunteer_key: summary.volunteer.signing_key.clone(),
            period: summary.period.clone(),
            revision: summary.revision,
            sha256: document_sha256(&signed)?,
            summary: signed,
        })
    }
}

impl RollUp {
    /// The roll-up signed by `key` (whose public half it must name), checked like one read.
    pub fn sign(self, key: &SecretKey) -> Result<serde_json::Value, ExchangeError> {
        self.clone().checked()?;
        if self.signer()? != key.public() {
            return Err(malformed("the roll-up names another key than signs it".into()));
        }
        sign_document(&self, key)
    }

    /// Reads a roll-up (already decrypted): signed by the coordinator it names, and every
    /// summary in it signed by its volunteer, named by its hash, in the period, once, and
    /// adding up to the roll-up's totals.
    pub fn read(bytes: &[u8]) -> Result<(Self, Vec<VerifiedConstituent>), ExchangeError> {
        open_document::<RollUp>(bytes, MAX_ROLLUP_BYTES)?.checked()
    }

    fn checked(mut self) -> Result<(Self, Vec<VerifiedConstituent>), ExchangeError> {
        let period: Period = self.period.parse().map_err(|_| {
            malformed(format!("'{}' is not a period", self.period.chars().take(20).collect::<String>()))
        })?;
        if self.revision == 0 {
            return Err(malformed("revision 0".into()));
        }
        if chrono::DateTime::parse_from_rfc3339(&self.created).is_err() {
            return Err(malformed("'created' is not an RFC 3339 time".into()));
        }
        self.coordinator.name = clean(Field::DisplayName, Some(std::mem::take(&mut self.coordinator.name)))?
            .ok_or_else(|| malformed("the coordinator has no name".into()))?;
        let scheme = Scheme::get(&self.scheme_version).map_err(|_| malformed("unknown scheme".into()))?;
        if let Some(key) = self.totals.keys().find(|k| !scheme.keys().contains(k)) {
            return Err(malformed(format!(
                "'{}' is not a key of the scheme",
                key.chars().take(40).collect::<String>()
            )));
        }
        if self.summaries.len() > MAX_ROLLUP_SUMMARIES {
            return Err(malformed(format!("more than {MAX_ROLLUP_SUMMARIES} summaries")));
        }
        let mut seen = BTreeSet::new();
        let mut sums: BTreeMap<String, u64> = BTreeMap::new();
        let mut verified = Vec::with_capacity(self.summaries.len());
        for (i, c) in self.summaries.iter().enumerate() {
            let at = |what: &str| malformed(format!("summary {}: {what}", i + 1));
            if document_sha256(&c.summary)? != c.sha256 {
                return Err(at("its SHA-256 does not match it"));
            }
            let (summary, signature, body) =
                MonthSummary::read_value(c.summary.clone()).map_err(|e| at(&e.to_string()))?;
            if summary.volunteer.signing_key != c.volunteer_key
                || summary.period != c.period
                || summary.revision != c.revision
            {
                return Err(at("its key, month or revision is not the summary's"));
            }
            if summary.scheme_version != self.scheme_version {
                return Err(at("another category scheme than the roll-up's"));
            }
            let month: Month = summary.period.parse().map_err(|_| at("no month"))?;
            if !period.contains(month) {
                return Err(at(&format!("{} is outside {}", summary.period, self.period)));
            }
            if !seen.insert((c.volunteer_key.clone(), c.period.clone())) {
                return Err(at("a volunteer's month appears twice"));
            }
            for (k, v) in &summary.totals {
                *sums.entry(k.clone()).or_insert(0) += v;
            }
            verified.push(VerifiedConstituent { summary, signature, body, sha256: c.sha256.clone() });
        }
        let nonzero = |m: &BTreeMap<String, u64>| -> BTreeMap<String, u64> {
            m.iter().filter(|(_, v)| **v > 0).map(|(k, v)| (k.clone(), *v)).collect()
        };
        if nonzero(&sums) != nonzero(&self.totals) {
            return Err(malformed("the totals are not the sum of the summaries it carries".into()));
        }
        Ok((self, verified))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::{KindTotals, SUMMARY_FORMAT, SUMMARY_VERSION};
    use crate::ActivityKind;

    fn summary(seed: u8, period: &str, reached: u64) -> (MonthSummary, serde_json::Value) {
        let key = SecretKey::from_seed([seed; 32]);
        let scheme = Scheme::current().expect("scheme");
        let mut totals: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
        totals.insert("reached".into(), reached);
        for group in scheme.groups.iter().filter(|g| g.kind == crate::counts::GroupKind::Breakdown) {
            totals.insert(format!("{}.unknown", group.key), reached);
        }
        let s = MonthSummary {
            format: SUMMARY_FORMAT.into(),
            version: SUMMARY_VERSION,
            period: period.into(),
            scheme_version: "v1".into(),
            volunteer: Sender { name: format!("V{seed}"), signing_key: key.public().to_base64() },
            revision: 1,
            created: "2026-12-01T09:00:00Z".into(),
            totals: totals.clone(),
            by_kind: [(ActivityKind::HomeVisit, KindTotals { held: 1, cancelled: 0, totals: totals.clone() })].into(),
            by_area: vec![crate::exchange::AreaTotals { area: None, totals: totals.clone() }],
            by_area_kind: crate::exchange::area_kind_totals([(ActivityKind::HomeVisit, None, &totals)]),
        };
        let signed = s.clone().sign(&key).expect("signed");
        (s, signed)
    }

    fn rollup(parts: &[(MonthSummary, serde_json::Value)], coordinator: &SecretKey) -> RollUp {
        let mut totals = BTreeMap::new();
        for (s, _) in parts {
            for (k, v) in &s.totals {
                *totals.entry(k.clone()).or_insert(0) += v;
            }
        }
        RollUp {
            format: ROLLUP_FORMAT.into(),
            version: ROLLUP_VERSION,
            period: "2026-Q4".into(),
            scheme_version: "v1".into(),
            coordinator: Sender { name: "Hanne".into(), signing_key: coordinator.public().to_base64() },
            revision: 1,
            created: "2026-12-02T09:00:00Z".into(),
            totals,
            summaries: parts.iter().map(|(s, v)| Constituent::of(s, v.clone()).expect("constituent")).collect(),
        }
    }

    #[test]
    fn a_rollup_reads_back_with_every_summary_checked() {
        let hanne = SecretKey::from_seed([40; 32]);
        let parts = [summary(1, "2026-10", 7), summary(2, "2026-11", 9)];
        let signed = rollup(&parts, &hanne).sign(&hanne).expect("signed");
        let (read, constituents) = RollUp::read(&serde_json::to_vec(&signed).expect("json")).expect("reads");
        assert_eq!(read.totals.get("reached"), Some(&16));
        assert_eq!(constituents.len(), 2);
        assert_eq!(constituents[0].summary, parts[0].0);
    }

    #[test]
    fn a_changed_summary_a_wrong_sum_or_a_month_outside_is_refused() {
        let hanne = SecretKey::from_seed([40; 32]);
        let parts = [summary(1, "2026-10", 7), summary(2, "2026-11", 9)];
        // The coordinator changes a volunteer's count and signs the roll-up again: the
        // volunteer's signature no longer holds (hash fixed up too).
        let mut changed = rollup(&parts, &hanne);
        changed.summaries[0].summary["totals"]["reached"] = 8.into();
        changed.summaries[0].sha256 = document_sha256(&changed.summaries[0].summary).expect("hash");
        changed.totals.insert("reached".into(), 17);
        assert!(changed.sign(&hanne).is_err());
        let mut sum = rollup(&parts, &hanne);
        sum.totals.insert("reached".into(), 15);
        assert!(sum.sign(&hanne).is_err());
        let outside = [summary(1, "2026-09", 7)];
        assert!(rollup(&outside, &hanne).sign(&hanne).is_err());
        let twice = [summary(1, "2026-10", 7), summary(1, "2026-10", 7)];
        assert!(rollup(&twice, &hanne).sign(&hanne).is_err());
        let mut hash = rollup(&parts, &hanne);
        hash.summaries[1].sha256 = "0".repeat(64);
        assert!(hash.sign(&hanne).is_err());
    }
}
