import type { IdCardIdentity } from '../../../common/contract/devices';
import { readOneCard } from '../../../native/idcard/standalone';
import { CliError, parsePositiveInt, printJson } from '../util';

/** `yichuang idcard read --port P [--baud N] [--timeout MS] [--json] [--fingerprint]` */
export async function idcardRead(opts: { port: string; baud?: string; timeout: string; json?: boolean; fingerprint?: boolean }): Promise<void> {
  const baud = opts.baud ? parsePositiveInt(opts.baud, '--baud') : undefined;
  const timeoutMs = parsePositiveInt(opts.timeout, '--timeout');
  if (!opts.json) process.stderr.write(`请在 ${Math.round(timeoutMs / 1000)} 秒内把证件放到阅读器上……\n`);
  let result;
  try {
    result = await readOneCard(opts.port, { baud, timeoutMs, fingerprint: Boolean(opts.fingerprint) });
  } catch (err) {
    throw new CliError(`读卡失败：${(err as Error).message}`, 1);
  }
  const card = result.reading.card;
  if (opts.json) return printJson(card);
  const layout = result.reading.layout;
  if (layout?.unconfirmed) process.stderr.write(`注意：按未经确认的版式 ${layout.id} 解码（${layout.note ?? ''}），请与证件核对各项。\n`);
  process.stdout.write(formatCard(card) + `\n(阅读器 ${result.baud} 波特，SAM ${result.samId ?? '未知'})\n`);
}

const TYPE_NAMES: Record<IdCardIdentity['cardType'], string> = {
  resident: '居民身份证',
  permit: '港澳台居民居住证',
  foreigner: '外国人永久居留身份证',
};

export function formatCard(c: IdCardIdentity): string {
  const rows: Array<[string, string | null]> = [
    ['证件类型', TYPE_NAMES[c.cardType]],
    ['姓名', c.name],
    ['英文姓名', c.englishName],
    ['性别', c.gender ?? c.genderCode],
    ['民族', c.nation],
    ['国籍', c.nationality],
    ['出生日期', c.birthDate],
    ['住址', c.address],
    ['追加地址', appendedAddressText(c.appendedAddress)],
    [c.cardType === 'foreigner' ? '证件号码' : '公民身份号码', c.idNumber],
    ['签发机关', c.authority],
    ['有效期限', c.validFrom || c.validTo ? `${c.validFrom ?? ''} 至 ${c.validTo ?? ''}` : null],
    ['通行证号码', c.passNumber],
    ['签发次数', c.issueCount],
    ['换证次数', c.renewalCount ?? null],
    ['旧证号码关联', c.oldNumberLink ?? null],
    ['号码校验', c.idNumberValid === null ? null : c.idNumberValid ? '通过' : '不通过（请核对证件）'],
    ['照片', c.photo ? `WLT ${c.photo.bytes} 字节（未安装解码库，不显示）` : null],
  ];
  return rows
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}：${v}`)
    .join('\n');
}

/** Several changes: one line each, oldest first; the last is the current address. */
function appendedAddressText(appended: string | null | undefined): string | null {
  if (!appended) return null;
  const lines = appended.split('\n');
  return `${lines.join('；')}（${lines.length > 1 ? '最后一条为' : ''}最新住址，与证面住址不同）`;
}
