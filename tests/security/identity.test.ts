/**
 * Clerk identity over the real transports: browser-mode HTTP on 127.0.0.1 (station token +
 * session cookie) and the dispatcher Electron's IPC uses. Local mode is switched on the way IT
 * does it (configuration), on a real SQLite store in a temp dir.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDispatcher,
  startHttpServer,
  type RunningHttpServer,
} from '../../src-main/api/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';
import { isAppError } from '../../src-main/domain/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import type { Store } from '../../src-main/store/index.js';

const TOKEN = 'station-token-identity';
const ADMIN_PASSWORD = 'quan-tri-vien-2026';
const CLERK_PASSWORD = 'can-bo-mot-cua';

interface Answer {
  status: number;
  cookie: string | undefined;
  result?: Record<string, unknown> & Array<Record<string, unknown>>;
  error?: { code: string; message: string; messageVi: string };
}

interface Station {
  dir: string;
  core: Core;
  server: RunningHttpServer;
  call(method: string, input?: unknown, session?: string): Promise<Answer>;
  close(): Promise<void>;
}

/** `userConfig`: the data folder's config.json, which anyone at the PC can write. */
async function station(env: Record<string, string>, userConfig?: object): Promise<Station> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-identity-'));
  if (userConfig) {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'config.json'), JSON.stringify(userConfig));
  }
  const core = createCore({
    dataDir: join(dir, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'machine.json'), ...env },
  });
  const server = await startHttpServer({ core, token: TOKEN, port: 0, rendererDir: dir });
  return {
    dir,
    core,
    server,
    async call(method, input = {}, session) {
      const res = await fetch(new URL(`/api/call/${method}`, server.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          ...(session ? { cookie: session } : {}),
        },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as Omit<Answer, 'status' | 'cookie'>;
      const setCookie = res.headers.get('set-cookie');
      return { status: res.status, cookie: setCookie?.split(';')[0], ...body };
    },
    async close() {
      await server.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The core's own store (the database is encrypted at rest; only the core holds the key). */
const storeOf = (s: Station): Promise<Store> => s.core.use(storeService);

function expectRefusal(answer: Answer, status: number, code: string, vi: RegExp, en: RegExp) {
  expect(answer.status, JSON.stringify(answer)).toBe(status);
  expect(answer.error?.code).toBe(code);
  expect(answer.error?.messageVi).toMatch(vi);
  expect(answer.error?.message).toMatch(en);
}

/** The OS account is a clerk under IT's default policy: retention stays an administrator's. */
async function expectOsClerk(s: Station) {
  expect((await s.call('auth.status')).result).toMatchObject({
    mode: 'os',
    clerk: { username: userInfo().username, role: 'clerk', source: 'os' },
    idleLockSeconds: 600,
  });
  expectRefusal(
    await s.call('retention.preview'),
    403,
    'FORBIDDEN',
    /Chỉ quản trị viên/,
    /Only an administrator/,
  );
}

describe('local identity mode over HTTP', () => {
  let s: Station;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    s = await station({
      SOHOA_SECURITY_IDENTITY: 'local',
      SOHOA_SECURITY_MAX_FAILED_ATTEMPTS: '3',
      SOHOA_SECURITY_LOCKOUT_MINUTES: '15',
    });
  });
  afterAll(async () => s.close());

  it('starts at first run: nothing but the auth methods answer until someone signs in', async () => {
    const status = await s.call('auth.status');
    expect(status.result).toMatchObject({ mode: 'local', firstRun: true, clerk: null });
    expectRefusal(
      await s.call('dossier.list'),
      401,
      'SIGN_IN_REQUIRED',
      /Cần đăng nhập/,
      /Sign in/,
    );
  });

  it('creates the first administrator once, signed in by an HttpOnly session cookie', async () => {
    const weak = await s.call('auth.setupAdmin', {
      username: 'admin',
      displayName: 'Quản trị',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.error?.messageVi).toContain('password');

    const setup = await s.call('auth.setupAdmin', {
      username: 'Admin',
      displayName: 'Trần Quản Trị',
      password: ADMIN_PASSWORD,
    });
    expect(setup.status).toBe(200);
    expect(setup.result).toMatchObject({
      mode: 'local',
      firstRun: false,
      locked: false,
      clerk: { username: 'admin', role: 'admin', source: 'local' },
    });
    expect(setup.cookie).toMatch(/^sohoa_session=/);
    admin = setup.cookie as string;
    expect(JSON.stringify(setup.result)).not.toContain(admin.split('=')[1]);

    const again = await s.call('auth.setupAdmin', {
      username: 'other',
      displayName: 'Khác',
      password: ADMIN_PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe('SETUP_CONFLICT');
  });

  it('lets the administrator add a clerk, who then signs in', async () => {
    const added = await s.call(
      'accounts.add',
      { username: 'hoa', displayName: 'Lê Thị Hoa', password: CLERK_PASSWORD },
      admin,
    );
    expect(added.status).toBe(200);
    expect(added.result).toMatchObject({ username: 'hoa', role: 'clerk', disabled: false });
    expect(JSON.stringify(added.result)).not.toContain('argon2');

    const signIn = await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.result).toMatchObject({ clerk: { username: 'hoa', role: 'clerk' } });
    clerk = signIn.cookie as string;
    expect((await s.call('dossier.list', {}, clerk)).status).toBe(200);
  });

  it('stores argon2id hashes and session digests, never a password or a token', async () => {
    const { db } = await storeOf(s);
    const hashes = db.prepare('SELECT password_hash FROM accounts').all() as Array<{
      password_hash: string;
    }>;
    expect(hashes).toHaveLength(2);
    for (const h of hashes) expect(h.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const sessions = db.prepare('SELECT token_sha256 FROM auth_sessions').all() as Array<{
      token_sha256: string;
    }>;
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const tokens = [admin, clerk].map((c) => decodeURIComponent(c.split('=')[1] as string));
    for (const row of sessions) {
      expect(row.token_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(tokens).not.toContain(row.token_sha256);
    }
  });

  it('answers a wrong password with a clear message in both languages', async () => {
    expectRefusal(
      await s.call('auth.signIn', { username: 'hoa', password: 'not-her-password' }),
      401,
      'SIGN_IN_FAILED',
      /^Sai tên đăng nhập hoặc mật khẩu$/,
      /^Wrong user name or password$/,
    );
    // An unknown name gets the very same answer (no hint which names exist).
    expectRefusal(
      await s.call('auth.signIn', { username: 'nobody', password: 'whatever-1234' }),
      401,
      'SIGN_IN_FAILED',
      /^Sai tên đăng nhập hoặc mật khẩu$/,
      /^Wrong user name or password$/,
    );
  });

  it('keeps a clerk out of account and retention management: 403 FORBIDDEN', async () => {
    for (const [method, input] of [
      ['accounts.list', {}],
      ['accounts.add', { username: 'x1', displayName: 'X', password: CLERK_PASSWORD }],
      ['accounts.setRole', { username: 'hoa', role: 'admin' }],
      ['retention.preview', {}],
      ['retention.purge', { afterDays: 1 }],
    ] as const) {
      expectRefusal(
        await s.call(method, input, clerk),
        403,
        'FORBIDDEN',
        /Chỉ quản trị viên/,
        /Only an administrator/,
      );
    }
    // …while the administrator may.
    expect((await s.call('accounts.list', {}, admin)).result?.map((a) => a.username)).toEqual([
      'admin',
      'hoa',
    ]);
    expect((await s.call('retention.preview', { afterDays: 30 }, admin)).status).toBe(200);
    // A clerk's other settings are still theirs to change.
    expect((await s.call('config.set', { patch: { ui: { language: 'en' } } }, clerk)).status).toBe(
      200,
    );
  });

  it('locks the account after repeated wrong passwords until the time passes or an admin unlocks it', async () => {
    await s.call('auth.signIn', { username: 'hoa', password: 'wrong-1-xxxxx' });
    await s.call('auth.signIn', { username: 'hoa', password: 'wrong-2-xxxxx' });
    const third = await s.call('auth.signIn', { username: 'hoa', password: 'wrong-3-xxxxx' });
    expectRefusal(
      third,
      423,
      'ACCOUNT_LOCKED',
      /"hoa" bị khóa tạm thời.*Thử lại sau \d\d:\d\d hoặc nhờ quản trị viên mở khóa/,
      /"hoa" is locked after too many wrong passwords.*Try again after \d\d:\d\d/,
    );
    // Even the right password is refused while locked.
    expect(
      (await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD })).error?.code,
    ).toBe('ACCOUNT_LOCKED');

    // The lock lifts by itself once its time has passed…
    (await storeOf(s)).db
      .prepare("UPDATE accounts SET locked_until = ? WHERE username = 'hoa'")
      .run(new Date(Date.now() - 1000).toISOString());
    expect(
      (await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD })).status,
    ).toBe(200);
    // …or sooner, when an administrator lifts it.
    for (const attempt of ['wrong-4-xxxxx', 'wrong-5-xxxxx', 'wrong-6-xxxxx'])
      await s.call('auth.signIn', { username: 'hoa', password: attempt });
    expect(
      (await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD })).error?.code,
    ).toBe('ACCOUNT_LOCKED');
    const unlocked = await s.call('accounts.unlock', { username: 'hoa' }, admin);
    expect(unlocked.result).toMatchObject({ failedAttempts: 0 });
    const back = await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD });
    expect(back.status).toBe(200);
    clerk = back.cookie as string;
  });

  it('locks the screen: only unlock with the own password (or sign-out) is accepted', async () => {
    const locked = await s.call('auth.lock', {}, clerk);
    expect(locked.result).toMatchObject({ locked: true, clerk: { username: 'hoa' } });
    expectRefusal(
      await s.call('dossier.list', {}, clerk),
      423,
      'SESSION_LOCKED',
      /Màn hình đang khóa/,
      /The screen is locked/,
    );
    expectRefusal(
      await s.call('auth.unlock', { password: ADMIN_PASSWORD }, clerk),
      401,
      'SIGN_IN_FAILED',
      /Sai/,
      /Wrong/,
    );
    const open = await s.call('auth.unlock', { password: CLERK_PASSWORD }, clerk);
    expect(open.result).toMatchObject({ locked: false });
    expect((await s.call('dossier.list', {}, clerk)).status).toBe(200);
  });

  it('answers an expired session with a clear message in both languages', async () => {
    const signIn = await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD });
    const session = signIn.cookie as string;
    // Time passes: the session's end is now in the past.
    (await storeOf(s)).db
      .prepare('UPDATE auth_sessions SET expires_at = ?')
      .run(new Date(Date.now() - 60_000).toISOString());
    expectRefusal(
      await s.call('dossier.list', {}, session),
      401,
      'SESSION_EXPIRED',
      /^Phiên làm việc đã hết hạn; vui lòng đăng nhập lại$/,
      /^Your session has expired; please sign in again$/,
    );
    expect((await s.call('auth.status', {}, session)).result).toMatchObject({ clerk: null });
    admin = (await s.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }))
      .cookie as string;
  });

  it('ends a disabled clerk’s sessions and refuses the account with its own message', async () => {
    const session = (await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD }))
      .cookie as string;
    expect(
      (await s.call('accounts.setDisabled', { username: 'hoa', disabled: true }, admin)).status,
    ).toBe(200);
    expect((await s.call('dossier.list', {}, session)).error?.code).toBe('SIGN_IN_REQUIRED');
    expectRefusal(
      await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD }),
      403,
      'ACCOUNT_DISABLED',
      /"hoa" đã bị vô hiệu hóa; liên hệ quản trị viên/,
      /"hoa" is disabled; contact an administrator/,
    );
    // The last active administrator cannot be removed.
    const last = await s.call('accounts.setDisabled', { username: 'admin', disabled: true }, admin);
    expect(last.status).toBe(409);
    expect(last.error?.messageVi).toContain('quản trị viên cuối cùng');
    await s.call('accounts.setDisabled', { username: 'hoa', disabled: false }, admin);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const session = (await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD }))
      .cookie as string;
    // Even from the lock screen (another clerk takes over the counter).
    await s.call('auth.lock', {}, session);
    const out = await s.call('auth.signOut', {}, session);
    expect(out.status).toBe(200);
    expect(out.cookie).toBe('sohoa_session=');
    expect((await s.call('dossier.list', {}, session)).error?.code).toBe('SIGN_IN_REQUIRED');
  });

  it('names the clerk in every audit entry: her dossier work and the account work', async () => {
    const session = (await s.call('auth.signIn', { username: 'hoa', password: CLERK_PASSWORD }))
      .cookie as string;
    const created = await s.call(
      'dossier.create',
      { MaTTHC: '1.001193', ChuHoSo: 'Vũ Văn Dân', NoiNopHoSo: '000.00.06.H56' },
      session,
    );
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    const store = await storeOf(s);
    const dossierRows = store.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'dossier.create'")
      .all() as Array<{ actor: string }>;
    expect(dossierRows.map((r) => r.actor)).toEqual(['browser:hoa']);
    const rows = store.db
      .prepare("SELECT actor, action, details FROM audit_log WHERE action LIKE 'a%' ORDER BY seq")
      .all() as Array<{ actor: string; action: string; details: string }>;
    const byAction = (action: string) => rows.filter((r) => r.action === action);
    expect(byAction('account.add').map((r) => r.actor)).toEqual(['browser:admin', 'browser:admin']);
    expect(byAction('auth.signIn').map((r) => r.actor)).toContain('browser:hoa');
    expect(byAction('auth.lock').map((r) => r.actor)).toEqual(['browser:hoa', 'browser:hoa']);
    expect(byAction('auth.signOut').map((r) => r.actor)).toEqual(['browser:hoa']);
    expect(byAction('auth.unlock').map((r) => r.actor)).toEqual(['browser:hoa']);
    expect(byAction('account.lockedOut').map((r) => r.actor)).toEqual([
      'browser:hoa',
      'browser:hoa',
    ]);
    expect(byAction('account.unlock').map((r) => r.actor)).toEqual(['browser:admin']);
    expect(byAction('account.disable').map((r) => r.actor)).toEqual(['browser:admin']);
    expect(JSON.stringify(rows)).not.toContain(CLERK_PASSWORD);
    expect(store.audit.verify().ok).toBe(true);
  });
});

describe('local identity mode over the Electron IPC dispatcher', () => {
  let s: Station;
  beforeAll(async () => {
    s = await station({ SOHOA_SECURITY_IDENTITY: 'local' });
    await s.call('auth.setupAdmin', {
      username: 'admin',
      displayName: 'Quản trị',
      password: ADMIN_PASSWORD,
    });
  });
  afterAll(async () => s.close());

  it('keeps the session in the channel and refuses a clerk account management with FORBIDDEN', async () => {
    const admin = (await s.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }))
      .cookie as string;
    await s.call(
      'accounts.add',
      { username: 'minh', displayName: 'Phạm Minh', password: CLERK_PASSWORD },
      admin,
    );

    const ipc = createDispatcher(s.core, 'electron');
    const refusal = async (method: string, input: unknown) => {
      try {
        await ipc(method, input);
      } catch (error) {
        return isAppError(error) ? error.toJSON() : error;
      }
      throw new Error(`${method} was not refused`);
    };
    expect(await refusal('dossier.list', {})).toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    await ipc('auth.signIn', { username: 'minh', password: CLERK_PASSWORD });
    expect(await ipc('dossier.list', {})).toBeDefined();
    expect(await refusal('accounts.list', {})).toMatchObject({
      code: 'FORBIDDEN',
      messageVi: expect.stringContaining('Chỉ quản trị viên'),
    });
    expect(await refusal('retention.purge', {})).toMatchObject({ code: 'FORBIDDEN' });
    // A second window (another dispatcher) has its own, empty session.
    const other = createDispatcher(s.core, 'electron');
    expect(await other('auth.status', {})).toMatchObject({ clerk: null });
  });
});

describe('os identity mode (the default)', () => {
  let s: Station;
  beforeAll(async () => {
    s = await station({});
  });
  afterAll(async () => s.close());

  it('takes the OS account as the clerk with no sign-in, as a clerk unless IT lists it', async () => {
    await expectOsClerk(s);
    expect((await s.call('dossier.list')).status).toBe(200);
  });
});

describe('os identity mode with the OS account listed as administrator', () => {
  let s: Station;
  beforeAll(async () => {
    s = await station({ SOHOA_SECURITY_OS_ADMINS: JSON.stringify([userInfo().username]) });
  });
  afterAll(async () => s.close());

  it('grants the administrator role', async () => {
    expect((await s.call('auth.status')).result).toMatchObject({ clerk: { role: 'admin' } });
    const preview = await s.call('retention.preview', { afterDays: 90 });
    expect(preview.status).toBe(200);
    expect(preview.result).toMatchObject({ dryRun: true, afterDays: 90, dossiers: [] });
  });

  it('still cannot change the security settings through the app: only IT sets them', async () => {
    expectRefusal(
      await s.call('config.set', { patch: { security: { identity: 'local' } } }),
      400,
      'VALIDATION',
      /mục security chỉ được đặt trong cấu hình máy .*machine\.json/,
      /security can only be set in the machine configuration .*machine\.json/,
    );
    expect(existsSync(join(s.dir, 'data', 'config.json'))).toBe(false);
    expect((await s.call('config.get')).result).toMatchObject({
      config: { security: { identity: 'os' } },
    });
  });
});

describe('os identity mode with security settings written into the data folder', () => {
  const forged = {
    ui: { language: 'en' },
    security: {
      osAdmins: [userInfo().username],
      maxFailedAttempts: 100,
      idleLockSeconds: 0,
    },
  };
  let s: Station;
  beforeAll(async () => {
    s = await station({}, forged);
  });
  afterAll(async () => s.close());

  it('keeps the account a clerk and the policy as IT set it; the ignored section is reported', async () => {
    await expectOsClerk(s);
    const view = (await s.call('config.get')).result as unknown as {
      config: { ui: { language: string }; security: { maxFailedAttempts: number } };
      layers: Array<{ kind: string; ignored?: string[] }>;
    };
    // the rest of the file still applies
    expect(view.config.ui.language).toBe('en');
    expect(view.config.security.maxFailedAttempts).toBe(5);
    expect(view.layers.find((l) => l.kind === 'user')?.ignored).toEqual(['security']);
    // the file is left as it is: IT moves the section, nothing the clerk wrote is lost
    expect(JSON.parse(readFileSync(join(s.dir, 'data', 'config.json'), 'utf8'))).toEqual(forged);
  });
});
