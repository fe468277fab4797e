/** English UI text. Keys are grouped by feature; zh-CN must have the same keys (the type checks it). */
export const messagesEn = {
  'app.opening': 'Opening…',
  'app.noProject': 'No project open',
  'explorer.title': 'Explorer',
  'explorer.loading': 'Loading files…',
  'editor.noFile': 'No file open',
  'editor.selectFile': 'Select a file in the explorer to open it.',
  'editor.close': 'Close',
  'editor.unsaved': 'Unsaved changes',
  'editor.saved': 'Saved {file}',
  'editor.saveFailed': 'Could not save {file}: {reason}',
  'editor.openFailed': 'Could not open {file}: {reason}',
  'editor.closeDirty': '{file} has unsaved changes. Close it and discard them?',
  'editor.saveAndClose': 'Save and close',
  'editor.discard': 'Discard changes',
  'dialog.cancel': 'Cancel',
  'dialog.ok': 'OK',
  'conflict.message': '{file} changed on disk while you have unsaved changes.',
  'conflict.keepMine': 'Keep my version',
  'conflict.takeDisk': 'Load the disk version',
  'conflict.takeDiskHint': 'Your text stays in the undo history (Ctrl+Z).',
  'conflict.deleted': '{file} was deleted on disk. Your text is kept; save to recreate the file.',
  'conflict.dismiss': 'OK',
} as const;

export type MessageKey = keyof typeof messagesEn;
