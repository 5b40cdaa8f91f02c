/*
 * The SPARQL editor of /sparql (CodeMirror 6, bundled by `npm run build` into dist/web and served
 * from /assets: no CDN). It turns the page's plain form into an editor with SPARQL highlighting,
 * bracket matching, history and completion of the graph's terms (dg:participant, ...), keywords and
 * the query's variables. Ctrl+Enter runs the query. The stored queries listed as examples load into
 * the editor instead of running. When the query uses a prefix of the graph it does not declare, the
 * declaration is added before it runs. Without script the plain form works as before. Every text it
 * shows comes from the page (escaped by the server) and goes into the editor as text.
 *
 * The editor lives in a shadow root: CodeMirror's styles are then adopted stylesheets (constructed,
 * not <style> elements), which the page's CSP (style-src 'self', no inline style) allows.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { sparql } from '@codemirror/legacy-modes/mode/sparql';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';

const KEYWORDS = ['SELECT', 'DISTINCT', 'WHERE', 'OPTIONAL', 'FILTER', 'UNION', 'MINUS', 'GRAPH', 'BIND', 'VALUES', 'ORDER BY', 'GROUP BY',
  'HAVING', 'LIMIT', 'OFFSET', 'ASK', 'CONSTRUCT', 'DESCRIBE', 'PREFIX', 'COUNT', 'SAMPLE', 'GROUP_CONCAT', 'STR', 'LANG', 'langMatches',
  'REGEX', 'CONTAINS', 'STRSTARTS', 'LCASE', 'UCASE', 'YEAR', 'BOUND', 'COALESCE', 'NOT EXISTS', 'EXISTS', 'DESC', 'ASC', 'AS'];

/** The prefixes the page declares (dl#prefixes: dt prefix, dd namespace). */
function pagePrefixes() {
  const out = new Map();
  for (const dt of document.querySelectorAll('dl#prefixes dt')) {
    const dd = dt.nextElementSibling;
    if (dd) out.set(dt.textContent.replace(/:$/, ''), dd.textContent);
  }
  return out;
}

/** The graph's terms to complete (datalist#sparql-terms, prefixed names). */
function pageTerms() {
  return [...document.querySelectorAll('datalist#sparql-terms option')].map((o) => ({ label: o.value, type: /:[A-Z]/.test(o.value) ? 'class' : 'property', detail: o.textContent || undefined }));
}

/** The query with a PREFIX line added for each prefix of the graph that it uses without declaring. */
export function withPrefixes(query, prefixes) {
  const declared = new Set([...query.matchAll(/PREFIX\s+([\w-]*):/gi)].map((m) => m[1]));
  const body = query.replace(/<[^>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g, ' ');
  const used = new Set([...body.matchAll(/(?<![\w?$:-])([A-Za-z][\w-]*):(?=[\w])/g)].map((m) => m[1]));
  const missing = [...used].filter((p) => !declared.has(p) && prefixes.has(p)).sort();
  return missing.length ? `${missing.map((p) => `PREFIX ${p}: <${prefixes.get(p)}>`).join('\n')}\n${query}` : query;
}

function start() {
  const form = document.querySelector('form.sparql');
  const textarea = form && form.querySelector('textarea[name=query]');
  if (!textarea) return;
  const prefixes = pagePrefixes();
  const terms = pageTerms();
  const complete = (context) => {
    const word = context.matchBefore(/[?$]?[\w:-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const text = context.state.doc.toString();
    const variables = [...new Set([...text.matchAll(/[?$][A-Za-z_]\w*/g)].map((m) => m[0]))].map((v) => ({ label: v, type: 'variable' }));
    const options = word.text.startsWith('?') || word.text.startsWith('$') ? variables
      : [...terms, ...[...prefixes.keys()].map((p) => ({ label: `${p}:`, type: 'namespace', detail: prefixes.get(p) })), ...KEYWORDS.map((k) => ({ label: k, type: 'keyword' }))];
    return { from: word.from, options, validFor: /^[?$]?[\w:-]*$/ };
  };
  const run = () => {
    form.requestSubmit();
    return true;
  };
  const host = document.createElement('div');
  host.className = 'sparql-editor-host';
  const shadow = host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(), indentOnInput(), bracketMatching(), closeBrackets(),
        StreamLanguage.define(sparql), syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [complete] }),
        keymap.of([{ key: 'Mod-Enter', run }, ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        EditorView.lineWrapping,
        EditorView.theme({
          '&': { backgroundColor: '#fff', border: '1px solid #d8dce4', borderRadius: '4px', fontSize: '14px' },
          '&.cm-focused': { outline: '2px solid #1f5fa8' },
          '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '16rem', maxHeight: '36rem' },
          '.cm-content': { minHeight: '16rem' },
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'SPARQL query' }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement('afterend', host);
  view.dom.classList.add('sparql-editor');
  form.addEventListener('submit', () => {
    textarea.value = withPrefixes(view.state.doc.toString(), prefixes);
  });
  // the stored queries load into the editor; with script they do not run at once
  for (const a of document.querySelectorAll('ul.examples a[data-example]')) {
    a.addEventListener('click', (event) => {
      event.preventDefault();
      const query = new URL(a.href).searchParams.get('query') || '';
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: query } });
      view.focus();
      form.scrollIntoView({ block: 'nearest' });
    });
  }
  document.body.classList.add('has-editor');
  window.diplographEditor = view;
}

start();
