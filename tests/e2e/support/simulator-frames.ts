import type { Frame, Page } from 'playwright-core';

/** The embedded simulator's frames: its host page and every page view inside it. */
export async function simulatorFrames(page: Page): Promise<Frame[]> {
  const handle = await page.locator('[data-testid="simulator-frame"]').elementHandle();
  const host = await handle?.contentFrame();
  if (!host) return [];
  const all: Frame[] = [];
  const walk = (frame: Frame) => {
    all.push(frame);
    frame.childFrames().forEach(walk);
  };
  walk(host);
  return all;
}

/** Waits until the embedded simulator reports the package loaded and its first page rendered. */
export async function waitForSimulatorReady(page: Page): Promise<void> {
  for (;;) {
    const [host] = await simulatorFrames(page);
    const ready = await host?.evaluate(() => (window as unknown as { ministudio?: { status(): { ready: boolean } } }).ministudio?.status().ready === true).catch(() => false);
    if (ready) return;
    await page.waitForTimeout(100);
  }
}

/** Text of every simulator frame, joined. */
export async function simulatorText(page: Page): Promise<string> {
  const texts = await Promise.all((await simulatorFrames(page)).map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
  return texts.join('\n');
}

export async function waitForSimulatorText(page: Page, needle: string): Promise<void> {
  while (!(await simulatorText(page)).includes(needle)) await page.waitForTimeout(100);
}

/** The page-view frame that shows `needle`. */
export async function frameShowing(page: Page, needle: string): Promise<Frame> {
  for (;;) {
    for (const frame of await simulatorFrames(page)) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(needle) && frame.childFrames().length === 0) return frame;
    }
    await page.waitForTimeout(100);
  }
}
