import { type FormEvent, useId, useState } from 'react';
import { currentRoles, figureText, responseFigures } from '../../../shared/areas/runbooks/milestones';
import {
  ENTRY_KINDS,
  type Incident,
  MILESTONES,
  ROLE_LABELS,
  ROLES,
} from '../../../shared/areas/runbooks/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { formatWhen } from '../../components/when';
import { ImportDialog } from '../../import/ImportDialog';
import { localInput, TimelineTable } from './TimelineTable';

// One incident: who holds each role now (hand-overs recorded), the response figures (each says
// which milestone it is missing), and the timeline, always shown in time order. A milestone out
// of order is refused with the reason next to the form; a time logged wrong is corrected on its
// row (TimelineTable.tsx), and the original is kept beside it.

function LogForm({ incident }: { incident: Incident }) {
  const id = useId();
  const cmd = useCommand();
  const [at, setAt] = useState(() => localInput(Date.now()));
  const [kind, setKind] = useState<(typeof ENTRY_KINDS)[number]>('observation');
  const [milestone, setMilestone] = useState<(typeof MILESTONES)[number]>('detected');
  const [text, setText] = useState('');
  const [approximate, setApproximate] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ms = Date.parse(at);
    if (Number.isNaN(ms)) return cmd.refuse('Give the time of the entry', 'at');
    void cmd.run(
      {
        type: 'incident.log',
        incidentId: incident.id,
        at: new Date(ms).toISOString(),
        kind,
        milestone: kind === 'milestone' ? milestone : '',
        text,
        approximate,
      },
      () => setText(''),
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Log a timeline entry" data-testid="log-form">
      <label htmlFor={`${id}-at`}>Time</label>
      <input
        id={`${id}-at`}
        type="datetime-local"
        value={at}
        onChange={(e) => setAt(e.target.value)}
        data-testid="log-at"
      />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        value={kind}
        onChange={(e) => setKind(e.target.value as typeof kind)}
        data-testid="log-kind"
      >
        {ENTRY_KINDS.filter((k) => k !== 'alert').map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      {kind === 'milestone' ? (
        <>
          <label htmlFor={`${id}-ms`}>Milestone</label>
          <select
            id={`${id}-ms`}
            value={milestone}
            onChange={(e) => setMilestone(e.target.value as typeof milestone)}
            data-testid="log-milestone"
          >
            {MILESTONES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor={`${id}-text`}>Text</label>
      <input
        id={`${id}-text`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        size={40}
        data-testid="log-text"
      />
      <label className="check">
        <input type="checkbox" checked={approximate} onChange={(e) => setApproximate(e.target.checked)} />{' '}
        approximate time
      </label>
      <button type="submit" className="btn small primary" disabled={cmd.busy} data-testid="log-add">
        Log
      </button>
      {cmd.error ? (
        <p className="field-error" role="alert" data-testid="log-error">
          {cmd.error}
        </p>
      ) : null}
    </form>
  );
}

function RoleForm({ incident }: { incident: Incident }) {
  const id = useId();
  const cmd = useCommand();
  const [role, setRole] = useState<(typeof ROLES)[number]>('commander');
  const [person, setPerson] = useState('');
  return (
    <form
      className="inline-form"
      aria-label="Hand over a role"
      onSubmit={(e) => {
        e.preventDefault();
        void cmd.run({ type: 'incident.role', incidentId: incident.id, role, person }, () => setPerson(''));
      }}
    >
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-person`}>Now held by</label>
      <input
        id={`${id}-person`}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        data-testid="role-person"
      />
      <button type="submit" className="btn small" disabled={cmd.busy}>
        Hand over
      </button>
      {cmd.error ? (
        <p className="field-error" role="alert">
          {cmd.error}
        </p>
      ) : null}
    </form>
  );
}

/** The one CSV import flow, for a timeline kept elsewhere; the dialog picks the incident. */
function TimelineImport() {
  const [open, setOpen] = useState(false);
  return (
    <p>
      <button type="button" className="btn small" onClick={() => setOpen(true)} data-testid="import-timeline">
        Import a timeline (CSV)…
      </button>
      {open ? (
        <ImportDialog kind="timeline" title="Import a timeline" open onClose={() => setOpen(false)} />
      ) : null}
    </p>
  );
}

export function IncidentPanel({
  wb,
  incident,
  readOnly,
}: {
  wb: Workbook;
  incident: Incident;
  readOnly: boolean;
}) {
  const roles = currentRoles(incident);
  const wave = wb.waves.waves.find((w) => w.id === incident.waveId);
  return (
    <section
      className="collection incident"
      data-testid={`incident-${incident.id}`}
      aria-labelledby={`inc-${incident.id}`}
    >
      <div className="collection-head">
        <h2 id={`inc-${incident.id}`}>
          {incident.title} <span className="tag">{incident.severity}</span>
          {incident.drill ? <span className="tag">Drill</span> : null}
          {incident.resolvedAt ? (
            <span className="tag">Resolved</span>
          ) : (
            <span className="tag tag-danger">Open</span>
          )}
        </h2>
        <span className="muted small">
          opened {formatWhen(incident.openedAt)}
          {wave ? ` · ${wave.name}` : ''}
        </span>
      </div>
      <dl className="facts inline-facts" data-testid="incident-roles">
        {ROLES.map((r) => (
          <div key={r}>
            <dt>{ROLE_LABELS[r]}</dt>
            <dd>{roles[r] || <span className="muted">not named</span>}</dd>
          </div>
        ))}
      </dl>
      <dl className="facts inline-facts" data-testid="incident-figures">
        {responseFigures(incident).map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd className={f.ms === null ? 'muted' : undefined}>{figureText(f)}</dd>
          </div>
        ))}
      </dl>
      {readOnly ? null : <RoleForm incident={incident} />}
      <TimelineTable incident={incident} readOnly={readOnly} />
      {incident.timeline.length === 0 ? <p className="collection-empty">Nothing logged yet.</p> : null}
      {readOnly ? null : <LogForm incident={incident} />}
      {readOnly ? null : <TimelineImport />}
    </section>
  );
}
