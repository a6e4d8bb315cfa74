// Limits the host enforces on both sides of the disk: what it will read is what it will write,
// so it never acknowledges a change into a file it would then refuse to open.

/** The largest workbook file, in bytes, that the host opens or writes. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/** The suffix every workbook file name ends with. */
export const WORKBOOK_SUFFIX = '.rollout.json';
