//! The PII guard against its corpus: every positive caught with the right kind, no negative flagged.
//!
//! The corpus lives in `tests/fixtures/pii/` at the top of the repository; add a line there when a
//! case is found that the guard gets wrong, then make the guard right.

use nabo_core::{find_personal_data, PersonalDataKind};

const POSITIVES: &str = include_str!("../../../tests/fixtures/pii/positives.txt");
const NEGATIVES: &str = include_str!("../../../tests/fixtures/pii/negatives.txt");

fn lines(corpus: &str) -> impl Iterator<Item = (usize, &str)> {
    corpus.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn kind(name: &str) -> PersonalDataKind {
    match name {
        "cpr" => PersonalDataKind::Cpr,
        "phone" => PersonalDataKind::Phone,
        "email" => PersonalDataKind::Email,
        "street_address" => PersonalDataKind::StreetAddress,
        other => panic!("unknown kind {other:?} in positives.txt"),
    }
}

fn excerpt(text: &str, chars: &std::ops::Range<usize>) -> String {
    text.chars().skip(chars.start).take(chars.len()).collect()
}

#[test]
fn every_positive_is_caught_with_its_kind() {
    let mut misses = Vec::new();
    let mut count = 0;
    for (line, entry) in lines(POSITIVES) {
        let (name, text) = entry.split_once(" | ").unwrap_or_else(|| panic!("positives.txt:{line}: no ' | '"));
        let expected = kind(name.trim());
        count += 1;
        match find_personal_data(text) {
            Some(found) if found.kind == expected => {
                assert!(found.chars.end <= text.chars().count() && !found.chars.is_empty(), "{line}: {found:?}");
            }
            Some(found) => misses.push(format!(
                "positives.txt:{line}: {text:?}: expected {expected:?}, found {:?} at {:?}",
                found.kind,
                excerpt(text, &found.chars)
            )),
            None => misses.push(format!("positives.txt:{line}: {text:?}: expected {expected:?}, found nothing")),
        }
    }
    assert!(count >= 100, "the corpus needs at least 100 positives, has {count}");
    assert!(misses.is_empty(), "{} of {count} positives missed:\n{}", misses.len(), misses.join("\n"));
}

#[test]
fn no_negative_is_flagged() {
    let mut flagged = Vec::new();
    let mut count = 0;
    for (line, text) in lines(NEGATIVES) {
        count += 1;
        if let Some(found) = find_personal_data(text) {
            flagged.push(format!(
                "negatives.txt:{line}: {text:?}: flagged as {:?} at {:?}",
                found.kind,
                excerpt(text, &found.chars)
            ));
        }
    }
    assert!(count >= 100, "the corpus needs at least 100 negatives, has {count}");
    assert!(flagged.is_empty(), "{} of {count} negatives flagged:\n{}", flagged.len(), flagged.join("\n"));
}

#[test]
fn the_corpus_is_in_both_languages_and_covers_every_kind() {
    let danish = |t: &str| t.chars().any(|c| "æøåÆØÅ".contains(c));
    assert!(lines(POSITIVES).filter(|(_, l)| danish(l)).count() >= 20);
    assert!(lines(NEGATIVES).filter(|(_, l)| danish(l)).count() >= 20);
    for name in ["cpr", "phone", "email", "street_address"] {
        let n = lines(POSITIVES).filter(|(_, l)| l.starts_with(&format!("{name} | "))).count();
        assert!(n >= 10, "only {n} positives of kind {name}");
    }
}

mod generated {
    use nabo_core::{find_personal_data, PersonalDataKind};
    use proptest::prelude::*;

    const BEFORE: &[&str] = &["", "ring til hende på ", "tlf. ", "Hendes nummer: ", "call ", "(", "nr: "];
    const AFTER: &[&str] = &["", " i morgen", ".", ", ikke efter kl. 20", ")", " after 5 pm"];

    fn days_in(month: u32) -> u32 {
        match month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Day and month of a real date, and a year.
    fn any_date() -> impl Strategy<Value = (u32, u32, u32)> {
        (1u32..=12, 1900u32..2099).prop_flat_map(|(m, y)| (1..=days_in(m), Just(m), Just(y)))
    }

    proptest! {
        /// A Danish number (first digit 2-9) in any of the usual spellings is a phone number.
        #[test]
        fn danish_phone_numbers_are_caught(
            number in 20_000_000u32..100_000_000,
            spelling in 0usize..7,
            before in prop::sample::select(BEFORE),
            after in prop::sample::select(AFTER),
        ) {
            let d = number.to_string();
            let pairs = format!("{} {} {} {}", &d[0..2], &d[2..4], &d[4..6], &d[6..8]);
            let written = match spelling {
                0 => d.clone(),
                1 => pairs,
                2 => format!("{} {}", &d[0..4], &d[4..8]),
                3 => format!("+45 {pairs}"),
                4 => format!("0045 {d}"),
                5 => pairs.replace(' ', "-"),
                _ => pairs.replace(' ', "."),
            };
            let text = format!("{before}{written}{after}");
            prop_assert_eq!(find_personal_data(&text).map(|f| f.kind), Some(PersonalDataKind::Phone), "{}", text);
        }

        /// DDMMYY and four digits, with a dash, a space or nothing between, is a CPR number
        /// whatever the four digits (no modulus-11 check).
        #[test]
        fn cpr_numbers_are_caught((day, month, year) in any_date(), serial in 0u32..10_000, spelling in 0usize..3) {
            let date = format!("{day:02}{month:02}{:02}", year % 100);
            let sep = ["-", "", " "][spelling];
            let text = format!("cpr {date}{sep}{serial:04} til kommunen");
            prop_assert_eq!(find_personal_data(&text).map(|f| f.kind), Some(PersonalDataKind::Cpr), "{}", text);
        }

        /// Dates, times and amounts as a volunteer writes them are never flagged.
        #[test]
        fn dates_times_and_amounts_are_not(
            (day, month, year) in any_date(),
            (h1, m1, h2, m2) in (0u32..24, 0u32..60, 0u32..24, 0u32..60),
            kroner in 0u64..10_000_000_000,
            spelling in 0usize..8,
        ) {
            let thousands = {
                let s = kroner.to_string();
                let mut out = String::new();
                for (i, c) in s.chars().enumerate() {
                    if i > 0 && (s.len() - i) % 3 == 0 {
                        out.push('.');
                    }
                    out.push(c);
                }
                out
            };
            let text = match spelling {
                0 => format!("mødet {day}.{month}.{year} kl. {h1:02}.{m1:02}-{h2:02}.{m2:02}"),
                1 => format!("næste gang {year}-{month:02}-{day:02} {h1:02}:{m1:02}-{h2:02}:{m2:02}"),
                2 => format!("d. {day}/{month}-{year} kl. {h1}.{m1:02}"),
                3 => format!("{day:02}.{month:02}.{} fra {h1}:{m1:02} til {h2}:{m2:02}", year % 100),
                4 => format!("tilskud {thousands} kr."),
                5 => format!("budget kr. {} i {year}", thousands.replace('.', " ")),
                6 => format!("{day}/{month} kl. {h1:02}.{m1:02} i lokale {month}.{day:02}, {h2} børn"),
                _ => format!("sæson {year}-{} og {year}/{}", year + 1, year + 1),
            };
            prop_assert_eq!(find_personal_data(&text), None, "{}", text);
        }
    }
}
