import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScenarioFile } from '../../shared/areas/drills/import';

// Every drill-scenario file in ../shared/realworld/tabletop/ (OpenAEV exports, Wheel of
// Misfortune files, OpenAEV's spreadsheet timeline; see its STRUCTURE-NOTES.md) either imports,
// with the scenarios and inject counts asserted here, or is refused with a precise reason. A new
// file without an expectation fails, so none goes untested.

const DIR = resolve(import.meta.dirname, '../../../shared/realworld/tabletop');
const present = existsSync(DIR);

type Expect =
  | {
      imports: {
        format: string;
        names: string[];
        injects: number[];
        questions?: number[];
        leftOut: RegExp[];
      };
    }
  | { refused: RegExp };

const EXPECTED: Record<string, Expect> = {
  'openbas_scenario_export_v1.json': {
    imports: {
      format: 'openaev',
      names: ['test export'],
      injects: [1],
      leftOut: [/injector contract/, /mail sender, header and footer/],
    },
  },
  // The same team and organisation twice: the team is kept once and the repeat reported.
  'openbas_exercise_export_teams_users.json': {
    imports: {
      format: 'openaev',
      names: ['Test Exercise'],
      injects: [0],
      leftOut: [
        /Team "Animation team" is listed twice \(exercise_teams\[1\]\)/,
        /1 users/,
        /2 organizations/,
      ],
    },
  },
  'wheel-of-misfortune_general_incidents.json': {
    imports: {
      format: 'wheel-of-misfortune',
      names: Array.from({ length: 8 }, (_, i) => `Incident ${i + 1}`),
      injects: Array(8).fill(1),
      leftOut: [/entry 5 \(ID "5"\): its Ink story \(incidents\/redis-story\.json\)/],
    },
  },
  // Starts with a UTF-8 byte-order mark.
  'wheel-of-misfortune_redis-story.ink.json': {
    imports: {
      format: 'ink-story',
      names: ['redis story'],
      injects: [1],
      questions: [4],
      leftOut: [/^19 choices and the branches/, /^12 later narration lines/],
    },
  },
  'openbas_xls_inject_timeline_test_file_1.xlsx': {
    refused:
      /is a spreadsheet \(an \.xlsx zip\), not JSON: OpenAEV's spreadsheet inject timeline is not read here/,
  },
};

describe('tabletop scenario files from ../shared/realworld/tabletop', () => {
  it('are present (CI has them; elsewhere this says so plainly)', () => {
    if (!present) {
      const message = `../shared/realworld/tabletop is not here (looked in ${DIR}), so the real scenario files were not imported.`;
      console.warn(message);
      if (process.env.CI) throw new Error(message);
      return;
    }
    const files = readdirSync(DIR).filter((f) => !f.endsWith('.md'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const files = present ? readdirSync(DIR).filter((f) => !f.endsWith('.md')) : [];
  for (const file of files) {
    it(`${file} imports or is refused with a precise reason`, () => {
      const want = EXPECTED[file];
      if (!want) throw new Error(`${file} has no expectation in tests/realworld/tabletop.test.ts: add one`);
      const result = importScenarioFile(file, readFileSync(join(DIR, file), 'utf8'));
      if ('refused' in want) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(want.refused);
        return;
      }
      if (!result.ok) throw new Error(`refused: ${result.error}`);
      expect(result.format).toBe(want.imports.format);
      expect(result.scenarios.map((s) => s.name)).toEqual(want.imports.names);
      expect(result.scenarios.map((s) => s.injects.length)).toEqual(want.imports.injects);
      if (want.imports.questions) {
        expect(result.scenarios.map((s) => s.questions.length)).toEqual(want.imports.questions);
      }
      for (const pattern of want.imports.leftOut) {
        expect(
          result.leftOut.some((line) => pattern.test(line)),
          `left out: ${pattern}`,
        ).toBe(true);
      }
    });
  }

  it.runIf(present)('keeps what maps: the OpenAEV inject time, the Wheel situation, the Ink prompts', () => {
    const read = (f: string) => {
      const r = importScenarioFile(f, readFileSync(join(DIR, f), 'utf8'));
      if (!r.ok) throw new Error(r.error);
      return r.scenarios;
    };
    const [openaev] = read('openbas_scenario_export_v1.json');
    expect(openaev!.injects.map((i) => [i.id, i.offsetSec, i.title])).toEqual([
      ['73fb1354-7b85-482d-a9e7-0319c0efefbe', 0, 'whoami'],
    ]);
    const exercise = read('openbas_exercise_export_teams_users.json')[0]!;
    expect(exercise.summary).toContain('Teams: Animation team.');
    expect(exercise.summary).not.toContain('Animation team, Animation team');
    const wheel = read('wheel-of-misfortune_general_incidents.json');
    expect(wheel[1]!.injects[0]!.detail).toBe("You've received alerts that your load balancer is down...");
    expect(wheel[1]!.injects[0]!.offsetSec).toBe(0);
    const ink = read('wheel-of-misfortune_redis-story.ink.json')[0]!;
    expect(ink.injects[0]!.title).toBe("You've received an alert that your Redis server is killed...");
    expect(ink.questions).toContain('How do you proceed?');
    expect(ink.questions).toContain('Do you see anything suspicious?');
  });
});
