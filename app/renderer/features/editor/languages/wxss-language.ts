import { setupMode } from 'monaco-editor/languages/features/css/cssMode.js';
import { useProjectStore } from '../../../stores/project-store';
import { ensureModel, uriForPath } from '../model-registry';
import { monaco } from '../monaco-setup';
import { pathOfModel } from './model-path';
import { resolveReference } from './project-paths';

export const WXSS_LANGUAGE_ID = 'wxss';

/** The WeChat built-in component names, valid as type selectors in WXSS. */
const BUILTIN_SELECTORS = ['page', 'view', 'text', 'image', 'button', 'input', 'textarea', 'scroll-view', 'swiper', 'swiper-item', 'icon', 'progress', 'navigator', 'picker', 'switch', 'slider', 'checkbox', 'radio', 'label', 'form', 'rich-text', 'video', 'canvas', 'map', 'movable-area', 'movable-view', 'cover-view', 'cover-image'];

export const wxssMonarch: monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.wxss',
  ws: '[ \\t\\n\\r\\f]*',
  identifier: '-?-?[a-zA-Z_][\\w-]*',
  tokenizer: {
    root: [{ include: '@selector' }],
    selector: [
      { include: '@comments' },
      { include: '@import' },
      [/[@](media|supports|keyframes|font-face)\b/, 'keyword', '@atRule'],
      [/[@](@identifier)/, 'keyword'],
      [/\{/, 'delimiter.bracket', '@declarations'],
      [/(::?)(@identifier)/, 'tag.pseudo'],
      [/\.(@identifier)/, 'tag.class'],
      [/#(@identifier)/, 'tag.id'],
      [/@identifier/, 'tag'],
      [/[>+~*,]/, 'delimiter'],
      [/\[/, 'delimiter.bracket', '@attribute'],
    ],
    atRule: [{ include: '@comments' }, [/\{/, 'delimiter.bracket', '@pop'], [/;/, 'delimiter', '@pop'], { include: '@values' }],
    attribute: [[/\]/, 'delimiter.bracket', '@pop'], [/"[^"]*"|'[^']*'/, 'string'], [/[^\]"']+/, 'attribute.name']],
    import: [[/([@]import)(\s+)/, ['keyword', { token: '', next: '@importTarget' }]]],
    importTarget: [[/;/, 'delimiter', '@pop'], [/"[^"]*"|'[^']*'/, 'string'], [/url\(/, 'keyword', '@url'], [/[^;]+/, '']],
    url: [[/\)/, 'keyword', '@pop'], [/[^)]+/, 'string']],
    declarations: [
      { include: '@comments' },
      [/\}/, 'delimiter.bracket', '@pop'],
      [/\{/, 'delimiter.bracket', '@push'],
      [/(@identifier)(\s*)(:)(?!:)/, ['attribute.name', '', 'delimiter']],
      [/;/, 'delimiter'],
      { include: '@values' },
      [/(::?)(@identifier)/, 'tag.pseudo'],
      [/[.#&](@identifier)/, 'tag.class'],
    ],
    values: [
      [/!important/, 'keyword'],
      [/-?(\d*\.)?\d+(rpx)\b/, 'number.rpx'],
      [/-?(\d*\.)?\d+([a-z%]+)?/i, 'number'],
      [/#[0-9a-fA-F]{3,8}\b/, 'number.hex'],
      [/"([^"\\]|\\.)*"|'([^'\\]|\\.)*'/, 'string'],
      [/url\(/, 'keyword', '@url'],
      [/(@identifier)(\()/, ['keyword', 'delimiter.parenthesis']],
      [/@identifier/, 'attribute.value'],
      [/[(),/]/, 'delimiter'],
    ],
    comments: [[/\/\*/, 'comment', '@comment']],
    comment: [[/\*\//, 'comment', '@pop'], [/[^*/]+/, 'comment'], [/./, 'comment']],
  },
} as monaco.languages.IMonarchLanguage;

/** After a number in a value, offer `rpx` (and the common px/%/vh units); in selectors, the built-in tags. */
const wxssExtraCompletion: monaco.languages.CompletionItemProvider = {
  provideCompletionItems(model, position) {
    const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
    const number = /(-?\d*\.?\d+)([a-z]*)$/.exec(before);
    if (number && /:\s*[^;{}]*$/.test(before)) {
      const unitStart = position.column - number[0].length;
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: unitStart, endColumn: position.column };
      return {
        suggestions: ['rpx', 'px', '%', 'vh', 'vw', 'em'].map((unit, i) => ({
          label: `${number[1]}${unit}`,
          filterText: `${number[1]}${unit}`,
          kind: monaco.languages.CompletionItemKind.Unit,
          detail: unit === 'rpx' ? 'responsive pixel: 750rpx = screen width' : undefined,
          insertText: `${number[1]}${unit}`,
          range,
          sortText: `0${i}`,
        })),
      };
    }
    if (!/[{:;]\s*[\w-]*$/.test(model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column }).slice(-200))) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      return { suggestions: BUILTIN_SELECTORS.map((tag) => ({ label: tag, kind: monaco.languages.CompletionItemKind.Class, insertText: tag, range, detail: 'built-in component' })) };
    }
    return { suggestions: [] };
  },
};

/** `@import "x.wxss"` → that file. */
const wxssImportDefinition: monaco.languages.DefinitionProvider = {
  async provideDefinition(model, position) {
    const path = pathOfModel(model);
    const line = model.getLineContent(position.lineNumber);
    const match = /@import\s+(?:url\()?\s*(["'])([^"']+)\1/.exec(line);
    if (!path || !match) return null;
    const store = useProjectStore.getState();
    const target = resolveReference(path, match[2]!, store.project?.miniprogramRoot ?? '');
    if (!target) return null;
    const file = [target, `${target}.wxss`].find((p) => store.fileExists(p));
    return file && (await ensureModel(file)) ? { uri: uriForPath(file), range: new monaco.Range(1, 1, 1, 1) } : null;
  },
};

/** Registers WXSS: our highlighting, the CSS language service (completion, hover, colours, format), rpx and @import. */
export function registerWxss(): void {
  monaco.languages.register({ id: WXSS_LANGUAGE_ID, extensions: ['.wxss', '.ftss'], aliases: ['WXSS', 'wxss'] });
  monaco.languages.setMonarchTokensProvider(WXSS_LANGUAGE_ID, wxssMonarch);
  monaco.languages.setLanguageConfiguration(WXSS_LANGUAGE_ID, {
    wordPattern: /(#?-?\d*\.\d\w*%?)|((::|[@#.!:])?[\w-?]+%?)|::|[@#.!:]/g,
    comments: { blockComment: ['/*', '*/'] },
    brackets: [['{', '}'], ['[', ']'], ['(', ')']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '(', close: ')' }, { open: '"', close: '"' }, { open: "'", close: "'" }],
  });
  const never = new monaco.Emitter<unknown>();
  monaco.languages.onLanguage(WXSS_LANGUAGE_ID, () => {
    setupMode({
      languageId: WXSS_LANGUAGE_ID,
      onDidChange: never.event,
      modeConfiguration: { completionItems: true, hovers: true, documentSymbols: true, definitions: false, references: true, documentHighlights: true, rename: true, colors: true, foldingRanges: true, diagnostics: true, selectionRanges: true, documentFormattingEdits: true, documentRangeFormattingEdits: true },
      options: wxssServiceOptions,
      diagnosticsOptions: wxssServiceOptions,
    });
  });
  monaco.languages.registerCompletionItemProvider(WXSS_LANGUAGE_ID, wxssExtraCompletion);
  monaco.languages.registerDefinitionProvider(WXSS_LANGUAGE_ID, wxssImportDefinition);
}

const wxssServiceOptions = {
  validate: true,
  lint: { unknownProperties: 'warning', emptyRules: 'ignore', duplicateProperties: 'warning', vendorPrefix: 'ignore', importStatement: 'ignore', zeroUnits: 'ignore', idSelector: 'ignore', important: 'ignore', float: 'ignore', universalSelector: 'ignore' },
  data: { useDefaultDataProvider: true },
  format: { newlineBetweenSelectors: true, newlineBetweenRules: true, spaceAroundSelectorSeparator: false, braceStyle: 'collapse', preserveNewLines: true },
};
