import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Switch, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installWedge } from '../../wedge/install-wedge';
import { DEFAULT_WEDGE_CONFIG, type WedgeConfig } from '../../wedge/wedge-detector';
import { saveWedgeConfig, setWedgePaused, useWedgeConfig } from './wedgeConfig';

interface KeyRow {
  n: number;
  key: string;
  gap: number | null;
  action: 'pass' | 'hold';
}

/**
 * Scanner calibration: scan a code into the test field and see each key's gap and what the
 * detector did; then type in it by hand to prove typing is not taken for a scan.
 */
export function WedgeCalibration() {
  const { t } = useTranslation();
  const saved = useWedgeConfig();
  const [config, setConfig] = useState<WedgeConfig>(saved);
  const [keys, setKeys] = useState<KeyRow[]>([]);
  const [scans, setScans] = useState<string[]>([]);
  const [field, setField] = useState('');
  const last = useRef<number | null>(null);
  useEffect(() => {
    setWedgePaused(true);
    return () => setWedgePaused(false);
  }, []);
  useEffect(() => {
    // This screen's own detector, with the thresholds being tried (the app-wide one is paused).
    return installWedge(window, {
      config,
      onScan: (text) => setScans((s) => [text, ...s].slice(0, 5)),
      onKey: (key, time, action) => {
        const gap = last.current === null ? null : Math.round(time - last.current);
        last.current = time;
        setKeys((k) => [...k.slice(-59), { n: (k.at(-1)?.n ?? 0) + 1, key, gap, action }]);
      },
    });
  }, [config]);
  const set = (patch: Partial<WedgeConfig>) => setConfig((c) => ({ ...c, ...patch }));
  return (
    <Row gutter={12} data-testid="wedge-calibration">
      <Col span={10}>
        <Card size="small" title={t('wedge.title')}>
          <Alert type="info" showIcon title={t('wedge.hint')} style={{ marginBottom: 12 }} />
          <Form layout="vertical" component="div">
            <Form.Item label={t('wedge.testField')} htmlFor="wedge-test">
              <Input id="wedge-test" value={field} onChange={(e) => setField(e.target.value)} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('wedge.maxGap')} htmlFor="wedge-gap">
              <InputNumber id="wedge-gap" min={5} max={200} value={config.maxInterKeyMs} onChange={(v) => set({ maxInterKeyMs: v ?? DEFAULT_WEDGE_CONFIG.maxInterKeyMs })} />
            </Form.Item>
            <Form.Item label={t('wedge.minLength')} htmlFor="wedge-min">
              <InputNumber id="wedge-min" min={2} max={64} value={config.minLength} onChange={(v) => set({ minLength: v ?? DEFAULT_WEDGE_CONFIG.minLength })} />
            </Form.Item>
            <Form.Item label={t('wedge.requireSuffix')}>
              <Switch checked={config.requireSuffix} onChange={(v) => set({ requireSuffix: v })} aria-label={t('wedge.requireSuffix')} />
            </Form.Item>
          </Form>
          <Button type="primary" onClick={() => saveWedgeConfig(config)}>{t('wedge.save')}</Button>{' '}
          <Button onClick={() => setConfig(DEFAULT_WEDGE_CONFIG)}>{t('wedge.defaults')}</Button>
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('common.labeled', { label: t('wedge.scans'), value: '' })}{scans.length ? scans.map((s) => <code key={s}>{s} </code>) : '—'}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col span={14}>
        <Card size="small" title={t('wedge.keys')}>
          <Table<KeyRow>
            size="small"
            rowKey="n"
            pagination={false}
            scroll={{ y: 360 }}
            locale={{ emptyText: t('wedge.noKeys') }}
            dataSource={[...keys].reverse()}
            columns={[
              { title: '#', dataIndex: 'n', width: 50 },
              { title: t('wedge.key'), dataIndex: 'key' },
              { title: t('wedge.gap'), dataIndex: 'gap', render: (g: number | null) => (g === null ? '—' : `${g} ms`) },
              { title: t('wedge.action'), dataIndex: 'action', render: (a: string) => t(`wedge.actions.${a}`) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
