/**
 * The store dossier a separated batch dossier becomes. A backlog dossier already has a code on
 * its receipt: when the separator's QR carries an official code no other dossier holds, the
 * dossier is filed under it, received by the code's agency on the code's day; otherwise it takes
 * the next code like any new dossier and the QR's text stays recorded on the batch dossier.
 */
import {
  STATUS_RECEIVED,
  parseDossierCode,
  toGatewayTimestamp,
  type BatchJob,
} from '../../domain/index.js';
import type { Store } from '../../store/index.js';

/** Stands in for the applicant until someone enters the name read from the paper. */
export const UNKNOWN_APPLICANT = 'Chưa xác định';

export function usableCode(store: Store, code: string | null): string | undefined {
  if (!code) return undefined;
  const parts = parseDossierCode(code);
  if (!parts || parts.provisional) return undefined;
  return store.dossiers.getByCode(code) ? undefined : code;
}

/** Creates the store dossier (inside the caller's transaction); returns its id. */
export function createStoreDossier(
  store: Store,
  job: Pick<BatchJob, 'name'> & { MaTTHC: string; agency: string },
  qrCode: string | null,
  actor: string,
  now: Date,
): number {
  const procedure = store.catalog.requireProcedure(job.MaTTHC);
  const code = usableCode(store, qrCode);
  const parts = code ? parseDossierCode(code) : undefined;
  const NoiNopHoSo = parts?.agency ?? job.agency;
  const { dossier } = store.createDossier(
    {
      ...(code ? { MaHoSo: code } : {}),
      MaTTHC: procedure.MaTTHC,
      TenTTHC: procedure.TenTTHC,
      MaLinhVuc: procedure.MaLinhVuc,
      TenLinhVuc: procedure.TenLinhVuc,
      ChuHoSo: UNKNOWN_APPLICANT,
      LoaiDoiTuong: 1,
      TrichYeuHoSo: `Số hoá hồ sơ tồn đọng, lô "${job.name}"`,
      NoiNopHoSo,
      DonViXuLy: NoiNopHoSo,
      KenhThucHien: 1,
      NgayTiepNhan: parts ? `20${parts.day}000000` : toGatewayTimestamp(now),
      TrangThaiHoSo: STATUS_RECEIVED,
      components: procedure.ThanhPhanHoSo.map((c) => ({
        MaThanhPhanHoSo: c.MaThanhPhanHoSo,
        TenThanhPhanHoSo: c.TenThanhPhanHoSo,
        BatBuoc: c.BatBuoc,
      })),
    },
    actor,
  );
  return dossier.id;
}
