import { type Scenario, ScenarioSchema } from '../../../shared/areas/drills/schema';

// The scenario form edits minutes from T0 (what a facilitator thinks in) and stores whole
// seconds. A field that is not a number is named here, before the schema gives its own reasons.

export interface ExpectedDraft {
  id: string;
  text: string;
  by: string;
  objectiveId: string;
}

export interface InjectDraft {
  id: string;
  at: string;
  title: string;
  detail: string;
  recipients: string;
  expected: ExpectedDraft[];
}

export interface ScenarioDraft {
  name: string;
  summary: string;
  duration: string;
  objectives: Scenario['objectives'];
  injects: InjectDraft[];
  questions: string;
}

const minutes = (sec: number) => String(Math.round((sec / 60) * 100) / 100);

export function toDraft(s: Scenario): ScenarioDraft {
  return {
    name: s.name,
    summary: s.summary,
    duration: minutes(s.durationSec),
    objectives: s.objectives.map((o) => ({ ...o })),
    injects: s.injects.map((i) => ({
      id: i.id,
      at: minutes(i.offsetSec),
      title: i.title,
      detail: i.detail,
      recipients: i.recipients.join(', '),
      expected: i.expected.map((e) => ({
        id: e.id,
        text: e.text,
        by: minutes(e.bySec),
        objectiveId: e.objectiveId,
      })),
    })),
    questions: s.questions.join('\n'),
  };
}

function seconds(text: string, label: string, errors: string[]): number {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n)) {
    errors.push(`${label} must be a number of minutes from T0, like 15 or 2.5`);
    return 0;
  }
  return Math.round(n * 60);
}

const PATH_LABEL: Record<string, string> = {
  objectives: 'Objective',
  injects: 'Inject',
  expected: 'expected action',
};

function where(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const next = path[i + 1];
    if (key in PATH_LABEL && typeof next === 'number') {
      parts.push(`${PATH_LABEL[key]} ${next + 1}`);
      i++;
    } else if (key === 'questions' && typeof next === 'number') {
      parts.push(`Question ${next + 1}`);
      i++;
    }
  }
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** The scenario the form describes, or every reason it is not one (nothing is sent then). */
export function fromDraft(d: ScenarioDraft, base: Scenario): { scenario: Scenario } | { errors: string[] } {
  const errors: string[] = [];
  const candidate = {
    ...base,
    name: d.name,
    summary: d.summary,
    durationSec: seconds(d.duration, 'Scenario length', errors),
    objectives: d.objectives,
    injects: d.injects.map((inj, i) => ({
      id: inj.id,
      offsetSec: seconds(inj.at, `Inject ${i + 1}: time`, errors),
      title: inj.title,
      detail: inj.detail,
      recipients: inj.recipients
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== ''),
      expected: inj.expected.map((e, j) => ({
        id: e.id,
        text: e.text,
        bySec: seconds(e.by, `Inject ${i + 1}, expected action ${j + 1}: expected by`, errors),
        objectiveId: e.objectiveId,
      })),
    })),
    questions: d.questions
      .split('\n')
      .map((q) => q.trim())
      .filter((q) => q !== ''),
  };
  if (errors.length > 0) return { errors };
  const parsed = ScenarioSchema.safeParse(candidate);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `${where(i.path)}${i.message}`) };
  return { scenario: parsed.data };
}
