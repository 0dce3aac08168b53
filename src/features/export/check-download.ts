/** Why a download of the server's history would fail, in a form the panel says in words. */
export interface DownloadProblem {
  kind: 'busy' | 'unreadable' | 'none' | 'refused' | 'unreachable';
  /** Seconds the server asks to wait (`busy`). */
  retryAfter?: number;
  /** The status it answered (`refused`). */
  status?: number;
}

/**
 * Asks the server with HEAD whether `href` would download a file of `type`: `undefined` if so,
 * else why not. HEAD reads no more than the first part of the range on the server and carries
 * no body, so the words come from the status: 503 with `Retry-After` is the bound on exports at
 * once, 503 without it a history that cannot be read, 404 (or a page in place of the file, from
 * a server that does not serve the history) no history at all.
 */
export async function checkDownload(
  href: string,
  type: string,
): Promise<DownloadProblem | undefined> {
  let res: Response;
  try {
    res = await fetch(href, { method: 'HEAD', cache: 'no-store' });
  } catch {
    return { kind: 'unreachable' };
  }
  if (res.ok)
    return res.headers.get('content-type')?.startsWith(type) ? undefined : { kind: 'none' };
  if (res.status === 503) {
    const retryAfter = Number(res.headers.get('retry-after'));
    return Number.isInteger(retryAfter) && retryAfter > 0
      ? { kind: 'busy', retryAfter }
      : { kind: 'unreadable' };
  }
  if (res.status === 404) return { kind: 'none' };
  return { kind: 'refused', status: res.status };
}
