import { expect, SAMPLE_NAME, SCREENS, test } from './fixtures';

// Views have URLs: a window can open on any of them, reload keeps the place, back and forward
// work, and an address the app does not know says so.

const ROUTE_OF: Record<string, string> = { workbook: 'files' };

test('every screen has its own address, kept across a reload, with back and forward', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workbook-name')).toHaveText(SAMPLE_NAME);
  await expect(page).toHaveURL(/\?token=[^#]+#\/success$/);
  for (const id of SCREENS) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page).toHaveURL(new RegExp(`#/${ROUTE_OF[id] ?? id}$`));
    await expect(page.getByTestId(`section-${id}`)).toBeVisible();
  }
  await page.reload();
  await expect(page.getByTestId('section-workbook')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('section-history')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId(`section-${SCREENS.at(-3)}`)).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('section-history')).toBeVisible();
});

test('a window can open straight on a view, and an unknown one is explained', async ({ page, host }) => {
  await page.goto(`${host.url}#/history`);
  await expect(page.getByTestId('section-history')).toBeVisible();
  await expect(page.getByTestId('nav-history')).toHaveAttribute('aria-current', 'page');
  await page.goto(`${host.url}#/scorecard`);
  await expect(page.getByTestId('section-scorecard')).toBeVisible();
  await page.goto(`${host.url}#/projector-of-the-future`);
  await expect(page.getByTestId('not-found')).toContainText('There is no such view');
  await page.getByTestId('not-found').getByRole('link').click();
  await expect(page.getByTestId('section-success')).toBeVisible();
});
