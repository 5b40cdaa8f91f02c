/**
 * HTTP requests to SPARQL stores with optional credentials: HTTP Basic, or HTTP Digest (RFC 7616,
 * MD5 / MD5-sess with qop=auth, as Virtuoso's /sparql-graph-crud-auth and /sparql-auth ask for),
 * answered from the server's challenge. Failures become one-line UserErrors naming the method, the
 * URL, the status and the server's own message.
 *
 * @example
 * const client = new HttpClient({ user: 'dba', password: 'dba' });
 * await client.request('PUT', 'http://127.0.0.1:8890/sparql-graph-crud-auth?graph-uri=urn:x', { body: ttl, contentType: 'text/turtle' });
 */
import { createHash, randomBytes } from 'node:crypto';
import { UserError, messageOf } from '../errors.js';

/** A response outside 2xx, as a one-line UserError that keeps the status. */
export class HttpStatusError extends UserError {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** A user and password for a store that asks for them. */
export interface Credentials {
  user: string;
  password: string;
}

/** A request's body, media types, timeout and what it is for (in messages). */
export interface RequestOptions {
  body?: string;
  contentType?: string;
  accept?: string;
  /** What the request is for, in messages (e.g. `graph <...>`). */
  what?: string;
  timeoutMs?: number;
}

/** A response read whole. */
export interface Response {
  status: number;
  headers: Headers;
  text: string;
}

interface Challenge {
  scheme: 'basic' | 'digest';
  params: Record<string, string>;
}

/** The auth-params of a WWW-Authenticate header: `Digest realm="x", nonce="y", qop="auth"`. */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(Basic|Digest)\b(.*)$/is.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2].matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) params[p[1].toLowerCase()] = (p[2] ?? p[3]).replace(/\\(.)/g, '$1');
  return { scheme: m[1].toLowerCase() as Challenge['scheme'], params };
}

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

/**
 * The Authorization header that answers a Digest challenge (RFC 7616 with MD5 or MD5-sess; qop=auth
 * when offered, else the RFC 2069 form). `uri` is the request target: path and query.
 */
export function digestAuthorization(c: Record<string, string>, creds: Credentials, method: string, uri: string, nc: number, cnonce = randomBytes(8).toString('hex')): string {
  const algorithm = (c.algorithm ?? 'MD5').toUpperCase();
  if (algorithm !== 'MD5' && algorithm !== 'MD5-SESS') throw new UserError(`the server asks for Digest algorithm ${algorithm}; only MD5 is supported`);
  let ha1 = md5(`${creds.user}:${c.realm ?? ''}:${creds.password}`);
  if (algorithm === 'MD5-SESS') ha1 = md5(`${ha1}:${c.nonce}:${cnonce}`);
  const ha2 = md5(`${method}:${uri}`);
  const qops = (c.qop ?? '').split(',').map((q) => q.trim());
  const ncHex = nc.toString(16).padStart(8, '0');
  const parts = [`username="${creds.user}"`, `realm="${c.realm ?? ''}"`, `nonce="${c.nonce ?? ''}"`, `uri="${uri}"`];
  if (qops.includes('auth')) {
    parts.push(`qop=auth`, `nc=${ncHex}`, `cnonce="${cnonce}"`, `response="${md5(`${ha1}:${c.nonce}:${ncHex}:${cnonce}:auth:${ha2}`)}"`);
  } else {
    parts.push(`response="${md5(`${ha1}:${c.nonce}:${ha2}`)}"`);
  }
  if (c.algorithm) parts.push(`algorithm=${c.algorithm}`);
  if (c.opaque !== undefined) parts.push(`opaque="${c.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

/** The server's message in an error response, on one line and short (markup removed). */
export function serverMessage(text: string): string {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  return plain.length > 240 ? `${plain.slice(0, 240)}…` : plain;
}

/** Sends requests, answering Basic and Digest challenges with the credentials and reusing a Digest nonce. */
export class HttpClient {
  private challenge: Challenge | undefined;
  private nc = 0;

  constructor(private readonly creds?: Credentials) {}

  private authorization(method: string, url: URL): string | undefined {
    if (!this.creds || !this.challenge) return undefined;
    if (this.challenge.scheme === 'basic') return `Basic ${Buffer.from(`${this.creds.user}:${this.creds.password}`).toString('base64')}`;
    return digestAuthorization(this.challenge.params, this.creds, method, url.pathname + url.search, ++this.nc);
  }

  private async send(method: string, url: URL, o: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (o.contentType) headers['Content-Type'] = o.contentType;
    if (o.accept) headers.Accept = o.accept;
    const auth = this.authorization(method, url);
    if (auth) headers.Authorization = auth;
    let r: globalThis.Response;
    try {
      r = await fetch(url, { method, headers, body: o.body, signal: AbortSignal.timeout(o.timeoutMs ?? 120_000), redirect: 'manual' });
      return { status: r.status, headers: r.headers, text: await r.text() };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = (error as Error).name === 'TimeoutError' ? `no answer within ${(o.timeoutMs ?? 120_000) / 1000} s`
        : cause?.code === 'ECONNREFUSED' ? 'connection refused (is the server running?)'
        : cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN' ? `unknown host "${url.hostname}"`
        : cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET' ? 'the server closed the connection'
        : messageOf(cause ?? error);
      throw new UserError(`${o.what ? `${o.what}: ` : ''}${method} ${url.href}: ${why}`, { cause: error });
    }
  }

  /**
   * Sends one request; answers a 401 challenge once (and again for a stale nonce). Any status outside
   * 2xx is a UserError: `what: METHOD URL: 401 Unauthorized: ...`.
   */
  async request(method: string, target: string, o: RequestOptions = {}): Promise<Response> {
    const url = new URL(target);
    let r = await this.send(method, url, o);
    for (let attempt = 0; r.status === 401 && this.creds && attempt < 2; attempt++) {
      const c = parseChallenge(r.headers.get('www-authenticate') ?? '');
      // Retry only with something new: a first challenge, a fresh nonce, or a nonce the server calls stale.
      const sent = this.challenge;
      if (!c || (sent && sent.scheme === c.scheme && sent.params.nonce === c.params.nonce && c.params.stale !== 'true' && attempt > 0)) break;
      if (sent && c.scheme === 'basic' && sent.scheme === 'basic') break;
      this.challenge = c;
      this.nc = 0;
      r = await this.send(method, url, o);
    }
    if (r.status >= 200 && r.status < 300) return r;
    const what = o.what ? `${o.what}: ` : '';
    if (r.status === 401) {
      const hint = this.creds ? `user "${this.creds.user}" was refused (wrong user or password?)` : 'the server asks for credentials: give --user and --password';
      throw new HttpStatusError(`${what}${method} ${url.href}: 401 Unauthorized: ${hint}`, 401);
    }
    const msg = serverMessage(r.text);
    throw new HttpStatusError(`${what}${method} ${url.href}: ${r.status}${statusText(r.status)}${msg ? `: ${msg}` : ''}`, r.status);
  }
}

function statusText(status: number): string {
  const t: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
  return t[status] ? ` ${t[status]}` : '';
}
