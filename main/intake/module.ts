import { certificateTypeOfCard } from '../../common/domain/certificate-types';
import path from 'node:path';
import type { CardReadEvent } from '../../common/contract/devices';
import { currentCardAddress } from '../../common/domain/idcard-address';
import { maskAddress, maskIdNumber, maskName } from '../../common/domain/mask';
import type { Logger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { SessionStore } from '../auth/session';
import type { SettingsStore } from '../config/settings-store';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { MaterialsService } from '../materials/service';
import type { InternalBus } from '../events/internal-bus';
import type { EventBus } from '../events/renderer-events';
import { CalendarService } from '../catalog/calendar-service';
import { CatalogService } from '../catalog/catalog-service';
import { resourcesDir } from '../config/paths';
import { NoticeRenderer } from '../notice/notice-renderer';
import { ReviewsService } from '../reviews/reviews-service';
import { CardTokens } from './card-tokens';
import { refreshServingTicket } from './case-numbers';
import { CaseQueries } from './case-queries';
import { DraftResume } from './draft-resume';
import { IntakeService } from './intake-service';
import { watchReferenceData } from './reference-watch';
import { windowIdentityOf } from './window-identity';

export interface IntakeDeps {
  database: Database;
  pii: PiiCipher;
  settings: SettingsStore;
  sessions: SessionStore;
  events: EventBus;
  internal: InternalBus;
  log: Logger;
  /** Links each slot's PDF to the case in the decision's transaction (optional for tests that need no files). */
  materials?: MaterialsService;
  /** A decision or supplement committed material files (the uploader starts on them now, not at its next idle check). */
  onFilesCommitted?: () => void;
}

/** The services of the intake subsystem, each used by its handlers. */
export interface IntakeServices {
  /** Service item catalog with its search index. */
  catalog: CatalogService;
  /** Working-day calendar: chinese-days data plus central overrides. */
  calendar: CalendarService;
  /** Drafts and decisions on cases (accept, 容缺, reject, withdraw, supplement). */
  intake: IntakeService;
  /** Read side of cases: list, detail, audited reveal. */
  cases: CaseQueries;
  /** 继续办理: a saved draft as the intake screen restores it. */
  drafts: DraftResume;
  /** 好差评 ratings and rectification tasks. */
  reviews: ReviewsService;
  /** Acceptance and rejection notices (HTML). */
  notices: NoticeRenderer;
  /** Recent ID card reads, referenced by token from intake calls. */
  cardTokens: CardTokens;
}

/**
 * Catalog, calendar, intake, cases, ratings and notices. Also turns each `card.read` from the
 * device layer (main's internal bus) into a masked `intake.applicant` renderer event with a card
 * token (see CardTokens).
 */
export async function createIntake(d: IntakeDeps): Promise<Subsystem<IntakeServices>> {
  const db = d.database.db;
  const calendar = new CalendarService(db);
  await calendar.load();
  const catalog = new CatalogService(db);
  await catalog.start(path.join(resourcesDir(), 'catalog'));
  const cardTokens = new CardTokens();
  const cases = new CaseQueries(db, d.pii);
  const intake = new IntakeService({
    db,
    pii: d.pii,
    catalog,
    calendar,
    cards: cardTokens,
    ...(d.materials ? { materials: d.materials } : {}),
    ...(d.onFilesCommitted ? { onFilesCommitted: d.onFilesCommitted } : {}),
    log: d.log,
    identity: windowIdentityOf(db, d.settings),
  });
  const reviews = new ReviewsService(db, calendar);
  const notices = new NoticeRenderer(path.join(resourcesDir(), 'templates'));
  const services: IntakeServices = { catalog, calendar, intake, cases, drafts: new DraftResume(db, d.pii), reviews, notices, cardTokens };

  const offCards = d.internal.on('card.read', (e) => queueMicrotask(() => void announceCard(services, d, e)));
  const offQueue = d.internal.on('queue.changed', () => void refreshServingTicket(db).catch((err: unknown) => d.log.warn({ err }, 'could not re-read the serving ticket')));
  // A card read by one staff member is not handed to the next one.
  const offSession = d.sessions.onChange(() => cardTokens.clear());
  const stopWatch = watchReferenceData(db, catalog, calendar, d.log);
  return {
    service: services,
    close() {
      stopWatch();
      offCards();
      offQueue();
      offSession();
      cardTokens.clear();
    },
  };
}

async function announceCard(s: IntakeServices, d: Pick<IntakeDeps, 'events' | 'log'>, e: CardReadEvent): Promise<void> {
  try {
    const token = s.cardTokens.put(e);
    const history = await s.cases.history(e.card.idNumber);
    const name = e.card.name ?? e.card.englishName ?? '';
    const current = currentCardAddress(e.card);
    d.events.emit('intake.applicant', {
      cardToken: token,
      deviceId: e.deviceId,
      at: e.at,
      simulated: e.simulated,
      idType: e.card.cardType,
      certType: certificateTypeOfCard(e.card.cardType),
      name: maskName(name),
      idNumber: maskIdNumber(e.card.idNumber),
      idNumberValid: e.card.idNumberValid,
      gender: e.card.gender,
      address: current.address === null ? null : maskAddress(current.address),
      addressUpdated: current.updated,
      history,
    });
  } catch (err) {
    d.log.error({ err }, 'could not announce a card read to intake');
  }
}
