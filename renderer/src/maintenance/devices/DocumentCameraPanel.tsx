import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VENDOR_DRIVERS, type DocumentCameraSettings } from '../../../../common/contract/camera';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { useCall } from '../../api/useCall';
import { cameraFor } from '../../capture/camera/cameraFor';
import { listUvcCameras } from '../../capture/camera/uvcCamera';

/** 运维 → 设备 → 高拍仪: which backend captures pages, which camera; saved in settings (documentCamera). */
export function DocumentCameraPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useCall('settings.get', undefined);
  const [form] = Form.useForm<DocumentCameraSettings>();
  const backend = Form.useWatch('backend', form);
  const [cameras, setCameras] = useState<string[]>([]);
  const find = useAction(async () => {
    // Labels are listed only after the permission was granted once.
    const probe = await navigator.mediaDevices.getUserMedia({ video: true });
    probe.getTracks().forEach((tr) => tr.stop());
    setCameras((await listUvcCameras()).map((c) => c.label));
  });
  const save = useAction(async (v: DocumentCameraSettings) => {
    await call('settings.update', { patch: { documentCamera: v } });
    void message.success(t('documentCamera.saved'));
    saved.reload();
  });
  const test = useAction(async () => {
    const camera = cameraFor(await call('camera.settings'));
    try {
      await camera.start();
      const still = await camera.capture();
      still.image.close();
      void message.success(t('documentCamera.testOk', { width: still.width, height: still.height }));
    } finally {
      await camera.stop();
    }
  });
  if (!saved.data) return null;
  return (
    <Card size="small" title={t('documentCamera.title')} data-testid="document-camera-panel">
      <Form form={form} layout="inline" initialValues={saved.data.settings.documentCamera} onFinish={(v) => void save.exec({ ...saved.data!.settings.documentCamera, ...v })}>
        <Form.Item name="backend" label={t('documentCamera.backend')}>
          <Radio.Group optionType="button" options={[{ value: 'uvc', label: t('capture.backend.uvc') }, { value: 'vendor', label: t('capture.backend.vendor') }]} data-testid="camera-backend" />
        </Form.Item>
        {backend !== 'vendor' ? (
          <Form.Item label={t('documentCamera.camera')}>
            <Space.Compact>
              <Form.Item name="uvcLabel" noStyle>
                <Select style={{ width: 260 }} allowClear placeholder={t('documentCamera.firstCamera')} options={cameras.map((c) => ({ value: c, label: c }))} aria-label={t('documentCamera.camera')} />
              </Form.Item>
              <Button onClick={() => void find.exec()} loading={find.busy}>{t('documentCamera.findCameras')}</Button>
            </Space.Compact>
          </Form.Item>
        ) : (
          <>
            <Form.Item name="vendorDriver" label={t('documentCamera.driver')}>
              <Select style={{ width: 220 }} options={VENDOR_DRIVERS.map((d) => ({ value: d, label: t(`documentCamera.drivers.${d}`) }))} aria-label={t('documentCamera.driver')} />
            </Form.Item>
            <Form.Item name="vendorUrl" label={t('documentCamera.url')} rules={[{ required: true, pattern: /^ws:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?(\/\S*)?$/, message: '高拍仪服务地址必须是本机地址，例如 ws://127.0.0.1:9000' }]}>
              <Input style={{ width: 220 }} aria-label={t('documentCamera.url')} data-testid="camera-url" />
            </Form.Item>
            <Form.Item name="vendorDevice" label={t('documentCamera.device')}>
              <InputNumber min={0} max={15} style={{ width: 70 }} aria-label={t('documentCamera.device')} />
            </Form.Item>
          </>
        )}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.busy} data-testid="camera-save">{t('documentCamera.save')}</Button>
            <Button onClick={() => void test.exec()} loading={test.busy} data-testid="camera-test">{t('documentCamera.test')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {backend === 'vendor' ? t('documentCamera.vendorHelp') : t('documentCamera.uvcHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
