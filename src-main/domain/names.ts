import { z } from 'zod';

/**
 * A name a person gives that may end up in a file name (export folders, document titles): no
 * path separators, no control characters, no `.`/`..`, bounded length.
 */
export const SafeNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/[/\\]/.test(s), { message: 'must not contain path separators (/ or \\)' })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    message: 'must not contain control characters',
  })
  .refine((s) => s !== '.' && s !== '..', { message: 'must not be . or ..' });
