import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The committee console: built to web/dist and served by the API server at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/demo': 'http://localhost:4000' } },
});
