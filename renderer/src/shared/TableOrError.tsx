import { Table, type TableProps } from 'antd';
import type { ApiCallError } from '../bridge';
import { CallError } from './CallError';

interface Source {
  error: ApiCallError | null;
  loading: boolean;
  reload: () => void;
}

/** A loaded table, or why it could not load (with retry / "not available yet"). `from` is the load's state. */
export function TableOrError<T extends object>({ from, what, ...table }: TableProps<T> & { from: Source; what: string }) {
  if (from.error) return <CallError error={from.error} what={what} onRetry={from.reload} />;
  return <Table<T> size="small" loading={from.loading} {...table} />;
}
