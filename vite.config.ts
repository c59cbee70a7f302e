import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from files (Electron) or the loopback host: relative base, no dev server in production.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
});
