import { Button, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { call } from '../../bridge';
import { asApiError } from '../../api/useCall';
import { clockTime } from '../../shared/dates';
import { errorText } from '../../shared/errorText';

type Frame = MethodOutput<'devices.frames'>['frames'][number];
const POLL_MS = 1000;

/** The device's last frames on the wire, in hex, refreshed live (pause to read). */
export function FrameLog({ id }: { id: string }) {
  const { t } = useTranslation();
  const [frames, setFrames] = useState<Frame[]>([]);
  const [live, setLive] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (!live) return;
    let stop = false;
    const load = () =>
      call('devices.frames', { id, limit: 200 }).then(
        (r) => !stop && (setFrames(r.frames), setError(null)),
        (e) => !stop && setError(errorText(t, asApiError(e))),
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [id, live, t]);
  useEffect(() => {
    if (live && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [frames, live]);
  const text = frames.map((f) => `${clockTime(f.at)} ${f.dir === 'tx' ? '→' : '←'} ${f.hex}`).join('\n');
  return (
    <div>
      <Space style={{ margin: '8px 0' }}>
        <Typography.Text strong>{t('maint.frameLog')}</Typography.Text>
        <Switch size="small" checked={live} onChange={setLive} aria-label={t('maint.live')} />
        <span>{t('maint.live')}</span>
        <Button size="small" onClick={() => void navigator.clipboard?.writeText(text)}>{t('maint.copy')}</Button>
        <Typography.Text type="secondary">{t('maint.frameCount', { count: frames.length })}</Typography.Text>
      </Space>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <pre ref={box} className="frame-log" data-testid="frame-log" aria-label={t('maint.frameLog')} tabIndex={0}>
        {text || t('maint.noFrames')}
      </pre>
    </div>
  );
}
