import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

/** Vendor groups, so that no single chunk grows huge and app changes do not bust the library cache. */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
  { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
  {
    name: 'charts',
    test: /node_modules[\\/](recharts|@mantine[\\/]charts|d3-[^\\/]+|victory-vendor|es-toolkit|@reduxjs|immer|reselect|decimal\.js-light)[\\/]/,
    priority: 35,
  },
  {
    name: 'mantine',
    test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui|react-remove-scroll[^\\/]*|react-number-format|react-style-singleton|use-callback-ref|use-sidecar|tslib|get-nonce|detect-node-es|aria-hidden|clsx)[\\/]/,
    priority: 20,
  },
  { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/, priority: 10 },
  // Both languages' texts, loaded up front (the switch is instant and works offline).
  { name: 'translations', test: /[\\/]web[\\/]src[\\/]i18n[\\/](sv|en)\.ts$/, priority: 5 },
  // @mantine/dates is left to automatic chunking: DatesProvider is tiny and loads up front,
  // the pickers go with the pages that use them.
];

export default defineConfig({
  root,
  plugins: [react()],
  server: { proxy: api },
  preview: { proxy: api },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
