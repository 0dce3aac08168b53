import { formatMoment } from '../../core/moment';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';
import type { Navigate } from '../../lib/use-url-state';

const H = 3_600_000;
const BACK = { '1h': H, '24h': 24 * H, '7d': 7 * 24 * H } as const;

const button =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium hover:border-[var(--accent)]';

/**
 * From the live overview to a past one: every pool as recorded an hour, a day or a week ago, as
 * a new history entry (Back returns to live); any other moment is chosen there.
 */
export function MomentEntry({ navigate }: { navigate: Navigate }) {
  const i18n = useI18n();
  const ready = useIsClient();
  const open = (ms: number) => {
    const at = Math.floor((Date.now() - ms) / 60_000) * 60_000;
    navigate({ at: formatMoment(at), vs: undefined }, 'push');
    window.scrollTo({ top: 0 });
  };
  return (
    <section aria-labelledby="moment-entry" className="space-y-2">
      <h2 id="moment-entry" className="text-lg font-semibold">
        {i18n.t('moment.pick.heading')}
      </h2>
      <p className="text-sm text-[var(--muted)]">{i18n.t('moment.entry.hint')}</p>
      <div className="flex flex-wrap gap-2">
        {(Object.keys(BACK) as (keyof typeof BACK)[]).map((w) => (
          <button
            key={w}
            type="button"
            data-testid="moment-entry"
            className={button}
            disabled={!ready}
            onClick={() => open(BACK[w])}
          >
            {i18n.t('moment.vs.before', { window: i18n.t(`change.window.${w}`) })}
          </button>
        ))}
      </div>
    </section>
  );
}
