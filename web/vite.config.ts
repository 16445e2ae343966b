/// <reference types="vitest/config" />
/** Vite build of the web UI: web/ → web/dist, served by Fastify (src/api/static.ts) on the API's port. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/web-size.ts follows the manifest to measure what the first screen loads.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite web` during development: the API runs with `npm start` on 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
  },
});
