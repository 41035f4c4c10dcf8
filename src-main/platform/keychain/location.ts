/**
 * Where the file keychain lives: the user's config folder, never the data folder (a backup or a
 * repair shop's copy of the data must not carry its key). `SOHOA_KEY_DIR` overrides it (tests,
 * and IT staff who keep keys on a separate volume).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOHOA_KEY_DIR) return resolve(env.SOHOA_KEY_DIR);
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SoHoa', 'keys');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'SoHoa', 'keys');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'sohoa', 'keys');
}
