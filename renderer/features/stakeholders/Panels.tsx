import { useState } from 'react';
import { decisionInputs, openIncidentRoles } from '../../../shared/areas/stakeholders/decision-inputs';
import {
  checkinsOf,
  decisionWarnings,
  flaggedObjections,
  overdueComms,
  themes,
} from '../../../shared/areas/stakeholders/rules';
import { ADKAR, type Stakeholders } from '../../../shared/areas/stakeholders/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { TimeChart } from '../../charts';
import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { useNow } from '../../components/use-now';
import {
  ADKAR_LABEL,
  checkinsConfig,
  commsConfig,
  decisionsConfig,
  objectionsConfig,
} from './stakeholder-collections';

// The panels under the map: the ADKAR trend, the resistance log, the comms plan and the
// decision rights, each with what its rule flags at the top and its editable list below.

const DAY = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function AdkarPanel({ wb }: { wb: Workbook }) {
  const s = wb.stakeholders;
  const [groupId, setGroupId] = useState('');
  const chosen = groupId || s.groups.find((g) => s.checkins.some((c) => c.groupId === g.id))?.id || '';
  const list = chosen ? checkinsOf(s.checkins, chosen) : [];
  const name = s.groups.find((g) => g.id === chosen)?.name ?? '';
  return (
    <section className="collection adkar" aria-labelledby="adkar-h" data-testid="adkar-panel">
      <h2 id="adkar-h">ADKAR readiness</h2>
      <label className="inline-select">
        Trend for
        <select value={chosen} onChange={(e) => setGroupId(e.target.value)} data-testid="adkar-group">
          {s.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      {list.length > 0 ? (
        <TimeChart
          title={`ADKAR scores of ${name} over check-ins`}
          summary={`${list.length} check-ins of ${name}, from ${list[0]!.day} to ${list.at(-1)!.day}. A score of 3 or less is a barrier.`}
          series={ADKAR.map((e) => ({
            id: e,
            label: ADKAR_LABEL[e],
            points: list.map((c) => ({ x: DAY(c.day), y: c[e] })),
          }))}
          thresholds={[{ id: 'barrier', value: 3, label: 'Barrier at 3 or less', badSide: 'below' }]}
          formatValue={(y) => String(y)}
          testId="adkar-chart"
        />
      ) : (
        <p className="muted">No check-ins for this group yet.</p>
      )}
      <CollectionEditor config={checkinsConfig(wb)} />
    </section>
  );
}

export function ResistancePanel({ wb }: { wb: Workbook }) {
  const s = wb.stakeholders;
  const flagged = flaggedObjections(s.objections, s.groups, s.people);
  const byTheme = themes(s.objections);
  return (
    <section className="collection resistance" aria-labelledby="resistance-h" data-testid="resistance-panel">
      <h2 id="resistance-h">Resistance by theme</h2>
      {flagged.length > 0 ? (
        <ul className="flag-list" data-testid="sponsor-objections">
          {flagged.map((o) => (
            <li key={o.id} className="flag">
              <strong>Open objection from a sponsor:</strong> {o.what} ({o.person || 'sponsor group'},{' '}
              {o.raisedOn})
            </li>
          ))}
        </ul>
      ) : null}
      {byTheme.length > 0 ? (
        <table className="items compact" data-testid="objection-themes">
          <caption className="visually-hidden">Objections by theme</caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Objections</th>
              <th scope="col">Still open</th>
            </tr>
          </thead>
          <tbody>
            {byTheme.map((t) => (
              <tr key={t.theme}>
                <th scope="row">{t.theme}</th>
                <td className="num">{t.count}</td>
                <td className="num">{t.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <CollectionEditor config={objectionsConfig(wb)} />
    </section>
  );
}

export function CommsPanel({ s }: { s: Stakeholders }) {
  const now = useNow(60_000);
  const today = new Date(now).toISOString().slice(0, 10);
  const overdue = overdueComms(s.comms, today);
  return (
    <section className="collection comms" aria-label="Communications" data-testid="comms-panel">
      {overdue.length > 0 ? (
        <ul className="flag-list" data-testid="comms-overdue">
          {overdue.map((c) => (
            <li key={c.id} className="flag">
              <strong>Overdue since {c.due}:</strong> {c.message} ({c.owner || 'no owner'})
            </li>
          ))}
        </ul>
      ) : null}
      <CollectionEditor config={commsConfig} />
    </section>
  );
}

export function DecisionsPanel({ wb }: { wb: Workbook }) {
  const warnings = decisionWarnings(decisionInputs(wb));
  const roles = openIncidentRoles(wb);
  return (
    <section className="collection decisions" aria-label="Decision rights" data-testid="decisions-panel">
      {warnings.length > 0 ? (
        <ul className="flag-list" data-testid="decision-warnings">
          {warnings.map((w) => (
            <li key={`${w.where}-${w.message}`} className="flag">
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <CollectionEditor config={decisionsConfig} />
      {wb.success.noGoAuthorities.length > 0 ? (
        <p className="collection-intro">
          No-go authorities from step 1:{' '}
          {wb.success.noGoAuthorities.map((a) => `${a.name} (${a.role})`).join(', ')}.
        </p>
      ) : null}
      <p className="collection-intro" data-testid="decision-incident-roles">
        {roles.length > 0
          ? `Incident roles from step 6, now: ${roles.map((r) => `${r.role} ${r.person} (${r.incident})`).join('; ')}.`
          : 'Incident roles from step 6 (incident commander, comms lead, scribe) count as known callers; no real incident is open now.'}
      </p>
    </section>
  );
}
