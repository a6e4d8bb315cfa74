import { useId, useState } from 'react';
import { formatDrillTime } from '../../../shared/areas/drills/clock';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { LOG_KINDS } from '../../../shared/areas/drills/scoring';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';
import { wallClock } from './DrillClock';

// The drill log: what someone did or decided, tied to the expected action it shows (from the
// injects that have fired), stamped by the host with drill time and wall time.

const KIND_LABEL: Record<(typeof LOG_KINDS)[number], string> = {
  detected: 'Detected',
  decision: 'Decision',
  comms: 'Comms sent',
  action: 'Action',
  note: 'Note',
};
const DECISIONS = ['rollback', 'hold', 'continue', 'escalate'] as const;

export function RunLog({ run, readOnly }: { run: DrillRun; readOnly: boolean }) {
  const id = useId();
  const cmd = useCommand();
  const me = useAppStore((s) => s.session?.user?.name ?? '');
  const [kind, setKind] = useState<(typeof LOG_KINDS)[number]>('action');
  const [who, setWho] = useState(me);
  const [text, setText] = useState('');
  const [expectedId, setExpectedId] = useState('');
  const [decision, setDecision] = useState<'' | (typeof DECISIONS)[number]>('');
  const fired = new Set(run.fired.map((f) => f.injectId));
  const expected = run.scenario.injects
    .filter((i) => fired.has(i.id))
    .flatMap((i) => i.expected.map((e) => ({ ...e, inject: i.title })));
  const allExpected = run.scenario.injects.flatMap((i) => i.expected);
  const submit = () =>
    void cmd.run(
      {
        type: 'drills.run-log',
        runId: run.id,
        kind,
        who,
        text,
        expectedId,
        decision: kind === 'decision' ? decision : '',
      },
      () => {
        setText('');
        setExpectedId('');
      },
    );
  return (
    <div className="drill-log" data-testid="drill-log">
      <h3>Log</h3>
      {readOnly ? null : (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-k`}>Kind</label>
            <select
              id={`${id}-k`}
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
              data-testid="log-kind"
            >
              {LOG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-w`}>Who</label>
            <input
              id={`${id}-w`}
              value={who}
              onChange={(e) => setWho(e.target.value)}
              data-testid="log-who"
            />
          </div>
          {kind === 'decision' ? (
            <div className="field">
              <label htmlFor={`${id}-d`}>Decided</label>
              <select
                id={`${id}-d`}
                value={decision}
                onChange={(e) => setDecision(e.target.value as typeof decision)}
                data-testid="log-decision"
              >
                <option value="">Choose…</option>
                {DECISIONS.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field span-lg">
            <label htmlFor={`${id}-e`}>Shows the expected action</label>
            <select
              id={`${id}-e`}
              value={expectedId}
              onChange={(e) => setExpectedId(e.target.value)}
              data-testid="log-expected"
            >
              <option value="">None</option>
              {expected.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.text} (by {formatDrillTime(e.bySec * 1000)}; {e.inject})
                </option>
              ))}
            </select>
          </div>
          <div className="field span-lg">
            <label htmlFor={`${id}-t`}>What happened</label>
            <input
              id={`${id}-t`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="log-text"
            />
          </div>
          <p className="row-actions">
            <button type="submit" className="btn primary" disabled={cmd.busy} data-testid="log-add">
              Log it
            </button>
          </p>
          {cmd.error ? (
            <p className="form-error" role="alert" data-testid="log-error">
              {cmd.error}
            </p>
          ) : null}
        </form>
      )}
      {run.log.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="items" data-testid="log-table">
            <thead>
              <tr>
                <th scope="col">Drill time</th>
                <th scope="col">Wall clock</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Expected action</th>
              </tr>
            </thead>
            <tbody>
              {[...run.log].reverse().map((e) => (
                <tr key={e.id} data-testid={`log-${e.id}`}>
                  <td className="nowrap">{formatDrillTime(e.drillMs)}</td>
                  <td className="nowrap">{wallClock(e.wallMs)}</td>
                  <td>{e.who}</td>
                  <td>
                    <span className="strong">{KIND_LABEL[e.kind]}</span>
                    {e.decision ? `: ${e.decision}` : ''}
                    {e.text ? ` — ${e.text}` : ''}
                  </td>
                  <td>{allExpected.find((x) => x.id === e.expectedId)?.text ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
