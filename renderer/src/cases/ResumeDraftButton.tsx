import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from '../api/useAction';
import { resumeDraft } from '../intake/resume/resumeDraft';
import { navigate } from '../routing/useHashRoute';
import { SHORTCUTS } from '../shared/shortcuts';
import { useHotkeys } from '../shared/useHotkeys';

/**
 * 继续办理 on a saved draft: the intake screen opens with it (item, applicant, agent, ticks, pages),
 * and its decision or 撤回 is this draft's. Focused when shown, so Enter on a draft row then Enter
 * resumes it; the shortcut works from the list too.
 */
export function ResumeDraftButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const resume = useAction(async () => {
    await resumeDraft(caseId);
    navigate('intake');
  });
  const key = SHORTCUTS.cases.resumeDraft;
  useHotkeys({ [key]: () => void resume.exec() }, !resume.busy);
  return (
    <Button type="primary" block autoFocus loading={resume.busy} onClick={() => void resume.exec()} data-testid="resume-draft">
      {t('cases.resumeDraft')} ({key})
    </Button>
  );
}
