/**
 * The endpoint's first look at a query, on the main thread, before any worker: one linear pass over
 * the text that never parses it, so that what a hostile query costs the server is bounded before the
 * parser and the engine (which run in the query workers, under the timeout and the memory limit) see it.
 *
 * It skips strings, IRIs, comments, variables and prefixed names, and refuses at once, with a
 * one-line message that names the limit:
 * - a query longer than `maxQueryBytes` (413);
 * - brackets `{ ( [` nested deeper than `maxDepth` (400): the parser's and the engine's walks recurse
 *   once per level, and a 2,000-deep query took seconds to parse and then overflowed the stack;
 * - more than `maxOperations` graph-pattern operations (UNION, OPTIONAL, MINUS, FILTER, BIND,
 *   GRAPH, VALUES, EXISTS, sub-SELECTs), or more than `maxOperators` operators (400): a chain of
 *   3,000 UNIONs or of `1+1+...` is parsed into a tree as deep as the chain is long;
 * - SERVICE anywhere (400: the server never fetches other URLs) and SPARQL Update (400: read-only).
 * It also says the query's form (SELECT, ASK, CONSTRUCT, DESCRIBE: its first keyword outside the
 * prologue), for content negotiation before the query runs. The worker parses the query for real:
 * a syntax error is found there.
 *
 * @example
 * screenQuery('PREFIX ex: <http://example.org/> ASK { ex:s ?p "}" }'); // { form: 'ASK' }
 * screenQuery(`ASK ${'{'.repeat(5000)}${'}'.repeat(5000)}`); // throws HttpError 400 "... nested more than 32 levels deep ..."
 */
import type { QueryForm } from '../query/engine.js';
import { HttpError } from './http.js';

export interface ScreenLimits {
  /** The longest query text, in bytes (UTF-8). */
  maxQueryBytes: number;
  /** The deepest nesting of `{ }`, `( )` and `[ ]` together. */
  maxDepth: number;
  /** The most graph-pattern operations (see the module comment). */
  maxOperations: number;
  /** The most operators (|| && = != < > + - * / | ^ !): a chain of them is parsed into a tree as deep as it is long. */
  maxOperators: number;
}

export const SCREEN_DEFAULTS: Readonly<ScreenLimits> = { maxQueryBytes: 256 * 1024, maxDepth: 32, maxOperations: 256, maxOperators: 1024 };

const OPERATIONS = new Set(['UNION', 'OPTIONAL', 'MINUS', 'FILTER', 'BIND', 'GRAPH', 'VALUES', 'EXISTS', 'SELECT', 'SERVICE']);
const FORMS = new Set(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']);
const UPDATES = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'DROP', 'CREATE', 'ADD', 'MOVE', 'COPY', 'WITH']);

/** What the screen found out about a query that passed it. */
export interface Screened {
  /** Undefined when the text does not start like a query: the parser in the worker then says why. */
  form?: QueryForm;
}

const OPEN = new Set([0x7b, 0x28, 0x5b]); // { ( [
const CLOSE = new Set([0x7d, 0x29, 0x5d]); // } ) ]

/** Characters of IRIREF (SPARQL 1.1 grammar [139]): anything but these, spaces and controls. */
function iriChar(c: number): boolean {
  return c > 0x20 && c !== 0x3c && c !== 0x3e && c !== 0x22 && c !== 0x7b && c !== 0x7d && c !== 0x7c && c !== 0x5e && c !== 0x60 && c !== 0x5c;
}

/** Characters of a variable's name (and of a language tag, with hyphens). */
function nameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c > 0x7f;
}

/** Characters of a word: keywords, prefixed names, numbers (with signs: 1-1 is two numbers), blank node labels. */
function wordChar(c: number): boolean {
  return nameChar(c) || c === 0x2d || c === 0x2b || c === 0x3a || c === 0x2e || c === 0x25;
}

/** Operator characters outside words (- and + inside words are counted there). */
const OPERATOR = new Set([...'|&*/^=!<>-+'].map((ch) => ch.charCodeAt(0)));

/**
 * Checks a query against the limits (see the module comment) in one pass, and returns its form.
 * Throws HttpError 413 or 400; `name` names the query in messages.
 */
export function screenQuery(text: string, limits: ScreenLimits = SCREEN_DEFAULTS, name = 'query'): Screened {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxQueryBytes) throw new HttpError(413, `${name}: the query is too large: ${bytes} bytes, the limit is ${limits.maxQueryBytes}`);
  let depth = 0;
  let operations = 0;
  let operators = 0;
  const operator = (count: number) => {
    operators += count;
    if (operators > limits.maxOperators) throw new HttpError(400, `${name}: the query has more than ${limits.maxOperators} operators (|| && = != < > + - * / | ^ !); the limit is ${limits.maxOperators}`);
  };
  let form: QueryForm | undefined;
  let decided = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x23) {
      // # comment, to the end of the line
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 || c === 0x27) {
      i = skipString(text, i);
    } else if (c === 0x3c) {
      // <iri>, or the operators < and <=
      let j = i + 1;
      while (j < n && iriChar(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === 0x3e) i = j + 1;
      else {
        operator(1);
        i += text.charCodeAt(i + 1) === 0x3d ? 2 : 1;
      }
    } else if (OPEN.has(c)) {
      if (++depth > limits.maxDepth) throw new HttpError(400, `${name}: the query is nested more than ${limits.maxDepth} levels deep ({ }, ( ) and [ ] together); the limit is ${limits.maxDepth}`);
      i++;
    } else if (CLOSE.has(c)) {
      if (depth > 0) depth--;
      i++;
    } else if (c === 0x3f || c === 0x24 || c === 0x40) {
      // ?var, $var, @lang: a name, never a keyword (only a language tag has hyphens)
      i++;
      while (i < n && (nameChar(text.charCodeAt(i)) || (c === 0x40 && text.charCodeAt(i) === 0x2d))) i++;
    } else if (c === 0x5e && text.charCodeAt(i + 1) === 0x5e) {
      i += 2; // ^^ before a datatype
    } else if (OPERATOR.has(c)) {
      operator(1);
      i++;
      while (i < n && OPERATOR.has(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x2d && text.charCodeAt(i) !== 0x2b) i++; // || && != <= >= are one operator
    } else if (wordChar(c) && c !== 0x2e) {
      const start = i;
      while (i < n && (wordChar(text.charCodeAt(i)) || (text.charCodeAt(i) === 0x5c && ++i < n))) i++;
      const word = text.slice(start, i).replace(/\.+$/, '');
      if (word.includes(':')) continue; // a prefixed name (ex:UNION) or a blank node
      const signs = word.match(/(?<![eE])[-+]/g); // 1-1-1 is a chain of subtractions; 1e-5 is one number
      if (signs) operator(signs.length);
      if (word.length > 12) continue; // longer than any keyword
      const keyword = word.toUpperCase();
      if (OPERATIONS.has(keyword) && ++operations > limits.maxOperations) {
        throw new HttpError(400, `${name}: the query has more than ${limits.maxOperations} operations (UNION, OPTIONAL, MINUS, FILTER, BIND, GRAPH, VALUES, EXISTS, SELECT); the limit is ${limits.maxOperations}`);
      }
      if (keyword === 'SERVICE') {
        throw new HttpError(400, `${name}: SERVICE ${serviceTarget(text, i)} is not allowed here: this endpoint does not fetch other URLs (federate on the client side instead)`);
      }
      if (!decided && (FORMS.has(keyword) || UPDATES.has(keyword))) {
        decided = true;
        if (UPDATES.has(keyword)) throw new HttpError(400, `${name}: SPARQL Update is not allowed here; only SELECT, ASK, CONSTRUCT and DESCRIBE`);
        form = keyword as QueryForm;
      }
    } else i++;
  }
  return { form };
}

/** The index after the string literal that starts at `i` ('...', "...", '''...''' or """..."""), or the end of the text. */
function skipString(text: string, i: number): number {
  const quote = text[i];
  const long = text.startsWith(quote.repeat(3), i);
  let j = i + (long ? 3 : 1);
  while (j < text.length) {
    const ch = text[j];
    if (ch === '\\') j += 2;
    else if (long ? text.startsWith(quote.repeat(3), j) : ch === quote) return j + (long ? 3 : 1);
    else if (!long && (ch === '\n' || ch === '\r')) return j; // an unterminated short string ends at the line
    else j++;
  }
  return text.length;
}

/** What follows SERVICE [SILENT] at `i`, for the message: the IRI (without brackets) in angle brackets, or the variable or prefixed name. */
function serviceTarget(text: string, i: number): string {
  const m = /^\s*(?:SILENT\s+)?(<[^<>\s]{0,200}>|[?$]?[^\s{}]{1,200})/i.exec(text.slice(i, i + 300));
  return m ? (m[1].startsWith('<') ? m[1] : `<${m[1]}>`) : '<?>';
}
