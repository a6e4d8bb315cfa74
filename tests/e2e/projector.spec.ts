import { bodyFontPx, DEFAULT_PROJECTOR } from '../../shared/domain/projector';
import { expect, test } from './fixtures';
import { board, bodyPx, type DomElement, openBoard, verdict } from './projector-kit';

// The projector board: right (the verdict and why, from the same rules as every window),
// trustworthy when the host goes away (greyed, marked STALE, never blank), and driven from the
// keyboard. Live updates from the main window are in waves.spec.ts; readability (contrast, type
// size, axe) in projector-readable.spec.ts.

// The reload test observes the page from its first DOM change; these browser shapes are
// declared for it alone (the node tsconfig has no DOM lib on purpose).
declare const document: { querySelector(selector: string): DomElement | null };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: object): void;
}
declare const window: {
  __first?: { state: string | null; verdict: string | null } | null;
  __sawConnecting?: boolean;
};

test('the sample is NO-GO, with the breach that decided it and all seven checks', async ({ page, host }) => {
  await openBoard(page, host);
  await expect(verdict(page)).toHaveText('NO-GO');
  await expect(verdict(page)).toHaveAttribute('data-call', 'NO-GO');
  const breach = page.getByTestId('projector-breach');
  await expect(breach).toHaveCount(1);
  await expect(breach).toContainText('Sales API 5xx rate');
  await expect(breach).toContainText('Roll back');
  await expect(breach).toContainText('Incident commander, On-call SRE');
  await expect(page.getByTestId('projector-check')).toHaveCount(7);
  await expect(page.getByTestId('projector-check').filter({ hasText: 'AMBER' })).toContainText('Champions');
  await expect(page.getByTestId('projector-wave-name')).toHaveText('Wave 2: early regions');
  await expect(page.getByTestId('projector-wave-state')).toHaveText('Live wave');
  await expect(page.getByTestId('projector-hold')).toContainText('Hold ends in');
  const gate = page.locator('[data-testid="projector-gate"][data-gate="sc-errors"]');
  await expect(gate).toContainText('ROLL BACK');
  await expect(gate.getByTestId('gate-latest')).toContainText(/as of \d\d:\d\d:\d\d, \d+ (s|min) ago/);
  await expect(page.getByTestId('projector-updated')).toContainText(/Updated \d\d:\d\d:\d\d, .* ago/);
  await expect(page.getByTestId('projector-timers-slot')).toBeAttached();
});

test('the main window opens the board in a new window, token and all', async ({ page, host }) => {
  await page.goto(host.url);
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('open-projector').click(),
  ]);
  await expect(board(popup)).toHaveAttribute('data-state', 'live');
  expect(new URL(popup.url()).hash).toBe('#/projector');
  expect(new URL(popup.url()).searchParams.get('token')).toBe(new URL(host.url).searchParams.get('token'));
  await expect(verdict(popup)).toHaveText('NO-GO');
});

test('when the host stops, the board stays up, greyed and marked STALE', async ({ page, host }) => {
  await openBoard(page, host);
  await expect(verdict(page)).toHaveText('NO-GO');
  await host.stop();
  await expect(board(page)).toHaveAttribute('data-state', 'stale');
  await expect(page.getByTestId('projector-stale')).toContainText('STALE');
  await expect(page.getByTestId('projector-stale')).toContainText('lost contact with the host');
  await expect(board(page)).toHaveClass(/pj-stale/);
  await expect(verdict(page)).toHaveText('NO-GO');
  await expect(page.getByTestId('projector-check')).toHaveCount(7);
  await expect(page.getByTestId('projector-live')).toHaveText('○ STALE');
  // A web-mode page cannot be reloaded without its host (the host serves it); a reload while
  // connected is the next test.
});

test('a reload draws the last board at once from storage, never a blank or a loading screen', async ({
  page,
  host,
}) => {
  await openBoard(page, host);
  await expect(verdict(page)).toHaveText('NO-GO');
  // From the very first DOM change of the reloaded page: what the first board drawn said, and
  // whether anything but a board (the app's loading screen, the board's "connecting") appeared.
  await page.addInitScript(() => {
    window.__first = null;
    window.__sawConnecting = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="loading"], [data-testid="projector-connecting"]')) {
        window.__sawConnecting = true;
      }
      const root = document.querySelector('[data-testid="projector"]');
      if (root && window.__first === null) {
        window.__first = {
          state: root.getAttribute('data-state'),
          verdict: root.querySelector('[data-testid="projector-verdict"]')?.textContent ?? null,
        };
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(verdict(page)).toHaveText('NO-GO');
  const first = await page.evaluate(() => window.__first);
  // The first frame is the cached board (stale until the host answers), with its verdict.
  expect(first).toEqual({ state: 'stale', verdict: 'NO-GO' });
  expect(await page.evaluate(() => window.__sawConnecting)).toBe(false);
  await expect(board(page)).toHaveAttribute('data-state', 'live');
});

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('keyboard: B blanks and restores, arrows move between panels, S sets the room size, which the host keeps', async ({
    page,
    host,
    browser,
  }) => {
    await openBoard(page, host);
    await page.keyboard.press('b');
    await expect(page.getByTestId('projector-blank')).toBeVisible();
    await expect(page.getByTestId('projector-announce')).toHaveText(
      'Screen blanked — press B to show the board again.',
    );
    await page.keyboard.press('s'); // a blank screen answers only to B
    await expect(page.getByTestId('projector-settings')).toHaveCount(0);
    await page.keyboard.press('b');
    await expect(page.getByTestId('projector-blank')).toHaveCount(0);
    await expect(page.getByTestId('projector-announce')).toHaveText('');

    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-panel="verdict"]')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-panel="wave"]')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('[data-panel="verdict"]')).toBeFocused();

    // Number keys show another wave; wave 3 is only planned, but wave 2's live breach still
    // stops everything. 0 follows the live wave again.
    await page.keyboard.press('3');
    await expect(page.getByTestId('projector-wave-name')).toHaveText('Wave 3: everyone');
    await expect(page.getByTestId('projector-picked')).toContainText('Wave 3 of 3 picked');
    await expect(verdict(page)).toHaveText('NO-GO');
    await expect(page.getByTestId('projector-breach')).toContainText('(in Wave 2: early regions)');
    await page.keyboard.press('0');
    await expect(page.getByTestId('projector-wave-name')).toHaveText('Wave 2: early regions');
    await expect(page.getByTestId('projector-picked')).toHaveCount(0);

    // 10 m to the back row on a 2.5 m picture: 52 px; at 20 m the type doubles.
    const far = { ...DEFAULT_PROJECTOR, distanceMeters: 20 };
    expect(bodyFontPx(DEFAULT_PROJECTOR)).toBe(52);
    expect(bodyFontPx(far)).toBeGreaterThanOrEqual(102);
    expect(await bodyPx(page)).toBe(52);
    await page.keyboard.press('s');
    const settings = page.getByTestId('projector-settings');
    await expect(settings).toBeVisible();
    await expect(page.getByTestId('projector-distance')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);
    await page.getByTestId('projector-settings-button').click();
    await page.getByTestId('projector-distance').fill('0.2');
    await page.getByTestId('projector-settings-save').click();
    await expect(page.getByTestId('projector-settings-error')).toHaveText(
      'The distance must be at least 1 m',
    );
    await page.getByTestId('projector-distance').fill('20');
    await expect(page.getByTestId('projector-preview')).toHaveText(
      `Body text: ${bodyFontPx(far)} px on a 1920 px wide picture.`,
    );
    await page.getByTestId('projector-settings-save').click();
    await expect(settings).toHaveCount(0);
    await expect.poll(() => bodyPx(page)).toBe(bodyFontPx(far));

    await page.reload();
    await expect(board(page)).toHaveAttribute('data-state', 'live');
    expect(await bodyPx(page)).toBe(bodyFontPx(far));
    // A browser with nothing stored gets the size from the host's settings.
    const fresh = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const other = await fresh.newPage();
    await openBoard(other, host);
    expect(await bodyPx(other)).toBe(bodyFontPx(far));
    await fresh.close();
  });
});
