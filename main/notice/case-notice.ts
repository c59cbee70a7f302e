import type { CaseDetail } from '../../common/contract/cases';
import type { CatalogService } from '../catalog/catalog-service';
import type { SettingsStore } from '../config/settings-store';
import type { NoticeRenderer, NoticeSignature, RenderedNotice } from './notice-renderer';

/** A case's notice with the hall's names and the item's department, as both the clerk and the applicant screen see it. */
export function renderCaseNotice(
  s: { notices: NoticeRenderer; settings: SettingsStore; catalog: CatalogService },
  detail: CaseDetail,
  signature: NoticeSignature | null,
): Promise<RenderedNotice> {
  const settings = s.settings.get();
  let department = '';
  try {
    department = s.catalog.summaryOf(detail.itemCode).department;
  } catch {
    // The item left the catalog since: the notice still prints without the department.
  }
  return s.notices.render(detail, { hallName: settings.hall.name, windowName: settings.window.name, department, signature });
}
