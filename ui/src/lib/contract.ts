// Names and limits the UI uses on top of the types generated from Rust in ./bindings.
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

/** Limits the backend enforces on settings (the UI checks them first). */
export const SETTING_LIMITS = {
  duration: { min: 5, max: 720 },
  travel_buffer_minutes: { min: 0, max: 240 },
  reminder_minutes: { min: 0, max: 1440 },
  follow_up_days: { min: 1, max: 90 },
} as const
