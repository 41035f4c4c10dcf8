/**
 * The sync engine wired to the dossier store: dossiers marked `queued` become outbox entries
 * (their assembled PDFs as the files), provisional codes are replaced through the store (which
 * rewrites them everywhere and audits it), leased code blocks go to the reception pool, the
 * catalog is kept for offline use, and the province's answers land on the dossier.
 */
import { ProcedureSchema, isDossierStatus, isOfficialDossierCode } from '../domain/index.js';
import type { Dossier as LocalDossier } from '../domain/index.js';
import type { Store } from '../store/index.js';
import type { Procedure } from './contract/index.js';
import type { DraftDocument, LocalFile, OutboxEntryInput } from './outbox/entry.js';
import type { StationLink } from './station-link.js';

const ACTOR = 'sync';

export function storeStation(
  store: Store,
  onCatalogSkipped?: (skipped: Procedure[]) => void,
): StationLink {
  const now = (): string => new Date().toISOString();
  return {
    replaceCode(dossierId, provisionalCode, officialCode) {
      // Only this store's own dossier: a package imported from another counter may carry the
      // same provisional code as an unrelated local dossier.
      const dossier = dossierId === null ? undefined : store.dossiers.get(dossierId);
      if (dossier?.MaHoSo !== provisionalCode) return; // not ours, or replaced before a crash
      store.replaceProvisionalCode(provisionalCode, officialCode, ACTOR);
    },
    freeLeasedCodes: (agency, day) => store.codes.freeLeases(agency, day),
    addLeasedCodes(codes) {
      store.transaction(() => store.codes.addLeases(codes, now()));
    },
    saveCatalog(catalog) {
      // The local catalog is stricter than the wire (national MaTTHC form, at least one
      // component); what it cannot hold stays out and is reported rather than failing the rest.
      const fits = catalog.procedures.filter((p) => ProcedureSchema.safeParse(p).success);
      const skipped = catalog.procedures.filter((p) => !fits.includes(p));
      if (skipped.length > 0) onCatalogSkipped?.(skipped);
      store.importCatalog({
        version: catalog.version,
        agencies: catalog.agencies,
        procedures: fits as never,
      });
    },
    acknowledged(dossierId, code, revision) {
      const dossier = ownDossier(store, dossierId, code);
      if (!dossier) return;
      store.transaction(() => {
        store.dossiers.setSyncState(dossier.id, 'synced', now());
        store.audit.append(
          {
            actor: ACTOR,
            action: 'dossier.sync.acknowledged',
            dossierId: dossier.id,
            MaHoSo: code,
            details: { PhienBan: revision },
          },
          now(),
        );
      });
    },
    needsAttention(dossierId, code, message) {
      const dossier = ownDossier(store, dossierId, code);
      if (!dossier) return;
      store.transaction(() => {
        store.dossiers.setSyncState(dossier.id, 'failed', now());
        store.audit.append(
          {
            actor: ACTOR,
            action: 'dossier.sync.refused',
            dossierId: dossier.id,
            MaHoSo: code,
            details: { message },
          },
          now(),
        );
      });
    },
    remoteStatus(code, status) {
      const dossier = store.dossiers.getByCode(code);
      if (dossier && isDossierStatus(status) && dossier.TrangThaiHoSo !== status) {
        store.transaction(() => store.dossiers.setStatus(dossier.id, status, now()));
      }
    },
    pending() {
      // DossierFilter has no sync-state filter yet (asked of the store); read the ids directly.
      const ids = store.db
        .prepare("SELECT id FROM dossiers WHERE sync_state = 'queued' ORDER BY id")
        .all() as Array<{ id: number }>;
      return ids.map(({ id }) => entryFromStore(store, store.dossiers.require(id)));
    },
  };
}

/** The outbox entry of a stored dossier: its fields in the contract's shape and its PDFs. */
export function entryFromStore(store: Store, dossier: LocalDossier): OutboxEntryInput {
  const docs: DraftDocument[] = [];
  const files: LocalFile[] = [];
  for (const component of store.dossiers.components(dossier.id)) {
    for (const doc of store.dossiers.documents(component.id)) {
      if (!doc.pdfSha256) continue;
      const filename = `${component.MaThanhPhanHoSo}-${doc.position}.pdf`;
      const path = store.blobs.path(doc.pdfSha256);
      docs.push({
        TenTepDinhKem: filename,
        MaThanhPhanHoSo: component.MaThanhPhanHoSo,
        DuocSoHoa: 1,
        HashTepTin: doc.pdfSha256,
        SoTrang: store.pages.list(doc.id).length,
        CoChuKySo: doc.signed ? 1 : 0,
      });
      files.push({
        path,
        sha256: doc.pdfSha256,
        size: store.blobs.size(doc.pdfSha256),
        filename,
        mime: 'application/pdf',
      });
    }
  }
  return {
    dossierId: dossier.id,
    dossier: {
      MaHoSo: dossier.MaHoSo,
      MaTTHC: dossier.MaTTHC,
      TenTTHC: dossier.TenTTHC,
      MaLinhVuc: dossier.MaLinhVuc,
      TenLinhVuc: dossier.TenLinhVuc,
      ChuHoSo: dossier.ChuHoSo,
      LoaiDoiTuong: dossier.LoaiDoiTuong,
      ...(dossier.DinhDanhCHS ? { DinhDanhCHS: dossier.DinhDanhCHS } : {}),
      ...(dossier.SoDienThoai ? { SoDienThoai: dossier.SoDienThoai } : {}),
      ...(dossier.Email ? { Email: dossier.Email } : {}),
      ...(dossier.DiaChi ? { DiaChi: dossier.DiaChi } : {}),
      ...(dossier.TrichYeuHoSo ? { TrichYeuHoSo: dossier.TrichYeuHoSo } : {}),
      NoiNopHoSo: dossier.NoiNopHoSo,
      DonViXuLy: dossier.DonViXuLy,
      KenhThucHien: dossier.KenhThucHien,
      NgayTiepNhan: dossier.NgayTiepNhan,
      ...(dossier.NgayHenTra ? { NgayHenTra: dossier.NgayHenTra } : {}),
      TrangThaiHoSo: dossier.TrangThaiHoSo,
      HoSoCoThanhPhanSoHoa: docs.length > 0 ? 1 : 0,
      TaiLieuNop: docs,
    },
    files,
  };
}

/** The store's dossier an outbox item stands for: by id, or by an official (province-unique) code. */
function ownDossier(
  store: Store,
  dossierId: number | null,
  code: string,
): LocalDossier | undefined {
  if (dossierId !== null) return store.dossiers.get(dossierId);
  return isOfficialDossierCode(code) ? store.dossiers.getByCode(code) : undefined;
}
