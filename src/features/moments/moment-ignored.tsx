import { Alert } from '../../components/alert';
import type { UrlState } from '../../lib/url-state';
import { useI18n } from '../../lib/i18n/i18n';

/**
 * Why the link's moment was not used, in words: a bad, repeated or future `at` shows live data,
 * a bad `vs` (or one not before `at`) shows the moment without a change.
 */
export function MomentIgnoredNote({ url }: { url: UrlState }) {
  const i18n = useI18n();
  const why = url.momentIgnored;
  if (!why) return null;
  const key =
    why.param === 'at'
      ? (`moment.ignored.at.${why.reason}` as const)
      : (`moment.ignored.vs.${why.reason}` as const);
  return (
    <div data-testid="moment-ignored" data-param={why.param} data-reason={why.reason}>
      <Alert tone="warning">{i18n.t(key, { raw: why.raw, example: '2026-12-01T12:00Z' })}</Alert>
    </div>
  );
}
