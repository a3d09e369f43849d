import { insertGroup } from '../db/groups.js';
import type { Db } from '../db/schema.js';
import { userExists } from '../db/users.js';

// Rows written the way the calls write them, for a test that needs more than calls could make in
// good time: a thousand `POST /chatgroups` take seconds, the same rows a few milliseconds.

export interface GroupSpec {
  owner: string;
  members?: string[];
  name?: string;
}

/** Groups as `POST P/chatgroups` creates them (its defaults, its IDs); the users must exist. Returns the IDs in order. */
export function insertGroups(db: Db, specs: GroupSpec[], created = Date.now()): string[] {
  return db.transaction(() =>
    specs.map((g) => {
      for (const name of [g.owner, ...(g.members ?? [])]) if (!userExists(db, name)) throw new Error(`insertGroups: no user ${name}`);
      return insertGroup(db, {
        name: g.name ?? `g-${g.owner}`,
        description: '',
        public: true,
        membersonly: false,
        allowinvites: false,
        maxusers: 200,
        owner: g.owner,
        members: (g.members ?? []).filter((m) => m !== g.owner),
        custom: '',
        created,
      });
    }),
  )();
}
