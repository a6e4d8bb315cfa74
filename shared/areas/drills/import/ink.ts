import { ScenarioSchema } from '../schema';
import { asRecord, clip, type Imported, refuse, safeId } from './types';

// An Ink story (compiled JSON, as Wheel of Misfortune links them): a branching script, not a
// timeline. What maps: the opening narration becomes the T+0 inject and the story's prompts (its
// lines that ask something) become discussion questions. Its choices and branches do not fit a
// clock-driven drill and are counted in what was left out.

export function isInk(doc: unknown): boolean {
  const r = asRecord(doc);
  return r !== null && typeof r.inkVersion === 'number';
}

interface Lines {
  narration: string[];
  choices: number;
}

// Text in compiled Ink is a string starting with "^". Choice labels sit in an {"s": [...]} object
// or between "str" and "/str" markers; everything else is narration.
function walk(node: unknown, inChoice: boolean, out: Lines): void {
  if (Array.isArray(node)) {
    let inStr = false;
    for (const item of node) {
      if (item === 'str') inStr = true;
      else if (item === '/str') inStr = false;
      else if (typeof item === 'string' && item.startsWith('^')) {
        const line = item.slice(1).trim();
        if (line === '') continue;
        if (inChoice || inStr) out.choices++;
        else out.narration.push(line);
      } else walk(item, inChoice, out);
    }
    return;
  }
  const r = asRecord(node);
  if (!r) return;
  for (const [key, value] of Object.entries(r)) walk(value, inChoice || key === 's', out);
}

export function importInk(doc: unknown, fileName: string): Imported {
  const r = asRecord(doc)!;
  if (!Array.isArray(r.root)) refuse(`Ink story version ${String(r.inkVersion)}: "root" must be a list`);
  const lines: Lines = { narration: [], choices: 0 };
  walk(r.root, false, lines);
  const opening = lines.narration[0];
  if (opening === undefined) refuse('The Ink story has no narration to open the drill with');
  const questions = [...new Set(lines.narration.filter((l) => l.endsWith('?')))];
  const base = fileName.replace(/^.*[\\/]/, '').replace(/(\.ink)?\.json$/i, '');
  const leftOut = [
    `${lines.choices} choices and the branches between them (a drill here follows a clock, not a story)`,
    `${lines.narration.length - 1 - questions.length} later narration lines, which depend on the choices made`,
  ];
  const scenario = {
    id: safeId(`ink-${base}`, 'ink-story'),
    name: clip(base.replace(/[-_]+/g, ' ').replace(/^wheel of misfortune /i, ''), 160) || 'Ink story',
    summary: clip(opening, 4000),
    durationSec: 3600,
    objectives: [],
    injects: [
      {
        id: 'opening',
        offsetSec: 0,
        title: clip(opening, 200),
        detail: '',
        recipients: ['Volunteer (primary on-call)'],
        expected: [],
      },
    ],
    questions: questions.map((q) => clip(q, 500)).slice(0, 50),
    source: 'wheel-of-misfortune' as const,
    sourceNote: clip(
      `Ink story (inkVersion ${String(r.inkVersion)}). Left out: ${leftOut.join('; ')}.`,
      4000,
    ),
  };
  const checked = ScenarioSchema.safeParse(scenario);
  if (!checked.success) refuse(`The Ink story does not fit a scenario: ${checked.error.issues[0]!.message}`);
  return { scenarios: [checked.data], leftOut };
}
