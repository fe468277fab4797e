import type { monaco } from '../monaco-setup';

export const WXML_LANGUAGE_ID = 'wxml';

/** Brackets, comments and auto-closing for WXML (and FXML). */
export const wxmlConfiguration: monaco.languages.LanguageConfiguration = {
  comments: { blockComment: ['<!--', '-->'] },
  brackets: [
    ['<!--', '-->'],
    ['<', '>'],
    ['{{', '}}'],
    ['{', '}'],
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
    { open: '<!--', close: ' -->', notIn: ['comment', 'string'] },
  ],
  surroundingPairs: [
    { open: '"', close: '"' },
    { open: "'", close: "'" },
    { open: '{', close: '}' },
    { open: '<', close: '>' },
  ],
  wordPattern: /(-?\d*\.\d\w*)|([^`~!@$^&*()=+[{\]}\\|;:'",.<>/\s]+)/g,
  folding: { markers: { start: /^\s*<!--\s*#region\b.*-->/, end: /^\s*<!--\s*#endregion\b.*-->/ } },
};

const expression = [
  [/\}\}/, { token: 'delimiter.bracket.mustache', next: '@pop' }],
  [/"([^"\\]|\\.)*"|'([^'\\]|\\.)*'/, 'string.expression'],
  [/\d+(\.\d+)?/, 'number'],
  [/\b(true|false|null|undefined)\b/, 'keyword'],
  [/[a-zA-Z_$][\w$]*/, 'variable'],
  [/[-+*/%!=<>?:&|.,[\]()]/, 'operator'],
  [/\s+/, ''],
];

/** Monarch tokens: tags, wx:/bind/catch attributes, {{ }} expressions in text and values, inline <wxs> as JS. */
export const wxmlMonarch: monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.wxml',
  ignoreCase: false,
  tokenizer: {
    root: [
      [/\{\{/, { token: 'delimiter.bracket.mustache', next: '@expression' }],
      [/<!--/, 'comment', '@comment'],
      [/(<)(wxs)\b/, [{ token: 'delimiter' }, { token: 'tag', next: '@wxsTag' }]],
      [/(<)([\w-]+)/, [{ token: 'delimiter' }, { token: 'tag', next: '@tag' }]],
      [/(<\/)([\w-]+)(\s*)(>)/, ['delimiter', 'tag', '', 'delimiter']],
      [/[^<{]+/, ''],
      [/[<{]/, ''],
    ],
    expression,
    comment: [
      [/-->/, 'comment', '@pop'],
      [/[^-]+/, 'comment.content'],
      [/./, 'comment.content'],
    ],
    tag: [
      [/\/?>/, 'delimiter', '@pop'],
      [/(wx:[\w-]+)(\s*)(=)/, ['keyword.directive', '', 'delimiter']],
      [/((?:capture-)?(?:bind|catch|mut-bind)(?::[\w-]+|[\w-]+))(\s*)(=)/, ['attribute.name.event', '', 'delimiter']],
      [/([\w:.-]+)(\s*)(=)/, ['attribute.name', '', 'delimiter']],
      [/wx:[\w-]+/, 'keyword.directive'],
      [/[\w:.-]+/, 'attribute.name'],
      [/"/, { token: 'attribute.value', next: '@doubleQuoted' }],
      [/'/, { token: 'attribute.value', next: '@singleQuoted' }],
      [/\s+/, ''],
    ],
    wxsTag: [
      [/\/>/, 'delimiter', '@pop'],
      [/>/, { token: 'delimiter', switchTo: '@wxsBody', nextEmbedded: 'javascript' }],
      [/([\w:.-]+)(\s*)(=)/, ['attribute.name', '', 'delimiter']],
      [/"[^"]*"|'[^']*'/, 'attribute.value'],
      [/\s+/, ''],
    ],
    wxsBody: [[/<\/wxs\s*>/, { token: '@rematch', next: '@pop', nextEmbedded: '@pop' }]],
    doubleQuoted: [
      [/\{\{/, { token: 'delimiter.bracket.mustache', next: '@expression' }],
      [/[^"{]+/, 'attribute.value'],
      [/\{/, 'attribute.value'],
      [/"/, { token: 'attribute.value', next: '@pop' }],
    ],
    singleQuoted: [
      [/\{\{/, { token: 'delimiter.bracket.mustache', next: '@expression' }],
      [/[^'{]+/, 'attribute.value'],
      [/\{/, 'attribute.value'],
      [/'/, { token: 'attribute.value', next: '@pop' }],
    ],
  },
} as monaco.languages.IMonarchLanguage;
