import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planHash } from '../../../electron/host/cab-hash';
import { freshSample } from '../../../electron/host/sample';
import { OUT } from '../../../scripts/sample/build';
import { END } from '../../../scripts/sample/story';
import { calendarConflicts } from '../../../shared/areas/cab/calendar';
import { quorumStatus } from '../../../shared/areas/cab/quorum';
import { changedSinceApproval } from '../../../shared/areas/cab/review-status';
import { assessRisk } from '../../../shared/areas/cab/risk';
import { shiftInstants } from '../../../shared/domain/timeshift';
import { type Workbook, WorkbookFileSchema } from '../../../shared/schema/workbook';

// The sample's CAB chapter, as a new user first sees it: a normal change at medium risk (a risk
// condition and the questionnaire agree), one calendar conflict, two decisions on the current
// plan meeting the quorum with conditions — and still current after the sample is moved in time.

const bytes = readFileSync(OUT);
const sample = WorkbookFileSchema.parse(JSON.parse(bytes.toString('utf8')));

function expectChapter(wb: Workbook) {
  const risk = assessRisk(wb.cab.change);
  expect([wb.cab.change.type, risk.level, risk.condition?.id, risk.questionnaire.level]).toEqual([
    'normal',
    'medium',
    'wide-change',
    'medium',
  ]);
  expect(calendarConflicts(wb.cab).map((c) => [c.rule, c.withId])).toEqual([
    ['already-scheduled', 'pc-sso-patch'],
  ]);
  const hash = planHash(wb);
  expect(wb.cab.decisions.map((d) => [d.reviewer, d.decision, d.reviewedHash === hash])).toEqual([
    ['Grace Liu', 'approve', true],
    ['Priya Raman', 'approve-with-conditions', true],
  ]);
  expect(quorumStatus(wb.cab, hash).state).toBe('approved-with-conditions');
  expect(changedSinceApproval(wb, hash)).toEqual([]);
}

describe('the sample’s CAB chapter', () => {
  it('holds a medium-risk normal change, one conflict, and two current decisions meeting the quorum', () => {
    expectChapter(sample);
    expect(sample.cab.quorum).toEqual({ minApprovals: 2, required: ['Grace Liu'], rejectBlocks: true });
  });

  it('stays approved when the sample is moved in time for a new user (the hashes are worked out again)', () => {
    const later = new Date(END + 40 * 24 * 3_600_000);
    // Moving every instant changes the plan's hash: without resealing, both approvals would be stale.
    const moved = shiftInstants(sample, 1000);
    expect(planHash(moved)).not.toBe(sample.cab.decisions[0]!.reviewedHash);
    expectChapter(WorkbookFileSchema.parse(JSON.parse(freshSample(bytes, later).toString('utf8'))));
  });
});
