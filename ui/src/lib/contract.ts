// Names the UI uses on top of the types generated from Rust in ./bindings. The limits
// are core's, in ./bindings/currentRules.ts (RULES).
import type { ActivityView } from './bindings/ActivityView'
import type { Agenda } from './bindings/Agenda'
import type { DefaultDurations } from './bindings/DefaultDurations'
import type { RoleView } from './bindings/RoleView'
import type { Settings } from './bindings/Settings'
import type { SuggestionField } from './bindings/SuggestionField'
import type { UiLanguage } from './bindings/UiLanguage'

export type { ActivityView, Agenda, DefaultDurations, SuggestionField }

export type Role = RoleView

/** `null` follows the computer's language. */
export type LanguageSetting = UiLanguage | null

export type { Settings }
