/**
 * Numbers that identify a citizen — CCCD (12 digits), the old CMND (9), a phone number (10,
 * leading 0) — masked in every log line. Error messages quote them so the clerk can fix a typo
 * (an invalid CCCD on finish, a rejected import), and the log files are read by IT staff and
 * outside technicians and copied into support bundles. Bare JSON numbers (sizes, counts) are
 * left alone: they follow a `:`, `,` or `[`, and masking them would break the line's JSON; so
 * are decimals and the digits inside hashes and codes.
 */
const PERSONAL_NUMBER = /(?<![\w:,[-])(?<!\d\.)(?:\d{12}|0\d{9}|\d{9})(?!\w|\.\d)/g;

export const MASKED_NUMBER = '[redacted]';

export function maskPersonalNumbers(line: string): string {
  return line.replace(PERSONAL_NUMBER, MASKED_NUMBER);
}
