//! A summary's totals as the reports read them: one line for the month, one per kind, one
//! per area and (format 2 on) one per area and kind, each with every scheme key's value in
//! the scheme's order.

use serde::{Deserialize, Serialize};

use crate::activity::ActivityKind;
use crate::counts::{Scheme, SchemeError};
use crate::exchange::MonthSummary;

/// Which line of a summary a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// The month's totals.
    Month,
    /// One kind of activity.
    Kind,
    /// One area (none for activities without one).
    Area,
    /// One kind of activity in one area.
    AreaKind,
}

impl Breakdown {
    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Breakdown::Month => "month",
            Breakdown::Kind => "kind",
            Breakdown::Area => "area",
            Breakdown::AreaKind => "area_kind",
        }
    }

    /// The breakdown a stored name stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        [Breakdown::Month, Breakdown::Kind, Breakdown::Area, Breakdown::AreaKind]
            .into_iter()
            .find(|b| b.as_str() == name)
    }
}

/// One line of a summary's totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Which line.
    pub breakdown: Breakdown,
    /// The kind, on kind and area-by-kind lines.
    pub kind: Option<ActivityKind>,
    /// The area, on area and area-by-kind lines; `None` there for activities without one.
    pub area: Option<String>,
    /// Activities held (0 for an area: summaries do not count them by area).
    pub held: u32,
    /// Activities called off (0 for an area).
    pub cancelled: u32,
    /// Every key of the summary's scheme, in the scheme's order.
    pub values: Vec<u32>,
}

/// A total that does not fit the reports' 32 bits (a summary's never do: see `MAX_MONTH_TOTAL`).
fn narrow(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The lines of a summary, its values in its own scheme's key order.
pub fn facts_of(summary: &MonthSummary) -> Result<Vec<Fact>, SchemeError> {
    let keys = Scheme::get(&summary.scheme_version)?.keys();
    let values = |totals: &std::collections::BTreeMap<String, u64>| -> Vec<u32> {
        keys.iter().map(|k| narrow(totals.get(k).copied().unwrap_or(0))).collect()
    };
    let held: u32 = summary.by_kind.values().map(|k| k.held).sum();
    let cancelled: u32 = summary.by_kind.values().map(|k| k.cancelled).sum();
    let mut out = vec![Fact {
        breakdown: Breakdown::Month,
        kind: None,
        area: None,
        held,
        cancelled,
        values: values(&summary.totals),
    }];
    for (kind, k) in &summary.by_kind {
        // A kind with nothing held, called off or counted adds nothing to any table: left out,
        // it saves most of the lines (a volunteer does one or two kinds a month, not five).
        if k.held == 0 && k.cancelled == 0 && k.totals.values().all(|v| *v == 0) {
            continue;
        }
        out.push(Fact {
            breakdown: Breakdown::Kind,
            kind: Some(*kind),
            area: None,
            held: k.held,
            cancelled: k.cancelled,
            values: values(&k.totals),
        });
    }
    for area in &summary.by_area {
        out.push(Fact {
            breakdown: Breakdown::Area,
            kind: None,
            area: area.area.clone(),
            held: 0,
            cancelled: 0,
            values: values(&area.totals),
        });
    }
    for pair in &summary.by_area_kind {
        out.push(Fact {
            breakdown: Breakdown::AreaKind,
            kind: Some(pair.kind),
            area: pair.area.clone(),
            held: 0,
            cancelled: 0,
            values: values(&pair.totals),
        });
    }
    Ok(out)
}

/// The values as stored: four bytes each, little-endian.
pub fn pack_values(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Sums as stored: eight bytes each, little-endian.
pub fn pack_sums(sums: &[u64]) -> Vec<u8> {
    sums.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Sums from their stored bytes, or `None` when the bytes are not whole sums.
pub fn unpack_sums(bytes: &[u8]) -> Option<Vec<u64>> {
    if !bytes.len().is_multiple_of(8) {
        return None;
    }
    Some(bytes.chunks_exact(8).map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])).collect())
}

/// The values from their stored bytes, or `None` when the bytes are not whole values.
pub fn unpack_values(bytes: &[u8]) -> Option<Vec<u32>> {
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    Some(bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_pack_and_unpack() {
        let values = vec![0, 1, 12, 70_000, u32::MAX];
        assert_eq!(unpack_values(&pack_values(&values)), Some(values));
        assert_eq!(unpack_values(&[1, 2, 3]), None);
        assert_eq!(unpack_values(&[]), Some(vec![]));
        let sums = vec![0, 1, u64::from(u32::MAX) + 1, u64::MAX];
        assert_eq!(unpack_sums(&pack_sums(&sums)), Some(sums));
        assert_eq!(unpack_sums(&[1, 2, 3, 4]), None);
    }
}
