import type { Call } from '../../../shared/areas/scorecard/schema';
import type { Status } from '../../../shared/areas/types';
import type { GateStatus } from '../../../shared/areas/waves/gates';

// Word, shape and colour carry every status on the board, so it reads for people who cannot
// tell red from green, on a washed-out projector, and in a greyed (stale) board. The shapes are
// inline SVG (no icon font to load offline) in currentColor; the word beside each is what screen
// readers get, so the shapes are hidden from them.

export type Shape =
  | 'circle-check'
  | 'triangle-bang'
  | 'octagon-cross'
  | 'diamond-query'
  | 'square-up'
  | 'ring'
  | 'arrow';
export type Tone = 'go' | 'hold' | 'nogo' | 'muted';

export interface Look {
  word: string;
  shape: Shape;
  tone: Tone;
}

export const CALL_LOOK: Record<Call, Look> = {
  GO: { word: 'GO', shape: 'circle-check', tone: 'go' },
  HOLD: { word: 'HOLD', shape: 'triangle-bang', tone: 'hold' },
  'NO-GO': { word: 'NO-GO', shape: 'octagon-cross', tone: 'nogo' },
};

export const CHECK_LOOK: Record<Status, Look> = {
  green: { word: 'GREEN', shape: 'circle-check', tone: 'go' },
  amber: { word: 'AMBER', shape: 'triangle-bang', tone: 'hold' },
  red: { word: 'RED', shape: 'octagon-cross', tone: 'nogo' },
};

export const GATE_LOOK: Record<GateStatus, Look> = {
  continue: { word: 'CONTINUE', shape: 'circle-check', tone: 'go' },
  hold: { word: 'PAUSE', shape: 'triangle-bang', tone: 'hold' },
  inconclusive: { word: 'INCONCLUSIVE', shape: 'diamond-query', tone: 'hold' },
  rollback: { word: 'ROLL BACK', shape: 'octagon-cross', tone: 'nogo' },
  escalate: { word: 'ESCALATE', shape: 'square-up', tone: 'nogo' },
};

/** Old data is never coloured as if it were news: grey, a broken ring, and the word STALE. */
export const STALE_LOOK: Look = { word: 'STALE', shape: 'ring', tone: 'muted' };

// Glyph strokes are drawn in the board's background colour (.pj-glyph in projector.css) so they
// cut through the filled shape.
const GLYPH = { className: 'pj-glyph' } as const;

function paths(shape: Shape) {
  switch (shape) {
    case 'circle-check':
      return (
        <>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M6.5 12.5l3.6 3.6 7.4-7.6" {...GLYPH} />
        </>
      );
    case 'triangle-bang':
      return (
        <>
          <path d="M12 1.2L23.3 22H.7z" fill="currentColor" />
          <path d="M12 8.5v6.5M12 18.6v.2" {...GLYPH} />
        </>
      );
    case 'octagon-cross':
      return (
        <>
          <path d="M7.2 1h9.6L23 7.2v9.6L16.8 23H7.2L1 16.8V7.2z" fill="currentColor" />
          <path d="M7.8 7.8l8.4 8.4M16.2 7.8l-8.4 8.4" {...GLYPH} />
        </>
      );
    case 'diamond-query':
      return (
        <>
          <path d="M12 .8L23.2 12 12 23.2.8 12z" fill="currentColor" />
          <path d="M9.4 9.3a2.7 2.7 0 1 1 3.6 2.6c-.7.3-1 .8-1 1.5v.6M12 17.4v.2" {...GLYPH} />
        </>
      );
    case 'square-up':
      return (
        <>
          <rect x="1.5" y="1.5" width="21" height="21" rx="2" fill="currentColor" />
          <path d="M12 18V6.5M6.8 11.4L12 6.2l5.2 5.2" {...GLYPH} />
        </>
      );
    case 'ring':
      return (
        <circle
          cx="12"
          cy="12"
          r="9.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
          strokeDasharray="4.4 3"
        />
      );
    case 'arrow':
      return <path d="M4 2.5L21 12 4 21.5z" fill="currentColor" />;
  }
}

export function ShapeIcon({ shape, className }: { shape: Shape; className?: string }) {
  return (
    <svg className={`pj-icon ${className ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {paths(shape)}
    </svg>
  );
}

/** A status as the room reads it: shape and word, in the status's colour. */
export function StatusTag({ look, testId }: { look: Look; testId?: string }) {
  return (
    <span className={`pj-tag pj-tone-${look.tone}`} data-testid={testId} data-tone={look.tone}>
      <ShapeIcon shape={look.shape} />
      <span className="pj-tag-word">{look.word}</span>
    </span>
  );
}
