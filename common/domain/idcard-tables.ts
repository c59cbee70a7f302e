/** Code tables printed on Chinese ID cards. Data, not logic: screens and the card decoder read them. */

/** GB/T 2261.1 个人基本信息分类与代码 第1部分：人的性别代码. */
export const GENDERS: Readonly<Record<string, string>> = {
  '0': '未知',
  '1': '男',
  '2': '女',
  '9': '未说明',
};

/**
 * GB 3304 中国各民族名称的罗马字母拼写法和代码 (numeric codes). The short form is what the card
 * prints (民族 汉); `nationFullName` adds 族 where GB 3304 has it.
 */
export const NATIONS: Readonly<Record<string, string>> = {
  '01': '汉',
  '02': '蒙古',
  '03': '回',
  '04': '藏',
  '05': '维吾尔',
  '06': '苗',
  '07': '彝',
  '08': '壮',
  '09': '布依',
  '10': '朝鲜',
  '11': '满',
  '12': '侗',
  '13': '瑶',
  '14': '白',
  '15': '土家',
  '16': '哈尼',
  '17': '哈萨克',
  '18': '傣',
  '19': '黎',
  '20': '傈僳',
  '21': '佤',
  '22': '畲',
  '23': '高山',
  '24': '拉祜',
  '25': '水',
  '26': '东乡',
  '27': '纳西',
  '28': '景颇',
  '29': '柯尔克孜',
  '30': '土',
  '31': '达斡尔',
  '32': '仫佬',
  '33': '羌',
  '34': '布朗',
  '35': '撒拉',
  '36': '毛南',
  '37': '仡佬',
  '38': '锡伯',
  '39': '阿昌',
  '40': '普米',
  '41': '塔吉克',
  '42': '怒',
  '43': '乌孜别克',
  '44': '俄罗斯',
  '45': '鄂温克',
  '46': '德昂',
  '47': '保安',
  '48': '裕固',
  '49': '京',
  '50': '塔塔尔',
  '51': '独龙',
  '52': '鄂伦春',
  '53': '赫哲',
  '54': '门巴',
  '55': '珞巴',
  '56': '基诺',
  '97': '其他',
  '98': '外国血统中国籍人士',
};

export function genderName(code: string): string | null {
  return GENDERS[code.trim()] ?? null;
}

/** Card form (`汉`) of a nation code; accepts `1` as well as `01`. */
export function nationName(code: string): string | null {
  const c = code.trim().padStart(2, '0');
  return NATIONS[c] ?? null;
}

/** GB 3304 full name (`汉族`); 97 and 98 have no 族. */
export function nationFullName(code: string): string | null {
  const c = code.trim().padStart(2, '0');
  const short = NATIONS[c];
  if (!short) return null;
  return Number(c) <= 56 ? `${short}族` : short;
}
