import { formatDuration } from '../../domain/format';
import type { Workbook } from '../../schema/workbook';
import type { Incident } from '../runbooks/schema';
import { type FourKeysLabel, frequencyLabel, hoursLabel, LABEL_BUCKET, rateLabel } from './dora-buckets';
import { median } from './dora-math';
import type { Deployment, Wave } from './schema';

// The DORA four keys, computed the way the Four Keys project does (dora-team/fourkeys; see
// ../shared/realworld/dora/FOURKEYS-NOTES.md): only successful deployments count; lead time is
// the median of deploy − commit per change, non-positive ones dropped as automated pushes; time
// to restore is the median of whole hours from opened to resolved; the change failure rate counts
// deployment/change rows joined to an incident, so one deployment with several root-cause
// changes can take it above 100 %. Drill incidents never count. Every figure keeps the records
// behind it, so the room can see what it stands on.

export type DoraKey = 'frequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore';

/** One record behind a figure, with what it contributed. */
export interface DoraRecord {
  kind: 'deployment' | 'change' | 'incident';
  id: string;
  label: string;
  at: string;
  /** What this record adds to the figure: "lead time 3 h 10 min", "2 failing change rows". */
  contributes: string;
  /** Its number: minutes of lead time, hours to restore, failing rows; null when it adds none. */
  amount: number | null;
  /** Counted in the figure (false: listed to say why not, e.g. an incident still open). */
  counted: boolean;
}

export interface DoraFigure {
  key: DoraKey;
  title: string;
  /** The figure in words ("2 h 35 min", "12 %", "3.5 a week"), or null when it cannot be said. */
  value: string | null;
  /** The number it rests on (minutes, hours, a ratio, deploy-days a week), for charts and tests. */
  raw: number | null;
  fourKeys: FourKeysLabel | null;
  bucket: (typeof LABEL_BUCKET)[FourKeysLabel] | null;
  /** How it was worked out, or why there is no figure. */
  explanation: string;
  records: DoraRecord[];
}

export interface DoraScope {
  /** Epoch ms, inclusive. */
  from: number;
  to: number;
  /** A wave's figures, or null for the whole workbook. */
  wave: Wave | null;
}

const HOUR = 3_600_000;

/** A figure that cannot be said, with why, and the records looked at. */
function noFigure(key: DoraKey, title: string, records: DoraRecord[], explanation: string): DoraFigure {
  return { key, title, value: null, raw: null, fourKeys: null, bucket: null, explanation, records };
}
const DAY = 24 * HOUR;

/** The window of a wave: from going live to its end (promotion or rollback), or to now. */
export function waveScope(wave: Wave, now: number): DoraScope | null {
  if (!wave.startedAt) return null;
  const ended = wave.state === 'promoted' || wave.state === 'rolled-back' ? wave.moves.at(-1)?.at : undefined;
  return { from: Date.parse(wave.startedAt), to: ended ? Date.parse(ended) : now, wave };
}

/** The workbook's figures over the last 90 days, as Four Keys reports them. */
export function overallScope(now: number): DoraScope {
  return { from: now - 90 * DAY, to: now, wave: null };
}

const within = (scope: DoraScope, iso: string) => {
  const t = Date.parse(iso);
  return t >= scope.from && t <= scope.to;
};

/** A record belongs to a wave when it names it, or names none and happened during it. */
const inWave = (scope: DoraScope, waveId: string, at: string) =>
  scope.wave === null ? within(scope, at) : waveId === scope.wave.id || (waveId === '' && within(scope, at));

export function deploymentsIn(wb: Workbook, scope: DoraScope): Deployment[] {
  return wb.waves.deployments.filter((d) => d.status === 'success' && inWave(scope, d.waveId, d.at));
}

const deploymentLabel = (d: Deployment) => [d.service, d.version].filter(Boolean).join(' ') || d.ref || d.id;

function frequency(deployments: Deployment[], scope: DoraScope): DoraFigure {
  const title = 'Deployment frequency';
  const records = deployments.map<DoraRecord>((d) => ({
    kind: 'deployment',
    id: d.id,
    label: deploymentLabel(d),
    at: d.at,
    contributes: 'one deployment',
    amount: 1,
    counted: true,
  }));
  const days = Math.max(1, Math.ceil((scope.to - scope.from) / DAY));
  if (deployments.length === 0) {
    return noFigure('frequency', title, records, `No successful deployment in these ${days} days.`);
  }
  const { label, perWeek } = frequencyLabel(
    deployments.map((d) => Date.parse(d.at)),
    scope.from,
    scope.to,
  );
  return {
    key: 'frequency',
    title,
    value: `${round1(perWeek)} a week`,
    raw: perWeek,
    fourKeys: label,
    bucket: LABEL_BUCKET[label],
    explanation: `${deployments.length} successful deployment${deployments.length === 1 ? '' : 's'} in ${days} days; Four Keys calls it ${label} from the median week.`,
    records,
  };
}

function leadTime(deployments: Deployment[]): DoraFigure {
  const records: DoraRecord[] = [];
  const minutes: number[] = [];
  for (const d of deployments) {
    for (const c of d.changes) {
      const m = (Date.parse(d.at) - Date.parse(c.committedAt)) / 60_000;
      const counted = m > 0;
      if (counted) minutes.push(m);
      records.push({
        kind: 'change',
        id: `${d.id}/${c.ref}`,
        label: `${c.ref} in ${deploymentLabel(d)}`,
        at: c.committedAt,
        contributes: counted
          ? `lead time ${formatDuration(m * 60_000)}`
          : 'not counted: deployed no later than committed (an automated push)',
        amount: m,
        counted,
      });
    }
  }
  const value = median(minutes);
  if (value === null) {
    return noFigure(
      'leadTime',
      'Lead time for changes',
      records,
      deployments.length === 0
        ? 'No successful deployment to measure.'
        : 'No deployment lists the changes it shipped, with their commit times.',
    );
  }
  const label = hoursLabel(value / 60);
  return {
    key: 'leadTime',
    title: 'Lead time for changes',
    value: formatDuration(value * 60_000),
    raw: value,
    fourKeys: label,
    bucket: LABEL_BUCKET[label],
    explanation: `Median of ${minutes.length} change${minutes.length === 1 ? '' : 's'}, commit to deployment.`,
    records,
  };
}

/** Deployment/change rows joined to a real incident, per deployment (Four Keys' counting). */
function failingRows(d: Deployment, incidents: readonly Incident[]): { rows: number; by: Incident[] } {
  let rows = 0;
  const by: Incident[] = [];
  for (const i of incidents) {
    const matched = d.changes.filter((c) => i.changeRefs.includes(c.ref)).length;
    const n = matched > 0 ? matched : i.deploymentIds.includes(d.id) ? 1 : 0;
    if (n > 0) by.push(i);
    rows += n;
  }
  return { rows, by };
}

function changeFailureRate(deployments: Deployment[], incidents: readonly Incident[]): DoraFigure {
  const title = 'Change failure rate';
  let rows = 0;
  let failed = 0;
  const records = deployments.map<DoraRecord>((d) => {
    const f = failingRows(d, incidents);
    rows += f.rows;
    if (f.rows > 0) failed++;
    return {
      kind: 'deployment',
      id: d.id,
      label: deploymentLabel(d),
      at: d.at,
      contributes:
        f.rows === 0
          ? 'no incident'
          : `${f.rows} failing change row${f.rows === 1 ? '' : 's'}: ${f.by.map((i) => i.title).join('; ')}`,
      amount: f.rows,
      counted: true,
    };
  });
  if (deployments.length === 0) {
    return noFigure('changeFailureRate', title, records, 'No successful deployment to measure against.');
  }
  const rate = rows / deployments.length;
  const label = rateLabel(rate);
  return {
    key: 'changeFailureRate',
    title,
    value: `${Math.round(rate * 100)} %`,
    raw: rate,
    fourKeys: label,
    bucket: LABEL_BUCKET[label],
    explanation:
      `${failed} of ${deployments.length} deployment${deployments.length === 1 ? '' : 's'} led to an incident; ` +
      `Four Keys counts ${rows} failing change row${rows === 1 ? '' : 's'} over ${deployments.length}` +
      (rate > 1 ? ', which is how a rate goes over 100 %.' : '.'),
    records,
  };
}

/** Real incidents of the scope: named for the wave, caused by one of its deployments, or during it. */
export function incidentsIn(wb: Workbook, scope: DoraScope, deployments: readonly Deployment[]): Incident[] {
  const ids = new Set(deployments.map((d) => d.id));
  return wb.runbooks.incidents.filter(
    (i) => !i.drill && (inWave(scope, i.waveId, i.openedAt) || i.deploymentIds.some((id) => ids.has(id))),
  );
}

function timeToRestore(incidents: readonly Incident[]): DoraFigure {
  const hours: number[] = [];
  const exact: number[] = [];
  const records = incidents.map<DoraRecord>((i) => {
    const took = i.resolvedAt ? Date.parse(i.resolvedAt) - Date.parse(i.openedAt) : null;
    if (took !== null && took >= 0) {
      hours.push(Math.floor(took / HOUR)); // Four Keys: whole hours, truncated
      exact.push(took);
    }
    return {
      kind: 'incident',
      id: i.id,
      label: `${i.severity} ${i.title}`,
      at: i.openedAt,
      contributes:
        took === null
          ? 'still open: not counted'
          : took < 0
            ? 'resolved before it opened: not counted'
            : `restored in ${formatDuration(took)}`,
      amount: took === null ? null : took / HOUR,
      counted: took !== null && took >= 0,
    };
  });
  const value = median(hours);
  if (value === null) {
    return noFigure(
      'timeToRestore',
      'Time to restore service',
      records,
      incidents.length === 0 ? 'No real incident in this period.' : 'No incident is resolved yet.',
    );
  }
  const label = hoursLabel(value);
  return {
    key: 'timeToRestore',
    title: 'Time to restore service',
    value: formatDuration(median(exact)!),
    raw: value,
    fourKeys: label,
    bucket: LABEL_BUCKET[label],
    explanation: `Median of ${hours.length} resolved incident${hours.length === 1 ? '' : 's'}; Four Keys buckets it on whole hours (${round1(value)} h).`,
    records,
  };
}

/** The four keys for a scope (a wave, or the last 90 days), each with the records behind it. */
export function fourKeys(wb: Workbook, scope: DoraScope): DoraFigure[] {
  const deployments = deploymentsIn(wb, scope);
  const incidents = incidentsIn(wb, scope, deployments);
  return [
    frequency(deployments, scope),
    leadTime(deployments),
    changeFailureRate(deployments, incidents),
    timeToRestore(incidents),
  ];
}

function round1(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** One line for the scorecard's "dashboards and alerts" evidence, or null with nothing measured. */
export function doraLine(wb: Workbook, scope: DoraScope): string | null {
  const figures = fourKeys(wb, scope).filter((f) => f.value !== null);
  if (figures.length === 0) return null;
  return `Delivery (DORA): ${figures.map((f) => `${f.title.toLowerCase()} ${f.value}${f.bucket ? ` (${f.bucket})` : ''}`).join('; ')}.`;
}
