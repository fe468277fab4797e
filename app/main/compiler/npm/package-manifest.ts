import { readFile } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { positionAt } from '../../../shared/diagnostic';

/** A package.json read with enough of its text kept to point at a field. */
export interface PackageManifest {
  /** Project-relative path of the package.json, for diagnostics. */
  readonly file: string;
  readonly name?: string;
  readonly version?: string;
  readonly main?: string;
  readonly module?: string;
  /** The mini-program build folder (`miniprogram` field), as written. */
  readonly miniprogram?: string;
  readonly dependencies: Readonly<Record<string, string>>;
  /** 1-based position of a value by JSON path (`['dependencies', 'dayjs']`), or of the file start. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

export type ManifestRead =
  | { readonly ok: true; readonly manifest: PackageManifest }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** Reads and parses a package.json; undefined when it does not exist. */
export async function readPackageManifest(absolutePath: string, projectFile: string): Promise<ManifestRead | undefined> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
  return parsePackageManifest(text, projectFile);
}

export function parsePackageManifest(text: string, projectFile: string): ManifestRead {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const firstError = errors[0];
  if (firstError || !tree || tree.type !== 'object') {
    const at = positionAt(text, firstError?.offset ?? 0);
    return { ok: false, ...at, message: 'package.json is not a valid JSON object' };
  }
  const string = (key: string): string | undefined => {
    const node = findNodeAtLocation(tree, [key]);
    return node?.type === 'string' ? (node.value as string) : undefined;
  };
  const locate = (path: readonly (string | number)[]): { line: number; column: number } => {
    const node: JsonNode | undefined = findNodeAtLocation(tree, [...path]);
    return positionAt(text, node?.offset ?? 0);
  };
  return {
    ok: true,
    manifest: {
      file: projectFile,
      ...optional('name', string('name')),
      ...optional('version', string('version')),
      ...optional('main', string('main')),
      ...optional('module', string('module')),
      ...optional('miniprogram', string('miniprogram')),
      dependencies: stringRecord(findNodeAtLocation(tree, ['dependencies'])),
      locate,
    },
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function stringRecord(node: JsonNode | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (node?.type !== 'object') return record;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type === 'string' && value?.type === 'string') record[key.value as string] = value.value as string;
  }
  return record;
}
