import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export type Detail = { label: string; value: ReactNode };

/** Label/value pairs of one record, as a two-column table screen readers announce row by row. */
export function DetailList({ items, label }: { items: Detail[]; label: string }) {
  return (
    <Table aria-label={label} withRowBorders={false} maw={640} layout="fixed">
      <Table.Tbody>
        {items.map((d) => (
          <Table.Tr key={d.label}>
            <Table.Th scope="row" w="40%" fw={500} c="dimmed">
              {d.label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
