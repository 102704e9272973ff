/**
 * The words of the genre: header keys, section verbs, owner and deadline labels, vague owners, unit
 * suffixes, measurement units. One place, shared by the parser, the rules and completion.
 */
import type { HeaderKey, ItemKind, OwnerRole, SectionKind } from './model';

export const HEADER_KEYS: Record<HeaderKey, readonly string[]> = {
  date: ['会议时间', '时间', '日期', 'Date', 'Meeting date', 'When'],
  place: ['会议地点', '地点', 'Place', 'Location', 'Venue', 'Where'],
  chair: [
    '主持人',
    '主持',
    'Chairs',
    'Co-chairs',
    'Chair',
    'Chaired by',
    'Chairperson',
    'Chairman',
    'Chairwoman',
    'Facilitator',
    'Moderator',
    'Host',
    'Led by',
  ],
  attendees: [
    '出席人员',
    '出席',
    '参会人员',
    '参会单位',
    '参加人员',
    '参加单位',
    '参加',
    '与会人员',
    'Attendees',
    'Present',
    'Participants',
  ],
  observers: ['列席人员', '列席', 'In attendance', 'Observers', 'Also present'],
  absent: ['请假', '缺席', 'Absent', 'Apologies', 'Regrets'],
  recorder: ['记录人', '记录', 'Minutes by', 'Recorder', 'Minute taker', 'Secretary', 'Note taker'],
  topic: ['会议议题', '议题', 'Agenda', 'Topic', 'Subject'],
};

export const LIST_HEADER_KEYS: ReadonlySet<HeaderKey> = new Set(['attendees', 'observers', 'absent']);

/** Chinese section verbs after 会议/会上, longest first, with the kind each gives. */
export const CN_SECTION_VERBS: readonly [string, SectionKind][] = [
  ['原则同意', 'decision'],
  ['审议通过', 'decision'],
  ['研究决定', 'decision'],
  ['研究议定', 'decision'],
  ['一致同意', 'decision'],
  ['一致认为', 'finding'],
  ['决定', 'decision'],
  ['议定', 'decision'],
  ['同意', 'decision'],
  ['明确', 'decision'],
  ['通过', 'decision'],
  ['批准', 'decision'],
  ['认为', 'finding'],
  ['指出', 'finding'],
  ['听取', 'finding'],
  ['研究', 'finding'],
  ['通报', 'finding'],
  ['讨论', 'finding'],
  ['传达', 'finding'],
  ['学习', 'finding'],
  ['要求', 'requirement'],
  ['强调', 'requirement'],
  ['部署', 'requirement'],
  ['提出', 'requirement'],
];

/** Explicit item prefixes (at line or sentence start), with the item kind they give. */
export const ITEM_PREFIXES: readonly [string, ItemKind][] = [
  ['决定', 'decision'],
  ['议定', 'decision'],
  ['决议', 'decision'],
  ['待办', 'action'],
  ['任务', 'action'],
  ['Decision', 'decision'],
  ['Decided', 'decision'],
  ['Agreed', 'decision'],
  ['Resolved', 'decision'],
  ['Resolution', 'decision'],
  ['Motion', 'decision'],
  ['Action', 'action'],
  ['ACTION', 'action'],
  ['TODO', 'action'],
  ['To do', 'action'],
  ['Task', 'action'],
];

/** Owner labels, with the role they give and whether they name a person. */
export const OWNER_LABELS: readonly { label: string; role: OwnerRole | null; person: boolean }[] = [
  { label: '责任单位', role: null, person: false },
  { label: '牵头单位', role: 'lead', person: false },
  { label: '主办单位', role: 'lead', person: false },
  { label: '承办单位', role: 'lead', person: false },
  { label: '配合单位', role: 'support', person: false },
  { label: '协办单位', role: 'support', person: false },
  { label: '责任部门', role: null, person: false },
  { label: '牵头部门', role: 'lead', person: false },
  { label: '配合部门', role: 'support', person: false },
  { label: '责任人', role: null, person: true },
  { label: '负责人', role: 'lead', person: true },
  { label: '牵头人', role: 'lead', person: true },
  { label: '经办人', role: null, person: true },
  { label: 'Owners', role: null, person: true },
  { label: 'Owner', role: null, person: true },
  { label: 'Responsible', role: null, person: true },
  { label: 'Assigned to', role: null, person: true },
  { label: 'Assignee', role: null, person: true },
  { label: 'Lead', role: 'lead', person: true },
  { label: 'Support', role: 'support', person: true },
];

/** What may stand before an owner or deadline label: `…。时限：`, `（责任单位：`. */
export const LABEL_BOUNDARY = ' \t\u3000\n。；;，,（(【[';

/** Deadline labels. */
export const DEADLINE_LABELS: readonly string[] = [
  '完成时限',
  '完成时间',
  '办结时限',
  '截止时间',
  '截止日期',
  '时限',
  '截止',
  '期限',
  'Deadline',
  'Due date',
  'Due',
  'By',
  'Target date',
];

export const STATUS_LABELS: readonly string[] = ['状态', '进展', 'Status'];
export const DONE_WORDS = /^(?:已完成|已办结|完成|办结|已落实|done|complete|completed|closed|finished)$/i;

/** Owners that name no one in particular. Matched whole, after trimming 等. */
export const VAGUE_OWNERS: readonly string[] = [
  '各有关单位',
  '有关单位',
  '相关单位',
  '各相关单位',
  '各单位',
  '各部门',
  '有关部门',
  '相关部门',
  '各有关部门',
  '各相关部门',
  '各责任单位',
  '各级各部门',
  '各地各部门',
  '各乡镇',
  '各乡（镇）',
  '各乡镇（街道）',
  '相关人员',
  '有关人员',
  '有关方面',
  '各方',
  '大家',
  '全体',
  '全体人员',
  '同学们',
  '同学',
  '学生',
  '各位',
  'relevant departments',
  'relevant parties',
  'relevant units',
  'all departments',
  'all',
  'everyone',
  'everybody',
  'all members',
  'all staff',
  'the team',
  'team',
  'the board',
  'the committee',
  'the council',
  'the group',
  'someone',
  'somebody',
  'tbd',
  'tbc',
  'n/a',
  'various',
  'others',
];

const VAGUE_SET = new Set(VAGUE_OWNERS.map((v) => v.toLowerCase()));

const vagueMemo = new Map<string, boolean>();

/** Whether an owner name names no one in particular. (Names recur: the answers are remembered.) */
export function isVagueOwner(name: string): boolean {
  let hit = vagueMemo.get(name);
  if (hit === undefined) {
    hit = vague(name);
    if (vagueMemo.size > 50_000) vagueMemo.clear();
    vagueMemo.set(name, hit);
  }
  return hit;
}

function vague(name: string): boolean {
  const n = name.replace(/等$/, '').trim().toLowerCase();
  if (VAGUE_SET.has(n)) return true;
  // 全县上下, 全市各级各部门, 各有关乡镇, 相关责任单位
  if (
    /^(?:全[县市区省州镇乡国司校院局委厅所])上下$|^全体[\u4e00-\u9fff]{0,6}(?:人员|同志|干部|员工|成员|党员|职工)$|^(?:其他|其它)?(?:涉及|相关|有关)(?:的)?(?:单位|部门|科室)$|^属地(?:街道|乡镇|镇|部门|单位|政府)?$|^(?:公司|集团|学校|全校|全院|全局|县级|市级|区级|镇级|乡级)(?:各|相关|有关)(?:单位|部门|科室|处室|支部)$/.test(
      n,
    )
  )
    return true;
  return /^(?:全[县市区省州镇乡国])?(?:上下|各级|各地)|^(?:全[县市区省州镇乡国])(?:各|上下)|^(?:各有关|各相关|有关|相关|各)(?:[\u4e00-\u9fff（）()]{0,6})(?:单位|部门|人员|方面|乡镇|同志|领导|社区|村|街道|科室|处室|支部|小组|组)$/.test(
    n,
  );
}

/** Endings that mark a Chinese name as an organisational unit. */
export const UNIT_SUFFIX =
  /(?:局|委|办|厅|部|处|科|室|所|院|站|队|中心|公司|集团|政府|委员会|办公室|管委会|股|街道|镇|乡|村|社区|学校|医院|银行|协会|商会|小组|领导组|指挥部|单位|部门|分局|馆|台|社|园区|组|班子|上下)$/;

/** Endings that mark a Chinese name as a person's title. */
export const PERSON_SUFFIX =
  /(?:长|主任|书记|经理|主席|同志|总监|总经理|负责人|秘书|专员|干事|委员|成员|人员|干部|员工)$/;

/** Measurement units offered after a number. */
export const MEASUREMENT_UNITS: readonly { unit: string; en: string }[] = [
  { unit: '万元', en: 'ten thousand yuan' },
  { unit: '亿元', en: 'hundred million yuan' },
  { unit: '元', en: 'yuan' },
  { unit: '万美元', en: 'ten thousand US dollars' },
  { unit: '亩', en: 'mu (about 667 m²)' },
  { unit: '公顷', en: 'hectare' },
  { unit: '平方米', en: 'square metre' },
  { unit: '平方公里', en: 'square kilometre' },
  { unit: '公里', en: 'kilometre' },
  { unit: '米', en: 'metre' },
  { unit: '吨', en: 'tonne' },
  { unit: '万吨', en: 'ten thousand tonnes' },
  { unit: '立方米', en: 'cubic metre' },
  { unit: '千瓦', en: 'kilowatt' },
  { unit: '个', en: 'count' },
  { unit: '家', en: 'enterprises' },
  { unit: '户', en: 'households' },
  { unit: '人', en: 'people' },
  { unit: '人次', en: 'person-times' },
  { unit: '项', en: 'items' },
  { unit: '次', en: 'times' },
  { unit: '%', en: 'percent' },
  { unit: '个百分点', en: 'percentage points' },
  { unit: '天', en: 'days' },
  { unit: '个工作日', en: 'working days' },
  { unit: '年', en: 'years' },
  { unit: '个月', en: 'months' },
];
