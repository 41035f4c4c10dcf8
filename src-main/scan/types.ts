/**
 * The vocabulary every scanner driver speaks (after NAPS2's driver model): devices, what a device
 * can do, what a scan asks for, and the page a driver hands over once its last byte has arrived.
 */
import { z } from 'zod';
import type { LandingTarget } from './landing-journal.js';

export const SCAN_SOURCES = ['flatbed', 'adf', 'adf-duplex'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

export const COLOR_MODES = ['color', 'gray', 'lineart'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** Paper sizes in millimetres (portrait). `max` is the device's whole scan area. */
export const PAGE_SIZES = {
  A4: { widthMm: 210, heightMm: 297 },
  A5: { widthMm: 148, heightMm: 210 },
  A3: { widthMm: 297, heightMm: 420 },
  letter: { widthMm: 215.9, heightMm: 279.4 },
  legal: { widthMm: 215.9, heightMm: 355.6 },
} as const;
export type PageSize = keyof typeof PAGE_SIZES | 'max';
const PAGE_SIZE_NAMES = [
  ...(Object.keys(PAGE_SIZES) as Array<keyof typeof PAGE_SIZES>),
  'max',
] as const;

/** A raw driver option value, for vendor options a profile sets by name (IT staff, diagnostics). */
export const DeviceOptionValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type DeviceOptionValue = z.infer<typeof DeviceOptionValueSchema>;

const depthSchema = z.union([z.literal(1), z.literal(8), z.literal(16)]);
const requestFields = {
  device: z.string().min(1).max(256),
  source: z.enum(SCAN_SOURCES),
  dpi: z.number().int().min(50).max(1200),
  mode: z.enum(COLOR_MODES),
  /** Bits per sample; the default is 8 (1 for lineart). */
  depth: depthSchema,
  pageSize: z.enum(PAGE_SIZE_NAMES),
  /** -100..100, applied only where the device has the option. */
  brightness: z.number().min(-100).max(100),
  contrast: z.number().min(-100).max(100),
  /** Driver options by their device name, applied last (e.g. a vendor's "swdeskew"). */
  deviceOptions: z.record(z.string().min(1).max(64), DeviceOptionValueSchema),
};

/** What a caller may set; anything left out comes from the scan profile. */
export const ScanOverridesSchema = z.strictObject(requestFields).partial();

export const ScanRequestSchema = z.strictObject({
  ...requestFields,
  source: requestFields.source.default('flatbed'),
  dpi: requestFields.dpi.default(300),
  mode: requestFields.mode.default('color'),
  depth: depthSchema.optional(),
  pageSize: requestFields.pageSize.default('A4'),
  brightness: requestFields.brightness.optional(),
  contrast: requestFields.contrast.optional(),
  deviceOptions: requestFields.deviceOptions.default({}),
});
export type ScanRequest = z.output<typeof ScanRequestSchema>;
export type ScanRequestInput = z.input<typeof ScanRequestSchema>;

export interface ScanDevice {
  /** What `--device` takes, e.g. `test:0` or `epson2:libusb:001:004`. */
  id: string;
  driver: 'sane' | 'twain';
  vendor: string;
  model: string;
  type: string;
}

export interface DeviceCapabilities {
  device: string;
  sources: ScanSource[];
  modes: ColorMode[];
  depths: number[];
  /** Resolutions the device accepts: a range or a list. */
  dpi: { min: number; max: number } | number[];
  /** The largest scan area in millimetres, when the device says. */
  maxArea?: { widthMm: number; heightMm: number };
  brightness: boolean;
  contrast: boolean;
}

/** An image as it left the driver, encoded losslessly (or as the original file for imports). */
export interface AcquiredImage {
  /** 1-based position in this acquisition. */
  index: number;
  mime: 'image/png' | 'image/jpeg' | 'image/tiff';
  bytes: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** When the driver had the page's last byte (ms since epoch); latency is measured from here. */
  completedAt: number;
  /** The preview, when the driver can make it more cheaply than by decoding `bytes`. */
  thumbnail?: Promise<string>;
  /** Where it came from: a device name, or a file (and page within it). */
  origin: { device: string } | { file: string; page: number };
  /** The spooled page it was made from (scanner pages): where its landing intent is recorded. */
  spool?: { dir: string; index: number };
}

/** What a scan reports while it runs (NAPS2: page start, page progress). */
export type ScanProgress =
  | { kind: 'pageStarted'; index: number }
  | { kind: 'pageProgress'; index: number; bytes: number; expectedBytes: number | null };

export interface ScanRunOptions {
  signal?: AbortSignal;
  /** Where the pages are going, recorded with the spool so a restart can land them. */
  target?: LandingTarget;
  onProgress?: (progress: ScanProgress) => void;
}

/** How a finished scan ended when it did not fail. */
export interface ScanOutcome {
  pages: number;
  /** The ADF ran out of paper after at least one page (the normal end of a feeder batch). */
  feederEmpty: boolean;
}
