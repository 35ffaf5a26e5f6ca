import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, driven headless with nothing phoning home. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const INSPECT_PAGE = readFileSync(new URL('./client/inspect-page.js', import.meta.url), 'utf8').replace(/^\/\/.*\n/gm, '').trim();

export interface ChartCheck {
  readonly id: string;
  readonly rendered: boolean;
  /** x values the chart was given. */
  readonly points: number;
  readonly series: number;
  /** Canvas pixels in one of the chart's series colours: > 0 means lines were drawn with data. */
  readonly seriesPixels: number;
  readonly error?: string | undefined;
}

export interface BrowserCheckResult {
  readonly chartsExpected: number;
  readonly chartsRendered: number;
  readonly charts: readonly ChartCheck[];
  /** The id of the first section in the page body (the verdict banner). */
  readonly firstSectionId: string | undefined;
  readonly verdict: string | undefined;
  /** The failure lines shown in the banner, top to bottom. */
  readonly failures: readonly string[];
  /** y of the failure list's top edge, in CSS pixels (a failed run shows it above the fold). */
  readonly failuresTop: number | undefined;
  /** Requests the page tried to make over the network (must be none). */
  readonly networkRequests: readonly string[];
  readonly consoleErrors: readonly string[];
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Opens a report's index.html in headless chromium with the network blocked, waits for the chart
 * script, and reads back what was drawn: per chart, whether uPlot rendered it and how many canvas
 * pixels carry a series colour; plus the banner at the top. Optionally saves a full-page screenshot.
 */
export async function checkHtmlReport(htmlPath: string, screenshotPath?: string): Promise<BrowserCheckResult> {
  const checker = await openReportChecker();
  try {
    return await checker.check(htmlPath, screenshotPath);
  } finally {
    await checker.close();
  }
}

export interface ReportChecker {
  check(htmlPath: string, screenshotPath?: string): Promise<BrowserCheckResult>;
  close(): Promise<void>;
}

/** One headless chromium for several checks (each in its own page). */
export async function openReportChecker(): Promise<ReportChecker> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
  return { check: (htmlPath, screenshotPath) => checkPage(browser, htmlPath, screenshotPath), close: () => browser.close() };
}

async function checkPage(browser: Browser, htmlPath: string, screenshotPath: string | undefined): Promise<BrowserCheckResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const networkRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    await page.route(/^(?!file:)/, async (route) => {
      networkRequests.push(route.request().url());
      await route.abort();
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction('document.body.hasAttribute("data-charts-expected")', undefined, { timeout: 10_000 });
    const specs = JSON.parse((await page.textContent('#chart-data')) ?? '[]') as { id: string; series: { color: string }[] }[];
    const colours = Object.fromEntries(specs.map((spec) => [spec.id, spec.series.map((s) => hexToRgb(s.color))]));
    const seen = (await page.evaluate(`(${INSPECT_PAGE})(${JSON.stringify({ colours })})`)) as Omit<BrowserCheckResult, 'networkRequests' | 'consoleErrors'>;
    if (screenshotPath) await page.screenshot({ path: screenshotPath, fullPage: true });
    return { ...seen, networkRequests, consoleErrors };
  } finally {
    await page.close();
  }
}
