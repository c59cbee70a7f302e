import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload } from '../../common/contract';
import type { CardReadEvent } from '../../common/contract/devices';
import { createApp, type App } from './app';
import type { AppOptions } from '../api/services';

/** Things a test opened (apps, simulators), closed in reverse order after each test. */
export type Opened = Array<{ close(): Promise<void> }>;

/** A real app on a temp data folder, closed (and the folder removed) with the test's other things. */
export async function testApp(opened: Opened, mode: 'demo' | 'normal', options: Partial<AppOptions> = {}): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-scanning-'));
  const a = await createApp({ dataDir: dir, mode, transport: 'test', ...options });
  opened.push({ close: () => a.close().then(() => fs.rmSync(dir, { recursive: true, force: true })) });
  return a;
}

/** The next contract event `name` that passes `filter`. */
export function nextEvent<E extends EventName>(a: App, name: E, filter: (p: EventPayload<E>) => boolean = () => true): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = a.services.events.subscribe((n, p) => {
      if (n === name && filter(p as EventPayload<E>)) {
        off();
        resolve(p as EventPayload<E>);
      }
    });
  });
}

/** A resident card read as the device layer publishes it on main's internal bus (`card.read`). */
export function sampleCardRead(idNumber: string, name = '邢少华'): CardReadEvent {
  return {
    deviceId: 'idcard-sim',
    at: new Date().toISOString(),
    simulated: true,
    photoImage: null,
    photoNote: null,
    card: {
      cardType: 'resident', name, englishName: null, genderCode: '1', gender: '男', nationCode: '01', nation: '汉', nationality: null,
      birthDate: '1985-12-31', address: '海南省海口市秀英区', idNumber, authority: '海口市公安局', validFrom: '2015-01-01', validTo: '长期',
      passNumber: null, issueCount: null, idNumberValid: true, photo: null,
    },
  };
}
