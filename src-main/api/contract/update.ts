/**
 * Release channel and the province's update feed. Checking only: the app never installs a new
 * version by itself (provinces control roll-outs).
 */
import { z } from 'zod';
import type { UpdateStatus } from '../../domain/index.js';
import { defineContract, method, returns } from './define.js';

export const updateContract = defineContract({
  methods: {
    'update.check': method({
      summary:
        "Reads the province's update feed for this station's channel; no request when the channel is off or no feed is configured.",
      input: z.strictObject({}),
      output: returns<UpdateStatus>(),
    }),
  },
  events: {},
});
