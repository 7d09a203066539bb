import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle zod & co. into main: the packaged app then needs no node_modules at all (the
      // server's native modules stay out of the installer, see electron-builder.yml).
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'src-main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require 'electron' and nothing else: every dependency (zod,
      // pulled in through src-shared/ipc-api.ts) must be inside the bundle.
      externalizeDeps: false,
      // Sandboxed preloads cannot `require` our own chunks: emit one self-contained CJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    // Relative asset paths so the same build loads from file:// (Electron) and from the server (web mode).
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
