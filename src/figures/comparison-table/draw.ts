import type { Row } from './sim';

/* How a row of the table looks: the class that marks the highlighted row (its style lives in style.css). */

export function rowClass(row: Row & { highlighted: boolean }): string | undefined {
  return row.highlighted ? 'is-highlighted' : undefined;
}
