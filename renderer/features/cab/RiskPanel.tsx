import { useId } from 'react';
import { QUESTIONS } from '../../../shared/areas/cab/questionnaire';
import { assessRisk, RISK_CONDITIONS } from '../../../shared/areas/cab/risk';
import type { RiskLevel } from '../../../shared/areas/cab/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';

// The change's risk and what drove it: the first risk condition that matched (in order; later
// ones are not looked at), the questionnaire's score and its heaviest answers, and the level
// (the higher of the two). Answering a question saves it at once.

export const RISK_BADGE: Record<RiskLevel, { word: string; icon: string; tone: string }> = {
  low: { word: 'Low risk', icon: '●', tone: 'ok' },
  medium: { word: 'Medium risk', icon: '▲', tone: 'warn' },
  high: { word: 'High risk', icon: '■', tone: 'bad' },
};

export function RiskBadge({ level, testid }: { level: RiskLevel; testid?: string }) {
  const b = RISK_BADGE[level];
  return (
    <span className={`status-badge tone-${b.tone}`} data-testid={testid} data-status={level}>
      <span className="status-icon" aria-hidden="true">
        {b.icon}
      </span>
      {b.word}
    </span>
  );
}

export function RiskPanel({ wb }: { wb: Workbook }) {
  const id = useId();
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const risk = assessRisk(wb.cab.change);
  const { error, run } = useCommand();
  const answers = wb.cab.change.answers;

  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="risk">
      <div className="collection-head">
        <div>
          <h2 id={`${id}-title`}>Risk</h2>
          <p className="collection-intro">
            The higher of the first matching risk condition and the questionnaire.
          </p>
        </div>
        <RiskBadge level={risk.level} testid="risk-level" />
      </div>
      <ul className="risk-reasons" data-testid="risk-reasons">
        {risk.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <details className="risk-conditions">
        <summary>The risk conditions, in the order they are checked</summary>
        <ol>
          {RISK_CONDITIONS.map((c) => (
            <li key={c.id} className={risk.condition?.id === c.id ? 'strong' : undefined}>
              {c.label} ({c.level}){risk.condition?.id === c.id ? ' — matched' : ''}
            </li>
          ))}
        </ol>
      </details>
      <div className="questionnaire" data-testid="questionnaire">
        {QUESTIONS.map((q) => (
          <fieldset key={q.id} className="question" data-testid={`question-${q.id}`}>
            <legend>
              {q.text} <span className="muted small">weight {q.weight}</span>
            </legend>
            {q.options.map((option, value) => (
              <label key={option} className="check">
                <input
                  type="radio"
                  name={`${id}-${q.id}`}
                  checked={answers[q.id] === value}
                  disabled={readOnly}
                  onChange={() => void run({ type: 'cab.answer', question: q.id, answer: value })}
                  data-testid={`answer-${q.id}-${value}`}
                />
                {option}
              </label>
            ))}
            {answers[q.id] === null ? (
              <p className="muted small">Not answered: counted at its riskiest.</p>
            ) : null}
          </fieldset>
        ))}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
