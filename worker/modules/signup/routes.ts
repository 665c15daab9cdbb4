import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { limitByClient, SIGNUP_LIMITS } from '../../middleware/rate-limit';
import { jsonBody } from '../../validation';
import { SignupInput } from './schemas';
import { submitSignup } from './submit';

export const signupRoutes = new Hono<AppEnv>().post(
  '/signup',
  limitByClient('signup', SIGNUP_LIMITS, 'control'),
  async (c) => {
    const input = await jsonBody(c, SignupInput);
    const application = await submitSignup(
      { control: c.get('control'), requestId: c.get('requestId') },
      input,
    );
    return c.json({ application }, 201);
  },
);
