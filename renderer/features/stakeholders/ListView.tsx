import { barriersByGroup, COVERAGE_LABEL, missingRoles } from '../../../shared/areas/stakeholders/rules';
import type { Stakeholders } from '../../../shared/areas/stakeholders/schema';
import { QUADRANTS, quadrantOf } from './map-model';
import { ADKAR_LABEL, ROLE_LABEL } from './stakeholder-collections';

// The map and the network as tables: the same facts for screen readers and for paper.

export function ListView({ s, pass }: { s: Stakeholders; pass: (key: string) => boolean }) {
  const barriers = barriersByGroup(s.checkins);
  const placed = new Map(s.placements.map((p) => [`${p.kind}:${p.ref}`, p]));
  const names = new Map(s.groups.map((g) => [g.id, g.name]));
  const where = (key: string) => {
    const p = placed.get(key);
    return p ? `${QUADRANTS[quadrantOf(p)]} (${p.power}/${p.interest})` : 'Not placed';
  };
  const groups = s.groups.filter((g) => pass(`group:${g.id}`));
  const people = s.people.filter((p) => pass(`person:${p.id}`));
  return (
    <section className="collection list-view" aria-labelledby="list-view-h" data-testid="list-view">
      <h2 id="list-view-h">Groups and people</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, and a keyboard must be able to scroll it */}
      <section className="table-wrap" tabIndex={0} aria-label="Groups table">
        <table className="items" data-testid="list-groups">
          <caption>
            {groups.length} of {s.groups.length} groups
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Role</th>
              <th scope="col">People</th>
              <th scope="col">On the map (power/interest)</th>
              <th scope="col">ADKAR barrier</th>
              <th scope="col">Sponsor</th>
              <th scope="col">Champions</th>
              <th scope="col">Training/comms</th>
              <th scope="col">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const b = barriers.get(g.id);
              const missing = g.major ? missingRoles(g) : [];
              return (
                <tr key={g.id} data-group={g.id}>
                  <th scope="row">{g.name}</th>
                  <td>
                    {ROLE_LABEL[g.role]}
                    {g.major ? ', major' : ''}
                  </td>
                  <td className="num">{g.size.toLocaleString('en')}</td>
                  <td>{where(`group:${g.id}`)}</td>
                  <td>{b ? ADKAR_LABEL[b] : b === null ? 'None' : 'Not checked in'}</td>
                  <td>{g.sponsor || '—'}</td>
                  <td>{g.champions.join(', ') || '—'}</td>
                  <td>{g.commsOwner || '—'}</td>
                  <td>
                    {!g.major
                      ? 'Not major'
                      : missing.length
                        ? `No ${missing.map((m) => COVERAGE_LABEL[m]).join(', no ')}`
                        : 'Covered'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, and a keyboard must be able to scroll it */}
      <section className="table-wrap" tabIndex={0} aria-label="People table">
        <table className="items" data-testid="list-people">
          <caption>
            {people.length} of {s.people.length} people
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Groups</th>
              <th scope="col">Location</th>
              <th scope="col">Manager</th>
              <th scope="col">On the map</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.title || '—'}</td>
                <td>{p.groupIds.map((id) => names.get(id) ?? id).join(', ')}</td>
                <td>{p.location || '—'}</td>
                <td>{p.manager || '—'}</td>
                <td>{where(`person:${p.id}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
