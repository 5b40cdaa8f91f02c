/**
 * HTML that cannot be injected: the `html` tagged template escapes every interpolated value unless it
 * is itself an `Html` fragment (made by `html`, or by `trusted` for markup the server wrote). Article
 * text and every literal of the graph reach the page only as escaped text.
 *
 * @example
 * const name = '<script>alert(1)</script>';
 * html`<p>${name}</p>`.toString(); // '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
 */
import { htmlEscape } from './http.js';

/** A fragment of HTML that is safe to insert as it is. */
export class Html {
  constructor(private readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** A value that may be interpolated: text (escaped), a fragment, a number, or a list of those. */
export type HtmlValue = Html | string | number | undefined | null | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return htmlEscape(String(value));
}

/** Builds a fragment; every interpolated value is escaped unless it is an Html fragment. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup the server itself wrote (never text from the graph or the request). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** The fragments joined with a separator. */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(parts.map(render).join(render(separator)));
}

export interface PageOptions {
  title: string;
  /** The page's heading, if other than the title. */
  heading?: HtmlValue;
  /** Links to other representations of the same resource (rel=alternate). */
  alternates?: { href: string; type: string }[];
  /** The page's scripts, by their paths under /assets (files of the server's own; the page works without them). */
  scripts?: string[];
}

const NAV: [string, string][] = [
  ['/', 'Home'],
  ['/browse/articles', 'Articles'],
  ['/queries', 'Stored queries'],
  ['/timeline', 'Timeline'],
  ['/network', 'Network'],
  ['/sparql', 'SPARQL endpoint'],
];

/** A whole page in the site's layout: navigation, a search box, the body. Styles come from /assets. */
export function page(opts: PageOptions, body: Html): string {
  const alternates = (opts.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" href="${a.href}">`);
  return `<!DOCTYPE html>
${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · diplograph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
${alternates}
${(opts.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<header>
<a class="brand" href="/">diplograph</a>
<nav>${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}</nav>
<form class="search" action="/search" method="get" role="search"><input type="search" name="q" placeholder="Search by label" aria-label="Search by label"><button type="submit">Search</button></form>
</header>
<main>
<h1>${opts.heading ?? opts.title}</h1>
${body}
</main>
<footer>The graph is published as Linked Data: every IRI resolves here as HTML, Turtle (.ttl), N-Triples (.nt) and JSON-LD (.jsonld); query it at <a href="/sparql">/sparql</a>.</footer>
</body>
</html>`}
`;
}

/**
 * The security headers of every HTML page: scripts only from the server's own files (no inline script,
 * no eval), styles only from its stylesheet, requests only to itself, nothing from another origin.
 */
export const HTML_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
