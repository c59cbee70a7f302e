import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialChoice } from '../draftStore';

interface Props {
  label: string;
  value: MaterialChoice['state'];
  licenceAllowed: boolean;
  deferrable: boolean;
  onChange: (state: MaterialChoice['state']) => void;
}

/** Received / e-licence / 容缺 / not provided — options appear only where the item allows them. Arrow keys move. */
export function MaterialStateSwitch({ label, value, licenceAllowed, deferrable, onChange }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: 'received', label: t('materials.state.received') },
    ...(licenceAllowed ? [{ value: 'licence', label: t('materials.state.licence') }] : []),
    ...(deferrable ? [{ value: 'deferred', label: t('materials.state.deferred') }] : []),
    { value: 'not_provided', label: t('materials.state.not_provided') },
  ];
  return (
    <Radio.Group
      size="small"
      optionType="button"
      buttonStyle="solid"
      aria-label={t('materials.stateOf', { name: label })}
      value={value}
      options={options}
      onChange={(e) => onChange(e.target.value as MaterialChoice['state'])}
    />
  );
}
