//! Content lines: unfolding, decoding and the component structure, before `ical` sees them.
//!
//! Written by hand because `ical` 0.11's line reader gets three things wrong that real
//! exports depend on (each has a test below): it trims every *physical* line before
//! unfolding, so a fold right after a space loses the space (Google and Outlook fold at a
//! fixed width); it reads lines as UTF-8 one physical line at a time, so a fold between the
//! bytes of "ø" (which some exporters write) ends the file silently; and it compares
//! `BEGIN`/`END` and property names case-sensitively. Here the file is unfolded on bytes,
//! each logical line decoded once, names upper-cased, and the nesting checked with line
//! numbers, so `ical` only has to split parameters and build components.
//!
//! Only what busy time needs passes through: other components (to-dos, alarms, journals,
//! unknown `X-` components) and other properties (descriptions, locations, attendees —
//! other people's data) are dropped here and never stored.

use std::borrow::Cow;

use super::ReadError;

/// Properties of a VEVENT that busy time needs.
const EVENT_PROPERTIES: &[&str] = &[
    "UID",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "STATUS",
    "TRANSP",
    "SEQUENCE",
];
/// Properties of the VCALENDAR itself that Nabo reads.
const CALENDAR_PROPERTIES: &[&str] = &["X-WR-CALNAME", "NAME", "X-WR-TIMEZONE"];
/// Properties of a VTIMEZONE and of its STANDARD/DAYLIGHT observances.
const ZONE_PROPERTIES: &[&str] = &["TZID", "X-LIC-LOCATION", "DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE", "RDATE"];

/// The name of the synthetic property that carries a VEVENT's first line number.
pub(super) const LINE_PROPERTY: &str = "X-NABO-LINE";

/// The file as `ical` should read it: one logical line per line, and where each came from.
pub(super) struct Normalized {
    /// Unfolded, filtered content lines joined with `\n`.
    pub text: String,
    /// For each line of `text` (0-based), its line number in the original file (1-based).
    pub origin: Vec<usize>,
    /// Lines ignored: after `END:VCALENDAR`, or inside the calendar but no content line.
    pub ignored: Vec<usize>,
}

/// A logical line: the bytes of one content line after unfolding (borrowed unless it was
/// folded), and its first physical line.
struct Logical<'a> {
    bytes: Cow<'a, [u8]>,
    line: usize,
}

/// Splits on CRLF, LF or a lone CR and joins folded continuation lines (RFC 5545 §3.1).
fn unfold(bytes: &[u8]) -> Vec<Logical<'_>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out: Vec<Logical> = Vec::new();
    let mut number = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        number += 1;
        let end = rest.iter().position(|b| *b == b'\n' || *b == b'\r').unwrap_or(rest.len());
        let physical = &rest[..end];
        rest = &rest[end..];
        if rest.starts_with(b"\r\n") {
            rest = &rest[2..];
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
        match physical.first() {
            None => {}
            Some(b' ' | b'\t') => match out.last_mut() {
                Some(previous) => previous.bytes.to_mut().extend_from_slice(&physical[1..]),
                None => out.push(Logical { bytes: Cow::Borrowed(physical), line: number }),
            },
            Some(_) => out.push(Logical { bytes: Cow::Borrowed(physical), line: number }),
        }
    }
    out
}

/// Where a content line's name ends (at the first `;` or `:`), if the name is well-formed.
fn name_end(line: &str) -> Option<usize> {
    let end = line.find([';', ':'])?;
    let name = &line[..end];
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then_some(end)
}

/// What the component being read is, for deciding which properties pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Calendar,
    Event,
    Zone,
    Observance,
    Skipped,
}

fn component_kind(name: &str, parent: Option<Kind>) -> Kind {
    match (name, parent) {
        ("VCALENDAR", None) => Kind::Calendar,
        ("VEVENT", Some(Kind::Calendar)) => Kind::Event,
        ("VTIMEZONE", Some(Kind::Calendar)) => Kind::Zone,
        ("STANDARD" | "DAYLIGHT", Some(Kind::Zone)) => Kind::Observance,
        _ => Kind::Skipped,
    }
}

/// Unfolds, decodes and checks the structure of an iCalendar file, keeping what busy time needs.
pub(super) fn normalize(bytes: &[u8]) -> Result<Normalized, ReadError> {
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut origin = Vec::new();
    // Open components: (name, kind, first line, UID once seen).
    let mut stack: Vec<(String, Kind, usize, Option<String>)> = Vec::new();
    let mut calendars = 0;
    let mut ignored = Vec::new();
    let mut push = |text: &mut String, line: &str, at: usize| {
        text.push_str(line);
        text.push('\n');
        origin.push(at);
    };
    for logical in unfold(bytes) {
        let at = logical.line;
        let Ok(line) = std::str::from_utf8(&logical.bytes) else {
            return Err(if calendars == 0 { ReadError::NotICalendar } else { ReadError::NotUtf8 { line: at } });
        };
        let Some(end) = name_end(line) else {
            if calendars == 0 {
                return Err(ReadError::NotICalendar);
            }
            // A comment or stray text (after the calendar, or a line the exporter broke): the
            // peers skip it, and so does Nabo, saying so. Blank-looking lines are no news.
            if !line.trim().is_empty() {
                ignored.push(at);
            }
            continue;
        };
        let name: Cow<'_, str> = if line[..end].bytes().any(|b| b.is_ascii_lowercase()) {
            Cow::Owned(line[..end].to_ascii_uppercase())
        } else {
            Cow::Borrowed(&line[..end])
        };
        let rest = &line[end..];
        if stack.is_empty() && !(name == "BEGIN" && rest.trim().eq_ignore_ascii_case(":VCALENDAR")) {
            if calendars == 0 {
                return Err(ReadError::NotICalendar);
            }
            // Text after END:VCALENDAR (a mail client's signature, a comment): ignored.
            ignored.push(at);
            continue;
        }
        let parent = stack.last().map(|(_, kind, _, _)| *kind);
        match &*name {
            "BEGIN" => {
                let component = rest.trim_start_matches(':').trim().to_ascii_uppercase();
                let kind =
                    if parent == Some(Kind::Skipped) { Kind::Skipped } else { component_kind(&component, parent) };
                if kind == Kind::Calendar {
                    calendars += 1;
                }
                if kind != Kind::Skipped {
                    push(&mut text, &format!("BEGIN:{component}"), at);
                    if kind == Kind::Event {
                        push(&mut text, &format!("{LINE_PROPERTY}:{at}"), at);
                    }
                }
                stack.push((component, kind, at, None));
            }
            "END" => {
                let component = rest.trim_start_matches(':').trim().to_ascii_uppercase();
                let Some((open, kind, _, _)) = stack.pop() else {
                    return Err(ReadError::Malformed { line: at, reason: format!("END:{component} without BEGIN") });
                };
                if open != component {
                    return Err(ReadError::Malformed {
                        line: at,
                        reason: format!("END:{component} where END:{open} was expected"),
                    });
                }
                if kind != Kind::Skipped {
                    push(&mut text, &format!("END:{component}"), at);
                }
            }
            _ => {
                let keep = match parent {
                    Some(Kind::Event) => EVENT_PROPERTIES.contains(&&*name),
                    Some(Kind::Calendar) => CALENDAR_PROPERTIES.contains(&&*name),
                    Some(Kind::Zone | Kind::Observance) => ZONE_PROPERTIES.contains(&&*name),
                    _ => false,
                };
                if parent == Some(Kind::Event) && name == "UID" {
                    if let Some(open) = stack.last_mut() {
                        open.3 = Some(rest.split_once(':').map_or("", |(_, v)| v).trim().to_string());
                    }
                }
                if keep {
                    text.push_str(&name);
                    push(&mut text, rest, at);
                }
            }
        }
    }
    if let Some((component, _, line, uid)) = stack.into_iter().rev().find(|(_, kind, _, _)| *kind != Kind::Skipped) {
        return Err(ReadError::Truncated { component, line, uid });
    }
    if calendars == 0 {
        return Err(ReadError::NotICalendar);
    }
    Ok(Normalized { text, origin, ignored })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<String> {
        normalize(input.as_bytes()).map(|n| n.text.lines().map(str::to_string).collect()).unwrap_or_default()
    }

    #[test]
    fn a_fold_right_after_a_space_keeps_the_space() {
        let got = lines(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Møde med \r\n  skolen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        );
        assert!(got.contains(&"SUMMARY:Møde med  skolen".to_string()), "{got:?}");
    }

    #[test]
    fn a_fold_between_the_bytes_of_one_letter_is_joined_before_decoding() {
        let mut file = b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:K\xC3".to_vec();
        file.extend_from_slice(b"\n \xB8kken\nEND:VEVENT\nEND:VCALENDAR\n");
        let got = normalize(&file).map(|n| n.text).unwrap_or_default();
        assert!(got.contains("SUMMARY:Køkken"), "{got}");
    }

    #[test]
    fn lf_only_lone_cr_a_bom_and_lower_case_names_are_read() {
        let got = lines("\u{feff}begin:vcalendar\rBEGIN:VEVENT\nsummary:Tandlæge\nEnd:VEvent\nEND:VCALENDAR");
        assert_eq!(
            got,
            ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "X-NABO-LINE:2", "SUMMARY:Tandlæge", "END:VEVENT", "END:VCALENDAR"]
        );
    }

    #[test]
    fn other_peoples_details_and_other_components_never_pass() {
        let got = lines(
            "BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:x\nEND:VTODO\nBEGIN:VEVENT\nDESCRIPTION:Hemmeligt\nLOCATION:Vej 1\n\
             ATTENDEE;CN=\"A, B\":mailto:a@b.dk\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n",
        );
        assert_eq!(got, ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "X-NABO-LINE:5", "UID:1", "END:VEVENT", "END:VCALENDAR"]);
    }

    #[test]
    fn structure_errors_name_the_line() {
        let truncated = normalize(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:abc\nDTSTART:2026");
        assert!(
            matches!(truncated, Err(ReadError::Truncated { line: 2, ref uid, .. }) if uid.as_deref() == Some("abc"))
        );
        assert!(matches!(normalize(b"BEGIN:VCALENDAR\nEND:VEVENT\n"), Err(ReadError::Malformed { line: 2, .. })));
        assert!(matches!(normalize(b"Name,Date\nA,2026-01-01\n"), Err(ReadError::NotICalendar)));
        assert!(matches!(normalize(b""), Err(ReadError::NotICalendar)));
        assert!(matches!(normalize(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(ReadError::NotICalendar)));
        assert!(matches!(
            normalize(b"BEGIN:VCALENDAR\nSUMMARY:\xff\nEND:VCALENDAR"),
            Err(ReadError::NotUtf8 { line: 2 })
        ));
    }
}
