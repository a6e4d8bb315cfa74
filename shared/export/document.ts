// The app's one export format: a document as plain data, rendered two ways — to printable,
// self-contained HTML by React (renderer/export/), and to Markdown by a pure function
// (markdown.ts) — and to PDF from that HTML. Anything exported (a CAB packet, a drill report,
// an adoption update) is built as one of these, so every export escapes the same way, looks the
// same, and carries its provenance. Only text goes in: no markup, no links, no images, so a
// workbook string can never become anything but text in any format.

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

/** A label and its value ("Risk: high"); `mono` for hashes and ids. */
export interface Fact {
  label: string;
  value: string;
  mono?: boolean;
  /** Colours the value only, never the detail under it. */
  tone?: Tone;
  /** Supporting lines under the value (the reasons behind a risk level, say). */
  detail?: string[];
}

export type Cell = string | { text: string; mono?: boolean; tone?: Tone };

export type Block =
  | { kind: 'paragraph'; text: string; tone?: Tone }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'facts'; facts: Fact[] }
  | { kind: 'table'; caption?: string; columns: string[]; rows: Cell[][] }
  /**
   * Room left for what another part of the workbook will fill in (blast radius, last drill…):
   * said plainly, so a reader never mistakes "not recorded" for "nothing to report".
   */
  | { kind: 'slot'; label: string; text: string };

export interface Section {
  heading: string;
  blocks: Block[];
  sections?: Section[];
}

export interface ExportDocument {
  title: string;
  subtitle?: string;
  /** Printed across every page (e.g. DRAFT); absent for a final document. */
  watermark?: string;
  /** Who made it, when and from what: printed under the title and at the end. */
  provenance: Fact[];
  sections: Section[];
}

export const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);

/** A file name from a title: letters, digits and dashes, never empty. */
export function exportFileName(title: string, extension: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'export'}.${extension}`;
}
