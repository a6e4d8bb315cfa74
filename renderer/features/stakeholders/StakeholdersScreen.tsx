import { useMemo, useState } from 'react';
import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { ImportSection } from '../../import/ImportSection';
import { useAppStore } from '../../store/app-store';
import { CoveragePanel } from './CoveragePanel';
import { FilterBar } from './FilterBar';
import { type Filters, filterKeys, NO_FILTERS, subjectFilter } from './filters';
import { ListView } from './ListView';
import { NetworkView } from './NetworkView';
import { OnOpen } from './OnOpen';
import { AdkarPanel, CommsPanel, DecisionsPanel, ResistancePanel } from './Panels';
import { PowerGrid } from './PowerGrid';
import { groupsConfig, peopleConfig } from './stakeholder-collections';
import './stakeholders.css';

// Checklist step 3. Coverage first (it feeds the go/no-go), then the map in three views of the
// same facts (grid, network, list), then readiness, resistance, comms and decision rights, and
// last the lists themselves with the directory import.

const VIEWS = { map: 'Power / interest', network: 'Network', list: 'List' } as const;
type View = keyof typeof VIEWS;

export function StakeholdersScreen() {
  const wb = useAppStore((s) => s.session?.workbook);
  const [view, setView] = useState<View>('map');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const s = wb?.stakeholders;
  const pass = useMemo(() => (s ? filterKeys(s, filters) : () => true), [s, filters]);
  const visible = useMemo(() => subjectFilter(pass), [pass]);
  if (!wb || !s) return null;
  return (
    <div className="section-page stakeholders-page" data-testid="section-stakeholders">
      <header className="section-header">
        <p className="eyebrow">Step 3</p>
        <h1>Stakeholders &amp; change network</h1>
        <p className="lead">
          Who has to work differently, who backs the change, who can unblock it, and who helps people through
          it.
        </p>
      </header>

      <CoveragePanel />

      <fieldset className="view-switch">
        <legend className="visually-hidden">View the map as</legend>
        {(Object.keys(VIEWS) as View[]).map((v) => (
          <button
            key={v}
            type="button"
            className={`btn${view === v ? ' primary' : ''}`}
            aria-pressed={view === v}
            data-testid={`view-${v}`}
            onClick={() => setView(v)}
          >
            {VIEWS[v]}
          </button>
        ))}
      </fieldset>
      {view !== 'network' ? <FilterBar s={s} value={filters} onChange={setFilters} /> : null}
      {view === 'map' ? (
        <PowerGrid visible={visible} narrowed={filters.group !== '' || filters.location !== ''} />
      ) : null}
      {view === 'network' ? <NetworkView /> : null}
      {view === 'list' ? <ListView s={s} pass={pass} /> : null}

      <AdkarPanel wb={wb} />
      <ResistancePanel wb={wb} />
      <CommsPanel s={s} />
      <DecisionsPanel wb={wb} />
      <OnOpen summary={`Edit the ${s.groups.length} groups`} testId="edit-groups">
        <CollectionEditor config={groupsConfig} />
      </OnOpen>
      <ImportSection
        kind="people"
        title="Imported people"
        intro="People from an HR or directory export, one row a person with their group; groups the file names can be created by it."
        noun="people"
      />
      <OnOpen summary={`Edit the ${s.people.length} people`} testId="edit-people">
        <CollectionEditor config={peopleConfig} />
      </OnOpen>
    </div>
  );
}
