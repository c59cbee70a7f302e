import { Button, Col, Descriptions, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantScreenState } from '../../../common/contract/applicant-screen';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { RefuseButton } from './RefuseButton';

type Presentation = NonNullable<ApplicantScreenState['presentation']>;

/** The record to confirm: masked identity, item, materials (容缺 with its deadline), promised date, the notice. */
export function RecordView({ presentation }: { presentation: Presentation }) {
  const { t } = useTranslation();
  const r = presentation.record;
  const confirm = useAction(() => call('applicantScreen.confirm', { presentationId: presentation.presentationId }));
  return (
    <Row gutter={16} className="applicant-record" data-testid="applicant-record">
      <Col span={12}>
        <Descriptions size="middle" column={1} bordered>
          <Descriptions.Item label={t('applicantScreen.caseNumber')}>
            <span data-testid="applicant-case-number">{r.caseNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('applicantScreen.name')}>{r.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('applicantScreen.id')}>{r.applicantId}</Descriptions.Item>
          <Descriptions.Item label={t('applicantScreen.item')}>{r.itemName}</Descriptions.Item>
          <Descriptions.Item label={t('applicantScreen.promised')}>
            {r.promisedLimitText}
            {r.promisedDate && ` · ${r.promisedDate}`}
            {r.promisedProvisional && ` · ${t('summary.provisional')}`}
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          style={{ marginTop: 8 }}
          dataSource={r.materials}
          data-testid="applicant-materials"
          columns={[
            { title: t('applicantScreen.material'), dataIndex: 'name' },
            { title: t('applicantScreen.copies'), render: (_, m) => `${m.originals} / ${m.copies}`, width: 90 },
            {
              title: t('applicantScreen.state'),
              width: 200,
              render: (_, m) =>
                m.state === 'deferred' ? (
                  <Tag color="orange">{t('applicantScreen.deferredBy', { date: m.deadline ?? '' })}</Tag>
                ) : m.state === 'not_provided' ? (
                  <Tag color="red">{m.stateLabel}</Tag>
                ) : (
                  <Tag color="green">{m.stateLabel}</Tag>
                ),
            },
          ]}
        />
        <div className="applicant-actions">
          <Button type="primary" size="large" onClick={() => void confirm.exec()} loading={confirm.busy} data-testid="applicant-confirm" autoFocus>
            {t('applicantScreen.confirm')}
          </Button>
          <RefuseButton presentationId={presentation.presentationId} />
        </div>
      </Col>
      <Col span={12}>
        <iframe title={t('applicantScreen.notice')} sandbox="" srcDoc={r.noticeHtml} className="applicant-notice-frame" data-testid="applicant-notice-frame" />
      </Col>
    </Row>
  );
}
