import { type Inject, MAX_SCENARIO_SECONDS, type Objective, ScenarioSchema } from '../schema';
import { asRecord, clip, DEFAULT_TAIL_SEC, type Imported, refuse, safeId, text } from './types';

// OpenAEV (formerly OpenBAS) scenario and exercise exports. An inject's time is
// inject_depends_duration, in seconds after the start. What maps: the name, description, teams
// (as inject recipients), objectives, lessons questions, injects and their times. What does not
// (implants, mail headers, documents, channels, conditional firing...) is listed, never dropped
// silently. Version 1 is the only versioned export we have seen; unversioned exercise exports
// predate the field and share its shape.

const KNOWN_VERSIONS = [1];

export function isOpenAev(doc: unknown): boolean {
  const r = asRecord(doc);
  return r !== null && ('scenario_information' in r || 'exercise_information' in r || 'export_version' in r);
}

function list(doc: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) refuse(`${key} must be a list`);
  return v.map((item, i) => asRecord(item) ?? refuse(`${key}[${i}] must be an object`));
}

function teamsOf(doc: Record<string, unknown>, p: string, leftOut: string[]): Map<string, string> {
  const teams = new Map<string, string>();
  list(doc, `${p}_teams`).forEach((t, i) => {
    const id = text(t.team_id);
    const name = text(t.team_name) || `Team ${i + 1}`;
    if (teams.has(id)) leftOut.push(`Team "${name}" is listed twice (${p}_teams[${i}]); kept once`);
    else teams.set(id, name);
  });
  return teams;
}

function injectOf(
  raw: Record<string, unknown>,
  i: number,
  teams: Map<string, string>,
  leftOut: string[],
): Inject {
  const title = text(raw.inject_title) || `Inject ${i + 1}`;
  const at = `inject ${i + 1} ("${title}")`;
  const offset = raw.inject_depends_duration ?? 0;
  if (typeof offset !== 'number' || !Number.isFinite(offset))
    refuse(`${at}: inject_depends_duration must be a number of seconds`);
  if (offset < 0)
    refuse(
      `${at}: inject_depends_duration is ${offset} s, before the scenario starts (an offset cannot be negative)`,
    );
  if (offset > MAX_SCENARIO_SECONDS) {
    refuse(
      `${at}: inject_depends_duration is ${offset} s, past the end of the longest scenario this app runs (12 hours, ${MAX_SCENARIO_SECONDS} s)`,
    );
  }
  const teamIds = Array.isArray(raw.inject_teams) ? raw.inject_teams.map(String) : [];
  const recipients =
    raw.inject_all_teams === true ? [...teams.values()] : teamIds.map((t) => teams.get(t) ?? `team ${t}`);
  const content = asRecord(raw.inject_content);
  const detail = text(raw.inject_description) || text(content?.subject) || text(content?.body);
  if (raw.inject_enabled === false)
    leftOut.push(`${at} was disabled in OpenAEV; imported as an ordinary inject`);
  if (Array.isArray(raw.inject_depends_on) && raw.inject_depends_on.length > 0) {
    leftOut.push(`${at} fired only after other injects; here it fires at its time`);
  }
  const contract = asRecord(raw.inject_injector_contract);
  if (contract) leftOut.push(`${at}: its injector contract (what OpenAEV would execute) is not kept`);
  return {
    id: safeId(text(raw.inject_id), `inject-${i + 1}`),
    offsetSec: Math.round(offset),
    title: clip(title, 200),
    detail: clip(detail, 4000),
    recipients: [...new Set(recipients)].slice(0, 30),
    expected: [],
  };
}

export function importOpenAev(doc: unknown): Imported {
  const r = asRecord(doc)!;
  const version = r.export_version;
  if (version !== undefined && !KNOWN_VERSIONS.includes(version as number)) {
    refuse(
      `OpenAEV export_version ${JSON.stringify(version)} is unknown (this app reads version 1 and unversioned exercise exports)`,
    );
  }
  const p = 'scenario_information' in r ? 'scenario' : 'exercise';
  const info = asRecord(r[`${p}_information`]) ?? refuse(`${p}_information is missing or not an object`);
  const leftOut: string[] = [];
  const teams = teamsOf(r, p, leftOut);

  const rawInjects = list(r, `${p}_injects`);
  const seen = new Map<string, number>();
  rawInjects.forEach((inj, i) => {
    const id = text(inj.inject_id);
    const first = seen.get(id);
    if (id !== '' && first !== undefined) {
      refuse(`inject ${i + 1} has the same inject_id "${id}" as inject ${first + 1}`);
    }
    seen.set(id, i);
  });
  const injects = rawInjects
    .map((inj, i) => injectOf(inj, i, teams, leftOut))
    .sort((a, b) => a.offsetSec - b.offsetSec);

  const objectives: Objective[] = list(r, `${p}_objectives`).map((o, i) => ({
    id: safeId(text(o.objective_id), `objective-${i + 1}`),
    text: clip(text(o.objective_title) || text(o.objective_description) || `Objective ${i + 1}`, 300),
    capability: 'triage',
  }));
  if (objectives.length > 0)
    leftOut.push('Objectives carry no capability in OpenAEV; each was set to "triage" to review');
  const questions = list(r, `${p}_lessons_questions`)
    .map((q) => clip(text(q.lessons_question_content) || text(q.lessons_question_explanation), 500))
    .filter((q) => q !== '');

  for (const key of [
    'users',
    'organizations',
    'documents',
    'channels',
    'articles',
    'challenges',
    'variables',
  ]) {
    const n = list(r, `${p}_${key}`).length;
    if (n > 0) leftOut.push(`${n} ${key} (${p}_${key}) are not part of a tabletop scenario here`);
  }
  if (text(info[`${p}_message_header`]) || text(info[`${p}_mail_from`])) {
    leftOut.push('The mail sender, header and footer are not kept (drill injects are not mailed)');
  }

  const last = injects.reduce((m, inj) => Math.max(m, inj.offsetSec), 0);
  const durationSec = Math.min(
    MAX_SCENARIO_SECONDS,
    Math.max(3600, Math.ceil((last + DEFAULT_TAIL_SEC) / 60) * 60),
  );
  const teamLine = teams.size > 0 ? `Teams: ${[...teams.values()].join(', ')}.` : '';
  const summary = [text(info[`${p}_subtitle`]), text(info[`${p}_description`]), teamLine]
    .filter(Boolean)
    .join('\n\n');
  const name = text(info[`${p}_name`]) || 'Imported OpenAEV scenario';
  const scenario = {
    id: safeId(text(info[`${p}_id`]), 'openaev-scenario'),
    name: clip(name, 160),
    summary: clip(summary, 4000),
    durationSec,
    objectives,
    injects,
    questions,
    source: 'openaev' as const,
    sourceNote: clip(
      `OpenAEV ${p} export. Left out: ${leftOut.length === 0 ? 'nothing' : leftOut.join('; ')}`,
      4000,
    ),
  };
  const checked = ScenarioSchema.safeParse(scenario);
  if (!checked.success) refuse(`the ${p} does not fit a scenario: ${checked.error.issues[0]!.message}`);
  return { scenarios: [checked.data], leftOut };
}
