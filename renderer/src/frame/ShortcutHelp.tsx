import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../shared/shortcuts';

/** F1: the shortcut list, generated from the same table the handlers use. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // The group is written once, on its first row: the list fits a 768-pixel-high counter screen.
  const rows = Object.entries(SHORTCUTS).flatMap(([group, keys]) =>
    Object.entries(keys).map(([action, key], i, all) => ({ key: `${group}.${action}`, group: t(`shortcuts.group.${group}`), span: i ? 0 : all.length, action: t(`shortcuts.${action}`), keys: key })),
  );
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={560} style={{ top: 24 }} focusTriggerAfterClose={false} data-testid="shortcut-help">
      <Table
        size="small"
        className="shortcut-table"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('shortcuts.colGroup'), dataIndex: 'group', width: 120, onCell: (r) => ({ rowSpan: r.span }) },
          { title: t('shortcuts.colAction'), dataIndex: 'action' },
          { title: t('shortcuts.colKeys'), dataIndex: 'keys', width: 170, render: (k: string) => <kbd>{k}</kbd> },
        ]}
      />
    </Modal>
  );
}
