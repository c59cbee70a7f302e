import { Button, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from '../draftStore';

export type ReplaceChoice = 'save' | 'discard' | 'cancel';

/**
 * Asked before 继续办理 replaces an intake with unsaved work: 暂存并继续 (the safe default, focused,
 * so Enter keeps everything), 放弃当前 (says how many staged pages go with it), 取消 (Esc).
 * Without an item the intake cannot be saved, so 取消 is the default then.
 */
export function ReplaceIntakeDialog({ draft, busy, onChoose }: { draft: IntakeDraft | null; busy: boolean; onChoose: (c: ReplaceChoice) => void }) {
  const { t } = useTranslation();
  const canSave = Boolean(draft?.item && !draft.bundle);
  const pages = draft ? Object.values(draft.slots).reduce((n, s) => n + s.parts.length, 0) : 0;
  return (
    <Modal
      open={draft !== null}
      title={t('cases.unsavedTitle')}
      onCancel={() => onChoose('cancel')}
      keyboard
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => onChoose('cancel')} autoFocus={!canSave} data-testid="replace-cancel">
            {t('common.cancel')} ({canSave ? 'Esc' : 'Enter / Esc'})
          </Button>
          <Button danger onClick={() => onChoose('discard')} data-testid="replace-discard">
            {t('cases.discardCurrent')}
          </Button>
          <Button type="primary" disabled={!canSave} loading={busy} autoFocus={canSave} onClick={() => onChoose('save')} data-testid="replace-save">
            {t('cases.saveAndResume')}{canSave && ' (Enter)'}
          </Button>
        </Space>
      }
    >
      <div data-testid="replace-intake-dialog">
        <p>{t('cases.unsavedBody')}</p>
        {pages > 0 && <p data-testid="replace-pages">{t(draft?.draftCaseId ? 'cases.pagesKept' : 'cases.pagesLost', { count: pages })}</p>}
        {!canSave && <p>{t('cases.cannotSave')}</p>}
      </div>
    </Modal>
  );
}
