/// <reference types="node" />
// A Node test of the renderer's text files (not bundled).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));

/** Every `t('literal.key')` in the renderer sources. */
function usedKeys(): string[] {
  const root = path.resolve(import.meta.dirname, '..');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
  const keys = new Set<string>();
  for (const f of files) for (const m of fs.readFileSync(path.join(root, f), 'utf8').matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) keys.add(m[1]!);
  return [...keys];
}

describe('UI text', () => {
  const zh = new Set(flatten(zhCN as Tree));
  const english = new Set(flatten(en as Tree));

  it('zh-CN and en have exactly the same keys', () => {
    expect([...zh].filter((k) => !english.has(k))).toEqual([]);
    expect([...english].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('every literal key used in the renderer exists', () => {
    expect(usedKeys().filter((k) => !zh.has(k))).toEqual([]);
  });

  it('every value is non-empty, and English has no Chinese left in it', () => {
    const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
    expect(values(zhCN as Tree).filter((v) => !v.trim())).toEqual([]);
    // Reason chips keep their Chinese keys; their English values must not be Chinese.
    expect(values(en as Tree).filter((v) => /[\u4e00-\u9fff]/.test(v))).toEqual([]);
  });
});
