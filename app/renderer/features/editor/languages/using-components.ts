import { parse } from 'jsonc-parser';
import { studio } from '../../../bridge';
import { useProjectStore } from '../../../stores/project-store';
import { getModel } from '../model-registry';
import { joinPath, resolveReference, withoutExtension } from './project-paths';

/** A custom component a WXML file may use: its tag and where its files are (without extension), when found. */
export interface UsedComponent {
  readonly tag: string;
  readonly reference: string;
  readonly basePath: string | null;
}

async function readText(path: string): Promise<string | null> {
  const model = getModel(path);
  if (model) return model.getValue();
  try {
    return (await studio.invoke('project:read-file', { path })).content;
  } catch {
    return null;
  }
}

function usingComponentsOf(text: string | null): Record<string, string> {
  if (!text) return {};
  const parsed: unknown = parse(text, [], { allowTrailingComma: true });
  if (typeof parsed !== 'object' || parsed === null) return {};
  const using = (parsed as { usingComponents?: unknown }).usingComponents;
  if (typeof using !== 'object' || using === null) return {};
  return Object.fromEntries(Object.entries(using).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Where the files of a component reference live: `x/x.wxml` or `x/index.wxml`, also under miniprogram_npm. */
function componentBase(fromFile: string, reference: string, miniprogramRoot: string, exists: (path: string) => boolean): string | null {
  if (reference.startsWith('plugin://')) return null;
  const candidates: string[] = [];
  const direct = resolveReference(fromFile, reference, miniprogramRoot);
  if (direct !== null) candidates.push(direct, `${direct}/index`);
  if (!reference.startsWith('.') && !reference.startsWith('/')) {
    const npm = joinPath(miniprogramRoot, `miniprogram_npm/${reference}`);
    if (npm !== null) candidates.push(npm, `${npm}/index`);
  }
  return candidates.find((base) => exists(`${base}.wxml`) || exists(`${base}.js`) || exists(`${base}.ts`)) ?? candidates[0] ?? null;
}

/** The custom components a WXML file may use: its own json's `usingComponents` plus app.json's global ones. */
export async function usedComponents(wxmlPath: string): Promise<UsedComponent[]> {
  const store = useProjectStore.getState();
  const root = store.project?.miniprogramRoot ?? '';
  const exists = (path: string) => store.fileExists(path);
  const appJson = joinPath(root, 'app.json') ?? 'app.json';
  const ownJson = `${withoutExtension(wxmlPath)}.json`;
  const [own, global] = await Promise.all([readText(ownJson), readText(appJson)]);
  const found = new Map<string, UsedComponent>();
  for (const [from, entries] of [
    [appJson, usingComponentsOf(global)],
    [ownJson, usingComponentsOf(own)],
  ] as const) {
    for (const [tag, reference] of Object.entries(entries)) {
      found.set(tag, { tag, reference, basePath: componentBase(from, reference, root, exists) });
    }
  }
  return [...found.values()];
}

/** Property names a custom component declares (`properties: { title: … }`), read from its JS without running it. */
export async function componentProperties(basePath: string): Promise<string[]> {
  const source = (await readText(`${basePath}.js`)) ?? (await readText(`${basePath}.ts`));
  if (!source) return [];
  const start = source.search(/properties\s*:\s*\{/);
  if (start < 0) return [];
  const body = source.slice(source.indexOf('{', start) + 1);
  const names: string[] = [];
  let depth = 0;
  for (const match of body.matchAll(/([{}])|(?:^|[,\s])([A-Za-z_$][\w$]*)\s*:/g)) {
    if (match[1] === '{') depth++;
    else if (match[1] === '}') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && match[2]) names.push(match[2]);
  }
  return names;
}
