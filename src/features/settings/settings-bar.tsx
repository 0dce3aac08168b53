import { useI18n } from '../../lib/i18n/i18n';
import { useEarlyChange } from '../../lib/use-early-change';
import type { Navigate } from '../../lib/use-url-state';
import { LANGS, THEMES, type Lang, type Theme } from '../../lib/url-state';

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Language and theme, kept in the link like everything else; the rest of the URL is left as it is. */
export function SettingsBar({
  lang,
  theme,
  navigate,
}: {
  lang: Lang;
  theme: Theme | undefined;
  navigate: Navigate;
}) {
  const { t } = useI18n();
  const pickLang = (value: string) => navigate({ lang: value }, 'replace');
  const pickTheme = (value: string) => navigate({ theme: value }, 'replace');
  // A choice made in the server's page before the app took it over still counts.
  const langRef = useEarlyChange<HTMLSelectElement>(lang, pickLang);
  const themeRef = useEarlyChange<HTMLSelectElement>(theme ?? 'system', pickTheme);
  const select =
    'rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-sm text-[var(--fg)]';
  return (
    <div className="flex items-center gap-3 text-sm">
      <label className="flex items-center gap-1">
        <span className="text-[var(--muted)]">{t('settings.language')}</span>
        <select
          className={select}
          ref={langRef}
          value={lang}
          onChange={(e) => pickLang(e.target.value)}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className="text-[var(--muted)]">{t('settings.theme')}</span>
        <select
          className={select}
          ref={themeRef}
          value={theme ?? 'system'}
          onChange={(e) => pickTheme(e.target.value)}
        >
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {t(`settings.theme.${th}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
