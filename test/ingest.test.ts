/**
 * Saved pages as articles (src/ingest/html.ts, src/ingest/documents.ts, `diplograph add`, the build):
 * the article text without the site's furniture, the headline, date, publisher and URL from the page's
 * metadata, the `.txt` and `.source` written, the date in the graph, duplicates found, an HTML page
 * saved as `.txt` read as HTML with a note, and bad pages refused with nothing written.
 *
 * The fixtures (test/fixtures/pages/) are pages written for these tests in the markup of several kinds
 * of outlets: a wire agency with schema.org JSON-LD and Open Graph, a broadcaster with only
 * article:published_time and <time datetime>, a portal with navigation, cookie banner, newsletter box,
 * comments, related links and footer, an old windows-1252 page with entities and table layout, and a
 * page saved as .txt whose JSON-LD is an @graph.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSourceSidecar } from '../src/extract/index.js';
import { extractFile } from '../src/graph/corpus.js';
import { documentName, readDocument, textKey, urlKey } from '../src/ingest/documents.js';
import { looksLikeHtml, pageDate, pageUrl, readPage } from '../src/ingest/html.js';
import { projectRoot } from '../src/ontology-files.js';

const BIN = join(projectRoot(), 'bin', 'diplograph.js');
const PAGES = join(projectRoot(), 'test', 'fixtures', 'pages');
const page = (name: string) => join(PAGES, name);
const ALL = ['newswire-jsonld.html', 'broadcaster-time.html', 'messy-portal.html', 'legacy-windows1252.html', 'saved-as-text.txt'].map(page);

function cli(args: string[], cwd = projectRoot()) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files of a folder with their bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

describe('saved pages: reading one', () => {
  it('a wire agency page: JSON-LD NewsArticle wins, og: and <title> are fallbacks; the body without tags, share buttons or related news', () => {
    const p = readPage(readFileSync(page('newswire-jsonld.html')), 'newswire-jsonld.html');
    assert.equal(p.headline, 'Vietnam, Norway hold first defence policy dialogue');
    assert.equal(p.published, '2025-03-18');
    assert.equal(p.publisher, 'Vietnam News Agency', 'publisher.name of the JSON-LD, not og:site_name');
    assert.equal(p.url, 'https://en.vietnamplus.example/vietnam-norway-hold-first-defence-policy-dialogue-post301245.vnp');
    const lines = p.text.split('\n').filter(Boolean);
    assert.equal(lines[0], p.headline, 'the headline on the first line, once');
    assert.equal(lines.filter((l) => l === p.headline).length, 1);
    assert.match(lines[1], /^Deputy Minister of National Defence Sen\. Lieut\. Gen\. Tran Minh Khoa and Norwegian State Secretary/);
    assert.equal(lines[lines.length - 1], 'The two sides agreed to hold the second dialogue in Oslo in 2026.');
    assert.doesNotMatch(p.text, /Politics|Related news|Share on|Copyright|Tags:|dataLayer|line-height/);
    assert.ok(p.text.endsWith('\n') && !p.text.includes('\n\n\n'));
  });

  it('a broadcaster page: the date from article:published_time, the URL from <link rel=canonical>, the publisher from og:site_name', () => {
    const p = readPage(readFileSync(page('broadcaster-time.html')), 'broadcaster-time.html');
    assert.deepEqual({ ...p, text: undefined }, {
      text: undefined,
      headline: 'Vietnam and Chile boost naval cooperation',
      published: '2024-11-05',
      publisher: 'VOV World',
      url: 'https://vovworld.example/en-US/politics/vietnam-and-chile-boost-naval-cooperation-1298765.vov',
      encoding: 'utf-8',
    });
    assert.match(p.text, /^Vietnam and Chile boost naval cooperation\n\n\(VOVWORLD\) - Vietnam People's Navy Commander/);
    assert.match(p.text, /learn from Chile’s experience/, 'a numeric entity decoded');
    assert.doesNotMatch(p.text, /Tiếng Việt|Most read|Lunar New Year|Ba Trieu|15:00/);
    // Only <time datetime> left: it gives the date.
    const html = readFileSync(page('broadcaster-time.html'), 'utf8').replace(/<meta property="article:published_time"[^>]*>/, '');
    assert.equal(readPage(Buffer.from(html), 'x.html').published, '2024-11-05');
  });

  it('a messy portal: navigation, cookie banner, advertisement, newsletter box, share buttons, comments, related links and footer are dropped', () => {
    const p = readPage(readFileSync(page('messy-portal.html')), 'messy-portal.html');
    assert.equal(p.headline, 'Defence ministers of Vietnam and Kenya discuss peacekeeping training', '<title> without the site name');
    assert.equal(p.published, '2023-09-12', 'itemprop="datePublished"');
    assert.equal(p.publisher, 'Daily Defence Portal');
    assert.equal(p.url, 'https://www.dailydefence.example/news/2023/09/defence-ministers-vietnam-kenya-peacekeeping-training/', 'og:url without its utm_ parameters');
    const lines = p.text.split('\n').filter(Boolean);
    assert.equal(lines.length, 5, p.text);
    assert.match(lines[1], /^Hanoi, September 12, 2023 - Minister of National Defence General Vo Hoang Lam held talks/);
    assert.match(lines[3], /Kenya’s long experience/, '&rsquo;');
    for (const junk of [/cookie/i, /Advertisement/, /Home/, /Search/, /Read also/, /Subscribe/, /newsletter/i, /Facebook/, /Comments/, /Great news/, /Related articles/, /Most popular/, /All rights reserved/, /Staff Writer/]) {
      assert.doesNotMatch(p.text, junk);
    }
  });

  it('a windows-1252 page with entities: decoded as it declares, quotes and dashes kept; the date from <meta name="date"> in words', () => {
    const bytes = readFileSync(page('legacy-windows1252.html'));
    assert.ok(bytes.includes(0x93) && bytes.includes(0x96), 'the fixture is windows-1252 bytes');
    const p = readPage(bytes, 'legacy-windows1252.html');
    assert.equal(p.encoding, 'windows-1252');
    assert.equal(p.headline, 'Vietnam & Hungary sign defence training plan');
    assert.equal(p.published, '2024-02-20');
    assert.equal(p.publisher, 'The Danube Herald');
    assert.equal(p.url, undefined, 'no URL in the page');
    assert.match(p.text, /Budapest, February 20, 2024 – Deputy Minister/);
    assert.match(p.text, /G\u00e1bor Kov\u00e1cs signed a plan on defence training cooperation for 2024–2026/);
    assert.match(p.text, /“Our cooperation in training is the foundation of our defence ties,” Khoa said\./);
    assert.match(p.text, /Szentendre – the home of its training centre élite instructors/, '&#8211; and &eacute;');
    assert.doesNotMatch(p.text, /Front page|Also in World|Weather warning|\u00a9/);
  });

  it('an HTML page without article text is an error naming the file', () => {
    assert.throws(() => readPage(readFileSync(page('no-article.html')), 'no-article.html'), /^UserError: no-article\.html: an HTML page with no article text/);
    assert.throws(() => readPage(Buffer.alloc(0), 'empty.html'), /empty\.html: the page is empty/);
    assert.throws(() => readPage(Buffer.from('<html><head><meta charset="x-klingon"></head><body><p>Qapla</p></body></html>'), 'k.html'), /k\.html: the page declares the character encoding "x-klingon"/);
    // Hostile nesting is refused at once, not after minutes in Readability.
    const deep = `<html><body>${'<div>'.repeat(20000)}<p>Deep words in a paragraph.</p>${'</div>'.repeat(20000)}</body></html>`;
    const t = performance.now();
    assert.throws(() => readPage(Buffer.from(deep), 'deep.html'), /deep\.html: elements nested more than 400 deep/);
    assert.ok(performance.now() - t < 10000);
  });

  it('detects HTML by its content, and reads dates and URLs as pages write them', () => {
    assert.ok(looksLikeHtml(readFileSync(page('saved-as-text.txt'))));
    assert.ok(looksLikeHtml(Buffer.from('\ufeff  <!-- saved -->\n<html><body></body></html>')));
    assert.ok(!looksLikeHtml(readFileSync(join(projectRoot(), 'data', 'documents', '003_99a181e7a6755caf.txt'))));
    assert.ok(!looksLikeHtml(Buffer.from('Vietnam <and> France hold talks\n')));
    assert.equal(pageDate('2025-03-03T23:30:00+07:00'), '2025-03-03', 'the day as the outlet writes it');
    assert.equal(pageDate('2024-02-30'), undefined);
    assert.equal(pageDate('Tuesday, March 4, 2025'), '2025-03-04');
    assert.equal(pageDate('4 March 2025'), '2025-03-04');
    assert.equal(pageDate('yesterday'), undefined);
    assert.equal(pageUrl('https://x.example/a?id=3&utm_source=rss#top'), 'https://x.example/a?id=3');
    assert.equal(pageUrl('/relative/path'), undefined);
    assert.equal(pageUrl('javascript:alert(1)'), undefined);
  });

  it('names an article from its URL slug or headline, and compares URLs and texts loosely', () => {
    assert.equal(documentName({ file: 'x.html', meta: { url: 'https://a.example/news/vietnam-norway-talks-post301245.vnp' } }), 'vietnam-norway-talks');
    assert.equal(documentName({ file: 'x.html', headline: 'Việt Nam & Hungary: talks!', meta: { url: 'https://a.example/12345' } }), 'viet-nam-hungary-talks');
    assert.equal(documentName({ file: 'Saved Page (2).html', meta: {} }), 'saved-page-2');
    assert.ok(documentName({ file: 'x.html', headline: 'word '.repeat(40), meta: {} }).length <= 80);
    assert.equal(urlKey('https://www.A.example/news/x/'), urlKey('http://a.example/news/x'));
    assert.equal(textKey('Hanoi, March 3 –  the talks.\n'), textKey('HANOI March 3 the talks'));
  });
});

describe('saved pages: diplograph add and the build', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'diplograph-ingest-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each page as NAME.txt with NAME.source, says what it found, and the dates reach the graph', () => {
    const data = join(dir, 'data');
    const r = cli(['add', ...ALL, '--data', data]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, `diplograph: note: ${page('saved-as-text.txt')}: holds an HTML page, not plain text; read as HTML\n`);
    const docs = join(data, 'documents');
    assert.deepEqual(readdirSync(docs).sort(), [
      'defence-ministers-vietnam-kenya-peacekeeping-training.source', 'defence-ministers-vietnam-kenya-peacekeeping-training.txt',
      'vietnam-and-chile-boost-naval-cooperation.source', 'vietnam-and-chile-boost-naval-cooperation.txt',
      'vietnam-brazil-hold-defence-consultation.source', 'vietnam-brazil-hold-defence-consultation.txt',
      'vietnam-hungary-sign-defence-training-plan.source', 'vietnam-hungary-sign-defence-training-plan.txt',
      'vietnam-norway-hold-first-defence-policy-dialogue.source', 'vietnam-norway-hold-first-defence-policy-dialogue.txt',
    ]);
    assert.equal(readFileSync(join(docs, 'vietnam-norway-hold-first-defence-policy-dialogue.source'), 'utf8'),
      'https://en.vietnamplus.example/vietnam-norway-hold-first-defence-policy-dialogue-post301245.vnp\tpublished=2025-03-18\tpublisher=Vietnam News Agency\n');
    assert.equal(readFileSync(join(docs, 'vietnam-hungary-sign-defence-training-plan.source'), 'utf8'), 'published=2024-02-20\tpublisher=The Danube Herald\n');
    assert.deepEqual(parseSourceSidecar(readFileSync(join(docs, 'vietnam-brazil-hold-defence-consultation.source'), 'utf8')), {
      url: 'https://capitaltimes.example/world/asia/vietnam-brazil-hold-defence-consultation', published: '2022-06-08', publisher: 'The Capital Times',
    });
    assert.equal(readFileSync(join(docs, 'vietnam-and-chile-boost-naval-cooperation.txt'), 'utf8'), readPage(readFileSync(page('broadcaster-time.html')), 'x').text);
    assert.match(r.stdout, /^added .*vietnam-norway-hold-first-defence-policy-dialogue\.txt from .*newswire-jsonld\.html: "Vietnam, Norway hold first defence policy dialogue", published 2025-03-18, Vietnam News Agency, https:\/\/en\.vietnamplus\.example\//m);
    assert.match(r.stdout, /^added 5 articles; diplograph run builds the graph with them$/m);
    // The extractor reads the .source: headline, date, publisher and URL of every page in the graph.
    const b = cli(['build', '--data', data]);
    assert.equal(b.code, 0, b.stderr);
    const q = cli(['query', 'articles', '--data', data, '--format', 'json']);
    assert.equal(q.code, 0, q.stderr);
    const rows = (JSON.parse(q.stdout) as { results: { bindings: Array<Record<string, { value: string }>> } }).results.bindings;
    const byFile = Object.fromEntries(rows.map((row) => [row.file.value, { headline: row.headline?.value, published: row.published?.value, publisher: row.publisher?.value }]));
    assert.deepEqual(byFile, {
      'defence-ministers-vietnam-kenya-peacekeeping-training.txt': { headline: 'Defence ministers of Vietnam and Kenya discuss peacekeeping training', published: '2023-09-12', publisher: 'Daily Defence Portal' },
      'vietnam-and-chile-boost-naval-cooperation.txt': { headline: 'Vietnam and Chile boost naval cooperation', published: '2024-11-05', publisher: 'VOV World' },
      'vietnam-brazil-hold-defence-consultation.txt': { headline: 'Vietnam, Brazil hold defence consultation', published: '2022-06-08', publisher: 'The Capital Times' },
      'vietnam-hungary-sign-defence-training-plan.txt': { headline: 'Vietnam & Hungary sign defence training plan', published: '2024-02-20', publisher: 'The Danube Herald' },
      'vietnam-norway-hold-first-defence-policy-dialogue.txt': { headline: 'Vietnam, Norway hold first defence policy dialogue', published: '2025-03-18', publisher: 'Vietnam News Agency' },
    });
    const ttl = readFileSync(join(data, 'graph.ttl'), 'utf8');
    assert.match(ttl, /<https:\/\/en\.vietnamplus\.example\/vietnam-norway-hold-first-defence-policy-dialogue-post301245\.vnp>/);
    assert.match(ttl, /"2025-03-18"\^\^xsd:date/);
  });

  it('is deterministic: the same pages give the same files, byte for byte', () => {
    for (const d of ['a', 'b']) assert.equal(cli(['add', ...ALL, '--to', join(dir, d)]).code, 0);
    assert.deepEqual(snapshot(join(dir, 'a')), snapshot(join(dir, 'b')));
  });

  it('adds nothing for a page already there: the same URL, or the same text; never overwrites a different article', () => {
    const docs = join(dir, 'docs');
    assert.equal(cli(['add', page('newswire-jsonld.html'), '--to', docs]).code, 0);
    const before = snapshot(docs);
    const again = cli(['add', page('newswire-jsonld.html'), '--to', docs]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `${page('newswire-jsonld.html')}: already there as ${join(docs, 'vietnam-norway-hold-first-defence-policy-dialogue.txt')} (same URL); not added\nadded 0 articles, 1 already there\n`);
    // The same page saved from another address (a mirror): the same text.
    const mirror = join(dir, 'mirror.html');
    writeFileSync(mirror, readFileSync(page('newswire-jsonld.html'), 'utf8').replaceAll('en.vietnamplus.example', 'mirror.example'));
    const same = cli(['add', mirror, '--to', docs]);
    assert.match(same.stdout, /mirror\.html: already there as .*vietnam-norway-hold-first-defence-policy-dialogue\.txt \(same text\); not added/);
    // The same URL with tracking parameters and www.
    const tracked = join(dir, 'tracked.html');
    writeFileSync(tracked, readFileSync(page('newswire-jsonld.html'), 'utf8').replace(/<p>Khoa said[^<]*<\/p>/, '<p>Updated.</p>').replaceAll('https://en.vietnamplus.example/vietnam-norway-hold-first-defence-policy-dialogue-post301245.vnp', 'http://en.vietnamplus.example/vietnam-norway-hold-first-defence-policy-dialogue-post301245.vnp?utm_source=x'));
    assert.match(cli(['add', tracked, '--to', docs]).stdout, /\(same URL\); not added/);
    assert.deepEqual(snapshot(docs), before, 'nothing written');
    // Another article whose name is taken: NAME-2, the first one untouched.
    const other = join(dir, 'other.html');
    writeFileSync(other, readFileSync(page('broadcaster-time.html'), 'utf8').replace(/<link rel="canonical"[^>]*>/, '<link rel="canonical" href="https://other.example/vietnam-norway-hold-first-defence-policy-dialogue">'));
    const r = cli(['add', other, '--to', docs]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(docs, 'vietnam-norway-hold-first-defence-policy-dialogue-2.txt')));
    for (const [f, bytes] of Object.entries(before)) assert.equal(readFileSync(join(docs, f), 'latin1'), bytes, `${f} unchanged`);
    // Two copies in one call: the second is found as the first one's duplicate.
    const twice = cli(['add', page('messy-portal.html'), page('messy-portal.html'), '--to', docs]);
    assert.match(twice.stdout, /^added 1 article, 1 already there/m);
  });

  it('a plain-text article is copied with its .source; --url gives a page without one its URL', () => {
    const src = join(dir, 'src');
    mkdirSync(src);
    copyFileSync(join(projectRoot(), 'data', 'documents', '003_99a181e7a6755caf.txt'), join(src, 'paris.txt'));
    writeFileSync(join(src, 'paris.source'), 'https://vovworld.example/en-US/news/vietnam-france-dialogue-1234567.vov\tpublished=2023-06-13\n');
    const docs = join(dir, 'docs');
    const r = cli(['add', join(src, 'paris.txt'), '--to', docs]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(docs, 'vietnam-france-dialogue.txt'), 'utf8'), readFileSync(join(src, 'paris.txt'), 'utf8'));
    assert.equal(readFileSync(join(docs, 'vietnam-france-dialogue.source'), 'utf8'), 'https://vovworld.example/en-US/news/vietnam-france-dialogue-1234567.vov\tpublished=2023-06-13\n');
    const withUrl = cli(['add', page('legacy-windows1252.html'), '--to', docs, '--url', 'https://danube.example/world/vietnam-hungary-training']);
    assert.equal(withUrl.code, 0, withUrl.stderr);
    assert.equal(readFileSync(join(docs, 'vietnam-hungary-training.source'), 'utf8'), 'https://danube.example/world/vietnam-hungary-training\tpublished=2024-02-20\tpublisher=The Danube Herald\n');
  });

  it('bad input: a clear one-line error naming the file, a non-zero exit, nothing written', () => {
    const docs = join(dir, 'docs');
    const one = cli(['add', page('no-article.html'), '--to', docs]);
    assert.equal(one.code, 1);
    assert.equal(one.stderr, `diplograph: ${page('no-article.html')}: an HTML page with no article text (no paragraph of text was found in it); save the page of the article itself\n`);
    const several = cli(['add', page('newswire-jsonld.html'), page('no-article.html'), join(dir, 'missing.html'), '--to', docs]);
    assert.equal(several.code, 1);
    assert.match(several.stderr, /^diplograph: 2 of the 3 files cannot be read; nothing was added:\n {2}.*no-article\.html: an HTML page with no article text.*\n {2}.*missing\.html: no such file\n$/);
    assert.doesNotMatch(several.stderr, /^\s+at /m);
    assert.ok(!existsSync(docs), 'nothing written');
    assert.equal(cli(['add', '--to', docs]).code, 2);
    assert.match(cli(['add', page('newswire-jsonld.html'), '--url', 'ftp://x', '--to', docs]).stderr, /--url: "ftp:\/\/x" is not an absolute http\(s\) URL/);
    assert.ok(!existsSync(docs));
  });

  it('the build reads .html pages and a .txt file that holds HTML (with a note), and refuses two files of one article', () => {
    const docs = join(dir, 'documents');
    mkdirSync(docs);
    copyFileSync(page('broadcaster-time.html'), join(docs, 'chile.html'));
    copyFileSync(page('saved-as-text.txt'), join(docs, 'brazil.txt'));
    copyFileSync(join(projectRoot(), 'data', 'documents', '003_99a181e7a6755caf.txt'), join(docs, '003_99a181e7a6755caf.txt'));
    const b = cli(['build', '--in', docs, '--out', join(dir, 'graph.ttl')]);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(b.stderr, `diplograph: note: ${join(docs, 'brazil.txt')}: holds an HTML page, not plain text; read as HTML (diplograph add ${join(docs, 'brazil.txt')} keeps its article text and .source)\n`);
    assert.match(b.stdout, /^3 articles:/);
    const x = extractFile(join(docs, 'brazil.txt'));
    assert.equal(x.article.headline, 'Vietnam, Brazil hold defence consultation', 'not <!DOCTYPE html>');
    assert.equal(x.article.published, '2022-06-08');
    assert.equal(x.article.publisher, 'The Capital Times');
    const chile = extractFile(join(docs, 'chile.html'));
    assert.equal(chile.article.published, '2024-11-05');
    assert.equal(chile.article.file, 'chile.html');
    assert.ok(chile.meetings.length > 0, 'the text is extracted');
    // A .source beside a page wins over the page's own metadata.
    writeFileSync(join(docs, 'chile.source'), 'published=2024-11-04\n');
    assert.equal(extractFile(join(docs, 'chile.html')).article.published, '2024-11-04');
    // The date reaches the graph.
    const q = cli(['query', 'articles', '--graph', join(dir, 'graph.trig'), '--format', 'csv']);
    assert.match(q.stdout, /,brazil\.txt,Vietnam\, Brazil hold defence consultation,2022-06-08,The Capital Times,|,brazil\.txt,"Vietnam, Brazil hold defence consultation",2022-06-08,The Capital Times,/);
    copyFileSync(page('newswire-jsonld.html'), join(docs, 'chile.htm'));
    const clash = cli(['build', '--in', docs, '--out', join(dir, 'graph2.ttl')]);
    assert.equal(clash.code, 1);
    assert.match(clash.stderr, /chile\.htm.* and chile\.html: two files of one article "chile"; keep one of them/);
    assert.ok(!existsSync(join(dir, 'graph2.ttl')));
  });

  it('reads documents for adding as the build reads them', () => {
    const d = readDocument(page('saved-as-text.txt'));
    assert.deepEqual(d.notes, [`${page('saved-as-text.txt')}: holds an HTML page, not plain text; read as HTML`]);
    assert.equal(d.meta.published, '2022-06-08');
  });
});
