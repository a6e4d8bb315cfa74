import { describe, expect, it } from 'vitest';
import { createPreloadBridge } from '../../../renderer/bridge/preload-bridge';
import type { Command } from '../../../shared/domain/commands';
import { packed } from '../../../shared/domain/wire-pack';

// The desktop bridge sends values over IPC (structured clone), so an input an import's worker
// packed to text is unpacked before it is sent: the host must get the very command, records
// and all, whichever shell carries it.

describe('the desktop bridge', () => {
  it('sends a packed command as the value it packs', async () => {
    const sent: unknown[] = [];
    const bridge = createPreloadBridge({
      invoke: async (method, input) => {
        sent.push({ method, input });
        return { ok: true, value: { revision: 7 } };
      },
      on: () => () => {},
      openDroppedFile: async () => ({ ok: true, value: null }),
    });
    const usage = Array.from({ length: 40 }, (_, k) => ({
      rows: [k + 2],
      record: {
        cohortId: 'c-1',
        day: `2026-01-${String((k % 28) + 1).padStart(2, '0')}`,
        active: k,
        firstTask: null,
      },
    }));
    const command = { type: 'adoption.import-usage', id: 'imp-1', fileName: 'u.csv', source: 'u', usage };
    const ack = await bridge.invokePacked('workbook:dispatch-command', packed(command as unknown as Command));
    expect(ack).toEqual({ revision: 7 });
    expect(sent).toEqual([{ method: 'workbook:dispatch-command', input: command }]);
  });
});
