import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceStatusPayload } from '../../../../common/contract/devices';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';

type Port = MethodOutput<'devices.list'>['ports'][number];
interface Row {
  id: string;
  kind: DeviceStatusPayload['kind'];
  port: string;
  baud?: number;
  model?: string;
}
const KINDS = ['idcard', 'scanner', 'evaluator'] as const;
const BAUDS = [9600, 19200, 38400, 57600, 115200];
/** Field widths, shared by the column headings and the fields under them. */
const W = { id: 130, kind: 130, port: 200, baud: 100, model: 230 };

/** Assign port, baud and model to each device; saving reconnects them (devices.configure). */
export function DeviceConfigDialog(props: { open: boolean; current: DeviceStatusPayload[]; ports: Port[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ devices: Row[] }>();
  const save = useAction(async (devices: Row[]) => {
    await call('devices.configure', { devices: devices.map((d) => ({ id: d.id, kind: d.kind, port: d.port, ...(d.baud ? { baud: d.baud } : {}), ...(d.model ? { model: d.model } : {}) })) });
    props.onSaved();
    props.onClose();
  });
  const initial = props.current.map((d) => ({ id: d.id, kind: d.kind, port: d.port, baud: d.baud ?? undefined, model: d.model ?? undefined }));
  const portOptions = props.ports.map((p) => ({ value: p.path, label: `${p.path}${p.known ? ` · ${p.known.model}` : p.manufacturer ? ` · ${p.manufacturer}` : ''}` }));
  return (
    <Modal open={props.open} title={t('maint.configure')} width={920} onCancel={props.onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.busy }} destroyOnHidden>
      <Form form={form} initialValues={{ devices: initial }} onFinish={(v) => void save.exec(v.devices ?? [])}>
        <Form.List name="devices">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                // Filled fields lose their placeholders: the headings say what each column is.
                <Space aria-hidden style={{ marginBottom: 4 }}>
                  {(['id', 'kind', 'port', 'baud', 'model'] as const).map((k) => (
                    <Typography.Text type="secondary" key={k} style={{ display: 'inline-block', width: W[k] }}>
                      {t(`maint.${k}`)}
                    </Typography.Text>
                  ))}
                </Space>
              )}
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap={false}>
                  <Form.Item name={[f.name, 'id']} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: t('maint.idRule') }]}>
                    <Input placeholder={t('maint.id')} aria-label={t('maint.id')} style={{ width: W.id }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select aria-label={t('maint.kind')} style={{ width: W.kind }} options={KINDS.map((k) => ({ value: k, label: t(`devices.kind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'port']} rules={[{ required: true, message: t('common.required') }]}>
                    <AutoComplete aria-label={t('maint.port')} placeholder={t('maint.port')} style={{ width: W.port }} options={portOptions} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'baud']}>
                    <InputNumber aria-label={t('maint.baud')} placeholder={t('maint.baud')} style={{ width: W.baud }} min={300} max={4_000_000} list="bauds" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'model']}>
                    <Input aria-label={t('maint.model')} placeholder={t('maint.model')} style={{ width: W.model }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('maint.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'idcard', baud: 115200 })} block>
                {t('maint.addDevice')}
              </Button>
              <datalist id="bauds">{BAUDS.map((b) => <option key={b} value={b} />)}</datalist>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
