import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The page's first view drawn on the server (src/entry-server.tsx), built for Node into web/dist-server with its
// libraries inside, so that the server loads it as it is.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [preact()],
  // The page's files (icon, service worker) are web/dist's; nothing of them is wanted here.
  publicDir: false,
  ssr: { noExternal: true },
  build: {
    ssr: 'src/entry-server.tsx',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'entry-server.js' } },
  },
});
