import { InputNumber, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistMaterial, MaterialChoice } from '../draftStore';
import { SlotCapture } from '../../capture/SlotCapture';
import { LicenceCell, type LicenceOffer } from './LicenceCell';
import { MaterialStateSwitch } from './MaterialStateSwitch';
import type { SlotEditorProps } from './pages';
import { MaterialSlotFiles } from './MaterialSlotFiles';

interface Props {
  material: ChecklistMaterial;
  choice: MaterialChoice;
  licence: LicenceOffer | null;
  deferDeadline: string | null;
  onChange: (choice: MaterialChoice) => void;
  /** The material's file slot (an item's material, or a bundle's merged one). */
  files?: Omit<SlotEditorProps, 'materialName' | 'disabled'>;
}

/** One material: name and flags, 原件/复印件 counts, its state, e-licence reuse, 容缺 deadline. */
export function MaterialRow({ material: m, choice, licence, deferDeadline, onChange, files }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<MaterialChoice>) => onChange({ ...choice, ...patch });
  const chooseLicence = () => set({ state: 'licence', licenceId: licence?.licenceId ?? undefined });
  return (
    <div className="material-row" data-testid="material-row" data-code={m.code} data-state={choice.state}>
      <div className="material-name">
        <Typography.Text strong>{m.name}</Typography.Text>
        <span>
          {m.required ? <Tag color="red">{t('materials.required')}</Tag> : <Tag>{t('materials.optional')}</Tag>}
          {m.deferrable && <Tag color="gold">{t('materials.deferrable')}</Tag>}
          {m.issuer && <Typography.Text type="secondary">{m.issuer}</Typography.Text>}
        </span>
      </div>
      <Space size={4} className="material-counts">
        <span>{t('materials.originals')}</span>
        <InputNumber size="small" min={0} max={99} value={choice.originals ?? m.originals} aria-label={t('materials.originalsOf', { name: m.name })} onChange={(v) => set({ originals: v ?? 0 })} style={{ width: 52 }} disabled={choice.state !== 'received'} />
        <span>{t('materials.copies')}</span>
        <InputNumber size="small" min={0} max={99} value={choice.copies ?? m.copies} aria-label={t('materials.copiesOf', { name: m.name })} onChange={(v) => set({ copies: v ?? 0 })} style={{ width: 52 }} disabled={choice.state !== 'received'} />
      </Space>
      <div className="material-state">
        <MaterialStateSwitch
          label={m.name}
          value={choice.state}
          licenceAllowed={!!licence?.licenceId}
          deferrable={m.deferrable}
          onChange={(state) => (state === 'licence' ? chooseLicence() : set({ state, licenceId: undefined }))}
        />
        {licence && <LicenceCell offer={licence} used={choice.state === 'licence'} onUse={chooseLicence} />}
        {files && <MaterialSlotFiles {...files} materialName={m.name} disabled={choice.state === 'deferred' || choice.state === 'not_provided'} />}
        {files && choice.state === 'received' && <SlotCapture code={m.code} name={m.name} />}
        {choice.state === 'deferred' && (
          <Typography.Text type="warning" data-testid="defer-deadline">
            {deferDeadline ? t('materials.deadline', { date: deferDeadline }) : t('materials.deadlinePending')}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
