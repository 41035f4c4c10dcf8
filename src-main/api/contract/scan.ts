/**
 * Scanning and file import (the Quét area): scanners, their capabilities, scan profiles, and
 * background sessions that land pages in a dossier component and report them as events.
 */
import { z } from 'zod';
import type {
  DeviceCapabilities,
  ScanDevice,
  ScanEventPayloads,
  ScannerConfig,
} from '../../scan/index.js';
import { ImportRequestSchema, ScanOverridesSchema } from '../../scan/index.js';
import { defineContract, event, method, returns } from './define.js';

const target = {
  MaHoSo: z.string().min(1).max(64),
  MaThanhPhanHoSo: z.string().min(1).max(64),
};

export const scanContract = defineContract({
  methods: {
    'scan.devices': method({
      summary: 'Scanners the station can see (through the scanner host).',
      input: z.strictObject({}),
      output: returns<ScanDevice[]>(),
    }),
    'scan.capabilities': method({
      summary: 'Sources, colour modes, bit depths, resolutions and scan area of one scanner.',
      input: z.strictObject({ device: z.string().min(1).max(256) }),
      output: returns<DeviceCapabilities>(),
    }),
    'scan.start': method({
      summary: 'Starts scanning into a dossier component; settings default to the scan profile.',
      input: ScanOverridesSchema.extend({
        ...target,
        profile: z.string().min(1).max(64).optional(),
      }),
      output: returns<{ sessionId: string }>(),
    }),
    'scan.import': method({
      summary: 'Starts importing JPEG/PNG/TIFF/PDF files into a dossier component.',
      input: ImportRequestSchema.extend(target),
      output: returns<{ sessionId: string }>(),
    }),
    'scan.cancel': method({
      summary: 'Cancels a running scan or import; finished pages stay.',
      input: z.strictObject({ sessionId: z.uuid() }),
      output: returns<{ cancelled: boolean }>(),
    }),
    'scan.profiles': method({
      summary: "This station's scanner settings: device, scan profiles, the default profile.",
      input: z.strictObject({}),
      output: returns<ScannerConfig>(),
    }),
    'scan.saveProfile': method({
      summary: "Adds or replaces a scan profile (by id) in this station's configuration.",
      input: z.strictObject({
        // checked field by field by the configuration schema, whose errors name the key
        profile: z.looseObject({ id: z.string().min(1).max(64) }),
        makeDefault: z.boolean().default(false),
      }),
      output: returns<ScannerConfig>(),
    }),
  },
  events: {
    'scan.pageAcquired': event<ScanEventPayloads['scan.pageAcquired']>(
      'A page landed in the store (with a thumbnail).',
    ),
    'scan.progress': event<ScanEventPayloads['scan.progress']>(
      'A page started, or more of it arrived.',
    ),
    'scan.finished': event<ScanEventPayloads['scan.finished']>('A scan or import ended normally.'),
    'scan.failed': event<ScanEventPayloads['scan.failed']>(
      'A scan or import failed; pages before the failure are kept.',
    ),
  },
});
