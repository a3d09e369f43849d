import { describe, expect, it } from 'vitest';
import { answerTimes } from '@/lib/api-client/answer-times';
import { fakeConsoleServer, jsonResponse } from '@/testing/fake-console';
import { installHttp } from '@/testing/install-http';
import { getApps } from './get-apps';

const app = (id: string, extra: object = {}) => ({ id, label: id, host: 'https://a1.easemob.com', scheme: 'easemob', appKey: 'org#app', emulator: false, ...extra });

describe('getApps', () => {
  it('starts each app’s distance from the server’s figure, plus the way to the server', async () => {
    const server = fakeConsoleServer(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return jsonResponse({ apps: [app('apps-test-far', { quickestAnswerMs: 140 }), app('apps-test-unheard')] });
    });
    installHttp(server.http);
    expect((await getApps()).map((a) => a.id)).toEqual(['apps-test-far', 'apps-test-unheard']);
    expect(answerTimes.quickest('apps-test-far')).toBeGreaterThanOrEqual(160);
    expect(answerTimes.quickest('apps-test-unheard')).toBeUndefined();
  });
});
