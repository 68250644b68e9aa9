import { describe, expect, it } from 'vitest';
import { describePageFailure } from '../../src/web/lib/pageFailure.js';

describe('describePageFailure', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://host/assets/StoragePage-abc.js',
    'error loading dynamically imported module: http://host/assets/JobsPage-abc.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/index-abc.css',
  ])('a chunk that cannot load is stale code: %s', (message) => {
    const failure = describePageFailure(new TypeError(message));
    expect(failure.kind).toBe('stale-code');
    expect(failure.detail).toMatch(/Reload/);
  });

  it('any other throw is a crash that keeps its message', () => {
    expect(describePageFailure(new RangeError('Invalid time value'))).toMatchObject({ kind: 'crash', detail: 'Invalid time value' });
    expect(describePageFailure('plain text thrown')).toMatchObject({ kind: 'crash', detail: 'plain text thrown' });
  });
});
