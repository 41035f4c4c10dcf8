/**
 * `dossier export`: a self-contained folder `<out>/<MaHoSo>/` with `dossier.json` (the gateway
 * contract's Dossier fields, the component structure with each page's file and sha256, and the
 * dossier's audit trail) and the page images under `pages/`. File names come only from codes and
 * positions, never from text a person typed; an existing folder is never overwritten.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dossier } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Store } from '../../store/index.js';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export function contractFields(d: Dossier): Record<string, unknown> {
  return {
    MaHoSo: d.MaHoSo,
    MaTTHC: d.MaTTHC,
    TenTTHC: d.TenTTHC,
    MaLinhVuc: d.MaLinhVuc,
    TenLinhVuc: d.TenLinhVuc,
    ChuHoSo: d.ChuHoSo,
    LoaiDoiTuong: d.LoaiDoiTuong,
    ...(d.DinhDanhCHS ? { DinhDanhCHS: d.DinhDanhCHS } : {}),
    ...(d.SoDienThoai ? { SoDienThoai: d.SoDienThoai } : {}),
    ...(d.Email ? { Email: d.Email } : {}),
    ...(d.DiaChi ? { DiaChi: d.DiaChi } : {}),
    ...(d.TrichYeuHoSo ? { TrichYeuHoSo: d.TrichYeuHoSo } : {}),
    NoiNopHoSo: d.NoiNopHoSo,
    DonViXuLy: d.DonViXuLy,
    KenhThucHien: d.KenhThucHien,
    NgayTiepNhan: d.NgayTiepNhan,
    ...(d.NgayHenTra ? { NgayHenTra: d.NgayHenTra } : {}),
    TrangThaiHoSo: d.TrangThaiHoSo,
  };
}

export function exportDossier(
  store: Store,
  code: string,
  outDir: string,
): { dir: string; files: number } {
  const root = resolve(outDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new AppError(
      'VALIDATION',
      { vi: `Thư mục đích ${root} không tồn tại`, en: `Target folder ${root} does not exist` },
      { details: { outDir: root } },
    );
  }
  const dossier = store.dossiers.requireByCode(code);
  const target = join(root, dossier.MaHoSo);
  if (existsSync(target)) {
    throw new AppError(
      'CONFLICT',
      {
        vi: `Đã có thư mục ${target}; không ghi đè`,
        en: `${target} already exists; not overwriting`,
      },
      { details: { target } },
    );
  }
  // Build in a temp sibling and rename at the end, so a failed export leaves nothing half-written.
  const work = join(root, `.${dossier.MaHoSo}.partial-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'pages'), { recursive: true });
  let files = 0;
  try {
    const components = store.dossiers.components(dossier.id).map((c) => ({
      MaThanhPhanHoSo: c.MaThanhPhanHoSo,
      TenThanhPhanHoSo: c.TenThanhPhanHoSo,
      BatBuoc: c.BatBuoc,
      TaiLieu: store.dossiers.documents(c.id).map((doc) => ({
        title: doc.title,
        position: doc.position,
        signed: doc.signed,
        pages: store.pages.list(doc.id).map((p) => {
          const file = `pages/${String(c.position).padStart(2, '0')}-${String(doc.position).padStart(2, '0')}-${String(p.position).padStart(4, '0')}.${EXTENSIONS[p.mime] ?? 'bin'}`;
          writeFileSync(join(work, file), store.blobs.read(p.blobSha256));
          files += 1;
          const ocr = store.pages.getOcr(p.id);
          return {
            file,
            sha256: p.blobSha256,
            mime: p.mime,
            rotation: p.rotation,
            blank: p.blank,
            needsReview: p.needsReview,
            ...(ocr ? { text: ocr.text } : {}),
          };
        }),
      })),
    }));
    const body = {
      ...contractFields(dossier),
      provisional: dossier.provisional,
      HoSoCoThanhPhanSoHoa: files > 0 ? 1 : 0,
      ThanhPhanHoSo: components,
      KetQua: store.results.byDossier(dossier.id),
      NhatKy: store.audit
        .forDossier(dossier.id)
        .map((a) => ({ seq: a.seq, at: a.at, actor: a.actor, action: a.action, hash: a.hash })),
    };
    writeFileSync(join(work, 'dossier.json'), `${JSON.stringify(body, null, 2)}\n`);
    renameSync(work, target);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return { dir: target, files: files + 1 };
}
