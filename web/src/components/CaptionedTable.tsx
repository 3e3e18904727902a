import { Table, Title, type TableProps } from '@mantine/core';
import { DataTable } from './DataTable.js';
import type { ReactNode } from 'react';

type CaptionedTableProps = Omit<TableProps, 'captionSide' | 'children'> & {
  /** Below this width the table scrolls sideways inside its frame (wide content scrolls there too). */
  minWidth?: number;
  children: ReactNode;
} & (
    | {
        /** A caption that names the table. */
        caption: ReactNode;
        heading?: never;
      }
    | {
        /** The section's heading (an h2 in the caption), which also names the table. */
        heading: ReactNode;
        caption?: never;
      }
  ) &
  (
    | {
        /** The column headings, one row; `children` are then the body's rows. */
        columns: readonly string[];
      }
    | {
        /** Without `columns`, `children` hold the head and the body. */
        columns?: never;
      }
  );

/** A data table with its caption on top: a plain caption or the section's heading, and optionally its column headings. */
export function CaptionedTable({ caption, heading, columns, minWidth, children, ...props }: CaptionedTableProps) {
  return (
    <DataTable captionSide="top" minWidth={minWidth} {...props}>
      <Table.Caption>
        {heading === undefined ? (
          caption
        ) : (
          <Title order={2} size="h3" ta="left">
            {heading}
          </Title>
        )}
      </Table.Caption>
      {columns ? (
        <>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </>
      ) : (
        children
      )}
    </DataTable>
  );
}
