/**
 * The one configuration schema. Each capability owns a section; every key has a default, so an
 * empty file is valid and each layer (machine file, user file, environment) only states what it
 * changes. Objects are strict: an unknown key is an error that names it, because a misspelt key
 * silently ignored is how a counter ends up syncing to the wrong place.
 *
 * A capability adds keys to its own section here (with a default) and reads them from
 * `loadConfig(...).config.<section>`. Secrets (gateway client secret, PINs) never go here: they
 * belong in the OS keychain.
 */
import { z } from 'zod';
import { AgencyCodeSchema, DEFAULT_PATCH_SEPARATION, PATCH_TYPES } from '../../domain/index.js';

const gateway = z
  .strictObject({
    /** Base URL of the provincial gateway (unset: the station works offline only). */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    clientId: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
    /** Extra CA bundle (PEM) for provincial gateways behind a private CA. */
    caFile: z.string().min(1).optional(),
  })
  .prefault({});

const agency = z
  .strictObject({
    /** MaDonVi of this counter's agency. */
    code: AgencyCodeSchema.optional(),
    name: z.string().min(1).optional(),
  })
  .prefault({});

const scannerProfile = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  name: z.string().min(1),
  source: z.enum(['flatbed', 'adf', 'adf-duplex']).default('adf'),
  dpi: z.number().int().min(150).max(600).default(300),
  colour: z.enum(['auto', 'color', 'gray', 'bw']).default('auto'),
  pageSize: z.enum(['auto', 'A4', 'A3', 'letter', 'legal']).default('A4'),
});

const scanner = z
  .strictObject({
    /** Device name as the driver reports it; unset: the first scanner found. */
    device: z.string().min(1).optional(),
    defaultProfile: z.string().default('standard'),
    profiles: z
      .array(scannerProfile)
      .min(1)
      .default([
        {
          id: 'standard',
          name: 'Tiêu chuẩn',
          source: 'adf',
          dpi: 300,
          colour: 'auto',
          pageSize: 'A4',
        },
      ]),
  })
  .prefault({})
  .refine((s) => s.profiles.some((p) => p.id === s.defaultProfile), {
    message: 'defaultProfile must be the id of one of the profiles',
    path: ['defaultProfile'],
  });

const ocr = z
  .strictObject({
    languages: z
      .array(z.enum(['vie', 'eng']))
      .min(1)
      .default(['vie', 'eng']),
    /** OCR worker threads; 0 chooses from the number of CPU cores. */
    workers: z.number().int().min(0).max(32).default(0),
  })
  .prefault({});

const pipeline = z
  .strictObject({
    /** Image-processing profile for pages landed at the counter: counter, bulk or archive. */
    profile: z.enum(['counter', 'bulk', 'archive']).default('counter'),
    /** Pages cleaned and read at once; 0 chooses from the number of CPU cores. */
    workers: z.number().int().min(0).max(32).default(0),
    /** Tries per page before it is marked failed (a clerk can still re-run it). */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** A page whose scan was skewed more than this (degrees) is flagged. */
    flagSkewDegrees: z.number().min(0.5).max(45).default(5),
    /** A page read with a lower mean OCR confidence (0..1) is flagged. */
    flagOcrConfidence: z.number().min(0).max(1).default(0.75),
  })
  .prefault({});

const signing = z
  .strictObject({
    provider: z.enum(['none', 'pkcs12', 'pkcs11']).default('none'),
    pkcs12File: z.string().min(1).optional(),
    pkcs11Module: z.string().min(1).optional(),
    pkcs11Slot: z.number().int().min(0).optional(),
    /** Stamp a visible "bản sao điện tử" mark on signed copies. */
    visibleStamp: z.boolean().default(true),
    /** Sign as PAdES baseline B-B (ETSI.CAdES.detached) instead of adbe.pkcs7.detached. */
    pades: z.boolean().default(false),
    /** RFC 3161 time-stamping server asked while online (unset: no timestamp). */
    tsaUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Refuse to sign when the TSA cannot be reached (default: sign without a timestamp). */
    requireTimestamp: z.boolean().default(false),
  })
  .prefault({});

const sync = z
  .strictObject({
    enabled: z.boolean().default(true),
    intervalSeconds: z.number().int().min(5).max(86_400).default(60),
    maxConcurrentUploads: z.number().int().min(1).max(16).default(2),
    /** tus chunk size: a reset costs at most one chunk, a smaller one costs more round trips. */
    chunkSizeKb: z.number().int().min(16).max(65_536).default(1024),
    /** Upload cap shared by all uploads, KiB/s (0 = none): counters share thin lines. */
    bandwidthLimitKbps: z.number().int().min(0).default(0),
    /** Official codes leased ahead while online, per block. */
    codeBlockSize: z.number().int().min(1).max(500).default(20),
    catalogRefreshMinutes: z.number().int().min(1).default(360),
    statusPullMinutes: z.number().int().min(1).default(15),
    /** Exponential backoff with jitter: first ceiling and cap, ms. */
    retryBaseMs: z.number().int().min(0).default(1000),
    retryMaxMs: z.number().int().min(0).default(300_000),
  })
  .prefault({});

const logging = z
  .strictObject({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    maxFileSizeMb: z.number().int().min(1).max(1024).default(10),
    keepFiles: z.number().int().min(1).max(365).default(14),
  })
  .prefault({});

/**
 * Provinces control roll-outs, so the app never installs anything on its own: with no feed URL (the
 * default) it does not even look. A province that hosts an electron-builder "generic" feed sets
 * feedUrl; stations then report new versions, and download them only where IT allows it.
 */
const update = z
  .strictObject({
    /** Which release line this station follows; `off` freezes it on its version. */
    channel: z.enum(['stable', 'beta', 'off']).default('stable'),
    /** Folder URL of the province's update feed (latest*.yml / beta*.yml); unset: never checks. */
    feedUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Hours between checks in the desktop app (0: only when asked). */
    checkIntervalHours: z.number().int().min(0).max(24 * 30).default(24),
    /** Desktop app downloads a new version in the background and installs it on quit. */
    autoDownload: z.boolean().default(false),
  })
  .prefault({});

/**
 * Who may use the station (issue #12). `os` (the default) takes the signed-in OS account as the
 * clerk; `local` makes every clerk sign in with a SoHoa account managed by an administrator.
 */
const security = z
  .strictObject({
    identity: z.enum(['os', 'local']).default('os'),
    /** A signed-in session ends this long after sign-in (a working day by default). */
    sessionMinutes: z.number().int().min(1).max(7 * 24 * 60).default(720),
    /** The screen locks after this long without keyboard or mouse input (0: never). */
    idleLockSeconds: z.number().int().min(0).max(86_400).default(600),
    /** Wrong passwords in a row that lock an account (local mode). */
    maxFailedAttempts: z.number().int().min(1).max(100).default(5),
    /** How long such a lock lasts (an administrator can lift it sooner). */
    lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** OS accounts with the administrator role in `os` mode (everyone else is a clerk). */
    osAdmins: z.array(z.string().min(1)).default([]),
    /** Dossiers the province acknowledged this many days ago are purged locally (0: never). */
    retentionDays: z.number().int().min(0).max(36_500).default(0),
  })
  .prefault({});

/** Bulk digitization jobs: QA sampling and the province's digitization targets per level. */
const batch = z
  .strictObject({
    /** Share of a job's pages drawn for QA review (flagged pages are always reviewed). */
    qaSamplePercent: z.number().min(0).max(100).default(5),
    /** Share of a unit's backlog dossiers to digitize, in percent, by the unit's level. */
    targetProvince: z.number().min(0).max(100).default(50),
    targetDistrict: z.number().min(0).max(100).default(40),
    targetCommune: z.number().min(0).max(100).default(35),
    /** Patch codes that open a new dossier in `--separator patch` jobs that name none. */
    patchDossier: z
      .array(z.enum(PATCH_TYPES))
      .min(1)
      .default([...DEFAULT_PATCH_SEPARATION.dossier]),
    /** Patch codes that open the dossier's next component in those jobs ([] for none). */
    patchComponent: z.array(z.enum(PATCH_TYPES)).default([...DEFAULT_PATCH_SEPARATION.component]),
  })
  .refine((b) => !b.patchDossier.some((t) => b.patchComponent.includes(t)), {
    message:
      'một loại patch không thể vừa tách hồ sơ vừa tách thành phần / a patch type cannot separate both dossiers and components',
    path: ['patchComponent'],
  })
  .prefault({});

/**
 * Encryption at rest (issue #12). Every data folder is encrypted with a key kept in the keychain,
 * never in a config file; IT staff set a recovery public key at install so that a PC whose
 * keychain is lost does not lose its data (`sohoa key recover`).
 */
const encryption = z
  .strictObject({
    /** PEM file of IT's RSA recovery public key: every data key is escrowed for it. */
    recoveryPublicKeyFile: z.string().min(1).optional(),
  })
  .prefault({});

const ui = z
  .strictObject({
    language: z.enum(['vi', 'en']).default('vi'),
  })
  .prefault({});

export const configSchema = z.strictObject({
  gateway,
  agency,
  scanner,
  ocr,
  pipeline,
  signing,
  sync,
  logging,
  update,
  security,
  encryption,
  ui,
  batch,
});

export type AppConfig = z.output<typeof configSchema>;
/** What a config file may contain: any subset of the sections and keys. */
export type ConfigFile = z.input<typeof configSchema>;
export type ConfigSection = keyof AppConfig;
