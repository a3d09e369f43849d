import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_ADMINS, roleOf } from '../db/groups.js';
import { ImError, errors } from '../http/errors.js';
import { envelope, normalizeUsername, parseBody } from '../http/respond.js';
import type { Env } from '../http/types.js';
import { requireGroup } from './group-context.js';

export const groupAdminRoutes = new Hono<Env>()
  .get('/chatgroups/:groupId/admin', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c);
    const admins = db
      .prepare("SELECT username FROM group_members WHERE groupid = ? AND role = 'admin' ORDER BY seq")
      .pluck()
      .all(g.groupid) as string[];
    return envelope(c, 'get', { data: admins, count: admins.length });
  })

  .post('/chatgroups/:groupId/admin', async (c) => {
    const { db } = c.get('emu');
    const { newadmin } = await parseBody(c, z.object({ newadmin: z.string().min(1) }));
    const g = requireGroup(c);
    const name = normalizeUsername(newadmin);
    db.transaction(() => {
      const role = roleOf(db, g.groupid, name);
      if (!role) throw new ImError(404, 'resource_not_found', `user: ${newadmin} doesn't exist in group: ${g.groupid}`);
      if (role === 'owner') throw errors.onOwner();
      if (role === 'admin') throw new ImError(403, 'forbidden_op', `user: ${newadmin} is already admin of group: ${g.groupid}`);
      const { n } = db.prepare("SELECT COUNT(*) AS n FROM group_members WHERE groupid = ? AND role = 'admin'").get(g.groupid) as { n: number };
      if (n >= MAX_ADMINS) throw new ImError(403, 'exceed_limit', `admin count exceed limit : ${MAX_ADMINS}`);
      db.prepare("UPDATE group_members SET role = 'admin' WHERE groupid = ? AND username = ?").run(g.groupid, name);
    })();
    return envelope(c, 'post', { properties: {}, data: { result: 'success', newadmin: name } });
  })

  .delete('/chatgroups/:groupId/admin/:username', (c) => {
    const { db } = c.get('emu');
    const g = requireGroup(c);
    const raw = c.req.param('username');
    const name = normalizeUsername(raw);
    if (roleOf(db, g.groupid, name) !== 'admin') {
      throw new ImError(403, 'forbidden_op', `user:${raw} is not admin of group:${g.groupid}`);
    }
    db.prepare("UPDATE group_members SET role = 'member' WHERE groupid = ? AND username = ?").run(g.groupid, name);
    return envelope(c, 'delete', { data: { result: 'success', oldadmin: name } });
  });
