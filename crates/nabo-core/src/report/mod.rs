//! The coordinator's reports: tables of totals pivoted by area, kind, period or a scheme
//! group; which of their cells may be published; and targets with their progress.

mod facts;
mod period;
pub mod suppress;
mod table;
mod target;

pub use facts::{facts_of, pack_sums, pack_values, unpack_sums, unpack_values, Breakdown, Fact};
pub use period::{BadPeriod, Month, Period};
pub use table::{checked_min_cell, Axis, Cell, FactRef, Measure, Published, ReportError, Table, TableSpec};
pub use target::{Goal, Progress, Target};
