/**
 * How the agent (经办人 / 代办人) who came to the window stands to the applicant. No national code
 * table is used here (none confirmed): these are this client's codes. A case with no agent was
 * handled by the applicant in person (本人). Only a 委托代理 needs a power of attorney (委托书).
 */
export const AGENT_RELATIONS = {
  family: { zh: '亲属', en: 'Relative' },
  proxy: { zh: '委托代理', en: 'Authorised proxy' },
  staff: { zh: '单位经办人', en: 'Organisation staff' },
  guardian: { zh: '监护人', en: 'Guardian' },
  helper: { zh: '帮办代办人员', en: 'Hall assistant (帮办代办)' },
} as const;

export type AgentRelation = keyof typeof AGENT_RELATIONS;
export const AGENT_RELATION_CODES = Object.keys(AGENT_RELATIONS) as [AgentRelation, ...AgentRelation[]];

/** The material code of the power of attorney a 委托代理 brings; added to the case's materials. */
export const POWER_OF_ATTORNEY_CODE = 'agent.powerOfAttorney';
export const needsPowerOfAttorney = (relation: AgentRelation): boolean => relation === 'proxy';
