/**
 * `diplograph explain <article.txt> [--format text|json]`: sentence by sentence, the facts extracted
 * from one article and the rule behind each, and for every event why it got its type, date, place and
 * participants. Reads the article's `.source` sidecar when there is one, as `build` does.
 */
import { existsSync, statSync } from 'node:fs';
import { parse } from '../cli.js';
import { UserError } from '../errors.js';
import { explainArticle, formatExplanation } from '../extract/explain.js';
import { extractFile } from '../graph/corpus.js';

export async function explainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('explain', argv, { format: { type: 'string' } }, 1);
  if (values.help) {
    process.stdout.write('Usage: diplograph explain <article.txt> [--format text|json]\n' +
      '  Shows, sentence by sentence, what was extracted from the article and which rule found it,\n' +
      '  then each event with why it got its type, date, place and participants.\n');
    return 0;
  }
  const [file] = positionals;
  if (!file) throw new UserError('explain: give an article file, e.g. diplograph explain data/documents/000_e8b7f0acafe71e35.txt', { exitCode: 2 });
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`explain: --format must be text or json, not "${format}"`, { exitCode: 2 });
  if (!existsSync(file)) throw new UserError(`explain: ${file}: no such file`);
  if (!statSync(file).isFile()) throw new UserError(`explain: ${file}: not a file (give one article, e.g. ${file.replace(/\/?$/, '/')}NAME.txt)`);
  const report = explainArticle(extractFile(file, { trace: true }));
  process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatExplanation(report));
  return 0;
}
