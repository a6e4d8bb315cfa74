import { useEffect } from 'react';
import { gatesOf } from '../../shared/areas/waves/gates';
import { isActive } from '../../shared/areas/waves/moves';
import { useNow } from '../components/use-now';
import { pushToast, useAppStore } from '../store/app-store';

// A breached stop condition raises an alert in every window, once per breach: when a gate goes
// from not breached to breached. The gates are pure functions of the workbook and the clock,
// so each window notices by itself, whichever window (or import) added the reading. What this
// window has already raised is kept per tab, so a reload does not raise the same breach again.

const KEY = 'rollout-war-room.breaches';

function raised(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function remember(keys: Set<string>): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...keys]));
  } catch {
    // Without storage a reload may alert again; better than missing one.
  }
}

export function useBreachAlerts(): void {
  const wb = useAppStore((s) => s.session?.workbook);
  const now = useNow();
  useEffect(() => {
    if (!wb) return;
    const seen = raised();
    const breachedNow = new Set<string>();
    for (const wave of wb.waves.waves.filter(isActive)) {
      for (const gate of gatesOf(wb, wave, now)) {
        if (!gate.breached) continue;
        const key = `${wb.id}/${wave.id}/${gate.stopConditionId}`;
        breachedNow.add(key);
        if (seen.has(key)) continue;
        pushToast('error', `Stop condition breached in ${wave.name}. ${gate.reason}`);
      }
    }
    // A gate that recovered forgets its breach, so the next one is raised again.
    const next = new Set([...seen].filter((k) => !k.startsWith(`${wb.id}/`) || breachedNow.has(k)));
    for (const k of breachedNow) next.add(k);
    if (next.size !== seen.size || [...next].some((k) => !seen.has(k))) remember(next);
  }, [wb, now]);
}
