/**
 * The trust store: root (and intermediate) CA certificates a signature chain may end at. It is a
 * folder of PEM or DER files. The app ships `resources/trust/`; IT staff add Vietnamese root CAs
 * there or in folders named by SOHOA_TRUST_DIR (separated like PATH), without rebuilding the app.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { delimiter, extname, join } from 'node:path';
import { resourcePath } from '../../platform/index.js';

export interface TrustStore {
  anchors: X509Certificate[];
  /** Files that were skipped because they hold no readable certificate. */
  rejected: { file: string; reason: string }[];
}

const certificateExtensions = new Set(['.pem', '.crt', '.cer', '.der']);
const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The shipped folder, then SOHOA_TRUST_DIR, then the caller's extra folders. */
export function trustStoreDirs(extra: readonly string[] = []): string[] {
  const fromEnv = (process.env.SOHOA_TRUST_DIR ?? '').split(delimiter).filter(Boolean);
  return [resourcePath('trust'), ...fromEnv, ...extra];
}

/** Every certificate in a file: one DER certificate, or any number of PEM blocks. */
export function readCertificates(bytes: Buffer): X509Certificate[] {
  const text = bytes.toString('latin1');
  const blocks = text.match(pemBlock);
  if (blocks) return blocks.map((block) => new X509Certificate(block));
  return [new X509Certificate(bytes)];
}

export function loadTrustStore(dirs: readonly string[]): TrustStore {
  const store: TrustStore = { anchors: [], rejected: [] };
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!certificateExtensions.has(extname(name).toLowerCase())) continue;
      const file = join(dir, name);
      try {
        for (const cert of readCertificates(readFileSync(file))) {
          if (seen.has(cert.fingerprint256)) continue;
          seen.add(cert.fingerprint256);
          store.anchors.push(cert);
        }
      } catch (error) {
        store.rejected.push({
          file,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return store;
}
