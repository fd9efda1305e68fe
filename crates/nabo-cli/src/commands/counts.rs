//! `record`: counts on an activity that took place, or `--remove` them.

use super::Ctx;
use crate::args::Target;
use crate::output::{report_notices, warn};
use crate::{Access, Failure};

/// `nabo record ID[@DATE] key=N… | --remove`.
pub(super) fn record(c: &mut Ctx<'_>, target: Target, counts: &[String], remove: bool) -> Result<(), Failure> {
    let given = nabo_app::parse_counts(counts)?;
    let mut nabo = c.open(Access::Change)?;
    let occurrence = target.date.map(|date| nabo.occurrence_on(target.id, date)).transpose()?;
    if remove {
        let removed = nabo.remove_counts(target.id, occurrence.as_deref(), c.now())?;
        report_notices(&removed.notices, c.l10n);
        let id = if removed.value { "cli-counts-removed" } else { "cli-counts-none-to-remove" };
        return c.line(id, &[("id", target.to_string())]);
    }
    let changed = nabo.record(target.id, occurrence.as_deref(), &given, c.now())?;
    report_notices(&changed.notices, c.l10n);
    let outcome = changed.value;
    for w in &outcome.warnings {
        warn(c.l10n, "cli-counts-much-larger", &[("reached", w.reached.to_string()), ("usual", w.usual.to_string())]);
    }
    let value = |k: &str| outcome.values.get(k).copied().unwrap_or(0).to_string();
    let id = if outcome.edited { "cli-recorded-edited" } else { "cli-recorded" };
    c.line(id, &[("id", target.to_string()), ("reached", value("reached")), ("new", value("new"))])
}
