// Backups, restore and "Erase everything" in the window (issue 14): what the settings'
// sections (settings/BackupSection, settings/EraseSection), the restore dialog
// (dialogs/RestoreDialog) and the damaged banner (components/DamagedBanner) share.
import type { BackupView, EraseReport } from './backend'
import { copenhagenDate } from './dates'
import { formatLongDate, formatTime } from './format'
import { locale, t } from './i18n.svelte'

/** The choices of "Hvor tit": days between two automatic backups (0 = none). */
export const BACKUP_INTERVALS = [0, 1, 7, 14, 30] as const

/** The words of an interval: a choice's own ("Hver uge"), or "Hver 10. dag" for another stored value. */
export function intervalLabel(days: number): string {
  return (BACKUP_INTERVALS as readonly number[]).includes(days) ? t(`backups-every-${days}`) : t('backups-every-other', { days })
}

/** When a backup was made, on the Copenhagen wall clock: "onsdag 2. december 2026 kl. 19:00". */
export function formatBackupTime(made: string): string {
  return t('when-start', { day: formatLongDate(copenhagenDate(made)), time: formatTime(made) })
}

/** A file's size in the user's language: "96 kB", "1,2 MB". */
export function formatBytes(bytes: number): string {
  const mega = bytes >= 1_000_000
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(Math.max(mega ? bytes / 1_000_000 : bytes / 1_000, mega ? 0 : 1))
}

/** The backups newest first (as the backend gives them; sorted again so that a list never misleads). */
export function newestFirst(backups: readonly BackupView[]): BackupView[] {
  return [...backups].sort((x, y) => Date.parse(y.made) - Date.parse(x.made))
}

/**
 * What "Slet alt" removed, once it has: the window then shows only that (App.svelte), and
 * nothing of it runs on (reminders, the lock's timer). Kept in a module, like the notices,
 * so that the section deep in Settings can hand it to the frame.
 */
export const erasure = $state<{ report: EraseReport | null }>({ report: null })

/**
 * Starts the window again from the beginning, after a restore replaced the database: every
 * screen then reads the restored data. A module function so that tests can replace it.
 */
export function restartWindow(): void {
  location.reload()
}
