import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arrangeGroup } from '@/testing/im-arrange';
import { imHostPerTest, registerUsers } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { GroupAttributesAcross } from './group-attributes-across';

// m0 is a member with the key, m1 a member without it; m2 … m9 exist but are not in the group.
const names = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
let group = '';
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, names(10).slice(2));
  group = await arrangeGroup(h, { owner: 'boss', members: ['m0', 'm1'], attributes: { m0: { nickname: '零号', role: 'lead' } } });
});
const lookups = () => host().callsTo('POST');
const render = (language: 'en' | 'zh-CN' = 'en') => renderWithProviders(<GroupAttributesAcross app="demo" groupId={group} />, { language, imHost: host() });

describe('GroupAttributesAcross', () => {
  it('refuses 11 members before sending, and counts them as they are pasted', async () => {
    const { user } = render();
    await user.type(screen.getByRole('textbox', { name: /^Key to read/ }), 'nickname');
    await user.click(screen.getByRole('textbox', { name: /^Members/ }));
    await user.paste(names(11).join('\n'));
    expect(screen.getByText(/11 \/ 10 members/)).toBeInTheDocument();
    expect(screen.getByText('At most 10 members per lookup (this is 11).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(lookups()).toHaveLength(0);
  });

  it('reads one key of 10 members in one call and shows a table, “not set” where absent', async () => {
    const { user } = render();
    await user.type(screen.getByRole('textbox', { name: /^Key to read/ }), 'nickname');
    await user.click(screen.getByRole('textbox', { name: /^Members/ }));
    await user.paste(names(10).join(', '));
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const table = await screen.findByRole('table', { name: 'nickname across members' }, { timeout: 5000 });
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.body).toEqual({ targets: names(10), properties: ['nickname'] });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    expect(within(table).getByRole('row', { name: /m0/ })).toHaveTextContent('零号');
    expect(within(table).getByRole('row', { name: /m1\b/ })).toHaveTextContent('Not set');
    expect(within(table).getByRole('row', { name: /m2/ })).toHaveTextContent('not in the group?');
  });

  it('asks for a key and members before sending; a too-long key is refused as typed', async () => {
    const { user } = render('zh-CN');
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByText('请输入键。')).toBeInTheDocument();
    expect(screen.getByText('请至少输入一个用户 ID。')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /^要读取的键/ }));
    await user.paste('前端技术交流');
    expect(screen.getByText('太长：18 字节，最多 16 字节。一个汉字占 3 字节。')).toBeInTheDocument();
    expect(lookups()).toHaveLength(0);
  });
});
