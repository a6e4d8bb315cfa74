import { useId, useState } from 'react';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { AUDIENCE_LABELS } from '../../../shared/areas/runbooks/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { run as send } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import { CommsComposer } from '../runbooks/CommsComposer';
import { RunView as RunbookRun } from '../runbooks/RunPanel';

// The workbook's runbooks and comms templates, used inside the drill: a runbook runs as a
// rehearsal on the drill's incident (its step timers are the host's, and alert like any), and a
// comms template is filled and marked sent on that incident. Each use goes into the drill log, so
// scoring sees when the room reached for its runbook and when the first message went out.

export function RunTools({ wb, run, readOnly }: { wb: Workbook; run: DrillRun; readOnly: boolean }) {
  const id = useId();
  const cmd = useCommand();
  const me = useAppStore((s) => s.session?.user?.name ?? run.facilitator);
  const books = wb.runbooks.runbooks.filter((b) => b.steps.length > 0);
  const [bookId, setBookId] = useState(books[0]?.id ?? '');
  const incident = wb.runbooks.incidents.find((i) => i.id === run.incidentId);
  if (!incident) return null;
  const runs = wb.runbooks.runs.filter((r) => r.incidentId === incident.id);
  const book = books.find((b) => b.id === bookId);
  const logUse = (kind: 'action' | 'comms', text: string) =>
    send({ type: 'drills.run-log', runId: run.id, kind, who: me, text, expectedId: '', decision: '' });
  const startBook = () => {
    if (!book) return;
    void cmd.run(
      {
        type: 'run.start',
        runId: `${run.id}-rb${runs.length + 1}`,
        runbookId: book.id,
        mode: 'rehearsal',
        incidentId: incident.id,
        title: '',
        severity: incident.severity,
      },
      () => void logUse('action', `Started runbook "${book.name}" as a rehearsal`),
    );
  };
  return (
    <div className="drill-tools" data-testid="drill-tools">
      <h3>Runbooks and comms in this drill</h3>
      <p className="muted small">
        Everything here happens on the drill’s incident ({incident.title}), marked as a drill, and is written
        in the drill log.
      </p>
      {books.length > 0 && !readOnly ? (
        <div className="inline-form">
          <label htmlFor={`${id}-book`}>Runbook</label>
          <select
            id={`${id}-book`}
            value={bookId}
            onChange={(e) => setBookId(e.target.value)}
            data-testid="drill-runbook"
          >
            {books.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn small primary"
            disabled={cmd.busy}
            onClick={startBook}
            data-testid="drill-runbook-start"
          >
            Start as a rehearsal
          </button>
          {cmd.error ? (
            <span className="field-error" role="alert">
              {cmd.error}
            </span>
          ) : null}
        </div>
      ) : null}
      {runs.map((r) => (
        <RunbookRun key={r.id} wb={wb} run={r} readOnly={readOnly} />
      ))}
      <CommsComposer
        wb={wb}
        incident={incident}
        readOnly={readOnly}
        onSent={(audience) => void logUse('comms', `${AUDIENCE_LABELS[audience]} sent (comms template)`)}
      />
    </div>
  );
}
