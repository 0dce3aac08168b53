import { Suspense, type ReactNode } from 'react';
import { useAfterPaint } from '../lib/use-after-paint';

/**
 * Its children (a lazy part of the page) once the page has painted, `fallback` until then and
 * while their chunk loads. The server and the first render in the browser both give the
 * fallback, so the page the server sent is taken over as it is.
 */
export function AfterPaint({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const painted = useAfterPaint(true);
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
