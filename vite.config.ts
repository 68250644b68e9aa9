import { defineConfig } from 'vite';
import tailwindcss from '@tailwindcss/vite';

// The SPA lives in src/web; the server serves dist/web at "/" and proxies nothing.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [tailwindcss()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      // React Query ships "use client" directives for server-component bundlers; meaningless in an SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:18080',
    },
  },
});
