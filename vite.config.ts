import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The floor is Android WebView 64 and Safari 11.1 (browsers with ES modules); see DESIGN.md.
    target: ['chrome64', 'safari11.1'],
    cssTarget: ['chrome64', 'safari11.1'],
    // The anonymous survey page is its own entry (survey.html, served for /s/…): a student's phone
    // loads Solid and that page only, not the app's router and sign-in pages.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        survey: fileURLToPath(new URL('./web/survey.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
    },
  },
});
