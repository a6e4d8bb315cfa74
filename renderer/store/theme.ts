// Theme preference: remembered per machine, defaulting to the OS setting so a projector laptop
// in dark mode does not flash white at the room.

export type Theme = 'light' | 'dark';

const KEY = 'rollout-war-room.theme';

// Guarded so modules that import the store can be loaded outside a browser (the registry test).
const darkQuery = (): MediaQueryList | undefined =>
  typeof window === 'undefined' ? undefined : window.matchMedia?.('(prefers-color-scheme: dark)');

function savedTheme(): Theme | null {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage can be disabled; the OS preference is a fine fallback.
  }
  return null;
}

export function initialTheme(): Theme {
  return savedTheme() ?? (darkQuery()?.matches ? 'dark' : 'light');
}

/** Until the user picks a theme, follow the OS live (a laptop switching to night mode mid-meeting). */
export function followSystemTheme(onChange: (theme: Theme) => void): void {
  darkQuery()?.addEventListener('change', (event) => {
    if (savedTheme() === null) onChange(event.matches ? 'dark' : 'light');
  });
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
