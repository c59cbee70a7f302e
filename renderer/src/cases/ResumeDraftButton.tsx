import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { useIntakeActions } from '../intake/actions/useIntakeActions';
import { draftStore, hasUnsavedWork, materialsDraftOf, type IntakeDraft } from '../intake/draftStore';
import { ReplaceIntakeDialog, type ReplaceChoice } from '../intake/resume/ReplaceIntakeDialog';
import { resumeDraft } from '../intake/resume/resumeDraft';
import { navigate } from '../routing/useHashRoute';
import { SHORTCUTS } from '../shared/shortcuts';
import { useHotkeys } from '../shared/useHotkeys';

/**
 * 继续办理 on a saved draft: the intake screen opens with it (item, applicant, agent, ticks, pages),
 * and its decision or 撤回 is this draft's. Focused when shown, so Enter on a draft row then Enter
 * resumes it; the shortcut works from the list too. Unsaved work on the intake screen is asked
 * about first (ReplaceIntakeDialog); another clerk's draft only says whose it is (main refuses it).
 */
export function ResumeDraftButton({ caseId, author }: { caseId: string; author: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<IntakeDraft | null>(null);
  const { saveDraft } = useIntakeActions();
  const resume = useAction(async () => {
    await resumeDraft(caseId);
    navigate('intake');
    return true;
  });
  const start = () => {
    const d = draftStore.get();
    if (hasUnsavedWork(d)) setAsking(d);
    else void resume.exec();
  };
  const choose = async (c: ReplaceChoice) => {
    const d = asking;
    if (c === 'save' && !(await saveDraft.exec())) return; // the error shows; the dialog stays
    setAsking(null);
    if (c === 'cancel' || !d) return;
    // Refused (the error shows): the intake on screen and its pages stay as they were.
    if (!(await resume.exec())) return;
    // Pages staged for an intake never saved are deleted with it (the dialog said how many); a saved draft keeps its own.
    const staged = materialsDraftOf(d).materialsDraftId;
    if (c === 'discard' && !d.draftCaseId && staged) void call('materials.discardDraft', { draftId: staged }).catch(() => undefined);
  };
  const mine = draftStore.use().owner === author.id;
  const key = SHORTCUTS.cases.resumeDraft;
  useHotkeys({ [key]: start }, mine && !resume.busy && !asking);
  if (!mine)
    return (
      <Typography.Text type="secondary" data-testid="resume-draft-other">
        {t('cases.otherAuthor', { name: author.name })}
      </Typography.Text>
    );
  return (
    <>
      <Button type="primary" block autoFocus loading={resume.busy} onClick={start} data-testid="resume-draft">
        {t('cases.resumeDraft')} ({key})
      </Button>
      <ReplaceIntakeDialog draft={asking} busy={saveDraft.busy} onChoose={(c) => void choose(c)} />
    </>
  );
}
