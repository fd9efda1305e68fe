import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'
import { tauriBackend, type Backend } from './lib/backend'
import { mark } from './lib/perf'

mark('main')

async function pickBackend(): Promise<Backend> {
  // Browser preview only (`npm run dev` outside Tauri). `import.meta.env.DEV`
  // is a build-time constant, so the mock is not part of the production build.
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
    const { createMockBackend } = await import('./lib/mockBackend')
    return createMockBackend()
  }
  return tauriBackend
}

const target = document.getElementById('app')
if (!target) throw new Error('#app is missing from index.html')

void pickBackend().then((backend) => {
  mount(App, { target, props: { backend } })
  mark('mounted')
})
