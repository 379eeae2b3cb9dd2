// Gate: Lighthouse accessibility is 100 on every main view (best practices are
// reported by `make bench`, see bench/lighthouse.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from './lighthouse.mjs';

test('Lighthouse accessibility is 100 on every main view', async () => {
  const results = await audit();
  for (const [view, r] of Object.entries(results)) {
    assert.equal(r.accessibility, 100, `${view}: accessibility ${r.accessibility}, failing audits: ${r.failed.join(', ')}`);
  }
});
