// Strings of the attributes section of the group page.
import type { groupAttributesEn } from '../en/group-attributes';

export const groupAttributesZhCN: typeof groupAttributesEn = {
  title: '成员属性',
};
