import type { Command } from '../../shared/domain/commands';
import { amara, chapter, DAY, dmitri, END, jun, MIN, tomas } from './cast';

// Step 6 in the sample: the team wrote a "roll back a wave" runbook three weeks ago and rehearsed
// it on a drill (passed, one step skipped with its reason). Now the Sales API 5xx rate is
// breaching in wave 2: Dmitri runs the same runbook live against that incident, triage is on the
// clock (paused while the bridge waits for the CAB chair), the first internal update went out.

const step = (
  id: string,
  phase: string,
  title: string,
  ownerRole: string,
  timeboxMin: number,
  extra = {},
) => ({
  id,
  phase,
  title,
  ownerRole,
  timeboxMin,
  checklist: [],
  stopConditionIds: [],
  waveIds: [],
  ...extra,
});

const STEPS = [
  step('st-confirm', 'detection', 'Confirm the breach on the dashboard', 'On-call SRE', 5, {
    checklist: ['Same metric, same window as the stop condition', 'Not a dashboard or exporter fault'],
    stopConditionIds: ['sc-errors'],
  }),
  step('st-decide', 'triage', 'Decide: pause the wave or roll it back', 'Incident commander', 15, {
    checklist: ['Read the gate verdict', 'Ask who may call it'],
    stopConditionIds: ['sc-errors'],
  }),
  step('st-page', 'escalation', 'Page the service owner and the CAB chair', 'Incident commander', 5),
  step(
    'st-flag',
    'rollback',
    'Set the wave flag to 0% and redeploy the previous build',
    'Release manager',
    15,
    {
      checklist: ['Flag to 0% for the wave’s regions', 'Redeploy the last good version'],
      waveIds: ['wave-2'],
    },
  ),
  step('st-notify', 'communication', 'Send the internal update', 'Comms lead', 5),
  step('st-verify', 'recovery', 'Watch the 5xx rate stay under threshold for 15 minutes', 'On-call SRE', 20, {
    stopConditionIds: ['sc-errors'],
  }),
];

export const RUNBOOKS_CHAPTER = chapter((at) => {
  const cmd = (offset: number, who: typeof dmitri, command: Command) => at(offset, who, command);
  cmd(-21 * DAY, dmitri, {
    type: 'item.add',
    collection: 'runbooks.runbooks',
    item: {
      id: 'rb-rollback',
      name: 'Roll back a wave',
      purpose: 'A stop condition with the action “roll back” tripped, or the commander calls it.',
    },
  } as Command);
  STEPS.forEach((s, i) => {
    cmd(-21 * DAY + (i + 1) * MIN, dmitri, {
      type: 'runbook.step-save',
      runbookId: 'rb-rollback',
      step: s,
    } as Command);
  });

  // Tomás made the incident comms this rollout's own: the sales teams read "Compass", not "the
  // service", and the customer notice says what is safe and who handles the urgent cases.
  const TEMPLATES = [
    {
      id: 'tpl-internal',
      audience: 'internal',
      name: 'Compass war-room update',
      body: '[{{severity}}] Compass: {{incident}} ({{status}}, {{now}})\n\nWave {{wave}}, go/no-go {{verdict}}.\nWho feels it: {{impact}}\nWhat we are doing: {{actions}}\n\nCommander {{commander}} · comms {{comms_lead}} · next update by {{next_update}}',
    },
    {
      id: 'tpl-customer',
      audience: 'customer',
      name: 'Customer notice from the sales desk',
      body: 'You may notice {{impact}} when you work with our sales team today.\n\nWe know and are on it ({{status}}). Quotes and orders already sent to you are safe; if one is urgent, reply to this note and the sales desk will handle it by hand.\n\nNext update by {{next_update}}.',
    },
    {
      id: 'tpl-executive',
      audience: 'executive',
      name: 'Compass summary for the steering group',
      body: '{{incident}} ({{severity}}) as of {{now}}\n\nConditions: {{conditions}}\nActions: {{actions}}\nNeeds: {{needs}}\nCustomer impact: {{impact}}\n\nRollout: {{wave}}, go/no-go {{verdict}}. Led by {{commander}}; next summary by {{next_update}}.',
    },
  ];
  TEMPLATES.forEach((item, i) => {
    cmd(-20 * DAY + i * MIN, tomas, { type: 'item.add', collection: 'runbooks.templates', item } as Command);
  });

  // The rehearsal, on a drill incident: passed, with the escalation step skipped and why.
  const R = -18 * DAY;
  cmd(R, dmitri, {
    type: 'run.start',
    runId: 'run-rehearsal',
    runbookId: 'rb-rollback',
    mode: 'rehearsal',
    incidentId: '',
    title: 'Rehearsal: roll back wave 1',
    severity: 'SEV2',
  });
  const timed: [string, 'done' | 'skip', number, number, string][] = [
    ['st-confirm', 'done', 0, 4, ''],
    ['st-decide', 'done', 5, 12, ''],
    ['st-page', 'skip', 13, 13, 'The CAB chair sat in the room for the rehearsal'],
    ['st-flag', 'done', 14, 27, ''],
    ['st-notify', 'done', 28, 31, ''],
    ['st-verify', 'done', 32, 50, ''],
  ];
  for (const [stepId, action, start, end, reason] of timed) {
    if (action === 'done')
      cmd(R + start * MIN, jun, {
        type: 'run.step',
        runId: 'run-rehearsal',
        stepId,
        action: 'start',
        reason: '',
      });
    cmd(R + end * MIN + 20_000, jun, { type: 'run.step', runId: 'run-rehearsal', stepId, action, reason });
  }
  cmd(R + 52 * MIN, dmitri, { type: 'run.finish', runId: 'run-rehearsal', result: 'passed' });

  // Live, against the 5xx incident opened at 13:46.
  const inc = 'inc-api-5xx';
  const iso = (offset: number) => new Date(END + offset).toISOString();
  const log = (offset: number, who: typeof dmitri, kind: string, milestone: string, text: string) =>
    cmd(offset, who, {
      type: 'incident.log',
      incidentId: inc,
      at: iso(offset),
      kind,
      milestone,
      text,
      approximate: false,
    } as Command);
  cmd(-11 * MIN + 10_000, dmitri, {
    type: 'run.start',
    runId: 'run-live',
    runbookId: 'rb-rollback',
    mode: 'live',
    incidentId: inc,
    title: '',
    severity: 'SEV2',
  });
  cmd(-11 * MIN + 15_000, dmitri, {
    type: 'incident.role',
    incidentId: inc,
    role: 'commander',
    person: 'Dmitri Halloran',
  });
  cmd(-11 * MIN + 30_000, tomas, {
    type: 'incident.role',
    incidentId: inc,
    role: 'comms',
    person: 'Tomás Ekwueme',
  });
  cmd(-11 * MIN + 40_000, amara, {
    type: 'incident.role',
    incidentId: inc,
    role: 'scribe',
    person: 'Amara Okafor',
  });
  cmd(-10 * MIN, jun, {
    type: 'run.step',
    runId: 'run-live',
    stepId: 'st-confirm',
    action: 'start',
    reason: '',
  });
  cmd(-8 * MIN, jun, {
    type: 'run.step',
    runId: 'run-live',
    stepId: 'st-confirm',
    action: 'done',
    reason: '',
  });
  cmd(-7 * MIN, dmitri, {
    type: 'run.step',
    runId: 'run-live',
    stepId: 'st-decide',
    action: 'start',
    reason: '',
  });
  cmd(-6 * MIN, tomas, {
    type: 'comms.sent',
    incidentId: inc,
    audience: 'internal',
    text: '[SEV2] Sales API 5xx above 2% for UK and Ireland. Wave 2 is on hold while we decide between pause and roll back. Next update within the hour.',
  });
  // Detected when the alert fired (13:46), acknowledged when Dmitri took it.
  cmd(-11 * MIN + 50_000, amara, {
    type: 'incident.log',
    incidentId: inc,
    at: iso(-14 * MIN),
    kind: 'milestone',
    milestone: 'detected',
    text: 'Stop condition alert: 5xx over 2% in UK and Ireland',
    approximate: false,
  } as Command);
  log(-10 * MIN + 30_000, dmitri, 'milestone', 'acknowledged', 'Dmitri takes command');
  log(-5 * MIN, amara, 'observation', '', '5xx at 2.6% and climbing in the UK; Ireland flat at 1.1%');
  // Amara logged the reading when she typed it up; the dashboard has it 40 s earlier. The
  // timeline shows the corrected time with the first one beside it.
  cmd(-4 * MIN, amara, {
    type: 'incident.correct',
    incidentId: inc,
    entryId: 'e-11',
    at: iso(-5 * MIN - 40_000),
  } as Command);
  log(-3 * MIN, dmitri, 'decision', '', 'Hold wave 2 where it is; no new tenants until triage ends');
  // The bridge waits for the CAB chair before deciding: the clocks are paused, so the sample
  // opens with them showing (press Resume); running ones would be long overdue in an old copy.
  for (const id of ['run-live-s2', 'inc-api-5xx-int', 'inc-api-5xx-cus', 'inc-api-5xx-exe']) {
    cmd(-2 * MIN, dmitri, { type: 'timer.control', timerId: id, action: 'pause' });
  }
});
