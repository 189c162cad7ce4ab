// Electron's open and save dialogs for Settings → Import & export, bound to the window that asked.
// The reading and writing of the chosen files is in data-ipc-handlers.ts (plain Node, tested there).
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from './data-ipc-handlers.ts';

/** What the open dialog offers: every format the import route reads. */
export const IMPORT_FILE_FILTERS = [
  { name: 'Task files', extensions: ['json', 'csv', 'zip', 'ics', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

export function nativeFileDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    chooseImportFile: async () => {
      const owner = window();
      const options = { title: 'Import tasks', properties: ['openFile' as const], filters: IMPORT_FILE_FILTERS };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseExportPath: async (suggestedName) => {
      const owner = window();
      const options = { title: 'Export tasks', defaultPath: suggestedName };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
