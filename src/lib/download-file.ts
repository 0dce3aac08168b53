/** Hands `text` to the browser as a file download; throws if the browser cannot make the file. */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started by then; the object URL only holds memory.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
