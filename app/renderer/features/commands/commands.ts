import type { MessageKey } from '../../i18n/i18n';
import { t, useLocaleStore } from '../../i18n/i18n';
import { useBuildStore } from '../../stores/build-store';
import { useEditorStore } from '../../stores/editor-store';
import { useLayoutStore } from '../../stores/layout-store';
import { useThemeStore } from '../../stores/theme-store';
import { useWelcomeStore } from '../../stores/welcome-store';
import { runEditorAction } from '../editor/editor-instance';
import { newFile, newFolder, newPage } from '../explorer/explorer-actions';
import { openSimulatorDevTools } from '../simulator-pane/simulator-devtools';
import { useCommandStore } from './command-store';

export interface Command {
  readonly id: string;
  readonly title: MessageKey;
  /** Shown in the palette and the shortcuts help, as typed on Windows/Linux (Ctrl ↔ Cmd on macOS). */
  readonly keys?: string;
  run(): void;
}

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** Displays `Ctrl+Shift+P` as the user's platform writes it. */
export function displayKeys(keys: string): string {
  return isMac ? keys.replace(/Ctrl\+/g, '⌘').replace(/Alt\+/g, '⌥').replace(/Shift\+/g, '⇧') : keys;
}

/** Every workbench command: the palette lists them, the shortcuts help shows their keys. */
export const COMMANDS: readonly Command[] = [
  { id: 'workbench.commandPalette', title: 'command.palette', keys: 'Ctrl+Shift+P', run: () => useCommandStore.getState().openPalette('commands') },
  { id: 'workbench.quickOpen', title: 'command.quickOpen', keys: 'Ctrl+P', run: () => useCommandStore.getState().openPalette('files') },
  { id: 'workbench.shortcuts', title: 'command.shortcuts', keys: 'Ctrl+K Ctrl+S', run: () => useCommandStore.getState().showShortcuts(true) },
  { id: 'file.save', title: 'command.save', keys: 'Ctrl+S', run: () => void useEditorStore.getState().saveActive() },
  { id: 'file.saveAll', title: 'command.saveAll', keys: 'Ctrl+Alt+S', run: () => void useEditorStore.getState().saveAll() },
  { id: 'file.close', title: 'command.closeTab', keys: 'Ctrl+W', run: () => void closeActive() },
  { id: 'file.newFile', title: 'explorer.newFile', run: () => void newFile() },
  { id: 'file.newFolder', title: 'explorer.newFolder', run: () => void newFolder() },
  { id: 'file.newPage', title: 'explorer.newPage', run: () => void newPage('page') },
  { id: 'file.newComponent', title: 'explorer.newComponent', run: () => void newPage('component') },
  { id: 'file.openProject', title: 'welcome.openMenu', run: () => useWelcomeStore.getState().show() },
  { id: 'editor.find', title: 'command.find', keys: 'Ctrl+F', run: () => void runEditorAction('actions.find') },
  { id: 'editor.replace', title: 'command.replace', keys: 'Ctrl+H', run: () => void runEditorAction('editor.action.startFindReplaceAction') },
  { id: 'editor.gotoLine', title: 'command.gotoLine', keys: 'Ctrl+G', run: () => void runEditorAction('editor.action.gotoLine') },
  { id: 'editor.format', title: 'command.format', keys: 'Shift+Alt+F', run: () => void runEditorAction('editor.action.formatDocument') },
  { id: 'editor.definition', title: 'command.definition', keys: 'F12', run: () => void runEditorAction('editor.action.revealDefinition') },
  { id: 'search.files', title: 'command.searchFiles', keys: 'Ctrl+Shift+F', run: () => useLayoutStore.getState().update({ panel: 'search', panelOpen: true }) },
  { id: 'simulator.devtools', title: 'simulator.devtools', keys: 'Ctrl+Shift+F12', run: () => void openSimulatorDevTools() },
  { id: 'project.buildNpm', title: 'npm.command', run: () => void useBuildStore.getState().buildNpm() },
  { id: 'view.console', title: 'panel.console', run: () => useLayoutStore.getState().update({ panel: 'console', panelOpen: true }) },
  { id: 'view.problems', title: 'panel.problems', keys: 'Ctrl+Shift+M', run: () => useLayoutStore.getState().update({ panel: 'problems', panelOpen: true }) },
  { id: 'view.togglePanel', title: 'layout.togglePanel', keys: 'Ctrl+J', run: () => useLayoutStore.getState().update({ panelOpen: !useLayoutStore.getState().panelOpen }) },
  { id: 'view.toggleTheme', title: 'command.toggleTheme', run: () => useThemeStore.getState().setTheme(useThemeStore.getState().theme === 'dark' ? 'light' : 'dark') },
  { id: 'view.switchLanguage', title: 'command.switchLanguage', run: () => useLocaleStore.getState().setLocale(useLocaleStore.getState().locale === 'en' ? 'zh-CN' : 'en') },
];

async function closeActive(): Promise<void> {
  const active = useEditorStore.getState().active;
  if (active) await useEditorStore.getState().closeTab(active);
}

function chordOf(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.shiftKey) parts.push('Shift');
  if (event.altKey) parts.push('Alt');
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  parts.push(key);
  return parts.join('+');
}

let pendingChord: string | null = null;

/** The workbench's keyboard shortcuts; returns true when one ran. Two-step chords (Ctrl+K Ctrl+S) are supported. */
export function handleShortcut(event: KeyboardEvent): boolean {
  if (['Control', 'Shift', 'Alt', 'Meta'].includes(event.key)) return false;
  if (!event.ctrlKey && !event.metaKey && !event.altKey && !/^F\d+$/.test(event.key)) return false;
  const chord = chordOf(event);
  const typed = pendingChord ? `${pendingChord} ${chord}` : chord;
  // Monaco runs its own bindings (and marks the event handled); Shift+Alt+F is Ctrl+Shift+I in Monaco on Linux, so ours runs there.
  const command = COMMANDS.find((c) => c.keys === typed && c.id !== 'editor.find' && c.id !== 'editor.replace' && c.id !== 'editor.definition' && c.id !== 'editor.gotoLine');
  if (command) {
    pendingChord = null;
    event.preventDefault();
    command.run();
    return true;
  }
  pendingChord = COMMANDS.some((c) => c.keys?.startsWith(`${typed} `)) ? typed : null;
  if (pendingChord) event.preventDefault();
  return pendingChord !== null;
}

export function commandTitle(command: Command): string {
  return t(command.title);
}
