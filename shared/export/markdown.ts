import { type Block, type Cell, cellText, type ExportDocument, type Fact, type Section } from './document';

// The document as Markdown (CommonMark with GFM tables). Every string from the workbook goes
// through `escapeMarkdown`, so it stays text: no emphasis, no links or images, no raw HTML, no
// headings or lists started mid-comment, no table cells broken by a pipe.

/** Characters that mean something anywhere in a line: always escaped. */
const INLINE = /[\\`*_{}[\]()<>#|!~&]/g;

/**
 * One line of workbook text as Markdown text. Backslash escapes are valid before any ASCII
 * punctuation in CommonMark, so escaping is always safe; the set is the characters that could
 * start markup, plus what only matters at the start of a line (list markers, headings, quotes,
 * thematic breaks, setext underlines, numbered lists).
 */
export function escapeMarkdownLine(text: string): string {
  const line = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE, (c) => `\\${c}`);
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Workbook text that may hold several lines: each line escaped, joined by hard breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map(escapeMarkdownLine)
    .filter((l) => l !== '')
    .join('  \n');
}

const cell = (c: Cell): string => {
  const text = escapeMarkdownLine(cellText(c));
  return typeof c !== 'string' && c.mono ? `\`${cellText(c).replace(/`/g, "'")}\`` : text;
};

const fact = (f: Fact): string => {
  const value = f.mono ? `\`${f.value.replace(/`/g, "'")}\`` : escapeMarkdown(f.value);
  const detail = (f.detail ?? [])
    .map((d) => `\n  - ${escapeMarkdown(d).replaceAll('\n', '\n    ')}`)
    .join('');
  return `- **${escapeMarkdownLine(f.label)}:** ${value}${detail}`;
};

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`).join('\n');
    case 'facts':
      return b.facts.map(fact).join('\n');
    case 'table': {
      const head = `| ${b.columns.map(escapeMarkdownLine).join(' | ')} |`;
      const rule = `|${b.columns.map(() => ' --- ').join('|')}|`;
      const rows = b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
      const caption = b.caption ? `*${escapeMarkdownLine(b.caption)}*\n\n` : '';
      return b.rows.length === 0
        ? `${caption}${escapeMarkdownLine('(none)')}`
        : `${caption}${[head, rule, ...rows].join('\n')}`;
    }
    case 'slot':
      return `> **${escapeMarkdownLine(b.label)}:** ${escapeMarkdown(b.text)}`;
  }
}

function section(s: Section, depth: number): string {
  const heading = `${'#'.repeat(Math.min(depth, 6))} ${escapeMarkdownLine(s.heading)}`;
  const parts = [heading, ...s.blocks.map(block), ...(s.sections ?? []).map((c) => section(c, depth + 1))];
  return parts.join('\n\n');
}

export function toMarkdown(doc: ExportDocument): string {
  const parts = [`# ${escapeMarkdownLine(doc.title)}`];
  if (doc.watermark) parts.push(`**${escapeMarkdownLine(doc.watermark)}**`);
  if (doc.subtitle) parts.push(escapeMarkdown(doc.subtitle));
  if (doc.provenance.length > 0) parts.push(doc.provenance.map(fact).join('\n'));
  for (const s of doc.sections) parts.push(section(s, 2));
  return `${parts.join('\n\n')}\n`;
}
