import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceStatusPayload } from '../../../../common/contract/devices';
import { SCAN_GAP_MS, SCAN_SUFFIXES, type ScanSuffix } from '../../../../common/contract/scan-framing';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { useCall } from '../../api/useCall';

type Port = MethodOutput<'devices.list'>['ports'][number];
type DeviceConfig = MethodOutput<'settings.get'>['settings']['devices'][number];
interface Row {
  id: string;
  kind: DeviceStatusPayload['kind'];
  port: string;
  baud?: number;
  model?: string;
  /** Scanners only: how a scan ends (native/scanner/scan-framer.ts). */
  scanSuffix?: ScanSuffix;
  scanGapMs?: number;
}
const KINDS = ['idcard', 'scanner', 'evaluator', 'queueCaller'] as const;
const BAUDS = [9600, 19200, 38400, 57600, 115200];
/** Field widths, shared by the column headings and the fields under them. */
const W = { id: 130, kind: 130, port: 200, baud: 100, model: 200, scanSuffix: 200, scanGapMs: 120 };
const COLUMNS = ['id', 'kind', 'port', 'baud', 'model', 'scanSuffix', 'scanGapMs'] as const;

/** Assign port, baud and model to each device; saving reconnects them (devices.configure). */
export function DeviceConfigDialog(props: { open: boolean; current: DeviceStatusPayload[]; ports: Port[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ devices: Row[] }>();
  // The status has no framing fields: the saved configuration does.
  const saved = useCall('settings.get', props.open ? undefined : null, [props.open]);
  const save = useAction(async (devices: Row[]) => {
    await call('devices.configure', { devices: devices.map((d) => toConfig(d, savedById.get(d.id))) });
    props.onSaved();
    props.onClose();
  });
  const savedById = new Map((saved.data?.settings.devices ?? []).map((d) => [d.id, d]));
  const initial = props.current.map((d): Row => {
    const c = savedById.get(d.id);
    // A device with no saved entry (the demo scanner) shows the framing its driver reports.
    const framing = c ?? runningFraming(d);
    return { id: d.id, kind: d.kind, port: d.port, baud: d.baud ?? undefined, model: d.model ?? undefined, scanSuffix: framing.scanSuffix, scanGapMs: framing.scanGapMs };
  });
  const portOptions = props.ports.map((p) => ({ value: p.path, label: `${p.path}${p.known ? ` · ${p.known.model}` : p.manufacturer ? ` · ${p.manufacturer}` : ''}` }));
  return (
    <Modal open={props.open && !saved.loading} title={t('maint.configure')} width={1200} onCancel={props.onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.busy }} destroyOnHidden>
      <Form form={form} initialValues={{ devices: initial }} onFinish={(v) => void save.exec(v.devices ?? [])}>
        <Form.List name="devices">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                // Filled fields lose their placeholders: the headings say what each column is.
                <Space aria-hidden style={{ marginBottom: 4 }}>
                  {COLUMNS.map((k) => (
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
                  <ScannerFraming name={f.name} />
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('maint.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'idcard', baud: 115200 })} block>
                {t('maint.addDevice')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('maint.scanFramingHelp', SCAN_GAP_MS)}
              </Typography.Paragraph>
              <datalist id="bauds">{BAUDS.map((b) => <option key={b} value={b} />)}</datalist>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** Suffix and gap, for scanner rows only (other kinds refuse them). */
function ScannerFraming(props: { name: number }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['devices', props.name, 'kind']) as Row['kind'] | undefined;
  if (kind !== 'scanner') return <span style={{ display: 'inline-block', width: W.scanSuffix + W.scanGapMs + 8 }} />;
  return (
    <Space align="baseline">
      <Form.Item name={[props.name, 'scanSuffix']}>
        <Select
          aria-label={t('maint.scanSuffix')}
          placeholder={t('maint.suffixOpt.auto')}
          style={{ width: W.scanSuffix }}
          allowClear
          options={SCAN_SUFFIXES.map((o) => ({ value: o, label: t(`maint.suffixOpt.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name={[props.name, 'scanGapMs']} rules={[{ type: 'number', min: SCAN_GAP_MS.min, max: SCAN_GAP_MS.max, message: t('maint.scanGapRule', SCAN_GAP_MS) }]}>
        <InputNumber aria-label={t('maint.scanGapMs')} placeholder={String(SCAN_GAP_MS.default)} style={{ width: W.scanGapMs }} precision={0} />
      </Form.Item>
    </Space>
  );
}

/** Suffix and gap a serial scanner driver reports in its status, where they differ from the defaults. */
function runningFraming(d: DeviceStatusPayload): Pick<Row, 'scanSuffix' | 'scanGapMs'> {
  const suffix = SCAN_SUFFIXES.find((o) => o !== 'auto' && o === d.details.suffix);
  const gap = d.details.gapMs;
  return { scanSuffix: suffix, scanGapMs: typeof gap === 'number' && gap !== SCAN_GAP_MS.default ? gap : undefined };
}

/** A row as devices.configure takes it; what the dialog does not edit (a caller's bus address) is kept from the saved entry. */
function toConfig(d: Row, saved: DeviceConfig | undefined) {
  const scanner = d.kind === 'scanner';
  return {
    id: d.id,
    kind: d.kind,
    port: d.port,
    ...(d.baud ? { baud: d.baud } : {}),
    ...(d.model ? { model: d.model } : {}),
    ...(scanner && d.scanSuffix ? { scanSuffix: d.scanSuffix } : {}),
    ...(scanner && typeof d.scanGapMs === 'number' ? { scanGapMs: d.scanGapMs } : {}),
    ...(d.kind === 'queueCaller' && saved?.callerAddress !== undefined ? { callerAddress: saved.callerAddress } : {}),
  };
}
