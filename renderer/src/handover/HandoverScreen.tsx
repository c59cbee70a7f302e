import { Alert, App, Button, Card, Col, Input, Row, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/contract';
import type { IdentityCheck } from '../../../common/contract/handover';
import { useAction } from '../api/useAction';
import { useCall } from '../api/useCall';
import { useEvent } from '../api/useEvent';
import { call } from '../bridge';
import { navigate } from '../routing/useHashRoute';
import { CallError } from '../shared/CallError';
import { SHORTCUTS } from '../shared/shortcuts';
import { useDemoCard } from '../shared/useDemoCard';
import { useHotkeys } from '../shared/useHotkeys';
import { OverrideDialog, PostDialog } from './HandoverDialogs';
import { HandoverList } from './HandoverList';
import { HandoverResult } from './HandoverResult';

const K = SHORTCUTS.handover;

interface Props {
  /** From the route (`#/handover/CASE-NUMBER`): typed, scanned from the notice QR, or picked in the list. */
  caseNumber: string | null;
  mode: 'normal' | 'demo';
  roles: readonly Role[];
  helpOpen: boolean;
}

/**
 * 出件: scan the notice QR or type the case number → the result and what to hand over → the
 * collector's ID card is read and checked against the applicant or agent (in main, by keyed hash) →
 * 确认领取; or 邮寄 with a tracking number. Beside it, the window's 待领取 list.
 */
export default function HandoverScreen({ caseNumber, mode, roles, helpOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [typed, setTyped] = useState(caseNumber ?? '');
  const [identity, setIdentity] = useState<(IdentityCheck & { cardToken: string }) | null>(null);
  const [dialog, setDialog] = useState<'override' | 'post' | null>(null);
  const [round, setRound] = useState(0);
  const input = useRef<{ focus: () => void; select?: () => void } | null>(null);
  const found = useCall('handover.find', caseNumber ? { caseNumber } : null, [caseNumber]);
  const c = caseNumber ? found.data : null;
  const ready = c?.stage === 'ready';
  const readCard = useDemoCard(mode);

  useEffect(() => {
    setTyped(caseNumber ?? '');
    setIdentity(null);
  }, [caseNumber]);

  // A card read while a ready result is shown is checked at once against the case's applicant and agent.
  useEvent('intake.applicant', (a) => {
    if (!c || c.stage !== 'ready') {
      void message.info({ content: t('handover.cardWithoutCase'), key: 'card' });
      return;
    }
    call('handover.identify', { caseId: c.caseId, cardToken: a.cardToken }).then(
      (r) => {
        setIdentity({ ...r, cardToken: a.cardToken });
        message.destroy('card');
      },
      (err: unknown) => void message.error(String((err as Error).message)),
    );
  });

  const done = (next: typeof c) => {
    if (!next) return;
    found.setData(next);
    setIdentity(null);
    setDialog(null);
    setRound((r) => r + 1);
  };
  const confirm = useAction(async (overrideReason?: string) => {
    if (!c) return;
    done(await call('handover.confirm', { caseId: c.caseId, ...(identity ? { cardToken: identity.cardToken } : {}), ...(overrideReason ? { overrideReason } : {}) }));
    void message.success(t('handover.collected'));
  });
  const post = useAction(async (carrier: string, trackingNumber: string) => {
    if (!c) return;
    done(await call('handover.post', { caseId: c.caseId, carrier, trackingNumber }));
    void message.success(t('handover.posted'));
  });

  const open = (n: string) => (n.trim() ? navigate('handover', n.trim()) : undefined);
  const clear = () => {
    navigate('handover');
    setTyped('');
    setIdentity(null);
    input.current?.focus();
  };
  useHotkeys(
    {
      [K.handoverFind]: () => {
        input.current?.focus();
        input.current?.select?.();
      },
      [K.handoverReadCard]: () => void readCard(),
      [K.handoverConfirm]: () => ready && identity?.match && void confirm.exec(),
      [K.handoverOverride]: () => ready && setDialog('override'),
      [K.handoverPost]: () => ready && setDialog('post'),
      [K.handoverClear]: clear,
    },
    !helpOpen && dialog === null,
  );

  return (
    <Row gutter={12} data-testid="handover-screen">
      <Col span={12}>
        <Card size="small" title={t('handover.title')} className="intake-card">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={(el) => {
                input.current = el?.input ? { focus: () => el.focus(), select: () => el.input!.select() } : null;
              }}
              autoFocus
              allowClear
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onPressEnter={() => open(typed)}
              placeholder={t('handover.casePlaceholder')}
              aria-label={t('handover.caseNumber')}
              data-testid="handover-case-input"
            />
            <Button type="primary" onClick={() => open(typed)} data-testid="handover-find">
              {t('handover.find')} ({K.handoverFind})
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" style={{ marginTop: 6, marginBottom: 0 }}>
            {t('handover.scanHint')}
          </Typography.Paragraph>
        </Card>
        {caseNumber && found.error && <CallError error={found.error} what={t('handover.title')} onRetry={found.reload} />}
        {c && (
          <Card size="small" className="intake-card">
            <HandoverResult c={c} />
            {c.stage === 'no_result' && <Alert type="info" showIcon title={t('handover.noResult')} style={{ marginTop: 8 }} />}
            {c.stage === 'decided' && <Alert type="info" showIcon title={t('handover.notReady')} style={{ marginTop: 8 }} />}
            {ready && (
              <div style={{ marginTop: 10 }}>
                {!identity && <Alert type="info" showIcon title={t('handover.readCardHint', { key: K.handoverReadCard })} data-testid="handover-await-card" />}
                {identity?.match && <Alert type="success" showIcon title={identity.message} data-testid="handover-identity-ok" />}
                {identity && !identity.match && <Alert type="error" showIcon role="alert" title={t('handover.mismatchTitle')} description={identity.message} data-testid="handover-identity-refused" />}
                <Space style={{ marginTop: 10 }} wrap>
                  <Button type="primary" disabled={!identity?.match} loading={confirm.busy} onClick={() => void confirm.exec()} data-testid="handover-confirm">
                    {t('handover.confirm')} ({K.handoverConfirm})
                  </Button>
                  <Button onClick={() => void readCard()}>{t('handover.readCard')} ({K.handoverReadCard})</Button>
                  <Button danger={Boolean(identity && !identity.match)} onClick={() => setDialog('override')} data-testid="handover-override">
                    {t('handover.override')} ({K.handoverOverride})
                  </Button>
                  <Button onClick={() => setDialog('post')} data-testid="handover-post">
                    {t('handover.post')} ({K.handoverPost})
                  </Button>
                </Space>
              </div>
            )}
          </Card>
        )}
      </Col>
      <Col span={12}>
        <HandoverList canSeeHall={roles.includes('supervisor')} round={round} onOpen={open} />
      </Col>
      <OverrideDialog open={dialog === 'override'} busy={confirm.busy} onCancel={() => setDialog(null)} onOk={(reason) => void confirm.exec(reason)} />
      <PostDialog open={dialog === 'post'} busy={post.busy} onCancel={() => setDialog(null)} onOk={(carrier, tracking) => void post.exec(carrier, tracking)} />
    </Row>
  );
}
