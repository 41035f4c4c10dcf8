/**
 * The Tra cứu area: earlier dossiers by applicant name, CCCD/CMND, dossier code or any text in
 * their scanned pages, without tone marks; result papers by the owner's number or the number on
 * the paper. Results update as the clerk types; "/" returns to the search box.
 */
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, type MethodOutput } from '../../api/index.js';
import { shortcutKeys, useShortcut } from '../../keyboard/index.js';
import { useReuseTarget } from '../../workflow/reuse/index.js';
import { ResultList } from '../../workflow/results/index.js';
import { QueryState } from '../QueryState.js';
import { DossierView } from './DossierView.js';
import { Snippet } from './Snippet.js';

type Hit = MethodOutput<'dossier.search'>[number];

/** One row per dossier: its best hit first, the pages that matched counted. */
function byDossier(hits: readonly Hit[]): Array<{ best: Hit; pages: number }> {
  const out = new Map<string, { best: Hit; pages: number }>();
  for (const hit of hits) {
    const row = out.get(hit.MaHoSo);
    if (!row) out.set(hit.MaHoSo, { best: hit, pages: hit.kind === 'page' ? 1 : 0 });
    else if (hit.kind === 'page') row.pages += 1;
  }
  return [...out.values()];
}

function ResultPapers(props: { query: string }) {
  const { t } = useTranslation();
  const target = useReuseTarget();
  const identity = /^(\d{9}|\d{12})$/.test(props.query);
  const papers = useApiQuery(
    'dossier.findResults',
    identity ? { SoDinhDanh: props.query } : { SoGiayTo: props.query },
    ['dossier.changed'],
  );
  if (papers.state !== 'ok' || papers.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="paper-hits">
      <h2 id="paper-hits">{t('search.resultPapers')}</h2>
      <ResultList results={papers.data} reuse reuseTarget={target} />
    </section>
  );
}

function SearchHits(props: { query: string; onOpen: (MaHoSo: string) => void }) {
  const { t } = useTranslation();
  const { query } = props;
  const hits = useApiQuery('dossier.search', { query, limit: 50 }, [
    'dossier.created',
    'dossier.changed',
  ]);
  return (
    <section className="card" aria-labelledby="search-hits" aria-live="polite">
      <h2 id="search-hits">{t('search.hitsHeading')}</h2>
      <QueryState query={hits}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('search.none', { query })}</p>
          ) : (
            <ol className="hits" data-testid="search-hits">
              {byDossier(list).map(({ best, pages }) => (
                <li key={best.MaHoSo}>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('search.open', { code: best.MaHoSo, name: best.ChuHoSo })}
                    onClick={() => props.onOpen(best.MaHoSo)}
                  >
                    {best.MaHoSo}
                  </button>{' '}
                  · <span lang="vi">{best.ChuHoSo}</span> · <span lang="vi">{best.TenTTHC}</span>
                  {pages > 0 && ` · ${t('search.pageHits', { count: pages })}`}
                  <br />
                  <Snippet snippet={best.snippet} />
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

export function SearchScreen() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [open, setOpen] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useShortcut('focusSearch', () => {
    setOpen(undefined);
    input.current?.focus();
  });
  useEffect(() => {
    if (open) document.getElementById('dossier-view-title')?.focus();
  }, [open]);

  if (open) return <DossierView MaHoSo={open} onClose={() => setOpen(undefined)} />;
  return (
    <>
      <section className="card" role="search" aria-labelledby="search-label">
        <label id="search-label" htmlFor="search-query">
          {t('search.label')}
        </label>
        <input
          id="search-query"
          ref={input}
          type="search"
          autoComplete="off"
          aria-keyshortcuts={shortcutKeys('focusSearch')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="hint">{t('search.help')}</p>
      </section>
      {query && <SearchHits query={query} onOpen={setOpen} />}
      {query && /\d/.test(query) && <ResultPapers query={query} />}
    </>
  );
}
