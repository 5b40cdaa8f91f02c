/**
 * One node per real actor for organizations named after their country: "Korean Ministry of the Armed
 * Forces" and "Republic of Korea Ministry of the Armed Forces" are one ministry, with one English name
 * whatever the order of the articles; "Democratic People's Republic of Korea Ministry of the Armed
 * Forces" is another one (its "People's" is no possessive that cuts the name before "Republic of
 * Korea"). The generated 1,000-article corpus merged the two Korean ministries into one node with two
 * English names, which broke the shapes.
 */
import { strict as assert } from 'node:assert';
import type * as RDF from '@rdfjs/types';
import { extractArticle } from '../src/extract/index.js';
import { buildDataset } from '../src/graph/build.js';
import { validateShapes } from '../src/graph/validate.js';
import { serializeQuads } from '../src/export/rdf-writer.js';
import { DEFAULT_BASE } from '../src/vocab.js';

const sentence = (body: string, person: string, day: number) =>
  `Deputy Minister of Defence Senior Lieutenant General Hoang Xuan Chien and Director General for International Relations at the ${body} ${person} co-chaired the third defence strategy dialogue in Hanoi on March ${day}, 2019.\n`;
const ARTICLES: Array<[string, string]> = [
  ['a.txt', sentence('Korean Ministry of the Armed Forces', 'Paul Andersen', 3)],
  ['b.txt', sentence('Republic of Korea Ministry of the Armed Forces', 'Paul Andersen', 5)],
  ['c.txt', sentence("Democratic People's Republic of Korea Ministry of the Armed Forces", 'Sophie Weber', 7)],
  ['d.txt', sentence('Korean Ministry of the Armed Forces', 'Pierre Andersen', 9)],
];
const build = (order: number[]) => buildDataset(order.map((i) => extractArticle(...ARTICLES[i])));

const ORG = `${DEFAULT_BASE}org/`;
const COUNTRY = `${DEFAULT_BASE}country/`;
const values = (quads: RDF.Quad[], s: string, p: string, lang?: string) =>
  [...new Set(quads.filter((q) => q.subject.value === s && q.predicate.value.endsWith(p) && (lang === undefined || (q.object as RDF.Literal).language === lang)).map((q) => q.object.value))].sort();

describe('organizations named after their country, across articles', () => {
  it('a leading country name of several words is the country, not part of the name', () => {
    for (const [body, key, country] of [
      ['Republic of Korea Ministry of the Armed Forces', 'republic-of-korea-ministry-of-the-armed-forces', 'republic-of-korea'],
      ["Democratic People's Republic of Korea Ministry of the Armed Forces", 'democratic-people-republic-of-korea-ministry-of-the-armed-forces', 'democratic-people-republic-of-korea'],
      ['United Arab Emirates Ministry of Foreign Affairs', 'united-arab-emirates-ministry-of-foreign-affairs', 'united-arab-emirates'],
      ['Korean Ministry of the Armed Forces', 'republic-of-korea-ministry-of-the-armed-forces', 'republic-of-korea'],
    ]) {
      const x = extractArticle('t.txt', sentence(body, 'Paul Andersen', 3));
      assert.deepEqual([...x.organizations.keys()], [key], body);
      const org = x.organizations.get(key)!;
      assert.equal(org.countryKey, country, body);
      assert.equal(org.name, body.replace(/^.* (?=Ministry)/, ''), body);
      assert.ok(x.meetings[0].involves.has(key), `${body}: involved in the dialogue, as the body a co-chair speaks for`);
    }
  });

  it('two spellings of one ministry give one node with one English name; the other Korea\'s ministry is a node of its own', async () => {
    const quads = build([0, 1, 2, 3]);
    const report = await validateShapes(quads);
    assert.ok(report.conforms, JSON.stringify(report.results));
    const rok = `${ORG}republic-of-korea-ministry-of-the-armed-forces`;
    const dprk = `${ORG}democratic-people-republic-of-korea-ministry-of-the-armed-forces`;
    assert.deepEqual(values(quads, rok, 'rdf-schema#label', 'en'), ['Ministry of the Armed Forces']);
    assert.deepEqual(values(quads, rok, '#country'), [`${COUNTRY}republic-of-korea`]);
    assert.deepEqual(values(quads, rok, '#altLabel'), ['Korean Ministry of the Armed Forces', 'Republic of Korea Ministry of the Armed Forces']);
    assert.deepEqual(values(quads, dprk, 'rdf-schema#label', 'en'), ['Ministry of the Armed Forces']);
    assert.deepEqual(values(quads, dprk, '#country'), [`${COUNTRY}democratic-people-republic-of-korea`]);
    const sophie = `${DEFAULT_BASE}person/sophie-weber`;
    assert.deepEqual(values(quads, sophie, '#affiliation'), [dprk]);
  });

  it('the graph does not depend on the order of the articles', async () => {
    const trig = await serializeQuads(build([0, 1, 2, 3]), 'trig');
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) assert.equal(await serializeQuads(build(order), 'trig'), trig, order.join(' '));
  });
});
