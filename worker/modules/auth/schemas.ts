import * as v from 'valibot';

/** Shared by tenant and platform sign-in. */
export const LoginInput = v.object({
  username: v.pipe(
    v.string('请填写用户名'),
    v.trim(),
    v.toLowerCase(),
    v.nonEmpty('请填写用户名'),
    v.maxLength(64, '用户名不能超过 64 个字符'),
  ),
  password: v.pipe(
    v.string('请填写密码'),
    v.nonEmpty('请填写密码'),
    v.maxLength(200, '密码不能超过 200 个字符'),
  ),
});

export type LoginInput = v.InferOutput<typeof LoginInput>;

/** At least 8 characters with a letter and a digit: short enough to type on a phone, long enough to resist guessing behind the lockout. */
export const NewPassword = v.pipe(
  v.string('请填写新密码'),
  v.minLength(8, '新密码至少 8 位'),
  v.maxLength(64, '新密码不能超过 64 位'),
  v.regex(/[A-Za-z]/, '新密码须包含字母'),
  v.regex(/\d/, '新密码须包含数字'),
);

export const ChangePasswordInput = v.pipe(
  v.object({
    currentPassword: v.pipe(
      v.string('请填写当前密码'),
      v.nonEmpty('请填写当前密码'),
      v.maxLength(200, '当前密码不正确'),
    ),
    newPassword: NewPassword,
  }),
  v.forward(
    v.check((input) => input.currentPassword !== input.newPassword, '新密码不能与当前密码相同'),
    ['newPassword'],
  ),
);

export type ChangePasswordInput = v.InferOutput<typeof ChangePasswordInput>;
