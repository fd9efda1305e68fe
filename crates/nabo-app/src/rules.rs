//! The limits and per-kind rules a front end shows before it asks: core's and the settings',
//! as data. The desktop UI reads them from `ui/src/lib/bindings/currentRules.ts`, which a test writes
//! from [`Rules::current`] (committed, and checked current like the TypeScript types), so the
//! UI never restates a limit.

use nabo_core::{ActivityKind, Details, Field, MAX_COUNT, MAX_EXPECTED_SIZE};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::settings::{duration_range, range_of, DefaultDurations};

/// Every rule the UI checks before it sends a request (the service checks them again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rules {
    /// Each kind of activity, in display order.
    pub kinds: Vec<KindRules>,
    /// The free-text fields of an activity, each with the longest text it takes.
    pub texts: Vec<TextRule>,
    /// An activity with every detail empty: the fields a request carries besides kind and time.
    pub blank_details: Details,
    /// How many people a group meeting may be expected to have.
    pub expected_size: Range,
    /// How many meetings a series may have.
    pub series_meetings: Range,
    /// The longest repeat rule, in characters.
    pub repeat_max_chars: u32,
    /// The ranges of the numeric settings.
    pub settings: SettingRanges,
}

/// What one kind of activity asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindRules {
    /// The kind.
    pub kind: ActivityKind,
    /// The text fields its form offers, in order.
    pub fields: Vec<Field>,
    /// The fields it must have.
    pub required: Vec<Field>,
    /// Whether it may have an expected size (group meetings).
    pub expected_size: bool,
    /// How long it may last, in minutes.
    pub duration_minutes: Range,
    /// The range of its default duration in Settings, in minutes.
    pub default_duration: Range,
    /// Its default duration before any is set, in minutes.
    pub default_minutes: u32,
    /// The most people one activity of this kind can reach (the counts scheme's limit).
    pub max_reached: u32,
}

/// The longest text a field takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TextRule {
    /// The field.
    pub field: Field,
    /// Its limit, in characters.
    pub max_chars: u32,
}

/// An inclusive range of whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Range {
    /// The smallest allowed.
    pub min: u32,
    /// The largest allowed.
    pub max: u32,
}

/// The ranges of the numeric settings, as the settings form and `nabo settings set` check them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettingRanges {
    /// Travel time between visits, in minutes.
    pub travel_buffer_minutes: Range,
    /// How long before an activity to remind, in minutes.
    pub reminder_minutes: Range,
    /// How many days after a visit to suggest a follow-up.
    pub follow_up_days: Range,
    /// How many months after a household's last visit its code name and notes are erased.
    pub erase_after_months: Range,
}

impl Range {
    fn of((min, max): (i64, i64)) -> Self {
        let clamp = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        Self { min: clamp(min), max: clamp(max) }
    }
}

fn chars(field: Field) -> u32 {
    u32::try_from(field.max_chars()).unwrap_or(u32::MAX)
}

impl Rules {
    /// The rules this build of Nabo enforces.
    pub fn current() -> Self {
        // The built-in scheme is checked by its own tests; without it no count could be recorded.
        let scheme = nabo_core::Scheme::current().ok();
        let kinds = ActivityKind::ALL
            .iter()
            .map(|&kind| KindRules {
                kind,
                fields: kind.form_fields().to_vec(),
                required: kind.required_fields().to_vec(),
                expected_size: kind.allows(Field::ExpectedSize),
                duration_minutes: Range { min: 1, max: kind.max_duration().get() },
                default_duration: Range::of(duration_range(kind)),
                default_minutes: DefaultDurations::default().get(kind),
                max_reached: scheme.map(|s| s.limits.max_reached(kind)).unwrap_or(0),
            })
            .collect();
        Self {
            kinds,
            texts: Details::TEXT_FIELDS.iter().map(|&field| TextRule { field, max_chars: chars(field) }).collect(),
            blank_details: Details::default(),
            expected_size: Range { min: 1, max: MAX_EXPECTED_SIZE },
            series_meetings: Range { min: 1, max: MAX_COUNT },
            repeat_max_chars: chars(Field::Repeat),
            settings: SettingRanges {
                travel_buffer_minutes: Range::of(range_of("travel_buffer_minutes")),
                reminder_minutes: Range::of(range_of("reminder_minutes")),
                follow_up_days: Range::of(range_of("follow_up_days")),
                erase_after_months: Range::of(range_of("erase_after_months")),
            },
        }
    }

    /// The rules as a TypeScript module: `export const RULES: Rules = {…}`.
    pub fn typescript(&self) -> Result<String, serde_json::Error> {
        let json = serde_json::to_string_pretty(self)?;
        Ok(format!(
            "// Written by nabo-app's `rules` test from Rules::current(): the limits core and the settings enforce.\n\
             // Do not edit: change the Rust side and run `cargo test -p nabo-app`.\n\
             import type {{ Rules }} from './Rules'\n\n\
             export const RULES: Rules = {json}\n"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `ui/src/lib/bindings/currentRules.ts` when it differs; the test command then fails if
    /// the committed file was not current (like the ts-rs types beside it).
    #[test]
    fn the_ui_reads_the_rules_from_a_current_file() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings/currentRules.ts");
        let text = Rules::current().typescript().expect("serialises");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, &text).expect("write currentRules.ts");
        }
    }

    #[test]
    fn the_rules_say_what_core_and_the_settings_enforce() {
        let rules = Rules::current();
        let visit = rules.kinds.iter().find(|k| k.kind == ActivityKind::HomeVisit).expect("visits");
        assert_eq!(visit.duration_minutes, Range { min: 1, max: 480 });
        assert_eq!(visit.required, [Field::Area]);
        assert!(!visit.expected_size);
        let meeting = rules.kinds.iter().find(|k| k.kind == ActivityKind::GroupMeeting).expect("meetings");
        assert_eq!(meeting.duration_minutes.max, 720);
        assert!(meeting.expected_size);
        assert_eq!(rules.series_meetings.max, MAX_COUNT);
        assert_eq!(rules.settings.reminder_minutes, Range { min: 0, max: 1440 });
        // A visit's default can be no longer than a visit may last; a meeting's up to 720.
        assert_eq!(visit.default_duration, Range { min: 5, max: 480 });
        assert_eq!(meeting.default_duration, Range { min: 5, max: 720 });
        assert_eq!((visit.default_minutes, meeting.default_minutes), (60, 120));
        let scheme = nabo_core::Scheme::current().expect("scheme");
        assert_eq!(visit.max_reached, scheme.limits.max_reached(ActivityKind::HomeVisit));
        assert!(visit.max_reached > 0);
        assert_eq!(rules.texts.len(), Details::TEXT_FIELDS.len());
    }
}
