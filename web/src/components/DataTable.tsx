import { Table, type TableProps } from '@mantine/core';
import type { CSSProperties } from 'react';

export type DataTableProps = TableProps & {
  /** Below this width (px) the table scrolls sideways inside its own frame, not the page. */
  minWidth?: number;
  /** The frame's width cap, when the table should not stretch over a wide page. */
  frameMaw?: CSSProperties['maxWidth'];
};

/**
 * Every data table: a frame that scrolls sideways when the table does not fit (the page itself never does),
 * with the first column fixed so each row stays named while scrolling (the `data-table` rules in app.css).
 */
export function DataTable({ minWidth = 0, frameMaw, mt, mb, className, ...props }: DataTableProps) {
  return (
    // Focusable, so a keyboard user can scroll a frame that overflows (WCAG 2.1.1; axe's scrollable-region-focusable).
    <Table.ScrollContainer minWidth={minWidth} type="native" className="data-table-frame" tabIndex={0} mt={mt} mb={mb} maw={frameMaw}>
      <Table {...props} className={className ? `data-table ${className}` : 'data-table'} />
    </Table.ScrollContainer>
  );
}
