import { describe, expect, it } from 'vitest';
import { weekSoFar, weekStart } from './figures';

describe('the dashboard period', () => {
  it('finds the Monday of the hall week', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-23'); // a Friday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before it
    expect(weekStart('2026-01-01')).toBe('2025-12-29'); // across a year
  });

  it('asks for the week so far: Monday to today, one day on a Monday', () => {
    expect(weekSoFar('2026-11-27')).toEqual({ from: '2026-11-23', to: '2026-11-27' });
    expect(weekSoFar('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });
});
