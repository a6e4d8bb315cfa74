import { type ProjectorSettings, ProjectorSettingsSchema } from '../../../shared/domain/projector';
import { type BoardModel, isBoardModel } from './board-model';

// The last board this browser drew, kept so a reload or a restart never shows a blank wall while
// the host answers: it is drawn at once, marked stale, and replaced by the live board. Local
// storage (not session storage) so a projector window opened fresh (a new tab, the desktop app
// reopening its projector) has it too. Storage can be full or disabled: then there is no cache,
// and nothing else changes.

const KEY = 'warroom:projector-board';

export interface CachedBoard {
  model: BoardModel;
  /** The room size in force when it was drawn, so the cached board has the right type size. */
  settings: ProjectorSettings | null;
}

export function readCachedBoard(): CachedBoard | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { model?: unknown; settings?: unknown };
    if (!isBoardModel(parsed.model)) return null;
    const settings = ProjectorSettingsSchema.safeParse(parsed.settings);
    return { model: parsed.model, settings: settings.success ? settings.data : null };
  } catch {
    return null;
  }
}

/** Stores the board; a few kilobytes, at most about once a second (the clock's tick). */
export function writeCachedBoard(board: CachedBoard): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(board));
  } catch {
    // Full or disabled storage: the board still works, it just cannot survive a reload.
  }
}
