// Bundles the compiled server (dist/src) into dist/bundle: one file per entry plus shared chunks. Loading a
// few bundled files instead of hundreds of modules halves start-up, which the restart budget (≤ 0.3 s to a
// complete answer) is mostly made of. better-sqlite3 stays external: it loads a native addon.
export default {
  input: {
    cli: 'dist/src/server/cli.js',
    ingestWorker: 'dist/src/server/ingest/ingestWorker.js',
    regexSearchWorker: 'dist/src/server/logs/regexSearchWorker.js',
  },
  platform: 'node',
  external: ['better-sqlite3'],
  logLevel: 'warn',
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
};
