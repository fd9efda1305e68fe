//! The user's settings: typed, validated, stored as key/value rows.

use chrono::{DateTime, Utc};
use nabo_core::exchange::PublicVenue;
use nabo_core::{clean_text, ActivityKind, Field, Programme, ValidationError};
use nabo_store::{get_identity, get_setting, set_display_name, set_role, set_setting, Db, Role};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::path::Path;

use crate::dto::Changed;
use crate::error::AppError;
use crate::export::Detail;
use crate::service::{rules_from, Nabo};

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
    /// Both a volunteer and a coordinator.
    Both,
}

impl From<Role> for RoleView {
    fn from(role: Role) -> Self {
        match role {
            Role::Volunteer => RoleView::Volunteer,
            Role::Coordinator => RoleView::Coordinator,
            Role::Both => RoleView::Both,
        }
    }
}

impl From<RoleView> for Role {
    fn from(role: RoleView) -> Self {
        match role {
            RoleView::Volunteer => Role::Volunteer,
            RoleView::Coordinator => Role::Coordinator,
            RoleView::Both => Role::Both,
        }
    }
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
    /// Months after a household's last visit when its code name and the notes are erased
    /// (1–120); the counts stay.
    #[serde(default = "default_erase_after_months")]
    #[ts(type = "number")]
    pub erase_after_months: i64,
    /// The welcome has been completed.
    pub onboarded: bool,
    /// An .ics file Nabo rewrites after every change, e.g. in a folder the phone syncs.
    #[serde(default)]
    pub live_calendar_path: Option<String>,
    /// How much the live calendar file says.
    #[serde(default)]
    pub live_calendar_detail: Detail,
    /// The name shown on this Nabo's summaries and identity card (to the coordinator, or by
    /// a coordinator to her group).
    #[serde(default)]
    pub name: Option<String>,
    /// A coordinator's areas: on her identity card, offered in her volunteers' forms.
    #[serde(default)]
    pub group_areas: Vec<String>,
    /// A coordinator's public venues: on her card, the only addresses her volunteers may name.
    #[serde(default)]
    pub group_venues: Vec<PublicVenue>,
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
            erase_after_months: default_erase_after_months(),
            onboarded: false,
            live_calendar_path: None,
            live_calendar_detail: Detail::Discreet,
            name: None,
            group_areas: Vec::new(),
            group_venues: Vec::new(),
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

/// How many months after a household's last visit its code name and notes are erased, unless set.
fn default_erase_after_months() -> i64 {
    12
}

/// Allowed range of each numeric setting: (key, min, max).
const RANGES: &[(&str, i64, i64)] = &[
    ("travel_buffer_minutes", 0, 240),
    ("reminder_minutes", 0, 1440),
    ("follow_up_days", 1, 90),
    ("erase_after_months", 1, 120),
];

/// The most areas or venues a coordinator may list for her group (as on an identity card).
pub const MAX_GROUP_LIST: usize = 200;

/// Allowed range of a default duration, in minutes: at most what the kind itself may last
/// (a visit's default of 600 minutes was saved, then refused at every plan).
pub(crate) fn duration_range(kind: ActivityKind) -> (i64, i64) {
    (5, i64::from(kind.max_duration().get()).min(720))
}

/// The allowed range of the numeric setting `key`.
pub(crate) fn range_of(key: &'static str) -> (i64, i64) {
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
        self.validate_ranges()?;
        self.validate_live_calendar()
    }

    /// As [`Settings::validate`], for a change from `stored`: a live calendar path is checked
    /// only when it changes, so a synced folder that vanished (the case the live calendar's
    /// notice is for) does not block saving every other setting.
    pub fn validate_change(&self, stored: &Settings) -> Result<(), AppError> {
        self.validate_ranges()?;
        if self.live_calendar_path == stored.live_calendar_path {
            return Ok(());
        }
        self.validate_live_calendar()
    }

    /// The texts checked by their fields' rules (trimmed; personal data, control characters
    /// and overlong text refused), at most [`MAX_GROUP_LIST`] areas and venues.
    fn cleaned(mut self) -> Result<Settings, AppError> {
        let text = |field: Field, value: String| -> Result<Option<String>, AppError> {
            clean_text(field, Some(value)).map_err(|e| AppError::Invalid(ValidationError::Text(e)))
        };
        self.name = match self.name.take() {
            Some(name) => text(Field::DisplayName, name)?,
            None => None,
        };
        let areas_wrong = AppError::UnreadableSetting { key: "group-areas", expected: "areas" };
        let venues_wrong = || AppError::UnreadableSetting { key: "group-venues", expected: "venues" };
        if self.group_areas.len() > MAX_GROUP_LIST {
            return Err(areas_wrong);
        }
        if self.group_venues.len() > MAX_GROUP_LIST {
            return Err(venues_wrong());
        }
        let mut areas = Vec::with_capacity(self.group_areas.len());
        for area in std::mem::take(&mut self.group_areas) {
            if let Some(area) = text(Field::Area, area)?.filter(|a| !areas.contains(a)) {
                areas.push(area);
            }
        }
        self.group_areas = areas;
        let mut venues = Vec::with_capacity(self.group_venues.len());
        for venue in std::mem::take(&mut self.group_venues) {
            let name = text(Field::Venue, venue.name)?;
            let address = text(Field::PublicAddress, venue.address)?;
            match (name, address) {
                (Some(name), Some(address)) => venues.push(PublicVenue { name, address }),
                (None, None) => {}
                (None, Some(_)) | (Some(_), None) => return Err(venues_wrong()),
            }
        }
        self.group_venues = venues;
        Ok(self)
    }

    fn validate_ranges(&self) -> Result<(), AppError> {
        check("travel_buffer_minutes", self.travel_buffer_minutes, range_of("travel_buffer_minutes"))?;
        check("reminder_minutes", self.reminder_minutes, range_of("reminder_minutes"))?;
        check("follow_up_days", self.follow_up_days, range_of("follow_up_days"))?;
        check("erase_after_months", self.erase_after_months, range_of("erase_after_months"))?;
        for kind in ActivityKind::ALL {
            check(duration_key(*kind), i64::from(self.durations.get(*kind)), duration_range(*kind))?;
        }
        Ok(())
    }

    fn validate_live_calendar(&self) -> Result<(), AppError> {
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
        let identity = get_identity(conn)?;
        s.role = identity.as_ref().map(|i| i.role.into());
        s.name = identity.and_then(|i| i.display_name);
        // A list that cannot be read is left empty, like any other unreadable setting.
        s.group_areas = text("group_areas")?.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default();
        s.group_venues = text("group_venues")?.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default();
        s.programme = text("programme")?.and_then(|v| v.parse().ok());
        for kind in ActivityKind::ALL {
            let stored = text(duration_key(*kind))?.and_then(|v| v.parse::<u32>().ok());
            let (min, max) = duration_range(*kind);
            if let Some(m) = stored.filter(|m| (min..=max).contains(&i64::from(*m))) {
                *s.durations.get_mut(*kind) = m;
            }
        }
        s.travel_buffer_minutes = number("travel_buffer_minutes", s.travel_buffer_minutes)?;
        s.reminder_minutes = number("reminder_minutes", s.reminder_minutes)?;
        s.follow_up_days = number("follow_up_days", s.follow_up_days)?;
        s.erase_after_months = number("erase_after_months", s.erase_after_months)?;
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
        set_setting(conn, "erase_after_months", &self.erase_after_months.to_string())?;
        set_setting(conn, "discreet_mode", if self.discreet_mode { "true" } else { "false" })?;
        set_setting(conn, "onboarded", if self.onboarded { "true" } else { "false" })?;
        set_setting(conn, "live_calendar_path", self.live_calendar_path.as_deref().unwrap_or(""))?;
        let detail = match self.live_calendar_detail {
            Detail::Discreet => "discreet",
            Detail::Full => "full",
        };
        set_setting(conn, "live_calendar_detail", detail)?;
        // Lists of strings always serialise; an empty text would read back as an empty list.
        set_setting(conn, "group_areas", &serde_json::to_string(&self.group_areas).unwrap_or_default())?;
        set_setting(conn, "group_venues", &serde_json::to_string(&self.group_venues).unwrap_or_default())?;
        if let Some(role) = self.role {
            set_role(conn, role.into(), now)?;
        }
        set_display_name(conn, self.name.as_deref())?;
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

/// Every setting as `nabo settings` names it (the fields' names in kebab-case; a kind's default
/// duration as `durations.<kind>`), in the order it prints them.
pub const SETTING_KEYS: &[&str] = &[
    "language",
    "role",
    "programme",
    "durations.home-visit",
    "durations.group-meeting",
    "durations.outreach",
    "durations.accompaniment",
    "durations.network-meeting",
    "travel-buffer-minutes",
    "reminder-minutes",
    "discreet-mode",
    "follow-up-days",
    "erase-after-months",
    "onboarded",
    "live-calendar",
    "live-calendar-detail",
    "name",
    "group-areas",
    "group-venues",
];

/// The CLI's name of a kind's default duration.
fn duration_setting(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::HomeVisit => "durations.home-visit",
        ActivityKind::GroupMeeting => "durations.group-meeting",
        ActivityKind::Outreach => "durations.outreach",
        ActivityKind::Accompaniment => "durations.accompaniment",
        ActivityKind::NetworkMeeting => "durations.network-meeting",
    }
}

/// The entries of a `;`-separated list, blank ones left out.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(';').map(str::trim).filter(|v| !v.is_empty())
}

fn switch(on: bool) -> String {
    (if on { "on" } else { "off" }).to_string()
}

impl Settings {
    /// Each setting as (key, value) in the words `nabo settings set` takes, in [`SETTING_KEYS`] order.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        let mut entries = vec![
            (
                "language",
                match self.language {
                    Some(UiLanguage::Da) => "da",
                    Some(UiLanguage::En) => "en",
                    None => "auto",
                }
                .to_string(),
            ),
            ("role", self.role.map(|r| Role::from(r).as_str()).unwrap_or("none").to_string()),
            ("programme", self.programme.map(|p| p.as_str()).unwrap_or("none").to_string()),
        ];
        for kind in ActivityKind::ALL {
            entries.push((duration_setting(*kind), self.durations.get(*kind).to_string()));
        }
        entries.extend([
            ("travel-buffer-minutes", self.travel_buffer_minutes.to_string()),
            ("reminder-minutes", self.reminder_minutes.to_string()),
            ("discreet-mode", switch(self.discreet_mode)),
            ("follow-up-days", self.follow_up_days.to_string()),
            ("erase-after-months", self.erase_after_months.to_string()),
            ("onboarded", switch(self.onboarded)),
            ("live-calendar", self.live_calendar_path.clone().unwrap_or_else(|| "off".to_string())),
            (
                "live-calendar-detail",
                match self.live_calendar_detail {
                    Detail::Discreet => "discreet",
                    Detail::Full => "full",
                }
                .to_string(),
            ),
            ("name", self.name.clone().unwrap_or_else(|| "none".to_string())),
            ("group-areas", self.group_areas.join("; ")),
            (
                "group-venues",
                self.group_venues.iter().map(|v| format!("{} = {}", v.name, v.address)).collect::<Vec<_>>().join("; "),
            ),
        ]);
        entries
    }

    /// A copy with the setting `key` (one of [`SETTING_KEYS`]) read from `value`, as
    /// `nabo settings set` takes it. Only the value's kind is checked here (a number, on/off, a
    /// known word); its range and the live calendar's file are checked by
    /// [`crate::Nabo::save_settings`], as for the window.
    pub fn with_value(&self, key: &str, value: &str) -> Result<Settings, AppError> {
        let value = value.trim();
        let name = SETTING_KEYS
            .iter()
            .copied()
            .find(|k| *k == key.trim())
            .ok_or_else(|| AppError::UnknownSetting { key: nabo_core::tidy_line(key.trim(), 40) })?;
        let wrong = |expected: &'static str| AppError::UnreadableSetting { key: name, expected };
        let number = || value.parse::<i64>().map_err(|_| wrong("number"));
        let on = || match value {
            "on" => Ok(true),
            "off" => Ok(false),
            _ => Err(wrong("switch")),
        };
        let mut s = self.clone();
        match name {
            "language" => {
                s.language = match value {
                    "da" => Some(UiLanguage::Da),
                    "en" => Some(UiLanguage::En),
                    "auto" => None,
                    _ => return Err(wrong("language")),
                }
            }
            "role" => s.role = Some(Role::from_name(value).ok_or_else(|| wrong("role"))?.into()),
            "programme" => {
                s.programme = match value {
                    "none" => None,
                    other => Some(other.parse().map_err(|_| wrong("programme"))?),
                }
            }
            "travel-buffer-minutes" => s.travel_buffer_minutes = number()?,
            "reminder-minutes" => s.reminder_minutes = number()?,
            "follow-up-days" => s.follow_up_days = number()?,
            "erase-after-months" => s.erase_after_months = number()?,
            "discreet-mode" => s.discreet_mode = on()?,
            "onboarded" => s.onboarded = on()?,
            "live-calendar" => {
                s.live_calendar_path = match value {
                    "off" => None,
                    path => Some(path.to_string()),
                }
            }
            "name" => s.name = (value != "none" && !value.is_empty()).then(|| value.to_string()),
            "group-areas" => s.group_areas = list(value).map(str::to_string).collect(),
            "group-venues" => {
                s.group_venues = list(value)
                    .map(|venue| {
                        let (name, address) = venue.split_once('=').ok_or_else(|| wrong("venues"))?;
                        Ok(PublicVenue { name: name.trim().to_string(), address: address.trim().to_string() })
                    })
                    .collect::<Result<_, AppError>>()?
            }
            "live-calendar-detail" => {
                s.live_calendar_detail = match value {
                    "discreet" => Detail::Discreet,
                    "full" => Detail::Full,
                    _ => return Err(wrong("detail")),
                }
            }
            duration => {
                let kind = ActivityKind::ALL
                    .iter()
                    .copied()
                    .find(|k| duration_setting(*k) == duration)
                    .ok_or_else(|| AppError::UnknownSetting { key: duration.to_string() })?;
                // Out of u32 is out of range: the range check names it like any other.
                let minutes = number()?;
                let (min, max) = duration_range(kind);
                let minutes = u32::try_from(minutes).ok().filter(|m| (min..=max).contains(&i64::from(*m))).ok_or(
                    AppError::InvalidSetting { key: duration_key(kind), value: minutes.to_string(), min, max },
                )?;
                *s.durations.get_mut(kind) = minutes;
            }
        }
        Ok(s)
    }
}

impl crate::Nabo {
    /// Sets one setting from text (`nabo settings set KEY VALUE`), with the window's checks.
    pub fn set_setting(
        &mut self,
        key: &str,
        value: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<crate::Changed<Settings>, AppError> {
        let settings = self.settings()?.with_value(key, value)?;
        self.save_settings(settings, now)
    }
}

/// The settings use-cases.
impl Nabo {
    /// Checks and saves all settings at once; conflict checks use them from now on.
    pub fn save_settings(&mut self, settings: Settings, now: DateTime<Utc>) -> Result<Changed<Settings>, AppError> {
        let stored = self.settings()?;
        let settings = settings.cleaned()?;
        settings.validate_change(&stored)?;
        // The target is checked only when it changes: a live calendar whose folder vanished must
        // not block every other setting; the rewrite below says the file could not be written.
        let new_path =
            settings.live_calendar_path.as_deref().filter(|p| Some(*p) != stored.live_calendar_path.as_deref());
        if let Some(path) = new_path {
            // Refused when saved, not only at the first rewrite: a live calendar path onto the
            // database would otherwise replace it after the next change (issue 10).
            crate::files::check_target(Path::new(path), &self.protected_files()).map_err(|e| match e {
                AppError::ProtectedTarget { path } => AppError::InvalidLiveCalendar { path, reason: "database" },
                AppError::UnusableTarget { path, reason } => AppError::InvalidLiveCalendar { path, reason },
                other => other,
            })?;
        }
        self.store.write(|tx| settings.store(tx, now))?;
        self.rules = rules_from(&settings);
        // A shorter time erases at once what is now past it (and rewrites the live calendar).
        let (erased, mut notices) = if settings.erase_after_months < stored.erase_after_months {
            self.erase_expired(now)?
        } else {
            Default::default()
        };
        if erased.is_empty() {
            notices.extend(self.refresh_live_calendar(now));
        }
        Ok(Changed::new(self.settings()?, notices))
    }

    /// Minutes needed between two home visits.
    pub fn travel_buffer_minutes(&self) -> i64 {
        self.rules.travel_buffer.num_minutes()
    }

    /// Sets the minutes needed between two home visits (0 to 240).
    pub fn set_travel_buffer(&mut self, minutes: i64, now: DateTime<Utc>) -> Result<Changed<()>, AppError> {
        let settings = Settings { travel_buffer_minutes: minutes, ..self.settings()? };
        let saved = self.save_settings(settings, now)?;
        Ok(Changed::new((), saved.notices))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_prints_and_reads_back_the_same() {
        let s = Settings::default();
        let keys: Vec<&str> = s.entries().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, SETTING_KEYS, "entries follow SETTING_KEYS");
        for (key, value) in s.entries() {
            if key == "role" {
                continue; // `none` is how an unset role prints; it cannot be set back to unset.
            }
            assert_eq!(s.with_value(key, &value).expect(key), s, "{key}={value}");
        }
    }

    #[test]
    fn a_default_duration_is_no_longer_than_its_kind_may_last() {
        let s = Settings::default();
        let err = s.with_value("durations.home-visit", "600").expect_err("a visit lasts at most 480");
        assert!(matches!(err, AppError::InvalidSetting { max: 480, .. }), "{err:?}");
        assert!(s.with_value("durations.home-visit", "480").is_ok());
        assert!(s.with_value("durations.group-meeting", "600").is_ok());
        let stored = Settings { durations: DefaultDurations { home_visit: 600, ..DefaultDurations::default() }, ..s };
        assert!(stored.validate().is_err(), "the window's save is refused too");
    }

    #[test]
    fn values_of_the_wrong_kind_name_the_setting_not_the_value() {
        let s = Settings::default();
        for (key, value, code) in [
            ("travel-buffer-minutes", "lots", crate::ErrorCode::UnreadableSetting),
            ("discreet-mode", "yes", crate::ErrorCode::UnreadableSetting),
            ("language", "fr", crate::ErrorCode::UnreadableSetting),
            ("durations.home-visit", "-5", crate::ErrorCode::InvalidSetting),
            ("colour", "blue", crate::ErrorCode::UnknownSetting),
        ] {
            let err = s.with_value(key, value).expect_err(key);
            assert_eq!(err.code(), code, "{key}");
            if code != crate::ErrorCode::InvalidSetting {
                assert!(!err.args().values().any(|v| v == value), "{key}: the value is not repeated");
            }
        }
    }
}
