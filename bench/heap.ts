/**
 * The page's heap split by kind, from a heap snapshot (which collects garbage first): the
 * program's own objects, the engine's compiled code, and the browser's native objects held by
 * the heap (DOM nodes, performance entries). Compiled code grows while the engine optimises hot
 * functions and then levels off; objects that keep growing are what a leak looks like.
 */
import type { CDPSession } from '@playwright/test';

export interface HeapBreakdown {
  objects: number;
  code: number;
  native: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

export async function heapBreakdown(cdp: CDPSession): Promise<HeapBreakdown> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const result: HeapBreakdown = { objects: 0, code: 0, native: 0 };
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!];
    const size = nodes[i + sizeAt]!;
    if (type === 'code') result.code += size;
    else if (type === 'native') result.native += size;
    else result.objects += size;
  }
  return result;
}
