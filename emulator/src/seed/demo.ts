import { groupIdFor } from '../db/groups.js';
import type { Db } from '../db/schema.js';

// Deterministic demo data: the same database on every machine, built in well under a second.

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USER_COUNT = 3200;
export const DEMO_GROUP_COUNT = 60;
/** Users the README points at, each a ready example of something. */
export const DEMO_FIXTURES = {
  manyFriends: 'alice',
  manyBlocks: 'bob',
  banned: 'mallory',
  bigGroupOwner: 'grace',
  bigGroupName: '全员大群 All Hands',
};

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-1${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}

const SURNAMES = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'gao'];
const GIVEN = ['wei', 'fang', 'na', 'min', 'jing', 'lei', 'qiang', 'yan', 'jie', 'tao', 'ming', 'chao', 'xiu', 'hui', 'ping', 'gang', 'yu', 'hong', 'bo', 'xin'];
const HANZI_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const HANZI_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '燕', '杰', '涛', '明', '超', '秀', '慧', '平', '刚', '宇', '红', '波', '欣'];
const LATIN_FIRST = ['emma', 'liam', 'olivia', 'noah', 'ava', 'lucas', 'mia', 'ethan', 'sofia', 'leo', 'chloe', 'mason', 'zoe', 'ryan', 'ivy', 'owen', 'nora', 'jack', 'lily', 'kai'];
const LATIN_LAST = ['smith', 'tan', 'nguyen', 'garcia', 'kim', 'muller', 'rossi', 'silva', 'ong', 'lee', 'khan', 'sato', 'lopez', 'brown', 'wong'];
const FIXED_USERS: [string, string][] = [
  ['alice', 'Alice 爱丽丝'],
  ['bob', 'Bob'],
  ['carol', '卡罗尔'],
  ['dave', 'Dave'],
  ['erin', 'Erin 艾琳'],
  ['frank', 'Frank'],
  ['grace', '格蕾丝 Grace'],
  ['mallory', 'Mallory'],
  ['trent', 'Trent'],
  ['peggy', '佩吉'],
];
const GROUP_TOPICS = [
  '产品讨论组', 'Weekend Hikers', '客服值班群', 'Design Review', '读书会', 'Android Devs', '前端技术交流', 'Marketing EMEA',
  '深圳同城', 'Board Games', '摄影爱好者', 'iOS Beta Testers', '跑步打卡', 'Customer Success', '家长群', 'Jazz Lovers',
  '美食分享', 'Release Train', '新员工入职', 'Kitchen Crew', '篮球队', 'Open Source', '考研互助', 'Travel Buddies',
];
const REMARKS = ['同事', '大学同学', 'Gym buddy', '客户', 'Neighbour', '表哥', 'Team lead', '老乡', 'Book club', '室友'];
const ATTRIBUTE_ROLES = ['主持人', 'moderator', '志愿者', 'speaker', '新人', 'VIP'];

export interface SeedOptions {
  org: string;
  app: string;
  /** Users in all (at least DEMO_USER_COUNT): the extra ones come after the demo's, plain and deterministic. */
  users?: number;
}

/** The name of the `i`-th user (0-based) past the demo's own: never one a demo name can take. */
export const extraUsername = (i: number) => `user-${String(i).padStart(6, '0')}`;

export function seedDemo(db: Db, opts: SeedOptions): void {
  const total = opts.users ?? DEMO_USER_COUNT;
  if (!Number.isInteger(total) || total < DEMO_USER_COUNT) throw new RangeError(`the demo seed needs at least ${DEMO_USER_COUNT} users, got ${total}`);
  const r = prng(20_261_125);
  const now = Date.now();
  const base = Date.UTC(2024, 0, 1);

  db.transaction(() => {
    // ---- users ----
    const names: string[] = [];
    const taken = new Set<string>();
    const insertUser = db.prepare(
      `INSERT INTO users (username, uuid, password, nickname, activated, online, created, modified,
         notification_display_style, notification_no_disturbing, notification_no_disturbing_start,
         notification_no_disturbing_end, notifier_name, device_token)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < DEMO_USER_COUNT; i++) {
      let username: string;
      let nickname: string;
      if (i < FIXED_USERS.length) {
        [username, nickname] = FIXED_USERS[i]!;
      } else if (r.chance(0.55)) {
        const s = r.int(0, SURNAMES.length - 1);
        const g = r.int(0, GIVEN.length - 1);
        username = `${SURNAMES[s]}${r.pick(['.', '_', ''])}${GIVEN[g]}`;
        nickname = r.chance(0.8) ? `${HANZI_SURNAMES[s]}${HANZI_GIVEN[g]}${r.chance(0.3) ? HANZI_GIVEN[r.int(0, 19)] : ''}` : username;
      } else {
        const first = r.pick(LATIN_FIRST);
        const last = r.pick(LATIN_LAST);
        username = `${first}${r.pick(['.', '_', '-'])}${last}`;
        nickname = `${first[0]!.toUpperCase()}${first.slice(1)} ${last[0]!.toUpperCase()}${last.slice(1)}`;
      }
      if (taken.has(username)) username = `${username}${r.int(1, 9999)}`;
      while (taken.has(username)) username = `${username}${r.int(0, 9)}`;
      taken.add(username);
      names.push(username);

      const created = base + i * 1_800_000 + r.int(0, 1_000_000);
      const banned = username === DEMO_FIXTURES.banned || (i >= FIXED_USERS.length && r.chance(0.03));
      const online = !banned && (username === 'alice' || r.chance(0.15));
      const push = r.chance(0.3);
      const dnd = r.chance(0.1);
      insertUser.run(
        username,
        r.uuid(),
        DEMO_PASSWORD,
        r.chance(0.9) ? nickname : null,
        banned ? 0 : 1,
        online ? 1 : 0,
        created,
        created + r.int(0, 90) * 86_400_000,
        push ? r.int(0, 1) : null,
        dnd ? 1 : push && r.chance(0.3) ? 0 : null,
        dnd ? r.int(20, 23) : null,
        dnd ? r.int(6, 9) : null,
        push ? r.pick(['huawei-push', 'xiaomi-push', 'apns-prod', 'fcm']) : null,
        push ? Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join('') : null,
      );
    }

    // ---- friends (mutual, with remarks on some directions) ----
    const addFriend = db.prepare('INSERT OR IGNORE INTO contacts (owner, friend, remark) VALUES (?, ?, ?)');
    const befriend = (a: string, b: string) => {
      if (a === b) return;
      addFriend.run(a, b, r.chance(0.3) ? r.pick(REMARKS) : null);
      addFriend.run(b, a, r.chance(0.3) ? r.pick(REMARKS) : null);
    };
    for (let k = 0; k < 320; k++) befriend('alice', names[FIXED_USERS.length + k * 7]!);
    for (let i = 1; i < names.length; i++) {
      const n = r.int(0, 6);
      for (let k = 0; k < n; k++) befriend(names[i]!, names[r.int(1, names.length - 1)]!);
    }

    // ---- user blacklists ----
    const addBlock = db.prepare('INSERT OR IGNORE INTO user_blocks (owner, blocked) VALUES (?, ?)');
    for (let k = 0; k < 130; k++) addBlock.run('bob', names[FIXED_USERS.length + 3 + k * 11]!);
    for (let i = FIXED_USERS.length; i < names.length; i++) {
      if (!r.chance(0.08)) continue;
      for (let k = r.int(1, 4); k > 0; k--) {
        const other = names[r.int(0, names.length - 1)]!;
        if (other !== names[i]) addBlock.run(names[i]!, other);
      }
    }

    // ---- offline messages ----
    const addMessage = db.prepare('INSERT OR IGNORE INTO offline_messages (username, msg_id) VALUES (?, ?)');
    for (const name of names) {
      if (name !== 'alice' && !r.chance(0.1)) continue;
      for (let k = r.int(1, 20); k > 0; k--) addMessage.run(name, String(1_080_000_000_000_000_000n + BigInt(r.int(0, 2 ** 30))));
    }

    // ---- groups ----
    const addGroup = db.prepare(
      `INSERT INTO groups (groupid, name, description, public, membersonly, allowinvites, maxusers, owner, created, modified, custom, mute_all)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addMember = db.prepare('INSERT OR IGNORE INTO group_members (groupid, username, role) VALUES (?, ?, ?)');
    const addMute = db.prepare('INSERT OR IGNORE INTO group_mutes (groupid, username, expire) VALUES (?, ?, ?)');
    const addGroupBlock = db.prepare('INSERT OR IGNORE INTO group_blocks (groupid, username) VALUES (?, ?)');
    const addWhite = db.prepare('INSERT OR IGNORE INTO group_whitelist (groupid, username) VALUES (?, ?)');
    const addAttr = db.prepare('INSERT OR IGNORE INTO group_member_attributes (groupid, username, key, value) VALUES (?, ?, ?, ?)');

    for (let gi = 0; gi < DEMO_GROUP_COUNT; gi++) {
      const groupid = groupIdFor(gi + 1);
      const big = gi === 0;
      const owner = big ? DEMO_FIXTURES.bigGroupOwner : names[r.int(0, names.length - 1)]!;
      const size = big ? 3000 : r.int(5, gi % 10 === 0 ? 400 : 120);
      const name = big ? DEMO_FIXTURES.bigGroupName : `${GROUP_TOPICS[gi % GROUP_TOPICS.length]}${gi >= GROUP_TOPICS.length ? ` ${Math.floor(gi / GROUP_TOPICS.length) + 1}` : ''}`;
      const created = base + gi * 5 * 86_400_000;
      addGroup.run(
        groupid,
        name,
        big ? '公司全员公告与讨论 / company-wide announcements' : `Demo group ${gi + 1}`,
        r.chance(0.7) ? 1 : 0,
        r.chance(0.4) ? 1 : 0,
        r.chance(0.3) ? 1 : 0,
        big ? 3000 : Math.max(200, size + 50),
        owner,
        created,
        created + r.int(0, 200) * 86_400_000,
        r.chance(0.2) ? JSON.stringify({ tier: r.pick(['gold', 'silver']) }) : '',
        gi === 3 ? 1 : 0,
      );
      addMember.run(groupid, owner, 'owner');
      // Members: a contiguous run from a random start keeps the big group at exactly 3000 distinct users.
      const start = big ? 0 : r.int(0, names.length - 1);
      const members: string[] = [];
      for (let k = 0; members.length < size - 1 && k < names.length; k++) {
        const m = names[(start + k) % names.length]!;
        if (m === owner) continue;
        members.push(m);
      }
      const admins = new Set(members.slice(0, big ? 8 : r.int(0, 3)));
      for (const m of members) addMember.run(groupid, m, admins.has(m) ? 'admin' : 'member');

      const plain = members.filter((m) => !admins.has(m));
      const muted = big ? 10 : r.int(0, 4);
      for (let k = 0; k < muted && k < plain.length; k++) {
        const which = k % 3;
        const expire = which === 0 ? now + r.int(1, 72) * 3_600_000 : which === 1 ? now - r.int(1, 72) * 3_600_000 : -1;
        addMute.run(groupid, plain[plain.length - 1 - k]!, expire);
      }
      const whites = big ? 6 : r.int(0, 2);
      for (let k = 0; k < whites && k < plain.length; k++) addWhite.run(groupid, plain[k]!);
      // Blocked users are outside the group, as the service keeps them.
      const blocks = big ? 12 : r.int(0, 3);
      for (let k = 0; k < blocks; k++) {
        const outsider = names[(start + size + 5 + k * 3) % names.length]!;
        if (outsider !== owner && !members.includes(outsider)) addGroupBlock.run(groupid, outsider);
      }
      const attributed = big ? 40 : r.int(0, 6);
      for (let k = 0; k < attributed && k < members.length; k++) {
        const m = members[k * 3 % members.length]!;
        addAttr.run(groupid, m, 'nickname', `${m.split(/[._-]/)[0]}@${name.slice(0, 4)}`);
        if (r.chance(0.5)) addAttr.run(groupid, m, 'role', r.pick(ATTRIBUTE_ROLES));
      }
    }
  })();
  if (total > DEMO_USER_COUNT) seedExtraUsers(db, DEMO_USER_COUNT, total, base);
}

/**
 * Users `from`..`to - 1` for load tests (`--users N`). A separate generator, after the demo data is
 * in place, keeps the demo itself identical whatever N is; they have no friends, groups or blocks.
 */
function seedExtraUsers(db: Db, from: number, to: number, base: number): void {
  const r = prng(20_261_126);
  const insert = db.prepare(
    `INSERT INTO users (username, uuid, password, nickname, activated, online, created, modified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = from; i < to; i++) {
      const s = r.int(0, HANZI_SURNAMES.length - 1);
      const nickname = r.chance(0.5)
        ? `${HANZI_SURNAMES[s]}${r.pick(HANZI_GIVEN)}`
        : `${r.pick(LATIN_FIRST)} ${r.pick(LATIN_LAST)}`;
      const banned = r.chance(0.03);
      const created = base + i * 1_800_000 + r.int(0, 1_000_000);
      insert.run(extraUsername(i), r.uuid(), DEMO_PASSWORD, nickname, banned ? 0 : 1, !banned && r.chance(0.15) ? 1 : 0, created, created);
    }
  })();
}
