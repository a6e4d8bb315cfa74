import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PROJECTOR, type ProjectorSettings } from '../../../shared/domain/projector';
import { useNow } from '../../components/use-now';
import { useAppStore } from '../../store/app-store';
import { readCachedBoard, writeCachedBoard } from './board-cache';
import { type BoardModel, boardModel } from './board-model';

// The board's data and how much to trust it. Live: the workbook the store keeps current from the
// host's pushes, judged again every second (gates go stale and holds run out with no edit at
// all). Not live (the host is unreachable, or has not answered yet after a reload): the last
// board this window drew, else the one kept in storage, shown as it was and marked stale. Never
// nothing while something is known.

export type BoardSource = 'live' | 'stale' | 'none';

export interface Board {
  /** What to draw; null only when nothing was ever known here. */
  model: BoardModel | null;
  source: BoardSource;
  /** The host answered, but no workbook is open there. */
  noWorkbook: boolean;
  /** Why it is not live: the bridge is still connecting, or lost the host. */
  connection: 'connecting' | 'open' | 'lost';
  settings: ProjectorSettings;
  now: number;
}

export function useBoard(pickedWaveId: string | null): Board {
  const session = useAppStore((s) => s.session);
  const connection = useAppStore((s) => s.connection);
  const now = useNow(1000);
  const [cached] = useState(readCachedBoard);
  const lastLive = useRef<BoardModel | null>(null);
  const wb = connection === 'open' ? (session?.workbook ?? null) : null;
  const settings = session?.projector ?? cached?.settings ?? DEFAULT_PROJECTOR;

  // Judged at the moment of computing, not at the last tick: a reading stamped "now" by another
  // window must count at once, not a second later when the clock next ticks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `now` is the tick that re-judges the board
  const live = useMemo(() => (wb ? boardModel(wb, pickedWaveId, Date.now()) : null), [wb, pickedWaveId, now]);

  useEffect(() => {
    if (!live) return;
    lastLive.current = live;
    writeCachedBoard({ model: live, settings });
  }, [live, settings]);

  const model = live ?? lastLive.current ?? cached?.model ?? null;
  return {
    model,
    source: live ? 'live' : model ? 'stale' : 'none',
    noWorkbook: connection === 'open' && session !== null && session.workbook === null,
    connection,
    settings,
    now,
  };
}
