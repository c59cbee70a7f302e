import { CameraOutlined, DeleteOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Modal, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/useCall';
import { CallError } from '../shared/CallError';
import { hotkeyName, SHORTCUTS } from '../shared/shortcuts';
import { useHotkeys } from '../shared/useHotkeys';
import { CameraPreview } from './CameraPreview';
import { draftStore } from '../intake/draftStore';
import { fileSize } from '../intake/materials/fileSize';
import { rotateClockwise } from './pages/geometry';
import { processStill } from './pages/processStill';
import { PageThumb } from './PageThumb';
import { autoCropOf, slotPages } from './slots/slotPages';
import { CAPTURE_MEASURES, type CapturePhase } from './captureMeasures';
import { useCamera } from './useCamera';

/**
 * The camera window of one material slot: live preview on the left, the slot's pages on the right.
 * Keyboard first: Space/Enter take a page, ↑/↓ select, Alt+↑/↓ move, R rotates, C toggles the
 * automatic crop, Delete removes, Esc closes (the pages stay in the slot).
 */
export function CaptureDialog({ code, name, onClose }: { code: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCall('camera.settings', undefined);
  const { state, retry } = useCamera(settings.data);
  const draft = draftStore.use();
  const pages = draft.slots[code]?.parts ?? [];
  const [selected, setSelected] = useState(Math.max(0, pages.length - 1));
  const [pending, setPending] = useState(0);
  // Captures run one after the other, so pages land in the order the keys were pressed.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const current = pages[Math.min(selected, pages.length - 1)] ?? null;
  const fail = (err: unknown) => void message.error((err as Error).message || t('capture.failed'));

  const shoot = () => {
    if (state.phase !== 'live') return;
    const camera = state.camera;
    setPending((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const still = await camera.capture();
        const since = (phase: CapturePhase) => performance.measure(CAPTURE_MEASURES[phase], { start: still.askedAt, end: performance.now() });
        since('grabbed');
        const page = await processStill(still);
        still.image.close();
        since('encoded');
        await slotPages.add(code, page);
        since('stored');
        setSelected(slotPages.list(code).length - 1);
      } catch (err) {
        fail(err);
      } finally {
        setPending((n) => n - 1);
      }
    });
  };
  const withPage = (f: (pageId: string) => Promise<void>) => () => {
    if (current) void f(current.pageId).catch(fail);
  };
  const rotate = withPage((id) => slotPages.rotate(code, id, rotateClockwise(current!.rotation)));
  const toggleCrop = withPage((id) => slotPages.crop(code, id, current!.crop ? null : autoCropOf(id)));
  const remove = withPage(async (id) => {
    await slotPages.remove(code, id);
    setSelected((i) => Math.max(0, Math.min(i, slotPages.list(code).length - 1)));
  });
  const move = (delta: number) =>
    withPage(async (id) => {
      await slotPages.move(code, id, delta);
      setSelected(slotPages.list(code).findIndex((p) => p.pageId === id));
    })();
  const select = (delta: number) => setSelected((i) => Math.max(0, Math.min(pages.length - 1, i + delta)));
  const k = SHORTCUTS.capture;
  useHotkeys({
    [hotkeyName(k.takePhoto[0])]: shoot,
    [hotkeyName(k.takePhoto[1])]: shoot,
    [k.selectPage[0]]: () => select(-1),
    [k.selectPage[1]]: () => select(1),
    [k.movePage[0]]: () => move(-1),
    [k.movePage[1]]: () => move(1),
    [k.rotatePage]: rotate,
    [k.cropPage]: toggleCrop,
    [k.deletePage]: remove,
  });
  return (
    <Modal
      open
      title={t('capture.title', { name })}
      width={1180}
      style={{ top: 16 }}
      onCancel={onClose}
      focusTriggerAfterClose
      footer={
        <div className="capture-footer">
          <Typography.Text data-testid="capture-summary">{t('capture.summary', { count: draft.slots[code]?.pageCount ?? 0, size: fileSize(draft.slots[code]?.bytes ?? 0) })}</Typography.Text>
          <Space>
            <Button icon={<RotateRightOutlined />} onClick={rotate} disabled={!current} data-testid="capture-rotate">{t('capture.rotate')} (R)</Button>
            <Button icon={<ScissorOutlined />} onClick={toggleCrop} disabled={!current || (!current.crop && !autoCropOf(current.pageId))} data-testid="capture-crop">{current?.crop ? t('capture.uncrop') : t('capture.crop')} (C)</Button>
            <Button icon={<DeleteOutlined />} danger onClick={remove} disabled={!current} data-testid="capture-delete">{t('capture.delete')} (Delete)</Button>
            <Button type="primary" icon={<CameraOutlined />} onClick={shoot} disabled={state.phase !== 'live'} loading={pending > 0} data-testid="capture-shoot">{t('capture.shoot')} (Space)</Button>
            <Button onClick={onClose} data-testid="capture-done">{t('capture.done')} (Esc)</Button>
          </Space>
        </div>
      }
    >
      <div className="capture-body" data-testid="capture-dialog">
        <div className="capture-preview-pane">
          {settings.error && <CallError error={settings.error} what={t('capture.camera')} onRetry={settings.reload} />}
          {state.phase === 'starting' && !settings.error && <Spin description={t('capture.starting')}><div className="capture-live capture-waiting" /></Spin>}
          {state.phase === 'failed' && <Alert type="error" showIcon title={state.message} action={<Button size="small" onClick={retry}>{t('common.retry')}</Button>} data-testid="capture-error" />}
          {state.phase === 'live' && (
            <>
              <CameraPreview preview={state.started.preview} label={t('capture.preview')} />
              <Typography.Text type="secondary" data-testid="capture-resolution">
                {t(`capture.backend.${state.camera.backend}`)} · {state.started.resolution.width}×{state.started.resolution.height}
              </Typography.Text>
              {state.started.note && <Alert type="warning" showIcon title={state.started.note} />}
            </>
          )}
        </div>
        <div className="capture-pages" role="listbox" aria-label={t('capture.pages')} data-testid="capture-pages">
          {!pages.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('capture.noPages')} />}
          {pages.map((p, i) => (
            <PageThumb key={p.pageId} draftId={draft.materialsDraftId} page={p} index={i} selected={p === current} onSelect={() => setSelected(i)} />
          ))}
        </div>
      </div>
    </Modal>
  );
}
