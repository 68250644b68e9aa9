// Test-only preload (`node --import`): appends every SQL text the server prepares or executes on its index
// database (`index.db`) to the file named by SPARK_CONSOLE_RECORD_INDEX_SQL, one JSON line each
// ({ kind: 'prepare' | 'exec' | 'pragma', sql }). It wraps better-sqlite3's own prepare, exec and pragma, so
// the texts are exactly what the server runs, with their placeholders; the per-application stores are not
// recorded.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const target = process.env.SPARK_CONSOLE_RECORD_INDEX_SQL;
if (target) {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const isIndex = (db) => path.basename(db.name) === 'index.db';
  const record = (kind, sql) => fs.appendFileSync(target, `${JSON.stringify({ kind, sql })}\n`);
  for (const kind of ['prepare', 'exec', 'pragma']) {
    const original = Database.prototype[kind];
    Database.prototype[kind] = function recorded(sql, ...rest) {
      if (isIndex(this)) record(kind, sql);
      return original.call(this, sql, ...rest);
    };
  }
}
