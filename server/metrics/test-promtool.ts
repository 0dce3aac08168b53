import { spawnSync } from 'node:child_process';

/**
 * promtool, the Prometheus project's own checker, where it is installed. Without it the checks
 * that need it are skipped with a note, unless `REQUIRE_PROMTOOL=1` (CI installs it), where that
 * is a failure.
 */
export function findPromtool(): { found: true } | { found: false; reason: string } {
  const probe = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return { found: true };
  const reason = 'promtool is not installed (Debian: apt-get install prometheus)';
  if (process.env.REQUIRE_PROMTOOL === '1') throw new Error(`REQUIRE_PROMTOOL=1, but ${reason}`);
  console.warn(`promtool checks did not run: ${reason}`);
  return { found: false, reason };
}

/** Runs promtool; its exit status and everything it said. */
export function promtool(args: string[], input?: string) {
  const r = spawnSync('promtool', args, { encoding: 'utf8', input, timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
