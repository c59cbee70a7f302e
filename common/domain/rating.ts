/** 好差评 (DOMAIN.md): levels 1 非常满意 … 5 非常不满意; 4 and 5 open a rectification task. */

export const RATING_LEVELS = {
  1: '非常满意',
  2: '满意',
  3: '基本满意',
  4: '不满意',
  5: '非常不满意',
} as const;
export type RatingLevelValue = keyof typeof RATING_LEVELS;

export function ratingLabel(level: number): string {
  return RATING_LEVELS[level as RatingLevelValue] ?? `未知等级 ${level}`;
}

/** 差评: opens a rectification task (整改) with a deadline in working days and a follow-up call. */
export function isBadRating(level: number): boolean {
  return level >= 4;
}

/** 评价渠道. `evaluator`: hall evaluator device; `screen`: on-screen pad; `qr`: applicant's phone via QR. */
export const RATING_CHANNELS = ['evaluator', 'screen', 'qr'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];
export const RATING_CHANNEL_LABELS: Record<RatingChannel, string> = {
  evaluator: '大厅其他终端（评价器）',
  screen: '大厅平板',
  qr: '二维码',
};

/**
 * The 评价渠道 code each channel is reported with. The national 好差评 data interface numbers its
 * channels 1 PC端, 2 移动端, 3 二维码, 4 政务大厅平板电脑, 5 政务大厅其他终端, 6 电话, 7 短信 (as we
 * know the national specification; a province whose platform numbers them differently maps them on
 * the central side). A window reports only the three it can collect:
 * - `screen`: the applicant screen / counter tablet (柜外清, 双屏) → 4
 * - `evaluator`: a keypad evaluator or vendor device on the counter → 5
 * - `qr`: the applicant's phone via the notice's QR code → 3
 */
export const RATING_CHANNEL_CODES: Record<RatingChannel, string> = { qr: '3', screen: '4', evaluator: '5' };
export const ratingChannelCode = (channel: RatingChannel): string => RATING_CHANNEL_CODES[channel];

/** Typical reasons for a bad rating, offered as chips on the pad (free text is also allowed). */
export const BAD_RATING_REASONS = [
  '等候时间长',
  '办理时间长',
  '服务态度差',
  '一次性告知不清',
  '材料要求多',
  '多次跑动',
  '系统故障',
  '其他',
] as const;

/** Results of the follow-up call (回访) that closes a rectification. */
export const FOLLOW_UP_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export const FOLLOW_UP_LABELS: Record<FollowUpResult, string> = {
  satisfied: '回访满意',
  basically_satisfied: '回访基本满意',
  unsatisfied: '回访仍不满意',
  unreachable: '无法联系',
};
