import fs from 'node:fs';
import path from 'node:path';

/**
 * Spark's test data lives outside the repository (`../shared` next to the checkout) and is read in place.
 * SPARK_CONSOLE_SHARED overrides the location, e.g. for a checkout somewhere else.
 */
const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const candidates = [process.env.SPARK_CONSOLE_SHARED, path.resolve(REPO_ROOT, '..', 'shared'), '/work/shared'].filter(
  (p): p is string => typeof p === 'string' && p.length > 0,
);

export const SHARED_DIR = candidates.find((p) => fs.existsSync(path.join(p, 'conformance'))) ?? candidates[0]!;
export const CONFORMANCE_DIR = path.join(SHARED_DIR, 'conformance');
export const SPARK_EVENTS_DIR = path.join(CONFORMANCE_DIR, 'spark-events');
