import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { keyLabel, SHORTCUTS } from '../shared/shortcuts';

type Group = keyof typeof SHORTCUTS;
/** Two columns of groups, so the whole list fits a 768-pixel-high counter screen. */
const COLUMNS: Group[][] = [['global', 'capture', 'handover'], ['intake', 'cases']];

/** F1: the shortcut list, generated from the same table the handlers use. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // The group is written once, on its first row.
  const rowsOf = (groups: Group[]) =>
    groups.flatMap((group) =>
      Object.entries(SHORTCUTS[group]).map(([action, key], i, all) => ({ key: `${group}.${action}`, group: t(`shortcuts.group.${group}`), span: i ? 0 : all.length, action: t(`shortcuts.${action}`), keys: key as string | readonly string[] })),
    );
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={1060} style={{ top: 24 }} focusTriggerAfterClose={false} data-testid="shortcut-help">
      <div className="shortcut-columns">
        {COLUMNS.map((groups) => (
          <Table
            key={groups.join()}
            size="small"
            className="shortcut-table"
            pagination={false}
            dataSource={rowsOf(groups)}
            columns={[
              { title: t('shortcuts.colGroup'), dataIndex: 'group', width: 100, onCell: (r) => ({ rowSpan: r.span }) },
              { title: t('shortcuts.colAction'), dataIndex: 'action' },
              { title: t('shortcuts.colKeys'), dataIndex: 'keys', width: 170, render: (k: string | readonly string[]) => (typeof k === 'string' ? [k] : k).map((one, i) => <span key={one}>{i ? ' / ' : ''}<kbd>{keyLabel(one)}</kbd></span>) },
            ]}
          />
        ))}
      </div>
    </Modal>
  );
}
