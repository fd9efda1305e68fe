//! Activities: what a volunteer plans, and the checks a plan must pass.

use std::fmt;
use std::str::FromStr;

use chrono::DateTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::duration::Minutes;
use crate::recurrence::{Recurrence, RecurrenceError};
use crate::text::{clean, Field, PublicPlaces, TextError};
use crate::time::{end_in_planning_years, in_planning_years, resolve_local, LocalDateTime, TimeError, TimeNotice};

/// The number that identifies an activity in this database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActivityId(pub i64);

impl fmt::Display for ActivityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable name used in the database, JSON and the CLI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(UnknownName { what: stringify!($name), name: other.chars().take(40).collect() }),
                }
            }
        }
    };
}

/// A name that is not one of an enumeration's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{name}' is not a known {what}")]
pub struct UnknownName {
    /// Which enumeration.
    pub what: &'static str,
    /// The name given.
    pub name: String,
}

string_enum! {
    /// What kind of activity this is.
    ActivityKind {
        /// A visit to a household at home.
        HomeVisit = "home_visit",
        /// A group meeting at a venue, often a series.
        GroupMeeting = "group_meeting",
        /// Outreach in the street, at events or online.
        Outreach = "outreach",
        /// Going along with someone to an appointment.
        Accompaniment = "accompaniment",
        /// A meeting with the local network of professionals and volunteers.
        NetworkMeeting = "network_meeting",
    }
}

string_enum! {
    /// Where an activity stands.
    ActivityStatus {
        /// Planned and not yet marked.
        Planned = "planned",
        /// Took place.
        Done = "done",
        /// Called off.
        Cancelled = "cancelled",
        /// The household or participants did not come.
        NoShow = "no_show",
    }
}

string_enum! {
    /// The outreach programme an activity belongs to.
    Programme {
        /// Bydelsmødre: neighbourhood mothers.
        Bydelsmoedre = "bydelsmoedre",
        /// Baba: fathers of immigrant or refugee background.
        Baba = "baba",
    }
}

impl ActivityKind {
    /// The longest an activity of this kind may last.
    pub fn max_duration(self) -> Minutes {
        let hours = match self {
            ActivityKind::HomeVisit => 8,
            _ => 12,
        };
        Minutes::hours(hours)
    }

    /// The text fields a form for this kind offers, in the order it shows them.
    pub fn form_fields(self) -> &'static [Field] {
        match self {
            ActivityKind::HomeVisit => &[Field::Area, Field::Household, Field::Note],
            ActivityKind::GroupMeeting | ActivityKind::NetworkMeeting => {
                &[Field::Title, Field::Venue, Field::Theme, Field::Area, Field::Note]
            }
            ActivityKind::Outreach | ActivityKind::Accompaniment => &[Field::Title, Field::Area, Field::Note],
        }
    }

    /// The fields this kind must have.
    pub fn required_fields(self) -> &'static [Field] {
        match self {
            ActivityKind::HomeVisit => &[Field::Area],
            ActivityKind::GroupMeeting => &[Field::Venue, Field::Theme],
            _ => &[],
        }
    }

    /// Whether this kind may have `field` at all; a value in any other is refused.
    pub fn allows(self, field: Field) -> bool {
        match field {
            Field::Household => self == ActivityKind::HomeVisit,
            Field::ExpectedSize => self == ActivityKind::GroupMeeting,
            _ => true,
        }
    }
}

/// Declares [`Details`] from one list of its free-text fields, each with the [`Field`] whose
/// rule it passes: the struct, [`Details::TEXT_FIELDS`] and the lookups come from the same
/// lines, so adding a field is one line here (and a column in the store's migration).
macro_rules! details {
    ($($(#[$doc:meta])* $name:ident: $field:ident),+ $(,)?) => {
        /// What an activity is about, besides its kind, time, repeat rule and status: the fields
        /// a volunteer fills in. The plan request, the draft, the stored activity and the views
        /// all carry this one shape (flattened into their JSON).
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
        pub struct Details {
            $($(#[$doc])* #[serde(default)] pub $name: Option<String>,)+
            /// The programme.
            #[serde(default)]
            pub programme: Option<Programme>,
            /// Languages used, e.g. "da", "ar".
            #[serde(default)]
            pub languages: Vec<String>,
            /// How many people a group meeting usually has.
            #[serde(default)]
            pub expected_size: Option<u32>,
        }

        impl Details {
            /// The free-text fields; each field's name is also its JSON name and database column.
            pub const TEXT_FIELDS: &'static [Field] = &[$(Field::$field),+];

            /// The value of a free-text field; `None` when empty or not one of [`Self::TEXT_FIELDS`].
            pub fn text(&self, field: Field) -> Option<&str> {
                match field {
                    $(Field::$field => self.$name.as_deref(),)+
                    _ => None,
                }
            }

            /// The place of a free-text field, to fill it in; `None` when not one of [`Self::TEXT_FIELDS`].
            pub fn text_mut(&mut self, field: Field) -> Option<&mut Option<String>> {
                match field {
                    $(Field::$field => Some(&mut self.$name),)+
                    _ => None,
                }
            }
        }
    };
}

details! {
    /// The area or neighbourhood.
    area: Area,
    /// The household's pseudonymous label (home visits only).
    household: Household,
    /// Where it takes place (meetings).
    venue: Venue,
    /// What it is about (meetings).
    theme: Theme,
    /// The volunteer's own title.
    title: Title,
    /// A private note that never leaves the machine.
    note: Note,
}

impl Details {
    /// These details checked for `kind`: every text cleaned by its field's rule (or refused),
    /// languages without duplicates, fields the kind may not have and missing required ones
    /// refused. A venue that is one of `places` may carry its address.
    fn validate(mut self, kind: ActivityKind, places: &PublicPlaces) -> Result<Details, ValidationError> {
        for &field in Self::TEXT_FIELDS {
            if let Some(slot) = self.text_mut(field) {
                let rule = match slot.as_deref() {
                    Some(text) if field == Field::Venue && places.contains(text) => Field::PublicAddress,
                    _ => field,
                };
                *slot = clean(rule, slot.take()).map_err(|e| e.for_field(field))?;
                if slot.is_some() && !kind.allows(field) {
                    return Err(ValidationError::NotForKind { field, kind });
                }
            }
        }
        let mut languages = Vec::with_capacity(self.languages.len());
        for language in std::mem::take(&mut self.languages) {
            if let Some(language) = clean(Field::Language, Some(language))? {
                if !languages.contains(&language) {
                    languages.push(language);
                }
            }
        }
        self.languages = languages;
        if let Some(&field) = kind.required_fields().iter().find(|&&f| self.text(f).is_none()) {
            return Err(ValidationError::Missing { field, kind });
        }
        if let Some(size) = self.expected_size {
            if !kind.allows(Field::ExpectedSize) {
                return Err(ValidationError::NotForKind { field: Field::ExpectedSize, kind });
            }
            if size == 0 || size > MAX_EXPECTED_SIZE {
                return Err(ValidationError::ExpectedSize { size, max: MAX_EXPECTED_SIZE });
            }
        }
        Ok(self)
    }
}

/// How long an activity lasts: for a duration, or until a wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Lasts this long from the start.
    For(Minutes),
    /// Ends at this Copenhagen wall-clock time.
    Until(LocalDateTime),
}

/// What a volunteer asked to plan, before any check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    /// The kind of activity.
    pub kind: ActivityKind,
    /// When it starts, as wall-clock time in Copenhagen.
    pub start: LocalDateTime,
    /// How long it lasts.
    pub span: Span,
    /// An RFC 5545 RRULE value that makes this a series.
    pub rrule: Option<String>,
    /// What it is about.
    pub details: Details,
}

/// The largest expected size of a group meeting.
pub const MAX_EXPECTED_SIZE: u32 = 500;

impl ActivityDraft {
    /// A draft with the required parts and every optional part empty.
    pub fn new(kind: ActivityKind, start: LocalDateTime, duration: Minutes) -> Self {
        Self { kind, start, span: Span::For(duration), rrule: None, details: Details::default() }
    }

    /// Checks the draft and resolves its times, or says what is wrong.
    pub fn validate(self) -> Result<ValidActivity, ValidationError> {
        self.validate_among(&PublicPlaces::default())
    }

    /// [`Self::validate`], accepting a venue that names one of `places` with its address.
    pub fn validate_among(self, places: &PublicPlaces) -> Result<ValidActivity, ValidationError> {
        // Parsing refuses other years already; this also covers drafts made from stored or
        // computed times (a follow-up, a move by duration).
        if !in_planning_years(self.start.naive().date()) {
            return Err(ValidationError::Time { field: Field::Start, source: TimeError::OutOfRange });
        }
        let resolved =
            resolve_local(self.start).map_err(|source| ValidationError::Time { field: Field::Start, source })?;
        let start = resolved.at;
        let end = match self.span {
            Span::For(minutes) => start + minutes.as_duration(),
            Span::Until(local) => {
                let end =
                    resolve_local(local).map_err(|source| ValidationError::Time { field: Field::End, source })?.at;
                if end <= start {
                    return Err(ValidationError::EndNotAfterStart { start: self.start, end: local });
                }
                end
            }
        };
        // A start in 2100 plus a duration may end in 2101: refused too, naming the end
        // (`9999-12-31T23:30` + 8 h exported a DTEND before its DTSTART, issue 10).
        if !end_in_planning_years(end.naive_local()) {
            return Err(ValidationError::Time { field: Field::End, source: TimeError::OutOfRange });
        }
        let minutes = (end - start).num_minutes();
        let max = self.kind.max_duration();
        if minutes > i64::from(max.get()) {
            return Err(ValidationError::TooLong { kind: self.kind, minutes, max_minutes: max.get() });
        }
        if minutes < 1 {
            return Err(ValidationError::EndNotAfterStart {
                start: self.start,
                end: LocalDateTime::new(end.naive_local()),
            });
        }

        let kind = self.kind;
        let details = self.details.validate(kind, places)?;
        let recurrence = match self.rrule.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(rule) => {
                // The longest sensible rule (every month day, an UNTIL) is about 120 characters;
                // a BYDAY list of 1,500 repeated values was stored as it was (issue 10).
                let (chars, max) = (rule.chars().count(), Field::Repeat.max_chars());
                if chars > max {
                    return Err(TextError::TooLong { field: Field::Repeat, chars, max }.into());
                }
                Some(Recurrence::parse(rule, start)?)
            }
            None => None,
        };

        Ok(ValidActivity { kind, start, end, recurrence, details, notice: resolved.notice })
    }
}

/// A plan that passed every check; the only way to make one is [`ActivityDraft::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidActivity {
    kind: ActivityKind,
    start: DateTime<Tz>,
    end: DateTime<Tz>,
    recurrence: Option<Recurrence>,
    details: Details,
    notice: Option<TimeNotice>,
}

impl ValidActivity {
    /// The kind.
    pub fn kind(&self) -> ActivityKind {
        self.kind
    }
    /// The start instant in Copenhagen.
    pub fn start(&self) -> DateTime<Tz> {
        self.start
    }
    /// The end instant in Copenhagen, after the start.
    pub fn end(&self) -> DateTime<Tz> {
        self.end
    }
    /// The repeat rule, for a series.
    pub fn recurrence(&self) -> Option<&Recurrence> {
        self.recurrence.as_ref()
    }
    /// When the last meeting of a series ends; `None` for a one-off or a series without end.
    pub fn series_end(&self) -> Option<DateTime<Tz>> {
        let last = self.recurrence.as_ref()?.last_start(self.start)?;
        Some(last + (self.end - self.start))
    }
    /// What it is about, checked: texts cleaned, languages without duplicates.
    pub fn details(&self) -> &Details {
        &self.details
    }
    /// What the user should be told about how the start time was read.
    pub fn notice(&self) -> Option<TimeNotice> {
        self.notice
    }

    /// The stored activity this plan becomes under `id` with `status`.
    pub fn into_activity(self, id: ActivityId, status: ActivityStatus) -> Activity {
        Activity {
            id,
            kind: self.kind,
            status,
            start: self.start,
            end: self.end,
            rrule: self.recurrence.map(|r| r.as_str().to_string()),
            details: self.details,
            example: false,
        }
    }
}

/// An activity as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// Its id.
    pub id: ActivityId,
    /// Its kind.
    pub kind: ActivityKind,
    /// Where it stands.
    pub status: ActivityStatus,
    /// When it starts.
    pub start: DateTime<Tz>,
    /// When it ends (for a series: the first meeting's start and end).
    pub end: DateTime<Tz>,
    /// The repeat rule, for a series.
    pub rrule: Option<String>,
    /// What it is about.
    pub details: Details,
    /// Example data loaded to try Nabo out, not real work.
    pub example: bool,
}

impl Activity {
    /// A draft that would plan this activity again as it is (for edits that change one part).
    pub fn to_draft(&self) -> ActivityDraft {
        let minutes = u32::try_from((self.end - self.start).num_minutes()).ok().and_then(Minutes::new);
        ActivityDraft {
            kind: self.kind,
            start: LocalDateTime::new(self.start.naive_local()),
            span: match minutes {
                Some(m) => Span::For(m),
                None => Span::Until(LocalDateTime::new(self.end.naive_local())),
            },
            rrule: self.rrule.clone(),
            details: self.details.clone(),
        }
    }

    /// The repeat rule of a series, read back; `None` for a one-off or an unreadable rule.
    pub fn recurrence(&self) -> Option<Recurrence> {
        self.rrule.as_deref().and_then(|r| Recurrence::from_stored(r, self.start))
    }
}

/// Why a plan was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// A time could not be read or does not exist.
    #[error("{field}: {source}")]
    Time {
        /// Start or end.
        field: Field,
        /// What was wrong with it.
        source: TimeError,
    },
    /// The end is not after the start.
    #[error("the end ({end}) must be after the start ({start})")]
    EndNotAfterStart {
        /// The start as typed.
        start: LocalDateTime,
        /// The end as typed or computed.
        end: LocalDateTime,
    },
    /// Longer than an activity of this kind can last.
    #[error("a {kind} of {minutes} minutes is too long; at most {max_minutes} minutes are allowed")]
    TooLong {
        /// The kind.
        kind: ActivityKind,
        /// How long it would last.
        minutes: i64,
        /// The limit for the kind.
        max_minutes: u32,
    },
    /// A field this kind needs is empty.
    #[error("a {kind} needs {field}")]
    Missing {
        /// The empty field.
        field: Field,
        /// The kind that needs it.
        kind: ActivityKind,
    },
    /// A field that does not belong to this kind was given.
    #[error("a {kind} cannot have {field}")]
    NotForKind {
        /// The field.
        field: Field,
        /// The kind.
        kind: ActivityKind,
    },
    /// A text field was refused.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The repeat rule was refused.
    #[error(transparent)]
    Recurrence(#[from] RecurrenceError),
    /// An expected size of zero or more than the limit.
    #[error("a group meeting's expected size must be 1 to {max}, not {size}")]
    ExpectedSize {
        /// The size given.
        size: u32,
        /// The limit.
        max: u32,
    },
}

impl ValidationError {
    /// The field the error concerns, for showing it next to that field.
    pub fn field(&self) -> Field {
        match self {
            ValidationError::Time { field, .. } => *field,
            ValidationError::EndNotAfterStart { .. } => Field::End,
            ValidationError::TooLong { .. } => Field::Duration,
            ValidationError::Missing { field, .. } | ValidationError::NotForKind { field, .. } => *field,
            ValidationError::Text(e) => e.field(),
            ValidationError::Recurrence(_) => Field::Repeat,
            ValidationError::ExpectedSize { .. } => Field::ExpectedSize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> LocalDateTime {
        s.parse().expect("test time parses")
    }

    fn minutes(s: &str) -> Minutes {
        s.parse().expect("test duration parses")
    }

    fn visit(start: &str, duration: &str) -> ActivityDraft {
        let mut draft = ActivityDraft::new(ActivityKind::HomeVisit, local(start), minutes(duration));
        draft.details.area = Some("Gellerup".into());
        draft.details.household = Some("H-17".into());
        draft
    }

    #[test]
    fn a_plain_visit_is_valid_and_keeps_its_fields() {
        let v = visit("2026-12-01T10:00", "60m").validate().expect("valid");
        assert_eq!(v.start().to_rfc3339(), "2026-12-01T10:00:00+01:00");
        assert_eq!(v.end().to_rfc3339(), "2026-12-01T11:00:00+01:00");
        assert_eq!(v.details().area.as_deref(), Some("Gellerup"));
        assert_eq!(v.details().household.as_deref(), Some("H-17"));
        assert_eq!(v.notice(), None);
    }

    #[test]
    fn a_thirty_hour_visit_is_refused() {
        let err = visit("2026-12-01T10:00", "30h").validate().expect_err("too long");
        assert_eq!(err, ValidationError::TooLong { kind: ActivityKind::HomeVisit, minutes: 1800, max_minutes: 480 });
        assert_eq!(err.field(), Field::Duration);
    }

    #[test]
    fn a_meeting_may_last_longer_than_a_visit() {
        let mut meeting = ActivityDraft::new(ActivityKind::GroupMeeting, local("2026-12-01T09:00"), minutes("10h"));
        meeting.details.venue = Some("Beboerhuset".into());
        meeting.details.theme = Some("Sundhed".into());
        assert!(meeting.validate().is_ok());
    }

    #[test]
    fn a_venue_may_carry_the_address_of_a_known_public_place_only() {
        let places = PublicPlaces::new([("Foreningshuset", "Dortheavej 2")]);
        let meeting = |venue: &str| {
            let mut m = ActivityDraft::new(ActivityKind::GroupMeeting, local("2026-12-01T17:00"), minutes("2h"));
            m.details.venue = Some(venue.into());
            m.details.theme = Some("Sundhed".into());
            m
        };
        let refused = |r: Result<ValidActivity, ValidationError>| match r {
            Err(ValidationError::Text(TextError::PersonalData { field, .. })) => field,
            other => panic!("expected a personal-data refusal, got {other:?}"),
        };
        // Without the coordinator's card an address is personal data, as before.
        assert_eq!(refused(meeting("Foreningshuset, Dortheavej 2").validate()), Field::Venue);
        // With it, the known place is accepted as typed, case and spacing aside.
        let ok = meeting("foreningshuset,  Dortheavej 2").validate_among(&places).expect("a known public place");
        assert_eq!(ok.details.venue.as_deref(), Some("foreningshuset,  Dortheavej 2"));
        // Another address, or the known one in another field, is still refused.
        assert_eq!(refused(meeting("Foreningshuset, Dortheavej 4").validate_among(&places)), Field::Venue);
        let mut in_note = meeting("Foreningshuset");
        in_note.details.note = Some("Foreningshuset, Dortheavej 2".into());
        assert_eq!(refused(in_note.validate_among(&places)), Field::Note);
    }

    #[test]
    fn end_must_be_after_start() {
        let mut draft = visit("2026-12-01T10:00", "60m");
        draft.span = Span::Until(local("2026-12-01T09:00"));
        let err = draft.clone().validate().expect_err("end before start");
        assert!(matches!(err, ValidationError::EndNotAfterStart { .. }));
        assert_eq!(err.field(), Field::End);
        draft.span = Span::Until(local("2026-12-01T10:00"));
        assert!(matches!(draft.validate(), Err(ValidationError::EndNotAfterStart { .. })));
    }

    #[test]
    fn a_start_in_the_spring_gap_is_refused() {
        let err = visit("2027-03-28T02:30", "60m").validate().expect_err("gap");
        assert!(matches!(
            err,
            ValidationError::Time { field: Field::Start, source: TimeError::InSpringForwardGap { .. } }
        ));
    }

    #[test]
    fn an_end_in_the_spring_gap_is_refused() {
        let mut draft = visit("2027-03-28T01:00", "60m");
        draft.span = Span::Until(local("2027-03-28T02:15"));
        let err = draft.validate().expect_err("gap");
        assert_eq!(err.field(), Field::End);
    }

    #[test]
    fn a_visit_across_the_spring_change_lasts_real_minutes() {
        let v = visit("2027-03-28T01:30", "60m").validate().expect("valid");
        assert_eq!(v.end().to_rfc3339(), "2027-03-28T03:30:00+02:00");
    }

    #[test]
    fn an_ambiguous_autumn_start_takes_the_first_and_notes_it() {
        let v = visit("2026-10-25T02:30", "30m").validate().expect("valid");
        assert_eq!(v.start().to_rfc3339(), "2026-10-25T02:30:00+02:00");
        assert!(matches!(v.notice(), Some(TimeNotice::AmbiguousChoseFirst { .. })));
        assert_eq!(v.end().to_rfc3339(), "2026-10-25T02:00:00+01:00");
    }

    #[test]
    fn required_fields_per_kind() {
        let mut draft = visit("2026-12-01T10:00", "60m");
        draft.details.area = Some("  ".into());
        assert_eq!(
            draft.validate(),
            Err(ValidationError::Missing { field: Field::Area, kind: ActivityKind::HomeVisit })
        );
        let meeting = ActivityDraft::new(ActivityKind::GroupMeeting, local("2026-12-01T17:00"), minutes("2h"));
        assert_eq!(
            meeting.validate(),
            Err(ValidationError::Missing { field: Field::Venue, kind: ActivityKind::GroupMeeting })
        );
    }

    #[test]
    fn household_only_on_home_visits() {
        let mut draft = ActivityDraft::new(ActivityKind::Outreach, local("2026-12-01T10:00"), minutes("1h"));
        draft.details.household = Some("H-3".into());
        assert_eq!(
            draft.validate(),
            Err(ValidationError::NotForKind { field: Field::Household, kind: ActivityKind::Outreach })
        );
    }

    #[test]
    fn languages_are_cleaned_and_deduplicated() {
        let mut draft = visit("2026-12-01T10:00", "60m");
        draft.details.languages = vec!["da".into(), " ar ".into(), "da".into(), "".into()];
        let v = draft.validate().expect("valid");
        assert_eq!(v.details().languages, ["da".to_string(), "ar".to_string()]);
    }

    #[test]
    fn times_outside_the_planning_years_are_refused_naming_start_or_end() {
        let check = |start: &str, duration: &str, expected: Option<Field>| {
            let draft = ActivityDraft::new(
                ActivityKind::Outreach,
                LocalDateTime::new(chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").expect(start)),
                minutes(duration),
            );
            let got = draft.validate().err().map(|e| match e {
                ValidationError::Time { field, source: TimeError::OutOfRange } => field,
                other => panic!("{start}: {other:?}"),
            });
            assert_eq!(got, expected, "{start} + {duration}");
        };
        check("2100-12-31T22:00", "2h", None);
        check("2100-12-31T23:30", "8h", Some(Field::End));
        check("2101-01-01T10:00", "1h", Some(Field::Start));
        check("1999-12-31T23:30", "1h", Some(Field::Start));
        check("2000-01-01T00:00", "1h", None);
    }

    #[test]
    fn each_text_field_is_named_in_json_as_its_field() {
        for &field in Details::TEXT_FIELDS {
            let mut details = Details::default();
            *details.text_mut(field).expect("a text field") = Some("x".into());
            assert_eq!(details.text(field), Some("x"));
            let json = serde_json::to_value(&details).expect("serialises");
            assert_eq!(json[field.as_str()], "x", "{field}");
        }
        assert_eq!(Details::default().text(Field::Start), None);
    }

    #[test]
    fn every_form_field_is_allowed_and_required_ones_are_offered() {
        for &kind in ActivityKind::ALL {
            for field in kind.form_fields().iter().chain(kind.required_fields()) {
                assert!(Details::TEXT_FIELDS.contains(field), "{kind}: {field}");
                assert!(kind.allows(*field), "{kind}: {field}");
            }
            for field in kind.required_fields() {
                assert!(kind.form_fields().contains(field), "{kind}: {field}");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for kind in ActivityKind::ALL {
            assert_eq!(kind.as_str().parse::<ActivityKind>(), Ok(*kind));
        }
        for status in ActivityStatus::ALL {
            assert_eq!(status.as_str().parse::<ActivityStatus>(), Ok(*status));
        }
        assert!("visit".parse::<ActivityKind>().is_err());
    }
}
