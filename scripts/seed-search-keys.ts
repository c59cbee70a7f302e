// Writes resources/catalog/search-keys.json: the pinyin search keys of the seed catalog's names and
// departments, so a fresh window seeds its catalog without loading the pinyin dictionaries at start.
// Run after editing resources/catalog/items.json: `npx tsx scripts/seed-search-keys.ts`
// (main/catalog/catalog.test.ts fails while the file is out of date).
import fs from 'node:fs';
import path from 'node:path';
import { keysOfItems, SEED_KEYS_FILE } from '../main/catalog/search-keys';

const dir = path.resolve(import.meta.dirname, '..', 'resources', 'catalog');
const { items } = JSON.parse(fs.readFileSync(path.join(dir, 'items.json'), 'utf8')) as { items: Array<{ name: string; department: string }> };
fs.writeFileSync(path.join(dir, SEED_KEYS_FILE), `${JSON.stringify(keysOfItems(items), null, 1)}\n`);
console.log(`${SEED_KEYS_FILE}: keys of ${items.length} items written`);
