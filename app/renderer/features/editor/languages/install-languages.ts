import { useEditorStore } from '../../../stores/editor-store';
import { pathForUri } from '../model-registry';
import { monaco } from '../monaco-setup';
import { loadMiniprogramTypings } from './js-typings';
import { loadJsonSchemas } from './json-schemas';
import { wxmlCompletionProvider } from './wxml-completion';
import { wxmlDefinitionProvider } from './wxml-definition';
import { formatWxml } from './wxml-format';
import { WXML_LANGUAGE_ID, wxmlConfiguration, wxmlMonarch } from './wxml-monarch';
import { registerWxss } from './wxss-language';

let installed = false;

/** Registers the mini-program languages and cross-file navigation with Monaco, once. */
export function installLanguages(): void {
  if (installed) return;
  installed = true;
  monaco.languages.register({ id: WXML_LANGUAGE_ID, extensions: ['.wxml', '.fxml'], aliases: ['WXML', 'wxml'] });
  monaco.languages.setMonarchTokensProvider(WXML_LANGUAGE_ID, wxmlMonarch);
  monaco.languages.setLanguageConfiguration(WXML_LANGUAGE_ID, wxmlConfiguration);
  monaco.languages.registerCompletionItemProvider(WXML_LANGUAGE_ID, wxmlCompletionProvider);
  monaco.languages.registerDefinitionProvider(WXML_LANGUAGE_ID, wxmlDefinitionProvider);
  // WXSS, JS/TS and JSON format through their Monaco language services; WXML through ours.
  monaco.languages.registerDocumentFormattingEditProvider(WXML_LANGUAGE_ID, {
    provideDocumentFormattingEdits(model, options) {
      const text = model.getValue(monaco.editor.EndOfLinePreference.LF);
      const formatted = formatWxml(text, { indent: options.insertSpaces ? ' '.repeat(options.tabSize) : '\t' });
      return formatted === text ? [] : [{ range: model.getFullModelRange(), text: formatted }];
    },
  });
  registerWxss();
  monaco.languages.onLanguage('javascript', () => void loadMiniprogramTypings());
  monaco.languages.onLanguage('typescript', () => void loadMiniprogramTypings());
  monaco.languages.onLanguage('json', loadJsonSchemas);
  // Go to definition into another project file opens it in a tab (Monaco alone would do nothing).
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      const path = pathForUri(resource) ?? (resource.scheme === 'file' ? resource.path.replace(/^\//, '') : null);
      if (!path || path.startsWith('node_modules/miniprogram-api-typings/')) return false;
      const position = selectionOrPosition && 'startLineNumber' in selectionOrPosition
        ? { line: selectionOrPosition.startLineNumber, column: selectionOrPosition.startColumn }
        : selectionOrPosition
          ? { line: selectionOrPosition.lineNumber, column: selectionOrPosition.column }
          : undefined;
      void useEditorStore.getState().openFile(path, position);
      return true;
    },
  });
}
