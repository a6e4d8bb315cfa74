import { useEffect, useRef } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AREAS } from '../../shared/areas';
import { ChangedSinceBanner } from '../features/cab/ChangedSinceBanner';
import { REVIEW_ROUTE, ReviewMode } from '../features/cab/ReviewMode';
import { PARTICIPANT_ROUTE, ParticipantPage } from '../features/drills/ParticipantPage';
import { FEATURES } from '../features/registry';
import { useTimerAlertListener } from '../features/runbooks/alerts';
import { problemKey, useAppStore } from '../store/app-store';
import { ConnectionBanner, ReadOnlyBanner } from './ConnectionBanner';
import { DropOverlay } from './DropOverlay';
import { FilesScreen } from './files/FilesScreen';
import { Header } from './Header';
import { HistoryScreen } from './HistoryScreen';
import { IdentityDialog } from './IdentityDialog';
import { NotFound } from './NotFound';
import { ProblemScreen } from './ProblemScreen';
import { ProjectorBoard } from './projector/ProjectorBoard';
import { areaRoute, FILES_ROUTE, HISTORY_ROUTE, HOME_ROUTE, PROJECTOR_ROUTE } from './routes';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';
import { useBreachAlerts } from './use-breach-alerts';
import { useUndoShortcuts } from './use-shortcuts';

function MainContent() {
  const session = useAppStore((s) => s.session);
  const dismissed = useAppStore((s) => s.dismissedProblem);
  const [location] = useLocation();

  if (!session) {
    return (
      <div className="section-page" data-testid="loading">
        <h1>Connecting to the host…</h1>
        <p className="muted">Loading the open workbook.</p>
      </div>
    );
  }
  // A problem takes over the page until it is resolved, or set aside for a workbook still open.
  if (session.problem && !(session.workbook && dismissed === problemKey(session))) {
    return <ProblemScreen problem={session.problem} />;
  }
  // With no workbook open, every area route leads to the files (history needs a workbook too).
  if (!session.workbook && location !== FILES_ROUTE) return <FilesScreen />;
  return (
    <Switch>
      {AREAS.map((area) => (
        <Route
          key={area.id}
          path={areaRoute(area.id)}
          component={FEATURES.get(area.id)?.Screen ?? NotFound}
        />
      ))}
      <Route path={FILES_ROUTE} component={FilesScreen} />
      <Route path={HISTORY_ROUTE} component={HistoryScreen} />
      <Route path="/">
        <Redirect to={HOME_ROUTE} replace />
      </Route>
      <Route component={NotFound} />
    </Switch>
  );
}

function Shell() {
  const [location] = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useUndoShortcuts();
  useBreachAlerts();

  // A new view starts at its top; focus stays where it was so the sidebar keeps its place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on route change only
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [location]);

  return (
    <div className="app">
      <Header />
      <ConnectionBanner />
      <ReadOnlyBanner />
      <ChangedSinceBanner />
      <div className="app-body">
        <Sidebar />
        {/* Focusable so the keyboard can scroll it even when every control inside is disabled
            (a read-only workbook). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus */}
        <main className="app-main" ref={mainRef} id="main" tabIndex={0}>
          <MainContent />
        </main>
      </div>
      <Toasts />
      <IdentityDialog />
      <DropOverlay />
    </div>
  );
}

/** The projector board and review mode stand alone; every other route lives in the app shell. */
function Root() {
  const [location] = useLocation();
  // Timer expiries reach the projector as a banner (the main window raises them as toasts).
  useTimerAlertListener(location !== PROJECTOR_ROUTE);
  if (location === PROJECTOR_ROUTE) return <ProjectorBoard />;
  if (location.split('?')[0] === PARTICIPANT_ROUTE) return <ParticipantPage />;
  return location === REVIEW_ROUTE ? <ReviewMode /> : <Shell />;
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Root />
    </Router>
  );
}
