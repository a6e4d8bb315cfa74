import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from file-like origins (Electron) and from the web shell under any
// path, so every URL in the built HTML is relative. No sourcemaps ship: the app is offline and
// the maps would only add weight to the installer.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
    // Chromium supports modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    // Keep every asset a real file so nothing needs a data: URL the CSP would have to allow.
    assetsInlineLimit: 0,
  },
});
