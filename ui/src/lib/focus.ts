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
