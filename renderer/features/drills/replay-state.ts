import { useEffect, useState } from 'react';
import type { SharedReplay } from '../../../shared/areas/drills/replay';
import { getBridge } from '../../bridge';

// The replay the main window shares, as every window sees it: asked for once when a window
// opens, then kept current by the host's pushes. The projector draws from it.

export function useSharedReplay(): SharedReplay | null {
  const [shared, setShared] = useState<SharedReplay | null>(null);
  useEffect(() => {
    const bridge = getBridge();
    let live = true;
    void bridge
      .invoke('drills:shared-replay', undefined)
      .then((r) => {
        if (live) setShared(r);
      })
      .catch(() => undefined);
    const off = bridge.on('drills:replay-changed', (r) => setShared(r));
    return () => {
      live = false;
      off();
    };
  }, []);
  return shared;
}

/** Wall time, redrawn every `ms` while `running`: a replay moves without being ticked. */
export function useNow(running: boolean, ms = 200): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [running, ms]);
  return running ? now : Date.now();
}
