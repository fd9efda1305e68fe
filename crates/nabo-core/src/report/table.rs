//! A report's table: the coordinator's totals pivoted by two axes (areas, kinds, months,
//! quarters, years or a scheme group's buckets), and the same table made fit to publish.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use thiserror::Error;

use super::facts::Breakdown;
use super::period::Month;
use super::suppress::{suppress, Hidden, MIN_CELL_FLOOR};
use crate::activity::ActivityKind;
use crate::counts::{GroupKind, Scheme};

/// Why a report cannot be made as asked.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReportError {
    /// Not an axis a report has.
    #[error("'{name}' is not area, kind, month, quarter, year or a group of the scheme")]
    UnknownAxis {
        /// The name given.
        name: String,
    },
    /// Not something a report counts.
    #[error("'{name}' is not a key of the scheme, held or cancelled")]
    UnknownMeasure {
        /// The name given.
        name: String,
    },
    /// The rows and the columns are the same.
    #[error("the rows and the columns are both {axis}")]
    SameAxis {
        /// The axis.
        axis: String,
    },
    /// Summaries from an older Nabo (format 1) count by area and by kind, not both at once.
    #[error("{summaries} summaries of the period come from an older Nabo, which counts by area and by kind but not by both together")]
    AreaByKindFromOlder {
        /// How many of the period's summaries are format 1.
        summaries: u64,
    },
    /// A scheme group's buckets can only be the columns.
    #[error("a group's buckets ({group}) can only be the columns")]
    GroupAsRows {
        /// The group.
        group: String,
    },
    /// Activities are not counted by area in summaries.
    #[error("{measure} is not counted by area in summaries")]
    NotByArea {
        /// The measure.
        measure: String,
    },
    /// A minimum cell below the floor.
    #[error("a minimum cell of {given} is below {floor}, the least that protects a person")]
    MinCellTooLow {
        /// The minimum asked for.
        given: u64,
        /// The least allowed.
        floor: u64,
    },
    /// The first month is after the last.
    #[error("{from} is after {to}")]
    Backwards {
        /// The first month.
        from: String,
        /// The last month.
        to: String,
    },
}

impl ReportError {
    /// A stable name for the reason (`report_refused` messages select on it).
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::UnknownAxis { .. } => "unknown_axis",
            ReportError::UnknownMeasure { .. } => "unknown_measure",
            ReportError::SameAxis { .. } => "same_axis",
            ReportError::AreaByKindFromOlder { .. } => "area_by_kind",
            ReportError::GroupAsRows { .. } => "group_as_rows",
            ReportError::NotByArea { .. } => "not_by_area",
            ReportError::MinCellTooLow { .. } => "min_cell_too_low",
            ReportError::Backwards { .. } => "backwards",
        }
    }

    /// The particulars, by name, for the messages.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ReportError::UnknownAxis { name } | ReportError::UnknownMeasure { name } => vec![("name", name.clone())],
            ReportError::SameAxis { axis } => vec![("name", axis.clone())],
            ReportError::GroupAsRows { group } => vec![("name", group.clone())],
            ReportError::NotByArea { measure } => vec![("name", measure.clone())],
            ReportError::MinCellTooLow { given, floor } => {
                vec![("given", given.to_string()), ("floor", floor.to_string())]
            }
            ReportError::Backwards { from, to } => vec![("from", from.clone()), ("to", to.clone())],
            ReportError::AreaByKindFromOlder { summaries } => vec![("count", summaries.to_string())],
        }
    }
}

/// What a report's rows or columns are.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Axis {
    /// The areas seen in the period (activities without one last).
    Area,
    /// Every kind of activity.
    Kind,
    /// Every month of the period.
    Month,
    /// Every quarter of the period.
    Quarter,
    /// Every year of the period.
    Year,
    /// A scheme group's buckets (`gender`): columns only.
    Group(String),
}

impl fmt::Display for Axis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Axis::Area => "area",
            Axis::Kind => "kind",
            Axis::Month => "month",
            Axis::Quarter => "quarter",
            Axis::Year => "year",
            Axis::Group(g) => g,
        })
    }
}

impl FromStr for Axis {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "area" => Axis::Area,
            "kind" => Axis::Kind,
            "month" => Axis::Month,
            "quarter" => Axis::Quarter,
            "year" => Axis::Year,
            other => {
                let scheme = Scheme::current().map_err(|_| ReportError::UnknownAxis { name: short(other) })?;
                scheme
                    .groups
                    .iter()
                    .find(|g| g.key == other && g.kind != GroupKind::Total)
                    .map(|g| Axis::Group(g.key.clone()))
                    .ok_or_else(|| ReportError::UnknownAxis { name: short(other) })?
            }
        })
    }
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// What a report or a target counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Measure {
    /// A key of the scheme (`reached`, `gender.women`), summed.
    Key(String),
    /// Activities held, of one kind or all.
    Held(Option<ActivityKind>),
    /// Activities called off, of one kind or all.
    Cancelled(Option<ActivityKind>),
}

impl Default for Measure {
    fn default() -> Self {
        Measure::Key("reached".into())
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Key(k) => f.write_str(k),
            Measure::Held(None) => f.write_str("held"),
            Measure::Held(Some(kind)) => write!(f, "held.{kind}"),
            Measure::Cancelled(None) => f.write_str("cancelled"),
            Measure::Cancelled(Some(kind)) => write!(f, "cancelled.{kind}"),
        }
    }
}

impl FromStr for Measure {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || ReportError::UnknownMeasure { name: short(s) };
        let (head, kind) = match s.split_once('.') {
            Some((head @ ("held" | "cancelled"), kind)) => {
                (head, Some(kind.parse::<ActivityKind>().map_err(|_| unknown())?))
            }
            _ => (s, None),
        };
        match head {
            "held" => Ok(Measure::Held(kind)),
            "cancelled" => Ok(Measure::Cancelled(kind)),
            key => {
                let scheme = Scheme::current().map_err(|_| unknown())?;
                scheme.keys().iter().any(|k| k == key).then(|| Measure::Key(key.to_string())).ok_or_else(unknown)
            }
        }
    }
}

impl Measure {
    /// The line of the summaries it is read from when neither axis asks for one.
    pub fn breakdown(&self) -> Breakdown {
        match self {
            Measure::Held(Some(_)) | Measure::Cancelled(Some(_)) => Breakdown::Kind,
            _ => Breakdown::Month,
        }
    }

    /// For a scheme key: its place in the current scheme's order (where a line's value is).
    pub fn key_index(&self) -> Option<usize> {
        match self {
            Measure::Key(k) => Scheme::current().ok().and_then(|s| s.keys().iter().position(|x| x == k)),
            _ => None,
        }
    }

    /// What it counts on one line of its breakdown: the activities held or called off (of its
    /// kind, when it names one), or the key's value, which `key_value` reads.
    pub fn on_line<E>(
        &self,
        line_kind: Option<&str>,
        held: u64,
        cancelled: u64,
        key_value: impl FnOnce() -> Result<u64, E>,
    ) -> Result<u64, E> {
        let of_kind = |kind: &Option<ActivityKind>| kind.is_none_or(|k| line_kind == Some(k.as_str()));
        Ok(match self {
            Measure::Key(_) => key_value()?,
            Measure::Held(kind) if of_kind(kind) => held,
            Measure::Cancelled(kind) if of_kind(kind) => cancelled,
            _ => 0,
        })
    }
}

/// One line of the imported summaries' totals (one summary's or a month's sum), as the
/// reports read it (values in the current scheme).
#[derive(Debug, Clone, Copy)]
pub struct FactRef<'a> {
    /// The month.
    pub month: Month,
    /// Which line.
    pub breakdown: Breakdown,
    /// The kind's name (kind and area-by-kind lines).
    pub kind: Option<&'a str>,
    /// The area's name (area and area-by-kind lines; none for activities without one).
    pub area: Option<&'a str>,
    /// Activities held.
    pub held: u64,
    /// Activities called off.
    pub cancelled: u64,
    /// Every key of the current scheme, in its order.
    pub values: &'a [u64],
}

/// What a table is to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    /// The first month.
    pub from: Month,
    /// The last month.
    pub to: Month,
    /// The rows.
    pub rows: Axis,
    /// The columns.
    pub cols: Axis,
    /// What the cells count (unused when the columns are a group's buckets).
    pub measure: Measure,
}

impl TableSpec {
    /// The spec, or why no table can be made of it.
    pub fn checked(self) -> Result<Self, ReportError> {
        if self.from > self.to {
            return Err(ReportError::Backwards { from: self.from.to_string(), to: self.to.to_string() });
        }
        if self.rows == self.cols {
            return Err(ReportError::SameAxis { axis: self.rows.to_string() });
        }
        if let Axis::Group(g) = &self.rows {
            return Err(ReportError::GroupAsRows { group: g.clone() });
        }
        let axes = [&self.rows, &self.cols];
        if axes.contains(&&Axis::Area) && !matches!(self.measure, Measure::Key(_)) {
            return Err(ReportError::NotByArea { measure: self.measure.to_string() });
        }
        Ok(self)
    }

    /// The line of the summaries the table is read from.
    pub fn breakdown(&self) -> Breakdown {
        let axes = [&self.rows, &self.cols];
        if axes.contains(&&Axis::Area) && axes.contains(&&Axis::Kind) {
            Breakdown::AreaKind
        } else if axes.contains(&&Axis::Area) {
            Breakdown::Area
        } else if axes.contains(&&Axis::Kind) {
            Breakdown::Kind
        } else {
            self.measure.breakdown()
        }
    }

    /// What the cells count, as a report names it: the measure, or the group of the columns.
    pub fn measure_name(&self) -> String {
        match &self.cols {
            Axis::Group(g) => g.clone(),
            _ => self.measure.to_string(),
        }
    }
}

/// A table of totals as the coordinator sees them (nothing hidden).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The rows' keys (`2026-03`, `2026-Q1`, an area, a kind); `None` is "no area".
    pub rows: Vec<Option<String>>,
    /// The columns' keys (as the rows, or a scheme key such as `gender.women`).
    pub cols: Vec<Option<String>>,
    /// The cells, by row then column.
    pub cells: Vec<Vec<u64>>,
}

/// The key of a month on a period axis.
fn period_key(axis: &Axis, month: Month) -> String {
    match axis {
        Axis::Quarter => format!("{:04}-Q{}", month.year, month.quarter()),
        Axis::Year => format!("{:04}", month.year),
        _ => month.to_string(),
    }
}

/// The keys of an axis, and where each fact falls on it.
struct AxisKeys {
    keys: Vec<Option<String>>,
    /// For areas and kinds: each named key's index.
    named: HashMap<String, usize>,
    /// For areas: the index of "no area".
    unnamed: Option<usize>,
    /// For periods: the first month.
    from: Month,
}

/// A month's number on one line (months since year 0), and its quarter's and year's.
fn month_number(m: Month, axis: &Axis) -> i64 {
    let (year, month) = (i64::from(m.year), i64::from(m.month));
    match axis {
        Axis::Quarter => year * 4 + (month - 1) / 3,
        Axis::Year => year,
        _ => year * 12 + month - 1,
    }
}

impl AxisKeys {
    fn new(keys: Vec<Option<String>>, from: Month) -> Self {
        let named = keys.iter().enumerate().filter_map(|(i, k)| k.clone().map(|k| (k, i))).collect();
        let unnamed = keys.iter().position(Option::is_none);
        Self { keys, named, unnamed, from }
    }

    fn of(axis: &Axis, spec: &TableSpec, facts: &[FactRef<'_>], scheme: &Scheme) -> Self {
        let keys = match axis {
            Axis::Month | Axis::Quarter | Axis::Year => {
                let mut keys: Vec<Option<String>> = Vec::new();
                for month in spec.from.through(spec.to) {
                    let key = Some(period_key(axis, month));
                    if keys.last() != Some(&key) {
                        keys.push(key);
                    }
                }
                keys
            }
            Axis::Kind => ActivityKind::ALL.iter().map(|k| Some(k.as_str().to_string())).collect(),
            Axis::Area => {
                let mut seen: Vec<Option<&str>> = facts.iter().map(|f| f.area).collect();
                seen.sort_unstable();
                seen.dedup();
                let mut seen: Vec<Option<String>> = seen.into_iter().map(|l| l.map(str::to_string)).collect();
                // Named areas in alphabetical order, then activities without one.
                seen.sort_by(|a, b| match (a, b) {
                    (Some(a), Some(b)) => a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                });
                seen
            }
            Axis::Group(g) => {
                scheme.groups.iter().filter(|group| &group.key == g).flat_map(|group| group.keys()).map(Some).collect()
            }
        };
        Self::new(keys, spec.from)
    }

    /// The index of a fact on a non-group axis.
    fn place(&self, axis: &Axis, fact: &FactRef<'_>) -> Option<usize> {
        match axis {
            Axis::Month | Axis::Quarter | Axis::Year => {
                let i = month_number(fact.month, axis) - month_number(self.from, axis);
                usize::try_from(i).ok().filter(|i| *i < self.keys.len())
            }
            Axis::Area => match fact.area {
                Some(area) => self.named.get(area).copied(),
                None => self.unnamed,
            },
            Axis::Kind => fact.kind.and_then(|kind| self.named.get(kind).copied()),
            Axis::Group(_) => None,
        }
    }
}

impl Table {
    /// The table `spec` asks for, summed over `facts` (lines of other breakdowns and months
    /// outside the period are passed over).
    pub fn build(spec: &TableSpec, facts: &[FactRef<'_>]) -> Result<Table, ReportError> {
        let spec = spec.clone().checked()?;
        let scheme = Scheme::current().map_err(|_| ReportError::UnknownMeasure { name: spec.measure.to_string() })?;
        let keys = scheme.keys();
        let breakdown = spec.breakdown();
        let facts: Vec<FactRef<'_>> = facts
            .iter()
            .filter(|f| f.breakdown == breakdown && spec.from <= f.month && f.month <= spec.to)
            .copied()
            .collect();
        let rows = AxisKeys::of(&spec.rows, &spec, &facts, scheme);
        let cols = AxisKeys::of(&spec.cols, &spec, &facts, scheme);
        let mut cells = vec![vec![0u64; cols.keys.len()]; rows.keys.len()];
        let measure_index = spec.measure.key_index();
        let bucket_index: Vec<Option<usize>> = match &spec.cols {
            Axis::Group(_) => {
                cols.keys.iter().map(|k| k.as_ref().and_then(|k| keys.iter().position(|x| x == k))).collect()
            }
            _ => Vec::new(),
        };
        for fact in &facts {
            let Some(r) = rows.place(&spec.rows, fact) else { continue };
            let Some(row) = cells.get_mut(r) else { continue };
            if let Axis::Group(_) = spec.cols {
                for (cell, index) in row.iter_mut().zip(&bucket_index) {
                    *cell += index.and_then(|i| fact.values.get(i)).copied().unwrap_or(0);
                }
            } else if let Some(cell) = cols.place(&spec.cols, fact).and_then(|c| row.get_mut(c)) {
                let key_value = || {
                    Ok::<_, std::convert::Infallible>(
                        measure_index.and_then(|i| fact.values.get(i)).copied().unwrap_or(0),
                    )
                };
                let Ok(value) = spec.measure.on_line(fact.kind, fact.held, fact.cancelled, key_value);
                *cell += value;
            }
        }
        Ok(Table { rows: rows.keys, cols: cols.keys, cells })
    }

    /// The row totals.
    pub fn row_totals(&self) -> Vec<u64> {
        self.cells.iter().map(|r| r.iter().sum()).collect()
    }

    /// The column totals.
    pub fn col_totals(&self) -> Vec<u64> {
        (0..self.cols.len()).map(|c| self.cells.iter().map(|r| r.get(c).copied().unwrap_or(0)).sum()).collect()
    }

    /// The table fit to publish: every cell from 1 to below `min_cell` hidden, and as many
    /// others as it takes so that none of them can be worked out.
    pub fn publish(&self, min_cell: u64) -> Result<Published, ReportError> {
        let hidden = suppress(&self.cells, checked_min_cell(min_cell)?);
        let cell =
            |value: u64, h: Option<Hidden>| Cell { value: if h.is_some() { None } else { Some(value) }, suppressed: h };
        let cells = self
            .cells
            .iter()
            .zip(&hidden.cells)
            .map(|(row, h)| row.iter().zip(h).map(|(v, h)| cell(*v, *h)).collect())
            .collect();
        let row_totals = self.row_totals().into_iter().zip(&hidden.row_totals).map(|(v, h)| cell(v, *h)).collect();
        let col_totals = self.col_totals().into_iter().zip(&hidden.col_totals).map(|(v, h)| cell(v, *h)).collect();
        let total = cell(self.row_totals().iter().sum(), hidden.total);
        Ok(Published {
            rows: self.rows.clone(),
            cols: self.cols.clone(),
            cells,
            row_totals,
            col_totals,
            total,
            min_cell,
        })
    }
}

/// The minimum cell, or why it is refused: below [`MIN_CELL_FLOOR`] a person can be pointed at.
pub fn checked_min_cell(min_cell: u64) -> Result<u64, ReportError> {
    if min_cell < MIN_CELL_FLOOR {
        return Err(ReportError::MinCellTooLow { given: min_cell, floor: MIN_CELL_FLOOR });
    }
    Ok(min_cell)
}

/// One published cell: its value, or why it is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The value; `None` when hidden.
    pub value: Option<u64>,
    /// `primary` (from 1 to below the minimum, shown "<5"), `secondary` (shown "x") or none.
    pub suppressed: Option<Hidden>,
}

/// A table fit to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The rows' keys.
    pub rows: Vec<Option<String>>,
    /// The columns' keys.
    pub cols: Vec<Option<String>>,
    /// The cells, by row then column.
    pub cells: Vec<Vec<Cell>>,
    /// Each row's total.
    pub row_totals: Vec<Cell>,
    /// Each column's total.
    pub col_totals: Vec<Cell>,
    /// The grand total.
    pub total: Cell,
    /// The smallest count published.
    pub min_cell: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        text.parse().expect("month")
    }

    fn values(reached: u64, women: u64) -> Vec<u64> {
        let scheme = Scheme::current().expect("scheme");
        scheme
            .keys()
            .iter()
            .map(|k| match k.as_str() {
                "reached" => reached,
                "gender.women" => women,
                "gender.unknown" => reached - women,
                _ => 0,
            })
            .collect()
    }

    #[test]
    fn a_table_sums_the_facts_on_its_axes() {
        let a = values(7, 5);
        let b = values(2, 2);
        let c = values(30, 0);
        let facts = [
            FactRef {
                month: month("2026-01"),
                breakdown: Breakdown::Area,
                kind: None,
                area: Some("Gellerup"),
                held: 0,
                cancelled: 0,
                values: &a,
            },
            FactRef {
                month: month("2026-02"),
                breakdown: Breakdown::Area,
                kind: None,
                area: Some("Gellerup"),
                held: 0,
                cancelled: 0,
                values: &b,
            },
            FactRef {
                month: month("2026-02"),
                breakdown: Breakdown::Area,
                kind: None,
                area: None,
                held: 0,
                cancelled: 0,
                values: &c,
            },
            FactRef {
                month: month("2026-02"),
                breakdown: Breakdown::Area,
                kind: None,
                area: Some("Aarhus V"),
                held: 0,
                cancelled: 0,
                values: &b,
            },
            // Outside the period, and another breakdown: passed over.
            FactRef {
                month: month("2026-04"),
                breakdown: Breakdown::Area,
                kind: None,
                area: Some("Gellerup"),
                held: 0,
                cancelled: 0,
                values: &c,
            },
            FactRef {
                month: month("2026-01"),
                breakdown: Breakdown::Month,
                kind: None,
                area: None,
                held: 3,
                cancelled: 0,
                values: &c,
            },
        ];
        let spec = TableSpec {
            from: month("2026-01"),
            to: month("2026-03"),
            rows: Axis::Area,
            cols: Axis::Month,
            measure: Measure::default(),
        };
        let table = Table::build(&spec, &facts).expect("table");
        assert_eq!(table.rows, [Some("Aarhus V".to_string()), Some("Gellerup".to_string()), None]);
        assert_eq!(table.cols.len(), 3);
        assert_eq!(table.cells, [vec![0, 2, 0], vec![7, 2, 0], vec![0, 30, 0]]);
        let by_gender = TableSpec { cols: "gender".parse().expect("group"), ..spec.clone() };
        let table = Table::build(&by_gender, &facts).expect("table");
        assert_eq!(table.cols[0].as_deref(), Some("gender.women"));
        assert_eq!(table.cells[1][0], 7);
        assert_eq!(table.row_totals()[1], 9);
        let by_quarter = TableSpec { rows: Axis::Quarter, cols: Axis::Year, ..spec };
        let table = Table::build(&by_quarter, &facts).expect("table");
        assert_eq!(table.rows, [Some("2026-Q1".to_string())]);
        // Neither axis is an area: the month's own line is read, not the areas'.
        assert_eq!(table.cells, [vec![30]]);
    }

    #[test]
    fn tables_that_cannot_be_made_are_refused() {
        let spec = |rows: &str, cols: &str, measure: &str| TableSpec {
            from: month("2026-01"),
            to: month("2026-12"),
            rows: rows.parse().expect("axis"),
            cols: cols.parse().expect("axis"),
            measure: measure.parse().expect("measure"),
        };
        assert!(spec("area", "kind", "reached").checked().is_ok());
        assert!(matches!(spec("area", "kind", "held").checked(), Err(ReportError::NotByArea { .. })));
        assert!(matches!(spec("area", "month", "held").checked(), Err(ReportError::NotByArea { .. })));
        assert!(matches!(spec("gender", "month", "reached").checked(), Err(ReportError::GroupAsRows { .. })));
        assert!(matches!(spec("month", "month", "reached").checked(), Err(ReportError::SameAxis { .. })));
        assert!(spec("kind", "month", "held.group_meeting").checked().is_ok());
        assert!("favourite".parse::<Axis>().is_err());
        assert!("reached".parse::<Axis>().is_err(), "a total has no buckets");
        assert!("held.nap".parse::<Measure>().is_err());
        assert_eq!("held.group_meeting".parse::<Measure>().expect("m").to_string(), "held.group_meeting");
        let table = Table::build(&spec("kind", "month", "held"), &[]).expect("empty");
        assert!(matches!(table.publish(2), Err(ReportError::MinCellTooLow { given: 2, floor: 3 })));
    }
}
