import type { Migration } from './types';

// Version 1 stored a stop condition's observation window as free text ("15m", "2h", "1d").
// Version 2 stores whole minutes so the wave gate can compare windows without parsing prose.

const UNIT_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, hr: 60, d: 1440 };

export function parseWindow(text: string): number | null {
  const match = /^\s*(\d+)\s*(m|min|h|hr|d)\s*$/i.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * (UNIT_MINUTES[match[2]!.toLowerCase()] ?? Number.NaN);
  return Number.isInteger(minutes) && minutes > 0 ? minutes : null;
}

export const migration001: Migration = {
  from: 1,
  name: '001-stop-window-minutes',
  up(doc, fail) {
    const success = doc.success as { stopConditions?: unknown } | undefined;
    const list = success?.stopConditions;
    if (!Array.isArray(list)) return doc;
    const stopConditions = list.map((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || !('window' in item)) return item;
      const { window, ...rest } = item as { window: unknown } & Record<string, unknown>;
      const minutes = typeof window === 'string' ? parseWindow(window) : null;
      if (minutes === null) {
        fail(
          `success.stopConditions[${index}].window`,
          `cannot read window ${JSON.stringify(window)}; expected e.g. "15m", "2h" or "1d"`,
        );
      }
      return { ...rest, windowMinutes: minutes };
    });
    return { ...doc, success: { ...(success as object), stopConditions } };
  },
};
