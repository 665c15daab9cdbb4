import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../worker/errors';
import { isModuleKey } from '../../worker/middleware/module-gate';

describe('errors and module keys', () => {
  it('knows the four modules', () => {
    expect(['teaching', 'study', 'management', 'safety'].every(isModuleKey)).toBe(true);
    expect(isModuleKey('auth')).toBe(false);
  });

  it('gives every error code a status and a Chinese message', () => {
    for (const [code, [status, message]] of Object.entries(ERROR_CODES)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(message, code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new AppError('MODULE_DISABLED').status).toBe(403);
  });
});
