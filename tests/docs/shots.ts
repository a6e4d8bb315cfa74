import { join } from 'node:path';
import type { Page } from '@playwright/test';

// What README's screenshot specs share: where pictures go, taking one without the toasts in
// front, and scrolling the app's main region to what the picture is of.

export const OUT = 'docs/screenshots';

// The page's shapes, as seen from inside it (the node tsconfig has no DOM lib on purpose).
interface DomElement {
  scrollTop: number;
  ownerDocument: { scrollingElement: { scrollTop: number } };
  querySelector(selector: string): DomElement | null;
  getBoundingClientRect(): { top: number };
}

/** docs/screenshots/<name>.png, with the toasts dismissed first. */
export async function shot(page: Page, name: string): Promise<void> {
  // Toasts that close by themselves may go while we look: take them one at a time.
  const toasts = page.getByTestId('toast-dismiss');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) {
    await toasts
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  }
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

/** Scrolls the app's main region (only it: the window itself stays put) so `testid` is at its top. */
export async function scrollTo(page: Page, testid: string): Promise<void> {
  await page.locator('#main').evaluate((main: DomElement, id: string) => {
    // A file input the page focused may have scrolled the window itself: put it back first.
    main.ownerDocument.scrollingElement.scrollTop = 0;
    const el = main.querySelector(`[data-testid="${id}"]`)!;
    main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;
  }, testid);
}
