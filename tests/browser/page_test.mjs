// Browser test of the Verbatim web page: headless Debian Chromium driven by playwright-core.
//
//   node tests/browser/page_test.mjs http://127.0.0.1:PORT
//
// Needs a server on the sample corpus (tests/browser/run.sh starts one). Prints one line per
// check, then "N passed, M failed"; exits non-zero on any failure. Screenshots go to
// $VERBATIM_ARTIFACTS (default: build/test-artifacts): web.png (phone), web-desktop.png.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(base)) {
  console.error('usage: node page_test.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const artifacts = process.env.VERBATIM_ARTIFACTS || path.resolve(here, '../../build/test-artifacts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const TOTAL_SECONDS = 60;
const STEP_MS = 10000;

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? ` — ${detail}` : ''}`);
  return ok;
}

let browser = null;
let userDataDir = null;
function cleanup() {
  if (userDataDir) {
    try { fs.rmSync(userDataDir, { recursive: true, force: true }); } catch { /* leave it */ }
    userDataDir = null;
  }
}

// The whole run is bounded: whatever hangs, the test ends with a failure.
const watchdog = setTimeout(async () => {
  console.log(`FAIL the test did not finish within ${TOTAL_SECONDS} s`);
  failed++;
  console.log(`${passed} passed, ${failed} failed`);
  try { if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 3000))]); } catch { /* ignore */ }
  cleanup();
  process.exit(1);
}, TOTAL_SECONDS * 1000);

// Runs one step; an exception (a timeout, a missing element) is a failed check, not a crash.
async function step(what, fn) {
  try {
    await fn();
  } catch (e) {
    check(false, what, String(e && e.message ? e.message : e).split('\n')[0]);
  }
}

const hitIds = (page) => page.$$eval('#results > li.hit', (lis) => lis.map((li) => li.dataset.id));
const statusText = (page) => page.textContent('#status');

// Waits until the results show the answer to the current URL (status no longer "Searching…").
async function waitForResults(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('status').textContent;
    return s && !s.startsWith('Searching') && !document.getElementById('results').hasAttribute('aria-busy');
  }, null, { timeout: STEP_MS });
}

async function main() {
  if (!fs.existsSync(chromiumPath)) {
    console.log(`FAIL no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
    return 1;
  }
  fs.mkdirSync(artifacts, { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    timeout: 20000,
  });
  browser = context;
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  const page = context.pages()[0] || await context.newPage();

  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  const foreignRequests = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreignRequests.push(r.url()); });

  // 1. The page loads.
  await step('the page loads with a labelled search box', async () => {
    const response = await page.goto(base + '/');
    check(response && response.ok(), 'the page loads', response ? `HTTP ${response.status()}` : 'no response');
    const label = await page.textContent('label[for="q"]');
    check(/search/i.test(label || ''), 'the search box has a label', label);
  });

  // 2. A search: type a speaker's surname and a word, press Enter.
  let firstHit = null;
  await step('a search shows hits', async () => {
    await page.fill('#q', '');
    await page.type('#q', 'Drozdova border');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#results > li.hit');
    await waitForResults(page);
    const count = await page.locator('#results > li.hit').count();
    check(count > 0, `a search for "Drozdova border" shows hits (${count})`);
    const speakers = await page.$$eval('#results > li.hit .speaker', (ns) => ns.map((n) => n.textContent));
    check(speakers.length === count && speakers.some((s) => s.includes('Drozdova')), 'each hit shows its speaker, Drozdova among them', speakers.join(' | '));
    const marks = await page.$$eval('#results mark', (ns) => ns.map((n) => n.textContent.toLowerCase()));
    check(marks.some((m) => m.includes('drozdova') || m.includes('border')), 'matched words are highlighted', marks.slice(0, 5).join(', '));
    const status = await statusText(page);
    check(/\d+ statements? match/.test(status) && (await page.getAttribute('#status', 'aria-live')) === 'polite',
      'the result count is announced (aria-live)', status);
    check(new URL(page.url()).searchParams.get('q') === 'Drozdova border', 'the URL holds the query', page.url());
    const quoted = await page.locator('#results .quoted').count();
    check(quoted > 0, 'verbatim quotes are marked');
    const link = await page.getAttribute('#results > li.hit:first-child a.source-link', 'href');
    check(/^https:\/\/example\.org\//.test(link || ''), 'the hit links to its source', link);
    check(await page.locator('#results > li.hit:first-child .badge.kind').count() === 1, 'the hit shows its kind badge');
    check(await page.locator('#results > li.hit:first-child time').count() === 1, 'the hit shows its date');
  });

  // 3. A facet: click a value, every hit matches it, the URL holds the filter.
  let sharedUrl = null;
  let sharedIds = null;
  await step('a facet filters the hits', async () => {
    const button = page.locator('button.facet-value[data-facet="kind"][data-value="quote"]');
    const count = Number(await button.locator('.count').textContent());
    const before = await statusText(page);
    await button.click();
    await page.waitForFunction((b) => document.getElementById('status').textContent !== b, before);
    await waitForResults(page);
    const kinds = await page.$$eval('#results > li.hit .badge.kind', (ns) => ns.map((n) => n.textContent));
    check(kinds.length > 0 && kinds.every((k) => k === 'quote'), `after clicking kind "quote" every hit is a quote (${kinds.length})`, kinds.join(','));
    check(new URL(page.url()).searchParams.getAll('kind').includes('quote'), 'the URL holds the filter', page.url());
    const status = await statusText(page);
    check(status.includes(`${count} statement`), `the count matches the facet's count (${count})`, status);
    const chip = await page.textContent('#active-filters');
    check(/Kind: quote/.test(chip || ''), 'the active filter is shown', chip);
    check((await page.getAttribute('button.facet-value[data-facet="kind"][data-value="quote"]', 'aria-pressed')) === 'true', 'the facet value shows as pressed');
    sharedUrl = page.url();
    sharedIds = await hitIds(page);
    const first = page.locator('#results > li.hit').first();
    firstHit = {
      id: await first.getAttribute('data-id'),
      speaker: await first.locator('.speaker').textContent(),
      url: await first.locator('a.source-link').getAttribute('href'),
    };
  });

  // 4. The first hit in context; Escape closes the dialog.
  await step('the statement in context', async () => {
    const api = await page.evaluate(async (id) => (await fetch(`/api/statements/${encodeURIComponent(id)}?context=3`)).json(), firstHit.id);
    await page.click('#results > li.hit:first-child button.context');
    await page.waitForSelector('#context-dialog[open] #context-list li.current');
    const current = await page.textContent('#context-list li.current .statement-text');
    check(current === api.statement.text, 'the dialog shows the hit\'s full text', current);
    const items = await page.locator('#context-list li').count();
    const neighbours = api.before.length + api.after.length;
    check(neighbours > 0 && items === neighbours + 1, `its neighbours are around it (${api.before.length} before, ${api.after.length} after)`, `${items} items`);
    const position = await page.$$eval('#context-list li', (lis) => lis.findIndex((li) => li.classList.contains('current')));
    check(position === api.before.length, 'the hit sits after the statements before it', String(position));
    check((await page.getAttribute('#context-list li.current', 'aria-current')) === 'true', 'the hit is marked as current');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#context-dialog:not([open])', { state: 'attached' });
    check(true, 'Escape closes the context dialog');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('context'));
    check(focused, 'focus returns to the "Show in context" button');
  });

  // 5. Copy citation: the citation is shown with the speaker and the source URL.
  await step('copy citation', async () => {
    await page.click('#results > li.hit:first-child button.cite');
    await page.waitForSelector('#results > li.hit:first-child .citation[data-copied]');
    const citation = await page.inputValue('#results > li.hit:first-child .citation textarea');
    check(citation.includes(firstHit.speaker) && citation.includes(firstHit.url),
      'the citation shows the quote with speaker and source URL', citation);
    check(/^“.+”/.test(citation), 'the citation starts with the quotation', citation.slice(0, 60));
    const status = await page.textContent('#results > li.hit:first-child .copy-status');
    check(/clipboard|Ctrl\+C/.test(status || ''), `the copy outcome is reported ("${status}")`, status);
  });

  // 6. Back to the unfiltered search with the browser's Back button (popstate).
  await step('Back restores the previous search', async () => {
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('kind'));
    await waitForResults(page);
    const chips = await page.isHidden('#active-filters-box');
    const kinds = await page.$$eval('#results > li.hit .badge.kind', (ns) => ns.map((n) => n.textContent));
    check(chips && kinds.some((k) => k !== 'quote'), 'Back shows the search without the filter');
  });

  // 7. Verify mode: a quotation with one word changed is "near", the word struck through.
  await step('verify a quote', async () => {
    await page.click('#mode-verify');
    await page.waitForSelector('#verify-text', { state: 'visible' });
    await page.fill('#verify-text', 'If this gate works slowly, the whole nation feels it');
    await page.click('#verify-form button[type="submit"]');
    await page.waitForSelector('#results > li.match');
    await waitForResults(page);
    const verdict = await page.textContent('#results > li.match:first-child .verdict');
    check(verdict === 'near', 'a quotation with one word changed is "near"', verdict);
    const scores = await page.textContent('#results > li.match:first-child .scores');
    check(/\d+%/.test(scores || ''), 'the similarity is shown', scores);
    const struck = await page.$$eval('#results > li.match:first-child .diff del', (ns) => ns.map((n) => ({
      word: n.textContent, line: getComputedStyle(n).textDecorationLine })));
    check(struck.some((d) => d.word.includes('nation') && d.line.includes('line-through')), 'the changed word is struck through', JSON.stringify(struck));
    const added = await page.$$eval('#results > li.match:first-child .diff ins', (ns) => ns.map((n) => n.textContent));
    check(added.some((w) => w.includes('country')), 'the statement\'s word is shown as added', added.join(','));
    const url = new URL(page.url());
    check(url.searchParams.get('mode') === 'verify' && url.searchParams.get('text').includes('nation'), 'the URL holds the verify mode and text', page.url());
  });

  // 8. One search with the keyboard alone: Tab to the box, type, Enter; Tab to Next, Enter.
  await step('keyboard only', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('#q');
    let tabs = 0;
    while (tabs < 40 && !(await page.evaluate(() => document.activeElement && document.activeElement.id === 'q'))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    check(tabs < 40, `Tab reaches the search box (${tabs} presses)`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(outline && outline !== 'none', 'the focused box shows a focus outline', outline);
    await page.keyboard.type('region council');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results > li.hit');
    await waitForResults(page);
    check(await page.locator('#results > li.hit').count() > 0, 'the keyboard search shows hits');
    const firstPage = await hitIds(page);
    tabs = 0;
    while (tabs < 400 && !(await page.evaluate(() => document.activeElement && document.activeElement.id === 'next-page'))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    check(tabs < 400, `Tab reaches the Next button (${tabs} presses)`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('offset') === '10');
    await waitForResults(page);
    const secondPage = await hitIds(page);
    check(secondPage.length > 0 && !secondPage.some((id) => firstPage.includes(id)), 'Enter on Next shows the next page');
    const status = await statusText(page);
    check(/Showing 11–/.test(status), 'the count says which hits are shown', status);
  });

  // 9. The shared URL gives the same results in a fresh page.
  await step('the shared URL', async () => {
    const fresh = await context.newPage();
    await fresh.goto(sharedUrl);
    await fresh.waitForSelector('#results > li.hit');
    await waitForResults(fresh);
    const ids = await hitIds(fresh);
    check(JSON.stringify(ids) === JSON.stringify(sharedIds), `reloading the shared URL gives the same ${ids.length} hits`);
    check((await fresh.inputValue('#q')) === 'Drozdova border', 'the search box holds the shared query');
    check(/Kind: quote/.test(await fresh.textContent('#active-filters')), 'the shared filter is active');
    await fresh.setViewportSize({ width: 1280, height: 900 });
    await fresh.screenshot({ path: path.join(artifacts, 'web-desktop.png'), fullPage: false });
    await fresh.close();
  });

  // 10. A phone: no horizontal scroll, with results, the dialog and verify mode.
  await step('phone viewport', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const noScroll = () => page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    await page.goto(sharedUrl);
    await page.waitForSelector('#results > li.hit');
    await waitForResults(page);
    let m = await noScroll();
    check(m.sw <= m.cw, `no horizontal scroll on a 390 px phone (${m.sw} <= ${m.cw})`);
    const columns = await page.evaluate(() => getComputedStyle(document.getElementById('layout')).gridTemplateColumns.split(' ').length);
    check(columns === 1, 'one column on a phone', String(columns));
    await page.screenshot({ path: path.join(artifacts, 'web.png'), fullPage: false });
    await page.click('#results > li.hit:first-child button.context');
    await page.waitForSelector('#context-dialog[open] #context-list li.current');
    const box = await page.locator('#context-dialog').boundingBox();
    check(box && box.x >= 0 && box.x + box.width <= 390, 'the context dialog fits the phone', JSON.stringify(box));
    await page.screenshot({ path: path.join(artifacts, 'web-phone-context.png') });
    await page.keyboard.press('Escape');
    await page.goto(base + '/?mode=verify&text=' + encodeURIComponent('If this gate works slowly, the whole nation feels it'));
    await page.waitForSelector('#results > li.match');
    m = await noScroll();
    check(m.sw <= m.cw, `no horizontal scroll in verify mode on a phone (${m.sw} <= ${m.cw})`);
    await page.screenshot({ path: path.join(artifacts, 'web-phone-verify.png') });
  });

  // 11. Errors from the API are shown; the page made no outside requests and had no script errors.
  await step('errors and hygiene', async () => {
    await page.goto(base + '/?q=' + encodeURIComponent('AND'));
    await page.waitForSelector('#error:not([hidden])');
    const error = await page.textContent('#error');
    check(/not understood/.test(error || ''), 'a bad query shows the API\'s error', error);
    check(foreignRequests.length === 0, 'the page loads nothing from elsewhere', foreignRequests.join(' '));
    check(pageErrors.filter((e) => !/status of 400/.test(e)).length === 0, 'no script errors', pageErrors.join(' | '));
  });

  await context.close();
  browser = null;
  return failed === 0 ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  check(false, 'the test ran to the end', String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' '));
  code = 1;
  try { if (browser) await browser.close(); } catch { /* ignore */ }
}
clearTimeout(watchdog);
cleanup();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? code : 1);
