import { Alert, Button, Drawer, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../common/contract/appointments';
import { useCall } from '../api/useCall';

/** 已到 / 未到 / 已过号 of one appointment (已取消 too: the central may cancel one during the day). */
function StatusTag({ a }: { a: AppointmentView }) {
  const { t } = useTranslation();
  if (a.status === 'checked_in') return <Tag color="green">{t('appointments.today.arrived')}</Tag>;
  if (a.status === 'cancelled') return <Tag>{t('appointments.cancelled')}</Tag>;
  if (a.noShow || a.status === 'no_show') return <Tag color="red">{t('appointments.today.noShow')}</Tag>;
  return <Tag color="blue">{t('appointments.today.notYet')}</Tag>;
}

/** 今日预约: today's appointments of this window (and the hall-wide ones), names masked by main, counts on top. */
export function TodayAppointments({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // Loaded each time the drawer opens, so the statuses are those of now.
  const today = useCall('appointments.today', open ? {} : null, [open]);
  const c = today.data?.counts;
  return (
    <Drawer open={open} onClose={onClose} size={640} title={t('appointments.today.title')} destroyOnHidden>
      <div data-testid="today-appointments">
      {c && (
        <Space wrap style={{ marginBottom: 8 }} data-testid="today-appointments-counts">
          <Tag>{t('appointments.today.total', { n: c.total })}</Tag>
          <Tag color="green">{t('appointments.today.arrivedN', { n: c.checkedIn })}</Tag>
          <Tag color="blue">{t('appointments.today.notYetN', { n: c.booked })}</Tag>
          <Tag color="red">{t('appointments.today.noShowN', { n: c.noShow })}</Tag>
          {c.cancelled > 0 && <Tag>{t('appointments.today.cancelledN', { n: c.cancelled })}</Tag>}
        </Space>
      )}
      {today.error ? (
        <Alert type="warning" showIcon title={t('appointments.today.failed')} description={today.error.message} action={<Button size="small" onClick={today.reload}>{t('common.refresh')}</Button>} />
      ) : (
        <Table<AppointmentView>
          size="small"
          rowKey="id"
          pagination={false}
          loading={!today.data}
          dataSource={today.data?.appointments ?? []}
          locale={{ emptyText: t('appointments.today.empty') }}
          columns={[
            { title: t('appointments.today.slot'), render: (_, a) => `${a.slotStart}–${a.slotEnd}`, width: 110 },
            { title: t('appointments.today.name'), dataIndex: 'name', width: 90 },
            { title: t('cases.item'), dataIndex: 'itemName', ellipsis: true },
            { title: t('cases.status'), render: (_, a) => <StatusTag a={a} />, width: 90 },
            { title: t('appointments.today.lateCol'), render: (_, a) => (a.arrival?.kind === 'late' ? t('appointments.today.lateMinutes', { n: a.arrival.minutes }) : '—'), width: 90 },
          ]}
        />
      )}
      </div>
    </Drawer>
  );
}
