import { describe, expect, it } from 'vitest';
import { planHash } from '../../../renderer/features/cab/content-hash';

// A window hashes the plan with Web Crypto; the host with node:crypto. Both must reach the same
// known answer (tests/unit/shared/cab-content.test.ts checks the host's side).

// One plan and its SHA-256, worked out with `sha256sum` over its RFC 8785 text:
// {"name":"Compass — “CRM” 🚀 ümlaut","success":{"a":[1,"x",null,2.5e-7],"b":1}}
// The host (node:crypto) and a window (Web Crypto) must both reach it; the revision and audit
// log are left out of the plan, so they do not change it.
const KNOWN_ANSWER = {
  value: {
    name: 'Compass — “CRM” 🚀 ümlaut',
    success: { b: 1, a: [1, 'x', null, 2.5e-7] },
    revision: 4,
    audit: [],
  },
  sha256: '3addf0a09deb559b4037c51bb06f0717082db7359fdc6dae5940c28616b8c8f0',
};

describe('the window-side plan hash', () => {
  it('matches the known answer', async () => {
    expect(await planHash(KNOWN_ANSWER.value)).toBe(KNOWN_ANSWER.sha256);
  });

  it('is computed once per workbook object', async () => {
    const wb = { name: 'x' };
    const first = planHash(wb);
    expect(planHash(wb)).toBe(first);
    expect(await planHash({ name: 'y' })).not.toBe(await first);
  });
});
