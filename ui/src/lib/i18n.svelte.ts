// Translations (Fluent). Dates and times are formatted in ./format.ts. Danish is the default;
// English is complete. Messages come from ../i18n/<lang>/ui.ftl (this UI)
// and ../i18n/<lang>/errors.ftl (the backend's error codes, shared with the CLI).
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle'
import daErrors from '../../../i18n/da/errors.ftl?raw'
import daUi from '../../../i18n/da/ui.ftl?raw'
import enErrors from '../../../i18n/en/errors.ftl?raw'
import enUi from '../../../i18n/en/ui.ftl?raw'
import type { UserError } from './backend'

export type Language = 'da' | 'en'
export type MessageArgs = Record<string, FluentVariable>

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' }

function makeBundle(language: Language, sources: string[]): FluentBundle {
  const bundle = new FluentBundle(LOCALES[language], { useIsolating: false })
  for (const source of sources) {
    const errors = bundle.addResource(new FluentResource(source))
    if (errors.length > 0 && import.meta.env.DEV) console.error(`Fluent (${language}):`, errors)
  }
  return bundle
}

// A language's messages are parsed when it is first used (most windows only ever need one).
const SOURCES: Record<Language, string[]> = { da: [daUi, daErrors], en: [enUi, enErrors] }
const parsed: Partial<Record<Language, FluentBundle>> = {}

function bundleOf(language: Language): FluentBundle {
  parsed[language] ??= makeBundle(language, SOURCES[language])
  return parsed[language]
}

// Reactive: every `t()` in a template re-renders when the language changes,
// so switching language in Settings changes the whole window at once.
const state = $state<{ language: Language }>({ language: 'da' })

/** Picks the language from `AppInfo.language`; anything but "en" means Danish. */
export function setLanguage(language: string | null | undefined): Language {
  const chosen: Language = language?.toLowerCase().startsWith('en') ? 'en' : 'da'
  state.language = chosen
  if (typeof document !== 'undefined') document.documentElement.lang = chosen
  return chosen
}

export function language(): Language {
  return state.language
}

export function locale(): string {
  return LOCALES[state.language]
}

export function hasMessage(key: string): boolean {
  return bundleOf(state.language).getMessage(key)?.value != null
}

/** The message `key` in the current language; the key itself when missing. */
export function t(key: string, args?: MessageArgs): string {
  const current = state.language
  const bundle = bundleOf(current)
  const message = bundle.getMessage(key)
  if (!message?.value) {
    if (import.meta.env.DEV) console.warn(`Missing message: ${key} (${current})`)
    return key
  }
  const errors: Error[] = []
  const text = bundle.formatPattern(message.value, args ?? null, errors)
  if (errors.length > 0 && import.meta.env.DEV) console.warn(`Fluent errors in ${key}:`, errors)
  return text
}

/**
 * A message kept as its key and arguments instead of as text, for what stays on
 * screen while the language may change (a toast): `render` it where it is shown.
 * An argument may itself be a message (e.g. the word for a status).
 */
export type Message = { key: string; args?: Record<string, FluentVariable | Message> }

/** The message in the current language (reactive in a template, like `t`). */
export function render(message: Message): string {
  if (!message.args) return t(message.key)
  const args: MessageArgs = {}
  for (const [name, value] of Object.entries(message.args)) {
    args[name] = isMessage(value) ? render(value) : value
  }
  return t(message.key, args)
}

function isMessage(value: FluentVariable | Message): value is Message {
  return typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string'
}

/** The label of a field named by the backend (`start`, `area`, …). */
export function fieldLabel(field: string): string {
  const key = `field-${field}`
  if (hasMessage(key)) return t(key)
  // A kind's default duration (`durations.home_visit`): "Varighed (Hjemmebesøg)", as the Rust Localizer says it.
  const kind = field.startsWith('durations.') ? `kind-${field.slice('durations.'.length)}` : null
  return kind && hasMessage(kind) ? `${t('field-duration')} (${t(kind)})` : field
}

/**
 * A backend refusal in plain words. Like the Rust `Localizer`: the error's
 * args, whole numbers as numbers (for plurals), plus `field_label` and
 * `kind_label` translated from the `field` and `kind` args.
 */
export function errorMessage(error: UserError): string {
  const key = `error-${error.code}`
  if (!hasMessage(key)) return t('something-went-wrong')
  return t(key, backendArgs({ field: error.field ?? undefined, ...error.args }))
}

/** An event an import left out (`skipped-<code>`), else the refusal's own words. */
export function skippedMessage(error: { code: string; field: string | null; args: Record<string, string | undefined> }): string {
  const key = hasMessage(`skipped-${error.code}`) ? `skipped-${error.code}` : `error-${error.code}`
  if (!hasMessage(key)) return t('something-went-wrong')
  return t(key, backendArgs({ field: error.field ?? undefined, ...error.args }))
}

/** A notice from the backend (`notice-<code>`); `null` when this UI has no words for it. */
export function noticeMessage(notice: { code: string; args: Record<string, string | undefined> }): string | null {
  const key = `notice-${notice.code}`
  return hasMessage(key) ? t(key, backendArgs(notice.args)) : null
}

function backendArgs(raw: Record<string, string | undefined>): MessageArgs {
  const args: MessageArgs = {}
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue
    args[name] = /^(0|-?[1-9]\d*)$/.test(value) ? Number(value) : value
  }
  if (typeof raw.field === 'string') args.field_label = fieldLabel(raw.field)
  if (typeof raw.kind === 'string') args.kind_label = hasMessage(`kind-${raw.kind}`) ? t(`kind-${raw.kind}`) : raw.kind
  return args
}
