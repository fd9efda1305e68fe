//! Anonymised contact counts: the versioned category scheme and the rules a record must meet.
//!
//! The scheme is data (`scheme/v1.toml`, embedded and checked at start): groups of
//! numbers with Danish and English labels. A record is a map from `group.bucket` keys
//! (`reached`, `gender.women`, `topic.health`) to whole numbers. [`Scheme::validate`]
//! is the one place the rules live, for the CLI and the app alike:
//!
//! - `reached` is required; `new` is at most `reached`;
//! - a *breakdown* (gender, age, …) adds up to `reached`: left out entirely it is recorded
//!   as all unknown, given in part it must add up exactly (so a typo is caught);
//! - a *tally* (topics, referrals) has each bucket at most `reached`;
//! - more people than an activity of its kind can reach is refused as a typo, and a
//!   group meeting much larger than its usual size gets a warning.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::activity::ActivityKind;

/// The scheme new records are made with.
pub const CURRENT_SCHEME: &str = "v1";

/// The embedded scheme files, oldest first.
const SCHEME_FILES: &[(&str, &str)] = &[("v1", include_str!("../scheme/v1.toml"))];

/// The largest number any one count may have.
pub const MAX_COUNT_VALUE: u32 = 10_000;

/// How a group's numbers relate to the people reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// One number (`reached`, `new`).
    Total,
    /// Buckets that add up to the people reached, with an `unknown` bucket.
    Breakdown,
    /// Buckets counted per person, each at most the people reached.
    Tally,
}

/// One bucket of a group, with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Bucket {
    /// Its key within the group (`women`).
    pub key: String,
    /// Danish label.
    pub da: String,
    /// English label.
    pub en: String,
}

/// A group of counts, with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Group {
    /// Its key (`gender`).
    pub key: String,
    /// How its numbers relate.
    pub kind: GroupKind,
    /// Danish label.
    pub da: String,
    /// English label.
    pub en: String,
    /// Its buckets (none for a total).
    #[serde(default)]
    pub buckets: Vec<Bucket>,
}

impl Group {
    /// The full keys of its buckets (`gender.women`), or its own key for a total.
    pub fn keys(&self) -> Vec<String> {
        if self.kind == GroupKind::Total {
            return vec![self.key.clone()];
        }
        self.buckets.iter().map(|b| format!("{}.{}", self.key, b.key)).collect()
    }
}

/// The most people one activity of each kind can reach, and when a meeting is "much larger".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Limits {
    /// Home visits.
    pub home_visit: u32,
    /// Accompaniments.
    pub accompaniment: u32,
    /// Network meetings.
    pub network_meeting: u32,
    /// Group meetings.
    pub group_meeting: u32,
    /// Outreach.
    pub outreach: u32,
    /// A group meeting this many times its expected size gets a warning.
    pub warn_factor: u32,
}

impl Limits {
    /// The most people an activity of `kind` can reach.
    pub fn max_reached(&self, kind: ActivityKind) -> u32 {
        match kind {
            ActivityKind::HomeVisit => self.home_visit,
            ActivityKind::Accompaniment => self.accompaniment,
            ActivityKind::NetworkMeeting => self.network_meeting,
            ActivityKind::GroupMeeting => self.group_meeting,
            ActivityKind::Outreach => self.outreach,
        }
    }
}

/// A versioned category scheme.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Scheme {
    /// Its version (`v1`).
    #[serde(rename = "scheme")]
    pub version: String,
    /// Its groups, in the order they are shown.
    pub groups: Vec<Group>,
    /// Plausibility limits.
    pub limits: Limits,
    /// How records of older versions map onto this one: `from_v1 = { "age.50_64" = "age.50_plus", … }`.
    /// A key not named keeps its name; one mapped to `""` is dropped.
    #[serde(default)]
    pub migrate: HashMap<String, HashMap<String, String>>,
}

/// A scheme file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemeError {
    /// Not valid TOML of the expected shape.
    #[error("the category scheme cannot be read: {0}")]
    Unreadable(String),
    /// Valid TOML that breaks a rule of schemes.
    #[error("the category scheme {version} is not valid: {reason}")]
    Invalid {
        /// Its version.
        version: String,
        /// What is wrong.
        reason: String,
    },
    /// No scheme of that version is known.
    #[error("no category scheme {0} is known")]
    Unknown(String),
}

/// Why counts were refused; each names the key and the numbers that disagree.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountsError {
    /// A key the scheme does not have.
    #[error("{key} is not a key of the category scheme {scheme}")]
    UnknownKey {
        /// The key given.
        key: String,
        /// The scheme's version.
        scheme: String,
    },
    /// A value that is not a whole number from 0 to [`MAX_COUNT_VALUE`].
    #[error("{key}={value}: a count is a whole number from 0 to {MAX_COUNT_VALUE}")]
    BadValue {
        /// The key.
        key: String,
        /// What was given.
        value: String,
    },
    /// Not `key=value` (what was typed is not repeated: it may be anything).
    #[error("count number {position} is not written as key=value")]
    NotAnAssignment {
        /// Which argument, from 1.
        position: usize,
    },
    /// The same key twice.
    #[error("{key} is given twice")]
    Duplicate {
        /// The key.
        key: String,
    },
    /// `reached` is missing.
    #[error("reached (people reached) is required")]
    MissingReached,
    /// More new contacts than people reached.
    #[error("new={new} is more than reached={reached}")]
    NewAboveReached {
        /// New contacts.
        new: u32,
        /// People reached.
        reached: u32,
    },
    /// A breakdown given in part that does not add up to the people reached.
    #[error("{group} adds up to {sum}, but reached={reached}")]
    BreakdownSum {
        /// The group.
        group: String,
        /// What its buckets add up to.
        sum: u32,
        /// People reached.
        reached: u32,
    },
    /// A tally bucket larger than the people reached.
    #[error("{key}={value} is more than reached={reached}")]
    TallyAboveReached {
        /// The key.
        key: String,
        /// Its value.
        value: u32,
        /// People reached.
        reached: u32,
    },
    /// More people than an activity of this kind can reach.
    #[error("reached={reached} is more than a {kind} can reach (at most {max})")]
    Implausible {
        /// The activity's kind.
        kind: ActivityKind,
        /// People reached.
        reached: u32,
        /// The limit.
        max: u32,
    },
}

/// Something about valid counts worth a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsWarning {
    /// A group meeting much larger than its usual size.
    MuchLargerThanUsual {
        /// People reached.
        reached: u32,
        /// Its expected size.
        usual: u32,
    },
}

/// Counts that passed [`Scheme::validate`]: every key of the scheme, unknown buckets filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCounts {
    /// The scheme's version.
    pub scheme: String,
    /// Every key of the scheme with its value.
    pub values: BTreeMap<String, u32>,
    /// What is worth a second look.
    pub warnings: Vec<CountsWarning>,
}

impl ValidCounts {
    /// The people reached.
    pub fn reached(&self) -> u32 {
        self.values.get("reached").copied().unwrap_or(0)
    }

    /// Only the keys with a value above zero (what is stored).
    pub fn nonzero(&self) -> impl Iterator<Item = (&str, u32)> {
        self.values.iter().filter(|(_, v)| **v > 0).map(|(k, v)| (k.as_str(), *v))
    }
}

/// A key as a message may repeat it: as typed when it looks like a key (letters, digits, `.`,
/// `_`, `-`), else "…" — it may be anything, terminal escapes or personal data included.
fn shown_key(key: &str) -> String {
    let key_like = key.chars().count() <= 40
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if key_like {
        key.to_string()
    } else {
        "…".to_string()
    }
}

/// Reads `key=value` arguments (as the CLI gets them) into a map, refusing repeats and non-numbers.
pub fn parse_assignments<S: AsRef<str>>(args: &[S]) -> Result<BTreeMap<String, u32>, CountsError> {
    let mut out = BTreeMap::new();
    for (index, arg) in args.iter().enumerate() {
        let arg = arg.as_ref().trim();
        let Some((key, value)) = arg.split_once('=') else {
            return Err(CountsError::NotAnAssignment { position: index + 1 });
        };
        let key = key.trim().to_ascii_lowercase();
        // `=3` has no key: it is not written as key=value (and "  is not a key" says nothing).
        if key.is_empty() {
            return Err(CountsError::NotAnAssignment { position: index + 1 });
        }
        let value_text = value.trim();
        // The value is repeated in the message only if it looks like a number (it may be anything).
        let shown = || {
            let numeric = value_text.chars().count() <= 20
                && value_text.chars().all(|c| c.is_ascii_digit() || "+-.,".contains(c));
            if numeric {
                value_text.chars().take(20).collect()
            } else {
                "…".to_string()
            }
        };
        let value = value_text
            .parse::<u32>()
            .ok()
            .filter(|v| *v <= MAX_COUNT_VALUE)
            .ok_or_else(|| CountsError::BadValue { key: shown_key(&key), value: shown() })?;
        if out.insert(key.clone(), value).is_some() {
            return Err(CountsError::Duplicate { key: shown_key(&key) });
        }
    }
    Ok(out)
}

impl Scheme {
    /// Reads and checks a scheme file.
    pub fn parse(text: &str) -> Result<Self, SchemeError> {
        let scheme: Scheme = toml::from_str(text).map_err(|e| SchemeError::Unreadable(e.message().to_string()))?;
        scheme.check()?;
        Ok(scheme)
    }

    fn check(&self) -> Result<(), SchemeError> {
        let invalid = |reason: String| SchemeError::Invalid { version: self.version.clone(), reason };
        let mut seen = std::collections::HashSet::new();
        for group in &self.groups {
            let valid_key =
                |k: &str| !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid_key(&group.key) || group.buckets.iter().any(|b| !valid_key(&b.key)) {
                return Err(invalid(format!("{}: keys are lower-case letters, digits and _", group.key)));
            }
            if group.da.trim().is_empty()
                || group.en.trim().is_empty()
                || group.buckets.iter().any(|b| b.da.trim().is_empty() || b.en.trim().is_empty())
            {
                return Err(invalid(format!("{}: every label needs Danish and English", group.key)));
            }
            match group.kind {
                GroupKind::Total if !group.buckets.is_empty() => {
                    return Err(invalid(format!("{}: a total has no buckets", group.key)))
                }
                GroupKind::Breakdown if !group.buckets.iter().any(|b| b.key == "unknown") => {
                    return Err(invalid(format!("{}: a breakdown needs an unknown bucket", group.key)))
                }
                GroupKind::Tally | GroupKind::Breakdown if group.buckets.is_empty() => {
                    return Err(invalid(format!("{}: no buckets", group.key)))
                }
                _ => {}
            }
            for key in group.keys() {
                if !seen.insert(key.clone()) {
                    return Err(invalid(format!("{key} appears twice")));
                }
            }
        }
        for total in ["reached", "new"] {
            if !self.groups.iter().any(|g| g.key == total && g.kind == GroupKind::Total) {
                return Err(invalid(format!("the total {total} is missing")));
            }
        }
        Ok(())
    }

    /// The scheme of a version Nabo knows (parsed once).
    pub fn get(version: &str) -> Result<&'static Scheme, SchemeError> {
        static SCHEMES: OnceLock<Vec<Result<Scheme, SchemeError>>> = OnceLock::new();
        let all = SCHEMES.get_or_init(|| SCHEME_FILES.iter().map(|(_, text)| Scheme::parse(text)).collect());
        let index =
            SCHEME_FILES.iter().position(|(v, _)| *v == version).ok_or_else(|| SchemeError::Unknown(version.into()))?;
        match all.get(index) {
            Some(Ok(scheme)) => Ok(scheme),
            Some(Err(e)) => Err(e.clone()),
            None => Err(SchemeError::Unknown(version.into())),
        }
    }

    /// The scheme new records are made with.
    pub fn current() -> Result<&'static Scheme, SchemeError> {
        Self::get(CURRENT_SCHEME)
    }

    /// Every key, in the scheme's order.
    pub fn keys(&self) -> Vec<String> {
        self.groups.iter().flat_map(Group::keys).collect()
    }

    /// Checks counts given for an activity of `kind` (with its `expected_size`) and completes them.
    pub fn validate(
        &self,
        kind: ActivityKind,
        expected_size: Option<u32>,
        given: &BTreeMap<String, u32>,
    ) -> Result<ValidCounts, CountsError> {
        let keys = self.keys();
        if let Some(unknown) = given.keys().find(|k| !keys.contains(k)) {
            return Err(CountsError::UnknownKey { key: shown_key(unknown), scheme: self.version.clone() });
        }
        let reached = *given.get("reached").ok_or(CountsError::MissingReached)?;
        let max = self.limits.max_reached(kind);
        if reached > max {
            return Err(CountsError::Implausible { kind, reached, max });
        }
        let new = given.get("new").copied().unwrap_or(0);
        if new > reached {
            return Err(CountsError::NewAboveReached { new, reached });
        }
        let mut values: BTreeMap<String, u32> = keys.iter().map(|k| (k.clone(), 0)).collect();
        values.insert("reached".into(), reached);
        values.insert("new".into(), new);
        for group in &self.groups {
            let keys = group.keys();
            match group.kind {
                GroupKind::Total => {}
                GroupKind::Breakdown => {
                    let parts: Vec<(&String, u32)> =
                        keys.iter().filter_map(|k| given.get(k).map(|v| (k, *v))).collect();
                    if parts.is_empty() {
                        values.insert(format!("{}.unknown", group.key), reached);
                        continue;
                    }
                    let sum = parts.iter().map(|(_, v)| u64::from(*v)).sum::<u64>();
                    if sum != u64::from(reached) {
                        let sum = u32::try_from(sum).unwrap_or(u32::MAX);
                        return Err(CountsError::BreakdownSum { group: group.key.clone(), sum, reached });
                    }
                    for (k, v) in parts {
                        values.insert(k.clone(), v);
                    }
                }
                GroupKind::Tally => {
                    for k in &keys {
                        if let Some(v) = given.get(k) {
                            if *v > reached {
                                return Err(CountsError::TallyAboveReached { key: k.clone(), value: *v, reached });
                            }
                            values.insert(k.clone(), *v);
                        }
                    }
                }
            }
        }
        let mut warnings = Vec::new();
        if let (ActivityKind::GroupMeeting, Some(usual)) = (kind, expected_size) {
            if usual > 0 && reached >= usual.saturating_mul(self.limits.warn_factor) {
                warnings.push(CountsWarning::MuchLargerThanUsual { reached, usual });
            }
        }
        Ok(ValidCounts { scheme: self.version.clone(), values, warnings })
    }

    /// Maps stored values of scheme `from` onto this scheme (summing keys that merge).
    pub fn migrate<T: Copy + Default + std::ops::AddAssign>(
        &self,
        from: &str,
        values: &BTreeMap<String, T>,
    ) -> Result<BTreeMap<String, T>, SchemeError> {
        if from == self.version {
            return Ok(values.clone());
        }
        let map = self.migrate.get(&format!("from_{from}")).ok_or_else(|| SchemeError::Invalid {
            version: self.version.clone(),
            reason: format!("it says nothing about records of {from}"),
        })?;
        let keys = self.keys();
        let mut out = BTreeMap::new();
        for (key, value) in values {
            let target = map.get(key).map_or(key.as_str(), String::as_str);
            if target.is_empty() {
                continue;
            }
            if !keys.iter().any(|k| k == target) {
                return Err(SchemeError::Invalid {
                    version: self.version.clone(),
                    reason: format!("{from}'s {key} maps to {target}, which it does not have"),
                });
            }
            *out.entry(target.to_string()).or_insert_with(T::default) += *value;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(args: &[&str]) -> BTreeMap<String, u32> {
        parse_assignments(args).unwrap_or_default()
    }

    fn v1() -> &'static Scheme {
        Scheme::current().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_v1_scheme_loads_with_everything_the_programmes_report_on() {
        let keys = v1().keys();
        for key in [
            "reached",
            "new",
            "gender.women",
            "gender.unknown",
            "age.under_18",
            "age.65_plus",
            "topic.rights_social_control",
            "referral.soestre_mod_vold",
            "referral.sabaah",
            "source.outreach",
            "next.follow_up_visit",
            "language.arabic",
        ] {
            assert!(keys.iter().any(|k| k == key), "{key} missing");
        }
        assert_eq!(v1().groups.iter().find(|g| g.key == "gender").map(|g| g.da.as_str()), Some("Køn"));
    }

    #[test]
    fn a_breakdown_left_out_is_all_unknown_and_one_given_in_part_must_add_up() {
        let valid = v1()
            .validate(ActivityKind::HomeVisit, None, &counts(&["reached=3", "new=1", "gender.women=2", "gender.men=1"]))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(valid.values["gender.women"], 2);
        assert_eq!(valid.values["age.unknown"], 3, "age left out");
        assert_eq!(valid.values["topic.health"], 0);
        let typo = v1().validate(ActivityKind::HomeVisit, None, &counts(&["reached=3", "gender.women=2"]));
        assert_eq!(typo, Err(CountsError::BreakdownSum { group: "gender".into(), sum: 2, reached: 3 }));
        let with_unknown =
            v1().validate(ActivityKind::HomeVisit, None, &counts(&["reached=3", "gender.women=2", "gender.unknown=1"]));
        assert!(with_unknown.is_ok());
    }

    #[test]
    fn impossible_counts_are_refused_naming_the_numbers() {
        let check = |args: &[&str]| v1().validate(ActivityKind::HomeVisit, None, &counts(args));
        assert_eq!(check(&["new=1"]), Err(CountsError::MissingReached));
        assert_eq!(check(&["reached=2", "new=3"]), Err(CountsError::NewAboveReached { new: 3, reached: 2 }));
        assert_eq!(
            check(&["reached=2", "topic.health=5"]),
            Err(CountsError::TallyAboveReached { key: "topic.health".into(), value: 5, reached: 2 })
        );
        assert_eq!(
            check(&["reached=400"]),
            Err(CountsError::Implausible { kind: ActivityKind::HomeVisit, reached: 400, max: 30 })
        );
        assert_eq!(
            check(&["reached=2", "gender.woman=2"]),
            Err(CountsError::UnknownKey { key: "gender.woman".into(), scheme: "v1".into() })
        );
        assert_eq!(
            parse_assignments(&["reached=-3"]),
            Err(CountsError::BadValue { key: "reached".into(), value: "-3".into() })
        );
        assert_eq!(
            parse_assignments(&["reached=2", "reached=3"]),
            Err(CountsError::Duplicate { key: "reached".into() })
        );
        assert_eq!(parse_assignments(&["new=1", "reached"]), Err(CountsError::NotAnAssignment { position: 2 }));
        assert_eq!(
            parse_assignments(&["reached=Fatima"]),
            Err(CountsError::BadValue { key: "reached".into(), value: "…".into() }),
            "text is not repeated"
        );
    }

    #[test]
    fn a_meeting_five_times_its_usual_size_is_a_warning_not_a_refusal() {
        let valid = v1().validate(ActivityKind::GroupMeeting, Some(12), &counts(&["reached=60"]));
        assert_eq!(valid.map(|v| v.warnings), Ok(vec![CountsWarning::MuchLargerThanUsual { reached: 60, usual: 12 }]));
        let normal = v1().validate(ActivityKind::GroupMeeting, Some(12), &counts(&["reached=14"]));
        assert_eq!(normal.map(|v| v.warnings), Ok(vec![]));
    }

    #[test]
    fn records_of_an_older_scheme_migrate_by_the_mapping_in_the_newer_file() {
        let v2_text = include_str!("../scheme/v1.toml")
            .replace("scheme = \"v1\"", "scheme = \"v2\"")
            .replace(
                "  { key = \"50_64\", da = \"50–64\", en = \"50–64\" },\n  { key = \"65_plus\", da = \"65+\", en = \"65+\" },",
                "  { key = \"50_plus\", da = \"50+\", en = \"50+\" },",
            )
            + "\n[migrate.from_v1]\n\"age.50_64\" = \"age.50_plus\"\n\"age.65_plus\" = \"age.50_plus\"\n\"language.tigrinya\" = \"language.other\"\n";
        let v2 = Scheme::parse(&v2_text).unwrap_or_else(|e| panic!("{e}"));
        let old = v1()
            .validate(
                ActivityKind::GroupMeeting,
                None,
                &counts(&["reached=5", "age.50_64=2", "age.65_plus=1", "age.unknown=2"]),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let migrated = v2.migrate("v1", &old.values).unwrap_or_default();
        assert_eq!(migrated["age.50_plus"], 3);
        assert_eq!(migrated["reached"], 5);
        assert!(!migrated.contains_key("age.65_plus"));
        assert!(v2.validate(ActivityKind::GroupMeeting, None, &migrated).is_ok(), "still adds up");
        assert!(v2.migrate("v0", &old.values).is_err());
    }

    #[test]
    fn broken_scheme_files_are_refused() {
        let base = include_str!("../scheme/v1.toml");
        assert!(matches!(Scheme::parse("scheme = 1"), Err(SchemeError::Unreadable(_))));
        let no_unknown = base.replace(
            "  { key = \"unknown\", da = \"Ved ikke\", en = \"Unknown\" },\n]\n\n[[groups]]\nkey = \"age\"",
            "]\n\n[[groups]]\nkey = \"age\"",
        );
        assert!(matches!(Scheme::parse(&no_unknown), Err(SchemeError::Invalid { .. })), "breakdown without unknown");
        let no_english = base.replacen("en = \"Women\"", "en = \"\"", 1);
        assert!(matches!(Scheme::parse(&no_english), Err(SchemeError::Invalid { .. })));
    }
}
