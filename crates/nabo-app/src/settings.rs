//! The user's settings: typed, validated, stored as key/value rows.

use nabo_core::{ActivityKind, Programme};
use nabo_store::{get_identity, get_setting, set_role, set_setting, Db, Role};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::path::Path;

use crate::dto::ProgrammeTs;
use crate::error::AppError;
use crate::export::Detail;

/// A language the user can choose for the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum UiLanguage {
    /// Danish.
    Da,
    /// English.
    En,
}

/// The role of the person using Nabo, as the UI sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RoleView {
    /// A volunteer.
    Volunteer,
    /// A coordinator.
    Coordinator,
}

/// Default length of a new activity of each kind, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DefaultDurations {
    /// Home visits.
    pub home_visit: u32,
    /// Group meetings.
    pub group_meeting: u32,
    /// Outreach.
    pub outreach: u32,
    /// Accompaniment.
    pub accompaniment: u32,
    /// Network meetings.
    pub network_meeting: u32,
}

impl Default for DefaultDurations {
    fn default() -> Self {
        Self { home_visit: 60, group_meeting: 120, outreach: 90, accompaniment: 120, network_meeting: 90 }
    }
}

impl DefaultDurations {
    /// The default for `kind`.
    pub fn get(&self, kind: ActivityKind) -> u32 {
        match kind {
            ActivityKind::HomeVisit => self.home_visit,
            ActivityKind::GroupMeeting => self.group_meeting,
            ActivityKind::Outreach => self.outreach,
            ActivityKind::Accompaniment => self.accompaniment,
            ActivityKind::NetworkMeeting => self.network_meeting,
        }
    }

    fn get_mut(&mut self, kind: ActivityKind) -> &mut u32 {
        match kind {
            ActivityKind::HomeVisit => &mut self.home_visit,
            ActivityKind::GroupMeeting => &mut self.group_meeting,
            ActivityKind::Outreach => &mut self.outreach,
            ActivityKind::Accompaniment => &mut self.accompaniment,
            ActivityKind::NetworkMeeting => &mut self.network_meeting,
        }
    }
}

/// Everything the user can set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    /// The interface language; `None` follows the computer.
    pub language: Option<UiLanguage>,
    /// Volunteer or coordinator; `None` until chosen.
    pub role: Option<RoleView>,
    /// The programme the user works in.
    #[ts(as = "Option<ProgrammeTs>")]
    pub programme: Option<Programme>,
    /// Default durations per kind.
    pub durations: DefaultDurations,
    /// Minutes needed between two home visits (0–240).
    #[ts(type = "number")]
    pub travel_buffer_minutes: i64,
    /// Minutes before an activity to remind (0 = no reminders, at most 1440).
    #[ts(type = "number")]
    pub reminder_minutes: i64,
    /// Hide household labels and notes on screen until revealed.
    pub discreet_mode: bool,
    /// Days after a done home visit to suggest a follow-up (1–90).
    #[ts(type = "number")]
    pub follow_up_days: i64,
    /// The welcome has been completed.
    pub onboarded: bool,
    /// An .ics file Nabo rewrites after every change, e.g. in a folder the phone syncs.
    #[serde(default)]
    pub live_calendar_path: Option<String>,
    /// How much the live calendar file says.
    #[serde(default)]
    pub live_calendar_detail: Detail,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            role: None,
            programme: None,
            durations: DefaultDurations::default(),
            travel_buffer_minutes: 30,
            reminder_minutes: 30,
            discreet_mode: false,
            follow_up_days: 14,
            onboarded: false,
            live_calendar_path: None,
            live_calendar_detail: Detail::Discreet,
        }
    }
}

impl Settings {
    /// The interface language: the one chosen, else `computer`'s (which the front end read).
    pub fn interface_language(&self, computer: crate::i18n::Language) -> crate::i18n::Language {
        use crate::i18n::Language;
        match self.language {
            Some(UiLanguage::Da) => Language::Danish,
            Some(UiLanguage::En) => Language::English,
            None => computer,
        }
    }
}

/// Allowed range of each numeric setting: (key, min, max).
const RANGES: &[(&str, i64, i64)] =
    &[("travel_buffer_minutes", 0, 240), ("reminder_minutes", 0, 1440), ("follow_up_days", 1, 90)];

/// Allowed range of a default duration, in minutes.
const DURATION_RANGE: (i64, i64) = (5, 720);

fn range_of(key: &'static str) -> (i64, i64) {
    RANGES.iter().find(|(k, ..)| *k == key).map(|(_, lo, hi)| (*lo, *hi)).unwrap_or((0, i64::MAX))
}

fn check(key: &'static str, value: i64, (min, max): (i64, i64)) -> Result<(), AppError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(AppError::InvalidSetting { key, value: value.to_string(), min, max })
    }
}

impl Settings {
    /// Refuses values outside their ranges, naming the first one.
    pub fn validate(&self) -> Result<(), AppError> {
        check("travel_buffer_minutes", self.travel_buffer_minutes, range_of("travel_buffer_minutes"))?;
        check("reminder_minutes", self.reminder_minutes, range_of("reminder_minutes"))?;
        check("follow_up_days", self.follow_up_days, range_of("follow_up_days"))?;
        for kind in ActivityKind::ALL {
            check(duration_key(*kind), i64::from(self.durations.get(*kind)), DURATION_RANGE)?;
        }
        if let Some(path) = self.live_calendar_path.as_deref().map(Path::new) {
            let invalid =
                |reason: &'static str| AppError::InvalidLiveCalendar { path: path.display().to_string(), reason };
            if !path.is_absolute() {
                return Err(invalid("not_absolute"));
            }
            if path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() != Some("ics") {
                return Err(invalid("not_ics"));
            }
            if !path.parent().is_some_and(Path::is_dir) {
                return Err(invalid("no_folder"));
            }
        }
        Ok(())
    }

    /// Reads the settings; missing or unreadable values take their defaults.
    pub(crate) fn load(conn: Db<'_>) -> Result<Self, AppError> {
        let mut s = Settings::default();
        let text = |key: &str| get_setting(conn, key);
        let number = |key: &'static str, default: i64| -> Result<i64, AppError> {
            let (min, max) = range_of(key);
            Ok(text(key)?.and_then(|v| v.parse::<i64>().ok()).filter(|v| (min..=max).contains(v)).unwrap_or(default))
        };
        s.language = match text("language")?.as_deref() {
            Some("da") => Some(UiLanguage::Da),
            Some("en") => Some(UiLanguage::En),
            _ => None,
        };
        s.role = get_identity(conn)?.map(|i| match i.role {
            Role::Volunteer => RoleView::Volunteer,
            Role::Coordinator => RoleView::Coordinator,
        });
        s.programme = text("programme")?.and_then(|v| v.parse().ok());
        for kind in ActivityKind::ALL {
            let stored = text(duration_key(*kind))?.and_then(|v| v.parse::<u32>().ok());
            if let Some(m) = stored.filter(|m| (DURATION_RANGE.0..=DURATION_RANGE.1).contains(&i64::from(*m))) {
                *s.durations.get_mut(*kind) = m;
            }
        }
        s.travel_buffer_minutes = number("travel_buffer_minutes", s.travel_buffer_minutes)?;
        s.reminder_minutes = number("reminder_minutes", s.reminder_minutes)?;
        s.follow_up_days = number("follow_up_days", s.follow_up_days)?;
        s.discreet_mode = text("discreet_mode")?.as_deref() == Some("true");
        s.onboarded = text("onboarded")?.as_deref() == Some("true");
        s.live_calendar_path = text("live_calendar_path")?.filter(|p| !p.is_empty());
        s.live_calendar_detail =
            if text("live_calendar_detail")?.as_deref() == Some("full") { Detail::Full } else { Detail::Discreet };
        Ok(s)
    }

    /// Writes every setting (inside the caller's transaction).
    pub(crate) fn store(&self, conn: Db<'_>, now: chrono::DateTime<chrono::Utc>) -> Result<(), AppError> {
        let language = match self.language {
            Some(UiLanguage::Da) => "da",
            Some(UiLanguage::En) => "en",
            None => "",
        };
        set_setting(conn, "language", language)?;
        set_setting(conn, "programme", self.programme.map(|p| p.as_str()).unwrap_or(""))?;
        for kind in ActivityKind::ALL {
            set_setting(conn, duration_key(*kind), &self.durations.get(*kind).to_string())?;
        }
        set_setting(conn, "travel_buffer_minutes", &self.travel_buffer_minutes.to_string())?;
        set_setting(conn, "reminder_minutes", &self.reminder_minutes.to_string())?;
        set_setting(conn, "follow_up_days", &self.follow_up_days.to_string())?;
        set_setting(conn, "discreet_mode", if self.discreet_mode { "true" } else { "false" })?;
        set_setting(conn, "onboarded", if self.onboarded { "true" } else { "false" })?;
        set_setting(conn, "live_calendar_path", self.live_calendar_path.as_deref().unwrap_or(""))?;
        let detail = match self.live_calendar_detail {
            Detail::Discreet => "discreet",
            Detail::Full => "full",
        };
        set_setting(conn, "live_calendar_detail", detail)?;
        if let Some(role) = self.role {
            let role = match role {
                RoleView::Volunteer => Role::Volunteer,
                RoleView::Coordinator => Role::Coordinator,
            };
            set_role(conn, role, now)?;
        }
        Ok(())
    }
}

/// The settings key of a kind's default duration.
fn duration_key(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::HomeVisit => "durations.home_visit",
        ActivityKind::GroupMeeting => "durations.group_meeting",
        ActivityKind::Outreach => "durations.outreach",
        ActivityKind::Accompaniment => "durations.accompaniment",
        ActivityKind::NetworkMeeting => "durations.network_meeting",
    }
}
