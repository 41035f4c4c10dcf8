/**
 * `sohoa accounts list | add | disable | enable | unlock | reset-password | role`: local clerk
 * accounts from the command line. Whoever runs it owns the data directory, so it acts as an
 * administrator; this is how IT creates the first administrator (`add NAME --admin`) before
 * switching a station to `security.identity: "local"`. Passwords come from `--password-env VAR`
 * or a prompt that does not echo.
 */
import { z } from 'zod';
import type { Account } from '../../domain/index.js';
import {
  AppError,
  DisplayNameSchema,
  PasswordSchema,
  RoleSchema,
  UsernameSchema,
  invalidInput,
} from '../../domain/index.js';
import { createCore } from '../../core/index.js';
import { identityService, type IdentityService } from '../../core/identity/index.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { promptHidden, readSecret } from '../secret.js';
import { cliActor } from './dossier.js';

const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  subject: { vi: string; en: string },
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(subject, parsed.error.issues);
  return parsed.data;
}

const usernameArg = (value: unknown): string =>
  parse(UsernameSchema, value, { vi: 'Tên đăng nhập', en: 'user name' });

async function newPassword(passwordEnv: string | undefined): Promise<string> {
  const env =
    passwordEnv === undefined
      ? undefined
      : parse(envName, passwordEnv, { vi: 'Tùy chọn --password-env', en: '--password-env' });
  const value = await readSecret(env, {
    vi: 'mật khẩu mới',
    en: 'new password',
    flag: '--password-env',
  });
  const password = parse(PasswordSchema, value, { vi: 'Mật khẩu', en: 'password' });
  // Typed blind at a terminal: ask twice, so a typo does not lock the clerk out.
  if (env === undefined && (await promptHidden('Nhập lại / Repeat: ')) !== value) {
    throw new AppError('VALIDATION', {
      vi: 'Hai lần nhập mật khẩu không giống nhau',
      en: 'The two passwords differ',
    });
  }
  return password;
}

function line(a: Account): string {
  const state = a.disabled
    ? 'vô hiệu hóa / disabled'
    : a.lockedUntil && a.lockedUntil > new Date().toISOString()
      ? `khóa đến / locked until ${a.lockedUntil}`
      : 'hoạt động / active';
  return `${a.username.padEnd(20)} ${a.role.padEnd(6)} ${state.padEnd(28)} ${a.displayName}`;
}

async function withIdentity<T>(
  ctx: CliContext,
  fn: (identity: IdentityService) => Promise<T>,
): Promise<T> {
  const core = createCore({ dataDir: ctx.dataDir() });
  try {
    return await fn(core.use(identityService));
  } finally {
    await core.close();
  }
}

function report(ctx: CliContext, json: boolean | undefined, account: Account, done: string): void {
  if (json) ctx.printJson(account);
  else ctx.print(`${done}: ${line(account)}`);
}

export const registerAccounts: RegisterCommands = (program, ctx) => {
  const accounts = program
    .command('accounts')
    .description('tài khoản cán bộ (đăng nhập cục bộ) / clerk accounts (local sign-in)');

  accounts
    .command('list')
    .description('liệt kê tài khoản / list accounts')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const list = await withIdentity(ctx, (identity) => identity.listAccounts());
      if (o.json) ctx.printJson(list);
      else if (list.length === 0) ctx.print('Chưa có tài khoản / No accounts yet');
      else for (const a of list) ctx.print(line(a));
    });

  accounts
    .command('add')
    .description('thêm tài khoản / add an account')
    .argument('<username>', 'tên đăng nhập (a-z, 0-9, . _ -)')
    .requiredOption('--name <displayName>', 'họ tên cán bộ / full name')
    .option('--admin', 'vai trò quản trị viên / administrator role')
    .option('--password-env <VAR>', 'biến môi trường chứa mật khẩu / variable holding the password')
    .option('--json', 'machine-readable output')
    .action(
      async (
        username: string,
        o: { name: string; admin?: boolean; passwordEnv?: string; json?: boolean },
      ) => {
        const input = {
          username: usernameArg(username),
          displayName: parse(DisplayNameSchema, o.name, { vi: 'Họ tên', en: 'full name' }),
          role: o.admin ? ('admin' as const) : ('clerk' as const),
          password: await newPassword(o.passwordEnv),
        };
        const account = await withIdentity(ctx, (identity) =>
          identity.addAccount(input, cliActor()),
        );
        report(ctx, o.json, account, 'Đã thêm / Added');
      },
    );

  const simple = (
    name: string,
    description: string,
    done: string,
    act: (identity: IdentityService, username: string) => Promise<Account>,
  ) =>
    accounts
      .command(name)
      .description(description)
      .argument('<username>')
      .option('--json', 'machine-readable output')
      .action(async (username: string, o: { json?: boolean }) => {
        const checked = usernameArg(username);
        const account = await withIdentity(ctx, (identity) => act(identity, checked));
        report(ctx, o.json, account, done);
      });

  simple(
    'disable',
    'vô hiệu hóa tài khoản / disable an account',
    'Đã vô hiệu hóa / Disabled',
    (i, u) => i.setDisabled(u, true, cliActor()),
  );
  simple('enable', 'bật lại tài khoản / enable an account', 'Đã bật lại / Enabled', (i, u) =>
    i.setDisabled(u, false, cliActor()),
  );
  simple(
    'unlock',
    'mở khóa tài khoản bị khóa do sai mật khẩu / lift a wrong-password lock',
    'Đã mở khóa / Unlocked',
    (i, u) => i.unlockAccount(u, cliActor()),
  );

  accounts
    .command('reset-password')
    .description('đặt lại mật khẩu / reset the password')
    .argument('<username>')
    .option('--password-env <VAR>', 'biến môi trường chứa mật khẩu mới')
    .option('--json', 'machine-readable output')
    .action(async (username: string, o: { passwordEnv?: string; json?: boolean }) => {
      const checked = usernameArg(username);
      const password = await newPassword(o.passwordEnv);
      const account = await withIdentity(ctx, (identity) =>
        identity.resetPassword(checked, password, cliActor()),
      );
      report(ctx, o.json, account, 'Đã đặt lại mật khẩu / Password reset');
    });

  accounts
    .command('role')
    .description('đổi vai trò / change the role')
    .argument('<username>')
    .argument('<role>', 'admin | clerk')
    .option('--json', 'machine-readable output')
    .action(async (username: string, role: string, o: { json?: boolean }) => {
      const checked = usernameArg(username);
      const parsedRole = parse(RoleSchema, role, { vi: 'Vai trò', en: 'role' });
      const account = await withIdentity(ctx, (identity) =>
        identity.setRole(checked, parsedRole, cliActor()),
      );
      report(ctx, o.json, account, 'Đã đổi vai trò / Role changed');
    });
};
