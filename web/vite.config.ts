import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page is a static site: relative asset paths so it opens from any folder of any static host.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    // plotly.js alone is 3.5 MB minified; it is one chunk, loaded once, with the lab and choose views.
    chunkSizeWarningLimit: 5000,
    // Rolldown's timing report names its own plugins' costs, which the page's users cannot act on.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
