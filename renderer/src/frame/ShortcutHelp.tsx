import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../shared/shortcuts';

/** F1: the shortcut list, generated from the same table the handlers use. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = Object.entries(SHORTCUTS).flatMap(([group, keys]) =>
    Object.entries(keys).map(([action, key]) => ({ key: `${group}.${action}`, group: t(`shortcuts.group.${group}`), action: t(`shortcuts.${action}`), keys: key })),
  );
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={560} data-testid="shortcut-help">
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('shortcuts.colGroup'), dataIndex: 'group', width: 120 },
          { title: t('shortcuts.colAction'), dataIndex: 'action' },
          { title: t('shortcuts.colKeys'), dataIndex: 'keys', width: 170, render: (k: string) => <kbd>{k}</kbd> },
        ]}
      />
    </Modal>
  );
}
