import { z } from 'zod';

// How big the projector board must draw its text to be read from the back of the room. People
// read comfortably when a character subtends at least 16 minutes of arc; at distance d a capital
// must then be 2·d·tan(8') tall. On a screen w metres wide showing 1920 px, that is a number of
// pixels, and the font size is that divided by a typeface's cap height (about 0.7 of the size).

export const ProjectorSettingsSchema = z.strictObject({
  /** From the screen to the back row, in metres. */
  distanceMeters: z
    .number({ error: 'The distance must be a number of metres' })
    .min(1, 'The distance must be at least 1 m')
    .max(60, 'The distance must be at most 60 m'),
  /** The width of the projected picture, in metres. */
  screenWidthMeters: z
    .number({ error: 'The screen width must be a number of metres' })
    .min(0.3, 'The screen must be at least 0.3 m wide')
    .max(20, 'The screen must be at most 20 m wide'),
});

export type ProjectorSettings = z.infer<typeof ProjectorSettingsSchema>;

export const DEFAULT_PROJECTOR: ProjectorSettings = { distanceMeters: 10, screenWidthMeters: 2.5 };

const ARCMIN = Math.PI / (180 * 60);
const CAP_HEIGHT = 0.7;
/** The board's floor, whatever the room: body text at least 48 px on a 1080p picture. */
export const MIN_BODY_PX = 48;

/** The body font size, in CSS px at 1920 px across, for characters of 16' at the back row. */
export function bodyFontPx(settings: ProjectorSettings, pictureWidthPx = 1920): number {
  const capMeters = 2 * settings.distanceMeters * Math.tan(8 * ARCMIN);
  const px = (capMeters / CAP_HEIGHT) * (pictureWidthPx / settings.screenWidthMeters);
  return Math.max(MIN_BODY_PX, Math.ceil(px));
}
