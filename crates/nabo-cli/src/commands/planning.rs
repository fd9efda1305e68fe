//! `init`, `plan`, `cancel`, `skip`, `move`.

use nabo_app::{ActivityKind, ActivityStatus, AppError, Details, Minutes, Nabo, PlanRequest, Programme, Role};

use super::Ctx;
use crate::args::{PlanCommand, ProgrammeArg, RoleArg, Target};
use crate::output::{minutes_between, report_notices, report_plan};
use crate::{Access, Failure};

/// `nabo init`: the database, the identity and its keys.
pub(super) fn init(c: &mut Ctx<'_>, role: RoleArg, name: Option<String>) -> Result<(), Failure> {
    let role = match role {
        RoleArg::Volunteer => Role::Volunteer,
        RoleArg::Coordinator => Role::Coordinator,
        RoleArg::Both => Role::Both,
    };
    let nabo = crate::with_key(|keys| Nabo::init(&c.path, keys, role, name.clone(), c.now()), true)?;
    c.line("cli-initialised", &[("path", nabo.database_path().display().to_string())])
}

/// `nabo plan visit|meeting`: prints the new id; clashes and notices on stderr.
pub(super) fn plan(c: &mut Ctx<'_>, plan: PlanCommand) -> Result<(), Failure> {
    let request = plan_request(plan)?;
    let mut nabo = c.open(Access::Change)?;
    let outcome = nabo.plan(request, c.now())?;
    report_plan(&outcome, c.l10n);
    c.print(outcome.id)
}

/// `nabo cancel ID[@DATE]`.
pub(super) fn cancel(c: &mut Ctx<'_>, target: Target) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Change)?;
    let changed = match target.date {
        None => nabo.cancel(target.id, c.now())?,
        Some(date) => {
            let occurrence = nabo.occurrence_on(target.id, date)?;
            nabo.set_status(target.id, Some(&occurrence), ActivityStatus::Cancelled, c.now())?
        }
    };
    report_notices(&changed.notices, c.l10n);
    c.line("cli-cancelled", &[("id", target.to_string())])
}

/// `nabo skip ID@DATE`.
pub(super) fn skip(c: &mut Ctx<'_>, target: Target) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Change)?;
    let date = target.date.ok_or(AppError::NotAnOccurrence { id: target.id.0, occurrence: target.to_string() })?;
    let occurrence = nabo.occurrence_on(target.id, date)?;
    let changed = nabo.skip_occurrence(target.id, &occurrence, c.now())?;
    report_notices(&changed.notices, c.l10n);
    c.line("cli-skipped", &[("id", target.to_string())])
}

/// `nabo move ID[@DATE] --start … [--duration …]`: as long as it is now unless told.
pub(super) fn move_to(c: &mut Ctx<'_>, target: Target, start: &str, duration: Option<String>) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Change)?;
    let occurrence = target.date.map(|date| nabo.occurrence_on(target.id, date)).transpose()?;
    let length: Minutes = match duration {
        Some(text) => text.parse()?,
        None => {
            let current = match &occurrence {
                Some(o) => nabo.occurrence_view(target.id, o)?,
                None => nabo.get(target.id)?,
            };
            minutes_between(&current.start, &current.end)?
        }
    };
    let outcome = nabo.move_for(target.id, occurrence.as_deref(), start, length, c.now())?;
    report_plan(&outcome, c.l10n);
    c.line("cli-moved", &[("id", target.to_string())])
}

/// The request `plan visit|meeting` describes.
fn plan_request(plan: PlanCommand) -> Result<PlanRequest, Failure> {
    let (kind, when, common, rrule, details) = match plan {
        PlanCommand::Visit { when, area, household, common } => {
            (ActivityKind::HomeVisit, when, common, None, Details { area: Some(area), household, ..Details::default() })
        }
        PlanCommand::Meeting { when, venue, theme, area, rrule, expected_size, common } => (
            ActivityKind::GroupMeeting,
            when,
            common,
            rrule,
            Details { venue: Some(venue), theme: Some(theme), area, expected_size, ..Details::default() },
        ),
    };
    let duration: Minutes = when.duration.parse()?;
    let programme = common.programme.map(|p| match p {
        ProgrammeArg::Bydelsmoedre => Programme::Bydelsmoedre,
        ProgrammeArg::Baba => Programme::Baba,
    });
    Ok(PlanRequest {
        rrule,
        details: Details { title: common.title, note: common.note, programme, languages: common.languages, ..details },
        ..PlanRequest::new(kind, when.start, duration.get())
    })
}
