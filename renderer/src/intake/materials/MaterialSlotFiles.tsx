import { App, Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/useCall';
import { errorText } from '../../shared/errorText';
import { fileSize } from './fileSize';
import { PAGE_ACCEPT, stagePage, type SlotEditorProps } from './pages';

/**
 * The minimal file slot of one material: "添加文件" (a button, so Tab reaches it and Enter opens the
 * picker), then the page count and size. Files are staged one by one, so a failure (a full disk, a
 * broken file) says which and keeps the others. The capture UI (camera, reorder, rotate, crop)
 * takes the same props (SlotEditorProps) and may render beside or instead of this.
 */
export function MaterialSlotFiles({ draftId, materialCode, materialName, slot, onSlotChange, disabled }: SlotEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const add = async (files: File[]) => {
    setBusy(true);
    let failed = 0;
    for (const file of files) {
      try {
        onSlotChange((await stagePage(draftId, materialCode, file, 'file', file.name)).slot);
      } catch (err) {
        failed++;
        void message.error(`${file.name}：${errorText(t, asApiError(err))}`);
      }
    }
    if (failed && failed < files.length) void message.warning(t('materials.files.partial', { done: files.length - failed, failed }));
    setBusy(false);
  };
  return (
    <Space size={6} className="material-files" data-testid="material-files" data-code={materialCode}>
      <input
        ref={input}
        type="file"
        multiple
        accept={PAGE_ACCEPT}
        hidden
        data-testid="material-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void add(files);
        }}
      />
      <Button size="small" loading={busy} disabled={disabled} aria-label={t('materials.files.addOf', { name: materialName })} onClick={() => input.current?.click()}>
        {busy ? t('materials.files.adding') : t('materials.files.add')}
      </Button>
      <Typography.Text type="secondary" data-testid="material-files-summary" data-pages={slot?.pageCount ?? 0}>
        {slot?.parts.length ? t('materials.files.summary', { pages: slot.pageCount, size: fileSize(slot.bytes) }) : t('materials.files.none')}
      </Typography.Text>
    </Space>
  );
}
