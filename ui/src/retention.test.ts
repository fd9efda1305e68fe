// Settings › "Slet kodenavne og noter efter": when household code names and notes are
// erased after the household's last visit (issue 14, data minimisation), in core's range,
// saved with the other settings, and the erasure's notice shown like any change's.
import { cleanup, render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import App from './App.svelte'
import { setLanguage } from './lib/i18n.svelte'
import { fakeBackend, settings, type FakeBackend } from './test/fakeBackend'

type User = ReturnType<typeof userEvent.setup>

async function openSettings(backend: FakeBackend): Promise<User> {
  const user = userEvent.setup()
  render(App, { props: { backend } })
  await screen.findByTestId('today-screen')
  await user.click(screen.getByTestId('nav-settings'))
  return user
}

afterEach(() => {
  cleanup()
  setLanguage('da')
})

describe('erasing code names and notes after a set time', () => {
  it('explains the setting with its months and saves a new value', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    const months = screen.getByLabelText(/Slet kodenavne og noter efter/)
    expect(months).toHaveValue(12)
    expect(months).toHaveAccessibleDescription('Husstandens kodenavn og noter slettes 12 måneder efter sidste besøg. Tallene bliver.')
    await user.clear(months)
    await user.type(months, '6')
    expect(months).toHaveAccessibleDescription('Husstandens kodenavn og noter slettes 6 måneder efter sidste besøg. Tallene bliver.')
    await user.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(backend.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ erase_after_months: 6 })))
  })

  it('refuses a time out of range next to the field', async () => {
    const backend = fakeBackend()
    const user = await openSettings(backend)
    const months = screen.getByLabelText(/Slet kodenavne og noter efter/)
    await user.clear(months)
    await user.type(months, '0')
    await user.click(screen.getByTestId('settings-save'))
    expect(backend.saveSettings).not.toHaveBeenCalled()
    expect(months).toHaveAttribute('aria-invalid', 'true')
    expect(months).toHaveAccessibleDescription(/fra 1 til 120/)
  })

  it('says what a shorter time erased at once', async () => {
    const backend = fakeBackend()
    backend.saveSettings.mockImplementation(async (next) => ({
      value: settings({ ...next }),
      notices: [{ code: 'texts_erased', args: { households: '2', notes: '1', months: '1' } }],
    }))
    const user = await openSettings(backend)
    const months = screen.getByLabelText(/Slet kodenavne og noter efter/)
    await user.clear(months)
    await user.type(months, '1')
    await user.click(screen.getByTestId('settings-save'))
    expect(await screen.findByTestId('change-notice')).toHaveTextContent(
      'Slettet 1 måned efter det sidste besøg: kodenavne for 2 husstande og 1 note. Tallene bliver.',
    )
  })
})
