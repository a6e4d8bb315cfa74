import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshSample } from '../../../electron/host/sample';
import { buildSample, OUT, readStart } from '../../../scripts/sample/build';
import { END, STORY } from '../../../scripts/sample/story';
import { verdictFor } from '../../../shared/areas/scorecard/verdict';
import { decideWave } from '../../../shared/areas/waves/moves';
import { WorkbookFileSchema } from '../../../shared/schema/workbook';

// The sample is built by replaying its story through the real reducer (npm run sample). This
// keeps the committed file honest, and checks the story ends where a first launch should open:
// wave 2 live, its API error rate over the stop condition, the board at NO-GO.

const committed = JSON.parse(readFileSync(OUT, 'utf8'));

describe('the sample workbook', () => {
  it('is exactly what replaying its story gives (run `npm run sample` after changing either)', () => {
    expect(buildSample(readStart(), STORY)).toEqual(committed);
  });

  it('ends mid-incident: wave 2 breaches its error-rate stop condition, the call is NO-GO', () => {
    const wb = WorkbookFileSchema.parse(committed);
    const [w1, w2, w3] = wb.waves.waves;
    expect([w1?.state, w2?.state, w3?.state]).toEqual(['promoted', 'live', 'planned']);
    const decision = decideWave(wb, w2!, END);
    expect(decision.action).toBe('roll back');
    expect(decision.gates.map((g) => [g.metricName, g.status])).toEqual([
      ['Sales API 5xx rate', 'rollback'],
      ['SSO login success', 'continue'],
      ['ERP order sync lag', 'continue'],
      ['Critical support tickets vs baseline', 'continue'],
    ]);
    const verdict = verdictFor(wb, w2!, END);
    expect(verdict.call).toBe('NO-GO');
    // The pilot check follows the pilot's feedback, all of it re-tested: green.
    expect(verdict.notGreen.map((i) => i.item.id)).toEqual(['go-champions']);
    expect(wb.scorecard.polls[0]?.outcome).toMatchObject({
      kind: 'call',
      call: 'GO',
      snapshot: { verdict: 'GO' },
    });
  });

  it('is moved in time for a new user, so the incident is happening now, whenever that is', () => {
    const later = new Date(END + 97 * 24 * 3_600_000 + 12_345);
    const fresh = WorkbookFileSchema.parse(
      JSON.parse(freshSample(readFileSync(OUT), later).toString('utf8')),
    );
    // The story's last moment (its last change) lands a minute before "now".
    expect(later.getTime() - Date.parse(fresh.audit.at(-1)!.at)).toBe(60_000);
    expect(decideWave(fresh, fresh.waves.waves[1]!, later.getTime()).action).toBe('roll back');
    // Calendar dates (deadlines) stay where they were; the sign-off still matches its criteria.
    expect(fresh.success.outcomes.map((o) => o.deadline)).toEqual(
      committed.success.outcomes.map((o: { deadline: string }) => o.deadline),
    );
    expect(verdictFor(fresh, fresh.waves.waves[1]!, later.getTime()).items[0]?.status).toBe('green');
  });
});
