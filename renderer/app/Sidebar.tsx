import type { KeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { AREAS } from '../../shared/areas';
import { problemKey, useAppStore } from '../store/app-store';
import { areaRoute, FILES_ROUTE, HISTORY_ROUTE } from './routes';

interface NavItem {
  route: string;
  /** Names the test id, `nav-<id>`. */
  id: string;
  label: string;
  step?: number;
}

// Three groups: the checklist in its own order, the review artefacts built from it, and files.
// The areas come from the registry; only History and Files are the app's own.
const areaItem = (a: (typeof AREAS)[number]): NavItem => ({
  route: areaRoute(a.id),
  id: a.id,
  label: a.nav.label,
  ...(a.nav.step ? { step: a.nav.step } : {}),
});

const GROUPS: { key: string; label: string; items: NavItem[] }[] = [
  { key: 'steps', label: 'Checklist', items: AREAS.filter((a) => a.nav.step).map(areaItem) },
  {
    key: 'review',
    label: 'Review',
    items: [
      ...AREAS.filter((a) => !a.nav.step).map(areaItem),
      { route: HISTORY_ROUTE, id: 'history', label: 'History' },
    ],
  },
  { key: 'file', label: 'File', items: [{ route: FILES_ROUTE, id: 'workbook', label: 'Workbook & files' }] },
];

/** Arrow keys move between entries, as in any desktop sidebar; Tab still leaves the list. */
function onArrow(e: KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('a'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? links.length - 1
        : (at + (e.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length;
  links[next]?.focus();
}

export function Sidebar() {
  const [location] = useLocation();
  // While a file problem fills the page, no view is really "current".
  const problemShowing = useAppStore(
    (s) =>
      s.session?.problem != null && !(s.session.workbook && s.dismissedProblem === problemKey(s.session)),
  );
  const current = problemShowing ? null : location;

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
                <Link
                  href={item.route}
                  data-testid={`nav-${item.id}`}
                  aria-current={current === item.route ? 'page' : undefined}
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
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
