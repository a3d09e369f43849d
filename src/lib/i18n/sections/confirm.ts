// Strings of src/components/confirm/.
export const confirmEn = {
  placeholder: 'confirm',
};

export const confirmZhCN: typeof confirmEn = {
  placeholder: 'confirm',
};
