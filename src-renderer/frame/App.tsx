/**
 * The app frame: header with the language switch, the navigation between the five areas, the
 * open area, and the status bar. When the area changes, focus moves to its heading so keyboard
 * and screen-reader users land on the new content.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { areas } from '../areas/registry.js';
import { useConfiguredLanguage } from '../i18n/use-language.js';
import { ShortcutHelp } from '../keyboard/index.js';
import { StatusBar } from '../status/StatusBar.js';
import { AccessBanner } from './AccessBanner.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useAreaShortcuts } from './use-area-shortcuts.js';
import { areaHref, useCurrentArea } from './use-current-area.js';
import { useNewDossierShortcut } from './use-new-dossier-shortcut.js';

export function App() {
  const { t } = useTranslation();
  const [current, open] = useCurrentArea();
  useAreaShortcuts(open);
  useNewDossierShortcut(open);
  useConfiguredLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${t(`areas.${current.id}.name`)} · ${t('app.name')}`;
  }, [current, t]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [current]);

  const { Screen } = current;
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-tools">
          <ShortcutHelp />
          <LanguageSwitch />
        </div>
      </header>
      <nav className="sidebar" aria-label={t('app.areasNav')}>
        <ul>
          {areas.map((area) => {
            const keys = `Alt+${area.key}`;
            return (
              <li key={area.id}>
                <a
                  href={areaHref(area)}
                  aria-current={area.id === current.id ? 'page' : undefined}
                  aria-keyshortcuts={keys}
                  title={t('app.shortcut', { keys })}
                >
                  <span className="nav-name">{t(`areas.${area.id}.name`)}</span>
                  <kbd aria-hidden="true">{keys}</kbd>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="content" aria-labelledby="area-title">
        <AccessBanner />
        <h1 id="area-title" ref={heading} tabIndex={-1}>
          {t(`areas.${current.id}.title`)}
        </h1>
        <p className="area-summary">{t(`areas.${current.id}.summary`)}</p>
        <Screen area={current.id} />
      </main>
      <StatusBar />
    </div>
  );
}
