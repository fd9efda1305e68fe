//! Conflicts: activities that overlap, and home visits too close to travel between.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::activity::{Activity, ActivityId, ActivityKind, ActivityStatus};
use crate::calendar::{BusyEntry, BusyTime};
use crate::time::start_of_day;

/// The rules a plan is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictRules {
    /// Time needed to get from one home visit to the next.
    pub travel_buffer: Duration,
}

impl Default for ConflictRules {
    fn default() -> Self {
        Self { travel_buffer: Duration::minutes(30) }
    }
}

/// Something that takes up time in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheduled {
    /// Its id, `None` for a plan not yet stored.
    pub id: Option<ActivityId>,
    /// Its kind.
    pub kind: ActivityKind,
    /// Its status; cancelled ones take no time.
    pub status: ActivityStatus,
    /// When it starts.
    pub start: DateTime<Tz>,
    /// When it ends.
    pub end: DateTime<Tz>,
}

impl From<&Activity> for Scheduled {
    fn from(a: &Activity) -> Self {
        Self { id: Some(a.id), kind: a.kind, status: a.status, start: a.start, end: a.end }
    }
}

/// Why two activities clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// They take place at the same time.
    Overlap,
    /// Two home visits with less time between them than the travel buffer.
    TooLittleTravelTime {
        /// Minutes between the end of one and the start of the other.
        gap_minutes: i64,
        /// Minutes the travel buffer asks for.
        needed_minutes: i64,
    },
}

/// A clash between a plan and another activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    /// The activity it clashes with.
    pub with: ActivityId,
    /// When that activity starts.
    pub with_start: DateTime<Tz>,
    /// When that activity ends.
    pub with_end: DateTime<Tz>,
    /// How they clash.
    pub kind: ConflictKind,
}

impl ConflictRules {
    /// Whether busy time imported from another calendar clashes with `plan`: busy time
    /// (not `TRANSP:TRANSPARENT`, which is shown but leaves the user free) that overlaps it —
    /// ends that touch do not — unless the plan is cancelled (it takes no time). No travel
    /// buffer: busy time is not a home visit, and its calendar does not say where it is.
    pub fn busy_clashes(&self, plan: &Scheduled, busy: &BusyEntry) -> bool {
        let (start, end) = busy_span(&busy.time);
        plan.status != ActivityStatus::Cancelled && !busy.transparent && start < plan.end && plan.start < end
    }
}

/// When busy time runs, as instants: whole days from Copenhagen midnight to midnight.
pub fn busy_span(time: &BusyTime) -> (DateTime<Utc>, DateTime<Utc>) {
    match *time {
        BusyTime::Timed { start, end } => (start, end),
        BusyTime::AllDay { first, until } => (start_of_day(first), start_of_day(until)),
    }
}

/// How `a` and `b` clash under `rules`, if they do.
fn clash(a: &Scheduled, b: &Scheduled, rules: &ConflictRules) -> Option<ConflictKind> {
    if a.status == ActivityStatus::Cancelled || b.status == ActivityStatus::Cancelled {
        return None;
    }
    if a.start < b.end && b.start < a.end {
        return Some(ConflictKind::Overlap);
    }
    if a.kind == ActivityKind::HomeVisit && b.kind == ActivityKind::HomeVisit {
        let gap = if a.end <= b.start { b.start - a.end } else { a.start - b.end };
        if gap < rules.travel_buffer {
            return Some(ConflictKind::TooLittleTravelTime {
                gap_minutes: gap.num_minutes(),
                needed_minutes: rules.travel_buffer.num_minutes(),
            });
        }
    }
    None
}

/// Every activity in `others` that `candidate` clashes with, in order of start.
///
/// The candidate itself (same id) is skipped, so an edited activity does not
/// clash with its old self; cancelled activities never clash.
pub fn find_conflicts(candidate: &Scheduled, others: &[Scheduled], rules: &ConflictRules) -> Vec<Conflict> {
    let mut found: Vec<Conflict> = others
        .iter()
        .filter(|o| o.id.is_some() && o.id != candidate.id)
        .filter_map(|o| {
            let with = o.id?;
            clash(candidate, o, rules).map(|kind| Conflict { with, with_start: o.start, with_end: o.end, kind })
        })
        .collect();
    found.sort_by_key(|c| (c.with_start, c.with));
    found
}

/// Every clashing pair among `items`, each pair once with the earlier-starting first.
pub fn conflicts_among(items: &[Scheduled], rules: &ConflictRules) -> Vec<(ActivityId, Conflict)> {
    let mut sorted: Vec<&Scheduled> =
        items.iter().filter(|s| s.id.is_some() && s.status != ActivityStatus::Cancelled).collect();
    sorted.sort_by_key(|s| (s.start, s.id));
    let mut pairs = Vec::new();
    for (i, a) in sorted.iter().enumerate() {
        // Only later-starting items that begin before a's end plus the buffer can clash.
        let horizon = a.end + rules.travel_buffer;
        for b in sorted[i + 1..].iter().take_while(|b| b.start < horizon) {
            if let (Some(a_id), Some(b_id), Some(kind)) = (a.id, b.id, clash(a, b, rules)) {
                pairs.push((a_id, Conflict { with: b_id, with_start: b.start, with_end: b.end, kind }));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{resolve_local, LocalDateTime};

    fn at(s: &str) -> DateTime<Tz> {
        resolve_local(s.parse::<LocalDateTime>().expect("parses")).expect("exists").at
    }

    fn item(id: i64, kind: ActivityKind, start: &str, end: &str) -> Scheduled {
        Scheduled { id: Some(ActivityId(id)), kind, status: ActivityStatus::Planned, start: at(start), end: at(end) }
    }

    fn visit(id: i64, start: &str, end: &str) -> Scheduled {
        item(id, ActivityKind::HomeVisit, start, end)
    }

    const RULES: ConflictRules = ConflictRules { travel_buffer: Duration::minutes(30) };

    fn busy(start: &str, end: &str, transparent: bool) -> BusyEntry {
        let time = BusyTime::Timed { start: at(start).with_timezone(&Utc), end: at(end).with_timezone(&Utc) };
        BusyEntry { uid: "u".into(), occurrence: String::new(), title: "".into(), time, transparent }
    }

    #[test]
    fn busy_time_clashes_when_it_overlaps_a_plan_that_takes_time() {
        let plan = visit(1, "2026-12-01T10:00", "2026-12-01T11:00");
        let check = |busy: BusyEntry, plan: &Scheduled, expected: bool| {
            assert_eq!(RULES.busy_clashes(plan, &busy), expected, "{busy:?} against {plan:?}");
        };
        check(busy("2026-12-01T10:30", "2026-12-01T12:00", false), &plan, true);
        check(busy("2026-12-01T09:00", "2026-12-01T13:00", false), &plan, true);
        check(busy("2026-12-01T11:00", "2026-12-01T12:00", false), &plan, false);
        check(busy("2026-12-01T09:00", "2026-12-01T10:00", false), &plan, false);
        check(busy("2026-12-01T11:05", "2026-12-01T12:00", false), &plan, false);
        check(busy("2026-12-01T10:30", "2026-12-01T12:00", true), &plan, false);
        let mut cancelled = plan;
        cancelled.status = ActivityStatus::Cancelled;
        check(busy("2026-12-01T10:30", "2026-12-01T12:00", false), &cancelled, false);
    }

    #[test]
    fn an_all_day_event_is_busy_from_copenhagen_midnight_to_midnight() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a day");
        let next = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
        let all_day = BusyEntry {
            uid: "u".into(),
            occurrence: String::new(),
            title: "".into(),
            time: BusyTime::AllDay { first: day, until: next },
            transparent: false,
        };
        assert!(RULES.busy_clashes(&visit(1, "2026-12-01T00:30", "2026-12-01T01:00"), &all_day));
        assert!(RULES.busy_clashes(&visit(1, "2026-12-01T23:00", "2026-12-02T00:00"), &all_day));
        assert!(!RULES.busy_clashes(&visit(1, "2026-12-02T00:00", "2026-12-02T01:00"), &all_day));
        assert!(!RULES.busy_clashes(&visit(1, "2026-11-30T23:00", "2026-12-01T00:00"), &all_day));
    }

    fn kinds(candidate: &Scheduled, others: &[Scheduled]) -> Vec<(i64, ConflictKind)> {
        find_conflicts(candidate, others, &RULES).into_iter().map(|c| (c.with.0, c.kind)).collect()
    }

    #[test]
    fn overlapping_activities_conflict() {
        let new = visit(0, "2026-12-01T10:00", "2026-12-01T11:00");
        let others = [
            item(1, ActivityKind::GroupMeeting, "2026-12-01T10:30", "2026-12-01T12:00"),
            item(2, ActivityKind::GroupMeeting, "2026-12-01T11:00", "2026-12-01T12:00"),
        ];
        assert_eq!(kinds(&new, &others), vec![(1, ConflictKind::Overlap)]);
    }

    #[test]
    fn back_to_back_non_visits_do_not_conflict() {
        let new = item(0, ActivityKind::Outreach, "2026-12-01T10:00", "2026-12-01T11:00");
        let others = [item(1, ActivityKind::GroupMeeting, "2026-12-01T11:00", "2026-12-01T12:00")];
        assert!(kinds(&new, &others).is_empty());
    }

    #[test]
    fn home_visits_need_travel_time_on_either_side() {
        let new = visit(0, "2026-12-01T10:00", "2026-12-01T11:00");
        let others = [
            visit(1, "2026-12-01T08:45", "2026-12-01T09:45"),
            visit(2, "2026-12-01T11:30", "2026-12-01T12:00"),
            visit(3, "2026-12-01T11:10", "2026-12-01T11:20"),
        ];
        assert_eq!(
            kinds(&new, &others),
            vec![
                (1, ConflictKind::TooLittleTravelTime { gap_minutes: 15, needed_minutes: 30 }),
                (3, ConflictKind::TooLittleTravelTime { gap_minutes: 10, needed_minutes: 30 }),
            ]
        );
    }

    #[test]
    fn the_buffer_is_configurable() {
        let new = visit(0, "2026-12-01T10:00", "2026-12-01T11:00");
        let others = [visit(1, "2026-12-01T11:10", "2026-12-01T12:00")];
        let none = ConflictRules { travel_buffer: Duration::zero() };
        assert!(find_conflicts(&new, &others, &none).is_empty());
    }

    #[test]
    fn cancelled_activities_and_the_candidate_itself_are_ignored() {
        let new = visit(1, "2026-12-01T10:00", "2026-12-01T11:00");
        let mut cancelled = visit(2, "2026-12-01T10:00", "2026-12-01T11:00");
        cancelled.status = ActivityStatus::Cancelled;
        let itself = visit(1, "2026-12-01T09:00", "2026-12-01T10:30");
        assert!(kinds(&new, &[cancelled, itself]).is_empty());
    }

    #[test]
    fn overlap_is_found_across_the_autumn_change() {
        // 02:30 happens twice on 25 Oct 2026; the first (summer) one is chosen.
        let new = visit(0, "2026-10-25T02:30", "2026-10-25T03:30");
        let others = [item(1, ActivityKind::Outreach, "2026-10-25T02:00", "2026-10-25T02:45")];
        assert_eq!(kinds(&new, &others), vec![(1, ConflictKind::Overlap)]);
    }

    #[test]
    fn conflicts_among_lists_each_pair_once() {
        let items = [
            visit(1, "2026-12-01T10:00", "2026-12-01T11:00"),
            visit(2, "2026-12-01T10:30", "2026-12-01T11:30"),
            visit(3, "2026-12-01T14:00", "2026-12-01T15:00"),
            item(4, ActivityKind::GroupMeeting, "2026-12-01T11:15", "2026-12-01T12:00"),
        ];
        let pairs: Vec<(i64, i64)> =
            conflicts_among(&items, &RULES).into_iter().map(|(a, c)| (a.0, c.with.0)).collect();
        assert_eq!(pairs, vec![(1, 2), (2, 4)]);
    }
}
