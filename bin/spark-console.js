#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (npm run build).
import('../dist/src/server/cli.js').then((cli) => cli.main(process.argv.slice(2)));
