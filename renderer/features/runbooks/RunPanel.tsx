import { useId, useState } from 'react';
import { PHASE_LABELS, type Run, type Runbook, SEVERITIES } from '../../../shared/areas/runbooks/schema';
import { formatDuration } from '../../../shared/domain/format';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { formatWhen } from '../../components/when';
import { TimerList } from './TimerList';

// Running a runbook: started live (against a real incident, or a new one) or as a rehearsal (on
// a drill incident, never counted in real figures). Each step is started, done or skipped with
// a reason; its timer is the host's, so it keeps counting when this window does not.

export function StartRun({ wb, book, readOnly }: { wb: Workbook; book: Runbook; readOnly: boolean }) {
  const id = useId();
  const cmd = useCommand();
  const [mode, setMode] = useState<'live' | 'rehearsal'>('rehearsal');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('SEV2');
  const [incidentId, setIncidentId] = useState('');
  const open = wb.runbooks.incidents.filter(
    (i) => i.resolvedAt === null && i.drill === (mode === 'rehearsal'),
  );
  if (readOnly || book.steps.length === 0) return null;
  const start = () =>
    void cmd.run({
      type: 'run.start',
      runId: `run-${Date.now().toString(36)}`,
      runbookId: book.id,
      mode,
      incidentId: open.some((i) => i.id === incidentId) ? incidentId : '',
      title: '',
      severity,
    });
  return (
    <div className="inline-form" data-testid={`start-${book.id}`}>
      <label htmlFor={`${id}-mode`}>Run</label>
      <select
        id={`${id}-mode`}
        value={mode}
        onChange={(e) => setMode(e.target.value as 'live' | 'rehearsal')}
        data-testid="run-mode"
      >
        <option value="rehearsal">as a rehearsal (drill)</option>
        <option value="live">live</option>
      </select>
      <label htmlFor={`${id}-inc`}>for</label>
      <select id={`${id}-inc`} value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
        <option value="">a new {mode === 'rehearsal' ? 'drill' : 'incident'}</option>
        {open.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-sev`}>Severity</label>
      <select
        id={`${id}-sev`}
        value={severity}
        onChange={(e) => setSeverity(e.target.value as typeof severity)}
      >
        {SEVERITIES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <button
        type="button"
        className="btn small primary"
        onClick={start}
        disabled={cmd.busy}
        data-testid="run-start"
      >
        Start {book.name}
      </button>
      {cmd.error ? (
        <p className="field-error" role="alert">
          {cmd.error}
        </p>
      ) : null}
    </div>
  );
}

function StepControls({ run, stepId, readOnly }: { run: Run; stepId: string; readOnly: boolean }) {
  const cmd = useCommand();
  const [reason, setReason] = useState('');
  const step = run.steps.find((s) => s.stepId === stepId)!;
  if (readOnly || run.endedAt || step.status === 'done' || step.status === 'skipped') return null;
  const act = (action: 'start' | 'done' | 'skip') =>
    void cmd.run({ type: 'run.step', runId: run.id, stepId, action, reason }, () => setReason(''));
  return (
    <span className="row-actions">
      {step.status === 'pending' ? (
        <button type="button" className="btn small" onClick={() => act('start')} data-testid="step-start">
          Start
        </button>
      ) : (
        <button type="button" className="btn small" onClick={() => act('done')} data-testid="step-done">
          Done
        </button>
      )}
      <input
        aria-label={`Why skip ${step.title}`}
        placeholder="reason to skip"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        size={14}
      />
      <button type="button" className="btn small ghost" onClick={() => act('skip')} data-testid="step-skip">
        Skip
      </button>
      {cmd.error ? (
        <span className="field-error" role="alert">
          {cmd.error}
        </span>
      ) : null}
    </span>
  );
}

/**
 * What a step acts on: the runbook's current links (a run records no copy of them), each named,
 * so the person running it sees which stop condition and wave the step is about.
 */
function StepLinks({ wb, run, stepId }: { wb: Workbook; run: Run; stepId: string }) {
  const step = wb.runbooks.runbooks.find((b) => b.id === run.runbookId)?.steps.find((x) => x.id === stepId);
  if (!step || step.stopConditionIds.length + step.waveIds.length === 0) return null;
  const stops = step.stopConditionIds.map(
    (id) => wb.success.stopConditions.find((c) => c.id === id)?.metric ?? id,
  );
  const waves = step.waveIds.map((id) => wb.waves.waves.find((w) => w.id === id)?.name ?? id);
  return (
    <span className="muted small block" data-testid="run-step-links">
      acts on {[...stops.map((n) => `stop condition ${n}`), ...waves.map((n) => `wave ${n}`)].join(' · ')}
    </span>
  );
}

const took = (s: Run['steps'][number]) =>
  s.startedAt && s.endedAt ? formatDuration(Date.parse(s.endedAt) - Date.parse(s.startedAt)) : '';

export function RunView({ wb, run, readOnly }: { wb: Workbook; run: Run; readOnly: boolean }) {
  const cmd = useCommand();
  const timers = wb.runbooks.timers.filter((t) => t.runId === run.id && t.state !== 'stopped');
  return (
    <section
      className="collection run"
      data-testid={`run-${run.id}`}
      aria-label={`${run.mode === 'rehearsal' ? 'Rehearsal' : 'Live run'} of ${run.runbookName}, started ${formatWhen(run.startedAt)}`}
    >
      <div className="collection-head">
        <h3>
          {run.runbookName} <span className="tag">{run.mode === 'rehearsal' ? 'Rehearsal' : 'Live'}</span>
          {run.endedAt ? <span className="tag">{run.result}</span> : null}
        </h3>
        <span className="muted small">
          started {formatWhen(run.startedAt)} by {run.startedBy}
          {run.endedAt ? `, ended ${formatWhen(run.endedAt)}` : ''}
        </span>
      </div>
      <table className="items">
        <caption className="visually-hidden">Steps of this run</caption>
        <thead>
          <tr>
            <th>Phase</th>
            <th>Step</th>
            <th>Owner</th>
            <th>Timebox</th>
            <th>Status</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((s) => (
            <tr key={s.stepId} data-testid={`run-step-${s.stepId}`}>
              <td className="nowrap">{PHASE_LABELS[s.phase]}</td>
              <td>
                <span className="strong">{s.title}</span>
                <StepLinks wb={wb} run={run} stepId={s.stepId} />
              </td>
              <td>{s.ownerRole}</td>
              <td className="nowrap">{s.timeboxMin} min</td>
              <td data-testid="run-step-status">
                {s.status}
                {took(s) ? ` in ${took(s)}` : ''}
                {s.reason ? ` — ${s.reason}` : ''}
              </td>
              <td>
                <StepControls run={run} stepId={s.stepId} readOnly={readOnly} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {timers.length > 0 ? (
        <TimerList timers={timers} readOnly={readOnly} caption="Timers of this run" />
      ) : null}
      {run.endedAt || readOnly ? null : (
        <p className="row-actions">
          {(['passed', 'failed', 'abandoned'] as const).map((result) => (
            <button
              key={result}
              type="button"
              className="btn small"
              onClick={() => void cmd.run({ type: 'run.finish', runId: run.id, result })}
              data-testid={`run-finish-${result}`}
            >
              End: {result}
            </button>
          ))}
          {cmd.error ? <span className="field-error">{cmd.error}</span> : null}
        </p>
      )}
    </section>
  );
}
