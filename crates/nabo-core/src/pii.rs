//! The PII guard: finds personal data in free text before it is stored.
//!
//! [`find_personal_data`] is the one function every free-text field goes
//! through (see `text::clean`). It looks for four kinds of data that identify a
//! person: a CPR number, a phone number, an e-mail address and a street address
//! with a house number.
//!
//! It is written by hand rather than taken from a crate: the PII crates on
//! crates.io look for US formats (social security numbers, NANP phone numbers,
//! "123 Main St"), and none knows the Danish CPR number (DDMMYY-NNNN, also
//! without the dash and also when the old modulus-11 check fails), Danish phone
//! groupings ("22 33 44 55", "2233 4455", "+45 …", "0045 …") or Danish street
//! names ("Nørrebrogade 3, 2. th.", "Bispehavevej 22B"). Just as important is
//! what must *not* be flagged in a volunteer's note, which a generic pattern
//! gets wrong: dates (01.12.2026, 1/12-2026, 2026-12-01), times and time ranges
//! (10:00, 10.30-12.00), amounts (1.500 kr., 25 000 000 kr), room numbers
//! (lokale 3.12), counts ("3 børn"), years and postcodes ("8220 Brabrand").
//!
//! How it reads numbers: digits separated by at most three separator
//! characters (space, '-', '.', '/', ':', ',', parentheses) form a *chain*;
//! the chain is read from the left, and at each group of digits the readings
//! are tried in order: CPR number (found), date or amount (skipped), phone
//! number (found), time (skipped). So "01.12.2026 10.30" is a date and a time, while
//! "22.33.44.55" is a phone number. The corpus in `tests/fixtures/pii/` holds
//! the examples this must get right; add to it when a case is found.
//!
//! Deliberately not flagged, because the cost of refusing ordinary notes would
//! be higher than the risk: a six-digit date alone ("010190"), numbers of up to
//! seven digits, an area name or postcode without a house number
//! ("Gellerupparken", "8220 Brabrand"), a street name without a number, and
//! e-mail addresses written out to dodge detection ("fatima at gmail dot com").
//! Names of people cannot be recognised in free text without a name list and
//! are not looked for (a household label must be a pseudonym, checked
//! separately).
//!
//! The findings never carry the text itself: only the kind and where it is, so
//! that an error built from them cannot copy the data into a message or a log.

use std::fmt;
use std::ops::Range;

/// What kind of personal data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataKind {
    /// A Danish CPR number (personnummer), with or without the dash.
    Cpr,
    /// A phone number, Danish or foreign.
    Phone,
    /// An e-mail address.
    Email,
    /// A street address with a house number.
    StreetAddress,
}

impl PersonalDataKind {
    /// The kind's name in errors and translation selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonalDataKind::Cpr => "cpr",
            PersonalDataKind::Phone => "phone",
            PersonalDataKind::Email => "email",
            PersonalDataKind::StreetAddress => "street_address",
        }
    }
}

impl fmt::Display for PersonalDataKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PersonalDataKind::Cpr => "a CPR number",
            PersonalDataKind::Phone => "a phone number",
            PersonalDataKind::Email => "an e-mail address",
            PersonalDataKind::StreetAddress => "a street address",
        })
    }
}

/// Personal data found in a text: its kind and where it is, never the text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalData {
    /// What was found.
    pub kind: PersonalDataKind,
    /// Where, as a range of character (not byte) positions in the text.
    pub chars: Range<usize>,
}

/// The first (leftmost) personal data in `text`, or `None` when the text holds none.
///
/// ```
/// use nabo_core::{find_personal_data, PersonalDataKind};
///
/// let found = find_personal_data("ring til Fatima på 22 33 44 55").expect("a phone number");
/// assert_eq!(found.kind, PersonalDataKind::Phone);
/// assert_eq!(found.chars, 19..30);
/// assert_eq!(find_personal_data("cpr 010190-1234").map(|f| f.kind), Some(PersonalDataKind::Cpr));
/// assert_eq!(find_personal_data("3 børn, mødet 01.12.2026 kl. 10.30-12.00 i lokale 3.12"), None);
/// ```
pub fn find_personal_data(text: &str) -> Option<PersonalData> {
    let chars = normalise(text);
    let mut found: Vec<PersonalData> = Vec::new();
    found.extend(find_email(&chars));
    for chain in chains(&chars) {
        found.extend(chain.personal_data(&chars));
    }
    found.extend(find_danish_address(&chars));
    found.extend(find_english_address(&chars));
    found.into_iter().min_by_key(|f| (f.chars.start, f.chars.end))
}

/// The text as characters, with look-alikes made plain so that one rule covers them:
/// Arabic-Indic and full-width digits become ASCII digits, no-break and thin spaces
/// become spaces, dashes and the minus sign become '-'. One character stays one
/// character, so positions are those of the original text.
fn normalise(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| {
            let digit = |base: u32| char::from_digit(u32::from(c) - base, 10).unwrap_or(c);
            match c {
                '\u{660}'..='\u{669}' => digit(0x660),
                '\u{6f0}'..='\u{6f9}' => digit(0x6f0),
                '\u{ff10}'..='\u{ff19}' => digit(0xff10),
                '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\t' => ' ',
                '\u{2010}'..='\u{2014}' | '\u{2212}' => '-',
                '\u{ff20}' => '@',
                _ => c,
            }
        })
        .collect()
}

// ---------------------------------------------------------------- e-mail

/// `local@domain.tld`, with a top-level domain of at least two letters.
fn find_email(chars: &[char]) -> Option<PersonalData> {
    let local_char = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain_char = |c: char| c.is_alphanumeric() || c == '-' || c == '.';
    for (at, _) in chars.iter().enumerate().filter(|(_, &c)| c == '@') {
        let mut start = at;
        while start > 0 && local_char(chars[start - 1]) {
            start -= 1;
        }
        while start < at && chars[start] == '.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < chars.len() && domain_char(chars[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(chars[end - 1], '.' | '-') {
            end -= 1;
        }
        if start == at || end == at + 1 {
            continue;
        }
        let domain: String = chars[at + 1..end].iter().collect();
        let labels: Vec<&str> = domain.split('.').collect();
        let tld = labels.last().copied().unwrap_or("");
        if labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic)
        {
            return Some(PersonalData { kind: PersonalDataKind::Email, chars: start..end });
        }
    }
    None
}

// ---------------------------------------------------------------- numbers

/// What stands right before the first digit of a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    None,
    /// '+' at this position: an international number.
    Plus(usize),
    /// '(' at this position: maybe an area code, "(555) 123-4567".
    Paren(usize),
}

/// Groups of digits joined by short separators: "22 33 44 55", "01.12.2026 10.30".
#[derive(Debug)]
struct Chain {
    lead: Lead,
    /// Positions of each group of digits.
    groups: Vec<Range<usize>>,
    /// The digits of each group.
    digits: Vec<String>,
    /// `seps[k]` stands between group `k` and group `k + 1`.
    seps: Vec<String>,
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '/' | ':' | ',' | '(' | ')')
}

fn chains(chars: &[char]) -> Vec<Chain> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let lead = match i.checked_sub(1).map(|p| chars[p]) {
            Some('+') if i < 2 || !chars[i - 2].is_alphanumeric() => Lead::Plus(i - 1),
            Some('(') => Lead::Paren(i - 1),
            _ => Lead::None,
        };
        let mut chain = Chain { lead, groups: Vec::new(), digits: Vec::new(), seps: Vec::new() };
        loop {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            chain.groups.push(start..i);
            chain.digits.push(chars[start..i].iter().collect());
            let mut j = i;
            while j < chars.len() && j < i + 3 && is_separator(chars[j]) {
                j += 1;
            }
            if j > i && j < chars.len() && chars[j].is_ascii_digit() {
                chain.seps.push(chars[i..j].iter().collect());
                i = j;
            } else {
                break;
            }
        }
        out.push(chain);
    }
    out
}

impl Chain {
    fn len(&self, k: usize) -> usize {
        self.digits[k].len()
    }

    fn number(&self, k: usize) -> u32 {
        self.digits[k].parse().unwrap_or(u32::MAX)
    }

    fn sep(&self, k: usize) -> &str {
        self.seps.get(k).map_or("", String::as_str)
    }

    /// Reads the chain from the left: CPR (found), date or amount (skipped), phone (found), time (skipped).
    fn personal_data(&self, chars: &[char]) -> Option<PersonalData> {
        let mut i = 0;
        while i < self.groups.len() {
            if let Some(end) = self.cpr_at(i) {
                return Some(self.found(PersonalDataKind::Cpr, i, end));
            }
            if let Some(end) = self.date_at(i).or_else(|| self.amount_at(i, chars)) {
                i = end;
                continue;
            }
            if let Some(end) = self.phone_at(i, chars) {
                return Some(self.found(PersonalDataKind::Phone, i, end));
            }
            if let Some(end) = self.time_at(i) {
                i = end;
                continue;
            }
            i += 1;
        }
        None
    }

    fn found(&self, kind: PersonalDataKind, first: usize, end: usize) -> PersonalData {
        let start = match (first, self.lead) {
            (0, Lead::Plus(p)) | (0, Lead::Paren(p)) => p,
            _ => self.groups[first].start,
        };
        PersonalData { kind, chars: start..self.groups[end - 1].end }
    }

    /// DDMMYY-NNNN, DDMMYYNNNN, DDMMYY NNNN or DD.MM.YY-NNNN, where DDMMYY is a date.
    /// The modulus-11 check is deliberately not applied: numbers issued since 2007 need not pass it.
    fn cpr_at(&self, i: usize) -> Option<usize> {
        if i == 0 && matches!(self.lead, Lead::Plus(_)) {
            return None;
        }
        let n = self.groups.len();
        let d = &self.digits[i];
        if d.len() == 10 && is_cpr_date(&d[..6]) {
            return Some(i + 1);
        }
        let cpr_sep = |s: &str| matches!(s, "-" | " " | "  " | " - " | "/");
        if i + 1 < n && d.len() == 6 && self.len(i + 1) == 4 && cpr_sep(self.sep(i)) && is_cpr_date(d) {
            return Some(i + 2);
        }
        if i + 3 < n
            && [i, i + 1, i + 2].iter().all(|&k| self.len(k) == 2)
            && self.len(i + 3) == 4
            && matches!(self.sep(i), "." | "-" | " ")
            && self.sep(i + 1) == self.sep(i)
            && cpr_sep(self.sep(i + 2))
            && is_cpr_date(&format!("{}{}{}", self.digits[i], self.digits[i + 1], self.digits[i + 2]))
        {
            return Some(i + 4);
        }
        None
    }

    /// 1.12.2026, 01-12-26, 1/12-2026, 2026-12-01, and a day and month alone (1/12, 1.12).
    fn date_at(&self, i: usize) -> Option<usize> {
        let n = self.groups.len();
        let date_sep = |s: &str| matches!(s, "." | "-" | "/");
        if i + 2 < n && date_sep(self.sep(i)) && date_sep(self.sep(i + 1)) {
            let (a, b, c) = (self.len(i), self.len(i + 1), self.len(i + 2));
            let (x, y, z) = (self.number(i), self.number(i + 1), self.number(i + 2));
            // A two-digit year followed by the same separator and more digits is not a date.
            let continues = i + 3 < n && self.sep(i + 2) == self.sep(i + 1);
            let day_first = (1..=2).contains(&a)
                && (1..=2).contains(&b)
                && ((c == 2 && !continues) || (c == 4 && is_year(z)))
                && is_day_month(x, y);
            let year_first = a == 4 && is_year(x) && (1..=2).contains(&b) && (1..=2).contains(&c) && is_day_month(z, y);
            if day_first || year_first {
                return Some(i + 3);
            }
        }
        if i + 1 < n
            && matches!(self.sep(i), "." | "/")
            && (1..=2).contains(&self.len(i))
            && (1..=2).contains(&self.len(i + 1))
            && is_day_month(self.number(i), self.number(i + 1))
            && !(i + 2 < n && date_sep(self.sep(i + 1)))
        {
            return Some(i + 2);
        }
        None
    }

    /// An amount in thousands: 1.500, 1.250.000, 1,500,000, or 25 000 000 next to a currency
    /// ("25 000 000 kr", "kr. 1 001 000 000").
    fn amount_at(&self, i: usize, chars: &[char]) -> Option<usize> {
        let sep = self.sep(i);
        if !(1..=3).contains(&self.len(i)) || !matches!(sep, "." | "," | " ") {
            return None;
        }
        let mut j = i;
        while j + 1 < self.groups.len() && self.sep(j) == sep && self.len(j + 1) == 3 {
            j += 1;
        }
        let grouped = j > i && (sep != " " || near_currency(chars, self.groups[i].start, self.groups[j].end));
        grouped.then_some(j + 1)
    }

    /// 10:00, 9.30, 24:00.
    fn time_at(&self, i: usize) -> Option<usize> {
        (i + 1 < self.groups.len()
            && matches!(self.sep(i), ":" | ".")
            && (1..=2).contains(&self.len(i))
            && self.len(i + 1) == 2
            && self.number(i) <= 24
            && self.number(i + 1) <= 59)
            .then_some(i + 2)
    }

    /// A phone number starting at group `i`; returns the end of its groups.
    fn phone_at(&self, i: usize, chars: &[char]) -> Option<usize> {
        let n = self.groups.len();
        let lead = if i == 0 { self.lead } else { Lead::None };
        let first = &self.digits[i];

        // International (+46 70 123 45 67, 0045 2233 4455), with an area code in
        // parentheses ((555) 123-4567) or a trunk prefix (0171 2345678, 020 7946 0958):
        // any phone-like separators, mixed.
        // A prefix starts a number: it does not follow a '.' or ',' ("1.000.000.000" is an amount),
        // and "00" is one only with a country code after it ("0045", not "00.00").
        let starts = i == 0 || self.sep(i - 1).contains(' ');
        let plus = matches!(lead, Lead::Plus(_))
            || (starts && first.len() >= 3 && first.starts_with("00") && !first.starts_with("000"));
        let paren = matches!(lead, Lead::Paren(_)) && self.sep(i).starts_with(')');
        let trunk = starts && first.starts_with('0') && !first.starts_with("00") && (2..=5).contains(&first.len());
        if plus || paren || trunk {
            let phone_sep = |s: &str| !s.contains([',', ':']) && (s == "." || !s.contains('.'));
            let mut j = i;
            let mut total = first.len();
            let (mut dots, mut dashes) = (false, false);
            while j + 1 < n && phone_sep(self.sep(j)) {
                dots |= self.sep(j) == ".";
                dashes |= self.sep(j).contains('-');
                j += 1;
                total += self.len(j);
            }
            // "08.00-16.00-18.00" is times, not a number with a trunk prefix.
            let ok = if plus || paren { total >= 8 } else { (9..=13).contains(&total) && !(dots && dashes) };
            if ok {
                return Some(j + 1);
            }
        }

        // Eight or more digits in a row: a Danish number (22334455) or a foreign one without spaces.
        if first.len() >= 8 {
            return (!self.is_amount(i, i, chars)).then_some(i + 1);
        }

        // Groups of two or more digits with one and the same separator:
        // 22 33 44 55, 2233 4455, 22-33-44-55, 22.33.44.55, 555-123-4567, 532 123 45 67.
        let sep = self.sep(i);
        if first.len() < 2 || !matches!(sep, " " | "  " | "-" | "." | "/") {
            return None;
        }
        let mut j = i;
        let mut total = first.len();
        while j + 1 < n && self.sep(j) == sep && self.len(j + 1) >= 2 {
            j += 1;
            total += self.len(j);
        }
        if total < 8 || self.is_amount(i, j, chars) {
            return None;
        }
        // 2025-2026, 2025/2026: a range of years (with a space, "2019 2020" is a phone number).
        if j == i + 1
            && matches!(sep, "-" | "/")
            && self.len(i) == 4
            && self.len(j) == 4
            && is_year(self.number(i))
            && is_year(self.number(j))
        {
            return None;
        }
        Some(j + 1)
    }

    /// Groups `i..=j` read as an amount: thousands grouped with '.' or ','
    /// (12.500.000), or any grouping next to a currency (25 000 000 kr, 25000000 kr).
    fn is_amount(&self, i: usize, j: usize, chars: &[char]) -> bool {
        // Back to the amount's first group: "1 000 000 000" read from its second group.
        let mut a = i;
        while j > i && a > 0 && self.sep(a - 1) == self.sep(i) && self.len(a) == 3 && (1..=3).contains(&self.len(a - 1))
        {
            a -= 1;
        }
        let thousands = (1..=3).contains(&self.len(a)) && (a + 1..=j).all(|k| self.len(k) == 3);
        if thousands && j > i && matches!(self.sep(i), "." | ",") {
            return true;
        }
        (thousands || i == j) && near_currency(chars, self.groups[a].start, self.groups[j].end)
    }
}

/// A currency word or sign right before `start` or right after `end` (past decimals: ",50 kr").
fn near_currency(chars: &[char], start: usize, end: usize) -> bool {
    const CURRENCY: &[&str] =
        &["kr", "kr.", "kroner", "dkk", "eur", "euro", "€", "$", "usd", "sek", "nok", "mio", "mia"];
    let mut p = end;
    if p + 1 < chars.len() && matches!(chars[p], ',' | '.') && chars[p + 1].is_ascii_digit() {
        p += 1;
        while p < chars.len() && chars[p].is_ascii_digit() {
            p += 1;
        }
    }
    let after = word_after(chars, p);
    let before = word_before(chars, start);
    [after, before].iter().any(|w| CURRENCY.contains(&w.to_lowercase().trim_end_matches('.')))
}

/// The word (letters, or one currency sign) after `p`, past spaces.
fn word_after(chars: &[char], mut p: usize) -> String {
    while p < chars.len() && chars[p] == ' ' {
        p += 1;
    }
    if p < chars.len() && matches!(chars[p], '€' | '$') {
        return chars[p].to_string();
    }
    chars[p..].iter().take_while(|c| c.is_alphabetic()).collect()
}

/// The word (letters and a trailing '.', or one currency sign) before `p`, past spaces.
fn word_before(chars: &[char], mut p: usize) -> String {
    while p > 0 && chars[p - 1] == ' ' {
        p -= 1;
    }
    if p > 0 && matches!(chars[p - 1], '€' | '$') {
        return chars[p - 1].to_string();
    }
    while p > 0 && chars[p - 1] == '.' {
        p -= 1;
    }
    let mut s = p;
    while s > 0 && chars[s - 1].is_alphabetic() {
        s -= 1;
    }
    chars[s..p].iter().collect()
}

fn is_year(y: u32) -> bool {
    (1900..=2099).contains(&y)
}

fn is_day_month(day: u32, month: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The first six digits of a CPR number: a date, DDMMYY. Replacement numbers
/// (erstatningspersonnumre) add 60 to the day.
fn is_cpr_date(ddmmyy: &str) -> bool {
    let (Ok(day), Ok(month)) = (ddmmyy[..2].parse::<u32>(), ddmmyy[2..4].parse::<u32>()) else {
        return false;
    };
    let day = if day > 60 { day - 60 } else { day };
    is_day_month(day, month)
}

// ---------------------------------------------------------------- addresses

/// A word: letters, with '-' inside ("p-plads").
#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    text: String,
}

impl Word {
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_alphabetic()
                || (chars[i] == '-' && i + 1 < chars.len() && chars[i + 1].is_alphabetic() && i > start))
        {
            i += 1;
        }
        out.push(Word { start, end: i, text: chars[start..i].iter().collect() });
    }
    out
}

/// Endings of Danish street names that are street names in any case ("søndergade").
const STREET_ENDINGS: &[&str] = &["vej", "vejen", "gade", "gaden", "stræde", "strædet", "allé", "boulevard"];

/// Endings that are street names only when capitalised ("Egeparken", "Rådhuspladsen"),
/// since as common words they are ordinary nouns ("parken", "pladsen").
const CAPITALISED_STREET_ENDINGS: &[&str] = &[
    "alle", "plads", "pladsen", "torv", "torvet", "vænge", "vænget", "park", "parken", "vang", "vangen", "bakke",
    "bakken", "høj", "højen", "sti", "stien", "toft", "toften", "tofte", "haven", "engen", "marken", "lund", "lunden",
    "holm", "holmen", "skov", "skoven", "kær", "kæret", "løkke", "løkken",
];

/// Words with a street ending that are not street names.
const NOT_STREETS: &[&str] = &[
    "omvej",
    "omvejen",
    "genvej",
    "genvejen",
    "motorvej",
    "motorvejen",
    "landevej",
    "landevejen",
    "hjemvej",
    "hjemvejen",
    "gågade",
    "gågaden",
    "brigade",
    "renegade",
    "arbejdsplads",
    "arbejdspladsen",
    "parkeringsplads",
    "parkeringspladsen",
    "p-plads",
    "p-pladsen",
    "legeplads",
    "legepladsen",
    "praktikplads",
    "praktikpladsen",
    "siddeplads",
    "børnehaveplads",
    "vuggestueplads",
];

/// Words after a number that make it a count or a measure, not a house number ("Vestergade 3 gange").
const UNITS: &[&str] = &[
    "børn",
    "barn",
    "voksne",
    "deltagere",
    "deltager",
    "personer",
    "person",
    "familier",
    "familie",
    "kvinder",
    "kvinde",
    "mænd",
    "mand",
    "mødre",
    "fædre",
    "piger",
    "drenge",
    "gange",
    "gang",
    "dage",
    "dag",
    "timer",
    "time",
    "min",
    "minutter",
    "minut",
    "uger",
    "uge",
    "måneder",
    "måned",
    "år",
    "kr",
    "kroner",
    "km",
    "m",
    "meter",
    "stk",
    "procent",
    "people",
    "persons",
    "children",
    "kids",
    "times",
    "participants",
    "women",
    "men",
    "families",
    "minutes",
    "mins",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
];

fn ends_with_longer(word: &str, ending: &str) -> bool {
    word.ends_with(ending) && word.chars().count() > ending.chars().count()
}

/// Whether `words[k]` names a Danish street.
fn is_danish_street(words: &[Word], k: usize, chars: &[char]) -> bool {
    let w = &words[k];
    let lower = w.lower();
    if NOT_STREETS.contains(&lower.as_str()) {
        return false;
    }
    if STREET_ENDINGS.iter().any(|e| ends_with_longer(&lower, e))
        || (w.capitalised() && CAPITALISED_STREET_ENDINGS.iter().any(|e| ends_with_longer(&lower, e)))
    {
        return true;
    }
    // The ending as a word of its own after a capitalised word: "Vollsmose Allé", "Jens Baggesens Vej".
    let ending_alone = STREET_ENDINGS.contains(&lower.as_str()) || CAPITALISED_STREET_ENDINGS.contains(&lower.as_str());
    ending_alone
        && w.capitalised()
        && k > 0
        && words[k - 1].capitalised()
        && chars[words[k - 1].end..w.start].iter().all(|&c| c == ' ' || c == '.')
}

/// A street name followed by a house number: "Søndergade 12", "Bispehavevej 22B", "Nørrebrogade 3, 2. th.".
fn find_danish_address(chars: &[char]) -> Option<PersonalData> {
    let words = words(chars);
    for k in 0..words.len() {
        if !is_danish_street(&words, k, chars) {
            continue;
        }
        let mut p = words[k].end;
        let spaces = skip_spaces(chars, &mut p);
        if spaces == 0 || spaces > 2 {
            continue;
        }
        // "Søndergade nr. 12"
        for prefix in ["nr.", "nr", "no."] {
            let candidate: String = chars[p..].iter().take(prefix.len()).collect();
            if candidate.eq_ignore_ascii_case(prefix) {
                let mut q = p + prefix.chars().count();
                if skip_spaces(chars, &mut q) > 0 {
                    p = q;
                }
                break;
            }
        }
        if let Some(end) = house_number(chars, p, 3) {
            if !followed_by_unit(chars, end) {
                return Some(PersonalData { kind: PersonalDataKind::StreetAddress, chars: words[k].start..end });
            }
        }
    }
    None
}

/// "12 Baker Street", "221B Baker St", "10 Downing Street": a house number, one to three
/// capitalised words and a street type.
fn find_english_address(chars: &[char]) -> Option<PersonalData> {
    // Street types that are also common words count only when capitalised.
    const ANY_CASE: &[&str] = &["street", "road", "avenue", "lane", "drive", "boulevard", "terrace", "crescent"];
    const CAPITALISED: &[&str] = &[
        "st", "rd", "ave", "ln", "dr", "blvd", "sq", "way", "close", "place", "court", "square", "gardens", "grove",
        "mews", "row", "walk", "hill", "park",
    ];
    let words = words(chars);
    for k in 1..words.len() {
        let lower = words[k].lower();
        let is_type =
            ANY_CASE.contains(&lower.as_str()) || (words[k].capitalised() && CAPITALISED.contains(&lower.as_str()));
        if !is_type {
            continue;
        }
        for m in 1..=3.min(k) {
            let names = &words[k - m..k];
            let joined = |a: &Word, b: &Word| chars[a.end..b.start].iter().all(|&c| c == ' ') && b.start - a.end == 1;
            if !names.iter().all(Word::capitalised)
                || !names.windows(2).all(|w| joined(&w[0], &w[1]))
                || !joined(&names[m - 1], &words[k])
            {
                break;
            }
            // The house number right before the first name, e.g. "221B " or "12 ".
            let first = names[0].start;
            if first < 2 || chars[first - 1] != ' ' {
                continue;
            }
            let mut s = first - 1;
            if chars[s - 1].is_alphabetic() && s >= 2 && chars[s - 2].is_ascii_digit() {
                s -= 1; // the letter of "221B"
            }
            let digits_end = s;
            while s > 0 && chars[s - 1].is_ascii_digit() {
                s -= 1;
            }
            let count = digits_end - s;
            if (1..=5).contains(&count) && chars[s] != '0' && (s == 0 || !chars[s - 1].is_alphanumeric()) {
                return Some(PersonalData { kind: PersonalDataKind::StreetAddress, chars: s..words[k].end });
            }
        }
    }
    None
}

fn skip_spaces(chars: &[char], p: &mut usize) -> usize {
    let start = *p;
    while *p < chars.len() && chars[*p] == ' ' {
        *p += 1;
    }
    *p - start
}

/// A house number at `p` (1 to `max_digits` digits, no leading zero, maybe a letter:
/// "22B"); returns where it ends. Not a time (10:00), a decimal or a room (3.12, 2,5),
/// nor part of a longer number or word.
fn house_number(chars: &[char], p: usize, max_digits: usize) -> Option<usize> {
    let mut q = p;
    while q < chars.len() && chars[q].is_ascii_digit() {
        q += 1;
    }
    if q == p || q - p > max_digits || chars[p] == '0' {
        return None;
    }
    let next = chars.get(q).copied();
    let after = chars.get(q + 1).copied();
    if matches!(next, Some(':' | '.' | ',')) && after.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if next.is_some_and(char::is_alphabetic) {
        // One letter: "22B", "3a".
        if after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        q += 1;
    }
    Some(q)
}

/// A count or measure after the number at `end`: "3 børn", "12 %".
fn followed_by_unit(chars: &[char], end: usize) -> bool {
    let mut p = end;
    skip_spaces(chars, &mut p);
    chars.get(p) == Some(&'%') || UNITS.contains(&word_after(chars, end).to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<PersonalDataKind> {
        find_personal_data(text).map(|f| f.kind)
    }

    fn found(text: &str) -> Option<String> {
        find_personal_data(text).map(|f| text.chars().skip(f.chars.start).take(f.chars.len()).collect())
    }

    #[test]
    fn the_acceptance_examples() {
        assert_eq!(kind("ring til Fatima på 22 33 44 55"), Some(PersonalDataKind::Phone));
        assert_eq!(kind("cpr 010190-1234"), Some(PersonalDataKind::Cpr));
    }

    #[test]
    fn the_range_covers_the_data() {
        assert_eq!(found("ring til Fatima på 22 33 44 55 i morgen").as_deref(), Some("22 33 44 55"));
        assert_eq!(found("nr. +45 22 33 44 55").as_deref(), Some("+45 22 33 44 55"));
        assert_eq!(found("cpr: 0101901234.").as_deref(), Some("0101901234"));
        assert_eq!(found("skriv til fatima.k@gmail.com.").as_deref(), Some("fatima.k@gmail.com"));
        assert_eq!(found("bor på Nørrebrogade 3, 2. th.").as_deref(), Some("Nørrebrogade 3"));
        assert_eq!(found("bor i 221B Baker Street nu").as_deref(), Some("221B Baker Street"));
        assert_eq!(found("ring (555) 123-4567").as_deref(), Some("(555) 123-4567"));
        // Positions are characters, not bytes.
        assert_eq!(find_personal_data("ææ 22334455").map(|f| f.chars), Some(3..11));
    }

    #[test]
    fn the_leftmost_finding_wins() {
        assert_eq!(kind("a@b.dk eller 22334455"), Some(PersonalDataKind::Email));
        assert_eq!(kind("22334455 eller a@b.dk"), Some(PersonalDataKind::Phone));
    }

    #[test]
    fn cpr_numbers_need_a_date_but_not_modulus_11() {
        // 010190-1234 fails the old modulus-11 check; it is still a CPR number.
        for cpr in ["010190-1234", "0101901234", "010190 1234", "290200-1234", "611290-1234", "01.01.90-1234"] {
            assert_eq!(kind(cpr), Some(PersonalDataKind::Cpr), "{cpr}");
        }
        // Not a date: still too long a number to keep, but not a CPR number.
        assert_eq!(kind("320190-1234"), Some(PersonalDataKind::Phone));
        assert_eq!(kind("010190"), None);
    }

    #[test]
    fn arabic_indic_digits_are_digits() {
        assert_eq!(kind("رقم ٢٢٣٣٤٤٥٥"), Some(PersonalDataKind::Phone));
        assert_eq!(kind("tlf ۲۲ ۳۳ ۴۴ ۵۵"), Some(PersonalDataKind::Phone));
    }

    #[test]
    fn dates_times_and_amounts_are_not_flagged() {
        for text in [
            "01.12.2026",
            "1/12-2026",
            "2026-12-01",
            "2026-12-01T10:00",
            "10:00-11:30",
            "10.30-12.00",
            "08.00 - 16.00",
            "01.12.2026 10.30",
            "1.500 kr.",
            "25 000 000 kr",
            "25000000 kr",
            "kr. 12 500 000",
            "12.500.000",
            "250,50 kr",
            "2025-2026",
            "lokale 3.12",
            "3 børn",
            "8220 Brabrand",
        ] {
            assert_eq!(find_personal_data(text), None, "{text}");
        }
    }

    #[test]
    fn house_numbers_are_not_counts_times_or_rooms() {
        assert_eq!(kind("Vestergade 12"), Some(PersonalDataKind::StreetAddress));
        assert_eq!(kind("søndergade nr. 4"), Some(PersonalDataKind::StreetAddress));
        assert_eq!(kind("Vi gik ad Vestergade 3 gange"), None);
        assert_eq!(kind("Vestergade 10:00"), None);
        assert_eq!(kind("Vestergade 2026"), None);
        assert_eq!(kind("Gellerupparken"), None);
        assert_eq!(kind("parkeringspladsen 3"), None);
        assert_eq!(kind("På vej 3 gange"), None);
    }
}
