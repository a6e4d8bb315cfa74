import { useEffect, useState } from 'react';
import type { Incident } from '../../../shared/areas/runbooks/schema';
import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { ImportSection } from '../../import/ImportSection';
import { useAppStore } from '../../store/app-store';
import type { Feature } from '../types';
import { askForNotifications } from './alerts';
import { CommsComposer } from './CommsComposer';
import { cadenceConfig, templatesConfig } from './comms-collections';
import { IncidentPanel } from './IncidentPanel';
import { incidentsConfig } from './incident-collection';
import { RunView, StartRun } from './RunPanel';
import { runbooksConfig } from './runbook-collection';
import { StepsEditor } from './StepsEditor';
import { TimerList } from './TimerList';
import './runbooks.css';

// Step 6: the incident commander's cockpit. Live timers first (they are what the room watches),
// then the runbooks and their runs, the incident with its timeline, and the incident list that
// the delivery figures count.

function NotifyButton() {
  const [state, setState] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  if (state === 'granted' || state === 'unsupported') return null;
  return (
    <button type="button" className="btn small" onClick={() => void askForNotifications().then(setState)}>
      Also alert with system notifications
    </button>
  );
}

/** The incident picked, or else the newest still open, or else the newest. */
function pickIncident(incidents: readonly Incident[], picked: string | null): Incident | undefined {
  return (
    incidents.find((i) => i.id === picked) ??
    [...incidents].reverse().find((i) => i.resolvedAt === null) ??
    incidents.at(-1)
  );
}

function Screen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? true);
  const [picked, setPicked] = useState<string | null>(null);
  // Once shown, an incident stays on screen: resolving it must not swap in another one.
  const shownId = wb ? pickIncident(wb.runbooks.incidents, picked)?.id : undefined;
  useEffect(() => {
    if (!picked && shownId) setPicked(shownId);
  }, [picked, shownId]);
  if (!wb) return null;
  const { runbooks, runs, timers, incidents } = wb.runbooks;
  const live = timers.filter((t) => t.state === 'running' || t.state === 'paused');
  const active = runs.filter((r) => !r.endedAt);
  const ended = runs
    .filter((r) => r.endedAt)
    .slice(-3)
    .reverse();
  const incident = pickIncident(incidents, picked);
  return (
    <div className="section-page" data-testid="section-runbooks">
      <header className="section-header">
        <p className="eyebrow">Step 6</p>
        <h1>Runbooks &amp; incidents</h1>
        <p className="lead">Rehearsed responses, so nobody improvises the core steps on the day.</p>
      </header>

      <section className="collection" aria-labelledby="timers-title" data-testid="live-timers">
        <div className="collection-head">
          <h2 id="timers-title">Live timers</h2>
          <NotifyButton />
        </div>
        <p className="collection-intro">
          Kept by the app itself, not this window: they keep counting when the window is hidden or closed, and
          each alerts once when it runs out.
        </p>
        <TimerList timers={live} readOnly={readOnly} caption="Running and paused timers" />
      </section>

      <CollectionEditor config={runbooksConfig} />
      {runbooks.map((book) => (
        <section key={book.id} className="collection" aria-label={`Steps of ${book.name}`}>
          <div className="collection-head">
            <h3>{book.name}: steps</h3>
          </div>
          <StepsEditor wb={wb} book={book} readOnly={readOnly} />
          <StartRun wb={wb} book={book} readOnly={readOnly} />
        </section>
      ))}

      {active.map((run) => (
        <RunView key={run.id} wb={wb} run={run} readOnly={readOnly} />
      ))}
      {ended.map((run) => (
        <RunView key={run.id} wb={wb} run={run} readOnly={readOnly} />
      ))}

      {incident ? (
        <>
          <div className="inline-form">
            <label htmlFor="incident-pick">Incident</label>
            <select
              id="incident-pick"
              value={incident.id}
              onChange={(e) => setPicked(e.target.value)}
              data-testid="incident-pick"
            >
              {[...incidents].reverse().map((i) => (
                <option key={i.id} value={i.id}>
                  {i.drill ? 'Drill: ' : ''}
                  {i.title}
                  {i.resolvedAt ? '' : ' (open)'}
                </option>
              ))}
            </select>
          </div>
          <IncidentPanel wb={wb} incident={incident} readOnly={readOnly} />
          <CommsComposer key={incident.id} wb={wb} incident={incident} readOnly={readOnly} />
        </>
      ) : null}

      <CollectionEditor config={templatesConfig} />
      <CollectionEditor config={cadenceConfig} />
      <CollectionEditor config={incidentsConfig} />
      <ImportSection
        kind="incidents"
        noun="incidents"
        title="Imported incidents"
        intro="An incident tool’s export: each incident with when it was opened and restored, and what caused it where the file says (otherwise the last deployment of the same service before it)."
      />
    </div>
  );
}

export const feature: Feature = { area: 'runbooks', Screen };
