import type { Migration } from '../migration.js';

/** Catalog, dossiers and their scanned structure, blobs, code leases, results. */
export const migration: Migration = {
  up: `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size       INTEGER NOT NULL CHECK (size >= 0),
  refcount   INTEGER NOT NULL DEFAULT 0 CHECK (refcount >= 0),
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE agencies (
  MaDinhDanh TEXT PRIMARY KEY,
  TenDonVi   TEXT NOT NULL,
  Cap        INTEGER NOT NULL CHECK (Cap IN (1, 2, 3)),
  MaDonViCha TEXT
);

CREATE TABLE procedures (
  MaTTHC           TEXT PRIMARY KEY,
  TenTTHC          TEXT NOT NULL,
  MaLinhVuc        TEXT NOT NULL,
  TenLinhVuc       TEXT NOT NULL,
  CapThucHien      TEXT NOT NULL DEFAULT '[]',
  ThoiHanGiaiQuyet REAL,
  PhiDiaGioi       INTEGER NOT NULL DEFAULT 0,
  source           TEXT,
  verified         INTEGER NOT NULL DEFAULT 0,
  catalog_version  TEXT NOT NULL
);

CREATE TABLE procedure_components (
  MaTTHC           TEXT NOT NULL REFERENCES procedures(MaTTHC) ON DELETE CASCADE,
  MaThanhPhanHoSo  TEXT NOT NULL,
  TenThanhPhanHoSo TEXT NOT NULL,
  BatBuoc          INTEGER NOT NULL,
  SoBanChinh       INTEGER,
  SoBanSao         INTEGER,
  position         INTEGER NOT NULL,
  PRIMARY KEY (MaTTHC, MaThanhPhanHoSo)
);

CREATE TABLE dossiers (
  id               INTEGER PRIMARY KEY,
  MaHoSo           TEXT NOT NULL UNIQUE,
  provisional      INTEGER NOT NULL DEFAULT 0,
  MaTTHC           TEXT NOT NULL,
  TenTTHC          TEXT NOT NULL,
  MaLinhVuc        TEXT NOT NULL,
  TenLinhVuc       TEXT NOT NULL,
  ChuHoSo          TEXT NOT NULL,
  LoaiDoiTuong     INTEGER NOT NULL CHECK (LoaiDoiTuong BETWEEN 1 AND 4),
  LoaiDinhDanh     TEXT CHECK (LoaiDinhDanh IN ('1', '2')),
  SoDinhDanh       TEXT,
  SoDienThoai      TEXT,
  Email            TEXT,
  DiaChi           TEXT,
  TrichYeuHoSo     TEXT,
  NoiNopHoSo       TEXT NOT NULL,
  DonViXuLy        TEXT NOT NULL,
  KenhThucHien     INTEGER NOT NULL DEFAULT 1 CHECK (KenhThucHien BETWEEN 1 AND 3),
  NgayTiepNhan     TEXT NOT NULL,
  NgayHenTra       TEXT,
  TrangThaiHoSo    INTEGER NOT NULL CHECK (TrangThaiHoSo BETWEEN 1 AND 10),
  sync_state       TEXT NOT NULL DEFAULT 'local' CHECK (sync_state IN ('local', 'queued', 'synced', 'failed')),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX dossiers_received ON dossiers (NgayTiepNhan);
CREATE INDEX dossiers_procedure ON dossiers (MaTTHC, NgayTiepNhan);
CREATE INDEX dossiers_status ON dossiers (TrangThaiHoSo, NgayTiepNhan);
CREATE INDEX dossiers_owner ON dossiers (SoDinhDanh);

CREATE TABLE components (
  id               INTEGER PRIMARY KEY,
  dossier_id       INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  MaThanhPhanHoSo  TEXT NOT NULL,
  TenThanhPhanHoSo TEXT NOT NULL,
  BatBuoc          INTEGER NOT NULL,
  position         INTEGER NOT NULL,
  UNIQUE (dossier_id, MaThanhPhanHoSo)
);

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  title        TEXT NOT NULL,
  position     INTEGER NOT NULL,
  pdf_sha256   TEXT REFERENCES blobs(sha256),
  signed       INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL
);
CREATE INDEX documents_component ON documents (component_id, position);

CREATE TABLE pages (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  blob_sha256  TEXT NOT NULL REFERENCES blobs(sha256),
  mime         TEXT NOT NULL,
  width        INTEGER,
  height       INTEGER,
  dpi          INTEGER,
  rotation     INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
  blank        INTEGER NOT NULL DEFAULT 0,
  needs_review INTEGER NOT NULL DEFAULT 0,
  acquired_at  TEXT NOT NULL
);
CREATE INDEX pages_document ON pages (document_id, position);
CREATE INDEX pages_blob ON pages (blob_sha256);

CREATE TABLE page_ocr (
  page_id    INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  words      TEXT NOT NULL DEFAULT '[]',
  confidence REAL NOT NULL,
  engine     TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE extracted_fields (
  id         INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  page_id    INTEGER REFERENCES pages(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  value      TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX extracted_fields_dossier ON extracted_fields (dossier_id, name);

CREATE TABLE results (
  id                 INTEGER PRIMARY KEY,
  dossier_id         INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
  MaKetQua           TEXT,
  TenGiayTo          TEXT NOT NULL,
  SoGiayTo           TEXT,
  SoDinhDanhChuSoHuu TEXT,
  NgayCap            TEXT,
  blob_sha256        TEXT NOT NULL REFERENCES blobs(sha256),
  origin             TEXT NOT NULL CHECK (origin IN ('handback', 'archive')),
  created_at         TEXT NOT NULL
);
CREATE INDEX results_owner ON results (SoDinhDanhChuSoHuu);

-- Official codes leased from the provincial system for offline reception.
CREATE TABLE code_leases (
  MaHoSo     TEXT PRIMARY KEY,
  agency     TEXT NOT NULL,
  day        TEXT NOT NULL,
  sequence   INTEGER NOT NULL,
  leased_at  TEXT NOT NULL,
  dossier_id INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
  used_at    TEXT
);
CREATE INDEX code_leases_free ON code_leases (agency, day, used_at, sequence);

-- Last provisional sequence per agency and day.
CREATE TABLE provisional_sequences (
  agency TEXT NOT NULL,
  day    TEXT NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (agency, day)
);
`,
};
