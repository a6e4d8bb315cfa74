import { type ReactNode, useState } from 'react';

// A long list behind a disclosure, mounted only once opened: a directory of 1,000 people would
// otherwise cost every visit to the map the rendering of 1,000 editable rows nobody asked for.

export function OnOpen({
  summary,
  testId,
  children,
}: {
  summary: string;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="on-open" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children : null}
    </details>
  );
}
