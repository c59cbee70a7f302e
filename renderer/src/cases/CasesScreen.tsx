import { Col, Row } from 'antd';
import { navigate } from '../routing/useHashRoute';
import { CaseDetailPanel } from './CaseDetailPanel';
import { CaseList } from './CaseList';

/** 我的办件: today's cases at this window, searchable; a case (or a scanned case number) opens beside. */
/** `canResume`: a clerk may take up a saved draft (继续办理); a supervisor only looks. */
export default function CasesScreen({ caseId, canResume }: { caseId: string | null; canResume: boolean }) {
  return (
    <Row gutter={12} data-testid="cases-screen">
      <Col span={caseId ? 11 : 24}>
        <CaseList selected={caseId} onOpen={(id) => navigate('cases', id)} compact={!!caseId} />
      </Col>
      {caseId && (
        <Col span={13}>
          <CaseDetailPanel caseRef={caseId} onClose={() => navigate('cases')} canResume={canResume} />
        </Col>
      )}
    </Row>
  );
}
