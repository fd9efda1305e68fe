//! Checks on the free-text fields a volunteer types.

use std::fmt;

use crate::pii::{find_personal_data, PersonalDataKind};

/// A text field of an activity, named in errors so the UI can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The start date and time.
    Start,
    /// The end date and time.
    End,
    /// The duration.
    Duration,
    /// The neighbourhood or area.
    Area,
    /// The pseudonymous household label of a home visit.
    Household,
    /// Where a meeting takes place.
    Venue,
    /// What a meeting is about.
    Theme,
    /// A title the volunteer chose.
    Title,
    /// The private note.
    Note,
    /// A language used.
    Language,
    /// The repeat rule of a series.
    Repeat,
    /// How many people a group meeting usually has.
    ExpectedSize,
    /// The name a volunteer shows their coordinator (not an activity's; checked the same way).
    DisplayName,
}

impl Field {
    /// The field's name in the CLI, JSON and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Start => "start",
            Field::End => "end",
            Field::Duration => "duration",
            Field::Area => "area",
            Field::Household => "household",
            Field::Venue => "venue",
            Field::Theme => "theme",
            Field::Title => "title",
            Field::Note => "note",
            Field::Language => "language",
            Field::Repeat => "repeat",
            Field::ExpectedSize => "expected_size",
            Field::DisplayName => "display_name",
        }
    }

    /// The longest text accepted in this field, in characters.
    pub fn max_chars(self) -> usize {
        match self {
            Field::Household => 16,
            Field::Language => 32,
            Field::Area | Field::Venue | Field::Theme => 80,
            Field::Title => 120,
            Field::Note => 2000,
            Field::Start | Field::End | Field::Duration => 40,
            Field::Repeat => 200,
            Field::ExpectedSize => 10,
            Field::DisplayName => 60,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a text field was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Longer than the field allows.
    #[error("{field} is {chars} characters long; at most {max} are allowed")]
    TooLong {
        /// Which field.
        field: Field,
        /// Its length.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Contains line breaks or other control characters where none belong.
    #[error("{field} contains a line break or control character")]
    ControlCharacter {
        /// Which field.
        field: Field,
    },
    /// The text holds personal data (a CPR or phone number, an e-mail or street address).
    /// The text itself is deliberately not kept, so that the error cannot carry it into a message or a log.
    #[error("{field} seems to contain {kind}; rephrase it without personal data")]
    PersonalData {
        /// Which field.
        field: Field,
        /// What was found.
        kind: PersonalDataKind,
    },
    /// A household label must be a short pseudonym such as "H-17". The label itself is not
    /// kept: what was typed instead of a pseudonym is likely a name.
    #[error(
        "the household label is not a pseudonym like H-17: use letters, digits and '-' only, at least one digit and no more than two letters together"
    )]
    NotAPseudonym,
}

/// Trims a text field, turning blank into `None` and refusing what does not fit,
/// including personal data (the PII guard runs on every field that passes here).
pub fn clean_text(field: Field, value: Option<String>) -> Result<Option<String>, TextError> {
    clean(field, value)
}

pub(crate) fn clean(field: Field, value: Option<String>) -> Result<Option<String>, TextError> {
    let Some(value) = value else { return Ok(None) };
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let chars = trimmed.chars().count();
    if chars > field.max_chars() {
        return Err(TextError::TooLong { field, chars, max: field.max_chars() });
    }
    let multiline = field == Field::Note;
    if trimmed.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t'))) {
        return Err(TextError::ControlCharacter { field });
    }
    if let Some(found) = find_personal_data(trimmed) {
        return Err(TextError::PersonalData { field, kind: found.kind });
    }
    if field == Field::Household && !is_pseudonym(trimmed) {
        return Err(TextError::NotAPseudonym);
    }
    Ok(Some(trimmed.to_string()))
}

/// Most letters a pseudonym may have in a row: enough for a code ("H", "BM"), too few for
/// a name ("Ali", "Eva", "Fatima1" — a first name with a digit is still a name).
const MAX_LETTERS_IN_A_ROW: usize = 2;

/// Whether a household label is a pseudonym: letters, digits and '-', a digit, and no more
/// than two letters in a row, so that a first name ("Fatima", "Fatima1", "Ali-2") is not one.
pub fn is_pseudonym(label: &str) -> bool {
    let mut letters_in_a_row = 0;
    for c in label.chars() {
        if c.is_alphabetic() {
            letters_in_a_row += 1;
            if letters_in_a_row > MAX_LETTERS_IN_A_ROW {
                return false;
            }
        } else if c.is_ascii_digit() || c == '-' {
            letters_in_a_row = 0;
        } else {
            return false;
        }
    }
    label.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_becomes_none_and_text_is_trimmed() {
        assert_eq!(clean(Field::Area, Some("  ".into())), Ok(None));
        assert_eq!(clean(Field::Area, None), Ok(None));
        assert_eq!(clean(Field::Area, Some(" Gellerup ".into())), Ok(Some("Gellerup".into())));
    }

    #[test]
    fn too_long_names_the_field_and_limit() {
        let err = clean(Field::Area, Some("x".repeat(81))).expect_err("too long");
        assert_eq!(err, TextError::TooLong { field: Field::Area, chars: 81, max: 80 });
    }

    #[test]
    fn line_breaks_only_in_notes() {
        assert!(clean(Field::Venue, Some("a\nb".into())).is_err());
        assert_eq!(clean(Field::Note, Some("a\nb".into())), Ok(Some("a\nb".into())));
        assert!(clean(Field::Note, Some("a\u{7}b".into())).is_err());
    }

    #[test]
    fn personal_data_is_refused_in_every_field_naming_the_kind() {
        for field in [Field::Note, Field::Title, Field::Area, Field::Venue, Field::Theme, Field::Language] {
            assert_eq!(
                clean(field, Some("ring 22 33 44 55".into())),
                Err(TextError::PersonalData { field, kind: PersonalDataKind::Phone }),
                "{field}"
            );
        }
        // A run of digits is a valid pseudonym by its letters, but not when it is a phone or CPR number.
        assert_eq!(
            clean(Field::Household, Some("22334455".into())),
            Err(TextError::PersonalData { field: Field::Household, kind: PersonalDataKind::Phone })
        );
        assert_eq!(
            clean(Field::Household, Some("0101901234".into())),
            Err(TextError::PersonalData { field: Field::Household, kind: PersonalDataKind::Cpr })
        );
        // The error does not repeat the text.
        let err = clean(Field::Note, Some("cpr 010190-1234".into())).expect_err("refused");
        assert!(!format!("{err} {err:?}").contains("1234"), "{err}");
    }

    #[test]
    fn a_display_name_is_checked_like_any_text_field() {
        assert_eq!(clean_text(Field::DisplayName, Some(" Amina ".into())), Ok(Some("Amina".into())));
        assert_eq!(
            clean_text(Field::DisplayName, Some("Amina 22 33 44 55".into())),
            Err(TextError::PersonalData { field: Field::DisplayName, kind: PersonalDataKind::Phone })
        );
        assert!(clean_text(Field::DisplayName, Some("x".repeat(61))).is_err());
    }

    #[test]
    fn household_labels_must_be_pseudonyms() {
        for ok in ["H-17", "h17", "B-2", "Ø-4", "BM-12", "H-3-B", "17"] {
            assert!(clean(Field::Household, Some(ok.into())).is_ok(), "{ok}");
        }
        let names = ["Fatima1", "Ali-2", "eva3", "3-Åse", "H-Ole7"];
        for bad in
            ["Fatima", "Familien Hansen 3", "H 17", "H-17!", "12345678901234567", "H-١٧"].into_iter().chain(names)
        {
            assert!(clean(Field::Household, Some(bad.into())).is_err(), "{bad}");
        }
    }
}
