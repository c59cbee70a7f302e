import { UserOutlined } from '@ant-design/icons';
import { Avatar, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantScreenState } from '../../../common/contract/applicant-screen';

/** Waiting for the next applicant: the window, the clerk on duty (photo placeholder), the hall's notice. */
export function IdleView({ idle }: { idle: ApplicantScreenState['idle'] }) {
  const { t } = useTranslation();
  return (
    <div className="applicant-idle" data-testid="applicant-idle">
      <Typography.Title level={1}>{idle.windowName || t('applicantScreen.window')}</Typography.Title>
      <div className="applicant-clerk">
        <Avatar size={120} icon={<UserOutlined />} alt={t('applicantScreen.photo')} />
        <div>
          <Typography.Text type="secondary">{t('applicantScreen.clerk')}</Typography.Text>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="applicant-clerk">
            {idle.clerkName ?? t('applicantScreen.noClerk')}
          </Typography.Title>
        </div>
      </div>
      <Typography.Title level={3}>{t('pad.welcome')}</Typography.Title>
      {idle.notice && (
        <Typography.Paragraph className="applicant-notice" data-testid="applicant-hall-notice">
          {idle.notice}
        </Typography.Paragraph>
      )}
    </div>
  );
}
