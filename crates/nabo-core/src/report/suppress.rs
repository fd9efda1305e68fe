//! Which cells of a published two-way table (with its row, column and grand totals) must be
//! hidden so that no small count — and no hidden count at all — can be worked out.
//!
//! Written by hand: the statistical-disclosure tools that do this (τ-ARGUS, sdcTable) are
//! large R/C++ systems; no Rust crate does cell suppression.
//!
//! 1. **Primary**: every count (cell or total) from 1 to below the minimum cell is hidden.
//! 2. **The usual rule**: a row, column or line of totals with exactly one hidden member
//!    gives it away by subtraction, so its smallest published member is hidden too; repeated
//!    until nothing changes.
//! 3. **The exact check**: the table with its totals is a circulation — a source feeding each
//!    row its total, each cell flowing from its row to its column, each column's total to a
//!    sink, and the grand total back to the source. Whatever is published is fixed; a hidden
//!    primary count lies in 1..min−1, a hidden secondary one in 0..∞. A hidden count can take
//!    another value if and only if the true values can be changed by one along a cycle of the
//!    residual graph through it (the constraint matrix is a network matrix, so integer and
//!    real answers agree). Step 2 alone leaves cases where no such cycle exists; then the
//!    cheapest set of published cells that closes a cycle (Dijkstra, cells weighted by their
//!    value, totals far dearer) is hidden as well, and the check runs again.
//! 4. **Saying "<5" can give counts away**: with a minimum of 3, two cells shown "<3" in a row
//!    whose total is "<3" are both 1, however much else is hidden. Where no hiding closes a
//!    cycle, the path may also go the way a small count's range forbids, at a price above any
//!    hiding; such a count is shown "x" (any value) instead of "<5". This is rare: about one
//!    random table in 160, nearly all with a minimum of 3, and one or two counts in each.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use serde::Serialize;

/// Why a published cell is hidden.
///
/// A count from 1 to below the minimum is always hidden, as primary; in the rare table where
/// saying "<5" would itself pin counts down (everything small), some are shown "x" instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Hidden {
    /// From 1 to below the minimum cell: shown "<5".
    Primary,
    /// Hidden so that a primary cell cannot be worked out: shown "x".
    Secondary,
}

/// The smallest minimum cell a report may use.
pub const MIN_CELL_FLOOR: u64 = 3;
/// The minimum cell when none is given.
pub const DEFAULT_MIN_CELL: u64 = 5;

/// Which cells of a table and of its totals are hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// By row, then column: the same shape as the table.
    pub cells: Vec<Vec<Option<Hidden>>>,
    /// Each row's total.
    pub row_totals: Vec<Option<Hidden>>,
    /// Each column's total.
    pub col_totals: Vec<Option<Hidden>>,
    /// The grand total.
    pub total: Option<Hidden>,
}

/// A place in the table: a cell, a row total, a column total or the grand total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The cell at a row and column.
    Cell(usize, usize),
    /// A row's total.
    RowTotal(usize),
    /// A column's total.
    ColTotal(usize),
    /// The grand total.
    Total,
}

/// One count as an edge of the circulation: from a node to a node, with its true value.
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: usize,
    to: usize,
    value: u64,
    position: Position,
    /// 0 for a cell, 1 for a row or column total, 2 for the grand total.
    rank: u8,
}

/// The table as a circulation. Nodes: 0 the source, 1..=R the rows, R+1..=R+C the columns,
/// R+C+1 the sink.
struct Network {
    rows: usize,
    cols: usize,
    edges: Vec<Edge>,
    /// For each node, the edges touching it.
    touching: Vec<Vec<usize>>,
}

impl Network {
    fn new(cells: &[Vec<u64>]) -> Self {
        let rows = cells.len();
        let cols = cells.first().map_or(0, Vec::len);
        let sink = rows + cols + 1;
        let mut edges = Vec::with_capacity(rows * cols + rows + cols + 1);
        for (i, row) in cells.iter().enumerate() {
            for (j, value) in row.iter().enumerate().take(cols) {
                edges.push(Edge {
                    from: 1 + i,
                    to: 1 + rows + j,
                    value: *value,
                    position: Position::Cell(i, j),
                    rank: 0,
                });
            }
        }
        for (i, row) in cells.iter().enumerate() {
            let value = row.iter().take(cols).sum();
            edges.push(Edge { from: 0, to: 1 + i, value, position: Position::RowTotal(i), rank: 1 });
        }
        for j in 0..cols {
            let value = cells.iter().map(|r| r.get(j).copied().unwrap_or(0)).sum();
            edges.push(Edge { from: 1 + rows + j, to: sink, value, position: Position::ColTotal(j), rank: 1 });
        }
        let total = cells.iter().flat_map(|r| r.iter().take(cols)).sum();
        edges.push(Edge { from: sink, to: 0, value: total, position: Position::Total, rank: 2 });
        let mut touching = vec![Vec::new(); sink + 1];
        for (e, edge) in edges.iter().enumerate() {
            touching[edge.from].push(e);
            touching[edge.to].push(e);
        }
        Self { rows, cols, edges, touching }
    }

    fn index(&self, position: Position) -> usize {
        match position {
            Position::Cell(i, j) => i * self.cols + j,
            Position::RowTotal(i) => self.rows * self.cols + i,
            Position::ColTotal(j) => self.rows * self.cols + self.rows + j,
            Position::Total => self.edges.len() - 1,
        }
    }

    fn nodes(&self) -> usize {
        self.touching.len()
    }
}

/// How far a hidden count can move from its true value: (up, down), each at least 0.
fn room(edge: &Edge, hidden: Option<Hidden>, min_cell: u64) -> (bool, bool) {
    match hidden {
        None => (false, false),
        Some(Hidden::Primary) => (edge.value < min_cell - 1, edge.value > 1),
        Some(Hidden::Secondary) => (true, edge.value > 0),
    }
}

/// How the arcs of the residual graph are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arcs {
    /// Only hidden counts, in the directions their range allows.
    Residual,
    /// Also published counts, priced as if hidden as secondary, and the direction a primary
    /// count's range forbids, priced as showing it "x" instead.
    Priced,
}

/// What showing a primary count "x" instead of "<5" costs: more than hiding any set of
/// counts, so it is done only where no hiding can protect a count.
const WIDEN_COST: u64 = 1 << 56;

/// The arcs of the residual graph leaving `node`, leaving out the edge `skip`:
/// (next node, edge, cost — 0 for an arc that is already there).
fn arcs<'a>(
    net: &'a Network,
    state: &'a [Option<Hidden>],
    min_cell: u64,
    node: usize,
    skip: usize,
    mode: Arcs,
) -> impl Iterator<Item = (usize, usize, u64)> + 'a {
    net.touching[node].iter().filter(move |&&e| e != skip).filter_map(move |&e| {
        let edge = &net.edges[e];
        let priced = mode == Arcs::Priced;
        let (up, down) = match state[e] {
            Some(h) => {
                let (up, down) = room(edge, Some(h), min_cell);
                let widen = if priced && h == Hidden::Primary { Some(WIDEN_COST) } else { None };
                (if up { Some(0) } else { widen }, if down { Some(0) } else { widen.filter(|_| edge.value > 0) })
            }
            None if priced => (Some(cost_of(edge)), (edge.value > 0).then(|| cost_of(edge))),
            None => (None, None),
        };
        if edge.from == node {
            up.map(|cost| (edge.to, e, cost))
        } else if edge.to == node {
            down.map(|cost| (edge.from, e, cost))
        } else {
            None
        }
    })
}

/// What hiding a published count costs: its value, and far more for a total.
fn cost_of(edge: &Edge) -> u64 {
    (edge.value + 1).saturating_add(u64::from(edge.rank) << 40)
}

/// Whether `to` can be reached from `from` in the residual graph without the edge `skip`.
fn reachable(net: &Network, state: &[Option<Hidden>], min_cell: u64, from: usize, to: usize, skip: usize) -> bool {
    let mut seen = vec![false; net.nodes()];
    let mut queue = VecDeque::from([from]);
    seen[from] = true;
    while let Some(node) = queue.pop_front() {
        if node == to {
            return true;
        }
        for (next, _, _) in arcs(net, state, min_cell, node, skip, Arcs::Residual) {
            if !seen[next] {
                seen[next] = true;
                queue.push_back(next);
            }
        }
    }
    false
}

/// Whether the hidden edge `e` can take another value.
fn free(net: &Network, state: &[Option<Hidden>], min_cell: u64, e: usize) -> bool {
    let edge = &net.edges[e];
    let (up, down) = room(edge, state[e], min_cell);
    (up && reachable(net, state, min_cell, edge.to, edge.from, e))
        || (down && reachable(net, state, min_cell, edge.from, edge.to, e))
}

/// The cheapest path from `from` to `to` without the edge `skip`, through hidden edges and
/// priced ones (`Arcs::Priced`): its cost and the edges on it that must change — published
/// ones to hide, primary ones to show "x".
fn cheapest(
    net: &Network,
    state: &[Option<Hidden>],
    min_cell: u64,
    from: usize,
    to: usize,
    skip: usize,
) -> Option<(u64, Vec<usize>)> {
    let mut best = vec![u64::MAX; net.nodes()];
    let mut via: Vec<Option<(usize, usize, u64)>> = vec![None; net.nodes()];
    let mut heap = BinaryHeap::from([Reverse((0u64, from))]);
    best[from] = 0;
    while let Some(Reverse((cost, node))) = heap.pop() {
        if cost > best[node] {
            continue;
        }
        if node == to {
            let mut change = Vec::new();
            let mut at = to;
            while let Some((previous, e, step)) = via[at] {
                if step > 0 {
                    change.push(e);
                }
                at = previous;
            }
            return Some((cost, change));
        }
        for (next, e, step) in arcs(net, state, min_cell, node, skip, Arcs::Priced) {
            let through = cost.saturating_add(step);
            if through < best[next] {
                best[next] = through;
                via[next] = Some((node, e, step));
                heap.push(Reverse((through, next)));
            }
        }
    }
    None
}

/// The lines of the table: each row with its total, each column with its total, the column
/// totals with the grand total, the row totals with the grand total.
fn lines(net: &Network) -> Vec<Vec<usize>> {
    let (rows, cols) = (net.rows, net.cols);
    let mut out = Vec::new();
    for i in 0..rows {
        let mut line: Vec<usize> = (0..cols).map(|j| net.index(Position::Cell(i, j))).collect();
        line.push(net.index(Position::RowTotal(i)));
        out.push(line);
    }
    for j in 0..cols {
        let mut line: Vec<usize> = (0..rows).map(|i| net.index(Position::Cell(i, j))).collect();
        line.push(net.index(Position::ColTotal(j)));
        out.push(line);
    }
    let mut totals: Vec<usize> = (0..cols).map(|j| net.index(Position::ColTotal(j))).collect();
    totals.push(net.index(Position::Total));
    out.push(totals);
    let mut totals: Vec<usize> = (0..rows).map(|i| net.index(Position::RowTotal(i))).collect();
    totals.push(net.index(Position::Total));
    out.push(totals);
    out
}

/// Step 2: while a line has exactly one hidden member, hide its cheapest published one
/// (a cell before a total; of those, the smallest; of those, one whose other line already
/// has something hidden).
fn usual_rule(net: &Network, state: &mut [Option<Hidden>]) {
    let lines = lines(net);
    let mut lines_of = vec![Vec::new(); net.edges.len()];
    for (l, line) in lines.iter().enumerate() {
        for &e in line {
            lines_of[e].push(l);
        }
    }
    let hidden_in = |state: &[Option<Hidden>], l: usize| lines[l].iter().filter(|&&e| state[e].is_some()).count();
    loop {
        let mut changed = false;
        for (l, line) in lines.iter().enumerate() {
            if hidden_in(state, l) != 1 {
                continue;
            }
            let choice = line.iter().copied().filter(|&e| state[e].is_none()).min_by_key(|&e| {
                let crossing = lines_of[e].iter().filter(|&&o| o != l).map(|&o| hidden_in(state, o)).sum::<usize>();
                (net.edges[e].rank, net.edges[e].value, Reverse(crossing))
            });
            if let Some(e) = choice {
                state[e] = Some(Hidden::Secondary);
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// Hides every cell (and total) from 1 to min_cell−1, then as few and as small other cells as
/// it takes so that no hidden value can be worked out from what is published.
pub fn suppress(cells: &[Vec<u64>], min_cell: u64) -> Suppression {
    debug_assert!(min_cell >= 2, "a minimum cell below 2 hides nothing");
    let net = Network::new(cells);
    let mut state: Vec<Option<Hidden>> =
        net.edges.iter().map(|e| (e.value >= 1 && e.value < min_cell).then_some(Hidden::Primary)).collect();
    usual_rule(&net, &mut state);
    // Step 3. Hiding more or widening a range only adds arcs to the residual graph, so a count
    // once free stays free and is not checked again. Each pass changes at least one count
    // (published to "x", or "<5" to "x"), and none twice, so this ends; the bound is a guard.
    let mut known_free = vec![false; net.edges.len()];
    for _ in 0..=2 * net.edges.len() {
        let mut fixed = None;
        for e in 0..net.edges.len() {
            if state[e].is_some() && !known_free[e] {
                known_free[e] = free(&net, &state, min_cell, e);
                if !known_free[e] {
                    fixed = Some(e);
                    break;
                }
            }
        }
        let Some(e) = fixed else { break };
        let edge = net.edges[e];
        let (up, down) = room(&edge, state[e], min_cell);
        let up_path = if up { cheapest(&net, &state, min_cell, edge.to, edge.from, e) } else { None };
        let down_path = if down { cheapest(&net, &state, min_cell, edge.from, edge.to, e) } else { None };
        let path = match (up_path, down_path) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        match path {
            Some((_, change)) if !change.is_empty() => {
                for p in change {
                    state[p] = Some(Hidden::Secondary);
                }
            }
            // A "<5" count with no room either way (a minimum of 2) is shown "x" instead.
            _ if state[e] == Some(Hidden::Primary) => state[e] = Some(Hidden::Secondary),
            // Not reached (an "x" count can always grow around the table); hide everything.
            _ => {
                for s in state.iter_mut().filter(|s| s.is_none()) {
                    *s = Some(Hidden::Secondary);
                }
                break;
            }
        }
    }
    // A guard that the passes above leave nothing to do: with everything hidden, "<5" can
    // still give counts away (in [[1, 1]] with a minimum of 3, two cells of at least 1 and a
    // total below 3 are 1, 1 and 2), so small counts are shown "x" instead, which says less,
    // the grand total first, then the other totals, then cells, until nothing is fixed; with
    // every count "x", each one lies on a cycle of unbounded counts, so this ends.
    while let Some(e) = (0..net.edges.len()).find(|&e| state[e].is_some() && !free(&net, &state, min_cell, e)) {
        let widen = (0..net.edges.len())
            .filter(|&p| state[p] == Some(Hidden::Primary))
            .max_by_key(|&p| (net.edges[p].rank, p == e, net.edges[p].value));
        match widen {
            Some(p) => state[p] = Some(Hidden::Secondary),
            None => break,
        }
    }
    let at = |p: Position| state[net.index(p)];
    Suppression {
        cells: (0..net.rows).map(|i| (0..net.cols).map(|j| at(Position::Cell(i, j))).collect()).collect(),
        row_totals: (0..net.rows).map(|i| at(Position::RowTotal(i))).collect(),
        col_totals: (0..net.cols).map(|j| at(Position::ColTotal(j))).collect(),
        total: at(Position::Total),
    }
}

/// The hidden positions whose value is fixed by what is published (empty when the
/// suppression protects every one).
pub fn determined(cells: &[Vec<u64>], suppression: &Suppression, min_cell: u64) -> Vec<Position> {
    let net = Network::new(cells);
    let state: Vec<Option<Hidden>> = net
        .edges
        .iter()
        .map(|e| match e.position {
            Position::Cell(i, j) => suppression.cells.get(i).and_then(|r| r.get(j)).copied().flatten(),
            Position::RowTotal(i) => suppression.row_totals.get(i).copied().flatten(),
            Position::ColTotal(j) => suppression.col_totals.get(j).copied().flatten(),
            Position::Total => suppression.total,
        })
        .collect();
    (0..net.edges.len())
        .filter(|&e| state[e].is_some() && !free(&net, &state, min_cell, e))
        .map(|e| net.edges[e].position)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden_cells(s: &Suppression) -> Vec<(usize, usize, Hidden)> {
        let mut out = Vec::new();
        for (i, row) in s.cells.iter().enumerate() {
            for (j, h) in row.iter().enumerate() {
                if let Some(h) = h {
                    out.push((i, j, *h));
                }
            }
        }
        out
    }

    #[test]
    fn a_single_small_cell_takes_three_others_with_it() {
        let cells = vec![vec![40, 3, 50], vec![60, 70, 80], vec![20, 30, 90]];
        let s = suppress(&cells, 5);
        assert_eq!(s.cells[0][1], Some(Hidden::Primary));
        // Its row and its column each need a second hidden cell, and those a fourth.
        assert_eq!(hidden_cells(&s).len(), 4, "{s:?}");
        assert!(s.row_totals.iter().chain(&s.col_totals).all(Option::is_none));
        assert_eq!(s.total, None);
        assert!(determined(&cells, &s, 5).is_empty());
    }

    #[test]
    fn nothing_small_hides_nothing_and_zeros_are_shown() {
        let cells = vec![vec![0, 12, 7], vec![0, 0, 0]];
        let s = suppress(&cells, 5);
        assert!(hidden_cells(&s).is_empty());
        assert!(s.row_totals.iter().chain(&s.col_totals).all(Option::is_none));
    }

    #[test]
    fn a_small_cell_in_a_row_of_zeros_hides_its_total_too() {
        // Row 1 is [0, 2, 0]: its total is 2, small itself.
        let cells = vec![vec![10, 20, 30], vec![0, 2, 0], vec![15, 25, 35]];
        let s = suppress(&cells, 5);
        assert_eq!(s.cells[1][1], Some(Hidden::Primary));
        assert_eq!(s.row_totals[1], Some(Hidden::Primary));
        assert!(determined(&cells, &s, 5).is_empty(), "{s:?}");
    }

    #[test]
    fn a_one_cell_table_and_an_empty_one() {
        let s = suppress(&[vec![3]], 5);
        assert_eq!(
            (s.cells[0][0], s.row_totals[0], s.col_totals[0], s.total),
            (Some(Hidden::Primary), Some(Hidden::Primary), Some(Hidden::Primary), Some(Hidden::Primary))
        );
        assert!(determined(&[vec![3]], &s, 5).is_empty());
        let s = suppress(&[vec![9]], 5);
        assert_eq!(s.total, None);
        let s = suppress(&[], 5);
        assert_eq!((s.cells.len(), s.total), (0, None));
    }

    #[test]
    fn every_cell_small() {
        let cells = vec![vec![1, 2], vec![3, 4]];
        let s = suppress(&cells, 10);
        assert!(hidden_cells(&s).iter().all(|c| c.2 == Hidden::Primary));
        assert!(determined(&cells, &s, 10).is_empty());
    }

    #[test]
    fn the_minimum_decides_what_is_small() {
        let cells = vec![vec![4, 40], vec![40, 40]];
        assert_eq!(suppress(&cells, 3).cells[0][0], None);
        assert_eq!(suppress(&cells, 5).cells[0][0], Some(Hidden::Primary));
        let cells = vec![vec![9, 40], vec![40, 40]];
        assert_eq!(suppress(&cells, 10).cells[0][0], Some(Hidden::Primary));
    }

    #[test]
    fn the_usual_rule_alone_can_leave_a_count_that_is_worked_out() {
        // Found by a search over random tables (minimum 5):
        //
        //      17   0   0 |  17
        //      12  17   0 |  29
        //       3   4   4 |  11
        //     ------------+----
        //      32  21   4 |  57
        //
        // The rule hides the three small cells, the column total 4, then 0s and the 12 and the
        // column total 21 so that no line holds exactly one hidden count; yet the 4 in the
        // middle of the bottom row cannot move: it is at the top of its range (1–4), and no
        // cycle of the residual graph lets it go down.
        let cells = vec![vec![17, 0, 0], vec![12, 17, 0], vec![3, 4, 4]];
        let net = Network::new(&cells);
        let mut rule_only: Vec<Option<Hidden>> =
            net.edges.iter().map(|e| (e.value >= 1 && e.value < 5).then_some(Hidden::Primary)).collect();
        usual_rule(&net, &mut rule_only);
        let fixed: Vec<Position> = (0..net.edges.len())
            .filter(|&e| rule_only[e].is_some() && !free(&net, &rule_only, 5, e))
            .map(|e| net.edges[e].position)
            .collect();
        assert!(fixed.contains(&Position::Cell(2, 1)), "{fixed:?}");
        // The whole suppression goes on until nothing is fixed.
        let s = suppress(&cells, 5);
        assert!(determined(&cells, &s, 5).is_empty(), "{s:?}");
    }
    #[test]
    fn no_columns_publishes_the_zero_totals() {
        let s = suppress(&[vec![], vec![]], 5);
        assert_eq!(
            s,
            Suppression { cells: vec![vec![], vec![]], row_totals: vec![None, None], col_totals: vec![], total: None }
        );
    }

    #[test]
    fn saying_small_can_give_counts_away_so_one_is_shown_x() {
        // Minimum 3, so "<3" means 1 or 2:
        //
        //      15  23   3 |  41
        //       1   0   1 |   2
        //       0  29   3 |  32
        //     ------------+----
        //      16  52   7 |  75
        //
        // Whatever else is hidden, row 1's two 1s and its total of 2 all shown "<3" pin each
        // other (two counts of at least 1 adding up to at most 2). One of them is shown "x"
        // instead; the rest of the table stays published where it can.
        let cells = vec![vec![15, 23, 3], vec![1, 0, 1], vec![0, 29, 3]];
        let s = suppress(&cells, 3);
        assert!(determined(&cells, &s, 3).is_empty(), "{s:?}");
        let row = [s.cells[1][0], s.cells[1][2], s.row_totals[1]];
        assert!(row.iter().all(Option::is_some));
        assert_eq!(row.iter().filter(|h| **h == Some(Hidden::Secondary)).count(), 1, "{s:?}");
        assert!(s.col_totals.iter().all(Option::is_none) && s.total.is_none(), "{s:?}");
        assert_eq!(s.cells[0][1], None);
    }

    #[test]
    fn everything_shown_x_leaves_nothing_fixed() {
        // The last resort is sound: with every count "x", each lies on a cycle of counts that
        // can all grow (source, row, column, sink, source). Hiding everything is not enough
        // while small counts say "<3": in [[1, 1]] the cells and total are pinned to 1, 1, 2.
        let tables: [Vec<Vec<u64>>; 4] =
            [vec![vec![1, 1]], vec![vec![0]], vec![vec![0, 0], vec![0, 7]], vec![vec![2, 0, 5], vec![0, 0, 1]]];
        for cells in &tables {
            let rows = cells.len();
            let cols = cells[0].len();
            let all = |h: Hidden| Suppression {
                cells: vec![vec![Some(h); cols]; rows],
                row_totals: vec![Some(h); rows],
                col_totals: vec![Some(h); cols],
                total: Some(h),
            };
            assert!(determined(cells, &all(Hidden::Secondary), 3).is_empty(), "{cells:?}");
        }
        let small = Suppression {
            cells: vec![vec![Some(Hidden::Primary); 2]],
            row_totals: vec![Some(Hidden::Primary)],
            col_totals: vec![Some(Hidden::Primary); 2],
            total: Some(Hidden::Primary),
        };
        assert_eq!(determined(&[vec![1, 1]], &small, 3).len(), 6);
        let s = suppress(&[vec![1, 1]], 3);
        assert!(determined(&[vec![1, 1]], &s, 3).is_empty(), "{s:?}");
    }
}
