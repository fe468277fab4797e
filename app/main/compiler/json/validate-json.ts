import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { positionAt, type Diagnostic } from '../../../shared/diagnostic';
import { appJsonSchema, componentJsonSchema, pageJsonSchema, projectConfigSchema } from './json-schemas';

export type JsonKind = 'app' | 'page' | 'component' | 'project' | 'plain';

export interface ValidatedJson {
  /** The parsed object; `{}` when the file is not a JSON object at all. */
  readonly value: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
  /** The syntax tree, to locate later problems (e.g. an unresolved component) in the file. */
  readonly tree: Node | undefined;
  readonly text: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validators = new Map<JsonKind, ValidateFunction>();

function validatorFor(kind: JsonKind): ValidateFunction | undefined {
  if (kind === 'plain') return undefined;
  let v = validators.get(kind);
  if (!v) {
    const schema = { app: appJsonSchema, page: pageJsonSchema, component: componentJsonSchema, project: projectConfigSchema }[kind];
    v = ajv.compile(schema);
    validators.set(kind, v);
  }
  return v;
}

/** Parses a config file and checks it against its schema; every problem carries its exact line and column. */
export function validateJson(file: string, text: string, kind: JsonKind): ValidatedJson {
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, length: number) => {
    const start = positionAt(text, offset);
    const end = positionAt(text, offset + Math.max(length, 1));
    return { file, ...start, endLine: end.line, endColumn: end.column };
  };
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const tree = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    diagnostics.push({ ...at(e.offset, e.length), severity: 'error', code: 'json-syntax', message: describeParseError(printParseErrorCode(e.error)) });
  }
  reportLenientSyntax(body, diagnostics, at);
  if (!tree || tree.type !== 'object') {
    if (errors.length === 0) {
      diagnostics.push({ ...at(tree?.offset ?? 0, tree?.length ?? 1), severity: 'error', code: 'json-not-object', message: 'the file must contain a JSON object' });
    }
    return { value: {}, diagnostics, tree, text };
  }
  const value = nodeValue(tree) as Record<string, unknown>;
  const validate = validatorFor(kind);
  if (validate && !validate(value)) {
    const wrongType = new Set((validate.errors ?? []).filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'anyOf' || e.keyword === 'if') continue; // its branches already said what is wrong
      if (e.keyword !== 'type' && wrongType.has(e.instancePath)) continue; // one problem per value: its type
      if (e.keyword === 'enum' && typeof e.data === 'string' && e.data.startsWith('@')) continue; // a theme.json variable
      const path = pathOf(e);
      const node = findNodeAtLocation(tree, path);
      const target = e.keyword === 'additionalProperties' || e.keyword === 'required' ? node : (node?.parent?.type === 'property' ? node.parent : node);
      const where = target ?? tree;
      diagnostics.push({ ...at(where.offset, where.length), severity: 'error', code: 'json-schema', message: describeSchemaError(e) });
    }
  }
  return { value, diagnostics, tree, text };
}

/** Location of the value at `path` in a validated file (for problems found later, like a missing component). */
export function locateJsonValue(json: ValidatedJson, path: (string | number)[]): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const node = json.tree ? findNodeAtLocation(json.tree, path) : undefined;
  if (!node) return { line: 1, column: 1 };
  const start = positionAt(json.text, node.offset);
  const end = positionAt(json.text, node.offset + node.length);
  return { ...start, endLine: end.line, endColumn: end.column };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function pathOf(e: ErrorObject): (string | number)[] {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return segments;
}

function describeSchemaError(e: ErrorObject): string {
  const where = e.instancePath ? `'${e.instancePath.slice(1).replace(/\//g, '.')}'` : 'the file';
  switch (e.keyword) {
    case 'required':
      return `${where} is missing the required key '${(e.params as { missingProperty: string }).missingProperty}'`;
    case 'enum':
      return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${where} must be of type ${(e.params as { type: string }).type}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}`;
}

/** WeChat's JSON is strict: comments and trailing commas parse here but are reported. */
function reportLenientSyntax(
  text: string,
  diagnostics: Diagnostic[],
  at: (offset: number, length: number) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>,
): void {
  const re = /"(?:[^"\\\n]|\\.)*"|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|(,)(?=\s*[\]}])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) diagnostics.push({ ...at(m.index, m[1].length), severity: 'warning', code: 'json-comment', message: 'comments are not allowed in JSON' });
    else if (m[2]) diagnostics.push({ ...at(m.index, 1), severity: 'warning', code: 'json-trailing-comma', message: 'trailing comma' });
  }
}
