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
