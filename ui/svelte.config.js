/** @type {import("@sveltejs/vite-plugin-svelte").SvelteConfig} */
export default {
  compilerOptions: {
    // Strict CSP (style-src 'self'): component CSS must end up in a file.
    css: 'external',
  },
}
