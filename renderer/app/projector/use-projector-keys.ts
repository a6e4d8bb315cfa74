import { type RefObject, useCallback, useEffect, useState } from 'react';
import { isEditable } from '../../store/actions';

// The facilitator drives the board from a laptop keyboard, often without looking at it:
//   F11 / F  full screen on and off (Esc leaves it)   B  blank the screen, and back
//   S        room size settings (Esc closes them)     ←↑ / →↓  previous / next panel
//   1–9      show that wave                           0  follow the live wave again
// Keys with Ctrl, Alt or Meta are the app's and the browser's, never the board's.

export interface BoardKeys {
  blanked: boolean;
  toggleBlank(): void;
  settingsOpen: boolean;
  openSettings(): void;
  closeSettings(): void;
  fullscreen: boolean;
  toggleFullscreen(): void;
}

export function useFullscreen(): [boolean, () => void, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  // Refusals (no user gesture, a shell that denies it) leave things as they are: the desktop
  // projector window is full screen already, and the browser's own F11 still works.
  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) exit();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, [exit]);
  return [on, toggle, exit];
}

/** Moves focus to the next (+1) or previous (-1) panel of the board, wrapping around. */
function focusPanel(root: HTMLElement, step: 1 | -1): void {
  const panels = [...root.querySelectorAll<HTMLElement>('[data-panel]')];
  if (panels.length === 0) return;
  const at = panels.findIndex((p) => p === document.activeElement || p.contains(document.activeElement));
  const next = at < 0 ? (step === 1 ? 0 : panels.length - 1) : (at + step + panels.length) % panels.length;
  panels[next]!.focus();
  panels[next]!.scrollIntoView({ block: 'nearest' });
}

export function useProjectorKeys(
  root: RefObject<HTMLElement | null>,
  pickWave: (n: number) => void,
): BoardKeys {
  const [blanked, setBlanked] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [fullscreen, toggleFullscreen, exitFullscreen] = useFullscreen();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
      // The settings dialog owns the keyboard while open; it closes itself on Esc.
      if (settingsOpen || isEditable(e.target as Element | null)) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'b') setBlanked((b) => !b);
      else if (blanked)
        return; // a blank screen answers only to B
      else if (key === 'F11' || key === 'f') toggleFullscreen();
      else if (key === 'Escape') exitFullscreen();
      else if (key === 's') setSettingsOpen(true);
      else if ((key === 'ArrowRight' || key === 'ArrowDown') && root.current) focusPanel(root.current, 1);
      else if ((key === 'ArrowLeft' || key === 'ArrowUp') && root.current) focusPanel(root.current, -1);
      else if (/^[0-9]$/.test(key)) pickWave(Number(key));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blanked, settingsOpen, root, pickWave, toggleFullscreen, exitFullscreen]);

  return {
    blanked,
    toggleBlank: () => setBlanked((b) => !b),
    settingsOpen,
    openSettings: () => setSettingsOpen(true),
    closeSettings: () => setSettingsOpen(false),
    fullscreen,
    toggleFullscreen,
  };
}
