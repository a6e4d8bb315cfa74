// Theme preference: remembered per machine, defaulting to the OS setting so a projector laptop
// in dark mode does not flash white at the room.

export type Theme = 'light' | 'dark';

const KEY = 'rollout-war-room.theme';

export function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage can be disabled; the OS preference is a fine fallback.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // Not remembering is harmless.
  }
}
