import type { Services } from '../services';
import type { Handlers } from '../router';
import { actorOf } from './intake';

export function reviewsHandlers(s: Services): Handlers {
  return {
    'reviews.rate': (input, ctx) => s.reviews.rate(input, actorOf(ctx).id),
    'reviews.rectifications': (input) => s.reviews.list(input),
    'reviews.closeRectification': (input, ctx) => s.reviews.close(input, actorOf(ctx).id),
  };
}
