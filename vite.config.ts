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
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
    },
  },
});
