import { App, List, Modal, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../common/contract/appointments';
import { call } from '../bridge';
import { asApiError } from '../api/useCall';
import { loadItem } from '../intake/items/useItemChoice';
import { patchDraft, resetDraft } from '../intake/draftStore';
import { navigate } from '../routing/useHashRoute';
import { errorText } from '../shared/errorText';
import { appointmentMatch } from './appointmentMatch';

/** 早到 / 准时 / 迟到 of a slot, or the appointment's state when it is not open any more. */
function ArrivalTag({ a }: { a: AppointmentView }) {
  const { t } = useTranslation();
  if (a.status === 'checked_in') return <Tag color="green">{t('appointments.checkedIn')}</Tag>;
  if (a.status === 'cancelled') return <Tag>{t('appointments.cancelled')}</Tag>;
  if (!a.arrival) return a.noShow ? <Tag color="red">{t('appointments.noShow')}</Tag> : null;
  if (a.arrival.kind === 'late') return <Tag color="orange" data-testid="appointment-late">{t('appointments.late', { n: a.arrival.minutes })}</Tag>;
  if (a.arrival.kind === 'early') return <Tag color="blue">{t('appointments.early', { n: a.arrival.minutes })}</Tag>;
  return <Tag color="green">{t('appointments.onTime')}</Tag>;
}

/**
 * The person's appointments of today: ↑/↓ choose, Enter checks in (预约到号) and starts the intake
 * with the item preselected, Esc serves them as a walk-in (现场办理).
 */
export function AppointmentMatch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const match = appointmentMatch.use();
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setIndex(0);
    if (match) setTimeout(() => list.current?.focus(), 50);
  }, [match]);
  if (!match) return null;
  const close = () => appointmentMatch.set(null);
  const start = async (a: AppointmentView) => {
    setBusy(true);
    try {
      const { appointment } = await call('appointments.checkIn', { appointmentId: a.id });
      if (!match.keepApplicant) resetDraft();
      patchDraft({ appointment, appointmentCode: appointment.code });
      close();
      navigate('intake');
      await loadItem(appointment.itemCode).catch(() => void message.warning(t('appointments.itemMissing', { code: appointment.itemCode })));
      void message.success(t('appointments.started', { code: appointment.code }));
    } catch (err) {
      void message.error(errorText(t, asApiError(err)));
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, match.appointments.length - 1));
    else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && !busy) void start(match.appointments[index]!);
    else return;
    e.preventDefault();
  };
  return (
    <Modal open onCancel={close} footer={<Typography.Text type="secondary">{t('appointments.keys')}</Typography.Text>} title={t('appointments.matchTitle', { n: match.appointments.length })} data-testid="appointment-match" destroyOnHidden>
      <div ref={list} tabIndex={0} onKeyDown={onKey} aria-label={t('appointments.matchTitle', { n: match.appointments.length })}>
        <List
          dataSource={match.appointments}
          renderItem={(a, i) => (
            <List.Item className={i === index ? 'row-selected' : ''} onClick={() => void start(a)} data-testid="appointment-option" style={{ cursor: 'pointer', paddingInline: 8 }}>
              <List.Item.Meta
                title={<span data-testid="appointment-item">{a.itemName || a.itemCode}</span>}
                description={`${a.slotStart}–${a.slotEnd} · ${a.code}${a.windowCode ? ` · ${t('appointments.window', { w: a.windowCode })}` : ''} · ${a.name}`}
              />
              <ArrivalTag a={a} />
            </List.Item>
          )}
        />
      </div>
    </Modal>
  );
}
