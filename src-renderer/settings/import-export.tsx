// Settings → Import & export. Import: choose a file (the native dialog in the desktop app, a file input elsewhere),
// see the dry run ("312 tasks into 5 lists, 3 skipped" with the reasons), then import with a progress bar, and undo
// the whole import in one step. Export: JSON, CSV or iCalendar (one list or all), saved through the native save
// dialog (a download elsewhere).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { ImportFormat, ImportResult } from '../../src-shared/import-schemas';
import type { TasksBridge } from '../../src-preload/contract';
import { useLists } from '../tasks/use-task-queries';
import {
  type ExportFormat,
  exportFileName,
  FORMAT_LABELS,
  IMPORTABLE_FORMATS,
  type ImportRequest,
  summarizeImport,
  type TransferApi,
} from './transfer-api';
import { SettingsMessages } from './settings-messages';

type ImportStage =
  | { step: 'idle' }
  | { step: 'previewing'; file: ImportRequest }
  | { step: 'preview'; file: ImportRequest; result: ImportResult }
  | { step: 'importing'; file: ImportRequest; expected: number }
  | { step: 'done'; result: ImportResult; undone: boolean };

const MAX_SKIPS_SHOWN = 20;

const SKIP_WORDS: Record<ImportResult['skipped'][number]['reason'], string> = {
  ALREADY_EXISTS: 'already here',
  DUPLICATE_IN_FILE: 'twice in the file',
  INVALID: 'not a valid task',
  UNREADABLE: 'could not be read',
  UNSUPPORTED: 'not a task',
};

interface ImportExportProps {
  bridge: TasksBridge;
  api: TransferApi;
}

export function ImportExport({ bridge, api }: ImportExportProps) {
  const client = useQueryClient();
  const lists = useLists();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [listName, setListName] = useState('');
  const [stage, setStage] = useState<ImportStage>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [exportList, setExportList] = useState('');
  const [exportStatus, setExportStatus] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  const refresh = () => client.invalidateQueries({ predicate: (query) => ['tasks', 'organize'].includes(String(query.queryKey[0])) });

  async function previewFile(name: string, bytes: Uint8Array<ArrayBuffer>) {
    const file: ImportRequest = { bytes, fileName: name, ...(format ? { format } : {}), ...(listName ? { listName } : {}) };
    setError(null);
    setStage({ step: 'previewing', file });
    try {
      setStage({ step: 'preview', file, result: await api.preview(file) });
    } catch (e) {
      setStage({ step: 'idle' });
      setError(`${name}: ${(e as Error).message}`);
    }
  }

  async function choose() {
    setError(null);
    const chosen = await bridge.files.openImportFile();
    if (chosen.ok) {
      if (chosen.value) await previewFile(chosen.value.name, new Uint8Array(chosen.value.bytes));
      return;
    }
    if (chosen.error.code === 'UNAVAILABLE') fileInput.current?.click();
    else setError(chosen.error.message);
  }

  async function onInputFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    await previewFile(file.name, new Uint8Array(await file.arrayBuffer()));
  }

  async function runImport() {
    if (stage.step !== 'preview') return;
    const { file, result: preview } = stage;
    setStage({ step: 'importing', file, expected: preview.imported });
    try {
      const result = await api.run(file);
      setStage({ step: 'done', result, undone: false });
      await refresh();
    } catch (e) {
      setStage({ step: 'preview', file, result: preview });
      setError((e as Error).message);
    }
  }

  async function undo() {
    if (stage.step !== 'done' || stage.result.importId === null) return;
    try {
      await api.undo(stage.result.importId);
      setStage({ ...stage, undone: true });
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function runExport(kind: ExportFormat) {
    setExporting(kind);
    setExportStatus(null);
    setError(null);
    try {
      const list = lists.data?.find((l) => l.id === exportList);
      const content = await api.exportFile(kind, list?.id);
      const suggestedName = exportFileName(kind, new Date(), list?.name);
      const saved = await bridge.files.saveExportFile({ suggestedName, content });
      if (saved.ok) {
        if (saved.value) setExportStatus(`Saved ${saved.value.path}.`);
      } else if (saved.error.code === 'UNAVAILABLE') {
        download(suggestedName, content, kind);
        setExportStatus(`Downloaded ${suggestedName}.`);
      } else {
        setError(saved.error.message);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setExporting(null);
    }
  }

  const busy = stage.step === 'previewing' || stage.step === 'importing';
  return (
    <section className="settings-section" aria-labelledby={`${ids}-import`}>
      <h3 id={`${ids}-import`}>Import</h3>
      <p className="settings-note">
        From this app’s export, Todoist (CSV or backup ZIP), TickTick (CSV backup), Google Tasks (Takeout), iCalendar
        (.ics, from Thunderbird, Apple Reminders, Nextcloud, tasks.org…) or todo.txt. Tasks already here are skipped,
        so importing the same file twice adds nothing.
      </p>
      <div className="transfer-form">
        <label htmlFor={`${ids}-format`}>Format</label>
        <select id={`${ids}-format`} className="input" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')} disabled={busy}>
          <option value="">Recognise it from the file</option>
          {IMPORTABLE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-list`}>List for files without lists</label>
        <input
          id={`${ids}-list`}
          className="input"
          value={listName}
          dir="auto"
          placeholder="Inbox"
          maxLength={100}
          onChange={(e) => setListName(e.target.value)}
          disabled={busy}
        />
      </div>
      <div className="settings-row">
        <button type="button" className="button" onClick={() => void choose()} disabled={busy}>
          Choose a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="File to import"
          accept=".json,.csv,.zip,.ics,.txt,application/json,text/csv,text/calendar,text/plain,application/zip"
          onChange={(e) => void onInputFile(e)}
        />
      </div>
      {stage.step === 'previewing' ? (
        <p className="settings-status" role="status">
          Reading {stage.file.fileName}…
        </p>
      ) : null}
      {stage.step === 'preview' ? (
        <div className="transfer-preview" aria-labelledby={`${ids}-preview`}>
          <h4 id={`${ids}-preview`} dir="auto">
            {stage.file.fileName}: {summarizeImport(stage.result)}
          </h4>
          <ImportDetails result={stage.result} />
          <div className="settings-row">
            <button type="button" className="button button-primary" onClick={() => void runImport()} disabled={stage.result.imported === 0}>
              {stage.result.imported === 0 ? 'Nothing to import' : `Import ${stage.result.imported} task${stage.result.imported === 1 ? '' : 's'}`}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setStage({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {stage.step === 'importing' ? (
        <div className="transfer-progress">
          <label htmlFor={`${ids}-progress`}>
            Importing {stage.expected} task{stage.expected === 1 ? '' : 's'} from {stage.file.fileName}…
          </label>
          {/* The import is one request: its end is the only progress the server reports, so the bar is indeterminate. */}
          <progress id={`${ids}-progress`} />
        </div>
      ) : null}
      {stage.step === 'done' ? (
        <div className="transfer-preview">
          <p role="status">
            {stage.undone ? 'The import was undone.' : `Imported ${summarizeImport(stage.result)}.`}
          </p>
          {!stage.undone ? <ImportDetails result={stage.result} /> : null}
          {stage.result.importId !== null && !stage.undone ? (
            <button type="button" className="button" onClick={() => void undo()}>
              Undo this import
            </button>
          ) : null}
        </div>
      ) : null}

      <h3>Export</h3>
      <p className="settings-note">
        JSON keeps everything (lists, tags, subtasks, order, dates, repeats, reminders, history) and imports back
        here. CSV opens in spreadsheets. iCalendar opens in other task apps.
      </p>
      <div className="transfer-form">
        <label htmlFor={`${ids}-export-list`}>Lists</label>
        <select id={`${ids}-export-list`} className="input" value={exportList} onChange={(e) => setExportList(e.target.value)}>
          <option value="">All lists</option>
          {(lists.data ?? []).map((list) => (
            <option key={list.id} value={list.id} dir="auto">
              {list.name}
            </option>
          ))}
        </select>
      </div>
      <div className="settings-row">
        {(['json', 'csv', 'ical'] as const).map((kind) => (
          <button key={kind} type="button" className="button" onClick={() => void runExport(kind)} disabled={exporting !== null}>
            {exporting === kind ? 'Exporting…' : `Export ${kind === 'ical' ? 'iCalendar' : kind.toUpperCase()}`}
          </button>
        ))}
      </div>
      <SettingsMessages status={exportStatus} error={error} />
    </section>
  );
}

function ImportDetails({ result }: { result: ImportResult }) {
  const lists = result.lists.filter((list) => list.imported > 0 || list.created);
  return (
    <>
      {lists.length > 0 ? (
        <ul className="transfer-lists" aria-label="Where the tasks go">
          {lists.map((list) => (
            <li key={list.id}>
              <span dir="auto">{list.name}</span>: {list.imported} task{list.imported === 1 ? '' : 's'}
              {list.created ? ' (new list)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {result.skipped.length > 0 ? (
        <details className="transfer-skips">
          <summary>
            {result.skipped.length} skipped
          </summary>
          <ul>
            {result.skipped.slice(0, MAX_SKIPS_SHOWN).map((skip) => (
              <li key={`${skip.index}-${skip.reason}`} dir="auto">
                {skip.line !== undefined ? `Line ${skip.line}` : `Entry ${skip.index + 1}`}: {SKIP_WORDS[skip.reason]} ({skip.message})
              </li>
            ))}
            {result.skipped.length > MAX_SKIPS_SHOWN ? <li>… and {result.skipped.length - MAX_SKIPS_SHOWN} more</li> : null}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function download(name: string, content: string, kind: ExportFormat) {
  const type = kind === 'json' ? 'application/json' : kind === 'csv' ? 'text/csv' : 'text/calendar';
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
