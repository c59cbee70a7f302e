import type { Services } from '../services';
import type { Handlers } from '../router';
import { actorOf } from './intake';

/** 叫号 (common/contract/queue.ts): each operation is audited by the queue service with the caller. */
export function queueHandlers(s: Services): Handlers {
  return {
    'queue.status': () => s.queue.status(),
    'queue.next': (_i, ctx) => s.queue.next(actorOf(ctx)),
    'queue.recall': (_i, ctx) => s.queue.recall(actorOf(ctx)),
    'queue.pass': (_i, ctx) => s.queue.pass(actorOf(ctx)),
    'queue.transfer': ({ toWindow, toQueue }, ctx) => s.queue.transfer(toWindow ? { window: toWindow } : { queue: toQueue! }, actorOf(ctx)),
    'queue.pause': (_i, ctx) => s.queue.setPaused(true, actorOf(ctx)),
    'queue.resume': (_i, ctx) => s.queue.setPaused(false, actorOf(ctx)),
    'queue.hall': () => s.queue.hall(),
  };
}
