import { areaEvidence } from '../../domain/area-command';
import { AUDIENCE_LABELS as INCIDENT_AUDIENCE, AUDIENCES as INCIDENT_AUDIENCES } from '../runbooks/schema';
import type { Evidence } from '../types';
import { coverageGaps, describeGap, overdueComms } from './rules';
import { AUDIENCES } from './schema';

// What step 3 tells the scorecard. "Champions and support teams are staffed and scheduled"
// follows the coverage rule: green only when every major group has its sponsor, champion and
// training/comms owner. "Communications are ready" follows the comms plan: every audience has a
// message, and nothing due is unsent; and, once the workbook has runbooks (step 6), every incident
// audience has this rollout's own comms template. The app's default wording always fills the gap
// in the composer, but nobody on this rollout has read it for their customers: amber until they do.

const AUDIENCE_LABEL = { executives: 'executives', managers: 'managers', 'end-users': 'end users' } as const;

export const stakeholdersEvidence = areaEvidence((wb, ctx) => {
  const { groups, comms } = wb.stakeholders;
  const out: Evidence[] = [];
  const major = groups.filter((g) => g.major);
  const gaps = coverageGaps(groups);
  const champions = (status: Evidence['status'], summary: string, details: string[]): Evidence => ({
    check: 'champions',
    status,
    summary,
    details,
    from: 'stakeholders',
  });
  if (major.length === 0) {
    out.push(champions('amber', 'No major stakeholder groups recorded yet.', []));
  } else if (gaps.length > 0) {
    out.push(
      champions(
        'red',
        `${gaps.length} of ${major.length} major groups are not covered: ${gaps
          .slice(0, 3)
          .map((g) => g.group)
          .join(', ')}${gaps.length > 3 ? ` and ${gaps.length - 3} more` : ''}.`,
        gaps.map(describeGap),
      ),
    );
  } else {
    out.push(
      champions('green', `All ${major.length} major groups have a sponsor, a champion and an owner.`, []),
    );
  }

  const today = new Date(ctx.now).toISOString().slice(0, 10);
  const overdue = overdueComms(comms, today);
  const missing = AUDIENCES.filter((a) => !comms.some((c) => c.audience === a));
  const { runbooks, templates } = wb.runbooks;
  const noTemplate =
    runbooks.length === 0 ? [] : INCIDENT_AUDIENCES.filter((a) => !templates.some((t) => t.audience === a));
  const templateLine =
    runbooks.length === 0
      ? []
      : noTemplate.length === 0
        ? [
            `Incident comms templates are this rollout's own: ${INCIDENT_AUDIENCES.map((a) => INCIDENT_AUDIENCE[a]).join(', ')}`,
          ]
        : noTemplate.map(
            (a) =>
              `${INCIDENT_AUDIENCE[a]} for incidents: the app's default wording, not yet this rollout's own`,
          );
  const details = [
    ...overdue.map((c) => `Overdue since ${c.due} (${AUDIENCE_LABEL[c.audience]}): ${c.message}`),
    ...missing.map((a) => `No message planned for ${AUDIENCE_LABEL[a]}`),
    ...templateLine,
  ];
  const report = (status: Evidence['status'], summary: string): Evidence => ({
    check: 'comms',
    status,
    summary,
    details,
    from: 'stakeholders',
  });
  if (comms.length === 0) out.push(report('amber', 'No communications planned yet.'));
  else if (overdue.length > 0)
    out.push(report('red', `${overdue.length} of ${comms.length} planned messages are overdue and unsent.`));
  else if (missing.length > 0)
    out.push(report('amber', `No message planned for ${missing.map((a) => AUDIENCE_LABEL[a]).join(', ')}.`));
  else if (noTemplate.length > 0)
    out.push(
      report(
        'amber',
        `Incident comms still use the app's default wording for: ${noTemplate.map((a) => INCIDENT_AUDIENCE[a].toLowerCase()).join(', ')}.`,
      ),
    );
  else {
    const sent = comms.filter((c) => c.sent).length;
    out.push(
      report('green', `Every audience has its messages; ${sent} of ${comms.length} sent, none overdue.`),
    );
  }
  return out;
});
