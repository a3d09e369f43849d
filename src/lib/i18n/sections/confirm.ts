// Strings of src/components/confirm-action/.
export const confirmEn = {
  typeToConfirm: 'Type {{value}} to confirm',
  mismatch: 'Type exactly {{value}}',
};

export const confirmZhCN: typeof confirmEn = {
  typeToConfirm: '输入 {{value}} 以确认',
  mismatch: '请准确输入 {{value}}',
};
