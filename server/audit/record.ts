import type { Context } from 'hono';
import type { ConsoleServices } from '../console-services.js';
import type { ConsoleError } from '../http/errors.js';
import type { ConsoleEnv } from '../http/context.js';
import { clientAddress } from '../http/request.js';
import type { Log } from '../log.js';
import type { AuditIntent, AuditRecord } from './audit-log.js';
import type { RefusalGate } from './refusal-gate.js';

// Writing rows that record what already happened (sign-ins, refusals). A failed write is logged,
// never thrown: the answer still goes back. (Changes are different: see routes/im-proxy.ts,
// where no change is forwarded unless its row was written first: `begin` throws.) Every row the
// server writes comes through here, so `onRow` (the metrics) counts them all.

export interface AuditWriter {
  /** A whole row; `address` is filled in from the request. */
  record: (c: Context<ConsoleEnv>, r: Omit<AuditRecord, 'time' | 'address'>) => Promise<void>;
  /** A refused call, rate-limited per address and operator so refusals cannot flood the log. */
  refusal: (c: Context<ConsoleEnv>, e: ConsoleError, r: Pick<AuditRecord, 'operator' | 'app' | 'method' | 'path' | 'action'> & { target?: string | null }) => Promise<void>;
  /** A change's intent, before it is forwarded; returns the row's id for `audit.finish`. Throws when it cannot be written. */
  begin: (r: AuditIntent) => Promise<number>;
}

export function createAuditWriter(services: ConsoleServices | undefined, gate: RefusalGate, log: Log, onRow: () => void = () => {}): AuditWriter {
  const record: AuditWriter['record'] = async (c, r) => {
    if (!services) return;
    try {
      await services.audit.record({ signIn: c.get('caller')?.signIn ?? undefined, ...r, time: services.now(), address: clientAddress(c, services.trustProxy) });
      onRow();
    } catch (e) {
      log.error({ err: e, action: r.action, app: r.app }, 'audit log write failed');
    }
  };
  return {
    record,
    async begin(r) {
      if (!services) throw new Error('no audit log to write to');
      const id = await services.audit.begin(r);
      onRow();
      return id;
    },
    async refusal(c, e, r) {
      if (!services) return;
      const address = clientAddress(c, services.trustProxy);
      const target = r.target ?? null;
      if (!gate.admit(address, r.operator)) {
        // Over the audit budget: not lost, only kept in the server's log instead.
        log.warn({ refusal: e.code, status: e.status, operator: r.operator, app: r.app, method: r.method, action: r.action, target, address }, 'refusal not audited (over the per-address limit)');
        return;
      }
      await record(c, { ...r, target, subjects: target ? [target] : [], summary: '', status: e.status, refusal: e.code });
    },
  };
}
