import { CollectionEditor } from '../../components/collection/CollectionEditor';
import { useAppStore } from '../../store/app-store';
import { ApprovalPanel } from './ApprovalPanel';
import {
  baselineConfig,
  guardrailsConfig,
  noGoConfig,
  outcomesConfig,
  stopConditionsConfig,
} from './success-collections';

/**
 * Checklist step 1. The step is done when everyone can answer three questions, so the top of
 * the page shows how far the workbook goes towards answering each one.
 */
export function SuccessSection() {
  const success = useAppStore((s) => s.session?.workbook?.success);
  const count = (n: number | undefined, one: string, many: string) =>
    `${n ?? 0} ${(n ?? 0) === 1 ? one : many}`;

  const answers = [
    {
      question: 'What does success look like?',
      answer: count(success?.outcomes.length, 'outcome metric', 'outcome metrics'),
      ok: (success?.outcomes.length ?? 0) > 0,
    },
    {
      question: 'What risk is unacceptable?',
      answer: `${count(success?.guardrails.length, 'guardrail', 'guardrails')}, ${count(
        success?.stopConditions.length,
        'stop condition',
        'stop conditions',
      )}`,
      ok: (success?.stopConditions.length ?? 0) > 0,
    },
    {
      question: 'Who can call a no-go?',
      answer: count(success?.noGoAuthorities.length, 'authority', 'authorities'),
      ok: (success?.noGoAuthorities.length ?? 0) > 0,
    },
  ];

  return (
    <div className="section-page" data-testid="section-success">
      <header className="section-header">
        <p className="eyebrow">Step 1</p>
        <h1>Success &amp; stop conditions</h1>
        <p className="lead">
          Agree what a good rollout looks like, which risks are off the table, and who may call a halt.
        </p>
      </header>

      <dl className="answers">
        {answers.map((a) => (
          <div key={a.question} className={`answer ${a.ok ? 'ok' : 'missing'}`}>
            <dt>{a.question}</dt>
            <dd>
              <span className="answer-mark" aria-hidden="true">
                {a.ok ? '✓' : '!'}
              </span>
              {a.answer}
              {a.ok ? null : <span className="visually-hidden"> — not answered yet</span>}
            </dd>
          </div>
        ))}
      </dl>

      <CollectionEditor config={outcomesConfig} />
      <CollectionEditor config={guardrailsConfig} />
      <CollectionEditor config={baselineConfig} />
      <CollectionEditor config={stopConditionsConfig} />
      <CollectionEditor config={noGoConfig} />
      <ApprovalPanel />
    </div>
  );
}
