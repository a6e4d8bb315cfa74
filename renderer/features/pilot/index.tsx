import { useId } from 'react';
import { pilotEvidence } from '../../../shared/areas/pilot/evidence';
import { composition, representativeness } from '../../../shared/areas/pilot/representativeness';
import type { Pilot } from '../../../shared/areas/pilot/schema';
import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { StatusBadge } from '../../components/StatusBadge';
import { ImportSection } from '../../import/ImportSection';
import { useAppStore } from '../../store/app-store';
import type { Feature } from '../types';
import { KpiPanel } from './KpiPanel';
import { feedbackConfig, groupsConfig, kpisConfig } from './pilot-collections';
import { YouSaidPanel } from './YouSaidPanel';
import './pilot.css';

// Checklist step 4: is the pilot honest (who is in it), is its feedback closed (fixed and
// re-tested, which the scorecard follows), and do its KPIs pass against targets set beforehand?

function Representativeness({ pilot }: { pilot: Pilot }) {
  const id = useId();
  const findings = representativeness(pilot.groups);
  const c = composition(pilot.groups);
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="representativeness">
      <div className="collection-head">
        <h2 id={`${id}-title`}>Is the pilot representative?</h2>
        <StatusBadge kind="status" value={findings.length === 0 ? 'green' : 'amber'} />
      </div>
      {pilot.groups.length > 0 ? (
        <p className="collection-intro" data-testid="composition">
          {c.people} people: {c.novices} novices and {c.experts} experts, {c.friendly} friendly and{' '}
          {c.sceptical} sceptical, in {c.regions.length} region{c.regions.length === 1 ? '' : 's'}
          {c.regions.length ? ` (${c.regions.join(', ')})` : ''}, exercising {c.edgeCases.length} edge-case
          workflow
          {c.edgeCases.length === 1 ? '' : 's'}.
        </p>
      ) : null}
      {findings.length === 0 ? (
        <p data-testid="representative-ok">
          Novices and experts, friendly and sceptical users, more than one region and named edge cases: this
          pilot can tell you something.
        </p>
      ) : (
        <ul className="findings" data-testid="representativeness-findings">
          {findings.map((f) => (
            <li key={f.key} data-finding={f.key}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedbackVerdict({ wb }: { wb: Parameters<typeof pilotEvidence>[0] }) {
  const [e] = pilotEvidence(wb, { waveId: '', now: Date.now() });
  if (!e) return null;
  return (
    <div className="pilot-verdict" data-testid="pilot-evidence" data-status={e.status}>
      <StatusBadge kind="status" value={e.status} large />
      <div>
        <p className="strong">Scorecard: pilot feedback addressed and re-tested</p>
        <p data-testid="pilot-evidence-summary">{e.summary}</p>
      </div>
    </div>
  );
}

function Screen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  if (!wb) return null;
  return (
    <div className="section-page" data-testid="section-pilot">
      <header className="section-header">
        <p className="eyebrow">Step 4</p>
        <h1>Pilot</h1>
        <p className="lead">
          Controlled reality: real users, real work, and feedback followed until it is re-tested.
        </p>
      </header>
      <FeedbackVerdict wb={wb} />
      <Representativeness pilot={wb.pilot} />
      <CollectionEditor config={groupsConfig} />
      <KpiPanel pilot={wb.pilot} revision={wb.revision} readOnly={readOnly} />
      <CollectionEditor config={kpisConfig} />
      <CollectionEditor config={feedbackConfig} />
      <ImportSection
        kind="feedback"
        noun="feedback"
        title="Imported feedback"
        intro="A survey or tracker export: each item with its type (usability friction, training gap, integration issue, policy conflict), and where the file says, its severity, status and what was done."
      />
      <YouSaidPanel pilot={wb.pilot} readOnly={readOnly} />
    </div>
  );
}

export const feature: Feature = { area: 'pilot', Screen };
