/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig } from 'vite'

// Tests run in a zone other than Copenhagen on purpose: every date the UI
// shows must be computed for Europe/Copenhagen, never from the machine's zone.
process.env.TZ = 'America/New_York'

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  base: './',
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  server: {
    port: 5173,
    strictPort: true,
    // The translations live beside ui/ in ../i18n and are imported with ?raw.
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    env: { TZ: 'America/New_York' },
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.ts'],
    // Stylesheets are left out of tests, except the icons' (icons.test.ts reads its rules).
    css: { include: [/icons\.css/] },
  },
})
