import { useState } from 'react';
import './import.css';

// A list of things an import left out or could not use, each with where it is in the file and
// why: nothing is dropped without being named. Long lists show the first few and offer the rest.

export interface Problem {
  /** Where in the file: a JSON path, a row and column, a line. */
  where: string;
  message: string;
}

interface Props {
  problems: readonly Problem[];
  /** How many there were in all, when `problems` holds only the first of them. */
  total?: number;
  testid: string;
  shown?: number;
}

export function ProblemList({ problems, total = problems.length, testid, shown = 8 }: Props) {
  const [all, setAll] = useState(false);
  const visible = all ? problems : problems.slice(0, shown);
  const hiddenHere = problems.length - visible.length;
  const notKept = total - problems.length;
  return (
    <div className="problem-list" data-testid={testid}>
      <ul>
        {visible.map((p, i) => (
          // Positions are stable for one list; the same place can be named twice.
          // biome-ignore lint/suspicious/noArrayIndexKey: a list is replaced, never reordered
          <li key={i} data-testid={`${testid}-item`}>
            {p.where ? <code className="where">{p.where}</code> : null} {p.message}
          </li>
        ))}
      </ul>
      {hiddenHere > 0 ? (
        <button
          type="button"
          className="btn small"
          onClick={() => setAll(true)}
          data-testid={`${testid}-all`}
        >
          Show all {problems.length}
        </button>
      ) : null}
      {notKept > 0 ? (
        <p className="muted small">And {notKept.toLocaleString('en')} more like these, not listed.</p>
      ) : null}
    </div>
  );
}
