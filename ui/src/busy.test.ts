// Busy time from other calendars: shown read-only in the calendar, opened in a small
// popover, hidden titles in discreet mode, conflicts named by calendar; importing .ics
// files (dry run first) from Settings or by dropping them on the window; removing them.
import { render, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { UserError } from './lib/backend'
import { setLanguage } from './lib/i18n.svelte'
import { activity, busy, fakeBackend, importReport, type FakeBackend } from './test/fakeBackend'

// Today is Wednesday 2 December 2026: week 49, Monday 30 November – Sunday 6 December.
const TODAY = '2026-12-02'

const BUSY = [
  busy({ uid: 'vagt', source: 'Arbejde', title: 'Vagt på plejehjemmet', start: '2026-11-30T13:00:00+01:00', end: '2026-11-30T16:00:00+01:00' }),
  busy({ uid: 'tand', source: 'Familie', title: 'Tandlæge', start: '2026-12-02T09:00:00+01:00', end: '2026-12-02T10:00:00+01:00' }),
  busy({ uid: 'kursus', source: 'Arbejde', title: 'Kursus', start: '2026-12-03T00:00:00+01:00', end: '2026-12-04T00:00:00+01:00', all_day: true }),
  busy({ uid: 'fest', source: 'Familie', title: 'Idas fødselsdag', start: '2026-12-04T00:00:00+01:00', end: '2026-12-05T00:00:00+01:00', all_day: true, free: true }),
]

const VISIT = activity({
  id: 1,
  start: '2026-12-02T09:30:00+01:00',
  end: '2026-12-02T10:30:00+01:00',
  busy_conflicts: [BUSY[1].key],
})

async function openApp(backend: FakeBackend) {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  return user
}

async function openCalendar(backend: FakeBackend, mode: 'week' | 'month' | 'agenda' = 'week') {
  const user = await openApp(backend)
  await user.click(screen.getByTestId('nav-calendar'))
  if (mode !== 'week') await user.click(await screen.findByTestId(`mode-${mode}`))
  // The month and the list come in a chunk of their own, transformed on first use here.
  await waitFor(() => expect(screen.getByTestId('week-view')).toHaveAttribute('aria-busy', 'false'), { timeout: 10_000 })
  return user
}

async function openSettings(backend: FakeBackend) {
  const user = await openApp(backend)
  await user.click(screen.getByTestId('nav-settings'))
  await screen.findByTestId('other-calendars')
  return user
}

function busyCard(uid: string): HTMLElement {
  const found = screen.getAllByTestId('busy').find((el) => el.dataset.key?.includes(`:${uid}@`))
  if (!found) throw new Error(`no busy time ${uid}`)
  return found
}

/** The calendar entry (the focusable button) around a busy card: the week grid's or the month's. */
function entry(uid: string): HTMLElement {
  return busyCard(uid).closest<HTMLElement>('.wk-entry, .cal-entry')!
}

afterEach(() => setLanguage('da'))

describe('busy time in the calendar', () => {
  it('is shown in the week, read-only and unlike an activity: a padlock, "Optaget" and the calendar', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [VISIT], busy: BUSY })
    await openCalendar(backend)
    expect(backend.listBusy).toHaveBeenCalledWith('2026-11-30', '2026-12-06')

    const shift = busyCard('vagt')
    expect(shift).toHaveTextContent('13:00–16:00')
    expect(shift).toHaveTextContent('Optaget')
    expect(shift).toHaveTextContent('Arbejde')
    expect(shift).toHaveTextContent('Vagt på plejehjemmet')
    expect(shift.dataset.date).toBe('2026-11-30')
    // Never draggable or resizable, and not one of the kinds' colours.
    expect(entry('vagt')).toHaveClass('nabo-busy')
    expect(entry('vagt')).not.toHaveClass('is-editable')
    expect(entry('vagt').querySelector('.wk-resizer')).toBeNull()
    expect(entry('vagt').className).not.toMatch(/kind-/)
    // An activity is draggable and resizable (the difference is real, not only in the looks).
    expect(screen.getByTestId('activity').closest('.wk-entry')).toHaveClass('is-editable')
    expect(screen.getByTestId('activity').closest('.wk-entry')!.querySelector('.wk-resizer')).not.toBeNull()

    // All-day busy time is in the all-day row; free time says "Ledig".
    expect(entry('kursus').closest('[data-testid="all-day-row"]')).not.toBeNull()
    expect(busyCard('kursus')).toHaveTextContent('Optaget')
    expect(busyCard('fest')).toHaveTextContent('Ledig')
    expect(entry('fest')).toHaveClass('is-free')
  })

  it('flags an activity that overlaps busy time like any other conflict', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [VISIT], busy: BUSY })
    await openCalendar(backend)
    const card = screen.getByTestId('activity')
    const badge = within(card).getByTestId('conflict-badge')
    expect(badge).toHaveTextContent('Konflikt')
    expect(badge).toHaveAttribute('title', 'Ligger oven i optaget tid fra en anden kalender')
    expect(card.closest('.wk-entry')).toHaveClass('has-conflict')
  })

  it('opens busy time in a read-only popover with Enter, and Esc gives focus back', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [VISIT], busy: BUSY })
    const user = await openCalendar(backend)
    // By keyboard (a click is covered by the pointer tests of the week grid).
    entry('tand').focus()
    await user.keyboard('{Enter}')
    const popover = await screen.findByRole('dialog', { name: 'Optaget' })
    expect(within(popover).getByTestId('busy-popover-title')).toHaveTextContent('Tandlæge')
    expect(within(popover).getByTestId('busy-popover-when')).toHaveTextContent('onsdag den 2. december 2026 kl. 09:00–10:00')
    expect(within(popover).getByTestId('busy-popover-calendar')).toHaveTextContent('Familie')
    expect(popover).toHaveTextContent('Det kan ikke ændres i Nabo')
    expect(within(popover).queryByRole('textbox')).toBeNull()
    expect(within(popover).getByRole('button', { name: 'Luk' })).toHaveFocus()
    // No edit form: busy time is not an activity.
    expect(screen.queryByTestId('plan-form')).toBeNull()
    expect(backend.getActivity).not.toHaveBeenCalled()

    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('busy-popover')).toBeNull()
    expect(entry('tand')).toHaveFocus()

    // An all-day one says which day, "hele dagen"; a free one says it causes no conflict.
    entry('fest').focus()
    await user.keyboard('{Enter}')
    const free = await screen.findByRole('dialog', { name: 'Ledig' })
    expect(within(free).getByTestId('busy-popover-when')).toHaveTextContent('fredag den 4. december 2026, hele dagen')
    expect(free).toHaveTextContent('Den giver ingen konflikt')
    await user.click(within(free).getByRole('button', { name: 'Luk' }))
    expect(screen.queryByTestId('busy-popover')).toBeNull()
  })

  it('hides the titles of busy time in discreet mode, in the card and in the popover until revealed', async () => {
    const backend = fakeBackend({ today: TODAY, busy: BUSY, settings: { discreet_mode: true } })
    const user = await openCalendar(backend)
    expect(busyCard('vagt')).toHaveTextContent('Arbejde')
    expect(busyCard('vagt')).not.toHaveTextContent('Vagt på plejehjemmet')
    expect(document.body).not.toHaveTextContent('Tandlæge')

    entry('tand').focus()
    await user.keyboard('{Enter}')
    const popover = await screen.findByTestId('busy-popover')
    expect(popover).not.toHaveTextContent('Tandlæge')
    expect(within(popover).getByTestId('busy-title-hidden')).toHaveAccessibleName('Skjult')
    await user.click(within(popover).getByTestId('busy-reveal'))
    expect(within(popover).getByTestId('busy-popover-title')).toHaveTextContent('Tandlæge')
  })

  it('shows busy time in the month too, and in English', async () => {
    setLanguage('en')
    const backend = fakeBackend({ today: TODAY, language: 'en', busy: BUSY })
    await openCalendar(backend, 'month')
    expect(backend.listBusy).toHaveBeenCalledWith('2026-11-30', '2027-01-03')
    expect(busyCard('vagt')).toHaveTextContent('13:00')
    expect(busyCard('vagt')).toHaveTextContent('Busy')
    expect(busyCard('vagt')).toHaveTextContent('Arbejde')
    expect(busyCard('fest')).toHaveTextContent('Free')
    // A button, never picked up by a drag (unlike a planned activity).
    expect(entry('vagt').tagName).toBe('BUTTON')
    expect(entry('vagt')).not.toHaveClass('is-editable')
    expect(entry('vagt')).not.toHaveAttribute('aria-keyshortcuts')
  })

  it('still shows the week when busy time cannot be read', async () => {
    const backend = fakeBackend({ today: TODAY, activities: [VISIT] })
    backend.listBusy.mockRejectedValue(new UserError('storage', null, { detail: 'disk' }))
    await openCalendar(backend)
    expect(screen.getByTestId('activity')).toBeInTheDocument()
    expect(screen.queryByTestId('week-error')).toBeNull()
  })

  it('names the calendar when a plan overlaps busy time (not "aftale 0")', async () => {
    const backend = fakeBackend({
      today: TODAY,
      outcome: {
        id: 7,
        conflicts: [
          {
            with: 0,
            kind: 'overlap',
            with_start: '2026-12-02T09:00:00+01:00',
            with_end: '2026-12-02T10:00:00+01:00',
            gap_minutes: null,
            needed_minutes: null,
            busy: { source: 'Arbejde', title: 'Vagt', all_day: false },
          },
          {
            with: 0,
            kind: 'overlap',
            with_start: '2026-12-03T00:00:00+01:00',
            with_end: '2026-12-05T00:00:00+01:00',
            gap_minutes: null,
            needed_minutes: null,
            busy: { source: 'Familie', title: 'Ferie', all_day: true },
          },
        ],
        notices: [],
      },
    })
    const user = await openApp(backend)
    await user.keyboard('n')
    const form = await screen.findByTestId('plan-form')
    await user.clear(within(form).getByLabelText(/Dato/))
    await user.type(within(form).getByLabelText(/Dato/), '2026-12-02')
    await user.type(within(form).getByLabelText(/Klokken/), '09:30')
    await user.type(within(form).getByLabelText(/Område/), 'Gellerup')
    await user.click(within(form).getByRole('button', { name: 'Plan besøg' }))
    const warning = await screen.findByTestId('conflict-warning')
    expect(warning).toHaveTextContent(
      'Pas på: aftalen overlapper optaget tid i kalenderen «Arbejde», onsdag den 2. december 2026 kl. 09:00–10:00.',
    )
    expect(warning).toHaveTextContent('«Familie», torsdag den 3. december 2026 – fredag den 4. december 2026, hele dagen.')
    expect(warning).not.toHaveTextContent('Vagt')
    expect(warning).not.toHaveTextContent('aftale 0')
  })
})

describe('importing another calendar', () => {
  it('chooses a file, shows the dry run first, and imports on confirm', async () => {
    const backend = fakeBackend({ today: TODAY })
    const user = await openSettings(backend)
    const section = within(screen.getByTestId('other-calendars'))
    expect(section.getByRole('heading', { name: 'Andre kalendere' })).toBeInTheDocument()
    expect(screen.getByTestId('busy-sources-empty')).toHaveTextContent('Ingen andre kalendere endnu.')

    await user.click(section.getByRole('button', { name: 'Importér en kalender …' }))
    expect(backend.chooseOpenFile).toHaveBeenCalledTimes(1)
    const dialog = await screen.findByRole('dialog', { name: 'Importér en kalender' })
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('12 nye, 3 ændrede, 1 fjernet — importér?'))
    expect(backend.importIcs).toHaveBeenCalledTimes(1)
    expect(backend.importIcs).toHaveBeenLastCalledWith('/home/amina/Hentet/arbejde.ics', null, true)
    expect(within(dialog).getByTestId('import-path')).toHaveTextContent('/home/amina/Hentet/arbejde.ics')
    expect(within(dialog).getByTestId('import-source')).toHaveTextContent('Arbejde')
    expect(within(dialog).getByRole('button', { name: 'Importér' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Importér' }))
    expect(backend.importIcs).toHaveBeenLastCalledWith('/home/amina/Hentet/arbejde.ics', 'Arbejde', false)
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull())
    expect(await screen.findByTestId('toast')).toHaveTextContent('Kalenderen «Arbejde» er importeret: 12 nye, 3 ændrede, 1 fjernet.')
    const row = await screen.findByTestId('busy-source')
    expect(row).toHaveTextContent('Arbejde')
    expect(row).toHaveTextContent('15 aftaler, importeret onsdag den 2. december 2026 kl. 09:00')
    // Focus is back where the import started.
    expect(section.getByRole('button', { name: 'Importér en kalender …' })).toHaveFocus()
  })

  it('says what else the file held: unchanged, outside the window, cancelled, cut short, duplicates', async () => {
    const backend = fakeBackend({ today: TODAY })
    backend.importIcs.mockResolvedValueOnce(
      importReport({
        added: 1,
        changed: 0,
        removed: 0,
        unchanged: 4,
        outside_window: 2,
        cancelled: 1,
        capped: [{ uid: 'daily@x', line: 40, kept: 2000 }],
        capped_total: 1,
        duplicates: [{ uid: 'twice@x', line: 88, kept: 0 }],
        duplicates_total: 1,
      }),
    )
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('busy-import'))
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('1 ny, 0 ændrede, 0 fjernet — importér?'))
    const details = screen.getByTestId('import-details')
    expect(details).toHaveTextContent('4 aftaler er uændrede.')
    expect(details).toHaveTextContent('2 aftaler ligger mere end et år tilbage eller to år frem og kommer ikke med.')
    expect(details).toHaveTextContent('Én aflyst aftale kommer ikke med.')
    expect(details).toHaveTextContent('Den gentagne aftale daily@x (linje 40) kommer kun med 2.000 gange.')
    expect(details).toHaveTextContent('Aftalen på linje 88 har samme UID som en tidligere (twice@x) og kommer ikke med.')
  })

  it('lists what the file held that Nabo left out, read as Danish time or ignored, before importing (issue 15)', async () => {
    const backend = fakeBackend({ today: TODAY })
    const skipped = {
      kind: 'skipped' as const,
      error: {
        code: 'import_end_before_start' as const,
        field: null,
        args: { path: '/home/amina/Hentet/arbejde.ics', uid: 'backwards@x', line: '16' },
      },
    }
    backend.importIcs.mockResolvedValueOnce(
      importReport({
        added: 2,
        changed: 0,
        removed: 0,
        warnings: [
          skipped,
          { kind: 'floating_zone', tzid: 'Western/Central Europe', uid: 'outlook@x', line: 30 },
          { kind: 'ignored_line', line: 99 },
        ],
        warnings_total: 15,
      }),
    )
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('busy-import'))
    const warnings = await screen.findByTestId('import-warnings')
    expect(warnings).toHaveTextContent('Det bemærkede Nabo i filen:')
    expect(warnings).toHaveTextContent('Udeladt: begivenheden backwards@x (linje 16) slutter, før den begynder.')
    expect(warnings).toHaveTextContent('Begivenheden outlook@x (linje 30) bruger tidszonen "Western/Central Europe"')
    expect(warnings).toHaveTextContent('Linje 99 hører ikke til kalenderen og blev sprunget over.')
    expect(warnings).toHaveTextContent('… og 12 mere af samme slags.')
    // The import is still offered: the readable events are imported.
    expect(screen.getByTestId('import-confirm')).toBeEnabled()
  })

  it('shows why a file is refused, naming the line and UID, and imports nothing', async () => {
    const backend = fakeBackend({ today: TODAY })
    backend.importIcs.mockRejectedValueOnce({
      code: 'import_truncated',
      field: null,
      args: { path: '/home/amina/Hentet/arbejde.ics', component: 'VEVENT', line: '57', uid: 'abc@google.com' },
    })
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('busy-import'))
    const error = await screen.findByTestId('import-error')
    expect(error).toHaveAttribute('role', 'alert')
    expect(error).toHaveTextContent('Filen kan ikke importeres')
    expect(error).toHaveTextContent('/home/amina/Hentet/arbejde.ics slutter midt i en aftale (VEVENT fra linje 57, UID abc@google.com)')
    expect(error).toHaveTextContent('Intet er importeret.')
    expect(screen.queryByTestId('import-confirm')).toBeNull()
    await user.click(screen.getByTestId('import-close'))
    expect(screen.queryByTestId('import-dialog')).toBeNull()
    expect(backend.importIcs).toHaveBeenCalledTimes(1)
    expect(backend.importIcs).not.toHaveBeenCalledWith(expect.anything(), expect.anything(), false)
  })

  it('does nothing when the open dialog is cancelled, and Annuller after the dry run imports nothing', async () => {
    const backend = fakeBackend({ today: TODAY })
    backend.chooseOpenFile.mockResolvedValueOnce(null)
    const user = await openSettings(backend)
    await user.click(screen.getByTestId('busy-import'))
    expect(backend.importIcs).not.toHaveBeenCalled()
    expect(screen.queryByTestId('import-dialog')).toBeNull()

    await user.click(screen.getByTestId('busy-import'))
    await screen.findByTestId('import-summary')
    await user.click(screen.getByTestId('import-cancel'))
    expect(screen.queryByTestId('import-dialog')).toBeNull()
    expect(backend.importIcs).toHaveBeenCalledTimes(1)
  })

  it('imports an .ics file dropped on the window, one dialog per file', async () => {
    const backend = fakeBackend({ today: TODAY, busy: BUSY })
    const user = await openCalendar(backend)
    await waitFor(() => expect(backend.onFileDrop).toHaveBeenCalled())
    backend.dropFiles({ type: 'over' })
    expect(await screen.findByTestId('drop-hint')).toHaveTextContent('Slip .ics-filen for at se den som optaget tid')
    backend.dropFiles({ type: 'drop', paths: ['/tmp/a.ics', '/tmp/b.ics'] })
    await waitFor(() => expect(screen.queryByTestId('drop-hint')).toBeNull())
    const dialog = await screen.findByTestId('import-dialog')
    expect(dialog).toHaveTextContent('Fil 1 af 2')
    await waitFor(() => expect(backend.importIcs).toHaveBeenLastCalledWith('/tmp/a.ics', null, true))
    await user.click(await screen.findByRole('button', { name: 'Importér' }))
    await waitFor(() => expect(screen.getByTestId('import-dialog')).toHaveTextContent('Fil 2 af 2'))
    await waitFor(() => expect(backend.importIcs).toHaveBeenLastCalledWith('/tmp/b.ics', null, true))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull())
    expect(backend.importIcs).toHaveBeenCalledWith('/tmp/a.ics', 'Arbejde', false)
    expect(backend.importIcs).not.toHaveBeenCalledWith('/tmp/b.ics', expect.anything(), false)
    // The calendar was read again after the import.
    await waitFor(() => expect(backend.listBusy.mock.calls.length).toBeGreaterThan(1))
  })

  it('imports a calendar again into the same name, and removes one after asking', async () => {
    const backend = fakeBackend({
      today: TODAY,
      sources: [
        { name: 'Arbejde', imported: '2026-11-28T20:15:00+01:00', entries: 40 },
        { name: 'Familie', imported: '2026-11-30T08:00:00+01:00', entries: 1 },
      ],
    })
    const user = await openSettings(backend)
    const rows = await screen.findAllByTestId('busy-source')
    expect(rows.map((r) => r.dataset.name)).toEqual(['Arbejde', 'Familie'])
    expect(rows[0]).toHaveTextContent('40 aftaler, importeret lørdag den 28. november 2026 kl. 20:15')
    expect(rows[1]).toHaveTextContent('Én aftale')

    await user.click(within(screen.getByRole('group', { name: 'Familie' })).getByRole('button', { name: 'Importér igen …' }))
    await screen.findByTestId('import-summary')
    expect(backend.importIcs).toHaveBeenLastCalledWith('/home/amina/Hentet/arbejde.ics', 'Familie', true)
    await user.click(screen.getByTestId('import-confirm'))
    expect(backend.importIcs).toHaveBeenLastCalledWith('/home/amina/Hentet/arbejde.ics', 'Familie', false)
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull())

    await user.click(within(screen.getByRole('group', { name: 'Arbejde' })).getByRole('button', { name: 'Fjern' }))
    const question = screen.getByRole('group', { name: /Fjern kalenderen «Arbejde» fra Nabo\?/ })
    expect(within(question).getByRole('button', { name: 'Nej, behold' })).toHaveFocus()
    await user.click(within(question).getByRole('button', { name: 'Nej, behold' }))
    expect(backend.removeBusySource).not.toHaveBeenCalled()

    await user.click(within(screen.getByRole('group', { name: 'Arbejde' })).getByRole('button', { name: 'Fjern' }))
    await user.click(screen.getByRole('button', { name: 'Ja, fjern' }))
    expect(backend.removeBusySource).toHaveBeenCalledWith('Arbejde')
    expect(await screen.findByTestId('busy-sources-status')).toHaveTextContent('Kalenderen «Arbejde» er fjernet.')
    await waitFor(() => expect(screen.getAllByTestId('busy-source').map((r) => r.dataset.name)).toEqual(['Familie']))
  })
})
