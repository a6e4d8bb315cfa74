import { type CSSProperties, useCallback, useEffect, useRef, useState } from 'react';
import { clockTime, formatDuration } from '../../../shared/domain/format';
import { bodyFontPx } from '../../../shared/domain/projector';
import { ProjectorReplay } from '../../features/drills/ProjectorReplay';
import { ProjectorTimerAlert } from '../../features/runbooks/ProjectorTimers';
import { useAppStore } from '../../store/app-store';
import { ApprovalBanner } from './ApprovalBanner';
import { BreachChartPanel } from './BreachChartPanel';
import type { BoardModel } from './board-model';
import { ChecksPanel, GatesPanel, PollPanel, TimersSlot } from './DetailPanels';
import { SettingsPanel } from './SettingsPanel';
import { VerdictPanel, WavePanel, WhyPanel } from './TopPanels';
import { type Board, useBoard } from './use-board';
import { useProjectorKeys } from './use-projector-keys';
import { useWakeLock, type WakeState } from './use-wake-lock';
import './projector.css';

// The board a facilitator projects: the live go/no-go call for the room's current wave, why,
// and the evidence under it, in type sized for the back row. It draws from the same store as
// every window (kept live by the host's pushes), so it changes the moment anyone edits; when
// the host is out of reach it keeps the last board, greyed and marked STALE, never a blank.

function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

function StaleBanner({ board, model }: { board: Board; model: BoardModel }) {
  const lost = board.connection === 'lost';
  return (
    <div className="pj-banner" data-testid="projector-stale">
      <p role="alert">
        STALE — {lost ? 'lost contact with the host. Reconnecting…' : 'waiting for the host to answer…'}
      </p>
      <p>
        This is the board as it was at {clockTime(new Date(model.computedAt).toISOString())},{' '}
        {formatDuration(board.now - model.computedAt)} ago.
      </p>
    </div>
  );
}

const WAKE_NOTE: Partial<Record<WakeState, string>> = {
  unsupported: 'This browser cannot keep the screen awake: turn off display sleep.',
  refused: 'The browser refused to keep the screen awake: turn off display sleep.',
};

function Content({ board, now }: { board: Board; now: number }) {
  const model = board.model;
  if (board.noWorkbook) {
    return (
      <p className="pj-message" data-testid="projector-no-workbook">
        No workbook is open. Open one in the main window and the board follows.
      </p>
    );
  }
  if (!model) {
    return (
      <p className="pj-message" data-testid="projector-connecting">
        Connecting to the host…
      </p>
    );
  }
  const running = model.poll !== null && model.poll.outcome === null;
  return (
    <>
      {board.source === 'stale' ? <StaleBanner board={board} model={model} /> : null}
      <ApprovalBanner />
      <ProjectorTimerAlert />
      <ProjectorReplay />
      <div className="pj-top">
        <VerdictPanel model={model} />
        <WavePanel model={model} now={now} />
      </div>
      <WhyPanel model={model} />
      <BreachChartPanel model={model} now={now} stale={board.source === 'stale'} settings={board.settings} />
      <div className="pj-grid">
        {/* A poll in progress is what the room is doing right now: it goes first. */}
        {running ? <PollPanel model={model} now={now} /> : null}
        <TimersSlot now={now} />
        <ChecksPanel model={model} />
        <GatesPanel model={model} now={now} />
        {running ? null : <PollPanel model={model} now={now} />}
      </div>
    </>
  );
}

export function ProjectorBoard() {
  const [picked, setPicked] = useState<string | null>(null);
  const board = useBoard(picked);
  const root = useRef<HTMLElement>(null);
  // Read at key time from the store, so the handler stays the same across pushes.
  const pickWave = useCallback((n: number) => {
    const waves = useAppStore.getState().session?.workbook?.waves.waves ?? [];
    if (n === 0) setPicked(null);
    else if (waves[n - 1]) setPicked(waves[n - 1]!.id);
  }, []);
  const keys = useProjectorKeys(root, pickWave);
  const wake = useWakeLock();
  const width = useViewportWidth();
  const model = board.model;
  const stale = board.source !== 'live';

  // The window's title says the call too: it is what the OS shows when switching windows.
  const call = model?.call ?? 'Board';
  const waveName = model?.wave?.name;
  useEffect(() => {
    document.title = `${call}${waveName ? ` · ${waveName}` : ''} — Projector — Rollout War Room`;
  }, [call, waveName]);

  const style = { '--pj-body': `${bodyFontPx(board.settings, width)}px` } as CSSProperties;
  return (
    <main
      ref={root}
      className={`pj-root${stale ? ' pj-stale' : ''}`}
      style={style}
      data-testid="projector"
      data-state={board.source}
      data-revision={model?.revision ?? ''}
      data-call={model?.call ?? ''}
    >
      <h1 className="visually-hidden">Go/no-go board{model ? `: ${model.workbookName}` : ''}</h1>
      <p role="status" className="visually-hidden" data-testid="projector-announce">
        {keys.blanked ? 'Screen blanked — press B to show the board again.' : ''}
      </p>
      <div className="pj-content" inert={keys.blanked || keys.settingsOpen} data-testid="projector-content">
        <Content board={board} now={board.now} />
      </div>
      <footer className="pj-chrome" inert={keys.blanked || keys.settingsOpen}>
        <span className="pj-live-dot" data-testid="projector-live">
          {stale ? '○ STALE' : '● LIVE'}
        </span>
        {model ? <span>{model.workbookName}</span> : null}
        <span>B blank · S room size · F11 full screen · arrows move between panels · 1–9 pick a wave</span>
        <button type="button" onClick={keys.openSettings} data-testid="projector-settings-button">
          Room size (S)
        </button>
        {/* The desktop window goes full screen itself (on the projector, and with the menu's F11);
            its hardened session refuses the page's own full-screen request. */}
        {window.warroom ? null : (
          <button type="button" onClick={keys.toggleFullscreen}>
            {keys.fullscreen ? 'Leave full screen (Esc)' : 'Full screen (F11)'}
          </button>
        )}
        {WAKE_NOTE[wake] ? <span data-testid="projector-wake-note">{WAKE_NOTE[wake]}</span> : null}
      </footer>
      {keys.blanked ? <div className="pj-blank" data-testid="projector-blank" /> : null}
      {keys.settingsOpen ? <SettingsPanel settings={board.settings} onClose={keys.closeSettings} /> : null}
    </main>
  );
}
