import { Table, Text } from '@mantine/core';
import type { PermissionMatrix } from '@shared/modules/users/permissions.schema';

export function PermissionMatrixTable({ matrix }: { matrix: PermissionMatrix }) {
  const has = Object.fromEntries(matrix.roles.map((r) => [r, new Set(matrix.matrix[r])]));
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder withColumnBorders striped aria-label="Permissions per role (read-only)">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Permission</Table.Th>
            {matrix.roles.map((r) => (
              <Table.Th key={r} ta="center" tt="capitalize">
                {r}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.permissions.map((p) => (
            <Table.Tr key={p}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p}
                </Text>
              </Table.Td>
              {matrix.roles.map((r) => (
                <Table.Td key={r} ta="center" aria-label={`${r} ${has[r]!.has(p) ? 'has' : 'lacks'} ${p}`}>
                  {has[r]!.has(p) ? <Text c="teal" fw={700}>✓</Text> : <Text c="dimmed">–</Text>}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
