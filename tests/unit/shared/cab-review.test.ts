import { describe, expect, it } from 'vitest';
import { planHash } from '../../../electron/host/cab-hash';
import { ImportRefused, planImport } from '../../../shared/areas/cab/decision-file';
import { quorumStatus } from '../../../shared/areas/cab/quorum';
import type { Decision } from '../../../shared/areas/cab/schema';
import type { Command } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { type Doc, execute, openDoc, undo } from '../../../shared/domain/history';
import { emptyWorkbook } from '../../../shared/schema/workbook';
import { addStop } from '../../support/workbook-fixtures';

// The board's decisions: how they add up under a quorum rule, and the commands that record
// them — with the plan they were made on kept, and refused when they lack what makes them count.

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
let serial = 0;
const decision = (
  reviewer: string,
  kind: Decision['decision'],
  hash = H1,
  at = '2026-11-18T10:00:00.000Z',
): Decision => ({
  id: `d-${serial++}`,
  reviewer,
  role: 'CAB',
  decision: kind,
  conditions: kind === 'approve-with-conditions' ? 'Run it after the payroll batch.' : '',
  comment: 'Read the plan.',
  at,
  reviewedHash: hash,
  reviewedRevision: 10,
  signed: null,
});

describe('the quorum', () => {
  const quorum = { minApprovals: 2, required: ['Dana Cho'], rejectBlocks: true };

  it('is met by enough current approvals including every required reviewer; conditions are said', () => {
    const s = quorumStatus(
      {
        quorum,
        decisions: [decision('Priya Raman', 'approve'), decision('dana cho ', 'approve-with-conditions')],
      },
      H1,
    );
    expect(s.state).toBe('approved-with-conditions');
    expect(s.reasons[0]).toBe('Approved by 2 reviewers, with conditions from dana cho .');
    expect(
      quorumStatus(
        { quorum, decisions: [decision('Priya Raman', 'approve'), decision('Dana Cho', 'approve')] },
        H1,
      ).state,
    ).toBe('approved');
  });

  it('waits for a required reviewer and for the count, saying for whom and how many', () => {
    const s = quorumStatus(
      { quorum, decisions: [decision('Priya Raman', 'approve'), decision('Lee Wong', 'defer')] },
      H1,
    );
    expect(s.state).toBe('pending');
    expect(s.reasons).toEqual([
      '1 of 2 approvals needed (1 more).',
      'Waiting for the approval of Dana Cho, which is required.',
    ]);
  });

  it('is rejected by one current rejection when rejections block, and not otherwise', () => {
    const decisions = [
      decision('Priya Raman', 'approve'),
      decision('Dana Cho', 'approve'),
      decision('Lee Wong', 'reject'),
    ];
    expect(quorumStatus({ quorum, decisions }, H1)).toMatchObject({
      state: 'rejected',
      reasons: ['Rejected by Lee Wong; one rejection blocks the change.'],
    });
    expect(quorumStatus({ quorum: { ...quorum, rejectBlocks: false }, decisions }, H1).state).toBe(
      'approved',
    );
  });

  it('counts each reviewer once, by their newest decision', () => {
    const decisions = [
      decision('Dana Cho', 'reject', H1, '2026-11-18T10:00:00.000Z'),
      decision('Dana Cho', 'approve', H1, '2026-11-18T11:00:00.000Z'),
      decision('Priya Raman', 'approve'),
    ];
    const s = quorumStatus({ quorum, decisions }, H1);
    expect([s.state, s.latest.length]).toEqual(['approved', 2]);
  });

  it('does not count a decision made on an earlier version: it needs re-review', () => {
    const s = quorumStatus(
      { quorum, decisions: [decision('Priya Raman', 'approve', H2), decision('Dana Cho', 'approve')] },
      H1,
    );
    expect(s.state).toBe('pending');
    expect(s.stale.map((d) => d.reviewer)).toEqual(['Priya Raman']);
    expect(s.reasons.at(-1)).toBe(
      'Priya Raman decided on an earlier version of the plan: re-review needed before it counts.',
    );
    // Nor is a stale rejection a block.
    expect(
      quorumStatus(
        {
          quorum: { ...quorum, minApprovals: 1 },
          decisions: [decision('Lee', 'reject', H2), decision('Dana Cho', 'approve')],
        },
        H1,
      ).state,
    ).toBe('approved');
  });
});

const dana = { name: 'Dana Cho', role: 'CAB chair' };
const at = '2026-11-18T10:00:00.000Z';

function run(doc: Doc, command: Command, who = dana): Doc {
  const done = execute(doc, command, { who, at }, []);
  if (!done) throw new Error('changed nothing');
  return done.doc;
}

function refusal(doc: Doc, command: Command): DomainError {
  try {
    execute(doc, command, { who: dana, at }, []);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('was not refused');
}

const start = () =>
  run(openDoc(emptyWorkbook('wb-1', 'Compass', '2026-11-01T09:00:00.000Z')), addStop('sc-1', 2));
const decide = (
  doc: Doc,
  id: string,
  kind: Decision['decision'],
  comment = 'Fine.',
  conditions = '',
): Command => ({
  type: 'cab.decide',
  id,
  decision: kind,
  comment,
  conditions,
  reviewed: { hash: planHash(doc.wb), revision: doc.wb.revision },
});

describe('recording decisions', () => {
  it('refuses a decision without a comment, and conditional approval without conditions, naming the field', () => {
    const doc = start();
    expect(refusal(doc, decide(doc, 'd1', 'approve', '   '))).toMatchObject({
      where: 'comment',
      message: 'Say why: every decision needs a comment.',
    });
    expect(refusal(doc, decide(doc, 'd1', 'approve-with-conditions', 'ok'))).toMatchObject({
      where: 'conditions',
    });
  });

  it('keeps the plan it was made on, which hashes to what the decision says', () => {
    let doc = start();
    doc = run(doc, decide(doc, 'd1', 'approve-with-conditions', 'Looks right.', 'Not before 22:00'));
    const [d] = doc.wb.cab.decisions;
    expect(d).toMatchObject({
      reviewer: 'Dana Cho',
      role: 'CAB chair',
      conditions: 'Not before 22:00',
      signed: null,
    });
    const [v] = doc.wb.cab.versions;
    expect(v).toMatchObject({ kind: 'reviewed', hash: d!.reviewedHash });
    expect(planHash(v!.content)).toBe(d!.reviewedHash);
    // Deciding does not change the plan: the decision is still current.
    expect(planHash(doc.wb)).toBe(d!.reviewedHash);
  });

  it('drops the content of a version nobody’s newest decision needs, keeping its hash', () => {
    let doc = start();
    doc = run(doc, decide(doc, 'd1', 'approve'));
    const first = doc.wb.cab.versions[0]!.hash;
    doc = run(doc, addStop('sc-2', 5));
    doc = run(doc, decide(doc, 'd2', 'approve', 'Re-read it.'));
    expect(doc.wb.cab.versions.map((v) => [v.hash === first, v.content === null])).toEqual([
      [true, true],
      [false, false],
    ]);
    // Undo brings the dropped content back with the decision.
    const back = undo(doc, { who: dana, at }).doc;
    expect(back.wb.cab.versions.map((v) => v.content === null)).toEqual([false]);
  });

  it('keeps a plan once, however many entries name it', () => {
    let doc = start();
    const reviewed = { hash: planHash(doc.wb), revision: doc.wb.revision };
    doc = run(doc, { type: 'cab.submit', note: '', reviewed });
    doc = run(doc, decide(doc, 'd1', 'approve'));
    doc = run(doc, decide(doc, 'd2', 'defer', 'Next week.'));
    expect(doc.wb.cab.versions.map((v) => [v.kind, v.content !== null])).toEqual([['submitted', true]]);
    // Submitted again after a change, then back to the first plan: the first entry's plan is reused.
    doc = run(doc, addStop('sc-2', 5));
    doc = run(doc, {
      type: 'cab.submit',
      note: '',
      reviewed: { hash: planHash(doc.wb), revision: doc.wb.revision },
    });
    expect(doc.wb.cab.versions.map((v) => [v.kind, v.content !== null])).toEqual([
      ['submitted', true],
      ['submitted', true],
    ]);
  });

  it('refuses a second submission of an unchanged plan', () => {
    let doc = start();
    const submit: Command = {
      type: 'cab.submit',
      note: 'For Thursday',
      reviewed: { hash: planHash(doc.wb), revision: doc.wb.revision },
    };
    doc = run(doc, submit);
    expect(doc.wb.cab.versions[0]).toMatchObject({ kind: 'submitted', note: 'For Thursday', by: 'Dana Cho' });
    expect(refusal(doc, submit).message).toMatch(
      /^This version of the plan was already submitted by Dana Cho/,
    );
  });
});

describe('importing a decision file', () => {
  const payload = (workbookId: string, decisions: ReturnType<typeof fileDecision>[]) => ({
    workbookId,
    workbookName: 'Compass',
    reviewer: { name: 'Priya Raman', role: 'VP Sales Ops' },
    decisions,
  });
  const fileDecision = (id: string, reviewedHash: string) => ({
    id,
    decision: 'approve' as const,
    conditions: '',
    comment: 'Good to go.',
    at,
    reviewedHash,
    reviewedRevision: 3,
  });

  it('refuses a file for another workbook, naming both', () => {
    const doc = start();
    expect(() => planImport(doc.wb, payload('wb-other', [fileDecision('x', H1)]), H1)).toThrow(
      new ImportRefused(
        "This decision file is for the workbook 'Compass' (id wb-other), not for 'Compass' (id wb-1), which is open. Nothing was imported.",
        'payload.workbookId',
      ),
    );
  });

  it('refuses a decision about a plan this workbook never had, saying which', () => {
    const doc = start();
    const now = planHash(doc.wb);
    expect(() =>
      planImport(doc.wb, payload('wb-1', [fileDecision('a', now), fileDecision('b', H2)]), now),
    ).toThrow(
      /^Decision 2 \(Priya Raman, approve, 2026-11-18\) is about a version of the plan this workbook never had \(hash 22222222…22222222\)/,
    );
  });

  it('skips duplicates and flags decisions about a version the owner has changed since', () => {
    let doc = start();
    const submitted = planHash(doc.wb);
    doc = run(doc, {
      type: 'cab.submit',
      note: '',
      reviewed: { hash: submitted, revision: doc.wb.revision },
    });
    doc = run(doc, addStop('sc-2', 5));
    const now = planHash(doc.wb);
    const command: Command = {
      type: 'cab.import-decisions',
      ...payload('wb-1', [fileDecision('p1', submitted), fileDecision('p2', now)]),
      signed: { keyFingerprint: 'ABCD 0123 4567 89AB CDEF 0123 4567 89AB', publicKey: 'a'.repeat(64) },
      currentHash: now,
      currentRevision: doc.wb.revision,
    };
    expect(planImport(doc.wb, command, now)).toEqual({
      record: command.decisions,
      duplicates: [],
      stale: ['p1'],
    });
    doc = run(doc, command);
    expect(doc.wb.cab.decisions.map((d) => [d.id, d.reviewer, d.signed?.importedBy])).toEqual([
      ['p1', 'Priya Raman', 'Dana Cho'],
      ['p2', 'Priya Raman', 'Dana Cho'],
    ]);
    expect(planImport(doc.wb, command, now)).toEqual({ record: [], duplicates: ['p1', 'p2'], stale: [] });
    // A file of nothing new changes nothing (no revision, no audit entry).
    expect(execute(doc, command, { who: dana, at }, [])).toBeNull();
  });
});
