import { type Scenario, ScenarioSchema } from '../schema';
import { asRecord, clip, type Imported, refuse, safeId, text } from './types';

// Wheel of Misfortune (dastergon/wheel-of-misfortune): a list of incidents, each an ID, a title and
// the situation the volunteer on call is handed; some point at an Ink story for the branches. A
// session has no clock, so each incident becomes a scenario with its situation as the opening
// inject at T+0, sent to the volunteer, and an hour to work through it.

const ONE_HOUR = 3600;
const VOLUNTEER = 'Volunteer (primary on-call)';

export function isWheel(doc: unknown): boolean {
  return (
    Array.isArray(doc) &&
    doc.length > 0 &&
    doc.every((e) => asRecord(e) !== null && 'scenario' in asRecord(e)!)
  );
}

export function importWheel(doc: unknown): Imported {
  const entries = doc as Record<string, unknown>[];
  const leftOut: string[] = [];
  const seen = new Map<string, number>();
  const scenarios = entries.map((e, i): Scenario => {
    const id = text(e.ID) || String(e.ID ?? '');
    const at = `entry ${i + 1}`;
    if (id === '') refuse(`${at} has no ID`);
    const first = seen.get(id);
    if (first !== undefined) refuse(`${at} has the same ID "${id}" as entry ${first + 1}`);
    seen.set(id, i);
    const situation = text(e.scenario);
    if (situation === '') refuse(`${at} (ID "${id}"): "scenario" must be the situation as text`);
    const title = text(e.title) || `Incident ${id}`;
    const notes: string[] = [];
    if (text(e.inkstory))
      notes.push(`its Ink story (${text(e.inkstory)}) is a separate file: import that file for its prompts`);
    if (e.difficulty !== undefined)
      notes.push(`difficulty "${String(e.difficulty)}" has no place in a scenario`);
    for (const n of notes) leftOut.push(`${at} (ID "${id}"): ${n}`);
    const scenario = {
      id: safeId(`wom-${id}`, `wom-${i + 1}`),
      name: clip(title, 160),
      summary: clip(situation, 4000),
      durationSec: ONE_HOUR,
      objectives: [],
      injects: [
        {
          id: 'opening',
          offsetSec: 0,
          title: clip(title, 200),
          detail: clip(situation, 4000),
          recipients: [VOLUNTEER],
          expected: [],
        },
      ],
      questions: [],
      source: 'wheel-of-misfortune' as const,
      sourceNote: `Wheel of Misfortune incident ${id}. The Game Master plays the system; the debrief follows.${notes.length > 0 ? ` Left out: ${notes.join('; ')}.` : ''}`,
    };
    const checked = ScenarioSchema.safeParse(scenario);
    if (!checked.success) refuse(`${at} (ID "${id}"): ${checked.error.issues[0]!.message}`);
    return checked.data;
  });
  return { scenarios, leftOut };
}
