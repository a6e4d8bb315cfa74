import { useState } from 'react';
import { drillReport } from '../../../shared/areas/drills/report';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import {
  ACTION_STATUSES,
  CAPABILITY_ELEMENTS,
  type CorrectiveAction,
} from '../../../shared/areas/drills/schema';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { ExportButtons } from '../../export/ExportButtons';
import { run as runCommand } from '../../store/actions';
import { pushToast, useAppStore } from '../../store/app-store';
import { ExerciseMark } from './DrillClock';

// The after-action report of a drill: draft or final, saved as HTML, PDF or Markdown through the
// app's one export module, and the improvement plan it carries: corrective actions raised here,
// linked to this run, tracked by status (the same items as the Corrective actions list below).

const NONE: CorrectiveAction[] = [];
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function ActionForm({ run }: { run: DrillRun }) {
  const [text, setText] = useState('');
  const [element, setElement] = useState<(typeof CAPABILITY_ELEMENTS)[number]>('planning');
  const [owner, setOwner] = useState('');
  const [start, setStart] = useState(today);
  const [due, setDue] = useState(() => inDays(14));
  const { error, busy, run: send } = useCommand();
  return (
    <form
      className="action-form"
      data-testid="report-action-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(
          { type: 'drill.add-action', runId: run.id, id: newId('ca'), text, element, owner, start, due },
          () => {
            pushToast('success', `Raised "${text.trim()}"`);
            setText('');
          },
        );
      }}
    >
      <div className="field full">
        <label htmlFor="ca-text">Corrective action</label>
        <input
          id="ca-text"
          data-testid="ca-text"
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ca-element">Capability element</label>
        <select
          id="ca-element"
          data-testid="ca-element"
          value={element}
          onChange={(e) => setElement(e.target.value as typeof element)}
        >
          {CAPABILITY_ELEMENTS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ca-owner">Owner</label>
        <input
          id="ca-owner"
          data-testid="ca-owner"
          value={owner}
          maxLength={120}
          onChange={(e) => setOwner(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ca-start">Start</label>
        <input id="ca-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ca-due">Due</label>
        <input
          id="ca-due"
          type="date"
          data-testid="ca-due"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      </div>
      <button type="submit" className="btn" data-testid="ca-add" disabled={busy}>
        Raise action
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function ActionRow({
  action,
  revision,
  readOnly,
}: {
  action: CorrectiveAction;
  revision: number;
  readOnly: boolean;
}) {
  const setStatus = async (status: CorrectiveAction['status']) => {
    const ack = await runCommand({
      type: 'item.update',
      collection: 'drills.correctiveActions',
      id: action.id,
      item: { ...action, status },
      baseRevision: revision,
    });
    if (ack) pushToast('success', `"${action.text}" is now ${status.replace('-', ' ')}`, ack.revision);
  };
  return (
    <tr data-testid={`report-action-${action.id}`}>
      <td className="strong">{action.text}</td>
      <td>{action.element}</td>
      <td>{action.owner}</td>
      <td className="nowrap">
        {action.start} → {action.due}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`status-${action.id}`}>
          Status of {action.text}
        </label>
        <select
          id={`status-${action.id}`}
          value={action.status}
          disabled={readOnly}
          onChange={(e) => void setStatus(e.target.value as CorrectiveAction['status'])}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replace('-', ' ')}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

export function ReportView({ run }: { run: DrillRun }) {
  const actions = useAppStore((s) => s.session?.workbook?.drills.correctiveActions ?? NONE).filter(
    (a) => a.runId === run.id,
  );
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const mark = useCommand();
  const build = () => {
    const state = useAppStore.getState();
    const wb = state.session?.workbook;
    const current = wb?.drills.runs.find((r) => r.id === run.id);
    if (!wb || !current) throw new Error('This drill run is no longer in the workbook');
    return drillReport(wb, current, { now: Date.now(), by: state.session?.user ?? null });
  };
  return (
    <div className="drill-report" data-testid="drill-report">
      <ExerciseMark note="every copy of this report says so" />
      <section aria-labelledby="report-state-heading">
        <h3 id="report-state-heading">After-action report</h3>
        <p data-testid="report-state">
          {run.reportFinal
            ? 'Final: the report prints without a watermark, and its scores are frozen.'
            : 'Draft: every page carries a DRAFT watermark until you mark it final.'}
        </p>
        <button
          type="button"
          className="btn report-mark"
          data-testid="report-mark"
          disabled={readOnly || mark.busy}
          onClick={() => void mark.run({ type: 'drill.mark-report', runId: run.id, final: !run.reportFinal })}
        >
          {run.reportFinal ? 'Mark as draft again' : 'Mark final'}
        </button>
        {mark.error ? (
          <p className="form-error" role="alert">
            {mark.error}
          </p>
        ) : null}
        <ExportButtons build={build} testid="drill-report-export" />
      </section>
      <section aria-labelledby="plan-heading">
        <h3 id="plan-heading">Improvement plan</h3>
        <p className="muted small">
          Corrective actions raised from this drill. They stay in the workbook as tracked items (also listed
          under Corrective actions) until done.
        </p>
        {actions.length === 0 ? (
          <p className="muted">No corrective actions from this drill yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="items" data-testid="report-actions">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Element</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Start → due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <ActionRow key={a.id} action={a} revision={revision} readOnly={readOnly} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {readOnly ? null : <ActionForm run={run} />}
      </section>
    </div>
  );
}
