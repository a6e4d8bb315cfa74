import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScenarioFile } from '../../../shared/areas/drills/import';
import { toNativeFile } from '../../../shared/areas/drills/import/native';

// Scenario files are read as `unknown`: a bad one is refused whole, with what is wrong and where.
// The library in resources/scenarios/ goes through the same door as any user's file.

const LIBRARY = resolve('resources/scenarios');

const openaev = (injects: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    export_version: 1,
    scenario_information: { scenario_id: 's1', scenario_name: 'Drill' },
    scenario_teams: [{ team_id: 't1', team_name: 'Ops' }],
    scenario_injects: injects,
    ...extra,
  });
const inject = (id: string, seconds: number, title = id) => ({
  inject_id: id,
  inject_title: title,
  inject_depends_duration: seconds,
  inject_teams: ['t1'],
});
const native = () => JSON.parse(readFileSync(join(LIBRARY, 'permissions-outage.scenario.json'), 'utf8'));

function refusal(name: string, text: string): string {
  const r = importScenarioFile(name, text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('scenario library (resources/scenarios)', () => {
  const files = readdirSync(LIBRARY).filter((f) => f.endsWith('.scenario.json'));
  it('holds the five scenarios the issue names, each importing with objectives, injects and questions', () => {
    const names = files.map((f) => {
      const r = importScenarioFile(f, readFileSync(join(LIBRARY, f), 'utf8'));
      if (!r.ok) throw new Error(r.error);
      const [s] = r.scenarios;
      expect(s!.source).toBe('library');
      expect(s!.objectives.length).toBeGreaterThanOrEqual(3);
      expect(s!.injects.length).toBeGreaterThanOrEqual(3);
      expect(s!.questions.length).toBeGreaterThanOrEqual(3);
      expect(s!.injects.every((i) => i.expected.length > 0)).toBe(true);
      return s!.id;
    });
    expect(names.sort()).toEqual([
      'lib-delayed-data-sync',
      'lib-failed-rollback',
      'lib-integration-failure',
      'lib-performance-regression',
      'lib-permissions-outage',
    ]);
  });
});

describe('importScenarioFile refuses bad files whole', () => {
  it('a file that is not JSON, or is empty, or is JSON of another kind', () => {
    expect(refusal('s.json', '{"format": "war-room-scenario",')).toMatch(/^s\.json: The file is not JSON \(/);
    expect(refusal('s.json', '   ')).toBe('s.json: The file is empty');
    expect(refusal('s.json', '{"hello": 1}')).toMatch(
      /^s\.json is JSON but not a scenario file this app knows/,
    );
  });

  it('an OpenAEV export of an unknown version', () => {
    expect(refusal('x.json', openaev([inject('a', 0)], { export_version: 2 }))).toBe(
      'x.json: OpenAEV export_version 2 is unknown (this app reads version 1 and unversioned exercise exports)',
    );
  });

  it('a negative inject offset, naming the inject', () => {
    expect(refusal('x.json', openaev([inject('a', 0), inject('b', -60, 'Early')]))).toBe(
      'x.json: inject 2 ("Early"): inject_depends_duration is -60 s, before the scenario starts (an offset cannot be negative)',
    );
  });

  it('an inject past the end: of the longest scenario (OpenAEV), of its own scenario (war-room file)', () => {
    expect(refusal('x.json', openaev([inject('a', 13 * 3600, 'Late')]))).toMatch(
      /^x\.json: inject 1 \("Late"\): inject_depends_duration is 46800 s, past the end of the longest scenario/,
    );
    const file = native();
    file.scenario.injects[3].offsetSec = 3700;
    expect(refusal('p.json', JSON.stringify(file))).toBe(
      'p.json: scenario.injects[3].offsetSec: Inject 4 ("Identity team confirms the role mapping is wrong") is at T+3700s, after the scenario ends at T+3600s',
    );
    const negative = native();
    negative.scenario.injects[0].offsetSec = -5;
    expect(refusal('p.json', JSON.stringify(negative))).toBe(
      'p.json: scenario.injects[0].offsetSec: Inject time cannot be before T0',
    );
  });

  it('two injects with the same id, in each format', () => {
    expect(refusal('x.json', openaev([inject('a', 0), inject('b', 60), inject('a', 120)]))).toBe(
      'x.json: inject 3 has the same inject_id "a" as inject 1',
    );
    const file = native();
    file.scenario.injects[2].id = 'inj-1';
    expect(refusal('p.json', JSON.stringify(file))).toBe(
      'p.json: scenario.injects[2].id: Inject 3 has the same id "inj-1" as inject 1',
    );
    const wheel = [
      { ID: '1', title: 'A', scenario: 'x' },
      { ID: '1', title: 'B', scenario: 'y' },
    ];
    expect(refusal('w.json', JSON.stringify(wheel))).toBe('w.json: entry 2 has the same ID "1" as entry 1');
  });

  it('a war-room file of another version', () => {
    const file = native();
    file.version = 2;
    expect(refusal('p.json', JSON.stringify(file))).toBe(
      'p.json: A war-room scenario file of version 2 is not one this app reads (it reads version 1)',
    );
  });
});

describe('importScenarioFile maps what it can', () => {
  it('OpenAEV: teams become recipients, injects sort by time, the length covers the last inject', () => {
    const r = importScenarioFile('x.json', openaev([inject('b', 5400, 'Second'), inject('a', 60, 'First')]));
    if (!r.ok) throw new Error(r.error);
    const [s] = r.scenarios;
    expect(s!.injects.map((i) => [i.title, i.offsetSec, i.recipients])).toEqual([
      ['First', 60, ['Ops']],
      ['Second', 5400, ['Ops']],
    ]);
    expect(s!.durationSec).toBe(5400 + 15 * 60);
  });
});

describe('a scenario saved as a file', () => {
  it('reads back exactly as it was, under a file name made from its name', () => {
    const r = importScenarioFile(
      'x.json',
      readFileSync(join(LIBRARY, 'failed-rollback.scenario.json'), 'utf8'),
    );
    if (!r.ok) throw new Error(r.error);
    const scenario = { ...r.scenarios[0]!, name: 'Rollback fails: <night> shift!' };
    const file = toNativeFile(scenario);
    expect(file.fileName).toBe('rollback-fails-night-shift.scenario.json');
    const back = importScenarioFile(file.fileName, file.text);
    expect(back.ok && back.scenarios).toEqual([scenario]);
  });
});
