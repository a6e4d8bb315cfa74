import { Link } from 'wouter';
import { HOME_ROUTE } from './routes';

/** A link to a view this version does not have (an old bookmark, a typo in the address). */
export function NotFound() {
  return (
    <div className="section-page" data-testid="not-found">
      <header className="section-header">
        <p className="eyebrow">Not found</p>
        <h1>There is no such view</h1>
        <p className="lead">
          The address names a view this version of Rollout War Room does not have. Nothing was changed.
        </p>
      </header>
      <p>
        <Link href={HOME_ROUTE} className="btn">
          Go to Success &amp; stop conditions
        </Link>
      </p>
    </div>
  );
}
