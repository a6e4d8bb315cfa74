import type { Drift } from '../../../../shared/areas/architecture/inventory';

// Packages whose versions differ between environments: one row a package, one column an
// environment, so "what we tested" and "what we ship" sit side by side.

export function DriftTable({ drift, testid }: { drift: readonly Drift[]; testid: string }) {
  const columns: { id: string; name: string }[] = [];
  for (const d of drift) {
    for (const e of d.envs) {
      if (!columns.some((c) => c.id === e.environmentId))
        columns.push({ id: e.environmentId, name: e.environment });
    }
  }
  return (
    <div className="table-wrap">
      <table className="items drift" data-testid={testid}>
        <caption className="visually-hidden">Packages whose versions differ between environments</caption>
        <thead>
          <tr>
            <th scope="col">Package</th>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {drift.map((d) => (
            <tr key={d.key} data-testid={`${testid}-row`} data-package={d.name}>
              <th scope="row" className="strong">
                <span className="tag tag-warn">differs</span> {d.name}
              </th>
              {columns.map((c) => {
                const versions = d.envs.find((e) => e.environmentId === c.id)?.versions;
                return (
                  <td key={c.id}>
                    {versions ? versions.join(', ') : <span className="muted">not there</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
