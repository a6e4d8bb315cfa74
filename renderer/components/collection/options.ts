import type { Workbook } from '../../../shared/schema/workbook';
import type { FieldOption } from './field-types';

// Option lists several areas' forms draw from the workbook.

/** A record's wave: one named, or '' for "the wave live at the record's time". */
export const waveOrByTime = (wb: Workbook): FieldOption[] => [
  { value: '', label: 'By time (the wave live then)' },
  ...wb.waves.waves.map((w) => ({ value: w.id, label: w.name })),
];
