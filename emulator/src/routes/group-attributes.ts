import { Hono } from 'hono';
import { z } from 'zod';
import { roleOf, type GroupRow } from '../db/groups.js';
import { ImError } from '../http/errors.js';
import { normalizeUsername, parseBody, reply, type Ctx } from '../http/respond.js';
import type { Env } from '../http/types.js';
import { requireGroup } from './group-context.js';

export const MAX_KEY_BYTES = 16;
export const MAX_VALUE_BYTES = 512;
export const MAX_MEMBER_BYTES = 4096;
export const MAX_TARGETS = 10;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const metadataError = (description: string) => new ImError(400, 'metadata_error', description);

function requireMember(c: Ctx, g: GroupRow, raw: string): string {
  const name = normalizeUsername(raw);
  if (!roleOf(c.get('emu').db, g.groupid, name)) throw new ImError(404, 'MetadataException', 'user not in group');
  return name;
}

function attributesOf(c: Ctx, g: GroupRow, name: string, keys?: string[]): Record<string, string> {
  const rows = c
    .get('emu')
    .db.prepare('SELECT key, value FROM group_member_attributes WHERE groupid = ? AND username = ? ORDER BY key')
    .all(g.groupid, name) as { key: string; value: string }[];
  const wanted = keys && keys.length > 0 ? new Set(keys) : undefined;
  return Object.fromEntries(rows.filter((r) => !wanted || wanted.has(r.key)).map((r) => [r.key, r.value]));
}

export const groupAttributeRoutes = new Hono<Env>()
  .put('/metadata/chatgroup/:groupId/user/:username', async (c) => {
    const { db } = c.get('emu');
    const { metaData } = await parseBody(c, z.object({ metaData: z.record(z.string(), z.string()) }));
    const g = requireGroup(c);
    const name = requireMember(c, g, c.req.param('username'));
    for (const [key, value] of Object.entries(metaData)) {
      if (key.length === 0 || bytes(key) > MAX_KEY_BYTES) throw metadataError('exceeds chatgroup user metadata single key limit');
      if (bytes(value) > MAX_VALUE_BYTES) throw metadataError('exceeds chatgroup user metadata single value limit');
    }
    db.transaction(() => {
      const upsert = db.prepare(
        'INSERT INTO group_member_attributes (groupid, username, key, value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
      );
      const remove = db.prepare('DELETE FROM group_member_attributes WHERE groupid = ? AND username = ? AND key = ?');
      for (const [key, value] of Object.entries(metaData)) {
        // An empty value deletes the key.
        if (value === '') remove.run(g.groupid, name, key);
        else upsert.run(g.groupid, name, key, value);
      }
      const total = Object.entries(attributesOf(c, g, name)).reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
      if (total > MAX_MEMBER_BYTES) throw metadataError('exceeds chatgroup user metadata total size limit');
    })();
    return reply(c, { data: metaData });
  })

  .get('/metadata/chatgroup/:groupId/user/:username', (c) => {
    const g = requireGroup(c);
    const name = requireMember(c, g, c.req.param('username'));
    return reply(c, { data: attributesOf(c, g, name) });
  })

  .post('/metadata/chatgroup/:groupId/get', async (c) => {
    const { targets, properties } = await parseBody(
      c,
      z.object({ targets: z.array(z.string()).min(1), properties: z.array(z.string()).default([]) }),
    );
    if (targets.length > MAX_TARGETS) throw metadataError('query param reaches limit.');
    const g = requireGroup(c);
    const data: Record<string, Record<string, string>> = {};
    for (const raw of targets) {
      const name = normalizeUsername(raw);
      if (roleOf(c.get('emu').db, g.groupid, name)) data[name] = attributesOf(c, g, name, properties);
    }
    return reply(c, { data });
  });
