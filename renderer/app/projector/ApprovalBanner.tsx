import type { ItemChange, SectionDiff } from '../../../shared/areas/cab/diff';
import { names } from '../../../shared/areas/cab/review-status';
import { useChangedSinceApproval } from '../../features/cab/ChangedSinceBanner';

// On the board, in the room's type size: the plan on screen is not the one the CAB approved.
// Who approved, and what changed since, one line per section with its first changes, until
// the reviewers look again. Same rule as the banner in every other view.

const SHOWN = 2;

const item = (i: ItemChange) => {
  const first = i.fields[0];
  const what = i.kind === 'changed' && first ? ` (${first.field} ${first.before} → ${first.after})` : '';
  return `${i.kind} ${i.noun} ${i.label}${what}`;
};

function sectionLine(s: SectionDiff): string {
  const parts = [
    ...s.items.slice(0, SHOWN).map(item),
    ...s.fields.slice(0, SHOWN).map((f) => `${f.field} ${f.before} → ${f.after}`),
  ];
  const total = s.items.length + s.fields.length;
  const more = total > SHOWN ? `, and ${total - SHOWN} more` : '';
  return `${s.title}: ${parts.slice(0, SHOWN).join('; ')}${more}`;
}

export function ApprovalBanner() {
  const changed = useChangedSinceApproval();
  if (changed.length === 0) return null;
  return (
    <section className="pj-banner pj-approval" role="status" data-testid="projector-changed-since-approval">
      <p>▲ CHANGED SINCE APPROVAL by {names(changed.flatMap((c) => c.approvals))}: re-review needed.</p>
      {changed.flatMap((c) =>
        c.sections === null
          ? [<p key={c.hash}>The approved version is no longer kept.</p>]
          : c.sections.map((s) => (
              <p key={`${c.hash}-${s.section}`} data-testid="projector-changed-section">
                {sectionLine(s)}
              </p>
            )),
      )}
    </section>
  );
}
