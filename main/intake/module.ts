import path from 'node:path';
import type { CardReadEvent } from '../../common/contract/devices';
import { currentCardAddress } from '../../common/domain/idcard-address';
import { maskAddress, maskIdNumber, maskName } from '../../common/domain/mask';
import type { AppModule } from '../app/modules';
import type { Services } from '../app/services';
import { CalendarService } from '../catalog/calendar-service';
import { CatalogService } from '../catalog/catalog-service';
import { resourcesDir } from '../config/paths';
import { NoticeRenderer } from '../notice/notice-renderer';
import { ReviewsService } from '../reviews/reviews-service';
import { CardTokens } from './card-tokens';
import { CaseQueries } from './case-queries';
import { IntakeService } from './intake-service';
import { watchReferenceData } from './reference-watch';
import { cachedIdentity, resolveWindowIdentity } from './window-identity';

/**
 * Catalog, calendar, intake, cases, ratings and notices. Also turns each `card.read` from the
 * device layer into a masked `intake.applicant` event with a card token (see CardTokens).
 */
export const intakeModule: AppModule = {
  name: 'intake',
  async start(s) {
    const db = s.database.db;
    s.calendar = new CalendarService(db);
    await s.calendar.load();
    s.catalog = new CatalogService(db);
    await s.catalog.start(path.join(resourcesDir(), 'catalog'));
    s.cardTokens = new CardTokens();
    s.cases = new CaseQueries(db, s.pii);
    s.intake = new IntakeService({
      db,
      pii: s.pii,
      catalog: s.catalog,
      calendar: s.calendar,
      cards: s.cardTokens,
      identity: cachedIdentity(() => {
        const settings = s.settings.get();
        return resolveWindowIdentity(db, { hallCode: settings.hall.code, windowCode: settings.window.code });
      }),
    });
    s.reviews = new ReviewsService(db, s.calendar);
    s.notices = new NoticeRenderer(path.join(resourcesDir(), 'templates'));

    const unsubscribe = s.events.subscribe((name, payload) => {
      if (name === 'card.read') queueMicrotask(() => void announceCard(s, payload as CardReadEvent));
    });
    // A card read by one staff member is not handed to the next one.
    const offSession = s.sessions.onChange(() => s.cardTokens.clear());
    const stopWatch = watchReferenceData(db, s.catalog, s.calendar, s.log);
    s.closers.push(() => {
      stopWatch();
      unsubscribe();
      offSession();
      s.cardTokens.clear();
    });
  },
};

async function announceCard(s: Services, e: CardReadEvent): Promise<void> {
  try {
    const token = s.cardTokens.put(e);
    const history = await s.cases.history(e.card.idNumber);
    const name = e.card.name ?? e.card.englishName ?? '';
    const current = currentCardAddress(e.card);
    s.events.emit('intake.applicant', {
      cardToken: token,
      deviceId: e.deviceId,
      at: e.at,
      simulated: e.simulated,
      idType: e.card.cardType,
      name: maskName(name),
      idNumber: maskIdNumber(e.card.idNumber),
      idNumberValid: e.card.idNumberValid,
      gender: e.card.gender,
      address: current.address === null ? null : maskAddress(current.address),
      addressUpdated: current.updated,
      history,
    });
  } catch (err) {
    s.log.error({ err }, 'could not announce a card read to intake');
  }
}
