/**
 * Secrets on the command line (passwords, PINs): from a named environment variable or, on a
 * terminal, from a prompt that does not echo — never from an argument (shell history, `ps`).
 */
import { AppError } from '../domain/index.js';

/** Reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  return new Promise((resolvePrompt, reject) => {
    let value = '';
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: AppError) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolvePrompt(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') {
          return finish(new AppError('CANCELLED', { vi: 'Đã hủy.', en: 'Cancelled.' }));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The secret from `envVar` when given, else prompted for on a terminal. */
export async function readSecret(
  envVar: string | undefined,
  what: { vi: string; en: string; flag: string },
): Promise<string> {
  if (envVar !== undefined) {
    const value = process.env[envVar];
    if (!value) {
      throw new AppError(
        'VALIDATION',
        {
          vi: `Biến môi trường ${envVar} (${what.vi}) chưa được đặt.`,
          en: `The environment variable ${envVar} (${what.en}) is not set.`,
        },
        { details: { variable: envVar } },
      );
    }
    return value;
  }
  if (process.stdin.isTTY) return promptHidden(`${what.vi} / ${what.en}: `);
  throw new AppError('VALIDATION', {
    vi: `Cần ${what.vi}: dùng ${what.flag} TÊN_BIẾN hoặc chạy trong cửa sổ dòng lệnh để nhập.`,
    en: `The ${what.en} is needed: pass ${what.flag} VAR or run in a terminal to be prompted.`,
  });
}
