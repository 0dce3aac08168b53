import * as z from 'zod/mini';
import { toRating } from '../../src/core/adl.ts';
import { historyLineSchema, type HistoryLine } from '../../src/core/history.ts';
import { describeIssue } from '../../src/core/pool-schema.ts';
import type { HistoryAdapter } from './adapter.ts';
import { recordAdl } from './record-adl.ts';
import { recordSnapshots } from './record-snapshot.ts';

export class BadHistoryFile extends Error {}

/** Every line of a JSON-lines history file, checked before anything is stored; the first bad one refuses the file. */
export function parseHistoryFile(text: string): HistoryLine[] {
  const lines: HistoryLine[] = [];
  const all = text.split('\n');
  for (const [i, line] of all.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BadHistoryFile(`line ${i + 1}: not JSON`);
    }
    const r = z.safeParse(historyLineSchema, value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'the line';
      const inAnswer =
        issue?.path[0] === 'answer'
          ? describeIssue(r.error)
          : `${where}: ${issue?.message ?? 'does not fit'}`;
      throw new BadHistoryFile(`line ${i + 1}: ${inAnswer}`);
    }
    lines.push(r.data);
  }
  return lines;
}

/**
 * A line without `coveredSince` (a file written by hand or by another tool): its coverage is
 * inferred from the spacing of observations. Lines sorted by time whose spacing is at most three
 * times the file's median spacing form one unbroken interval; a longer spacing is a gap.
 */
export function inferCoverage(lines: readonly HistoryLine[]): number[] {
  const gaps = lines
    .slice(1)
    .map((l, i) => l.observedAt - lines[i]!.observedAt)
    .sort((a, b) => a - b);
  const limit = 3 * (gaps[Math.floor((gaps.length - 1) / 2)] ?? 0);
  const since: number[] = [];
  for (const [i, l] of lines.entries()) {
    const prev = lines[i - 1];
    since.push(prev && l.observedAt - prev.observedAt <= limit ? since[i - 1]! : l.observedAt);
  }
  return since;
}

/** Imports the lines in one transaction (all or nothing), oldest first. Importing them again adds nothing. */
export async function importLines(
  store: HistoryAdapter,
  input: readonly HistoryLine[],
): Promise<number> {
  const lines = [...input].sort((a, b) => a.observedAt - b.observedAt);
  const inferred = inferCoverage(lines);
  await store.write(async (tx) => {
    await recordSnapshots(
      tx,
      lines.map((l, i) => ({
        observedAt: l.observedAt,
        pools: l.answer,
        coveredSince: l.coveredSince ?? inferred[i]!,
        ...(l.index ? { index: l.index } : {}),
      })),
      0,
    );
    await recordAdl(
      tx,
      lines.flatMap((l) => (l.adl ?? []).map(toRating)),
    );
  });
  return lines.length;
}
