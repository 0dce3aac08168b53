// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { ExportPanel } from './export-panel';

const t = Date.UTC(2026, 10, 21, 4, 30, 0);
const pools: Pool[] = [
  {
    symbols: ['币安人生USDT'],
    assets: [{ asset: 'USDT', marginBalance: '314151411.06482935', updateTime: t }],
  },
];

function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let pending: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    pending = blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: pending! });
  });
  return files;
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads the bytes the browser would save. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

afterEach(cleanup);

/** Clicks the panel's button `name` over the snapshot of `pools` and gives the one file saved. */
async function downloaded(name: string, snapshot = { demo: false, fetchedAt: t }) {
  const files = captureDownloads();
  render(<ExportPanel snapshot={{ data: pools, ...snapshot }} />);
  fireEvent.click(screen.getByRole('button', { name }));
  await waitFor(() => expect(files).toHaveLength(1));
  return files[0]!;
}

describe('ExportPanel', () => {
  it('downloads the CSV named after the snapshot time, with a BOM and the exact balance', async () => {
    const file = await downloaded('Download CSV', { demo: false, fetchedAt: t + 1 });
    expect(file.name).toBe('insurance-fund-2026-11-21T04-30-00Z.csv');
    const bytes = await bytesOf(file.blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(
      '币安人生USDT,币安人生,1,"币安人生USDT",USDT,314151411.06482935,2026-11-21T04:30:00.000Z',
    );
  });

  it('downloads which pool covers each symbol as a file of its own, with no balance', async () => {
    const file = await downloaded('Download symbols (CSV)');
    expect(file.name).toBe('insurance-fund-symbols-2026-11-21T04-30-00Z.csv');
    const text = new TextDecoder().decode(await bytesOf(file.blob));
    expect(text).toContain('symbol,pool_key,pool\r\n币安人生USDT,币安人生USDT,币安人生\r\n');
    expect(text).not.toContain('314151411');
  });

  it('downloads the JSON, marked as demo data in its name', async () => {
    const file = await downloaded('Download JSON', { demo: true, fetchedAt: t });
    expect(file.name).toBe('insurance-fund-demo-2026-11-21T04-30-00Z.json');
    expect(new TextDecoder().decode(await bytesOf(file.blob))).toContain(
      '"balance": "314151411.06482935"',
    );
  });

  it('says in words when the browser cannot make the file, and keeps the buttons', async () => {
    URL.createObjectURL = vi.fn(() => {
      throw new Error('blocked');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<ExportPanel snapshot={{ data: pools, demo: false, fetchedAt: t }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be prepared/);
    expect(screen.getByRole('button', { name: 'Download JSON' })).toBeTruthy();
  });

  it('explains that there is nothing to export before the first snapshot', () => {
    render(<ExportPanel snapshot={undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/Nothing to export yet/)).toBeTruthy();
  });
});
