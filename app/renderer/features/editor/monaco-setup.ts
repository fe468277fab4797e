import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';
import CssWorker from 'monaco-editor/language/css/css.worker.js?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';

// Monaco's language services run in Workers bundled by Vite (no CDN, no eval: the page's CSP allows neither).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

/** Monaco language id for a project file. WXML reads as HTML and WXSS as CSS until their own languages land. */
export function languageForPath(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'js':
    case 'wxs':
    case 'fts':
    case 'mjs':
    case 'cjs':
      return 'javascript';
    case 'ts':
      return 'typescript';
    case 'json':
      return 'json';
    case 'wxml':
    case 'fxml':
    case 'html':
      return 'html';
    case 'wxss':
    case 'ftss':
    case 'css':
      return 'css';
    case 'less':
      return 'less';
    case 'scss':
      return 'scss';
    case 'md':
      return 'markdown';
    default:
      return 'plaintext';
  }
}

export { monaco };
