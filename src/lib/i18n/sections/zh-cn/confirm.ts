// Strings of src/components/confirm-action/.
import type { confirmEn } from '../en/confirm';

export const confirmZhCN: typeof confirmEn = {
  typeToConfirm: '输入 {{value}} 以确认',
  mismatch: '请准确输入 {{value}}',
};
