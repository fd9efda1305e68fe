// Where focus goes back when a dialog closes: to what had it when the dialog
// was opened (a button in the header, a card in the week), if it is still there.
import { tick } from 'svelte'

/** Remembers the element that opened a dialog and gives it focus back. */
export class FocusReturn {
  private opener: HTMLElement | null = null

  /** Remembers what has focus now. */
  remember(): void {
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  }

  /** After the next update (the dialog gone), focuses what was remembered, if it is still in the page. */
  async restore(): Promise<void> {
    await tick()
    if (this.opener?.isConnected) this.opener.focus()
  }
}

/**
 * Gives the focus back to an entry moved by keyboard (Alt+arrows in the week and the month)
 * once the grid is drawn with it in its new place: not before, as the list it was moved from
 * stays drawn until the move's answer comes.
 */
export class MovedFocus<T> {
  private moved: { key: string; from: T } | null = null

  /** The entry `key` is being moved while `drawn` is what the grid shows. */
  expect(key: string, drawn: T): void {
    this.moved = { key, from: drawn }
  }

  /** The move was refused: nothing to focus. */
  cancel(): void {
    this.moved = null
  }

  /** After each drawing of `root` from `drawn`: focuses the moved entry (matched by `selector` and its data-key) once `drawn` is new. */
  settle(root: HTMLElement | undefined, drawn: T, selector: string): void {
    if (!this.moved || !root || this.moved.from === drawn) return
    const entry = root.querySelector<HTMLElement>(`${selector}[data-key="${CSS.escape(this.moved.key)}"]`)
    if (entry && entry !== document.activeElement) entry.focus()
    this.moved = null
  }
}
