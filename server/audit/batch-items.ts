import type { AuditItem } from './audit-log.js';

// Per-item outcomes of a batch call, read from the IM host's answer for the audit log.

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * The per-item outcome of a batch call, read from the IM host's answer. Shapes handled: a list of
 * `{user|username, result, reason?}`; batch register (`entities` created, `data` failed with
 * `registerUserFailReason`); `DELETE users?limit` (`entities` deleted); contact import
 * (`success` and `…Failed` lists); `newmembers` (added, the rest of the request not).
 */
export function batchItems(answer: unknown, requested: string[]): AuditItem[] | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as { data?: unknown; entities?: unknown };
  const items: AuditItem[] = [];
  const entityNames = Array.isArray(a.entities) ? a.entities.map((e) => str((e as { username?: unknown })?.username)).filter((n): n is string => !!n) : [];
  if (Array.isArray(a.data)) {
    for (const d of a.data) {
      if (!d || typeof d !== 'object') continue;
      const o = d as Record<string, unknown>;
      const target = str(o.user) ?? str(o.username);
      if (!target) continue;
      const reason = str(o.reason) ?? str(o.registerUserFailReason);
      const ok = o.result !== false && o.registerUserFailReason === undefined;
      items.push(ok ? { target, ok } : { target, ok, ...(reason ? { reason } : {}) });
    }
    for (const n of entityNames) if (!items.some((i) => i.target === n)) items.push({ target: n, ok: true });
  } else if (a.data && typeof a.data === 'object') {
    const o = a.data as Record<string, unknown>;
    if (Array.isArray(o.newmembers)) {
      const added = new Set(o.newmembers.map(String));
      for (const n of added) items.push({ target: n, ok: true });
      for (const n of requested) if (!added.has(n) && !added.has(n.toLowerCase())) items.push({ target: n, ok: false, reason: 'not added' });
    } else {
      for (const [key, list] of Object.entries(o)) {
        if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) continue;
        const ok = key === 'success';
        for (const n of list as string[]) items.push(ok ? { target: n, ok } : { target: n, ok, reason: key });
      }
    }
  } else {
    for (const n of entityNames) items.push({ target: n, ok: true });
  }
  return items.length > 0 ? items : undefined;
}
