/**
 * Removes secrets from what leaves the station in a support bundle. Two nets: values under keys
 * that name a secret (password, secret, token, pin, key, cookie, authorization…), and every
 * occurrence of a secret value known to the station (the gateway client secret, secret-named
 * environment variables) wherever it appears — a secret pasted into a log message has no key.
 * URL user-info and bearer tokens are cut from any text as well.
 */
export const REDACTED = '[redacted]';

const SECRET_NAME =
  /pass(word|phrase)?|secret|token|pin$|^pin|apikey|api_key|private|credential|cookie|authori[sz]ation/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export class Redactor {
  readonly #values: string[];

  /** @param knownSecrets values to cut wherever they appear (short ones are ignored as noise) */
  constructor(knownSecrets: Iterable<string | undefined>) {
    const values = new Set<string>();
    for (const v of knownSecrets) if (v && v.trim().length >= 4) values.add(v.trim());
    // Longest first, so a secret containing another is cut whole.
    this.#values = [...values].sort((a, b) => b.length - a.length);
  }

  text(input: string): string {
    let out = input;
    for (const v of this.#values) out = out.split(v).join(REDACTED);
    return out
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(:[^\s/@]*)?@/gi, `$1${REDACTED}@`)
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
  }

  /** A JSON value with secret-named keys blanked and every string passed through `text`. */
  value(input: unknown): unknown {
    if (typeof input === 'string') return this.text(input);
    if (Array.isArray(input)) return input.map((v) => this.value(v));
    if (input !== null && typeof input === 'object') {
      return Object.fromEntries(
        Object.entries(input).map(([k, v]) => [k, isSecretName(k) ? REDACTED : this.value(v)]),
      );
    }
    return input;
  }

  /** A file's text: JSON documents and JSON-lines logs key by key, anything else as text. */
  file(content: string): string {
    try {
      return `${JSON.stringify(this.value(JSON.parse(content)), null, 2)}\n`;
    } catch {
      return content
        .split('\n')
        .map((line) => {
          if (!line.startsWith('{')) return this.text(line);
          try {
            return JSON.stringify(this.value(JSON.parse(line)));
          } catch {
            return this.text(line);
          }
        })
        .join('\n');
    }
  }
}
