import { Alert, Checkbox, Form, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BundleResult } from '../draftStore';

interface Props {
  result: BundleResult;
  answers: Record<string, string | string[]>;
  onAnswer: (questionId: string, value: string | string[]) => void;
}

/** Situations (情形) as simple questions; the answers select the bundle's items. */
export function BundleQuestions({ result, answers, onAnswer }: Props) {
  const { t } = useTranslation();
  return (
    <div data-testid="bundle-questions">
      <Form layout="vertical" component="div">
        {result.bundle.questions.map((q) => (
          <Form.Item key={q.id} label={q.text}>
            {q.kind === 'single' ? (
              <Radio.Group
                aria-label={q.text}
                value={answers[q.id]}
                onChange={(e) => onAnswer(q.id, e.target.value as string)}
                options={q.options.map((o) => ({ value: o.id, label: o.label }))}
              />
            ) : (
              <Checkbox.Group
                aria-label={q.text}
                value={(answers[q.id] as string[] | undefined) ?? []}
                onChange={(v) => onAnswer(q.id, v as string[])}
                options={q.options.map((o) => ({ value: o.id, label: o.label }))}
              />
            )}
          </Form.Item>
        ))}
      </Form>
      {result.unanswered.length > 0 && <Alert type="info" showIcon title={t('bundle.unanswered', { count: result.unanswered.length })} />}
      <div style={{ marginTop: 8 }} aria-label={t('bundle.selectedItems')}>
        {t('common.labeled', { label: t('bundle.selectedItems'), value: '' })}
        {result.items.map((i) => (
          <Tag key={i.code} color="blue">
            {i.name}
          </Tag>
        ))}
      </div>
    </div>
  );
}
