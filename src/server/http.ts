/**
 * Small HTTP helpers for the server (node:http only): content negotiation by Accept with q-values,
 * a request body read with a size limit, and responses with CORS headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error answered with its status and message (text/plain), never a stack trace. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

/**
 * The media ranges of an Accept header, with their q-values (default 1). Malformed entries are skipped.
 *
 * @example
 * parseAccept('text/csv;q=0.5, application/*'); // [{type:'text',subtype:'csv',q:0.5}, {type:'application',subtype:'*',q:1}]
 */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') return [{ type: '*', subtype: '*', q: 1 }];
  const out: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim());
    const m = /^([\w!#$%&'*+.^`|~-]+)\/([\w!#$%&'*+.^`|~-]+)$/.exec(range ?? '');
    if (!m) continue;
    let q = 1;
    for (const p of params) {
      const qm = /^q\s*=\s*([0-9.]+)$/i.exec(p);
      if (qm) q = Math.min(1, Math.max(0, Number(qm[1]) || 0));
    }
    out.push({ type: m[1].toLowerCase(), subtype: m[2].toLowerCase(), q });
  }
  return out;
}

/** The q-value the client gives a media type: that of the most specific range that matches it (0 if none). */
export function qualityOf(ranges: MediaRange[], mediaType: string): number {
  const [type, subtype] = mediaType.toLowerCase().split('/');
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (specificity > best) {
      best = specificity;
      q = r.q;
    }
  }
  return best < 0 ? 0 : q;
}

/**
 * The offer the client prefers: the highest q-value above 0; ties go to the earlier offer (the
 * server's preference). Undefined when the client accepts none of them (406).
 *
 * @example
 * negotiate('text/csv, text/*;q=0.1', ['application/sparql-results+json', 'text/csv']); // 'text/csv'
 */
export function negotiate(accept: string | undefined, offers: readonly string[]): string | undefined {
  const ranges = parseAccept(accept);
  let chosen: string | undefined;
  let bestQ = 0;
  for (const offer of offers) {
    const q = qualityOf(ranges, offer);
    if (q > bestQ) {
      bestQ = q;
      chosen = offer;
    }
  }
  return chosen;
}

export const CORS_HEADERS: Readonly<Record<string, string>> = { 'Access-Control-Allow-Origin': '*' };

/** Sends a body (none for HEAD) with its content type and the CORS header; nothing when the client has gone. */
export function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  if (req.socket.destroyed) return; // the client has gone
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': contentType, 'Content-Length': String(bytes.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** Sends an error as one line of text/plain. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: HttpError): void {
  send(req, res, error.status, 'text/plain; charset=utf-8', `${error.message}\n`, error.headers);
}

/** The answer to a CORS preflight (OPTIONS). */
export function sendPreflight(res: ServerResponse, methods: string): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    Allow: methods,
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Headers': 'Accept, Content-Type',
    'Access-Control-Max-Age': '86400',
  });
  res.end();
}

/**
 * The request body as text, refused with 413 once it exceeds `limit` bytes: at once when
 * Content-Length says so, otherwise as soon as the bytes read pass the limit. The rest of the body is
 * never read: the answer says `Connection: close`, so the connection ends after it.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, `request body too large: the limit is ${limit} bytes`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => size <= limit && resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Text escaped for HTML content and attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
