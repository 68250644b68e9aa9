// A replay worker that takes every replay and never finishes one: what the listing shows then comes from the
// scan's head and tail peeks alone (test/ingest/listedBeforeReplay.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {});
