// The console's operators are not an app's: the keys do not start with one.
export const operatorKeys = {
  all: ['im-console', 'operators'] as const,
  list: () => [...operatorKeys.all, 'list'] as const,
};
