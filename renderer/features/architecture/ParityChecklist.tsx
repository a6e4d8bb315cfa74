import { ASPECT_LABEL } from '../../../shared/areas/architecture/readiness';
import { PARITY_ASPECTS, type ParityRisk } from '../../../shared/areas/architecture/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { RISK_LABEL } from './architecture-collections';

// The parity checklist as a grid: every environment that is not production, against every
// aspect worth checking. A cell says whether it matches, how risky the difference is, or that
// nobody has checked yet, so the gaps in the checklist are as visible as the gaps in parity.

const RISK_CLASS: Record<ParityRisk, string> = {
  none: 'strong',
  low: 'strong',
  medium: 'tag',
  high: 'tag tag-warn',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ParityChecklist({ wb }: { wb: Workbook }) {
  const envs = wb.architecture.environments.filter((e) => e.role !== 'production');
  if (envs.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="items parity" data-testid="parity-checklist">
        <caption className="visually-hidden">Parity with production, by environment and aspect</caption>
        <thead>
          <tr>
            <th scope="col">Aspect</th>
            {envs.map((e) => (
              <th key={e.id} scope="col">
                {e.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PARITY_ASPECTS.map((aspect) => (
            <tr key={aspect}>
              <th scope="row">{capitalise(ASPECT_LABEL[aspect])}</th>
              {envs.map((e) => {
                const checks = wb.architecture.parity.filter(
                  (p) => p.environmentId === e.id && p.aspect === aspect,
                );
                return (
                  <td key={e.id} data-testid={`parity-${e.id}-${aspect}`}>
                    {checks.length === 0 ? (
                      <span className="tag tag-warn">not checked</span>
                    ) : (
                      checks.map((p) => (
                        <div key={p.id} className={`parity-cell risk-${p.risk}`}>
                          <span className={RISK_CLASS[p.risk]}>{RISK_LABEL[p.risk]}</span>
                          {p.difference ? <span className="block">{p.difference}</span> : null}
                          {p.risk === 'high' && !p.mitigation.trim() ? (
                            <span className="tag tag-warn">no mitigation</span>
                          ) : p.mitigation ? (
                            <span className="block muted">Covered by: {p.mitigation}</span>
                          ) : null}
                        </div>
                      ))
                    )}
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
