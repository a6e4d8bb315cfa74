import { useEffect, useRef } from 'react';
import { SuccessSection } from '../features/success/SuccessSection';
import { problemKey, useAppStore } from '../store/app-store';
import { ConnectionBanner, ReadOnlyBanner } from './ConnectionBanner';
import { EmptySection } from './EmptySection';
import { Header } from './Header';
import { ProblemScreen } from './ProblemScreen';
import { Sidebar } from './Sidebar';
import { sectionInfo } from './sections';
import { Toasts } from './Toasts';
import { useUndoShortcuts } from './use-shortcuts';
import { WorkbookScreen } from './WorkbookScreen';

function MainContent() {
  const session = useAppStore((s) => s.session);
  const section = useAppStore((s) => s.section);
  const dismissed = useAppStore((s) => s.dismissedProblem);

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
  if (!session.workbook || section === 'workbook') return <WorkbookScreen />;
  if (section === 'success') return <SuccessSection />;
  const info = sectionInfo(section);
  return info ? <EmptySection info={info} /> : <WorkbookScreen />;
}

export function App() {
  const section = useAppStore((s) => s.section);
  const mainRef = useRef<HTMLElement>(null);
  useUndoShortcuts();

  // Changing section scrolls back to the top; focus stays on the nav so arrow keys keep working.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on section change only
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [section]);

  return (
    <div className="app">
      <Header />
      <ConnectionBanner />
      <ReadOnlyBanner />
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
    </div>
  );
}
