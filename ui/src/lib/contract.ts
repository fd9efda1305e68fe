// Types of the Issue 4 backend contract that ts-rs has not generated yet.
// When the generated versions land in ./bindings, import them from there and
// delete the matching type here. Field names are the JSON (snake_case) ones.
import type { ActivityKind } from './bindings/ActivityKind'
import type { ActivityView as GeneratedActivityView } from './bindings/ActivityView'
import type { Programme } from './bindings/Programme'

/** An activity as listed; `example` marks example data loaded at first start. */
export type ActivityView = GeneratedActivityView & { example: boolean }

/** Default length in minutes (5–720) of each kind of activity. */
export type DefaultDurations = Record<ActivityKind, number>

export type Role = 'volunteer' | 'coordinator'

/** `null` follows the computer's language. */
export type LanguageSetting = 'da' | 'en' | null

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

/** The start screen: planned activities that ended unmarked, and the coming week. */
export type Agenda = { overdue: ActivityView[]; upcoming: ActivityView[] }

/** Fields that offer what was typed before. */
export type SuggestionField = 'area' | 'venue' | 'theme' | 'household'

/** Limits the backend enforces on settings (the UI checks them first). */
export const SETTING_LIMITS = {
  duration: { min: 5, max: 720 },
  travel_buffer_minutes: { min: 0, max: 240 },
  reminder_minutes: { min: 0, max: 1440 },
  follow_up_days: { min: 1, max: 90 },
} as const
