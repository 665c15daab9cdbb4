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
