// Strings of src/components/data-table/.
import type { dataTableEn } from '../en/data-table';

export const dataTableZhCN: typeof dataTableEn = {
  loading: '正在加载…',
  loadFailed: '列表加载失败',
  refreshing: '正在刷新…',
  selectAll: '选择本页所有行',
  selectRow: '选择 {{id}}',
  selectedCount_one: '已选择 {{count}} 项',
  selectedCount_other: '已选择 {{count}} 项',
  clearSelection: '清除选择',
  pagination: '分页',
  previous: '上一页',
  next: '下一页',
  firstPage: '第一页',
  previousPage: '上一页',
  nextPage: '下一页',
  lastPage: '最后一页',
  pageSize: '每页行数',
  pageN: '第 {{page}} 页',
  rowsRange: '第 {{page}} 页 · 第 {{from}}–{{to}} 行',
  rowsRangeOf: '第 {{page}} 页，共 {{pages}} 页 · 第 {{from}}–{{to}} 行',
};
