import type { Block, ExportDocument } from '../../export/document';
import type { Feedback } from './schema';

// "You said, we did": the closing half of a feedback loop. Each group that raised feedback gets
// its own draft, from the items that are fixed and re-tested, in plain words; the facilitator
// edits it before it goes out (renderer/features/pilot keeps the edits, the export module writes it).

export const CHANGE_WORDS: Record<Feedback['change'], string> = {
  '': 'a fix',
  product: 'a change to the product',
  process: 'a change to the process',
  training: 'new or updated training',
  support: 'a change to how support helps',
};

export const TYPE_WORDS: Record<Feedback['type'], string> = {
  usability: 'usability friction',
  training: 'a training gap',
  integration: 'an integration issue',
  policy: 'a policy conflict',
};

export interface Draft {
  /** The group it is for ("Support agents EMEA"), or "Everyone in the pilot" when none was named. */
  audience: string;
  /** How many closed items it covers. */
  items: number;
  /** The editable text, Markdown. */
  text: string;
}

const EVERYONE = 'Everyone in the pilot';

/** One draft per audience, from the re-tested items; audiences in the order they first appear. */
export function youSaidDrafts(feedback: readonly Feedback[]): Draft[] {
  const byAudience = new Map<string, Feedback[]>();
  for (const f of feedback) {
    if (f.status !== 'retested') continue;
    const audience = f.sourceGroup.trim() || EVERYONE;
    const list = byAudience.get(audience);
    if (list) list.push(f);
    else byAudience.set(audience, [f]);
  }
  return [...byAudience].map(([audience, items]) => ({
    audience,
    items: items.length,
    text: [
      `## You said, we did — ${audience}`,
      '',
      `Thank you for the feedback during the pilot. Here is what changed because of it${items.length > 1 ? ` (${items.length} items)` : ''}.`,
      '',
      ...items.map(
        (f) =>
          `- **You said:** ${f.title} (${TYPE_WORDS[f.type]}).\n  **We did:** ${f.response.trim() || `made ${CHANGE_WORDS[f.change]}`}, and re-tested it with pilot users.`,
      ),
      '',
      'Tell us if anything still gets in your way.',
    ].join('\n'),
  }));
}

/** A draft's Markdown-like text as export blocks: "- " items (with indented continuations) and paragraphs. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const plain = (s: string) => s.replace(/\*\*/g, '').trim();
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: plain(para.join(' ')) });
    if (list.length) blocks.push({ kind: 'list', items: list.map(plain) });
    para = [];
    list = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^#{1,6}\s/.test(line)) continue; // the audience is the section's heading
    if (/^\s*[-*]\s+/.test(line)) {
      if (para.length) flush();
      list.push(line.replace(/^\s*[-*]\s+/, ''));
    } else if (/^\s{2,}\S/.test(line) && list.length) list[list.length - 1] += ` ${line.trim()}`;
    else if (line.trim() === '') flush();
    else {
      if (list.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

export interface UpdateText {
  audience: string;
  text: string;
}

/** The updates as one document for the export module (Markdown, HTML, PDF), one section per audience. */
export function youSaidDocument(
  updates: readonly UpdateText[],
  ctx: { workbook: string; revision: number; at: string; by: string },
): ExportDocument {
  return {
    title: 'You said, we did',
    subtitle: `What changed because of pilot feedback — ${ctx.workbook}`,
    provenance: [
      { label: 'Workbook', value: `${ctx.workbook} (revision ${ctx.revision})` },
      {
        label: 'Made',
        value: `${ctx.at.slice(0, 16).replace('T', ' ')} UTC${ctx.by ? ` by ${ctx.by}` : ''}`,
      },
    ],
    sections: updates.map((u) => ({ heading: u.audience, blocks: blocksOf(u.text) })),
  };
}
