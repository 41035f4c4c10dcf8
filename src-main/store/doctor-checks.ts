/**
 * The store's contribution to `sohoa doctor`: the database file is sound, every row points at
 * something that exists, every blob still hashes to its name, reference counts are exact, and the
 * audit chain is unbroken.
 */
import type { DoctorCheck } from '../domain/index.js';
import { blobRefColumns, countedRefsSql } from './blob-refs.js';
import type { Store } from './store.js';

const IT = {
  vi: 'Sao lưu thư mục dữ liệu rồi báo bộ phận CNTT',
  en: 'Back up the data folder, then contact IT',
};

export function storeDoctorChecks(store: Store): DoctorCheck[] {
  const { db, blobs } = store;
  return [
    {
      id: 'store.integrity',
      title: { vi: 'Tính toàn vẹn cơ sở dữ liệu', en: 'Database integrity' },
      run() {
        const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
        const messages = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
        if (messages.length === 0)
          return {
            status: 'ok',
            message: { vi: 'Cơ sở dữ liệu nguyên vẹn', en: 'The database is intact' },
          };
        return {
          status: 'fail',
          message: {
            vi: `Cơ sở dữ liệu hỏng: ${messages.length} lỗi`,
            en: `The database is damaged: ${messages.length} problem(s)`,
          },
          fix: IT,
          details: { problems: messages.slice(0, 20) },
        };
      },
    },
    {
      id: 'store.references',
      title: { vi: 'Liên kết giữa các bản ghi', en: 'References between rows' },
      run() {
        const broken = db.pragma('foreign_key_check') as Array<{
          table: string;
          rowid: number;
          parent: string;
        }>;
        if (broken.length === 0)
          return {
            status: 'ok',
            message: {
              vi: 'Mọi bản ghi đều trỏ tới bản ghi tồn tại',
              en: 'Every row points at an existing row',
            },
          };
        return {
          status: 'fail',
          message: {
            vi: `${broken.length} bản ghi trỏ tới bản ghi không tồn tại`,
            en: `${broken.length} row(s) point at missing rows`,
          },
          fix: IT,
          details: { broken: broken.slice(0, 20) },
        };
      },
    },
    {
      id: 'store.blobs',
      title: { vi: 'Tệp dữ liệu (ảnh trang, PDF)', en: 'Blob files (page images, PDFs)' },
      run() {
        const missing: string[] = [];
        const corrupt: string[] = [];
        let count = 0;
        for (const { sha256 } of db.prepare('SELECT sha256 FROM blobs').iterate() as Iterable<{
          sha256: string;
        }>) {
          count += 1;
          const state = blobs.verify(sha256);
          if (state === 'missing') missing.push(sha256);
          else if (state === 'corrupt') corrupt.push(sha256);
        }
        const wrongCounts = db
          .prepare(
            `SELECT b.sha256, b.refcount, coalesce(r.n, 0) AS actual FROM blobs b
             LEFT JOIN (SELECT sha256, count(*) AS n FROM (${countedRefsSql(blobRefColumns(db))}) GROUP BY sha256) r ON r.sha256 = b.sha256
             WHERE b.refcount <> coalesce(r.n, 0)`,
          )
          .all();
        if (missing.length || corrupt.length) {
          return {
            status: 'fail',
            message: {
              vi: `${missing.length} tệp bị mất, ${corrupt.length} tệp bị hỏng (trên ${count})`,
              en: `${missing.length} blob(s) missing, ${corrupt.length} corrupt (of ${count})`,
            },
            fix: {
              vi: 'Khôi phục thư mục blobs từ bản sao lưu; các trang liên quan cần quét lại',
              en: 'Restore the blobs folder from backup; affected pages must be rescanned',
            },
            details: { missing: missing.slice(0, 20), corrupt: corrupt.slice(0, 20) },
          };
        }
        const strays = blobs.strayTemps();
        if (wrongCounts.length || strays.length) {
          return {
            status: 'warn',
            message: {
              vi: `${wrongCounts.length} số đếm tham chiếu sai, ${strays.length} tệp tạm còn sót`,
              en: `${wrongCounts.length} wrong reference count(s), ${strays.length} stray temp file(s)`,
            },
            fix: {
              vi: 'Mở lại ứng dụng để dọn tệp tạm; chạy "sohoa doctor --repair" để đếm lại',
              en: 'Reopen the app to clear temp files; run "sohoa doctor --repair" to recount',
            },
            details: { wrongCounts: wrongCounts.slice(0, 20), strays: strays.slice(0, 20) },
          };
        }
        return {
          status: 'ok',
          message: {
            vi: `${count} tệp đều đúng mã băm`,
            en: `All ${count} blobs match their hash`,
          },
        };
      },
    },
    {
      id: 'store.audit',
      title: { vi: 'Nhật ký kiểm toán', en: 'Audit log' },
      run() {
        const v = store.audit.verify();
        if (v.ok)
          return {
            status: 'ok',
            message: {
              vi: `Chuỗi băm nguyên vẹn (${v.rows} dòng)`,
              en: `Hash chain intact (${v.rows} rows)`,
            },
          };
        return {
          status: 'fail',
          message: {
            vi: `Nhật ký bị sửa hoặc xóa: ${v.problems.length} vấn đề`,
            en: `The audit log was edited or truncated: ${v.problems.length} problem(s)`,
          },
          fix: {
            vi: 'Báo ngay bộ phận CNTT/thanh tra; giữ nguyên tệp dữ liệu để điều tra',
            en: 'Report to IT/inspection now; keep the data files untouched for investigation',
          },
          details: { problems: v.problems.slice(0, 20) },
        };
      },
    },
  ];
}
