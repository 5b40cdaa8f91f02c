/**
 * The web UI in a real browser: headless Chromium (Debian's chromium, driven by playwright-core)
 * opens the home page, searches for an actor, follows the link to the actor's page and on to the
 * article a fact was read in, runs a stored query, opens the timeline and the network picture, and
 * visits pages whose literals carry script, which must never run. Every request stays on the server
 * (no CDN). Screenshots go to test/screenshots/ (gitignored). Needs /usr/bin/chromium (.ci/run
 * installs it): skipped with a reason locally without it, a failure under CI=true.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../src/ontology-files.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { DEFAULT_BASE } from '../src/vocab.js';
import { requireTool } from './support/external-tools.js';
import { HOSTILE_ARTICLE, HOSTILE_MEETING, HOSTILE_PERSON, withHostileArticle } from './support/hostile.js';
import { seedStore } from './support/seed-graph.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(projectRoot(), 'test', 'screenshots');
/** As the machine's notes advise: without the background-networking flags Chromium keeps dialling out. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the web UI in headless Chromium', function () {
  this.timeout(180000);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];

  before(async function () {
    requireTool(this, existsSync(CHROMIUM), 'Chromium', 'apt-get install chromium');
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ store: withHostileArticle(await seedStore()), port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const origin = new URL(server.url).origin;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  it('opens the home page, searches for an actor and follows the link to its page', async () => {
    await page.goto(server!.url);
    assert.equal(await page.title(), 'diplograph · diplograph');
    assert.match((await page.locator('ul.counts').innerText()).replace(/\s+/g, ' '), /\d+ Persons/);
    await shot('home');
    await page.locator('main form.search input[name=q]').fill('vinh');
    await Promise.all([page.waitForURL(/\/search\?q=vinh/), page.locator('main form.search button').click()]);
    const hit = page.locator('ul.hits a').filter({ hasText: /^Nguyen Chi Vinh$/ });
    assert.equal(await hit.count(), 1);
    await shot('search');
    await Promise.all([page.waitForURL(/\/id\/person\/nguyen-chi-vinh$/), hit.click()]);
    assert.equal(await page.locator('h1').innerText(), 'Nguyen Chi Vinh Person');
    assert.ok((await page.locator('td[lang=vi]').allInnerTexts()).includes('Nguyễn Chí Vịnh'));
    // the summary card leads the page, above the facts, and says his offices, meetings and partners
    const card = page.locator('section.card');
    assert.ok(await card.isVisible());
    assert.ok((await card.boundingBox())!.y < (await page.locator('table.facts').boundingBox())!.y);
    assert.match(await card.innerText(), /Deputy Minister of Defence[\s\S]*Meetings \(\d+\)[\s\S]*Partners met\s+France/);
    await shot('entity');
    await page.goto(new URL('/id/meeting/000_e8b7f0acafe71e35-1', server!.url).href);
    const meeting = page.locator('section.card');
    assert.match(await meeting.innerText(), /Kind\s+teleconference[\s\S]*Who, by side[\s\S]*Vietnam: Nguyen Chi Vinh[\s\S]*Discussed[\s\S]*peacekeeping/);
    await shot('meeting');
    // a fact's reference leads to its sentence, shown once below with the facts it supports
    const ref = page.locator('table.facts a.ref').first();
    const target = (await ref.getAttribute('href'))!;
    await ref.click();
    assert.ok(await page.locator(`li${target}`).isVisible());
    assert.ok((await page.locator(`li${target} ul.supports li`).count()) >= 1);
    await page.goBack();
    await page.goBack();
  });

  it('follows a fact to the sentence it was read in, marked in the article', async () => {
    const source = page.locator('ol.evidence a.source').first();
    const href = await source.getAttribute('href');
    assert.match(href ?? '', /^\/id\/article\/[^#]+#s\d+$/);
    await Promise.all([page.waitForURL(/\/id\/article\//), source.click()]);
    const id = href!.split('#')[1];
    const sentence = page.locator(`span#${id}`);
    assert.equal(await sentence.count(), 1);
    assert.ok((await sentence.innerText()).length > 10);
    assert.ok(await sentence.isVisible());
    // the target sentence alone is highlighted; names and events are marked inline and lead to their pages
    const highlighted = await page.locator('span.sentence').evaluateAll((spans) => spans.filter((s) => getComputedStyle(s).backgroundColor !== 'rgba(0, 0, 0, 0)').map((s) => s.id));
    assert.deepEqual(highlighted, [id]);
    const names = page.locator('.article-text a.mention');
    assert.ok((await names.count()) > 10);
    await shot('article');
    const vinh = page.locator('.article-text a.mention-person', { hasText: 'Nguyen Chi Vinh' }).first();
    await Promise.all([page.waitForURL(/\/id\/person\/nguyen-chi-vinh$/), vinh.click()]);
    await page.goBack();
  });

  it('runs a stored query and shows the answer as a table', async () => {
    await page.goto(new URL('/queries', server!.url).href);
    await Promise.all([page.waitForURL(/\/queries\/co-chairs$/), page.locator('a[href="/queries/co-chairs"]').click()]);
    await Promise.all([page.waitForURL(/run=1/), page.locator('form.run button').click()]);
    const rows = await page.locator('table.results tbody tr').count();
    assert.ok(rows > 0, 'rows');
    assert.match(await page.locator('#answer').innerText(), new RegExp(`${rows} rows`));
    // the answer downloads as CSV, one line per row
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download[data-format=csv]').click()]);
    assert.equal(download.suggestedFilename(), 'co-chairs.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    assert.equal(csv.trimEnd().split('\r\n').length, rows + 1);
    await shot('query');
  });

  it('fills a query form by name, from the choices it offers', async () => {
    await page.goto(new URL('/queries/partner-meetings', server!.url).href);
    const input = page.locator('#p-partner');
    assert.equal(await input.getAttribute('list'), 'names-actor');
    const options = await page.locator('datalist#names-actor option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.ok(options.includes('Germany') && options.includes('France'));
    await input.fill('Germany');
    await Promise.all([page.waitForURL(/partner=Germany/), page.locator('form.run button').click()]);
    assert.ok((await page.locator('table.results tbody tr').count()) > 0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download[data-format=json]').click()]);
    assert.equal(download.suggestedFilename(), 'partner-meetings.json');
    const json = JSON.parse(await readFile((await download.path())!, 'utf8')) as { results: { bindings: unknown[] } };
    assert.equal(json.results.bindings.length, await page.locator('table.results tbody tr').count());
  });

  it("runs a SPARQL query typed into the endpoint's form", async () => {
    await page.goto(server!.url);
    await Promise.all([page.waitForURL(/\/sparql$/), page.locator('nav a', { hasText: 'SPARQL endpoint' }).click()]);
    await page.locator('textarea[name=query]').fill('SELECT ?c WHERE { ?c a <https://w3id.org/diplograph/ontology#Country> } ORDER BY ?c');
    await Promise.all([page.waitForURL(/\/sparql\?query=/), page.locator('form.sparql button').click()]);
    const cells = await page.locator('table.results tbody td a').allInnerTexts();
    assert.ok(cells.includes('France') && cells.includes('Vietnam'), cells.join(', '));
    await shot('sparql');
  });

  it('opens the timeline and the network picture', async () => {
    await page.goto(server!.url);
    await Promise.all([page.waitForURL(/\/timeline$/), page.locator('nav a', { hasText: 'Timeline' }).click()]);
    const timeline = page.locator('svg.timeline');
    assert.ok(await timeline.isVisible());
    assert.ok((await timeline.locator('a.meeting').count()) >= 5);
    assert.ok(((await timeline.boundingBox())?.height ?? 0) > 100, 'the timeline is drawn');
    await shot('timeline');
    await Promise.all([page.waitForURL(/\/network$/), page.locator('nav a', { hasText: 'Network' }).click()]);
    const network = page.locator('svg.network');
    assert.ok(await network.isVisible());
    assert.ok((await network.locator('a.node').count()) > 20);
    await shot('network');
    const vietnam = network.locator('a.node[href="/id/country/vietnam"]');
    await Promise.all([page.waitForURL(/\/id\/country\/vietnam$/), vietnam.click()]);
    assert.equal(await page.locator('h1').innerText(), 'Vietnam Country');
  });

  it('never runs a script that an article or a label carries', async () => {
    for (const iri of [HOSTILE_PERSON, HOSTILE_MEETING, HOSTILE_ARTICLE]) {
      await page.goto(new URL(iri.replace(DEFAULT_BASE, '/id/'), server!.url).href);
      assert.match(await page.locator('main').innerText(), /<script>window.__pwned = 1/);
    }
    await page.goto(new URL('/timeline', server!.url).href);
    await page.goto(new URL('/network', server!.url).href);
    await page.goto(new URL('/search?q=evil', server!.url).href);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });

  it('loads nothing from another origin', () => {
    assert.deepEqual(foreign, []);
  });
});
