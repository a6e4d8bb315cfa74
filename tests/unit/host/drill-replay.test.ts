import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/host/dispatch';
import type { SharedReplay } from '../../../shared/areas/drills/replay';
import { makeHost, tempDir, unwrap } from './helpers';

// The replay the main window shares for the projector: checked at the door like every payload,
// stamped with the host's clock, pushed to every window, and forgotten when the share stops.

describe('drills:share-replay', () => {
  it('refuses a speed outside 1×–10× by name, and pushes a good one stamped with the host time', async () => {
    const now = Date.parse('2026-12-01T10:00:00.000Z');
    const host = makeHost(await tempDir(), { now: () => new Date(now) });
    const pushed: (SharedReplay | null)[] = [];
    host.on('drills:replay-changed', (r) => pushed.push(r));

    const bad = await invoke(host.api, 'drills:share-replay', {
      runId: 'r1',
      positionMs: 0,
      speed: 60,
      playing: true,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.issues[0]).toEqual({ path: 'speed', message: 'The replay runs at 1× to 10×' });
    expect(pushed).toEqual([]);
    expect(unwrap(await invoke(host.api, 'drills:shared-replay', undefined))).toBeNull();

    const share = { runId: 'r1', positionMs: 90_000, speed: 5, playing: true };
    expect(unwrap(await invoke(host.api, 'drills:share-replay', share))).toEqual({ ...share, setAt: now });
    expect(unwrap(await invoke(host.api, 'drills:shared-replay', undefined))).toEqual({
      ...share,
      setAt: now,
    });
    unwrap(await invoke(host.api, 'drills:share-replay', null));
    expect(pushed).toEqual([{ ...share, setAt: now }, null]);
  });
});
