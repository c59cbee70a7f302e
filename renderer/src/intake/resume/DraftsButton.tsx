import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { openDrafts } from '../../cases/caseRange';
import { SHORTCUTS } from '../../shared/shortcuts';

/** The intake's way to a saved draft: 我的办件 listing the 草稿, with its key. */
export function DraftsButton() {
  const { t } = useTranslation();
  return (
    <Button size="small" onClick={openDrafts} data-testid="open-drafts">
      {t('actions.openDrafts')} {SHORTCUTS.intake.openDrafts}
    </Button>
  );
}
