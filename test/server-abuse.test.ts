/**
 * The server under abuse, on 127.0.0.1: huge request bodies and headers, slow clients
 * (slowloris), many open connections and path traversal are refused or timed out, and the server
 * keeps answering everyone else. (Runaway queries are in server-timeout.test.ts; SPARQL Update,
 * LOAD and SERVICE in server.test.ts; markup in literals in web-ui.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { connect, type Socket } from 'node:net';
import { startServer, type RunningServer } from '../src/server/server.js';
import { seedStore } from './support/seed-graph.js';

const ASK = encodeURIComponent('ASK { ?s ?p ?o }');

/** A raw TCP connection to the server, with what it has received and when it was closed. */
function open(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let data = '';
    const socket = connect(Number(port), hostname);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - started)));
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

describe('the server under abuse', function () {
  this.timeout(120000);
  let server: RunningServer;
  const healthy = async () => {
    const started = Date.now();
    const r = await fetch(`${server.url}sparql?query=${ASK}`);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { head: {}, boolean: true });
    return Date.now() - started;
  };

  before(async () => {
    server = await startServer({ store: await seedStore(), port: 0, maxBodyBytes: 64 * 1024, maxConnections: 20, headersTimeoutMs: 1000, idleTimeoutMs: 1500, requestTimeoutMs: 3000, timeoutMs: 5000 });
  });
  after(() => server?.close());

  it('refuses a huge declared body at once with 413, without reading it', async () => {
    const c = await open(server.url);
    const started = Date.now();
    c.socket.write(`POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`);
    c.socket.write('SELECT * WHERE { ?s ?p ?o }'.padEnd(64 * 1024, ' '));
    await c.closed;
    assert.match(c.received(), /^HTTP\/1.1 413 /);
    assert.match(c.received(), /request body too large: the limit is 65536 bytes/);
    assert.ok(Date.now() - started < 2000, 'answered at once');
    await healthy();
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const c = await open(server.url);
    c.socket.write('POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = 'x'.repeat(16 * 1024);
    let sent = 0;
    const pump = setInterval(() => {
      if (c.socket.destroyed || sent > 200) return clearInterval(pump);
      c.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`, () => undefined);
      sent++;
    }, 5);
    await c.closed;
    clearInterval(pump);
    assert.match(c.received(), /^HTTP\/1.1 413 /);
    assert.ok(sent < 200, `the server hung up after ${sent} chunks of 16 KB`);
    await healthy();
  });

  it('answers 431 to a huge Accept header', async () => {
    const r = await fetch(`${server.url}sparql?query=${ASK}`, { headers: { Accept: `text/csv;q=0.1, ${'application/x-junk;q=0.1, '.repeat(2000)}*/*` } });
    assert.equal(r.status, 431);
    await healthy();
  });

  it('disconnects a slowloris client that never finishes its request head, and serves others meanwhile', async () => {
    const c = await open(server.url);
    c.socket.write('GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => !c.socket.destroyed && c.socket.write('X-Slow: a\r\n'), 200);
    const latency = await healthy();
    assert.ok(latency < 2000, `others are served (${latency} ms)`);
    const after = await c.closed;
    clearInterval(drip);
    assert.ok(after < 4000, `the slow client was cut off after ${after} ms (headers timeout 1 s)`);
    assert.match(c.received(), /^HTTP\/1.1 408 |^$/);
  });

  it('closes connections beyond the limit at once and silent ones after the headers timeout; then serves again', async () => {
    const sockets = await Promise.all(Array.from({ length: 60 }, () => open(server.url)));
    const early = await Promise.all(sockets.map((c) => Promise.race([c.closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 500))])));
    const refused = early.filter(Boolean).length;
    assert.ok(refused >= 40 - 1, `${refused} of 60 connections were refused (limit 20)`);
    const times = await Promise.all(sockets.map((c) => c.closed));
    assert.ok(Math.max(...times) < 5000, `every idle connection was closed (the last after ${Math.max(...times)} ms)`);
    await healthy();
  });

  for (const path of ['/id/..%2f..%2fpackage.json', '/id/%2e%2e/%2e%2e/package.json', '/id/person/..%2F..%2F..%2Fpackage.json', '/assets/..%2fserver.js', '/assets/%2e%2e/%2e%2e/package.json', '/queries/..%2f..%2fpackage.json', '/browse/..%2f..%2fpackage.json', '/id/person/%00', '/%2e%2e/%2e%2e/etc/passwd']) {
    it(`404 for the traversal ${path}`, async () => {
      const c = await open(server.url);
      c.socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      await c.closed;
      assert.match(c.received(), /^HTTP\/1.1 (404|400) /, c.received().slice(0, 200));
      assert.doesNotMatch(c.received(), /"devDependencies"|root:x:0/);
    });
  }
});
