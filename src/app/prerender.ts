import type { QueryClient } from '@tanstack/react-query';
import type { Snapshot } from '../api/api-client';
import { poolListSnapshot } from '../api/insurance-balance';
import { insuranceKeys } from '../api/queries';
import type { Pool } from '../core/pool-schema';

/** The element of a page rendered on the server that carries the data it was rendered with. */
export const PRERENDER_ID = 'prerendered';

/** That data: the pool list as the proxy answered it, and when. */
export interface Prerendered {
  renderedAt: number;
  snapshot: Snapshot<Pool[]>;
}

/**
 * The element's text: the upstream's own JSON, untouched so every balance stays the exact string
 * it sent, with `<` escaped so nothing in it can close the script element.
 */
export function prerenderedText(
  answer: { body: string; demo: boolean; fetchedAt: number },
  renderedAt: number,
): string {
  const meta = JSON.stringify({ renderedAt, fetchedAt: answer.fetchedAt, demo: answer.demo });
  return `${meta.slice(0, -1)},"pools":${answer.body}}`.replace(/</g, '\\u003c');
}

function isMeta(value: unknown): value is { renderedAt: number; fetchedAt: number; demo: boolean } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isFinite(v.renderedAt) && Number.isFinite(v.fetchedAt) && typeof v.demo === 'boolean'
  );
}

/** The data back from that text, checked as any answer is; `undefined` if any of it is wrong. */
export function readPrerendered(text: string | null | undefined): Prerendered | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (!isMeta(value) || !('pools' in value)) return undefined;
    const snapshot = poolListSnapshot(value.pools, {
      demo: value.demo,
      fetchedAt: value.fetchedAt,
    });
    return { renderedAt: value.renderedAt, snapshot };
  } catch {
    return undefined;
  }
}

/** Puts the pool list in the cache as if it had been fetched when the page was rendered. */
export function seedPools(client: QueryClient, { snapshot, renderedAt }: Prerendered): void {
  client.setQueryData(insuranceKeys.pools(), snapshot, { updatedAt: renderedAt });
}
