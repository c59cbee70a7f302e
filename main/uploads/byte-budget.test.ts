import { expect, test } from 'vitest';
import { ByteBudget } from './byte-budget';

test('blobs share the budget in order; one larger than the budget goes alone', async () => {
  const budget = new ByteBudget(10);
  const started: string[] = [];
  const go = (name: string, bytes: number) => budget.take(bytes).then(() => void started.push(name));
  await go('a', 4);
  await go('b', 4);
  const c = go('c', 4); // 12 > 10: waits
  const big = go('big', 30); // behind c, and alone
  const d = go('d', 1); // fits, but waits its turn behind the others
  await Promise.resolve();
  expect(started).toEqual(['a', 'b']);
  budget.release(4);
  await c;
  expect(started).toEqual(['a', 'b', 'c']);
  budget.release(4);
  budget.release(4);
  await big;
  expect(started).toEqual(['a', 'b', 'c', 'big']);
  budget.release(30);
  await d;
  expect(started).toEqual(['a', 'b', 'c', 'big', 'd']);
});
