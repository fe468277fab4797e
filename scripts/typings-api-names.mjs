// The official list of WeChat APIs: the members of `interface Wx` in miniprogram-api-typings'
// types/wx/lib.wx.api.d.ts, read with the TypeScript parser. Used by gen-compatibility.mjs and the API table test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);

export function typingsVersion() {
  return JSON.parse(readFileSync(require.resolve('miniprogram-api-typings/package.json'), 'utf8')).version;
}

export function readWxApiNames() {
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Set();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const member of node.members) if (member.name) names.add(member.name.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...names];
}
