//! Messages in the user's language, from the Fluent files in `i18n/` that the UI shares.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::{langid, LanguageIdentifier};

use crate::dto::NoticeView;
use crate::error::AppError;

/// A language Nabo speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// Danish, the default.
    #[default]
    Danish,
    /// English.
    English,
}

impl Language {
    /// Every language, default first.
    pub const ALL: &'static [Language] = &[Language::Danish, Language::English];

    /// The two-letter code, "da" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Language::Danish => "da",
            Language::English => "en",
        }
    }

    /// The language of a locale string such as "en_GB.UTF-8" or "da"; Danish when unknown.
    pub fn from_locale(locale: &str) -> Self {
        let lower = locale.trim().to_ascii_lowercase();
        if lower.starts_with("en") {
            Language::English
        } else {
            Language::Danish
        }
    }

    /// The variables that name the computer's language, first set (and not empty) wins.
    pub const ENVIRONMENT_VARIABLES: [&'static str; 4] = ["NABO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

    /// The language asked for by `NABO_LANG`, else by the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// with `variable` looking a name up: the front ends read their environment, nabo-app does not
    /// (`Language::from_variables(|k| std::env::var(k).ok())`).
    pub fn from_variables(variable: impl Fn(&str) -> Option<String>) -> Self {
        Self::ENVIRONMENT_VARIABLES
            .iter()
            .find_map(|k| variable(k).filter(|v| !v.is_empty()))
            .map(|v| Language::from_locale(&v))
            .unwrap_or_default()
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Language::Danish => langid!("da"),
            Language::English => langid!("en"),
        }
    }

    /// The Fluent sources for this language, as (file name, text).
    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Language::Danish => &[
                ("da/errors.ftl", include_str!("../../../i18n/da/errors.ftl")),
                ("da/cli.ftl", include_str!("../../../i18n/da/cli.ftl")),
                ("da/calendar.ftl", include_str!("../../../i18n/da/calendar.ftl")),
                ("da/ui.ftl", include_str!("../../../i18n/da/ui.ftl")),
            ],
            Language::English => &[
                ("en/errors.ftl", include_str!("../../../i18n/en/errors.ftl")),
                ("en/cli.ftl", include_str!("../../../i18n/en/cli.ftl")),
                ("en/calendar.ftl", include_str!("../../../i18n/en/calendar.ftl")),
                ("en/ui.ftl", include_str!("../../../i18n/en/ui.ftl")),
            ],
        }
    }
}

/// Formats Nabo's messages in one language.
pub struct Localizer {
    bundle: FluentBundle<FluentResource>,
    language: Language,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").field("language", &self.language).finish()
    }
}

impl Localizer {
    /// A localizer for `language`.
    pub fn new(language: Language) -> Self {
        let mut bundle = FluentBundle::new(vec![language.id()]);
        // Terminal output: no Unicode isolation marks around variables.
        bundle.set_use_isolating(false);
        for (_, source) in language.sources() {
            // The files are checked by tests; a broken entry is skipped, not fatal.
            let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(|(partial, _)| partial);
            let _ = bundle.add_resource(resource);
        }
        Self { bundle, language }
    }

    /// The language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `id` with `args`; the id itself if there is no such message.
    pub fn message(&self, id: &str, args: &BTreeMap<String, String>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            // Whole numbers go in as numbers so that plural rules can select on them;
            // "+02:00" or "007" stay text.
            let value = match v.parse::<i64>().ok().filter(|n| n.to_string() == *v) {
                Some(n) => FluentValue::from(n),
                None => FluentValue::from(v.as_str()),
            };
            fluent_args.set(k.as_str(), value);
        }
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
    }

    /// Whether a message with this id exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// An error in words, with its field and kind names translated.
    pub fn error(&self, error: &AppError) -> String {
        let mut args = error.args();
        self.add_labels(&mut args);
        self.message(&format!("error-{}", error.code().as_str()), &args)
    }

    /// A notice in words.
    pub fn notice(&self, notice: &NoticeView) -> String {
        self.message(&format!("notice-{}", notice.code), &notice.args)
    }

    /// The words for an input field: `field-<field>`; a kind's default duration
    /// (`durations.<kind>`) as "Duration (Home visit)"; else the field's own name. The UI's
    /// `fieldLabel` (ui/src/lib/i18n.svelte.ts) follows the same rule.
    fn field_label(&self, field: &str) -> String {
        let empty = BTreeMap::new();
        let id = format!("field-{field}");
        if self.has(&id) {
            return self.message(&id, &empty);
        }
        match field.strip_prefix("durations.").map(|kind| format!("kind-{kind}")).filter(|id| self.has(id)) {
            Some(kind) => format!("{} ({})", self.message("field-duration", &empty), self.message(&kind, &empty)),
            None => field.to_string(),
        }
    }

    /// Adds `field_label` and `kind_label` for the `field` and `kind` arguments.
    fn add_labels(&self, args: &mut BTreeMap<String, String>) {
        let empty = BTreeMap::new();
        if let Some(field) = args.get("field").cloned() {
            args.insert("field_label".into(), self.field_label(&field));
        }
        // `kind` is an activity kind in most errors, and a kind of personal data in `personal_data`.
        if let Some(kind) = args.get("kind").map(|kind| format!("kind-{kind}")).filter(|id| self.has(id)) {
            args.insert("kind_label".into(), self.message(&kind, &empty));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::error::ErrorCode;

    fn ids(language: Language) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for (name, source) in language.sources() {
            let resource = FluentResource::try_new((*source).to_string())
                .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(ids.insert(m.id.name.to_string()), "{name}: {} is defined twice", m.id.name);
                }
            }
        }
        ids
    }

    #[test]
    fn the_computers_language_is_nabo_lang_then_the_locale_variables() {
        let check = |vars: &[(&str, &str)], expected: Language| {
            let found = Language::from_variables(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string()));
            assert_eq!(found, expected, "{vars:?}");
        };
        check(&[], Language::Danish);
        check(&[("LANG", "en_GB.UTF-8")], Language::English);
        check(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "da_DK.UTF-8")], Language::Danish);
        check(&[("LC_ALL", "da_DK.UTF-8"), ("NABO_LANG", "en")], Language::English);
        check(&[("NABO_LANG", ""), ("LANG", "en_US")], Language::English);
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let danish = ids(Language::Danish);
        for language in Language::ALL {
            let other = ids(*language);
            let missing: Vec<_> = danish.difference(&other).collect();
            let extra: Vec<_> = other.difference(&danish).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{language:?}: missing {missing:?}, extra {extra:?}");
        }
    }

    #[test]
    fn every_error_code_has_a_message_in_every_language() {
        for language in Language::ALL {
            let l = Localizer::new(*language);
            for code in ErrorCode::ALL {
                assert!(l.has(&format!("error-{}", code.as_str())), "{language:?}: error-{}", code.as_str());
            }
        }
    }

    #[test]
    fn a_gap_error_reads_well_in_both_languages() {
        let err = AppError::from(
            nabo_core::ActivityDraft {
                details: nabo_core::Details { area: Some("Gellerup".into()), ..nabo_core::Details::default() },
                ..nabo_core::ActivityDraft::new(
                    nabo_core::ActivityKind::HomeVisit,
                    "2027-03-28T02:30".parse().expect("parses"),
                    nabo_core::Minutes::new(60).expect("positive"),
                )
            }
            .validate()
            .expect_err("gap"),
        );
        let da = Localizer::new(Language::Danish).error(&err);
        assert_eq!(
            da,
            "Tidspunkt: Kl. 02:30 findes ikke den 2027-03-28. Uret springer fra 02:00 til 03:00 den nat, \
             fordi det bliver sommertid. Vælg et andet tidspunkt."
        );
        let en = Localizer::new(Language::English).error(&err);
        assert!(en.contains("Clocks jump from 02:00 to 03:00"), "{en}");
    }

    #[test]
    fn personal_data_names_field_and_kind_but_not_the_text() {
        let refuse = |field: &str, text: &str| {
            let mut draft = nabo_core::ActivityDraft::new(
                nabo_core::ActivityKind::HomeVisit,
                "2026-12-01T10:00".parse().expect("parses"),
                nabo_core::Minutes::new(60).expect("positive"),
            );
            draft.details.area = Some("Gellerup".into());
            match field {
                "note" => draft.details.note = Some(text.into()),
                _ => draft.details.title = Some(text.into()),
            }
            AppError::from(draft.validate().expect_err("refused"))
        };
        let phone = refuse("note", "ring til Fatima på 22 33 44 55");
        let da = Localizer::new(Language::Danish).error(&phone);
        assert_eq!(
            da.split_whitespace().collect::<Vec<_>>().join(" "),
            "\"Note\" ser ud til at indeholde et telefonnummer eller et andet langt nummer. \
             Skriv det om uden personoplysninger. Intet er gemt."
        );
        let cpr = refuse("title", "cpr 010190-1234");
        let en = Localizer::new(Language::English).error(&cpr);
        assert!(en.starts_with("\"Title\" seems to contain a CPR number."), "{en}");
        for err in [&phone, &cpr] {
            let user = err.to_user_error();
            let shown = format!("{} {:?} {err} {err:?}", serde_json::to_string(&user).expect("json"), user);
            for digits in ["22 33", "44 55", "010190", "1234"] {
                assert!(!shown.contains(digits), "{digits} in {shown}");
            }
        }
    }

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(Language::from_locale("en_GB.UTF-8"), Language::English);
        assert_eq!(Language::from_locale("da_DK.UTF-8"), Language::Danish);
        assert_eq!(Language::from_locale("C.UTF-8"), Language::Danish);
        assert_eq!(Language::from_locale(""), Language::Danish);
    }
}
