import { useState } from 'react';
import { CATEGORY_LABEL } from '../../../shared/areas/drills/report';
import { type DrillRun, QUESTION_CATEGORIES } from '../../../shared/areas/drills/run-schema';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { pushToast } from '../../store/app-store';

// The lessons-learned questionnaire: answers by category, typed on the facilitator's laptop as
// people speak, or afterwards from the paper forms (marked so in the history). The scenario's
// discussion questions are offered; any other question can be typed.

type Category = (typeof QUESTION_CATEGORIES)[number];

export function Questionnaire({ run, locked }: { run: DrillRun; locked: boolean }) {
  const [category, setCategory] = useState<Category>('what-happened');
  const [question, setQuestion] = useState(run.scenario.questions[0] ?? '');
  const [answer, setAnswer] = useState('');
  const [who, setWho] = useState('');
  const [fromPaper, setFromPaper] = useState(false);
  const { error, busy, run: send } = useCommand();
  const remove = useCommand();

  const submit = () =>
    void send(
      { type: 'drill.answer', runId: run.id, id: newId('qa'), category, question, answer, who, fromPaper },
      () => {
        pushToast('success', `Recorded ${who.trim()}'s answer`);
        setAnswer('');
      },
    );

  return (
    <section className="lessons" data-testid="drill-questionnaire" aria-labelledby="questionnaire-heading">
      <h3 id="questionnaire-heading">Lessons learned</h3>
      {QUESTION_CATEGORIES.map((c) => {
        const answers = run.questionnaire.filter((a) => a.category === c);
        if (answers.length === 0) return null;
        return (
          <div key={c} className="lesson-answers" data-testid={`answers-${c}`}>
            <h4>{CATEGORY_LABEL[c]}</h4>
            <ul>
              {answers.map((a) => (
                <li key={a.id}>
                  <p className="muted small">{a.question}</p>
                  <p>
                    {a.answer} <span className="muted">— {a.who}</span>
                  </p>
                  <button
                    type="button"
                    className="btn small danger"
                    disabled={locked || remove.busy}
                    aria-label={`Remove ${a.who}'s answer`}
                    onClick={() => void remove.run({ type: 'drill.remove-answer', runId: run.id, id: a.id })}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {run.questionnaire.length === 0 ? <p className="muted">No answers yet.</p> : null}
      <form
        className="answer-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="qa-category">Category</label>
          <select
            id="qa-category"
            data-testid="qa-category"
            value={category}
            disabled={locked}
            onChange={(e) => setCategory(e.target.value as Category)}
          >
            {QUESTION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="qa-question">Question</label>
          <input
            id="qa-question"
            data-testid="qa-question"
            list="qa-questions"
            value={question}
            maxLength={500}
            disabled={locked}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <datalist id="qa-questions">
            {run.scenario.questions.map((q) => (
              <option key={q} value={q} />
            ))}
          </datalist>
        </div>
        <div className="field full">
          <label htmlFor="qa-answer">Answer</label>
          <textarea
            id="qa-answer"
            data-testid="qa-answer"
            rows={2}
            value={answer}
            maxLength={4000}
            disabled={locked}
            onChange={(e) => setAnswer(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="qa-who">Who answered</label>
          <input
            id="qa-who"
            data-testid="qa-who"
            value={who}
            maxLength={120}
            disabled={locked}
            onChange={(e) => setWho(e.target.value)}
          />
        </div>
        <label className="field-check">
          <input
            type="checkbox"
            data-testid="qa-paper"
            checked={fromPaper}
            disabled={locked}
            onChange={(e) => setFromPaper(e.target.checked)}
          />{' '}
          Typed in from a paper form
        </label>
        <button type="submit" className="btn" data-testid="qa-save" disabled={locked || busy}>
          Record answer
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert" data-testid="qa-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
