import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { serveFile } from '../../files';
import { pathId } from '../../validation';
import { getBoard, publicInspectorPhotoKey } from './get-board';
import { publicContext } from './public-context';

/** The public board (挂牌督导公示): no sign-in; only what a board at the gate shows. */
export const boardRoutes = new Hono<AppEnv>()
  .get('/public/units/:id/board', async (c) => {
    const id = pathId(c);
    return c.json(await getBoard(publicContext(c), id));
  })
  .get('/public/inspectors/:id/photo', async (c) => {
    const id = pathId(c);
    return serveFile(c, await publicInspectorPhotoKey(publicContext(c), id), 'public');
  });
