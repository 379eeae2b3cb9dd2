// Lighthouse (npm) driving Debian's Chromium: accessibility and best-practices
// scores for views of the built widget. Used by lighthouse.test.mjs (the gate:
// accessibility 100) and bench/lighthouse.mjs (the figures).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from '../../tools/serve.mjs';
import { DIST } from './harness.mjs';

export const VIEWS = { compare: '', reader: '#/read/rudd-2017?at=13', 'talking points': '#/talking-points', method: '#/method' };

/** Audits each view; returns { view: { accessibility, bestPractices, failed: [audit ids] } } (scores 0-100). */
export async function audit(views = VIEWS) {
  const server = await serve(DIST, 0, {});
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const out = {};
  try {
    for (const [name, hash] of Object.entries(views)) {
      const { lhr } = await lighthouse(`${origin}/${hash}`, {
        port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['accessibility', 'best-practices'], formFactor: 'mobile', screenEmulation: { mobile: true, width: 360, height: 740, deviceScaleFactor: 2, disabled: false },
      });
      const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
      out[name] = {
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
        failed,
      };
    }
  } finally {
    await chrome.kill();
    await new Promise((ok) => server.close(ok));
  }
  return out;
}
