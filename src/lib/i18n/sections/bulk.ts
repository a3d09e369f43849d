// Strings of src/components/bulk/.
export const bulkEn = {
  placeholder: 'bulk',
};

export const bulkZhCN: typeof bulkEn = {
  placeholder: 'bulk',
};
