/** SW3 reader status codes (PROTOCOLS.md §1) with plain Chinese meanings for screens and logs. */
export const SW3_MEANINGS: Readonly<Record<number, string>> = {
  0x90: '操作成功',
  0x9f: '找卡成功',
  0x10: '命令校验和错误',
  0x11: '命令长度错误',
  0x21: '命令错误',
  0x23: '越权操作',
  0x24: '未知错误',
  0x31: '卡认证机具失败',
  0x32: '机具认证卡失败',
  0x33: '信息验证错误',
  0x40: '卡类型错误',
  0x41: '读卡失败',
  0x47: '取随机数失败',
  0x60: '模块自检失败',
  0x66: '模块未授权',
  0x80: '找卡失败（没有卡）',
  0x81: '选卡失败',
  0x91: '无内容（例如无追加地址）',
};

export const SW3 = {
  OK: 0x90,
  FIND_OK: 0x9f,
  NO_CONTENT: 0x91,
  FIND_FAILED: 0x80,
  SELECT_FAILED: 0x81,
} as const;

export interface StatusInfo {
  code: number;
  /** Two upper-case hex digits, e.g. `9F`. */
  hex: string;
  meaning: string;
  /** Success codes: 90 and 9F. */
  ok: boolean;
}

export function statusInfo(code: number): StatusInfo {
  const hex = code.toString(16).padStart(2, '0').toUpperCase();
  return {
    code,
    hex,
    meaning: SW3_MEANINGS[code] ?? `未知状态码 ${hex}`,
    ok: code === SW3.OK || code === SW3.FIND_OK,
  };
}
