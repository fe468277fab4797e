import { COMMON_ATTRIBUTES, COMMON_EVENTS, COMPONENTS, findComponent, type AttributeSupport } from '../../../../simulator/support/components';
import { getModel } from '../model-registry';
import { monaco } from '../monaco-setup';
import { pathOfModel } from './model-path';
import { componentProperties, usedComponents } from './using-components';
import { wxmlContextAt } from './wxml-context';

type Item = monaco.languages.CompletionItem;
const Kind = monaco.languages.CompletionItemKind;
const Snippet = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;

/** WXML's own tags, which are not components. */
const TEMPLATE_TAGS: readonly { name: string; snippet: string; doc: string }[] = [
  { name: 'block', snippet: 'block wx:if="{{$1}}">$0</block>', doc: 'Groups nodes without rendering an element.' },
  { name: 'template', snippet: 'template name="$1">$0</template>', doc: 'Defines (name) or uses (is) a template.' },
  { name: 'import', snippet: 'import src="$1" />', doc: 'Imports the templates of another WXML file.' },
  { name: 'include', snippet: 'include src="$1" />', doc: 'Inlines another WXML file, except its templates.' },
  { name: 'slot', snippet: 'slot name="$1" />', doc: 'Where a custom component puts its children.' },
  { name: 'wxs', snippet: 'wxs module="$1">\n\t$0\n</wxs>', doc: 'A WXS script module.' },
];

const DIRECTIVES: readonly { name: string; doc: string }[] = [
  { name: 'wx:if', doc: 'Renders the node when the expression is truthy.' },
  { name: 'wx:elif', doc: 'Else-if branch after wx:if.' },
  { name: 'wx:else', doc: 'Else branch after wx:if / wx:elif.' },
  { name: 'wx:for', doc: 'Repeats the node for each item of an array or object.' },
  { name: 'wx:for-item', doc: 'Name of the current item (default: item).' },
  { name: 'wx:for-index', doc: 'Name of the current index (default: index).' },
  { name: 'wx:key', doc: 'Unique key of each repeated node (a property name or *this).' },
];

function attributeDoc(attribute: AttributeSupport): string {
  const parts = [`type: ${attribute.type}`];
  if (attribute.default !== null && attribute.default !== '') parts.push(`default: ${JSON.stringify(attribute.default)}`);
  if (attribute.values) parts.push(`values: ${attribute.values.join(' | ')}`);
  if (attribute.status && attribute.status !== 'full') parts.push(`simulator: ${attribute.status}`);
  if (attribute.note) parts.push(attribute.note);
  return parts.join('\n');
}

function attributeItem(attribute: AttributeSupport, range: monaco.IRange): Item {
  const wildcard = attribute.name.endsWith('*');
  const name = wildcard ? attribute.name.slice(0, -1) : attribute.name;
  const value = attribute.type === 'boolean' ? '{{${1:true}}}' : '"$1"';
  return {
    label: attribute.name,
    kind: Kind.Property,
    documentation: attributeDoc(attribute),
    insertText: wildcard ? `${name}$1="$2"` : `${name}=${value}`,
    insertTextRules: Snippet,
    range,
    sortText: `1${attribute.name}`,
  };
}

function eventItems(events: readonly { name: string; detail: readonly string[]; note?: string }[], range: monaco.IRange): Item[] {
  return events.flatMap((event) =>
    ['bind', 'catch'].map((prefix) => ({
      label: `${prefix}${event.name}`,
      kind: Kind.Event,
      documentation: [event.detail.length ? `detail: ${event.detail.join(', ')}` : '', event.note ?? ''].filter(Boolean).join('\n'),
      insertText: `${prefix}${event.name}="$1"`,
      insertTextRules: Snippet,
      range,
      sortText: `${prefix === 'bind' ? 2 : 3}${event.name}`,
    })),
  );
}

async function tagItems(path: string, range: monaco.IRange, closing: boolean): Promise<Item[]> {
  const custom = await usedComponents(path);
  if (closing) {
    return [...COMPONENTS.map((c) => c.name), ...TEMPLATE_TAGS.map((t) => t.name), ...custom.map((c) => c.tag)].map((name) => ({
      label: name,
      kind: Kind.Class,
      insertText: `${name}>`,
      range,
    }));
  }
  return [
    ...COMPONENTS.map<Item>((component) => ({
      label: component.name,
      kind: Kind.Class,
      detail: component.status === 'full' ? 'built-in' : `built-in (${component.status} in the simulator)`,
      documentation: component.note,
      insertText: `${component.name}$1>$0</${component.name}>`,
      insertTextRules: Snippet,
      range,
      sortText: `2${component.name}`,
    })),
    ...TEMPLATE_TAGS.map<Item>((tag) => ({ label: tag.name, kind: Kind.Keyword, documentation: tag.doc, insertText: tag.snippet, insertTextRules: Snippet, range, sortText: `3${tag.name}` })),
    ...custom.map<Item>((component) => ({
      label: component.tag,
      kind: Kind.Module,
      detail: `usingComponents: ${component.reference}`,
      insertText: `${component.tag}$1>$0</${component.tag}>`,
      insertTextRules: Snippet,
      range,
      sortText: `1${component.tag}`,
    })),
  ];
}

async function attributeItems(path: string, tag: string, present: readonly string[], range: monaco.IRange): Promise<Item[]> {
  const builtin = findComponent(tag);
  const items: Item[] = [];
  if (builtin) {
    items.push(...builtin.attributes.map((a) => attributeItem(a, range)), ...eventItems(builtin.events, range));
  } else {
    const custom = (await usedComponents(path)).find((c) => c.tag === tag);
    const properties = custom?.basePath ? await componentProperties(custom.basePath) : [];
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    items.push(...properties.map((name) => attributeItem({ name: kebab(name), type: 'any', default: null, note: `property of <${tag}>` }, range)));
  }
  items.push(...COMMON_ATTRIBUTES.map((a) => ({ ...attributeItem(a, range), sortText: `4${a.name}` })), ...eventItems(COMMON_EVENTS, range));
  items.push(...DIRECTIVES.map<Item>((d) => ({ label: d.name, kind: Kind.Keyword, documentation: d.doc, insertText: d.name === 'wx:else' ? 'wx:else' : `${d.name}="$1"`, insertTextRules: Snippet, range, sortText: `5${d.name}` })));
  const taken = new Set(present);
  return items.filter((item) => !taken.has(String(item.label)));
}

function valueItems(tag: string, attribute: string, range: monaco.IRange): Item[] {
  const support = findComponent(tag)?.attributes.find((a) => a.name === attribute);
  if (!support) return [];
  if (support.values) return support.values.map((value) => ({ label: value, kind: Kind.EnumMember, insertText: value, range }));
  if (support.type === 'boolean') return ['{{true}}', '{{false}}'].map((value) => ({ label: value, kind: Kind.Value, insertText: value, range }));
  return [];
}

/** WXML completion: built-in tags, attributes, values and events from the support table, plus usingComponents. */
export const wxmlCompletionProvider: monaco.languages.CompletionItemProvider = {
  triggerCharacters: ['<', ' ', ':', '"', "'", '/'],
  async provideCompletionItems(model, position) {
    const path = pathOfModel(model);
    if (!path || !getModel(path)) return { suggestions: [] };
    const before = model.getValueInRange({ startLineNumber: Math.max(1, position.lineNumber - 80), startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
    const context = wxmlContextAt(before);
    const word = model.getWordUntilPosition(position);
    const prefixLength = 'prefix' in context ? context.prefix.length : word.word.length;
    const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: position.column - prefixLength, endColumn: position.column };
    switch (context.kind) {
      case 'tag-name':
        return { suggestions: await tagItems(path, range, context.closing) };
      case 'attribute-name':
        return { suggestions: await attributeItems(path, context.tag, context.present, range) };
      case 'attribute-value':
        return { suggestions: valueItems(context.tag, context.attribute, range) };
      case 'text':
      case 'expression':
        return { suggestions: [] };
    }
  },
};
