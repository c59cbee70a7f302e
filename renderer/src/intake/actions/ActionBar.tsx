import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../shared/shortcuts';

interface Props {
  ready: boolean;
  deferred: boolean;
  busy: boolean;
  onAccept: () => void;
  onReject: () => void;
  onSaveDraft: () => void;
  /** Only while the intake on screen is a saved draft. */
  onWithdraw?: () => void;
  onNext: () => void;
}

/** The four decisions (and 撤回 of a saved draft), each with its shortcut written on it. */
export function ActionBar({ ready, deferred, busy, onAccept, onReject, onSaveDraft, onWithdraw, onNext }: Props) {
  const { t } = useTranslation();
  const k = SHORTCUTS.intake;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} role="group" aria-label={t('actions.group')} className="action-bar">
      <Button type="primary" size="large" block disabled={!ready} loading={busy} onClick={onAccept} data-testid="accept">
        {deferred ? t('actions.acceptDeferred') : t('actions.accept')} ({deferred ? k.acceptDeferred : k.accept})
      </Button>
      <div className="action-pair">
        <Button disabled={!ready || busy} onClick={onSaveDraft} data-testid="save-draft">
          {t('actions.saveDraft')} ({k.saveDraft})
        </Button>
        <Button danger disabled={!ready || busy} onClick={onReject} data-testid="reject">
          {t('actions.reject')} ({k.reject})
        </Button>
      </div>
      {onWithdraw && (
        <Button block danger type="dashed" disabled={busy} onClick={onWithdraw} data-testid="withdraw-draft">
          {t('actions.withdrawDraft')} ({k.withdrawDraft})
        </Button>
      )}
      <Button block onClick={onNext} data-testid="next-applicant">
        {t('actions.next')} ({k.nextApplicant})
      </Button>
    </Space>
  );
}
