import type { ReactNode } from 'react';

// Every block of the board is a labelled region that takes focus: the arrow keys move between
// them (use-projector-keys.ts finds them by data-panel), a screen reader lists them as
// landmarks, and a focused panel scrolls into view when the room size makes the board taller
// than the screen.

export function Panel({
  id,
  title,
  className,
  testId,
  children,
  hideTitle = false,
}: {
  id: string;
  title: string;
  className?: string;
  testId?: string;
  children: ReactNode;
  /** The title still names the region for assistive technology; the board just does not print it. */
  hideTitle?: boolean;
}) {
  const headingId = `pj-${id}-title`;
  return (
    <section
      className={`pj-panel ${className ?? ''}`}
      aria-labelledby={headingId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: panels are focus stops for the arrow keys
      tabIndex={0}
      data-panel={id}
      data-testid={testId}
    >
      <h2 id={headingId} className={hideTitle ? 'visually-hidden' : 'pj-heading'}>
        {title}
      </h2>
      {children}
    </section>
  );
}
