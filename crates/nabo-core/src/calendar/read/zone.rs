//! Time zones named by TZID: IANA names, Windows names, and a file's own VTIMEZONE rules.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::{RRule, RRuleSet, Unvalidated};

use super::windows_zones::WINDOWS_TO_IANA;

/// The last year a custom zone's transitions are computed for.
const LAST_YEAR: i32 = 2200;
/// At most this many transitions per observance (a yearly rule from 1601 to 2200 has 600).
const MAX_TRANSITIONS: usize = 5_000;

/// One STANDARD or DAYLIGHT block of a VTIMEZONE.
#[derive(Debug, Clone)]
pub(super) struct Observance {
    /// Its DTSTART, local time before the change.
    pub start: NaiveDateTime,
    /// TZOFFSETFROM in seconds east of UTC.
    pub from: i32,
    /// TZOFFSETTO in seconds east of UTC.
    pub to: i32,
    /// Its RRULE value, if any.
    pub rule: Option<String>,
    /// Its RDATEs (local time before the change).
    pub dates: Vec<NaiveDateTime>,
}

/// A zone defined only by the file's VTIMEZONE: its transitions in UTC, sorted.
#[derive(Debug)]
pub(super) struct CustomZone {
    /// (instant of the change, offset from then on), sorted by instant.
    transitions: Vec<(DateTime<Utc>, i32)>,
    /// The offset before the first change.
    initial: i32,
}

impl CustomZone {
    /// Computes the transitions of the observances; `None` if they give no offset at all.
    pub(super) fn new(observances: &[Observance]) -> Option<Self> {
        let mut transitions = Vec::new();
        for o in observances {
            let mut locals = o.dates.clone();
            locals.push(o.start);
            if let Some(rule) = &o.rule {
                locals.extend(expand_observance(rule, o.start));
            }
            for local in locals {
                transitions.push((Utc.from_utc_datetime(&local) - Duration::seconds(i64::from(o.from)), o.to));
            }
        }
        transitions.sort_by_key(|(at, _)| *at);
        transitions.dedup_by_key(|(at, _)| *at);
        let first = observances.iter().min_by_key(|o| o.start)?;
        Some(Self { transitions, initial: first.from })
    }

    fn offset_at(&self, at: DateTime<Utc>) -> i32 {
        let index = self.transitions.partition_point(|(change, _)| *change <= at);
        if index == 0 {
            self.initial
        } else {
            self.transitions[index - 1].1
        }
    }
}

/// The local times at which an observance's RRULE changes the offset, up to [`LAST_YEAR`].
fn expand_observance(rule: &str, start: NaiveDateTime) -> Vec<NaiveDateTime> {
    let text = until_as_utc(rule, &Zone::Utc);
    let Ok(parsed) = text.parse::<RRule<Unvalidated>>() else {
        return Vec::new();
    };
    let start = rrule::Tz::UTC.from_utc_datetime(&start);
    let Ok(valid) = parsed.validate(start) else {
        return Vec::new();
    };
    let last = rrule::Tz::UTC.with_ymd_and_hms(LAST_YEAR, 12, 31, 0, 0, 0).single();
    let set = RRuleSet::new(start).rrule(valid);
    set.into_iter()
        .take_while(|at| last.is_none_or(|last| *at <= last))
        .take(MAX_TRANSITIONS)
        .map(|at| at.naive_utc())
        .collect()
}

/// Rewrites a RRULE's UNTIL as the "UTC" of Nabo's local-time expansion (see [`super`]):
/// a UTC UNTIL is converted into `zone`'s wall clock, a date becomes the end of that day.
///
/// It also reads a rule as the peers (Python `icalendar`, `recurring-ical-events`) do where
/// RFC 5545 is broken (issue 15): a part given twice counts once, the first
/// (`FREQ=DAILY;UNTIL=…;FREQ=DAILY`), and a COUNT that is not a positive number is left out
/// (`COUNT=-1` beside UNTIL).
pub(super) fn until_as_utc(rule: &str, zone: &Zone) -> String {
    let mut seen: Vec<String> = Vec::new();
    rule.split(';')
        .filter(|part| !part.is_empty())
        .filter(|part| {
            let key = part.split_once('=').map_or(*part, |(k, _)| k).trim().to_ascii_uppercase();
            if seen.contains(&key) {
                return false;
            }
            seen.push(key.clone());
            key != "COUNT" || part.split_once('=').is_some_and(|(_, v)| v.trim().parse::<u32>().is_ok_and(|n| n > 0))
        })
        .map(|part| match part.split_once('=') {
            Some((key, value)) if key.eq_ignore_ascii_case("UNTIL") => {
                let local = if let Some(utc) = value.strip_suffix(['Z', 'z']) {
                    NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
                        .ok()
                        .map(|t| zone.local(Utc.from_utc_datetime(&t)))
                } else if value.len() == 8 {
                    chrono::NaiveDate::parse_from_str(value, "%Y%m%d").ok().and_then(|d| d.and_hms_opt(23, 59, 59))
                } else {
                    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()
                };
                match local {
                    Some(local) => format!("UNTIL={}", local.format("%Y%m%dT%H%M%SZ")),
                    None => part.to_string(),
                }
            }
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// A resolved time zone.
#[derive(Debug, Clone)]
pub(super) enum Zone {
    /// UTC (a `Z` time).
    Utc,
    /// A zone of the IANA database.
    Iana(Tz),
    /// A zone defined only by the file's VTIMEZONE.
    Custom(Rc<CustomZone>),
}

impl Zone {
    /// The instant of a wall-clock time: the first of two autumn times; a time in a spring gap
    /// moves forward by the gap (RFC 5545 §3.3.5).
    pub(super) fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Zone::Utc => Utc.from_utc_datetime(&local),
            Zone::Iana(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
                LocalResult::None => {
                    let before = tz.from_local_datetime(&(local - Duration::hours(3))).earliest();
                    let offset = before.map_or(0, |t| t.offset().fix().local_minus_utc());
                    Utc.from_utc_datetime(&local) - Duration::seconds(i64::from(offset))
                }
            },
            Zone::Custom(zone) => {
                let naive = Utc.from_utc_datetime(&local);
                let mut offsets: Vec<i32> = zone.transitions.iter().map(|(_, o)| *o).collect();
                offsets.push(zone.initial);
                offsets.sort_unstable_by(|a, b| b.cmp(a));
                offsets.dedup();
                // The largest offset gives the earliest instant: the first of two autumn times.
                let consistent = offsets
                    .iter()
                    .map(|o| (naive - Duration::seconds(i64::from(*o)), *o))
                    .find(|(at, o)| zone.offset_at(*at) == *o)
                    .map(|(at, _)| at);
                // None fits in a spring gap: the offset before the change moves the time forward
                // (15 hours back is before any change that could make this gap).
                consistent.unwrap_or_else(|| {
                    naive - Duration::seconds(i64::from(zone.offset_at(naive - Duration::hours(15))))
                })
            }
        }
    }

    /// The wall-clock time of an instant in this zone.
    pub(super) fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Utc => at.naive_utc(),
            Zone::Iana(tz) => at.with_timezone(tz).naive_local(),
            Zone::Custom(zone) => at.naive_utc() + Duration::seconds(i64::from(zone.offset_at(at))),
        }
    }
}

/// The IANA zone a TZID names: directly, as the tail of a prefixed name
/// (`/mozilla.org/20050126_1/Europe/Copenhagen`), or as a Windows name.
pub(super) fn iana(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    if let Some((_, iana)) = WINDOWS_TO_IANA.iter().find(|(windows, _)| windows.eq_ignore_ascii_case(tzid)) {
        return iana.parse().ok();
    }
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    (1..parts.len()).find_map(|skip| parts[skip..].join("/").parse().ok())
}

/// The zones of one file: its VTIMEZONE blocks, resolved on first use.
#[derive(Default)]
pub(super) struct Zones {
    /// TZID → (X-LIC-LOCATION, observances) as written in the file.
    defined: HashMap<String, (Option<String>, Vec<Observance>)>,
    resolved: HashMap<String, Option<Zone>>,
}

impl Zones {
    /// Remembers a VTIMEZONE block.
    pub(super) fn define(&mut self, tzid: String, location: Option<String>, observances: Vec<Observance>) {
        self.defined.insert(tzid, (location, observances));
    }

    /// The zone a TZID stands for, or `None` if neither a name Nabo knows nor defined in the file.
    pub(super) fn get(&mut self, tzid: &str) -> Option<Zone> {
        if let Some(known) = self.resolved.get(tzid) {
            return known.clone();
        }
        let defined = self.defined.get(tzid);
        let zone = iana(tzid)
            .or_else(|| defined.and_then(|(location, _)| location.as_deref()).and_then(iana))
            .map(Zone::Iana)
            .or_else(|| {
                let (_, observances) = defined?;
                CustomZone::new(observances).map(|z| Zone::Custom(Rc::new(z)))
            });
        self.resolved.insert(tzid.to_string(), zone.clone());
        zone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap_or_default()
    }

    #[test]
    fn iana_windows_and_prefixed_names_resolve() {
        assert_eq!(iana("Europe/Copenhagen"), Some(chrono_tz::Europe::Copenhagen));
        assert_eq!(iana("Romance Standard Time"), Some(chrono_tz::Europe::Paris));
        assert_eq!(iana("w. europe standard time"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(iana("/mozilla.org/20050126_1/Europe/Copenhagen"), Some(chrono_tz::Europe::Copenhagen));
        assert_eq!(iana("\"Europe/Oslo\""), Some(chrono_tz::Europe::Oslo));
        assert_eq!(iana("Mars/Olympus_Mons"), None);
        assert_eq!(iana("Customized Time Zone"), None);
    }

    /// An Outlook-style custom zone with Copenhagen's rules, from 1601.
    fn custom_copenhagen() -> Zone {
        let observances = [
            Observance {
                start: at("1601-10-28T03:00"),
                from: 7200,
                to: 3600,
                rule: Some("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10".into()),
                dates: vec![],
            },
            Observance {
                start: at("1601-03-25T02:00"),
                from: 3600,
                to: 7200,
                rule: Some("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3".into()),
                dates: vec![],
            },
        ];
        CustomZone::new(&observances).map(|z| Zone::Custom(Rc::new(z))).unwrap_or(Zone::Utc)
    }

    #[test]
    fn a_custom_zone_agrees_with_the_iana_zone_it_copies() {
        let custom = custom_copenhagen();
        let iana = Zone::Iana(chrono_tz::Europe::Copenhagen);
        for local in [
            "2026-01-15T09:00",
            "2026-03-29T01:59",
            "2026-03-29T02:30", // in the spring gap: both move forward
            "2026-03-29T03:00",
            "2026-07-01T17:00",
            "2026-10-25T02:30", // twice in autumn: both take the first
            "2026-10-25T03:00",
            "2026-12-24T18:00",
        ] {
            assert_eq!(custom.instant(at(local)), iana.instant(at(local)), "{local}");
            let instant = iana.instant(at(local));
            assert_eq!(custom.local(instant), iana.local(instant), "{local}");
        }
    }

    #[test]
    fn until_is_rewritten_into_local_wall_clock() {
        let cph = Zone::Iana(chrono_tz::Europe::Copenhagen);
        assert_eq!(until_as_utc("FREQ=WEEKLY;UNTIL=20261027T155959Z", &cph), "FREQ=WEEKLY;UNTIL=20261027T165959Z");
        assert_eq!(until_as_utc("FREQ=WEEKLY;UNTIL=20261027", &cph), "FREQ=WEEKLY;UNTIL=20261027T235959Z");
        assert_eq!(until_as_utc("FREQ=DAILY;UNTIL=20261027T170000", &cph), "FREQ=DAILY;UNTIL=20261027T170000Z");
    }
}
