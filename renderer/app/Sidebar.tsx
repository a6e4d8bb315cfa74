import type { KeyboardEvent } from 'react';
import { goTo, problemKey, type SectionId, useAppStore } from '../store/app-store';
import { SECTIONS } from './sections';

interface NavItem {
  id: SectionId;
  label: string;
  step?: number;
}

// Three groups: the checklist in its own order, the review artefacts built from it, and files.
const GROUPS: { key: string; label: string; items: NavItem[] }[] = [
  { key: 'steps', label: 'Checklist', items: SECTIONS.filter((s) => s.step) },
  { key: 'review', label: 'Review', items: SECTIONS.filter((s) => !s.step) },
  { key: 'file', label: 'File', items: [{ id: 'workbook', label: 'Workbook & files' }] },
];

/** Arrow keys move between entries, as in any desktop sidebar; Tab still leaves the list. */
function onArrow(e: KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : (at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
}

export function Sidebar() {
  const section = useAppStore((s) => s.section);
  // While a file problem fills the page, no section is really "current".
  const problemShowing = useAppStore(
    (s) =>
      s.session?.problem != null && !(s.session.workbook && s.dismissedProblem === problemKey(s.session)),
  );
  const current = problemShowing ? null : section;

  return (
    <nav className="sidebar" aria-label="Workbook sections" onKeyDown={onArrow}>
      {GROUPS.map((group) => (
        <div className="nav-group" key={group.key}>
          <p className="nav-group-label" id={`nav-group-${group.key}`}>
            {group.label}
          </p>
          <ul aria-labelledby={`nav-group-${group.key}`}>
            {group.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  data-testid={`nav-${item.id}`}
                  aria-current={current === item.id ? 'page' : undefined}
                  onClick={() => goTo(item.id)}
                >
                  {item.step ? (
                    <span className="step">
                      <span className="visually-hidden">Step </span>
                      {item.step}
                    </span>
                  ) : (
                    <span className="step step-none" aria-hidden="true" />
                  )}
                  <span className="nav-label">{item.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
