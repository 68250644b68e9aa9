#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in dist/bundle (npm run build).
import('../dist/bundle/cli.js').then((cli) => cli.main(process.argv.slice(2)));
