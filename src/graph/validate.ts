/**
 * SHACL validation of the graph against ontology/shapes.ttl (rdf-validate-shacl). A violation is
 * data, not an exception: the report names the focus node, the shape, the path and what is wrong.
 */
import type * as RDF from '@rdfjs/types';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import shaclEnv from 'rdf-validate-shacl/src/defaultEnv.js';
import { loadOntologyFile } from '../ontology-files.js';
import { RDFS, factory } from '../vocab.js';
import { compactIri } from '../query/results.js';

export interface ShapeViolation {
  focusNode: string;
  shape: string;
  path?: string;
  message: string;
  severity: string;
  value?: string;
}

export interface ShapeReport {
  conforms: boolean;
  results: ShapeViolation[];
}

const SH = 'http://www.w3.org/ns/shacl#';

let shapes: { quads: RDF.Quad[]; validator: SHACLValidator } | undefined;

function loadShapes(): { quads: RDF.Quad[]; validator: SHACLValidator } {
  if (shapes) return shapes;
  const quads = new Parser().parse(loadOntologyFile('shapes.ttl'));
  shapes = { quads, validator: new SHACLValidator(shaclEnv.dataset(quads)) };
  return shapes;
}

/** The label of a shape: its rdfs:label, or for a property shape, its node shape's label and its path. */
function shapeName(shape: RDF.Term, quads: RDF.Quad[]): string {
  const label = quads.find((q) => q.subject.equals(shape) && q.predicate.equals(RDFS.label));
  if (label) return label.object.value;
  const parent = quads.find((q) => q.predicate.value === `${SH}property` && q.object.equals(shape));
  if (parent) return shapeName(parent.subject, quads);
  return shape.termType === 'NamedNode' ? compactIri(shape.value) : 'an anonymous shape';
}

/** Validates the merge of all graphs of `quads` against the shapes. */
export async function validateShapes(quads: Iterable<RDF.Quad>): Promise<ShapeReport> {
  const { quads: shapeQuads, validator } = loadShapes();
  const merged = shaclEnv.dataset();
  for (const q of quads) merged.add(factory.quad(q.subject, q.predicate, q.object));
  const report = await validator.validate(merged);
  const results: ShapeViolation[] = report.results.map((r) => ({
    focusNode: r.focusNode.termType === 'NamedNode' ? r.focusNode.value : `_:${r.focusNode.value}`,
    shape: shapeName(r.sourceShape, shapeQuads),
    path: r.path?.termType === 'NamedNode' ? compactIri(r.path.value) : undefined,
    message: r.message.map((m) => m.value).join('; ') || compactIri(r.sourceConstraintComponent.value),
    severity: r.severity.value.replace(SH, ''),
    value: r.value ? (r.value.termType === 'Literal' ? JSON.stringify(r.value.value) : r.value.value) : undefined,
  }));
  results.sort((a, b) => a.focusNode.localeCompare(b.focusNode) || a.shape.localeCompare(b.shape) || a.message.localeCompare(b.message));
  return { conforms: report.conforms, results };
}

/** One line per violation: `<node> does not conform to "Shape" (path): message [value]`. */
export function formatReport(report: ShapeReport): string {
  if (report.conforms) return 'the graph conforms to the shapes';
  return report.results
    .map((r) => `  ${r.severity}: <${r.focusNode}> does not conform to "${r.shape}"${r.path ? ` at ${r.path}` : ''}: ${r.message}${r.value !== undefined ? ` (value ${r.value})` : ''}`)
    .join('\n');
}
