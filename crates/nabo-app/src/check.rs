//! `nabo check`: the database's soundness, clashes ahead, and stored text the guard would refuse today.

use chrono::{DateTime, Duration, Utc};
use nabo_core::{conflicts_among, ActivityStatus, Scheduled};

use crate::dto::{ConflictPairView, ConflictView};
use crate::error::AppError;
use crate::service::{index_of, Entry, Nabo, MAX_RANGE_DAYS};

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// Damage or broken references SQLite found; empty when the file is sound.
    pub problems: Vec<String>,
    /// How many activities (one-offs and series) are stored.
    pub activities: i64,
    /// The schema version.
    pub schema_version: i64,
    /// Clashes among planned activities from now on.
    pub upcoming_conflicts: Vec<ConflictPairView>,
    /// Stored text that looks like personal data (kept from before the guard, or edited by
    /// hand): activity id, field and kind — never the text itself.
    pub personal_data: Vec<(i64, &'static str, &'static str)>,
}

impl Nabo {
    /// Checks the database and reports clashes among planned activities from `now` on.
    pub fn check(&self, now: DateTime<Utc>) -> Result<CheckReport, AppError> {
        let mut problems = self.store.check_integrity()?;
        if problems.is_empty() && self.store.is_damaged() {
            // A header SQLite reads but no SQLite writes (see nabo-store's `read_header`):
            // integrity_check passes, and still nothing may be written.
            problems.push("the file header is damaged (unknown file format version)".to_string());
        }
        if !problems.is_empty() {
            // The damage is the report: conflicts and stored text are read from rows that may
            // sit on the damaged pages, and a failure there would hide what SQLite found.
            return Ok(CheckReport {
                problems,
                activities: 0,
                schema_version: self.store.schema_version().unwrap_or(0),
                upcoming_conflicts: Vec::new(),
                personal_data: Vec::new(),
            });
        }
        let activities = nabo_store::count_activities(self.store.conn())?;
        let far = now + Duration::days(MAX_RANGE_DAYS);
        let upcoming: Vec<Entry> =
            self.entries(now, far)?.into_iter().filter(|e| e.occurrence.status == ActivityStatus::Planned).collect();
        let scheduled: Vec<Scheduled> = upcoming.iter().enumerate().map(|(i, e)| e.scheduled(i)).collect();
        let upcoming_conflicts = conflicts_among(&scheduled, &self.rules)
            .into_iter()
            .filter_map(|(a, c)| {
                let (ea, eb) = (upcoming.get(index_of(a))?, upcoming.get(index_of(c.with))?);
                Some(ConflictPairView {
                    id: ea.activity.id.0,
                    start: ea.occurrence.start.to_rfc3339(),
                    conflict: ConflictView::from(nabo_core::Conflict { with: eb.activity.id, ..c }),
                })
            })
            .collect();
        let personal_data = self.stored_personal_data()?;
        Ok(CheckReport {
            problems,
            activities,
            schema_version: self.store.schema_version()?,
            upcoming_conflicts,
            personal_data,
        })
    }

    /// Every stored text field that the personal-data guard would refuse today, and household
    /// labels that are not pseudonyms (kind `name`), e.g. from before the rule was stricter.
    /// A venue naming one of the coordinator's public places with its address is not one.
    fn stored_personal_data(&self) -> Result<Vec<(i64, &'static str, &'static str)>, AppError> {
        let places = self.public_places()?;
        let mut found = Vec::new();
        for stored in nabo_store::list_activity_texts(self.store.conn())? {
            for (field, text) in &stored.texts {
                let Some(text) = text.as_deref() else { continue };
                if *field == nabo_core::Field::Venue && places.contains(text) {
                    continue;
                }
                if let Some(hit) = nabo_core::find_personal_data(text) {
                    found.push((stored.id.0, field.as_str(), hit.kind.as_str()));
                } else if *field == nabo_core::Field::Household && !nabo_core::is_pseudonym(text.trim()) {
                    found.push((stored.id.0, field.as_str(), "name"));
                }
            }
        }
        Ok(found)
    }
}
