/** Web mode opened without its token: the host would refuse every call, so explain instead. */
export function MissingToken() {
  return (
    <main className="standalone" data-testid="missing-token">
      <div className="standalone-card">
        <h1>This link is missing its access token</h1>
        <p>
          In web mode, Rollout War Room only answers links that carry the one-time token it printed when it
          started, so that other pages in your browser cannot read or change your workbooks.
        </p>
        <p>
          Go back to the terminal where you started it and copy the whole address after{' '}
          <q>Rollout War Room is running in web mode:</q> — it ends with <code>?token=…</code>.
        </p>
      </div>
    </main>
  );
}
