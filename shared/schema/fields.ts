import { z } from 'zod';

// Small field builders so every form and every file error speaks the same, specific language.

export const entityId = z
  .string({ error: 'An id is required' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Ids are 1–64 letters, digits, "-" or "_"');

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const optionalText = (label: string, max = 2000) =>
  z.string({ error: `${label} must be text` }).max(max, `${label} must be at most ${max} characters`);

export const finiteNumber = (label: string) =>
  z.number({ error: `${label} must be a number` }).finite(`${label} must be a finite number`);

const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists in the calendar (month 1–12). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN[month - 1]!);
}

// Counted, not parsed: Chromium's and Node's Date.parse roll 2026-02-30 over into March.
export const isoDay = (label: string) =>
  z
    .string({ error: `${label} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2026-12-31`)
    .refine(
      (s) => isRealDay(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
      `${label} is not a real calendar date`,
    );

export const isoInstant = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 date-time' });

export const choice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });
