/** Sign-in, first-run and lock-screen strings (namespace `auth`): Vietnamese first. */
import { defineTexts } from '../workflow/scan/index.js';

const vi = {
  checking: 'Đang kiểm tra phiên làm việc…',
  signInTitle: 'Đăng nhập',
  signInIntro: 'Máy trạm dùng chung: mỗi cán bộ đăng nhập bằng tài khoản của mình.',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  firstRunTitle: 'Tạo tài khoản quản trị đầu tiên',
  firstRunIntro:
    'Máy trạm chưa có tài khoản nào. Tài khoản này quản lý tài khoản của các cán bộ khác.',
  displayName: 'Họ và tên',
  newPassword: 'Mật khẩu (ít nhất {{min}} ký tự)',
  repeatPassword: 'Nhập lại mật khẩu',
  passwordsDiffer: 'Hai mật khẩu không giống nhau.',
  passwordTooShort: 'Mật khẩu cần ít nhất {{min}} ký tự.',
  createAdmin: 'Tạo tài khoản và đăng nhập',
  lockedTitle: 'Màn hình đã khóa',
  lockedIntro: 'Màn hình tự khóa khi không có thao tác để bảo vệ dữ liệu của công dân.',
  lockedAs: 'Đang làm việc: {{name}} ({{username}})',
  unlock: 'Mở khóa',
  unlocking: 'Đang mở khóa…',
  continueAs: 'Tiếp tục với tên {{username}}',
  switchClerk: 'Đăng xuất (cán bộ khác dùng máy)',
  clerk: 'Cán bộ: {{name}}',
  roleAdmin: 'quản trị viên',
  lockNow: 'Khóa màn hình',
  signOut: 'Đăng xuất',
  sessionBar: 'Phiên làm việc',
} as const;

const en: Record<keyof typeof vi, string> = {
  checking: 'Checking the session…',
  signInTitle: 'Sign in',
  signInIntro: 'A shared workstation: every clerk signs in with their own account.',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  firstRunTitle: 'Create the first administrator',
  firstRunIntro:
    "The workstation has no account yet. This account manages the other clerks' accounts.",
  displayName: 'Full name',
  newPassword: 'Password (at least {{min}} characters)',
  repeatPassword: 'Repeat the password',
  passwordsDiffer: 'The two passwords differ.',
  passwordTooShort: 'The password needs at least {{min}} characters.',
  createAdmin: 'Create the account and sign in',
  lockedTitle: 'Screen locked',
  lockedIntro: "The screen locks when idle to protect citizens' data.",
  lockedAs: 'Working: {{name}} ({{username}})',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  continueAs: 'Continue as {{username}}',
  switchClerk: 'Sign out (another clerk takes over)',
  clerk: 'Clerk: {{name}}',
  roleAdmin: 'administrator',
  lockNow: 'Lock screen',
  signOut: 'Sign out',
  sessionBar: 'Session',
};

export const useAuthTexts = defineTexts('auth', vi, en);
export type AuthTexts = ReturnType<typeof useAuthTexts>;
