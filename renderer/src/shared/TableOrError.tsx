import { Table, type TableProps } from 'antd';
import type { ApiCallError } from '../bridge';
import { CallError } from './CallError';

/** A loaded table, or why it could not load (with retry / "not available yet"). */
export function TableOrError<T extends object>({ error, what, onRetry, ...table }: TableProps<T> & { error: ApiCallError | null; what: string; onRetry?: () => void }) {
  if (error) return <CallError error={error} what={what} onRetry={onRetry} />;
  return <Table<T> size="small" {...table} />;
}
