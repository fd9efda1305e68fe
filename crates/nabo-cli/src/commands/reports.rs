//! The coordinator's reports and targets: `report`, `target set|list|remove`.

use std::path::Path;

use nabo_app::{ReportFormat, ReportRequest, TargetGoal};

use super::Ctx;
use crate::args::{ReportFormatArg, TargetCommand};
use crate::output::say;
use crate::{Access, Failure};

/// `nabo report … --format F --out FILE`.
pub(super) fn report(
    c: &mut Ctx<'_>,
    request: &ReportRequest,
    format: ReportFormatArg,
    out: &Path,
) -> Result<(), Failure> {
    let format = match format {
        ReportFormatArg::Csv => ReportFormat::Csv,
        ReportFormatArg::Xlsx => ReportFormat::Xlsx,
        ReportFormatArg::Json => ReportFormat::Json,
    };
    let nabo = c.open(Access::Read)?;
    let written = nabo.export_report(request, format, out, c.l10n)?;
    c.line(
        "cli-report-written",
        &[
            ("path", out.display().to_string()),
            ("rows", written.rows.to_string()),
            ("cols", written.cols.to_string()),
            ("primary", written.primary.to_string()),
            ("secondary", written.secondary.to_string()),
            ("min", request.min_cell.unwrap_or(5).to_string()),
        ],
    )
}

/// A number with at most one decimal, as a person reads it.
fn one_decimal(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// `nabo target set|list|remove`.
pub(super) fn target(c: &mut Ctx<'_>, action: TargetCommand) -> Result<(), Failure> {
    match action {
        TargetCommand::Set { measure, period, count, share, of } => {
            let goal = match (count, share, of) {
                (Some(n), _, _) => TargetGoal::Count(n),
                (None, Some(percent), Some(of)) => TargetGoal::Share { percent, of },
                // clap requires one or the other.
                _ => TargetGoal::Count(0),
            };
            let mut nabo = c.open(Access::Change)?;
            let set = nabo.set_target(&measure, &period, &goal, c.now())?;
            c.line("cli-target-set", &[("id", set.id.to_string()), ("measure", set.measure), ("period", set.period)])
        }
        TargetCommand::List { json } => {
            let nabo = c.open(Access::Read)?;
            let targets = nabo.targets(c.now())?;
            if json {
                return c.json(&targets);
            }
            if targets.is_empty() {
                return c.line("cli-target-none", &[]);
            }
            for t in targets {
                let p = &t.progress;
                let state = if p.met {
                    say(c.l10n, "cli-target-met", &[])
                } else if p.behind {
                    say(c.l10n, "cli-target-behind", &[])
                } else {
                    say(c.l10n, "cli-target-on-pace", &[])
                };
                let common = [
                    ("id", t.id.to_string()),
                    ("measure", t.measure.clone()),
                    ("period", t.period.clone()),
                    ("actual", p.actual.to_string()),
                    ("state", state),
                ];
                match (t.count, t.share, &t.of) {
                    (Some(goal), _, _) => {
                        let mut args = common.to_vec();
                        args.push(("goal", goal.to_string()));
                        args.push(("percent", one_decimal(p.done * 100.0)));
                        args.push(("expected", one_decimal(p.expected.unwrap_or(0.0))));
                        c.line("cli-target-count", &args)?;
                    }
                    (None, Some(share), Some(of)) => {
                        let mut args = common.to_vec();
                        args.push(("goal", one_decimal(share)));
                        args.push(("of", of.clone()));
                        args.push(("of_total", p.of.unwrap_or(0).to_string()));
                        args.push(("share", p.share.map(one_decimal).unwrap_or_else(|| "–".into())));
                        c.line("cli-target-share", &args)?;
                    }
                    _ => {}
                }
            }
            Ok(())
        }
        TargetCommand::Remove { id } => {
            let mut nabo = c.open(Access::Change)?;
            nabo.remove_target(id)?;
            c.line("cli-target-removed", &[("id", id.to_string())])
        }
    }
}
