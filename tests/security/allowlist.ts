/** The reviewed explanations of Electronegativity findings, validated when read. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const allowlistPath = fileURLToPath(
  new URL('./electronegativity-allowlist.json', import.meta.url),
);

const reason = z.string().min(30, 'say why, in a sentence or more');

const allowlistSchema = z.strictObject({
  $comment: z.string(),
  excludedChecks: z.array(z.strictObject({ check: z.string().min(1), reason })),
  findings: z.array(
    z.strictObject({
      check: z.string().regex(/^[A-Z0-9_]+$/),
      severity: z.enum(['HIGH', 'MEDIUM']),
      file: z.string().min(1),
      /** Text the finding's sample contains (robust to line moves). */
      sample: z.string().min(1),
      reason,
      reviewed: z.string().min(1),
    }),
  ),
});

export type Allowlist = z.infer<typeof allowlistSchema>;
export type AllowlistEntry = Allowlist['findings'][number];

export function readAllowlist(): Allowlist {
  const parsed = allowlistSchema.safeParse(JSON.parse(readFileSync(allowlistPath, 'utf8')));
  if (!parsed.success)
    throw new Error(`${allowlistPath} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
