import { IdcardOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Form, Input, Select, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGENT_RELATION_CODES, needsPowerOfAttorney } from '../../../../common/domain/agent-relations';
import { CERTIFICATE_TYPE_CODES } from '../../../../common/domain/certificate-types';
import { EMPTY_AGENT, patchDraft, type AgentFields } from '../draftStore';

/**
 * 代办人: off = the applicant came in person. On, the next card read fills the agent (not the
 * applicant) until the agent has a card; or the clerk types the agent.
 */
export function AgentForm({ agent }: { agent: AgentFields | null }) {
  const { t } = useTranslation();
  const set = (patch: Partial<AgentFields>) => patchDraft((d) => ({ agent: d.agent && { ...d.agent, ...patch } }));
  return (
    <Form layout="vertical" size="middle" component="div" data-testid="agent-form">
      <Form.Item label={t('agent.toggle')} htmlFor="agent-toggle" extra={agent && !agent.card ? t('agent.nextCardHint') : undefined}>
        <Switch id="agent-toggle" data-testid="agent-toggle" checked={agent !== null} onChange={(on) => patchDraft({ agent: on ? EMPTY_AGENT : null })} />
      </Form.Item>
      {agent && (
        <>
          <Form.Item label={t('agent.relation')} htmlFor="agent-relation">
            <Select
              id="agent-relation"
              data-testid="agent-relation"
              value={agent.relation}
              onChange={(relation) => set({ relation })}
              options={AGENT_RELATION_CODES.map((v) => ({ value: v, label: t(`agent.relations.${v}`) }))}
            />
          </Form.Item>
          {agent.card ? (
            <div data-testid="agent-card">
              <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('agent.name')}>
                  <span data-testid="agent-name">{agent.card.name}</span>
                  {agent.card.simulated && <Tag color="orange" style={{ marginLeft: 8 }}>{t('applicant.demoCard')}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t(`certTypes.${agent.card.certType}`)}>
                  <span data-testid="agent-id">{agent.card.maskedId}</span>
                </Descriptions.Item>
              </Descriptions>
              <Button size="small" icon={<IdcardOutlined />} onClick={() => set({ card: null })} style={{ margin: '8px 0 12px' }}>
                {t('agent.clearCard')}
              </Button>
            </div>
          ) : (
            <>
              <Form.Item label={t('agent.certType')} htmlFor="agent-cert-type">
                <Select
                  id="agent-cert-type"
                  value={agent.certType}
                  onChange={(certType) => set({ certType })}
                  options={CERTIFICATE_TYPE_CODES.map((v) => ({ value: v, label: `${v} ${t(`certTypes.${v}`)}` }))}
                />
              </Form.Item>
              <Form.Item label={t('agent.idNumber')} htmlFor="agent-id-number">
                <Input id="agent-id-number" data-testid="agent-id-input" value={agent.idNumber} maxLength={40} autoComplete="off" onChange={(e) => set({ idNumber: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('agent.name')} htmlFor="agent-name-input">
                <Input id="agent-name-input" data-testid="agent-name-input" value={agent.name} maxLength={60} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
              </Form.Item>
            </>
          )}
          {needsPowerOfAttorney(agent.relation) && (
            <Form.Item>
              <Checkbox data-testid="agent-poa" checked={agent.powerOfAttorney} onChange={(e) => set({ powerOfAttorney: e.target.checked })}>
                {t('agent.powerOfAttorney')}
              </Checkbox>
            </Form.Item>
          )}
        </>
      )}
    </Form>
  );
}
