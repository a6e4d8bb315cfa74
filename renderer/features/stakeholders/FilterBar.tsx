import { ADKAR, type Stakeholders } from '../../../shared/areas/stakeholders/schema';
import { type Filters, locations } from './filters';
import { ADKAR_LABEL } from './stakeholder-collections';

export function FilterBar({
  s,
  value,
  onChange,
}: {
  s: Stakeholders;
  value: Filters;
  onChange: (f: Filters) => void;
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="filter-bar" data-testid="stakeholder-filters">
      <legend>Show</legend>
      <label>
        Group
        <select
          value={value.group}
          onChange={(e) => set({ group: e.target.value })}
          data-testid="filter-group"
        >
          <option value="">All groups</option>
          {s.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Location
        <select
          value={value.location}
          onChange={(e) => set({ location: e.target.value })}
          data-testid="filter-location"
        >
          <option value="">All locations</option>
          {locations(s).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        ADKAR barrier
        <select
          value={value.barrier}
          onChange={(e) => set({ barrier: e.target.value as Filters['barrier'] })}
          data-testid="filter-barrier"
        >
          <option value="">Any</option>
          {ADKAR.map((a) => (
            <option key={a} value={a}>
              {ADKAR_LABEL[a]}
            </option>
          ))}
          <option value="none">No barrier / not checked in</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={value.gapsOnly}
          onChange={(e) => set({ gapsOnly: e.target.checked })}
          data-testid="filter-gaps"
        />
        Coverage gaps only
      </label>
    </fieldset>
  );
}
