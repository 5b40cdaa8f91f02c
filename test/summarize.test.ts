/**
 * The per-article summaries (src/summarize.ts) name each party as the article names it. The articles
 * are composed here.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/ontology-files.js';
import { asWritten } from '../src/summarize.js';

describe('summaries name a party as the article does', () => {
  it('uses the acronym of a body whose name the article never writes', () => {
    const body = 'The ministers attended the ASEAN meeting in Jakarta.';
    assert.equal(asWritten('Association of Southeast Asian Nations', 'ASEAN', body), 'ASEAN');
  });

  it('keeps the name when the article writes it, even spelt another way', () => {
    assert.equal(asWritten('Association of Southeast Asian Nations', 'ASEAN', 'the Association of Southeast Asian Nations (ASEAN)'), 'Association of Southeast Asian Nations');
    assert.equal(asWritten('Vietnam Coast Guard', 'VCG', 'the Viet Nam Coast Guard (VCG) sent a ship; the VCG ship'), 'Vietnam Coast Guard');
    assert.equal(asWritten('Ministry of National Defense', 'MND', 'the Ministry of National Defence and the MND'), 'Ministry of National Defense');
  });

  it('keeps the name of a body without an acronym, or whose acronym the article does not write either', () => {
    assert.equal(asWritten('French Navy', undefined, 'the ship of the navy'), 'French Navy');
    assert.equal(asWritten('Association of Southeast Asian Nations', 'ASEAN', 'the regional bloc'), 'Association of Southeast Asian Nations');
    // A word that only contains the acronym is not the acronym.
    assert.equal(asWritten('Association of Southeast Asian Nations', 'ASEAN', 'the ASEANs'), 'Association of Southeast Asian Nations');
  });

  it('writes the acronym in the summary of a built article, and the full name in the list of bodies', function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), 'dg-summary-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'ASEAN officials meet in Vientiane\n\nVientiane, May 6, 2025 - The 22nd ASEAN Defence Senior Officials\' Meeting was held in Vientiane on May 6, 2025, with the attendance of ASEAN member states.\n');
      const out = join(dir, 'out');
      const r = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'diplograph.js'), 'summarize', dir, '--out', out], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const summary = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as { meetings: Array<{ participants: string[] }>; organizations: Array<{ name: string; acronym: string | null }> };
      assert.ok(summary.meetings.some((m) => m.participants.includes('ASEAN')), JSON.stringify(summary.meetings));
      assert.ok(!summary.meetings.some((m) => m.participants.includes('Association of Southeast Asian Nations')));
      assert.ok(summary.organizations.some((o) => o.name === 'Association of Southeast Asian Nations' && o.acronym === 'ASEAN'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
