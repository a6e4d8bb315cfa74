import type { Command } from '../../shared/domain/commands';
import type { Identity } from '../../shared/domain/identity';
import { amara, dmitri, END, HOUR, jun, MIN, priya, type Step, tomas } from './cast';
import { architectureChapter } from './story-architecture';
import { cabChapter } from './story-cab';
import { DORA_CHAPTER } from './story-dora';
import { DRILLS_CHAPTER } from './story-drills';
import { IMPORTS_CHAPTER } from './story-imports';
import { PILOT_CHAPTER } from './story-pilot';
import { RUNBOOKS_CHAPTER } from './story-runbooks';
import { stakeholdersChapter } from './story-stakeholders';

export type { Step };

// The sample workbook's story, told as the commands its people made, at the times they made
// them. Replayed through the real reducer by build.ts, so every revision, audit entry and
// snapshot in the sample is one the app itself would have written. It ends mid-incident: wave 2
// is live and the Sales API 5xx rate has been over its stop condition for the last 15 minutes.
// Later capabilities add chapters of their own (cast.ts says how); they are listed at the end.

export { END };

const steps: Step[] = [];
const at = (offset: number, who: Identity, command: Command) =>
  steps.push({ at: END + offset, who, command });

/** A slow, repeatable wobble so the numbers look measured, not typed. */
const wobble = (i: number, spread: number) =>
  Math.round((Math.sin(i * 1.7) * spread + Math.cos(i * 0.9) * spread * 0.4) * 100) / 100;

let serial = 0;

function readings(
  waveId: string,
  metricId: string,
  from: number,
  to: number,
  every: number,
  value: (i: number, t: number) => number,
  who: Identity,
) {
  let i = 0;
  for (let t = from; t <= to; t += every, i++) {
    const id = `rd-${waveId.replace('wave-', 'w')}-${metricId.replace('m-', '')}-${String(serial++).padStart(3, '0')}`;
    at(t + 40_000, who, {
      type: 'wave.reading-add',
      id,
      waveId,
      metricId,
      at: new Date(END + t).toISOString(),
      value: Math.round(value(i, t) * 100) / 100,
      source: '',
    });
  }
}

const assess = (
  offset: number,
  who: Identity,
  waveId: string,
  itemId: string,
  status: 'green' | 'amber' | 'red' | 'follow',
  reason: string,
  evidence = '',
) =>
  at(offset, who, {
    type: 'scorecard.assess',
    id: `as-${waveId}-${itemId}`,
    waveId,
    itemId,
    status,
    evidence,
    reason,
    baseRevision: 0,
  });

// Six days out: the sponsor signs off step 1.
at(-6 * 24 * HOUR, priya, {
  type: 'success.approve',
  note: 'Signed off with Amara ahead of the CAB pre-read.',
  baseRevision: 0,
});

// Wave 1 readiness, check by check, then it goes live.
const w1 = -51 * HOUR;
assess(w1, amara, 'wave-1', 'go-success', 'follow', 'Follows the sign-off recorded in step 1.');
assess(
  w1 + MIN,
  jun,
  'wave-1',
  'go-baseline',
  'green',
  'Change tickets CHG-2211 to CHG-2214 approved; configuration exported.',
);
assess(
  w1 + 2 * MIN,
  tomas,
  'wave-1',
  'go-pilot',
  'follow',
  'The pilot tracker is in the workbook now: this check follows its feedback, fixed and re-tested.',
);
assess(
  w1 + 3 * MIN,
  priya,
  'wave-1',
  'go-champions',
  'green',
  'Leah Brandt runs daily office hours for inside sales.',
);
assess(w1 + 4 * MIN, jun, 'wave-1', 'go-dashboards', 'follow', 'Follows the live signals of each wave.');
assess(
  w1 + 5 * MIN,
  dmitri,
  'wave-1',
  'go-runbooks',
  'green',
  'Rollback rehearsed on staging on 30 Oct: 18 minutes end to end.',
);
assess(
  w1 + 6 * MIN,
  tomas,
  'wave-1',
  'go-comms',
  'green',
  'Manager briefing held; the rep guide went out on Monday.',
);
at(-50 * HOUR, amara, {
  type: 'wave.move',
  waveId: 'wave-1',
  to: 'live',
  reason: 'All seven checks green at the morning stand-up.',
  baseRevision: 0,
});

// A day of canary signals, denser in the last hour before the promotion decision.
readings(
  'wave-1',
  'm-api-5xx',
  -50 * HOUR + 15 * MIN,
  -27 * HOUR,
  2 * HOUR,
  (i) => 0.6 + wobble(i, 0.2),
  jun,
);
readings(
  'wave-1',
  'm-sso-login',
  -50 * HOUR + 20 * MIN,
  -27 * HOUR,
  2 * HOUR,
  (i) => 99.2 + wobble(i, 0.2),
  jun,
);
readings(
  'wave-1',
  'm-api-5xx',
  -25 * HOUR - 40 * MIN,
  -25 * HOUR - 5 * MIN,
  5 * MIN,
  (i) => 0.5 + wobble(i + 20, 0.15),
  jun,
);
readings(
  'wave-1',
  'm-sso-login',
  -25 * HOUR - 40 * MIN,
  -25 * HOUR - 5 * MIN,
  5 * MIN,
  (i) => 99.3 + wobble(i + 20, 0.15),
  jun,
);
at(-25 * HOUR, amara, {
  type: 'wave.move',
  waveId: 'wave-1',
  to: 'promoted',
  reason: '24 h hold over; errors and sign-in stayed inside their limits all day.',
  baseRevision: 0,
});

// Wave 2: one check is not green, the poll goes GO anyway, and the wave goes live.
assess(
  -3 * HOUR - 40 * MIN,
  priya,
  'wave-2',
  'go-champions',
  'amber',
  'Field sales has no champion yet; Tomás covers with daily office hours.',
  'Nominations close Friday.',
);
const poll = 'poll-wave-2';
at(-3 * HOUR - 20 * MIN, amara, {
  type: 'poll.start',
  id: poll,
  waveId: 'wave-2',
  positions: [
    { id: 'pos-owner', label: 'Rollout owner', person: 'Amara Okafor' },
    { id: 'pos-ic', label: 'Incident commander', person: 'Dmitri Halloran' },
    { id: 'pos-sre', label: 'Platform SRE', person: 'Jun Park' },
    { id: 'pos-enable', label: 'Sales enablement', person: 'Tomás Ekwueme' },
  ],
});
at(-3 * HOUR - 18 * MIN, amara, {
  type: 'poll.answer',
  pollId: poll,
  positionId: 'pos-owner',
  answer: 'GO',
  reason: '',
});
at(-3 * HOUR - 17 * MIN, dmitri, {
  type: 'poll.answer',
  pollId: poll,
  positionId: 'pos-ic',
  answer: 'GO',
  reason: 'Rollback path rehearsed; I am on call until 18:00.',
});
at(-3 * HOUR - 16 * MIN, jun, {
  type: 'poll.answer',
  pollId: poll,
  positionId: 'pos-sre',
  answer: 'GO',
  reason: '',
});
at(-3 * HOUR - 15 * MIN, tomas, {
  type: 'poll.answer',
  pollId: poll,
  positionId: 'pos-enable',
  answer: 'HOLD',
  reason: 'Field sales still has no champion.',
});
at(-3 * HOUR - 12 * MIN, amara, {
  type: 'poll.close',
  pollId: poll,
  call: 'GO',
  reason: 'Champion gap accepted: Tomás runs office hours until one is named.',
});
at(-3 * HOUR, dmitri, {
  type: 'wave.move',
  waveId: 'wave-2',
  to: 'live',
  reason: 'Poll call GO; field sales enabled for UK and Ireland.',
  baseRevision: 0,
});

// Three hours of wave 2. The API error rate is calm, then climbs through its stop condition.
readings(
  'wave-2',
  'm-api-5xx',
  -3 * HOUR + 5 * MIN,
  -17 * MIN,
  5 * MIN,
  (i) => 0.7 + wobble(i, 0.25) + (i > 30 ? 0.2 : 0),
  jun,
);
readings('wave-2', 'm-api-5xx', -13 * MIN, -MIN, 4 * MIN, (i) => [2.6, 3.1, 3.4, 3.9][i]!, jun);
readings(
  'wave-2',
  'm-sso-login',
  -3 * HOUR + 10 * MIN,
  -5 * MIN,
  10 * MIN,
  (i) => 99.1 + wobble(i, 0.25),
  jun,
);
readings('wave-2', 'm-sync-lag', -3 * HOUR + 15 * MIN, -10 * MIN, 15 * MIN, (i) => 6 + wobble(i, 2), jun);
readings('wave-2', 'm-tickets', -2 * HOUR - 50 * MIN, -50 * MIN, HOUR, (i) => [0.2, 0.4, 0.6][i]!, tomas);
readings(
  'wave-2',
  'm-quote-time',
  -2 * HOUR - 30 * MIN,
  -30 * MIN,
  30 * MIN,
  (i) => 21 + wobble(i, 3),
  tomas,
);

architectureChapter(at);
cabChapter(at);
stakeholdersChapter(at);

/** Every chapter, one line each. */
const CHAPTERS: readonly (readonly Step[])[] = [
  steps,
  DORA_CHAPTER,
  IMPORTS_CHAPTER,
  PILOT_CHAPTER,
  DRILLS_CHAPTER,
  RUNBOOKS_CHAPTER,
];

export const STORY: readonly Step[] = CHAPTERS.flat().sort((a, b) => a.at - b.at);
