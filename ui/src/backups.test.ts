// Backups, restore and "Erase everything" in the window (issue 14, parts 3 and 7): Settings ›
// Sikkerhedskopier (the folder, how often, how many, back up now or to a file, the backups
// newest first, restore only after asking), Settings › Slet alt (only once the word is
// typed, then nothing but what was removed), and the damaged database at start (a banner
// offering the newest backup, also when the start failed). On the fake backend.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

// Outside Tauri every command fails, as in the other component tests (the exchange's).
const invoke = vi.hoisted(() =>
  vi.fn<(command: string, args?: Record<string, unknown>) => Promise<unknown>>(async () => {
    throw new Error('no Tauri here')
  }),
)
vi.mock('@tauri-apps/api/core', () => ({ invoke }))
// A restore starts the window again; here only whether it would is seen.
vi.mock('./lib/backups.svelte', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./lib/backups.svelte')>()),
  restartWindow: vi.fn(),
}))

import App from './App.svelte'
import { tauriBackend, UserError } from './lib/backend'
import { erasure, restartWindow } from './lib/backups.svelte'
import { setLanguage } from './lib/i18n.svelte'
import { violations } from './test/axe'
import { fakeBackend, type FakeBackend } from './test/fakeBackend'

type User = ReturnType<typeof userEvent.setup>

// Beside the fake's database (/tmp/nabo-test.db), given in no particular order.
const BACKUPS = [
  { path: '/tmp/backups/nabo-backup-20261118-180000.nabo', made: '2026-11-18T18:00:00+00:00', bytes: 110_592 },
  { path: '/tmp/backups/nabo-backup-20261201-180000.nabo', made: '2026-12-01T18:00:00+00:00', bytes: 118_784 },
  { path: '/tmp/backups/nabo-backup-20261125-180000.nabo', made: '2026-11-25T18:00:00+00:00', bytes: 114_688 },
]

async function openSettings(backend: FakeBackend): Promise<User> {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  await user.click(screen.getByTestId('nav-settings'))
  await screen.findByTestId('backups-folder')
  return user
}

const section = () => within(screen.getByTestId('backups'))

afterEach(() => {
  setLanguage('da')
  erasure.report = null
  vi.mocked(restartWindow).mockClear()
})

describe('Settings › Sikkerhedskopier', () => {
  it('shows the folder, the last backup and the backups newest first, in the user’s language', async () => {
    await openSettings(fakeBackend({ backups: BACKUPS }))
    expect(section().getByTestId('backups-folder')).toHaveTextContent('/tmp/backups (standardmappen ved siden af databasen)')
    // 18:00 UTC is 19:00 in Copenhagen.
    expect(section().getByTestId('backups-last')).toHaveTextContent('tirsdag den 1. december 2026 kl. 19:00')
    expect(section().getAllByTestId('backup-when').map((line) => line.textContent)).toEqual([
      'tirsdag den 1. december 2026 kl. 19:00',
      'onsdag den 25. november 2026 kl. 19:00',
      'onsdag den 18. november 2026 kl. 19:00',
    ])
    expect(section().getAllByTestId('backup-item')[0]).toHaveTextContent(/119\s?kB · nabo-backup-20261201-180000\.nabo/)
    expect(section().getByLabelText('Hvor tit')).toHaveValue('7')
    expect(section().getByLabelText('Hvor mange der gemmes')).toHaveValue(8)
    expect(await violations()).toEqual([])
  })

  it('says so when there is no backup yet, and makes one now', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    expect(section().getByTestId('backups-empty')).toHaveTextContent('Der er ingen sikkerhedskopier i mappen endnu.')
    expect(section().getByTestId('backups-last')).toHaveTextContent('Ingen endnu')
    await user.click(section().getByRole('button', { name: 'Tag en sikkerhedskopi nu' }))
    expect(backend.backupNow).toHaveBeenCalledTimes(1)
    expect(await section().findByTestId('backups-status')).toHaveTextContent(/Sikkerhedskopien nabo-backup-20261202-\d{6}\.nabo er lavet\./)
    expect(section().getAllByTestId('backup-item')).toHaveLength(1)
  })

  it('saves how often with its days, and keeps a stored interval that is none of the choices', async () => {
    const backend = fakeBackend({ backups: BACKUPS })
    await backend.setBackupSettings({ folder: null, every_days: 10, keep: 8 })
    backend.setBackupSettings.mockClear()
    const user = await openSettings(backend)
    const every = section().getByLabelText('Hvor tit')
    expect(every).toHaveValue('10')
    expect(within(every).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Aldrig (kun når du selv tager en)',
      'Hver dag',
      'Hver uge',
      'Hver 10. dag',
      'Hver anden uge',
      'Hver måned',
    ])
    await user.selectOptions(every, 'Hver anden uge')
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenCalledWith({ folder: null, every_days: 14, keep: 8 }))
    expect(await section().findByTestId('backups-status')).toHaveTextContent('Nabo tager nu en sikkerhedskopi hver anden uge, når Nabo er åben.')
    await user.selectOptions(every, 'Aldrig (kun når du selv tager en)')
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenLastCalledWith({ folder: null, every_days: 0, keep: 8 }))
    await user.selectOptions(every, 'Hver måned')
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenLastCalledWith({ folder: null, every_days: 30, keep: 8 }))
  })

  it('saves how many are kept, and refuses a number out of range next to the field', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    const keep = section().getByLabelText('Hvor mange der gemmes')
    await user.clear(keep)
    await user.type(keep, '0')
    await user.tab()
    expect(backend.setBackupSettings).not.toHaveBeenCalled()
    expect(keep).toHaveAttribute('aria-invalid', 'true')
    expect(keep).toHaveAccessibleDescription('Skriv et helt tal fra 1 til 100.')
    await user.clear(keep)
    await user.type(keep, '12')
    await user.tab()
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenCalledWith({ folder: null, every_days: 7, keep: 12 }))
    expect(await section().findByTestId('backups-status')).toHaveTextContent('Nabo gemmer nu de 12 nyeste sikkerhedskopier.')
  })

  it('chooses a folder with the system dialog, and goes back to the default one', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    await user.click(section().getByRole('button', { name: 'Vælg mappe…' }))
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenCalledWith({ folder: '/media/amina/USB/Nabo', every_days: 7, keep: 8 }))
    expect(await section().findByTestId('backups-folder')).toHaveTextContent(/^\/media\/amina\/USB\/Nabo$/)
    await user.click(section().getByRole('button', { name: 'Brug standardmappen' }))
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenLastCalledWith({ folder: null, every_days: 7, keep: 8 }))
    expect(section().getByTestId('backups-folder')).toHaveTextContent('/tmp/backups (standardmappen')
  })

  it('shows a refusal of the backend in words', async () => {
    const backend = fakeBackend()
    backend.chooseBackupFolder.mockResolvedValueOnce('/media/amina/NOSTICK')
    backend.setBackupSettings.mockRejectedValueOnce(new UserError('unusable_target', null, { path: '/media/amina/NOSTICK', reason: 'no_folder' }))
    const user = await openSettings(backend)
    await user.click(section().getByRole('button', { name: 'Vælg mappe…' }))
    expect(await section().findByTestId('backups-error')).toHaveTextContent('/media/amina/NOSTICK')
    expect(section().getByTestId('backups-folder')).toHaveTextContent('/tmp/backups')
  })

  it('saves a backup to a file chosen in the save dialog', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    await user.click(section().getByRole('button', { name: 'Gem en sikkerhedskopi som…' }))
    expect(backend.chooseBackupSaveFile).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(backend.backupTo).toHaveBeenCalledWith('/media/amina/USB/nabo-kopi.nabo'))
    expect(await section().findByTestId('backups-status')).toHaveTextContent('Sikkerhedskopien er gemt i /media/amina/USB/nabo-kopi.nabo.')
  })

  it('asks before a restore, says what it replaces, and restores only after “Gå tilbage”', async () => {
    const backend = fakeBackend({ backups: BACKUPS })
    const user = await openSettings(backend)
    const second = section().getAllByTestId('backup-item')[1]
    await user.click(within(second).getByRole('button', { name: 'Gå tilbage til denne…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Gå tilbage til en sikkerhedskopi?' })
    expect(within(dialog).getByTestId('restore-explain')).toHaveTextContent(
      'Dine data nu bliver erstattet af sikkerhedskopien fra onsdag den 25. november 2026 kl. 19:00.',
    )
    expect(within(dialog).getByTestId('restore-copy-kept')).toHaveTextContent('Først gemmer Nabo en kopi af dine data, som de er nu')
    // The safe answer has the focus.
    expect(within(dialog).getByRole('button', { name: 'Annuller' })).toHaveFocus()
    expect(await violations()).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Annuller' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(backend.restoreBackup).not.toHaveBeenCalled()
    await waitFor(() => expect(within(second).getByRole('button', { name: 'Gå tilbage til denne…' })).toHaveFocus())

    await user.click(within(second).getByRole('button', { name: 'Gå tilbage til denne…' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(backend.restoreBackup).not.toHaveBeenCalled()

    await user.click(within(second).getByRole('button', { name: 'Gå tilbage til denne…' }))
    await user.click(screen.getByRole('button', { name: 'Gå tilbage til sikkerhedskopien' }))
    await waitFor(() => expect(restartWindow).toHaveBeenCalledTimes(1))
    expect(backend.restoreBackup).toHaveBeenCalledExactlyOnceWith('/tmp/backups/nabo-backup-20261125-180000.nabo')
    expect(screen.getByTestId('restore-status')).toHaveTextContent('Nabo starter forfra')
  })

  it('keeps the dialog open with the reason when the backup is refused', async () => {
    const backend = fakeBackend({ backups: BACKUPS })
    backend.restoreBackup.mockRejectedValueOnce(new UserError('backup_damaged', null, { path: BACKUPS[1].path, problems: 'page 3' }))
    const user = await openSettings(backend)
    await user.click(section().getAllByRole('button', { name: 'Gå tilbage til denne…' })[0])
    await user.click(screen.getByRole('button', { name: 'Gå tilbage til sikkerhedskopien' }))
    expect(await screen.findByTestId('restore-error')).toHaveTextContent('er beskadiget (page 3). Intet er ændret')
    expect(restartWindow).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('restores from a backup file chosen in the open dialog, after asking', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    await user.click(section().getByRole('button', { name: 'Gå tilbage til en sikkerhedskopi fra en fil…' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByTestId('restore-explain')).toHaveTextContent(
      'Dine data nu bliver erstattet af sikkerhedskopien i filen nabo-backup-20261120-080000.nabo.',
    )
    expect(backend.restoreBackup).not.toHaveBeenCalled()
    await user.click(within(dialog).getByRole('button', { name: 'Gå tilbage til sikkerhedskopien' }))
    await waitFor(() => expect(backend.restoreBackup).toHaveBeenCalledWith('/home/amina/Hentet/nabo-backup-20261120-080000.nabo'))
    expect(restartWindow).toHaveBeenCalled()
  })

  it('speaks English', async () => {
    const backend = fakeBackend({ language: 'en', backups: BACKUPS })
    const user = await openSettings(backend)
    expect(section().getAllByTestId('backup-when')[0]).toHaveTextContent('Tuesday, 1 December 2026 at 19:00')
    await user.selectOptions(section().getByLabelText('How often'), 'Every 2 weeks')
    await waitFor(() => expect(backend.setBackupSettings).toHaveBeenCalledWith({ folder: null, every_days: 14, keep: 8 }))
    await user.click(section().getAllByRole('button', { name: 'Go back to this one…' })[0])
    expect(screen.getByTestId('restore-explain')).toHaveTextContent('Your data now is replaced by the backup from Tuesday, 1 December 2026 at 19:00.')
    expect(screen.getByTestId('restore-copy-kept')).toHaveTextContent('First Nabo keeps a copy of your data as it is now')
  })
})

describe('Settings › Slet alt', () => {
  it('says what goes, works only once SLET is typed, then shows only what was removed', async () => {
    const backend = fakeBackend({ backups: BACKUPS, settings: { live_calendar_path: '/home/amina/Sync/nabo.ics' } })
    const user = await openSettings(backend)
    const zone = within(screen.getByTestId('erase'))
    await user.click(zone.getByRole('button', { name: 'Slet alt…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Slet alt?' })
    const what = within(dialog).getByTestId('erase-what')
    await waitFor(() => expect(what).toHaveTextContent('/tmp/nabo-test.db'))
    expect(what).toHaveTextContent('Databasen med alle dine planer, aftaler og tal')
    expect(what).toHaveTextContent('Databasens nøgle i nøgleringen')
    expect(what).toHaveTextContent('Sikkerhedskopierne, Nabo har lavet')
    expect(what).toHaveTextContent('/tmp/backups')
    expect(what).toHaveTextContent(/Den levende kalenderfil\s*\/home\/amina\/Sync\/nabo\.ics/)
    expect(await violations()).toEqual([])

    const yes = within(dialog).getByRole('button', { name: 'Slet alt' })
    const word = within(dialog).getByLabelText('Skriv SLET for at bekræfte')
    expect(yes).toBeDisabled()
    await user.type(word, 'SLE')
    expect(yes).toBeDisabled()
    await user.type(word, '{Enter}')
    expect(backend.eraseEverything).not.toHaveBeenCalled()
    await user.type(word, 't')
    expect(yes).toBeEnabled()
    await user.click(yes)

    const erased = await screen.findByTestId('erased-screen')
    expect(backend.eraseEverything).toHaveBeenCalledTimes(1)
    expect(within(erased).getByRole('heading', { level: 1 })).toHaveTextContent('Alt er slettet')
    expect(within(erased).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '/tmp/nabo-test.db',
      '/tmp/backups/nabo-backup-20261201-180000.nabo',
      '/tmp/backups/nabo-backup-20261125-180000.nabo',
      '/tmp/backups/nabo-backup-20261118-180000.nabo',
      '/home/amina/Sync/nabo.ics',
    ])
    expect(within(erased).getByTestId('erased-key')).toHaveTextContent('Databasens nøgle er fjernet fra nøgleringen.')
    // Nothing else of the window is left.
    expect(screen.queryByTestId('nav-settings')).toBeNull()
    expect(screen.queryByTestId('backups')).toBeNull()
    expect(await violations()).toEqual([])
    await user.click(within(erased).getByRole('button', { name: 'Luk Nabo' }))
    expect(backend.closeApp).toHaveBeenCalledTimes(1)
  })

  it('can be cancelled, and names what could not be removed', async () => {
    const backend = fakeBackend()
    backend.eraseEverything.mockResolvedValueOnce({
      files: ['/tmp/nabo-test.db'],
      key_store_entry: false,
      failed: [['/media/amina/USB/nabo-backup-20261101-180000.nabo', 'read-only file system']],
    })
    const user = await openSettings(backend)
    await user.click(screen.getByRole('button', { name: 'Slet alt…' }))
    await user.click(screen.getByRole('button', { name: 'Annuller' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Slet alt…' })).toHaveFocus())
    await user.click(screen.getByRole('button', { name: 'Slet alt…' }))
    // The word typed before is gone.
    expect(screen.getByLabelText('Skriv SLET for at bekræfte')).toHaveValue('')
    await user.type(screen.getByLabelText('Skriv SLET for at bekræfte'), 'slet')
    await user.click(screen.getByRole('button', { name: 'Slet alt' }))
    const failed = await screen.findByTestId('erased-failed')
    expect(failed).toHaveTextContent('/media/amina/USB/nabo-backup-20261101-180000.nabo — read-only file system')
    expect(screen.queryByTestId('erased-key')).toBeNull()
  })

  it('asks for ERASE in English', async () => {
    const backend = fakeBackend({ language: 'en' })
    const user = await openSettings(backend)
    await user.click(screen.getByRole('button', { name: 'Erase everything…' }))
    const yes = screen.getByRole('button', { name: 'Erase everything' })
    await user.type(screen.getByLabelText('Type ERASE to confirm'), 'SLET')
    expect(yes).toBeDisabled()
    await user.clear(screen.getByLabelText('Type ERASE to confirm'))
    await user.type(screen.getByLabelText('Type ERASE to confirm'), 'ERASE')
    await user.click(yes)
    expect(await screen.findByRole('heading', { name: 'Everything is erased' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Close Nabo' })).toBeInTheDocument()
  })
})

describe('a damaged database at start', () => {
  it('shows a banner over the screen that offers the newest backup, after asking', async () => {
    const backend = fakeBackend({ damaged: true, backups: BACKUPS })
    const user = userEvent.setup()
    render(App, { props: { backend } })
    const banner = await screen.findByTestId('damaged-banner')
    expect(banner).toHaveTextContent('Databasen er beskadiget. Nabo viser det, den kan, men gemmer ikke noget.')
    expect(await within(banner).findByTestId('damaged-newest')).toHaveTextContent(
      'Gå tilbage til den nyeste sikkerhedskopi fra tirsdag den 1. december 2026 kl. 19:00.',
    )
    // What can be read is shown under it.
    expect(await screen.findByTestId('today-screen')).toBeInTheDocument()
    expect(await violations()).toEqual([])
    await user.click(within(banner).getByRole('button', { name: 'Gå tilbage…' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByTestId('restore-damaged-copy')).toHaveTextContent('kopiér filen /tmp/nabo-test.db først')
    expect(backend.restoreBackup).not.toHaveBeenCalled()
    await user.click(within(dialog).getByRole('button', { name: 'Gå tilbage til sikkerhedskopien' }))
    await waitFor(() => expect(backend.restoreBackup).toHaveBeenCalledWith('/tmp/backups/nabo-backup-20261201-180000.nabo'))
    expect(restartWindow).toHaveBeenCalled()
  })

  it('says to copy the file and ask the coordinator when there is no backup', async () => {
    render(App, { props: { backend: fakeBackend({ damaged: true, language: 'en' }) } })
    expect(await screen.findByTestId('damaged-no-backup')).toHaveTextContent(
      'There is no backup to go back to. Make a copy of the database file /tmp/nabo-test.db (e.g. on a USB stick), and contact your coordinator.',
    )
    expect(screen.getByTestId('damaged-banner')).toHaveTextContent('The database is damaged. Nabo shows what it can, but saves nothing.')
    expect(screen.queryByRole('button', { name: 'Restore…' })).toBeNull()
  })

  it('shows no banner for a sound database', async () => {
    render(App, { props: { backend: fakeBackend({ backups: BACKUPS }) } })
    await screen.findByTestId('today-screen')
    expect(screen.queryByTestId('damaged-banner')).toBeNull()
  })

  it('offers the newest backup also when the start failed for the damage', async () => {
    const backend = fakeBackend({ backups: BACKUPS })
    backend.getSettings.mockRejectedValue(new UserError('database_damaged', null, {}))
    const user = userEvent.setup()
    render(App, { props: { backend } })
    expect(await screen.findByText(/Nabo kunne ikke starte\. Databasen er beskadiget\./)).toBeInTheDocument()
    const banner = await screen.findByTestId('damaged-banner')
    await within(banner).findByTestId('damaged-newest')
    await user.click(within(banner).getByRole('button', { name: 'Gå tilbage…' }))
    expect(screen.getByTestId('restore-damaged-copy')).toHaveTextContent('/tmp/nabo-test.db')
    await user.click(screen.getByRole('button', { name: 'Gå tilbage til sikkerhedskopien' }))
    await waitFor(() => expect(backend.restoreBackup).toHaveBeenCalledWith('/tmp/backups/nabo-backup-20261201-180000.nabo'))
    expect(restartWindow).toHaveBeenCalled()
  })
})

describe('the desktop commands', () => {
  it('are called by the Rust names with their arguments', async () => {
    invoke.mockClear()
    invoke.mockImplementation(async () => null)
    await tauriBackend.backupStatus()
    await tauriBackend.setBackupSettings({ folder: null, every_days: 14, keep: 8 })
    await tauriBackend.backupNow()
    await tauriBackend.backupTo('/media/usb/kopi.nabo')
    await tauriBackend.restoreBackup('/media/usb/kopi.nabo')
    await tauriBackend.startupBackups()
    await tauriBackend.eraseEverything()
    await tauriBackend.closeApp()
    expect(invoke.mock.calls).toEqual([
      ['backup_status', {}],
      ['set_backup_settings', { settings: { folder: null, every_days: 14, keep: 8 } }],
      ['backup_now', {}],
      ['backup_to', { path: '/media/usb/kopi.nabo' }],
      ['restore_backup', { path: '/media/usb/kopi.nabo' }],
      ['startup_backups', {}],
      ['erase_everything', {}],
      ['close_app', {}],
    ])
  })
})
