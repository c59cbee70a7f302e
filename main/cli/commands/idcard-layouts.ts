import { BUILT_IN_LAYOUTS, describeLayout, isUnconfirmedLayout, loadCardLayoutsFile } from '../../../native/idcard/card-layouts';
import { CliError, printJson } from '../util';

/** `yichuang idcard layouts [--json]`: the layouts the reader decodes by, as the app loads them. */
export async function idcardLayouts(opts: { json?: boolean }): Promise<void> {
  const file = process.env.YICHUANG_CARD_LAYOUTS;
  let layouts;
  try {
    layouts = file ? loadCardLayoutsFile(file) : [...BUILT_IN_LAYOUTS];
  } catch (err) {
    throw new CliError((err as Error).message, 1);
  }
  const rows = layouts.map((l) => ({
    id: l.id,
    cardType: l.cardType,
    letters: l.letters,
    default: l.default ?? false,
    confirmed: !isUnconfirmedLayout(l),
    source: l.source?.note ?? null,
  }));
  if (opts.json) return printJson(rows);
  for (const [i, l] of layouts.entries()) {
    const letters = l.default ? '（其余类型字母）' : l.letters.map((c) => `「${c}」`).join('');
    process.stdout.write(`${describeLayout(l)}  ${l.cardType}  ${letters}${rows[i]!.confirmed ? '' : '  ⚠ 未经确认'}\n`);
  }
}
