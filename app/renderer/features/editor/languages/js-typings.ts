import { monaco } from '../monaco-setup';

// The mini-program API declarations (wx, App, Page, Component, Behavior, getApp…), bundled as text and loaded
// into the TS worker the first time a script is opened (a lazy chunk: the workbench starts without it).
const typingFiles = import.meta.glob('../../../../../node_modules/miniprogram-api-typings/types/wx/*.d.ts', {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

let loading: Promise<void> | null = null;

const compilerOptions: monaco.typescript.CompilerOptions = {
  target: monaco.typescript.ScriptTarget.ES2020,
  // Mini-programs have no DOM: leaving it out makes `document` and `window` the errors they are on a phone.
  lib: ['es2020'],
  allowJs: true,
  checkJs: false,
  allowNonTsExtensions: true,
  module: monaco.typescript.ModuleKind.CommonJS,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  noEmit: true,
  strict: false,
  experimentalDecorators: true,
};

/** Loads the typings once; JS and TS files then complete `wx.`, `Page({ … })` and friends. */
export function loadMiniprogramTypings(): Promise<void> {
  loading ??= (async () => {
    monaco.typescript.javascriptDefaults.setCompilerOptions(compilerOptions);
    monaco.typescript.typescriptDefaults.setCompilerOptions({ ...compilerOptions, strict: true });
    const entries = await Promise.all(Object.entries(typingFiles).map(async ([file, load]) => [file, await load()] as const));
    for (const [file, content] of entries) {
      const name = file.slice(file.indexOf('miniprogram-api-typings/'));
      const uri = `file:///node_modules/${name}`;
      monaco.typescript.javascriptDefaults.addExtraLib(content, uri);
      monaco.typescript.typescriptDefaults.addExtraLib(content, uri);
    }
  })();
  return loading;
}
