//! The coordinator's reports (issue 13): tables of her volunteers' totals by area, kind,
//! period or a scheme group, published with small numbers hidden, and written as CSV, XLSX or
//! JSON; and her targets with their progress.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use nabo_core::report::{
    checked_min_cell, unpack_sums, unpack_values, Axis, Breakdown, FactRef, Goal, Measure, Month, Period, Progress,
    Published, ReportError, Table, TableSpec, Target,
};
use nabo_core::{Scheme, CURRENT_SCHEME};
use nabo_store::{delete_target, insert_target, list_targets, visit_sums, Role, StoreError, StoredTarget};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::i18n::Localizer;
use crate::service::Nabo;

/// A report as asked for, by the CLI's flags or the app's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportRequest {
    /// The first month, `YYYY-MM`.
    pub from: String,
    /// The last month, `YYYY-MM`.
    pub to: String,
    /// `area`, `kind`, `month` or `quarter`.
    pub rows: String,
    /// `month`, `quarter`, `year`, `area`, `kind` or a scheme group (`gender`).
    pub cols: String,
    /// A scheme key, `held` or `cancelled` (`reached` when none).
    pub measure: Option<String>,
    /// The smallest count published (5 when none; never below 3).
    #[ts(type = "number | null")]
    pub min_cell: Option<u64>,
}

/// A report fit to publish, as `--format json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDoc {
    /// The table, its totals and what is hidden.
    #[serde(flatten)]
    pub table: Published,
    /// What the cells count (a scheme key, `held`, or the group of the columns).
    pub measure: String,
    /// The first month.
    pub from: String,
    /// The last month.
    pub to: String,
    /// What the rows are.
    pub row_axis: String,
    /// What the columns are.
    pub col_axis: String,
    /// The category scheme the counts are in.
    pub scheme_version: String,
}

/// The file formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ReportFormat {
    /// Comma-separated, UTF-8 with a byte-order mark (Excel reads it so).
    Csv,
    /// An Excel workbook with a header naming the period, scheme, minimum cell and rule.
    Xlsx,
    /// The shape documented in docs/FORMAT.md.
    Json,
}

/// What writing a report did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportExport {
    /// The file written.
    pub path: String,
    /// Rows in the table.
    pub rows: usize,
    /// Columns in the table.
    pub cols: usize,
    /// Cells (totals included) hidden as small.
    pub primary: usize,
    /// Cells (totals included) hidden so the small ones cannot be worked out.
    pub secondary: usize,
}

/// A target with its progress today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TargetView {
    /// Its id (`nabo target remove ID`).
    #[ts(type = "number")]
    pub id: i64,
    /// What it counts.
    pub measure: String,
    /// `YYYY`, `YYYY-Qn` or `YYYY-MM`.
    pub period: String,
    /// A count to reach…
    #[ts(type = "number | null")]
    pub count: Option<u64>,
    /// …or a share, in per cent…
    pub share: Option<f64>,
    /// …of this measure.
    pub of: Option<String>,
    /// How far it has come.
    pub progress: Progress,
}

/// A target's goal as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TargetGoal {
    /// A count to reach.
    Count(#[ts(type = "number")] u64),
    /// A share in per cent of another measure.
    Share {
        /// Per cent, more than 0 and at most 100 (two decimals kept).
        percent: f64,
        /// The measure it is a share of.
        of: String,
    },
}

/// One line of the months' sums, read: month, kind, area, held, cancelled, sums in the
/// current scheme.
type FactRow = (Month, Option<String>, Option<String>, u64, u64, Vec<u64>);

/// The lines of the months' sums a table reads, in the current scheme.
struct FactSet {
    rows: Vec<FactRow>,
}

impl FactSet {
    /// The lines as the table builder reads them, all of `breakdown`.
    fn refs(&self, breakdown: Breakdown) -> Vec<FactRef<'_>> {
        self.rows
            .iter()
            .map(|(month, kind, area, held, cancelled, values)| FactRef {
                month: *month,
                breakdown,
                kind: kind.as_deref(),
                area: area.as_deref(),
                held: *held,
                cancelled: *cancelled,
                values,
            })
            .collect()
    }
}

fn damaged(detail: &str) -> AppError {
    AppError::Store(StoreError::Damaged { what: "summary totals", id: 0, detail: detail.to_string() })
}

/// How a stored line's values are packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Packing {
    /// One summary's line: four bytes a value.
    Values,
    /// The months' sums: eight bytes a value.
    Sums,
}

impl Packing {
    fn width(self) -> usize {
        match self {
            Packing::Values => 4,
            Packing::Sums => 8,
        }
    }

    fn unpack(self, bytes: &[u8]) -> Option<Vec<u64>> {
        match self {
            Packing::Values => unpack_values(bytes).map(|v| v.into_iter().map(u64::from).collect()),
            Packing::Sums => unpack_sums(bytes),
        }
    }

    /// The value at `index` straight from the bytes.
    fn at(self, bytes: &[u8], index: usize) -> Option<u64> {
        let w = self.width();
        let b = bytes.get(index * w..index * w + w)?;
        Some(match self {
            Packing::Values => u64::from(u32::from_le_bytes(b.try_into().ok()?)),
            Packing::Sums => u64::from_le_bytes(b.try_into().ok()?),
        })
    }
}

/// Stored values in `scheme`, read in today's scheme (an older scheme's by its migration
/// table), one per key in the current scheme's order.
pub(crate) fn current_values(scheme: &str, packed: &[u8], packing: Packing) -> Result<Vec<u64>, AppError> {
    // The current scheme's width, counted once: its key list is made anew on each call.
    static WIDTH: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let current = Scheme::current().map_err(AppError::Scheme)?;
    let width = *WIDTH.get_or_init(|| current.keys().len());
    let mut values = packing.unpack(packed).ok_or_else(|| damaged("values are not whole numbers"))?;
    if scheme != CURRENT_SCHEME {
        let old = Scheme::get(scheme).map_err(AppError::Scheme)?.keys();
        let map: BTreeMap<String, u64> = old.into_iter().zip(values.iter().copied()).collect();
        let moved = current.migrate(scheme, &map).map_err(AppError::Scheme)?;
        values = current.keys().iter().map(|k| moved.get(k).copied().unwrap_or(0)).collect();
    }
    if values.len() != width {
        return Err(damaged("values do not match the scheme"));
    }
    Ok(values)
}

/// One value of a stored line, by its index in the current scheme: read straight from the
/// packed bytes when the line is in the current scheme.
fn pick(scheme: &str, packed: &[u8], index: Option<usize>, packing: Packing) -> Result<u64, AppError> {
    let Some(i) = index else { return Ok(0) };
    if scheme == CURRENT_SCHEME {
        return packing.at(packed, i).ok_or_else(|| damaged("values do not match the scheme"));
    }
    Ok(current_values(scheme, packed, packing)?.get(i).copied().unwrap_or(0))
}

/// People reached and new of a stored line (what the overview, the grid and the window's
/// volunteer list show of each).
pub(crate) fn reached_and_new(scheme: &str, packed: &[u8], packing: Packing) -> Result<(u64, u64), AppError> {
    static AT: std::sync::OnceLock<(Option<usize>, Option<usize>)> = std::sync::OnceLock::new();
    let (reached, new) = match AT.get() {
        Some(at) => *at,
        None => {
            let keys = Scheme::current().map_err(AppError::Scheme)?.keys();
            let index = |key: &str| keys.iter().position(|k| k == key);
            *AT.get_or_init(|| (index("reached"), index("new")))
        }
    };
    Ok((pick(scheme, packed, reached, packing)?, pick(scheme, packed, new, packing)?))
}

fn report_error(e: ReportError) -> AppError {
    AppError::Report(e)
}

fn period(text: &str) -> Result<Period, AppError> {
    text.parse().map_err(|_| AppError::UnreadableReportPeriod { input: text.chars().take(20).collect() })
}

fn month(text: &str) -> Result<Month, AppError> {
    text.parse().map_err(|_| AppError::UnreadablePeriod { input: text.chars().take(20).collect() })
}

impl Nabo {
    fn require_coordinator(&self) -> Result<(), AppError> {
        match self.identity()?.map(|i| i.role) {
            Some(Role::Coordinator | Role::Both) => Ok(()),
            _ => Err(AppError::CoordinatorOnly),
        }
    }

    /// The months' sums of `breakdown` from `from` to `to`, in the current scheme.
    fn fact_set(&self, breakdown: Breakdown, from: Month, to: Month) -> Result<FactSet, AppError> {
        let (from, to) = (from.to_string(), to.to_string());
        if breakdown == Breakdown::AreaKind {
            // Summaries from before format 2 count by area and by kind but not by both: a table
            // without them would be short, so it is refused, saying how many.
            let mut older = 0u64;
            visit_sums(self.store.conn(), Breakdown::Month, &from, &to, |f| {
                older += u64::from(f.older);
                Ok::<_, AppError>(())
            })?;
            if older > 0 {
                return Err(report_error(ReportError::AreaByKindFromOlder { summaries: older }));
            }
        }
        let mut rows = Vec::new();
        visit_sums(self.store.conn(), breakdown, &from, &to, |f| {
            let month: Month = f.period.parse().map_err(|_| damaged("a month is not YYYY-MM"))?;
            let values = current_values(f.scheme, f.sums, Packing::Sums)?;
            rows.push((month, f.kind.map(str::to_string), f.area.map(str::to_string), f.held, f.cancelled, values));
            Ok::<_, AppError>(())
        })?;
        Ok(FactSet { rows })
    }

    fn spec(request: &ReportRequest) -> Result<TableSpec, AppError> {
        let measure = match &request.measure {
            Some(m) => m.parse().map_err(report_error)?,
            None => Measure::default(),
        };
        TableSpec {
            from: month(&request.from)?,
            to: month(&request.to)?,
            rows: request.rows.parse().map_err(report_error)?,
            cols: request.cols.parse().map_err(report_error)?,
            measure,
        }
        .checked()
        .map_err(report_error)
    }

    /// The table a request asks for, nothing hidden: the coordinator's own view.
    pub fn report_table(&self, request: &ReportRequest) -> Result<Table, AppError> {
        self.require_coordinator()?;
        self.table_of(&Self::spec(request)?)
    }

    fn table_of(&self, spec: &TableSpec) -> Result<Table, AppError> {
        let facts = self.fact_set(spec.breakdown(), spec.from, spec.to)?;
        Table::build(spec, &facts.refs(spec.breakdown())).map_err(report_error)
    }

    /// The report a request asks for, fit to publish (`nabo report --format json`).
    pub fn report(&self, request: &ReportRequest) -> Result<ReportDoc, AppError> {
        self.require_coordinator()?;
        // Refused before any work.
        let min_cell = checked_min_cell(request.min_cell.unwrap_or(nabo_core::report::suppress::DEFAULT_MIN_CELL))
            .map_err(report_error)?;
        let spec = Self::spec(request)?;
        let table = self.table_of(&spec)?;
        Ok(ReportDoc {
            table: table.publish(min_cell).map_err(report_error)?,
            measure: spec.measure_name(),
            from: spec.from.to_string(),
            to: spec.to.to_string(),
            row_axis: spec.rows.to_string(),
            col_axis: spec.cols.to_string(),
            scheme_version: CURRENT_SCHEME.to_string(),
        })
    }

    /// Writes the report a request asks for to `out` (`nabo report --out`, the app's Export).
    pub fn export_report(
        &self,
        request: &ReportRequest,
        format: ReportFormat,
        out: &Path,
        words: &Localizer,
    ) -> Result<ReportExport, AppError> {
        let doc = self.report(request)?;
        let bytes = match format {
            ReportFormat::Json => {
                let mut json = serde_json::to_vec_pretty(&doc)
                    .map_err(|e| AppError::WriteFailed { path: out.display().to_string(), reason: e.to_string() })?;
                json.push(b'\n');
                json
            }
            ReportFormat::Csv => crate::report_files::csv(&doc, words),
            ReportFormat::Xlsx => crate::report_files::xlsx(&doc, words)
                .map_err(|e| AppError::WriteFailed { path: out.display().to_string(), reason: e })?,
        };
        crate::files::write_file(out, &bytes, &self.protected_files())?;
        let all = doc
            .table
            .cells
            .iter()
            .flatten()
            .chain(&doc.table.row_totals)
            .chain(&doc.table.col_totals)
            .chain(std::iter::once(&doc.table.total));
        let (mut primary, mut secondary) = (0, 0);
        for cell in all {
            match cell.suppressed {
                Some(nabo_core::report::suppress::Hidden::Primary) => primary += 1,
                Some(nabo_core::report::suppress::Hidden::Secondary) => secondary += 1,
                None => {}
            }
        }
        Ok(ReportExport {
            path: out.display().to_string(),
            rows: doc.table.rows.len(),
            cols: doc.table.cols.len(),
            primary,
            secondary,
        })
    }

    /// A measure's total over a period, from the summaries that count.
    fn measure_total(&self, measure: &Measure, period: Period) -> Result<u64, AppError> {
        let (from, to) = (period.first().to_string(), period.last().to_string());
        let at = measure.key_index();
        let mut total = 0u64;
        visit_sums(self.store.conn(), measure.breakdown(), &from, &to, |f| {
            total += measure.on_line(f.kind, f.held, f.cancelled, || pick(f.scheme, f.sums, at, Packing::Sums))?;
            Ok::<_, AppError>(())
        })?;
        Ok(total)
    }

    fn target_view(&self, stored: StoredTarget, today: chrono::NaiveDate) -> Result<TargetView, AppError> {
        let damaged = |detail: &str| {
            AppError::Store(StoreError::Damaged { what: "target", id: stored.id, detail: detail.to_string() })
        };
        let measure: Measure = stored.measure.parse().map_err(|_| damaged("unknown measure"))?;
        let period: Period = stored.period.parse().map_err(|_| damaged("unknown period"))?;
        let goal = match (stored.count, stored.share, &stored.share_of) {
            (Some(count), None, None) => Goal::Count(count),
            (None, Some(basis_points), Some(of)) => {
                Goal::Share { basis_points, of: of.parse().map_err(|_| damaged("unknown measure"))? }
            }
            _ => return Err(damaged("neither a count nor a share")),
        };
        let actual = self.measure_total(&measure, period)?;
        let of = match &goal {
            Goal::Share { of, .. } => self.measure_total(of, period)?,
            Goal::Count(_) => 0,
        };
        let progress = Target { measure, period, goal }.progress(actual, of, today);
        Ok(TargetView {
            id: stored.id,
            measure: stored.measure,
            period: stored.period,
            count: stored.count,
            share: stored.share.map(|bp| f64::from(bp) / 100.0),
            of: stored.share_of,
            progress,
        })
    }

    /// Sets a target (`nabo target set`); returns it with its progress.
    pub fn set_target(
        &mut self,
        measure: &str,
        period_text: &str,
        goal: &TargetGoal,
        now: DateTime<Utc>,
    ) -> Result<TargetView, AppError> {
        self.require_coordinator()?;
        let measure: Measure = measure.parse().map_err(report_error)?;
        let period = period(period_text)?;
        let (count, share, share_of) = match goal {
            TargetGoal::Count(0) => return Err(AppError::TargetRefused { reason: "zero" }),
            TargetGoal::Count(n) => (Some(*n), None, None),
            TargetGoal::Share { percent, of } => {
                if !(percent.is_finite() && *percent > 0.0 && *percent <= 100.0) {
                    return Err(AppError::TargetRefused { reason: "share_range" });
                }
                let of: Measure = of.parse().map_err(report_error)?;
                if of == measure {
                    return Err(AppError::TargetRefused { reason: "share_of_itself" });
                }
                // Hundredths of a per cent: 0 < percent ≤ 100, so this is 1 to 10,000.
                let basis_points = (percent * 100.0).round().clamp(1.0, 10_000.0) as u32;
                (None, Some(basis_points), Some(of.to_string()))
            }
        };
        let stored =
            StoredTarget { id: 0, measure: measure.to_string(), period: period.to_string(), count, share, share_of };
        let id = self.store.write(|tx| insert_target(tx, &stored, now))?;
        let today = now.with_timezone(&nabo_core::ZONE).date_naive();
        self.target_view(StoredTarget { id, ..stored }, today)
    }

    /// Every target with its progress today (`nabo target list`).
    pub fn targets(&self, now: DateTime<Utc>) -> Result<Vec<TargetView>, AppError> {
        self.require_coordinator()?;
        let today = now.with_timezone(&nabo_core::ZONE).date_naive();
        list_targets(self.store.conn())?.into_iter().map(|t| self.target_view(t, today)).collect()
    }

    /// Removes a target (`nabo target remove`).
    pub fn remove_target(&mut self, id: i64) -> Result<(), AppError> {
        self.require_coordinator()?;
        self.store.write(|tx| delete_target(tx, id)).map_err(|e| match e {
            StoreError::NotFound { .. } => AppError::UnknownTarget { id },
            other => AppError::Store(other),
        })
    }
}

/// What a report's axis is called, for the front ends.
pub fn axis_names() -> Vec<String> {
    let mut names: Vec<String> =
        [Axis::Area, Axis::Kind, Axis::Month, Axis::Quarter, Axis::Year].iter().map(ToString::to_string).collect();
    if let Ok(scheme) = Scheme::current() {
        names.extend(scheme.groups.iter().filter(|g| g.kind != nabo_core::GroupKind::Total).map(|g| g.key.clone()));
    }
    names
}

/// One month of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OverviewMonth {
    /// `YYYY-MM`.
    pub period: String,
    /// Its summaries are due (the month is over).
    pub due: bool,
    /// Summaries that count for it.
    pub summaries: u32,
    /// People reached.
    #[ts(type = "number")]
    pub reached: u64,
    /// Of whom new contacts.
    #[ts(type = "number")]
    pub new: u64,
    /// Activities held.
    #[ts(type = "number")]
    pub held: u64,
}

/// One area of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OverviewArea {
    /// The area; none for activities without one.
    pub area: Option<String>,
    /// People reached.
    #[ts(type = "number")]
    pub reached: u64,
    /// Of whom new contacts.
    #[ts(type = "number")]
    pub new: u64,
}

/// One kind of activity in the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OverviewKind {
    /// The kind.
    pub kind: nabo_core::ActivityKind,
    /// Held.
    #[ts(type = "number")]
    pub held: u64,
    /// Called off.
    #[ts(type = "number")]
    pub cancelled: u64,
    /// People reached at them.
    #[ts(type = "number")]
    pub reached: u64,
}

/// The coordinator's overview of a month, quarter or year: totals, by month, area and kind,
/// and her targets (the app's Koordinator screen; the grid is [`Nabo::volunteer_grid`]).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OverviewView {
    /// `YYYY`, `YYYY-Qn` or `YYYY-MM`.
    pub period: String,
    /// Every scheme key summed over the period.
    #[ts(type = "Record<string, number>")]
    pub totals: BTreeMap<String, u64>,
    /// Activities held.
    #[ts(type = "number")]
    pub held: u64,
    /// Activities called off.
    #[ts(type = "number")]
    pub cancelled: u64,
    /// Each month of the period.
    pub months: Vec<OverviewMonth>,
    /// Each area, the most people reached first.
    pub areas: Vec<OverviewArea>,
    /// Each kind of activity.
    pub kinds: Vec<OverviewKind>,
    /// Every target, with its progress today.
    pub targets: Vec<TargetView>,
}

/// One volunteer's row of the volunteers × months grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GridVolunteer {
    /// Her name.
    pub name: String,
    /// Her months in the period (the revision that counts).
    pub months: Vec<GridMonth>,
    /// Months of the period that are due, from her first month on, with no summary.
    pub missing: Vec<String>,
}

/// A volunteer's month in the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GridMonth {
    /// `YYYY-MM`.
    pub period: String,
    /// The revision that counts.
    pub revision: u32,
    /// People reached.
    #[ts(type = "number")]
    pub reached: u64,
    /// Of whom new contacts.
    #[ts(type = "number")]
    pub new: u64,
}

impl Nabo {
    /// The overview of `period` (`YYYY`, `YYYY-Qn` or `YYYY-MM`) on `now`.
    pub fn overview(&self, period_text: &str, now: DateTime<Utc>) -> Result<OverviewView, AppError> {
        self.require_coordinator()?;
        let period = period(period_text)?;
        let (first, last) = (period.first(), period.last());
        let keys = Scheme::current().map_err(AppError::Scheme)?.keys();
        let this_month = Month::of(now.with_timezone(&nabo_core::ZONE).date_naive());

        let mut months: Vec<OverviewMonth> = first
            .through(last)
            .map(|m| OverviewMonth {
                period: m.to_string(),
                due: m < this_month,
                summaries: 0,
                reached: 0,
                new: 0,
                held: 0,
            })
            .collect();
        // Read from the months' sums: a few hundred rows for a national year.
        let mut sums = vec![0u64; keys.len()];
        let (mut held, mut cancelled) = (0u64, 0u64);
        let (from, to) = (first.to_string(), last.to_string());
        let conn = self.store.conn();
        visit_sums(conn, Breakdown::Month, &from, &to, |f| {
            for (sum, v) in sums.iter_mut().zip(current_values(f.scheme, f.sums, Packing::Sums)?) {
                *sum += v;
            }
            held += f.held;
            cancelled += f.cancelled;
            if let Some(line) = months.iter_mut().find(|l| l.period == f.period) {
                line.summaries += f.summaries;
                let (reached, new) = reached_and_new(f.scheme, f.sums, Packing::Sums)?;
                line.reached += reached;
                line.new += new;
                line.held += f.held;
            }
            Ok::<_, AppError>(())
        })?;
        let totals: BTreeMap<String, u64> = keys.iter().cloned().zip(sums).collect();
        let mut areas: Vec<OverviewArea> = Vec::new();
        let mut area_index: std::collections::HashMap<Option<String>, usize> = std::collections::HashMap::new();
        visit_sums(conn, Breakdown::Area, &from, &to, |f| {
            let key = f.area.map(str::to_string);
            let i = *area_index.entry(key.clone()).or_insert_with(|| {
                areas.push(OverviewArea { area: key, reached: 0, new: 0 });
                areas.len() - 1
            });
            let (reached, new) = reached_and_new(f.scheme, f.sums, Packing::Sums)?;
            areas[i].reached += reached;
            areas[i].new += new;
            Ok::<_, AppError>(())
        })?;
        areas.sort_by(|a, b| b.reached.cmp(&a.reached).then(a.area.cmp(&b.area)));
        let mut kinds: Vec<OverviewKind> = nabo_core::ActivityKind::ALL
            .iter()
            .map(|&kind| OverviewKind { kind, held: 0, cancelled: 0, reached: 0 })
            .collect();
        visit_sums(conn, Breakdown::Kind, &from, &to, |f| {
            if let Some(line) = kinds.iter_mut().find(|k| Some(k.kind.as_str()) == f.kind) {
                line.held += f.held;
                line.cancelled += f.cancelled;
                line.reached += reached_and_new(f.scheme, f.sums, Packing::Sums)?.0;
            }
            Ok::<_, AppError>(())
        })?;
        Ok(OverviewView {
            period: period.to_string(),
            totals,
            held,
            cancelled,
            months,
            areas,
            kinds,
            targets: self.targets(now)?,
        })
    }

    /// The volunteers × months grid of `period`: every volunteer who delivered a month, her
    /// months in the period and those missing. Apart from the overview: the window shows the
    /// overview first and the grid (a national year: hundreds of rows) after it.
    pub fn volunteer_grid(&self, period_text: &str, now: DateTime<Utc>) -> Result<Vec<GridVolunteer>, AppError> {
        self.require_coordinator()?;
        let period = period(period_text)?;
        let this_month = Month::of(now.with_timezone(&nabo_core::ZONE).date_naive());
        // Each volunteer's first month ever, and her months in the period.
        let mut by_key: BTreeMap<Vec<u8>, (String, Vec<GridMonth>)> = BTreeMap::new();
        for d in nabo_store::list_month_lines(self.store.conn())? {
            let month: Month = d.period.parse().map_err(|_| damaged("a month is not YYYY-MM"))?;
            let entry = by_key.entry(d.volunteer_key).or_insert_with(|| (d.period.clone(), Vec::new()));
            if d.period < entry.0 {
                entry.0 = d.period.clone();
            }
            if period.contains(month) {
                let (reached, new) = reached_and_new(&d.scheme, &d.values, Packing::Values)?;
                entry.1.push(GridMonth { period: d.period, revision: d.revision, reached, new });
            }
        }
        let mut out = Vec::new();
        for v in nabo_store::list_volunteers(self.store.conn())? {
            // A coordinator known by her roll-ups delivered no month of her own.
            let Some((first, months)) = by_key.remove(v.signing_key.as_slice()) else { continue };
            let missing = period
                .first()
                .through(period.last())
                .filter(|m| *m < this_month && m.to_string() >= first)
                .map(|m| m.to_string())
                .filter(|p| !months.iter().any(|g| &g.period == p))
                .collect();
            out.push(GridVolunteer { name: v.name, months, missing });
        }
        Ok(out)
    }
}
