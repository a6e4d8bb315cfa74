import Papa from 'papaparse';
import { formatBytes } from '../domain/format';
import type { BadRow } from './types';

// A picked file → its rows. UTF-8 only (with or without a byte-order mark): anything else is
// refused with a message saying what it looks like instead and how to save it as UTF-8 CSV.
// The delimiter (one of ; , tab) is sniffed and shown, and the user can change it.

export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_LABEL: Record<Delimiter, string> = {
  ';': 'semicolon (;)',
  ',': 'comma (,)',
  '\t': 'tab',
};

/** The largest CSV the import reads: the workbook it lands in is no larger. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; message: string };

const SAVE_AS = 'Save it from its program as CSV (UTF-8) and import that file.';

export function decodeCsv(bytes: Uint8Array, fileName: string): Decoded {
  const name = fileName || 'The file';
  if (bytes.length === 0) return { ok: false, message: `${name} is empty: there is nothing to import.` };
  if (bytes.length > MAX_CSV_BYTES) {
    return {
      ok: false,
      message: `${name} is ${formatBytes(bytes.length)}; an import reads at most ${formatBytes(MAX_CSV_BYTES)}. Export a shorter time range, or split the file.`,
    };
  }
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    return {
      ok: false,
      message: `${name} is UTF-16 text (it starts with a UTF-16 byte-order mark). ${SAVE_AS}`,
    };
  }
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) {
    return {
      ok: false,
      message: `${name} is a zip file (an Excel .xlsx workbook, perhaps), not CSV text. ${SAVE_AS}`,
    };
  }
  const nul = bytes.subarray(0, 65_536).indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a mark: every other byte of plain text is zero.
    const head = bytes.subarray(0, Math.min(bytes.length, 512));
    let zeros = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) zeros++;
    return {
      ok: false,
      message:
        zeros * 3 >= head.length
          ? `${name} looks like UTF-16 text (every other byte is zero). ${SAVE_AS}`
          : `${name} is not a text file: byte ${nul + 1} is a zero byte, which CSV text never holds.`,
    };
  }
  const bom = a === 0xef && b === 0xbb && c === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bom ? bytes.subarray(3) : bytes,
    );
    return { ok: true, text, bom };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    return {
      ok: false,
      message: `${name} is not UTF-8 text: byte ${at + 1} (line ${line}) is not valid UTF-8. It may be in a Windows or Mac code page. ${SAVE_AS}`,
    };
  }
}

/** Where UTF-8 decoding fails (only called once it has). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const x = bytes[i]!;
    const need =
      x < 0x80 ? 0 : x >= 0xc2 && x < 0xe0 ? 1 : x >= 0xe0 && x < 0xf0 ? 2 : x >= 0xf0 && x < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
}

/**
 * The delimiter that splits the header into the most columns and the first rows into as many
 * as the header: a comma inside an unquoted series name ("device=eth0,host=a") then loses to
 * the semicolon that really separates the columns.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const lines = sample.split('\n').filter((l) => l.trim() !== '').length;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 50, skipEmptyLines: true });
    const rows = parsed.data;
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const body = rows.slice(1, rows.length > 2 ? -1 : undefined); // the last may be cut off
    // A quote opened by a wrong split swallows the lines after it: no fit at all.
    const fit =
      body.length === 0 ? (lines <= 1 ? 1 : 0) : body.filter((r) => r.length === width).length / body.length;
    const score = fit * (parsed.errors.length > 0 ? 500 : 1000) + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

interface ChunkConfig {
  chunkSize: number;
  chunk(result: Papa.ParseResult<string[]>): void;
}

export interface ParsedCsv {
  header: string[];
  /** Data rows; rows[i] is the file's row i + 2 (the header is row 1, as a spreadsheet counts). */
  rows: string[][];
  /** Rows the CSV parser itself could not read cleanly (a stray quote), by row number. */
  problems: BadRow[];
}

/** Parses the whole text; `progress` gets the share done (0–1) as chunks finish. */
export function parseCsv(text: string, delimiter: Delimiter, progress?: (done: number) => void): ParsedCsv {
  const all: string[][] = [];
  const problems: BadRow[] = [];
  // Papa chunks a string as it chunks a file (its types only admit files), so progress can be told.
  const parse = Papa.parse as (input: string, config: Papa.ParseConfig<string[]> & ChunkConfig) => void;
  parse(text, {
    delimiter,
    skipEmptyLines: false,
    chunkSize: 1024 * 1024,
    chunk: (result) => {
      const base = all.length;
      for (const row of result.data) all.push(row);
      for (const e of result.errors) {
        // Papa counts error rows within the chunk; a row number counts from the file's start.
        const row = base + (e.row ?? 0) + 1;
        if (problems.at(-1)?.row !== row)
          problems.push({ row, reason: `the CSV cannot be read here: ${e.message}` });
      }
      progress?.(Math.min(1, (result.meta.cursor ?? 0) / Math.max(1, text.length)));
    },
  });
  // A file ending in a newline leaves one empty record behind: it is not a row.
  const last = all.at(-1);
  if (all.length > 1 && last && last.length === 1 && last[0] === '') all.pop();
  const [header = [], ...rows] = all;
  return { header: header.map((h) => h.trim()), rows, problems };
}
