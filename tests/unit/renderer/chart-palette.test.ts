import { describe, expect, it } from 'vitest';
import { contrast, over, parseColor, type Rgba } from '../../../renderer/charts/contrast';
import {
  DECORATIVE_KEYS,
  GRAPHIC_KEYS,
  PALETTE_VARS,
  type PaletteKey,
  TEXT_KEYS,
} from '../../../renderer/charts/palette';

// The stylesheets as written. Vitest hands CSS imports over empty, so they are read from disk; this
// folder is typed for the browser, hence the untyped import of Node's fs.
const fs: { readFileSync(url: URL, encoding: 'utf8'): string } = await import(/* @vite-ignore */ 'node:fs');
const read = (path: string) => fs.readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

// The chart palettes, as the stylesheets define them, in every context a chart is drawn in: the
// app's light and dark themes and the projector's board (live and greyed stale, over either app
// theme). Lines, points and markers must stand 3:1 against what they are drawn on (the chart's
// background, and the faint fills of a threshold's bad side and a gate's window), words 4.5:1,
// and on the projector 7:1. Custom properties are resolved the way the browser does.

type Vars = Map<string, string>;

/** Custom properties declared per selector, across the stylesheets, in order. */
function declarations(...sheets: string[]): Map<string, Vars> {
  const out = new Map<string, Vars>();
  for (const css of sheets) {
    const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, selectors, body] of clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      for (const selector of selectors!.split(',').map((s) => s.trim())) {
        const vars = out.get(selector) ?? new Map<string, string>();
        for (const [, name, value] of body!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
          vars.set(name!, value!.trim());
        out.set(selector, vars);
      }
    }
  }
  return out;
}

// The order the app loads them in: the theme, then the charts' palettes, then the board's own.
const SHEETS = declarations(
  read('renderer/styles/theme.css'),
  read('renderer/charts/charts.css'),
  read('renderer/app/projector/projector.css'),
);

/** The variables in force on an element matched by `selectors`, later ones winning. */
function context(...selectors: string[]): Vars {
  const vars: Vars = new Map();
  for (const s of selectors) {
    const found = SHEETS.get(s);
    if (!found) throw new Error(`no rule for ${s}`);
    for (const [k, v] of found) vars.set(k, v);
  }
  return vars;
}

function resolve(value: string, vars: Vars, depth = 0): string {
  if (depth > 10) throw new Error(`var() loop in ${value}`);
  return value.replace(/var\((--[\w-]+)\s*(?:,\s*([^)]*))?\)/g, (_, name: string, fallback?: string) => {
    const v = vars.get(name) ?? fallback;
    if (v === undefined) throw new Error(`${name} is not defined`);
    return resolve(v, vars, depth + 1);
  });
}

function color(vars: Vars, key: PaletteKey): Rgba {
  const name = PALETTE_VARS[key];
  const raw = vars.get(name);
  if (raw === undefined) throw new Error(`${name} is not defined`);
  const parsed = parseColor(resolve(raw, vars));
  if (!parsed) throw new Error(`${name}: cannot read ${resolve(raw, vars)}`);
  return parsed;
}

const ROOT_LIGHT = [':root', '[data-theme="light"]'];
const ROOT_DARK = [':root', '[data-theme="dark"]'];
const CONTEXTS: { name: string; selectors: string[]; text: number }[] = [
  { name: 'light', selectors: ROOT_LIGHT, text: 4.5 },
  { name: 'dark', selectors: ROOT_DARK, text: 4.5 },
  // The board is dark whatever the app's theme; a missing override would show the theme's colour.
  { name: 'projector (light app)', selectors: [...ROOT_LIGHT, '.pj-root'], text: 7 },
  { name: 'projector (dark app)', selectors: [...ROOT_DARK, '.pj-root'], text: 7 },
  { name: 'projector, stale', selectors: [...ROOT_DARK, '.pj-root', '.pj-root.pj-stale'], text: 7 },
];

describe('chart palettes', () => {
  it('sorts every colour into a role, so none escapes the checks', () => {
    // The background is what the others are measured against.
    const roles = new Set<PaletteKey>(['bg', ...TEXT_KEYS, ...GRAPHIC_KEYS, ...DECORATIVE_KEYS]);
    expect([...roles].sort()).toEqual(Object.keys(PALETTE_VARS).sort());
  });

  it.each(CONTEXTS)(
    '$name: lines and marks 3:1 on every fill they sit on, words $text:1',
    ({ selectors, text }) => {
      const vars = context(...selectors);
      const bg = color(vars, 'bg');
      expect(bg[3], 'the chart background is opaque').toBe(1);
      const band = over(color(vars, 'band'), bg);
      const range = over(color(vars, 'range'), bg);
      const grounds: [string, Rgba][] = [
        ['background', bg],
        ['bad side of a threshold', band],
        ["a gate's window", range],
        ['both', over(color(vars, 'range'), band)],
      ];
      const low: string[] = [];
      for (const key of GRAPHIC_KEYS) {
        for (const [where, ground] of grounds) {
          const ratio = contrast(color(vars, key), ground);
          if (ratio < 3) low.push(`${key} on ${where}: ${ratio.toFixed(2)}:1`);
        }
      }
      // Words are drawn on the background only: line labels carry their own background.
      for (const key of TEXT_KEYS) {
        const ratio = contrast(color(vars, key), bg);
        if (ratio < text) low.push(`${key} as text: ${ratio.toFixed(2)}:1`);
      }
      expect(low).toEqual([]);
    },
  );

  it('the checks can fail: a light grey line on white is caught', () => {
    const grey = parseColor('#b0b0b0')!;
    expect(contrast(grey, parseColor('#ffffff')!)).toBeLessThan(3);
    expect(contrast(parseColor('#000')!, parseColor('rgb(255 255 255)')!)).toBeCloseTo(21, 5);
  });
});
