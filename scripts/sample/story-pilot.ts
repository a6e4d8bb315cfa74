import type { Command } from '../../shared/domain/commands';
import { parseCsv, sniffDelimiter } from '../../shared/import/csv';
import { feedbackKind } from '../../shared/import/kinds/feedback';
import { usageKind } from '../../shared/import/kinds/usage';
import { guessMapping } from '../../shared/import/layout';
import type { ImportKind } from '../../shared/import/types';
import { amara, chapter, DAY, END, HOUR, tomas } from './cast';
import { cleanImport } from './story-imports';

// Steps 4 and 7 of the sample: the pilot Tomás ran before wave 1 (three groups, honest about who
// was in them, with KPIs whose targets were set first and one that moved, and the survey
// tracker's feedback, every item re-tested by wave 2's poll), and the adoption of the pilot's cohorts since.
// Both exports go through the app's own import flow here, as a user's would.

const dayOf = (offset: number) => new Date(END + offset).toISOString().slice(0, 10);

function imported<S, C, I>(
  kind: ImportKind<S, C, I>,
  slice: S,
  text: string,
  id: string,
  file: string,
): Command {
  const csv = parseCsv(text, sniffDelimiter(text));
  const mapping = {
    ...guessMapping(kind as unknown as ImportKind, csv.header, csv.rows, ',', 'UTC'),
    source: file,
  };
  return cleanImport(kind, csv, mapping, kind.context(slice, END), { id, fileName: file });
}

const GROUPS = [
  {
    id: 'pg-leeds',
    name: 'Leeds inside sales',
    stakeholderGroupId: 'sg-inside',
    novices: 5,
    experts: 9,
    friendly: 10,
    sceptical: 4,
    regions: ['Leeds'],
    edgeCases: ['Multi-currency quotes', 'Quotes over the discount limit'],
  },
  {
    id: 'pg-manchester',
    name: 'Manchester field sales',
    stakeholderGroupId: 'sg-field',
    novices: 4,
    experts: 6,
    friendly: 5,
    sceptical: 5,
    regions: ['Manchester'],
    edgeCases: ['Working offline on site visits'],
  },
  {
    id: 'pg-finance',
    name: 'Finance approvers',
    stakeholderGroupId: 'sg-finance',
    novices: 3,
    experts: 5,
    friendly: 6,
    sceptical: 2,
    regions: ['Leeds'],
    edgeCases: ['Month-end order release', 'Screen-reader approval flow'],
  },
];

const kpi = (id: string, name: string, kind: string, unit: string, direction: string, target: number) => ({
  id,
  name,
  kind,
  unit,
  direction,
  target,
});

const KPIS = [
  kpi('kpi-quote-time', 'Time to send a quote', 'task-time', 'min', 'below', 20),
  kpi('kpi-errors', 'Quotes sent back for errors', 'error-rate', '%', 'below', 3),
  kpi('kpi-tickets', 'Support requests per day', 'support-requests', '/day', 'below', 6),
  kpi('kpi-sentiment', 'Pilot sentiment (1–5)', 'sentiment', '', 'above', 4),
];

const READINGS: Record<string, number[]> = {
  'kpi-quote-time': [31, 26, 22, 19],
  'kpi-errors': [6.5, 4.2, 3.1, 2.4],
  'kpi-tickets': [14, 9, 6, 4],
  'kpi-sentiment': [3.4, 3.6, 3.8, 3.9],
};

const FEEDBACK = `key,summary,category,severity,group,status,change,response
PIL-101,Quote PDF shows VAT twice on multi-currency deals,Integration issue,high,Leeds inside sales,Retested,product,The ERP tax line is no longer added on top of Compass's own
PIL-104,Nobody showed us how to clone last quarter's quote,Training gap,medium,Manchester field sales,Retested,training,A two-minute video on cloning quotes is in the rep guide
PIL-107,Discount approval asks twice when the deal is edited,Usability friction,medium,Leeds inside sales,Retested,product,An edit under the approved discount no longer asks again
PIL-109,Site visits have no signal: drafts were lost,Usability friction,critical,Manchester field sales,Retested,product,Drafts are kept on the laptop and sent when the connection is back
PIL-112,Month-end release needs two finance signatures by policy,Policy conflict,high,Finance approvers,Retested,process,The second signature is now collected inside Compass
`;

/** Raised by a finance approver in wave 1, fixed, and re-tested with her before wave 2's poll. */
const LATE_FEEDBACK = `key,summary,category,severity,group,status,change,response
PIL-115,Approval screen reads the wrong column to a screen reader,Usability friction,high,Finance approvers,Retested,product,Column headers are now announced with each value
`;

const COHORTS = [
  {
    id: 'coh-leeds',
    name: 'Inside sales, Leeds',
    dimension: 'function',
    size: 14,
    owner: 'Leah Brandt',
    action: '',
    actionOwner: '',
  },
  {
    id: 'coh-manchester',
    name: 'Field sales, Manchester',
    dimension: 'location',
    size: 10,
    owner: 'Priya Raman',
    action: 'Champion ride-alongs on Tuesday site visits',
    actionOwner: 'Tomás Ekwueme',
  },
  {
    id: 'coh-marta',
    name: 'Marta Silva’s team',
    dimension: 'manager',
    size: 12,
    owner: 'Marta Silva',
    action: '',
    actionOwner: '',
  },
  {
    id: 'coh-finance',
    name: 'Finance approvers',
    dimension: 'function',
    size: 8,
    owner: 'Ines Vidal',
    action: '',
    actionOwner: '',
  },
].map((c) => ({ ...c, launchDay: dayOf(-40 * DAY), targetPct: 70, targetDays: 30 }));

/** Active people on day n (0–39) since launch: Leeds climbs past target, Manchester and Marta's team lag, finance slips. */
const ACTIVE: Record<string, (n: number) => number> = {
  'coh-leeds': (n) => Math.min(13, 3 + Math.floor(n / 3)),
  'coh-manchester': (n) => Math.min(5, 1 + Math.floor(n / 8)),
  'coh-marta': (n) => Math.min(5, 1 + Math.floor(n / 7)),
  'coh-finance': (n) => (n < 20 ? 2 + Math.floor(n / 5) : n < 30 ? 6 : 5),
};
const FIRST_TASK: Record<string, number[]> = {
  'coh-leeds': [3, 2, 4],
  'coh-manchester': [1, 0, 0, 2],
  'coh-marta': [1, 0, 0, 0, 2],
  'coh-finance': [2, 1, 3],
};

function usageCsv(): string {
  const rows = ['cohort,date,active_users,first_task'];
  for (let n = 0; n < 40; n++) {
    for (const c of COHORTS) {
      const first = FIRST_TASK[c.id]![n] ?? (n % 9 === 4 ? 1 : 0);
      rows.push(`"${c.name}",${dayOf((n - 40) * DAY)},${ACTIVE[c.id]!(n)},${first}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

const FRICTIONS = [
  {
    id: 'fr-search',
    title: 'Account search misses accounts with accents in the name',
    usersAffected: 18,
    minutesLost: 25,
    owner: 'Jun Park',
    status: 'open',
    notes: '',
  },
  {
    id: 'fr-export',
    title: 'Pipeline export to Excel drops the close-date column',
    usersAffected: 9,
    minutesLost: 40,
    owner: '',
    status: 'open',
    notes: 'Managers rebuild it by hand every Monday.',
  },
  {
    id: 'fr-login',
    title: 'Hardware key prompt on every sign-in for admins',
    usersAffected: 4,
    minutesLost: 10,
    owner: 'Jun Park',
    status: 'mitigating',
    notes: '',
  },
];

/** Adds each item of a list an hour apart, from `from`. */
const each = (
  at: (offset: number, who: typeof tomas, command: Command) => void,
  from: number,
  who: typeof tomas,
  collection: string,
  items: readonly object[],
) => {
  items.forEach((item, i) => {
    at(from + i * HOUR, who, { type: 'item.add', collection, item } as Command);
  });
};

export const PILOT_CHAPTER = chapter((at) => {
  each(at, -45 * DAY, tomas, 'pilot.groups', GROUPS);
  each(at, -44 * DAY, tomas, 'pilot.kpis', KPIS);
  at(-40 * DAY, amara, { type: 'pilot.start', baseRevision: 0 });
  for (const [kpiId, values] of Object.entries(READINGS)) {
    values.forEach((value, w) => {
      const offset = -(35 - 7 * w) * DAY;
      at(offset + HOUR, tomas, {
        type: 'pilot.kpi-reading',
        baseRevision: 0,
        kpiId,
        day: dayOf(offset),
        value,
      });
    });
  }
  at(-30 * DAY, tomas, {
    type: 'pilot.kpi-target',
    baseRevision: 0,
    kpiId: 'kpi-sentiment',
    target: 3.8,
    reason: 'The survey moved from the old 1–7 scale to 1–5 after week one; 3.8 is the same bar',
  });
  at(
    -13 * DAY,
    tomas,
    imported(feedbackKind, { feedback: [] }, FEEDBACK, 'imp-pilot-feedback', 'pilot-tracker.csv'),
  );
  at(
    -HOUR,
    tomas,
    imported(feedbackKind, { feedback: [] }, LATE_FEEDBACK, 'imp-pilot-late', 'pilot-tracker-update.csv'),
  );
  each(at, -41 * DAY, amara, 'adoption.cohorts', COHORTS);
  at(
    -2 * HOUR,
    tomas,
    imported(
      usageKind,
      { cohorts: COHORTS as never, usage: [] },
      usageCsv(),
      'imp-usage',
      'compass-usage.csv',
    ),
  );
  each(at, -DAY, tomas, 'adoption.frictions', FRICTIONS);
});
