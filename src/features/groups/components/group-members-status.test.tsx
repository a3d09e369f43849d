import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { GroupMembersStatus, timeLeftInWords } from './group-members-status';

const NOW = Date.UTC(2026, 0, 1, 12);
const MIN = 60_000;

describe('timeLeftInWords', () => {
  it('says how long is left in the largest unit that reads well', () => {
    expect(timeLeftInWords(NOW + 20 * 1000, NOW, 'en')).toBe('this minute');
    expect(timeLeftInWords(NOW + 5 * MIN, NOW, 'en')).toBe('in 5 minutes');
    expect(timeLeftInWords(NOW + 3 * 60 * MIN, NOW, 'en')).toBe('in 3 hours');
    expect(timeLeftInWords(NOW + 30 * 60 * MIN, NOW, 'en')).toBe('in 30 hours');
    expect(timeLeftInWords(NOW + 10 * 24 * 60 * MIN, NOW, 'en')).toBe('in 10 days');
    expect(timeLeftInWords(NOW + 3 * 60 * MIN, NOW, 'zh-CN')).toBe('3小时后');
  });
});

describe('GroupMembersStatus', () => {
  it('shows a timed mute with the time left, a permanent one, and the whitelist', () => {
    const { rerender } = renderWithProviders(<GroupMembersStatus mutedUntil={NOW + 2 * 60 * MIN} whitelisted now={NOW} />);
    expect(screen.getByText('Muted, ends in 2 hours')).toBeInTheDocument();
    expect(screen.getByText('Whitelisted')).toBeInTheDocument();
    rerender(<GroupMembersStatus mutedUntil={null} whitelisted={false} now={NOW} />);
    expect(screen.getByText('Muted permanently')).toBeInTheDocument();
    expect(screen.queryByText('Whitelisted')).toBeNull();
  });

  it('speaks Simplified Chinese', () => {
    renderWithProviders(<GroupMembersStatus mutedUntil={NOW + 2 * 60 * MIN} whitelisted now={NOW} />, { language: 'zh-CN' });
    expect(screen.getByText('禁言中，2小时后结束')).toBeInTheDocument();
    expect(screen.getByText('白名单')).toBeInTheDocument();
  });
});
