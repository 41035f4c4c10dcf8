/**
 * `sohoa search "<query>"`: full-text search over dossier fields and OCR text, accent- and
 * đ-insensitive. Whatever is typed is searched as words, never as query syntax.
 */
import { withDossierService } from '../../core/dossiers/index.js';
import type { SearchHit } from '../../store/index.js';
import type { RegisterCommands } from '../context.js';

/** The snippet with its highlights in [brackets] (plain terminals, logs). */
export function bracketed(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.snippet.marks) {
    out += `${hit.snippet.text.slice(at, start)}[${hit.snippet.text.slice(start, end)}]`;
    at = end;
  }
  return out + hit.snippet.text.slice(at);
}

export const registerSearch: RegisterCommands = (program, ctx) => {
  program
    .command('search')
    .description('tìm hồ sơ và nội dung trang / search dossiers and page text')
    .argument('<query>', 'từ khóa, có dấu hay không dấu')
    .option('--procedure <MaTTHC>')
    .option('--status <1..10>')
    .option('--from <yyyyMMdd>')
    .option('--to <yyyyMMdd>')
    .option('--limit <n>', 'at most n hits (default 20)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        query: string,
        o: {
          procedure?: string;
          status?: string;
          from?: string;
          to?: string;
          limit?: string;
          json?: boolean;
        },
      ) => {
        const num = (v: string): number => (/^\d+$/.test(v) ? Number(v) : (v as unknown as number));
        const hits = await withDossierService(ctx.dataDir(), (s) =>
          s.search({
            query,
            ...(o.procedure ? { MaTTHC: o.procedure } : {}),
            ...(o.status ? { TrangThaiHoSo: num(o.status) } : {}),
            ...(o.from ? { from: o.from } : {}),
            ...(o.to ? { to: o.to } : {}),
            ...(o.limit ? { limit: num(o.limit) } : {}),
          }),
        );
        if (o.json) {
          ctx.printJson(hits);
          return;
        }
        if (hits.length === 0) ctx.print('Không tìm thấy / Nothing found');
        for (const h of hits) {
          ctx.print(
            `${h.MaHoSo}  ${h.ChuHoSo} — ${h.TenTTHC}${h.pageId !== undefined ? `  (trang #${h.pageId})` : ''}`,
          );
          ctx.print(`    ${bracketed(h)}`);
        }
      },
    );
};
