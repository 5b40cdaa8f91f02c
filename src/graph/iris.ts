/**
 * The IRIs the build mints, all under one base: stable, readable, and derived from canonical names
 * (persons, organizations, countries, places, agreements, areas) or from the article's file name
 * (articles, their meetings, sentences and fact statements).
 */
import { createHash } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import { DEFAULT_BASE, factory } from '../vocab.js';

export type EntityKind = 'person' | 'org' | 'country' | 'place' | 'agreement' | 'area';

export class Minter {
  constructor(readonly base: string = DEFAULT_BASE) {
    if (!/^https?:\/\/[^\s<>"{}|\\^`]+\/$/.test(base)) {
      throw new Error(`base IRI must be an absolute http(s) IRI ending in "/": ${base}`);
    }
  }

  entity(kind: EntityKind, key: string): RDF.NamedNode {
    return factory.namedNode(`${this.base}${kind}/${key}`);
  }

  article(id: string): RDF.NamedNode {
    return factory.namedNode(`${this.base}article/${articleSlug(id)}`);
  }

  meeting(articleId: string, n: number): RDF.NamedNode {
    return factory.namedNode(`${this.base}meeting/${articleSlug(articleId)}-${n}`);
  }

  sentence(articleId: string, n: number, part?: 'text' | 'pos'): RDF.NamedNode {
    return factory.namedNode(`${this.base}article/${articleSlug(articleId)}#s${n}${part ? `-${part}` : ''}`);
  }

  /** The rdf:Statement that records where one fact came from. */
  statement(articleId: string, s: RDF.Term, p: RDF.Term, o: RDF.Term): RDF.NamedNode {
    const h = createHash('sha1').update(`${termKey(s)} ${termKey(p)} ${termKey(o)}`).digest('hex').slice(0, 12);
    return factory.namedNode(`${this.base}article/${articleSlug(articleId)}#f-${h}`);
  }
}

/**
 * A file name as an IRI path segment: letters, digits, dot, underscore and hyphen only. A name that
 * is already such a segment is kept as it is; any other (spaces, quotes, diacritics, other scripts,
 * an empty name) is folded and gets `-` and 8 hex digits of the SHA-1 of the name, so that two files
 * whose names fold alike ("a b.txt", "a-b.txt", "北京.txt", "東京.txt") never share an IRI.
 */
export function articleSlug(id: string): string {
  if (/^[A-Za-z0-9._-]+$/.test(id) && id !== '.' && id !== '..') return id;
  const folded = id.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.]+/, '');
  const hash = createHash('sha1').update(id).digest('hex').slice(0, 8);
  return `${folded}${folded && !folded.endsWith('-') ? '-' : ''}${hash}`;
}

/** A canonical string for a term, for sorting and hashing. */
export function termKey(t: RDF.Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${t.value}>`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal':
      return `"${t.value}"${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
    case 'DefaultGraph':
      return '';
    default:
      return `?${t.value}`;
  }
}

/** An IRI under the default base moved under `base` (the build's --base); any other term as it is. */
export function rebaseTerm(t: RDF.Term, base: string): RDF.Term {
  return t.termType === 'NamedNode' && base !== DEFAULT_BASE && t.value.startsWith(DEFAULT_BASE) ? factory.namedNode(base + t.value.slice(DEFAULT_BASE.length)) : t;
}
