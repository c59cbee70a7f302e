import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../common/contract/catalog';
import { itemTypeText, limitText } from '../../shared/catalogText';

/** The chosen item in one compact block. */
export function ItemHeader({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={3} data-testid="item-header" style={{ marginTop: 12 }} title={<span data-testid="item-name">{item.name}</span>}>
      <Descriptions.Item label={t('items.code')}>{item.code}</Descriptions.Item>
      <Descriptions.Item label={t('items.type')}>{itemTypeText(t, item.itemType, item.itemTypeLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('items.department')}>{item.department}</Descriptions.Item>
      <Descriptions.Item label={t('items.promisedLimit')}>
        <Tag color="blue">{limitText(t, item.promisedLimit)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('items.legalLimit')}>{limitText(t, item.legalLimit)}</Descriptions.Item>
      <Descriptions.Item label={t('items.fee')}>{item.fee}</Descriptions.Item>
    </Descriptions>
  );
}
