/**
 * Image cleanup: the processing profiles, and one image file through the pipeline
 * (orientation, deskew, crop, clean, colour decision, blank flag, encoding) into a folder.
 */
import { z } from 'zod';
import type { ProcessFileSummary, ProcessingProfile } from '../../imaging/index.js';
import { defineContract, event, method, returns } from './define.js';

export interface ImagingProfiles {
  default: string;
  profiles: Record<string, ProcessingProfile>;
}

export interface ImagingPageProcessed {
  input: string;
  summary: ProcessFileSummary;
}

const filePath = z.string().min(1).max(4096);

export const imagingContract = defineContract({
  methods: {
    'imaging.profiles': method({
      summary: 'The built-in processing profiles with every setting resolved.',
      input: z.strictObject({}),
      output: returns<ImagingProfiles>(),
    }),
    'imaging.process': method({
      summary:
        'Cleans one image file in a worker thread and writes the page, its thumbnail and its decision record.',
      input: z.strictObject({
        input: filePath,
        /** Defaults to the input's folder. */
        outDir: filePath.optional(),
        profile: z.string().min(1).max(64).default('counter'),
        /** Settings over the profile (validated against the profile schema). */
        overrides: z.record(z.string(), z.unknown()).default({}),
        /** Resolution to assume when the file carries none. */
        dpi: z.number().int().min(50).max(1200).optional(),
      }),
      output: returns<ProcessFileSummary>(),
    }),
  },
  events: {
    'imaging.pageProcessed': event<ImagingPageProcessed>(
      'A page came out of the cleanup pipeline.',
    ),
  },
});
