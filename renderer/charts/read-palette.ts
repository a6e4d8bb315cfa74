import { PALETTE_VARS, type Palette, type PaletteKey } from './palette';

// Kept apart from palette.ts, which stays free of the DOM so the palette test runs in plain Node.

/** The palette in force for `el`, as its computed custom properties. */
export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const fallback = style.color || '#000000';
  const out = {} as Palette;
  for (const [key, name] of Object.entries(PALETTE_VARS) as [PaletteKey, string][]) {
    out[key] = style.getPropertyValue(name).trim() || fallback;
  }
  return out;
}
