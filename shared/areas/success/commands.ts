import { z } from 'zod';
import { areaCommand, areaEvidence, draftChange } from '../../domain/area-command';
import { fingerprint } from '../../domain/fingerprint';
import { clockTime } from '../../domain/format';
import { optionalText } from '../../schema/fields';
import type { Workbook } from '../../schema/workbook';
import type { AreaCommand, Evidence, EvidenceProvider } from '../types';
import type { Success } from './schema';

// Signing off step 1, and what that sign-off is worth to the scorecard: "success metrics and
// stop conditions are approved" holds only while they are as they were approved.

// Boards judge the evidence every second; on a 10 MB workbook fingerprinting the whole section
// each time cost ~70 ms. A frozen section (immer deep-freezes every state it produces) can never
// change, so its fingerprint is kept per object; anything else is computed afresh.
const fingerprints = new WeakMap<Success, string>();

/** The fingerprint of the success criteria themselves (the approval is not part of them). */
export function successFingerprint(success: Success): string {
  const known = fingerprints.get(success);
  if (known !== undefined) return known;
  const value = fingerprint({ ...success, approval: null });
  if (Object.isFrozen(success)) fingerprints.set(success, value);
  return value;
}

const ApproveSuccessSchema = z.strictObject({
  type: z.literal('success.approve'),
  note: optionalText('Note', 500),
  baseRevision: z.number().int().min(0),
});

// Typed explicitly: inferring it would need the workbook type, which the registry derives.
export const approveSuccess: AreaCommand<typeof ApproveSuccessSchema> = areaCommand(
  ApproveSuccessSchema,
  (wb, cmd, ctx) => {
    const approval = {
      by: ctx.who.name,
      role: ctx.who.role,
      at: ctx.at,
      note: cmd.note,
      fingerprint: successFingerprint(wb.success),
    };
    const change = draftChange(wb, (d) => {
      d.success.approval = approval;
    });
    return {
      ...change,
      touched: ['success.approval'],
      area: 'success',
      summary: `Approved the success criteria and stop conditions${cmd.note ? `: ${cmd.note}` : ''}`,
    };
  },
);

// Typed explicitly, like the commands above.
export const successEvidence: EvidenceProvider = areaEvidence((wb: Workbook) => {
  const s = wb.success;
  const report = (status: Evidence['status'], summary: string, details: string[] = []): Evidence[] => [
    { check: 'success', status, summary, details, from: 'success' },
  ];
  const gaps = [
    s.outcomes.length === 0 ? 'No outcome metric says what success looks like.' : '',
    s.stopConditions.length === 0 ? 'No stop condition says when to stop.' : '',
    s.noGoAuthorities.length === 0 ? 'Nobody is named who can call a no-go.' : '',
  ].filter(Boolean);
  if (gaps.length > 0) return report('red', 'Step 1 is not complete.', gaps);
  if (!s.approval) return report('amber', 'Defined, but nobody has approved them yet.');
  const when = `${clockTime(s.approval.at)} on ${s.approval.at.slice(0, 10)}`;
  if (s.approval.fingerprint !== successFingerprint(s)) {
    return report('amber', `Changed after ${s.approval.by} (${s.approval.role}) approved them at ${when}.`, [
      'Approve them again once the change is agreed.',
    ]);
  }
  return report(
    'green',
    `Approved by ${s.approval.by} (${s.approval.role}) at ${when}.`,
    s.approval.note ? [s.approval.note] : [],
  );
});
