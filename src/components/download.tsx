import { useState } from 'react';
import { downloadFile } from '../lib/download-file';
import { useIsClient } from '../lib/render-seed';

/** The look of every download button and link. */
export const downloadButton =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium hover:border-[var(--accent)]';

/** A file the browser is handed to save. */
export interface DownloadedFile {
  name: string;
  text: string;
  type: string;
}

/**
 * Makes a file and hands it to the browser, remembering whether the last try failed so the view
 * can say so in words (`tag` names the view in the console's warning).
 */
export function useDownload(tag: string) {
  const [failed, setFailed] = useState(false);
  async function save(make: () => DownloadedFile | Promise<DownloadedFile>) {
    try {
      const file = await make();
      downloadFile(file.name, file.text, file.type);
      setFailed(false);
    } catch (error) {
      console.warn(`[${tag}] download failed`, error);
      setFailed(true);
    }
  }
  return { failed, save };
}

/** A row of download buttons, one a kind of file (`[kind, label]`); a click saves that kind. */
export function DownloadButtons<K extends string>({
  kinds,
  save,
}: {
  kinds: readonly (readonly [K, string])[];
  save: (kind: K) => unknown;
}) {
  const ready = useIsClient();
  return (
    <div className="flex flex-wrap gap-2">
      {kinds.map(([kind, label]) => (
        <button
          key={kind}
          type="button"
          className={downloadButton}
          disabled={!ready}
          onClick={() => void save(kind)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
