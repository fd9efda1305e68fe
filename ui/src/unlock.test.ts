// The unlock screen (issue 14): where the computer has no key store, a new database asks for
// a passphrase chosen twice, an existing one for its passphrase; a wrong one says so and
// leaves the screen as it was. Both languages, checked with axe.
import { render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import UnlockScreen from './screens/UnlockScreen.svelte'
import { UserError } from './lib/backend'
import { setLanguage } from './lib/i18n.svelte'
import { violations } from './test/axe'

const NO_KEY_STORE = new UserError('no_key_store', null, {})

afterEach(() => setLanguage('da'))

describe('the unlock screen', () => {
  it('asks for a new passphrase twice, refuses a short or mismatched one, then creates the database', async () => {
    setLanguage('en')
    const user = userEvent.setup()
    const unlock = vi.fn(async () => {})
    const onunlocked = vi.fn()
    render(UnlockScreen, { isNew: true, reason: NO_KEY_STORE, unlock, onunlocked })
    expect(screen.getByRole('heading', { name: 'Choose a passphrase' })).toBeTruthy()
    expect(await violations()).toEqual([])
    const [first, second] = [screen.getByLabelText('New passphrase'), screen.getByLabelText('Type it again')]
    await user.type(first, 'kort')
    await user.type(second, 'kort')
    await user.click(screen.getByRole('button', { name: 'Create and unlock' }))
    expect(screen.getByTestId('unlock-failure').textContent).toMatch(/at least 8/)
    await user.clear(first)
    await user.type(first, 'en sætning jeg husker')
    await user.clear(second)
    await user.type(second, 'en sætning jeg huske')
    await user.click(screen.getByRole('button', { name: 'Create and unlock' }))
    expect(screen.getByTestId('unlock-failure').textContent).toMatch(/not the same/)
    expect(unlock).not.toHaveBeenCalled()
    await user.type(second, 'r')
    await user.click(screen.getByRole('button', { name: 'Create and unlock' }))
    await waitFor(() => expect(onunlocked).toHaveBeenCalled())
    expect(unlock).toHaveBeenCalledWith('en sætning jeg husker')
  })

  it('opens an existing database with its passphrase, and says so when it does not fit', async () => {
    const user = userEvent.setup()
    let tries = 0
    const unlock = vi.fn(async () => {
      tries += 1
      if (tries === 1) throw new UserError('wrong_key', null, { path: '/x/nabo.db' })
    })
    const onunlocked = vi.fn()
    render(UnlockScreen, { isNew: false, reason: NO_KEY_STORE, unlock, onunlocked })
    expect(screen.getByRole('heading', { name: 'Lås Nabo op' })).toBeTruthy()
    expect(screen.queryByLabelText('Skriv det igen')).toBeNull()
    expect(await violations()).toEqual([])
    await user.type(screen.getByLabelText('Adgangsord'), 'forkert')
    await user.click(screen.getByRole('button', { name: 'Lås op' }))
    expect((await screen.findByTestId('unlock-failure')).textContent).toMatch(/passer ikke/)
    expect(onunlocked).not.toHaveBeenCalled()
    await user.type(screen.getByLabelText('Adgangsord'), '!')
    await user.click(screen.getByRole('button', { name: 'Lås op' }))
    await waitFor(() => expect(onunlocked).toHaveBeenCalled())
  })
})
