/** Vite build and dev server for the designer (the React app under designer/), served by the API server from dist/designer. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./designer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('./dist/designer'),
    emptyOutDir: true,
    // Monaco is large by nature; a warning for it is noise.
    chunkSizeWarningLimit: 5000,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  worker: { format: 'es' },
  // Vitest would inherit `root: designer/`; tests of every package live across the repo, so run them from the repo root.
  test: { root: here('.') },
} as Parameters<typeof defineConfig>[0]);
