import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';
import CssWorker from 'monaco-editor/language/css/css.worker.js?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';
import WxssWorker from './languages/wxss.worker.ts?worker';

// Monaco's language services run in Workers bundled by Vite (no CDN, no eval: the page's CSP allows neither).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'wxss') return new WxssWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

/** Monaco language id for a project file (WeChat and FinClip names alike). */
export function languageForPath(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'js':
    case 'wxs':
    case 'fts':
    case 'sjs':
    case 'mjs':
    case 'cjs':
      return 'javascript';
    case 'ts':
      return 'typescript';
    case 'json':
      return 'json';
    case 'wxml':
    case 'fxml':
      return 'wxml';
    case 'html':
      return 'html';
    case 'wxss':
    case 'ftss':
      return 'wxss';
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
