import { useProjectStore } from '../../../stores/project-store';
import { monaco } from '../monaco-setup';
import { ensureModel, uriForPath } from '../model-registry';
import { pathOfModel } from './model-path';
import { resolveReference } from './project-paths';
import { usedComponents } from './using-components';
import { sourceReferenceAt, tagNameAt } from './wxml-context';

/** A location at the top of a file, whose model is loaded first: Monaco only navigates to models it has. */
async function fileStart(path: string): Promise<monaco.languages.Location | null> {
  return (await ensureModel(path)) ? { uri: uriForPath(path), range: new monaco.Range(1, 1, 1, 1) } : null;
}

/** `<template is="name">` → the line of `<template name="name">` in the same file. */
function templateDefinition(model: monaco.editor.ITextModel, line: string, offset: number): monaco.languages.Location | null {
  for (const match of line.matchAll(/\bis\s*=\s*(["'])([\w-]+)\1/g)) {
    const start = match.index + match[0].length - 1 - match[2]!.length;
    if (offset < start || offset > start + match[2]!.length) continue;
    const found = model.findMatches(`<template\\s+[^>]*name\\s*=\\s*["']${match[2]}["']`, false, true, false, null, false)[0];
    if (found) return { uri: model.uri, range: found.range };
  }
  return null;
}

/** Go to definition in WXML: custom component tags, template names, and import/include/wxs sources. */
export const wxmlDefinitionProvider: monaco.languages.DefinitionProvider = {
  async provideDefinition(model, position) {
    const path = pathOfModel(model);
    if (!path) return null;
    const line = model.getLineContent(position.lineNumber);
    const offset = position.column - 1;
    const store = useProjectStore.getState();
    const root = store.project?.miniprogramRoot ?? '';
    const src = sourceReferenceAt(line, offset);
    if (src) {
      const target = resolveReference(path, src, root);
      const withExt = target && (store.fileExists(target) ? target : [`${target}.wxml`, `${target}.wxs`].find((p) => store.fileExists(p)));
      return withExt ? fileStart(withExt) : null;
    }
    const template = templateDefinition(model, line, offset);
    if (template) return template;
    const tag = tagNameAt(line, offset);
    if (!tag) return null;
    const component = (await usedComponents(path)).find((c) => c.tag === tag);
    if (!component?.basePath) return null;
    const file = ['.wxml', '.js', '.ts', '.json'].map((ext) => `${component.basePath}${ext}`).find((p) => store.fileExists(p));
    return file ? fileStart(file) : null;
  },
};
