import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The page is served by the API server from web/dist under a strict Content-Security-Policy (script-src 'self'),
// so everything is bundled: no inline scripts, no outside hosts, no font files.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // A module-preload polyfill would be inlined into index.html, which the CSP forbids; modern browsers
    // support modulepreload natively.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // ECharts with the map is one lazily loaded chunk of about 600 kB (200 kB gzipped), fetched after the
    // figures are on screen; the first view's script is the small entry chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3100' },
  },
});
