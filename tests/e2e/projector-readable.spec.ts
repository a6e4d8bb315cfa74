import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import {
  assess,
  board,
  dropRecent,
  type Frame,
  openBoard,
  pollStart,
  RECOVERED,
  readings,
  scanText,
  send,
  verdict,
} from './projector-kit';

// Readable from the back of the room, in every state the board can be in: axe finds nothing,
// every text/background pair is at least 7:1 (axe cannot see every state, so this scans them),
// and body text is at least 48 px at 1920×1080.

test.describe('readable at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing on the board, ${theme} OS theme`, async ({ page, host }) => {
      await page.emulateMedia({ colorScheme: theme });
      await openBoard(page, host);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoViolations(page, `${theme} / projector, NO-GO`);
      await send(host, [pollStart(['p-1', 'p-2', 'p-3'])]);
      await expect(page.getByTestId('projector-position')).toHaveCount(3);
      await expectNoViolations(page, `${theme} / projector, poll running`);
      await page.keyboard.press('s');
      await expect(page.getByTestId('projector-settings')).toBeVisible();
      await expectNoViolations(page, `${theme} / projector, room size dialog`);
    });
  }

  test('every text/background pair is at least 7:1 and body text at least 48 px, in every state', async ({
    page,
    host,
  }) => {
    await openBoard(page, host);
    const mins: Record<string, number> = {};
    const scan = async (state: string, atLeast = 10) => {
      const found = await page.evaluate(scanText);
      expect(found.length, `${state}: text found`).toBeGreaterThanOrEqual(atLeast);
      const low = found.filter((t) => t.ratio < 7);
      expect(low, `${state}: text below 7:1`).toEqual([]);
      const small = found.filter((t) => t.body && t.px < 48);
      expect(small, `${state}: body text below 48 px`).toEqual([]);
      mins[state] = Math.min(...found.map((t) => t.ratio));
    };

    await expect(verdict(page)).toHaveText('NO-GO');
    await scan('NO-GO');

    // Every answer a poll can show (GO, NO-GO, HOLD, whose turn, waiting) and a red check.
    const ids = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'];
    const { revision } = await readings(host);
    await send(host, [
      pollStart(ids),
      ...(['GO', 'NO-GO', 'HOLD'] as const).map(
        (answer, k): Frame => [
          'workbook:dispatch-command',
          { type: 'poll.answer', pollId: 'poll-e2e', positionId: ids[k], answer, reason: '' },
        ],
      ),
      assess('a-red', 'go-comms', 'red', 'The rep guide has the wrong dates.', revision),
    ]);
    await expect(page.getByTestId('projector-position').nth(3)).toHaveAttribute('data-answer', 'turn');
    await expect(page.getByTestId('projector-check').filter({ hasText: 'RED' })).toHaveCount(1);
    await scan('poll and red check');
    await send(host, [
      assess('a-green', 'go-comms', 'green', 'Dates fixed.', (await readings(host)).revision),
    ]);

    await send(host, RECOVERED);
    await expect(verdict(page)).toHaveText('GO');
    await scan('GO');

    // SSO login success loses its recent readings: its gate is STALE and inconclusive, so HOLD
    // (with the champion gap closed, the dashboards check is then the only one not green).
    await send(host, [
      assess(
        'a-champ',
        'go-champions',
        'green',
        'Field sales champion named.',
        (await readings(host)).revision,
      ),
    ]);
    await dropRecent(host, 'm-sso-login', 50);
    await expect(verdict(page)).toHaveText('HOLD');
    await expect(page.locator('[data-gate="sc-login"]')).toHaveAttribute('data-stale', 'true');
    await expect(page.locator('[data-gate="sc-login"]')).toContainText('STALE');
    await scan('HOLD, stale gate');
    await page.keyboard.press('s');
    await expect(page.getByTestId('projector-settings')).toBeVisible();
    // The board behind the dialog is inert; the dialog's own text is what is read then.
    await scan('room size dialog', 5);
    await page.keyboard.press('Escape');

    await host.stop();
    await expect(board(page)).toHaveAttribute('data-state', 'stale');
    await scan('stale board');
    test.info().annotations.push({ type: 'contrast', description: JSON.stringify(mins) });
  });
});
