// Contract types the UI needs beyond what ts-rs generates correctly today.
// Everything else is imported from ./bindings (generated from Rust).
//
// `Settings` is kept here because the generated one types the minute and day
// counts as `bigint` (ts-rs's default for u64/i64), while the JSON carries
// plain numbers. Once Rust marks them `#[ts(type = "number")]` (or uses u32),
// import Settings from ./bindings and delete it here.
import type { ActivityView } from './bindings/ActivityView'
import type { Agenda } from './bindings/Agenda'
import type { DefaultDurations } from './bindings/DefaultDurations'
import type { Programme } from './bindings/Programme'
import type { RoleView } from './bindings/RoleView'
import type { SuggestionField } from './bindings/SuggestionField'
import type { UiLanguage } from './bindings/UiLanguage'

export type { ActivityView, Agenda, DefaultDurations, SuggestionField }

export type Role = RoleView

/** `null` follows the computer's language. */
export type LanguageSetting = UiLanguage | null

export type Settings = {
  language: LanguageSetting
  role: Role | null
  programme: Programme | null
  durations: DefaultDurations
  /** Minutes needed between two home visits, 0–240. */
  travel_buffer_minutes: number
  /** Minutes before a planned activity to remind, 0 = off, at most 1440. */
  reminder_minutes: number
  /** Hides household labels and notes on screen until revealed. */
  discreet_mode: boolean
  /** Days after a done home visit that a follow-up is suggested, 1–90. */
  follow_up_days: number
  /** The welcome has been completed. */
  onboarded: boolean
}

/** Limits the backend enforces on settings (the UI checks them first). */
export const SETTING_LIMITS = {
  duration: { min: 5, max: 720 },
  travel_buffer_minutes: { min: 0, max: 240 },
  reminder_minutes: { min: 0, max: 1440 },
  follow_up_days: { min: 1, max: 90 },
} as const
