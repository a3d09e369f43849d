import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arrangeGroup } from '@/testing/im-arrange';
import { imHostPerTest, registerUsers } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { GroupAttributesMember } from './group-attributes-member';

// alice is a member of a group with one attribute; ghost exists but is not in it.
let group = '';
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['ghost']);
  group = await arrangeGroup(h, { owner: 'olivia', members: ['alice'], attributes: { alice: { nickname: '小爱' } } });
});
const puts = () => host().callsTo('PUT');
const stored = async () => (await host().arrange('GET', `/metadata/chatgroup/${group}/user/alice`)).data;

const renderMember = (language: 'en' | 'zh-CN' = 'en', member = 'alice') =>
  renderWithProviders(<GroupAttributesMember app="demo" groupId={group} member={member} onMember={() => {}} />, { language, imHost: host() });

describe('GroupAttributesMember', () => {
  it('shows the member’s attributes as key/value rows with their size', async () => {
    renderMember();
    const row = await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    expect(screen.getByRole('table', { name: 'Attributes of alice' })).toContainElement(row);
    expect(row).toHaveTextContent('小爱');
    // 8 + 6 bytes.
    expect(row).toHaveTextContent('14 bytes');
  });

  it('counts bytes as the user types and refuses a 513-byte Chinese value without sending', async () => {
    const { user } = renderMember();
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'bio');
    expect(screen.getByText('3 / 16 bytes')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /^Value/ }));
    await user.paste('中'.repeat(171));
    expect(screen.getByText('513 / 512 bytes')).toBeInTheDocument();
    expect(screen.getByText('Too long: 513 bytes, at most 512. A Chinese character takes 3 bytes.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save attribute' }));
    expect(puts()).toHaveLength(0);
    expect(await stored()).toEqual({ nickname: '小爱' });
    expect(screen.getByRole('textbox', { name: /^Value/ })).toHaveValue('中'.repeat(171));
  });

  it('refuses a key over 16 bytes (6 Chinese characters are 18)', async () => {
    const { user } = renderMember();
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.click(screen.getByRole('textbox', { name: /^Key/ }));
    await user.paste('前端技术交流');
    await user.type(screen.getByRole('textbox', { name: /^Value/ }), 'x');
    expect(screen.getByText('18 / 16 bytes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save attribute' }));
    expect(screen.getByText('Too long: 18 bytes, at most 16. A Chinese character takes 3 bytes.')).toBeInTheDocument();
    expect(puts()).toHaveLength(0);
  });

  it('saves a Chinese value with PUT {metaData}, then shows it and clears the editor', async () => {
    const { user } = renderMember();
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'title');
    await user.click(screen.getByRole('textbox', { name: /^Value/ }));
    await user.paste('前端组长');
    expect(screen.getByText('12 / 512 bytes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save attribute' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]!.body).toEqual({ metaData: { title: '前端组长' } });
    expect(await stored()).toEqual({ nickname: '小爱', title: '前端组长' });
    expect(await screen.findByRole('row', { name: /title/ })).toHaveTextContent('前端组长');
    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('');
  });

  it('shows the API’s refusal next to the fields and keeps what was typed', async () => {
    const { user } = renderMember('zh-CN');
    await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    // Meanwhile someone else fills alice's attributes to 4094 of the 4096 bytes allowed (14 were
    // there, 8 × 510 added): the page still counts 14, the service refuses 8 more.
    const filler = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, 'x'.repeat(508)]));
    await host().arrange('PUT', `/metadata/chatgroup/${group}/user/alice`, { metaData: filler });
    await user.type(screen.getByRole('textbox', { name: /^键/ }), 'role');
    await user.type(screen.getByRole('textbox', { name: /^值/ }), 'lead');
    await user.click(screen.getByRole('button', { name: '保存属性' }));
    expect(await screen.findByText(/exceeds chatgroup user metadata total size limit/)).toBeInTheDocument();
    expect((await stored()).role).toBeUndefined();
    expect(screen.getByRole('textbox', { name: /^键/ })).toHaveValue('role');
    expect(screen.getByRole('textbox', { name: /^值/ })).toHaveValue('lead');
  });

  it('Edit fills the editor; Delete asks first, then sends an empty value', async () => {
    const { user } = renderMember();
    const row = await screen.findByRole('row', { name: /nickname/ }, { timeout: 5000 });
    await user.click(within(row).getByRole('button', { name: 'Edit nickname' }));
    expect(screen.getByRole('textbox', { name: /^Key/ })).toHaveValue('nickname');
    expect(screen.getByRole('textbox', { name: /^Value/ })).toHaveValue('小爱');
    expect(screen.getByText('nickname exists: saving replaces its value.')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Delete nickname' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the attribute nickname?' });
    expect(puts()).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]!.body).toEqual({ metaData: { nickname: '' } });
    expect(await screen.findByText('No attributes')).toBeInTheDocument();
    expect(await stored()).toEqual({});
  });

  it('says so when the user is not in the group', async () => {
    renderMember('en', 'ghost');
    expect(await screen.findByText(/user not in group/, {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
