// Settings → "Kalender-fil": saving an .ics file once, and the live calendar file.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { setLanguage } from './lib/i18n.svelte'
import { activity, fakeBackend, type FakeBackend } from './test/fakeBackend'

const ACTIVITIES = [
  activity({ id: 1, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' }),
  activity({ id: 2, start: '2026-12-03T10:00:00+01:00', end: '2026-12-03T11:00:00+01:00' }),
]

async function openSettings(backend: FakeBackend) {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  await user.click(screen.getByTestId('nav-settings'))
  await screen.findByTestId('calendar-file')
  return user
}

const exportBlock = () => within(screen.getByTestId('export-ics'))
const liveBlock = () => within(screen.getByTestId('live-calendar'))

afterEach(() => setLanguage('da'))

describe('saving a calendar file', () => {
  it('is discreet by default, says what the file holds, and reports how many were saved where', async () => {
    const backend = fakeBackend({ activities: ACTIVITIES })
    const user = await openSettings(backend)
    expect(exportBlock().getByRole('radio', { name: /Kun det nødvendige/ })).toBeChecked()
    expect(screen.getByTestId('export-detail-explain')).toHaveTextContent('Filen viser kun tidspunkt, slags aftale, tema og område')
    expect(exportBlock().getByLabelText('Påmindelse i kalenderen')).toHaveValue('none')
    await user.click(screen.getByTestId('export-ics-button'))
    expect(backend.chooseSaveFile).toHaveBeenCalledTimes(1)
    expect(backend.exportIcs).toHaveBeenCalledWith('/home/amina/Sync/nabo.ics', 'discreet', null)
    expect(await screen.findByTestId('export-status')).toHaveTextContent('2 aftaler gemt i /home/amina/Sync/nabo.ics.')
  })

  it('sends full detail and a reminder when chosen', async () => {
    const backend = fakeBackend({ activities: ACTIVITIES })
    backend.exportIcs.mockResolvedValueOnce(1)
    const user = await openSettings(backend)
    await user.click(exportBlock().getByRole('radio', { name: 'Alle detaljer' }))
    expect(screen.getByTestId('export-detail-explain')).toHaveTextContent('Noter kommer aldrig med')
    await user.selectOptions(exportBlock().getByLabelText('Påmindelse i kalenderen'), '1 time før')
    await user.click(screen.getByTestId('export-ics-button'))
    expect(backend.exportIcs).toHaveBeenCalledWith('/home/amina/Sync/nabo.ics', 'full', 60)
    expect(await screen.findByTestId('export-status')).toHaveTextContent('Én aftale gemt i /home/amina/Sync/nabo.ics.')
  })

  it('does nothing when the dialog is cancelled', async () => {
    const backend = fakeBackend()
    backend.chooseSaveFile.mockResolvedValueOnce(null)
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('export-ics-button'))
    await waitFor(() => expect(screen.getByTestId('export-ics-button')).toBeEnabled())
    expect(backend.exportIcs).not.toHaveBeenCalled()
    expect(screen.queryByTestId('export-status')).not.toBeInTheDocument()
    expect(screen.queryByTestId('field-error')).not.toBeInTheDocument()
  })

  it('shows a refusal in words next to the button', async () => {
    const backend = fakeBackend()
    backend.exportIcs.mockRejectedValueOnce(new UserError('write_failed', 'path', { path: '/mnt/usb/nabo.ics', detail: 'Ingen adgang' }))
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('export-ics-button'))
    const error = await screen.findByTestId('field-error')
    expect(error).toHaveTextContent('Filen /mnt/usb/nabo.ics kunne ikke gemmes: Ingen adgang')
    expect(screen.getByTestId('export-ics-button')).toHaveAccessibleDescription(/kunne ikke gemmes/)
  })

  it('speaks English', async () => {
    const backend = fakeBackend({ language: 'en', activities: ACTIVITIES })
    const user = await openSettings(backend)
    expect(screen.getByTestId('export-detail-explain')).toHaveTextContent('never households, titles or notes')
    await user.click(screen.getByRole('button', { name: 'Save calendar file …' }))
    expect(await screen.findByTestId('export-status')).toHaveTextContent('2 appointments saved in /home/amina/Sync/nabo.ics.')
  })
})

describe('the live calendar file', () => {
  it('chooses a file, shows it, changes the detail and stops', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    expect(screen.getByTestId('live-calendar-path')).toHaveTextContent('Ingen fil valgt.')
    expect(screen.queryByTestId('live-calendar-stop')).not.toBeInTheDocument()

    await user.click(screen.getByTestId('live-calendar-choose'))
    await waitFor(() =>
      expect(backend.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ live_calendar_path: '/home/amina/Sync/nabo.ics', live_calendar_detail: 'discreet', programme: 'bydelsmoedre' }),
      ),
    )
    expect(await screen.findByTestId('live-calendar-status')).toHaveTextContent('Nabo holder nu filen opdateret.')
    expect(screen.getByTestId('live-calendar-path')).toHaveTextContent('/home/amina/Sync/nabo.ics')
    expect(screen.getByTestId('live-calendar-choose')).toHaveTextContent('Vælg en anden fil')

    await user.click(liveBlock().getByRole('radio', { name: 'Alle detaljer' }))
    await waitFor(() =>
      expect(backend.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ live_calendar_path: '/home/amina/Sync/nabo.ics', live_calendar_detail: 'full' }),
      ),
    )
    expect(screen.getByTestId('live-detail-explain')).toHaveTextContent('Noter kommer aldrig med')

    await user.click(screen.getByTestId('live-calendar-stop'))
    await waitFor(() => expect(backend.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ live_calendar_path: null })))
    expect(await screen.findByText('Nabo opdaterer ikke længere filen.')).toBeInTheDocument()
    expect(screen.getByTestId('live-calendar-path')).toHaveTextContent('Ingen fil valgt.')
  })

  it('shows a file that is already set', async () => {
    const backend = fakeBackend({ settings: { live_calendar_path: '/home/amina/Sync/kalender.ics', live_calendar_detail: 'full' } })
    await openSettings(backend)
    expect(screen.getByTestId('live-calendar-path')).toHaveTextContent('/home/amina/Sync/kalender.ics')
    expect(liveBlock().getByRole('radio', { name: 'Alle detaljer' })).toBeChecked()
    expect(screen.getByTestId('live-calendar-stop')).toBeInTheDocument()
  })

  it('shows a refused file next to the field and keeps the old one', async () => {
    const backend = fakeBackend()
    backend.chooseSaveFile.mockResolvedValueOnce('/home/amina/Sync/nabo.txt')
    backend.saveSettings.mockRejectedValueOnce(
      new UserError('invalid_live_calendar', 'live_calendar_path', { path: '/home/amina/Sync/nabo.txt', reason: 'not_ics' }),
    )
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('live-calendar-choose'))
    const error = await liveBlock().findByTestId('field-error')
    expect(error.dataset.field).toBe('live_calendar_path')
    expect(error).toHaveTextContent('Filen skal ende på .ics.')
    expect(screen.getByTestId('live-calendar-path')).toHaveTextContent('Ingen fil valgt.')
    expect(screen.getByTestId('live-calendar-choose')).toHaveAccessibleDescription(error.textContent!.trim())
  })
})

describe('the live calendar file and the rest of Settings', () => {
  it('keeps unsaved edits in the settings form when the live file is set, and saving the form keeps the file', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    const buffer = screen.getByLabelText(/Tid til transport/)
    await user.clear(buffer)
    await user.type(buffer, '45')
    await user.click(screen.getByLabelText('Baba'))

    await user.click(screen.getByTestId('live-calendar-choose'))
    expect(await screen.findByTestId('live-calendar-status')).toBeInTheDocument()
    expect(backend.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ live_calendar_path: '/home/amina/Sync/nabo.ics', travel_buffer_minutes: 30, programme: 'bydelsmoedre' }),
    )
    expect(screen.getByLabelText(/Tid til transport/)).toHaveValue(45)
    expect(screen.getByLabelText('Baba')).toBeChecked()

    await user.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(backend.saveSettings).toHaveBeenCalledTimes(2))
    expect(backend.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ live_calendar_path: '/home/amina/Sync/nabo.ics', travel_buffer_minutes: 45, programme: 'baba' }),
    )
    expect(liveBlock().getByTestId('live-calendar-path')).toHaveTextContent('/home/amina/Sync/nabo.ics')
  })
})
