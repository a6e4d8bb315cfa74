import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { ImportSection } from '../../import/ImportSection';
import type { Feature } from '../types';
import { incidentsConfig } from './incident-collection';

// Step 6. Incidents are kept here now (the delivery figures of step 5 count them); runbooks with
// timers, the incident timeline and drills grow this screen.

function Screen() {
  return (
    <div className="section-page" data-testid="section-runbooks">
      <header className="section-header">
        <p className="eyebrow">Step 6</p>
        <h1>Runbooks, incidents &amp; drills</h1>
        <p className="lead">Rehearsed responses, so nobody improvises the core steps on the day.</p>
      </header>
      <CollectionEditor config={incidentsConfig} />
      <ImportSection
        kind="incidents"
        noun="incidents"
        title="Imported incidents"
        intro="An incident tool’s export: each incident with when it was opened and restored, and what caused it where the file says (otherwise the last deployment of the same service before it)."
      />
      <aside className="empty-state compact" data-testid="empty-state">
        <h2>Coming to this section</h2>
        <ul>
          <li>
            Runbooks for detection, triage, escalation, rollback, comms and recovery checks, with owners and
            timeboxes
          </li>
          <li>Timers kept by the host, and each incident’s timeline in time order</li>
          <li>Tabletop scenarios with timed injects, and an after-action report</li>
        </ul>
      </aside>
    </div>
  );
}

export const feature: Feature = { area: 'runbooks', Screen };
