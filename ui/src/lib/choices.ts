// The choices of Settings and the welcome screen, with their words, for ChoiceGroup.
// Call these in a template: the labels follow the language.
import type { Detail, Programme } from './backend'
import type { LanguageSetting, Role } from './contract'
import { t } from './i18n.svelte'

export type Choice<T> = { value: T; id: string; label: string }

export function languageChoices(): Choice<LanguageSetting>[] {
  return [
    { value: 'da', id: 'da', label: t('settings-language-da') },
    { value: 'en', id: 'en', label: t('settings-language-en') },
    // Follow the computer's language.
    { value: null, id: 'os', label: t('settings-language-os') },
  ]
}

// Every role the Rust `RoleView` has, in the order shown: a role added there fails the type check here.
const ROLES = Object.keys({ volunteer: true, coordinator: true, both: true } satisfies Record<Role, true>) as Role[]

export function roleChoices(): Choice<Role>[] {
  return ROLES.map((role) => ({ value: role, id: role, label: t(`role-${role}`) }))
}

export function programmeChoices(): Choice<Programme>[] {
  return (['bydelsmoedre', 'baba'] as const).map((programme) => ({ value: programme, id: programme, label: t(`programme-${programme}`) }))
}

export function detailChoices(): Choice<Detail>[] {
  return (['discreet', 'full'] as const).map((detail) => ({ value: detail, id: detail, label: t(`calfile-detail-${detail}`) }))
}
