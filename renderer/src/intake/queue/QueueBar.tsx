import { Alert, Button, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../shared/shortcuts';
import type { QueueControls } from './useQueue';

const k = SHORTCUTS.intake;

function mmss(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds since `iso`, ticking once a second. */
function useSince(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [iso]);
  return iso ? (now - Date.parse(iso)) / 1000 : null;
}

/** 叫号 bar above the intake: the ticket being served, its wait, and the queue keys (F9 下一位 …). */
export function QueueBar({ q, transferOpen, setTransferOpen }: { q: QueueControls; transferOpen: boolean; setTransferOpen: (open: boolean) => void }) {
  const { t } = useTranslation();
  const v = q.view;
  const serving = useSince(v?.current?.calledAt ?? null);
  if (!v || v.driver === 'none') return null;
  if (v.missing) return <MissingSetting missing={v.missing} />;
  const cur = v.current;
  return (
    <div className="queue-bar" role="region" aria-label={t('queue.title')} data-testid="queue-bar">
      <Space wrap size={12} align="center">
        <Typography.Text strong>{t('queue.title')}</Typography.Text>
        {cur ? (
          <span className="queue-ticket" data-testid="queue-ticket">
            {cur.number}
          </span>
        ) : (
          <Typography.Text type="secondary" data-testid="queue-ticket-none">
            {t('queue.noTicket')}
          </Typography.Text>
        )}
        {cur && (
          <Typography.Text data-testid="queue-wait">
            {t('queue.waited', { time: mmss(cur.waitSeconds) })} · {t('queue.serving', { time: mmss(serving) })}
            {cur.recalls > 0 && ` · ${t('queue.recalls', { n: cur.recalls })}`}
          </Typography.Text>
        )}
        {v.online && v.waiting !== null && <Tag>{t('queue.waiting', { n: v.waiting })}</Tag>}
        {v.paused && <Tag color="orange">{t('queue.paused')}</Tag>}
        <Button type="primary" size="small" loading={q.busy} onClick={() => void q.next()} data-testid="queue-next">
          {t('queue.next')} {k.nextApplicant}
        </Button>
        <Button size="small" disabled={!cur} onClick={() => void q.recall()} data-testid="queue-recall">
          {t('queue.recall')} {k.recallTicket}
        </Button>
        <Button size="small" disabled={!cur} onClick={() => void q.pass()} data-testid="queue-pass">
          {t('queue.pass')} {k.passTicket}
        </Button>
        <Button size="small" disabled={!cur} onClick={() => setTransferOpen(true)} data-testid="queue-transfer">
          {t('queue.transfer')} {k.transferTicket}
        </Button>
        <Button size="small" onClick={() => void q.togglePause()} data-testid="queue-pause">
          {v.paused ? t('queue.resume') : t('queue.pause')} {k.pauseQueue}
        </Button>
      </Space>
      {!v.online && <Alert type="warning" showIcon className="queue-alert" data-testid="queue-offline" title={v.reason ?? t('queue.offline')} />}
      {v.online && q.error && <Alert type="error" showIcon className="queue-alert" data-testid="queue-error" title={q.error} closable />}
      <TransferDialog open={transferOpen} onClose={() => setTransferOpen(false)} onTransfer={q.transfer} />
    </div>
  );
}

/** The driver is chosen but not filled in: say what to fill in and where, no keys that cannot work. */
function MissingSetting({ missing }: { missing: 'url' | 'callerDeviceId' }) {
  const { t } = useTranslation();
  return (
    <div className="queue-bar" role="region" aria-label={t('queue.title')} data-testid="queue-bar">
      <Typography.Text strong>{t('queue.title')}</Typography.Text>
      <Alert type="info" showIcon className="queue-alert" data-testid="queue-missing" title={t(`queue.missing.${missing}`)} />
    </div>
  );
}

function TransferDialog({ open, onClose, onTransfer }: { open: boolean; onClose: () => void; onTransfer: QueueControls['transfer'] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'window' | 'queue'>('window');
  const [code, setCode] = useState('');
  const submit = async () => {
    const c = code.trim();
    if (!c) return;
    if (await onTransfer(kind === 'window' ? { toWindow: c } : { toQueue: c })) {
      setCode('');
      onClose();
    }
  };
  return (
    <Modal open={open} title={t('queue.transferTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('queue.transfer')} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'window' | 'queue')}>
          <Radio value="window">{t('queue.toWindow')}</Radio>
          <Radio value="queue">{t('queue.toQueue')}</Radio>
        </Radio.Group>
        <Input autoFocus value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={() => void submit()} placeholder={t('queue.codePlaceholder')} data-testid="queue-transfer-code" />
      </Space>
    </Modal>
  );
}
