import { memo } from 'react';
import { sameRefreshChange, type RefreshChange, type RefreshMark } from '../core/refresh-change';
import { formatMove } from '../lib/format-percent';
import { useI18n } from '../lib/i18n/i18n';

const ARROWS: Record<RefreshMark, string> = { up: '▲', down: '▼', drop: '▼▼' };

/** A balance that moved since the last refresh: which way, and by how much (`▲ 1.2%`), its words for screen readers. */
export const ChangeMark = memo(
  function ChangeMark({ move }: { move: RefreshChange }) {
    const { t, lang } = useI18n();
    const size = formatMove(move.rel, lang);
    return (
      <span className="pool-change" data-change={move.change} data-testid="change-mark">
        <span aria-hidden="true">
          {ARROWS[move.change]}
          {size ? <span className="pool-change-size">{size}</span> : null}
        </span>
        <span className="sr-only">
          {size ? t(`pools.move.${move.change}`, { size }) : t(`pools.change.${move.change}`)}
        </span>
      </span>
    );
  },
  (a, b) => sameRefreshChange(a.move, b.move),
);
