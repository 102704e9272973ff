/**
 * The cue lexicon of the reader: the genre's words that make a sentence a decision, a task or a
 * requirement, the words that make it a finding, the headings that open a list of items, and the lines of
 * a document's closing matter. Data only: each entry names where it applies and carries examples (and
 * counter-examples) that the tests check, so an entry is added with its proof.
 */
import type { ItemKind, SectionKind } from '../model';
import { alternation } from '../text';

export type CueKind = ItemKind | 'none';

/**
 * Where a cue applies:
 * - `lead`: at a sentence start, and it sets the mode of the sentences after it in the paragraph
 *   (`会议要求，…`, `会议认为，…`);
 * - `start`: at a sentence or list-entry start, for that sentence only (`ACTION: …`, `Dana to …`);
 * - `within`: anywhere in a sentence (`…，一致同意…`, `… motion carried`).
 */
export type CueScope = 'lead' | 'start' | 'within';

export interface Cue {
  id: string;
  lang: 'zh' | 'en';
  scope: CueScope;
  kind: CueKind;
  /** Matched against the sentence (anchored cues start with `^`). Group `owner`, when present, names who. */
  re: RegExp;
  examples: readonly string[];
  counterExamples?: readonly string[];
}

/** A capitalised English name, a handle or an uppercase role: `Dana`, `Dana K.`, `@dana`, `CLERK`. */
const EN_NAME = String.raw`(?:@[\w-]+|(?![A-Z][a-z]+ing\b)(?!(?:Plans|Want|Wants|Hope|Decision|Agreement|Proposal|Question|Note|Notes|Update|Updates|Work|Link|Time|Way|Goal|Idea|Focus|He|She|It|They|We|I|You|This|That|There|These|Those|The|A|An|In|On|At|If|When|Meeting|Motion|Agenda|Discussion|Next|Also|Please|Need|Needs|Plan|May|Might|Must|Should|Could|Would|Can|Will|Maybe|Perhaps|Probably|Possibly|Hopefully|Still|Just|Currently|Today|Tomorrow|Once|After|Before|Then|So|But|And|Or|Not|No|Yes|Some|Any|Most|Many|Each|Every|Other|Both|Our|My|Your|Their|His|Her)\b)[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|de|von|da)){0,3})`;
/** Several names joined: `Dana and Lee`, `Dana & Lee`, `Dana/Lee`, `Dana, Lee`. */
const EN_NAMES = String.raw`${EN_NAME}(?:\s*(?:,|&|/|\band\b)\s*${EN_NAME}){0,5}`;
/** Groups named as owners: `The clerk`, `Everyone`, `All`, `The team`. */
const EN_GROUP = String.raw`(?:[Ee]veryone|[Ee]verybody|[Aa]ll(?:\s+(?:members|directors|councillors|trustees|participants|maintainers))?|(?:[Tt]he\s+)?(?:clerk|chair|secretary|treasurer|team|group|committee|board|council|staff|office|editors?|chairs?|maintainers|organi[sz]ers|supervisors|trustees|directors|officers|commissioners|councillors)|TBD|TBC)`;
/** What follows an English subject that makes a task: `to`, `will`, `shall`… and a verb. */
const EN_TASK_AUX = String.raw`(?:to|will|shall|should|must|need(?:s)?\s+to|agreed\s+to|volunteered\s+to|offered\s+to|(?:is|are)\s+(?:to|going\s+to)|(?:will|to)\s+(?:also|then|continue\s+to))`;

/** Verbs that begin a task written as an imperative: `Ben: write up the notes`, `Rosa: Re-open the ticket`. */
const TASK_VERBS = [
  'add',
  'arrange',
  'ask',
  'book',
  'call',
  'chase',
  'check',
  'circulate',
  'clean',
  'complete',
  'confirm',
  'contact',
  'create',
  'document',
  'draft',
  'email',
  'file',
  'find',
  'finish',
  'fix',
  'follow',
  'invite',
  'investigate',
  'look',
  'merge',
  'move',
  'open',
  'order',
  'organi[sz]e',
  'plan',
  'post',
  'prepare',
  'publish',
  'reach',
  'read',
  'remove',
  'reply',
  'review',
  'rotate',
  'schedule',
  'send',
  'set',
  'share',
  'submit',
  'test',
  'update',
  'upload',
  'write',
  'finali[sz]e',
  'tell',
  'join',
  're-?open',
  'coordinate',
  'present',
  'start',
  'continue',
  'get',
  'make',
  'keep',
  'provide',
  'collect',
  'identify',
  'define',
  'sort',
];
/** The task verbs, small or capitalised. */
export const EN_TASK_VERBS = TASK_VERBS.map((v) => `[${v[0]}${v[0].toUpperCase()}]${v.slice(1)}`).join('|');

const ZH_MEETING =
  '(?:会议|会上|本次会议|会议还|会议一致|会议同时|会议进一步|会议最后|会议经研究|经会议研究|经研究)';
const ZH_SEP = '(?:了|如下|以下|事项)*\\s*[，,：:]?';

export const CUES: readonly Cue[] = [
  // ── Chinese: sentences that are never items, whatever else they contain ──
  {
    id: 'zh-announce',
    lang: 'zh',
    scope: 'within',
    kind: 'none',
    re: /^现将|(?:纪要|记录|通报|明确|议定|决定)[^。；;]{0,10}如下[:：]?\s*$/,
    examples: ['现将会议议定事项纪要如下：', '经研究，现将议定的事项通报如下：'],
  },
  {
    // A list entry or sentence that opens with a task verb: `提炼需求，在仓库里提一个 Issue`, `号召大家参与`.
    id: 'zh-task-verb',
    lang: 'zh',
    scope: 'within',
    kind: 'action',
    re: /^(?:\d{1,2}[.、)）]\s*)?(?:提炼|拆分|号召|梳理|跟进|对接|提交|补充|撰写|编写|调研|收集|征集|起草|整理)(?![了过完好])[^：:]{2}/,
    examples: ['提炼功能，在仓库里提一个 Issue。', '号召社区同学来参与。'],
    counterExamples: ['整理了一份清单。', '起草：张三', '准备工作充分。', '协调机制运行顺畅。'],
  },
  {
    id: 'zh-attendance',
    lang: 'zh',
    scope: 'within',
    kind: 'none',
    re: /(?:参加|出席|列席|参会)(?:了)?(?:会议|本次会议)?[。.]?$|(?:参加|出席|列席|参会)(?:了)?(?:会议)?[，,]|(?:会议)?由[^，,。；;]{1,30}主持|主持(?:召开|了)?[^，,。；;]{0,30}会议/,
    examples: ['公司领导班子成员及中层干部参加，会议由副总经理主持。', '县发改局等单位负责人参加会议。'],
    counterExamples: ['请县财政局参加验收。'],
  },
  // ── Chinese: lead phrases that set a paragraph's mode ──
  {
    id: 'zh-lead-decision',
    lang: 'zh',
    scope: 'lead',
    kind: 'decision',
    re: new RegExp(
      `^${ZH_MEETING}?(?:研究)?(?:决定|议定|决议|明确|确定|同意|原则同意|一致同意|原则通过|审议通过|批准|通过(?=[了《，,：:]))${ZH_SEP}`,
    ),
    examples: [
      '会议决定，由县财政局牵头推进。',
      '会议原则同意《实施方案》。',
      '会议明确：项目由城投公司实施。',
      '会议通过了《议事规则》。',
    ],
    counterExamples: ['会议认为，工作总体平稳。', '会议通过视频方式召开。'],
  },
  {
    id: 'zh-lead-requirement',
    lang: 'zh',
    scope: 'lead',
    kind: 'requirement',
    re: new RegExp(
      `^${ZH_MEETING}(?:要求|强调|部署|指出[，,]?(?=[^。；;]{0,16}?(?:(?<![重主需纪摘概提纲简必首紧扼只想])要(?![求点素])|必须|务必))|提出)${ZH_SEP}`,
    ),
    examples: ['会议要求，各单位要按时报送。', '会议强调，要压实责任。', '会上强调：安全生产不能放松。'],
    counterExamples: ['要求各单位报送。'],
  },
  {
    id: 'zh-lead-finding',
    lang: 'zh',
    scope: 'lead',
    kind: 'none',
    re: new RegExp(
      `^${ZH_MEETING}(?:认为|指出|听取|研究|通报|讨论|传达|学习|审议|分析|总结|回顾|肯定)${ZH_SEP}`,
    ),
    examples: ['会议认为，总体运行平稳。', '会议听取了县发改局的汇报。', '会议指出，存在三个问题。'],
  },
  {
    id: 'zh-lead-tasks',
    lang: 'zh',
    scope: 'lead',
    kind: 'action',
    re: /^(?:会后|下一步|下步|会议结束后)[，,：:]?/,
    examples: ['会后，办公室负责印发通知。', '下一步，各组要完成测试。'],
  },
  // ── Chinese: cues within a sentence ──
  {
    id: 'zh-approved',
    lang: 'zh',
    scope: 'within',
    kind: 'decision',
    re: /(?:原则|一致|表决|审议|会议|全票|讨论)(?:同意|通过)|通过了|(?:制定|形成|确定|拟定)了[^。；;]{0,20}(?:方案|意见|决议|共识|计划|措施|办法)|同意(?:了)?(?:《|该|此|将|对|由|在|按|从|给予|免去|任命|聘任|推荐|上报|报)|(?:研究|会议)(?:决定|议定)|决定(?:由|对|将|在|从|给予|免去|任命|成立|设立)|形成了[^。；;]{0,20}(?:方案|意见|决议|共识)/,
    examples: [
      '会议听取了汇报后，一致同意免去其职务。',
      '经过讨论，表决通过了推荐人选。',
      '会议听取汇报，形成了工作方案。',
      '针对反映的问题，会议商讨并制定了整改方案。',
    ],
    counterExamples: ['通过加强管理提高效率。', '是否同意尚待研究。'],
  },
  {
    id: 'zh-directive',
    lang: 'zh',
    scope: 'within',
    kind: 'requirement',
    re: /(?:^|[，,：:；;])(?:[\u4e00-\u9fff、\w .-]{0,24}?)(?<![重主只想还将也就都不需纪摘概提纲简必首紧扼])(?:必须|务必|务求|一定要|要(?!求|点|素|闻|案|件|是|么|不然|的))|(?:^|[，,：:；;])(?:[\u4e00-\u9fff、\w .-]{0,16}?(?:局|委|办|部|处|科|室|中心|公司|单位|部门|街道|镇|乡|村|社区|组|班子|人员|同志|干部|大家|各方)|[A-Za-z][\w.-]{0,30}\s*)?(?:应当|应该|须(?!知)|需要|需(?!求))/,
    examples: ['各单位要按时报送材料。', '会议认为，情况良好，必须保持。'],
    counterExamples: ['会议听取了汇报。', '主要问题是需求不足。'],
  },
  {
    id: 'zh-assign',
    lang: 'zh',
    scope: 'within',
    kind: 'action',
    re: /(?:^|[，,：:；;])(?:会后)?[，,]?(?:由|请|责成|安排)?[\u4e00-\u9fffA-Za-z0-9（）()·、]{2,24}?(?:负责(?!人|同志)|牵头|承办|落实|承诺|跟进|对接|认领)|(?:^|[，,：:；;])(?:请|责成|安排|由)[\u4e00-\u9fffA-Za-z0-9（）()·、]{2,24}?(?:于|在|抓紧|尽快|做好|完成|研究|组织|制定|对)|由[\u4e00-\u9fffA-Za-z0-9（）()·、]{2,24}?(?:落实|办理|完成)/,
    examples: [
      '会后，办公室负责印发。',
      '请县交通局于5月底前完成勘察。',
      '该项工作由县财政局落实。',
      '张伟承诺下周提交代码。',
    ],
    counterExamples: ['会议认为，形势较好。'],
  },
  {
    id: 'zh-pending',
    lang: 'zh',
    scope: 'within',
    kind: 'action',
    re: /有待|待(?:修复|解决|处理|确认|完善|补充|跟进)|(?:^|[，,：:；;])(?:计划|预计|拟|准备|打算)(?:于|在|将|会|下周|本周|今日|明天|近期)?[\u4e00-\u9fff]|(?:^|[，,：:；;])[^。；;，,：:]{1,16}?(?:预计|计划)(?:会|将)?(?:在|于)[^。；;，,]{1,20}?(?:完成|上线|发布|开源|启动|建成|投用|投产|交付|竣工|开工|到位|推出|召开|开通)/,
    examples: [
      '元数据有待本地化。',
      '计划下周发布新版本。',
      '预计在6月底前完成迁移。',
      '新站点预计在 6 月底正式上线。',
    ],
    counterExamples: ['已完成迁移。'],
  },
  {
    id: 'zh-suggest',
    lang: 'zh',
    scope: 'within',
    kind: 'requirement',
    re: /(?:^|[，,：:；;])(?:可考虑|建议|应考虑|一定(?:要)?(?:注意)?)|(?:可|应|可以)考虑(?:再|重新|进一步)?[\u4e00-\u9fff]/,
    examples: [
      '翻译难以呈现，可考虑在文档中说明。',
      '一定注意检查报错。',
      '“浏览”一词有歧义，术语表可考虑再推敲。',
    ],
  },
  {
    id: 'zh-points',
    lang: 'zh',
    scope: 'within',
    kind: 'requirement',
    re: /(?:提出|作出|做出|布置|强调|明确)了?[^。；;，,]{0,12}(?:要求|部署|意见|任务)[:：]\s*$|(?:要求|强调|部署)[:：]\s*$/,
    examples: ['张主任对下阶段工作提出三点要求：', '王局长强调：'],
  },
  // ── English: at a sentence or entry start ──
  {
    // The meeting's own procedure, in a notes template: never an item.
    id: 'en-procedure',
    lang: 'en',
    scope: 'start',
    kind: 'none',
    re: /^(?:[Pp]lease\s+)?(?:introduce\s+yourself|add\s+(?:new\s+|your\s+)?(?:agenda\s+items|names?)\b|sign\s+in\b|mute\b|raise\s+your\s+hand)/,
    examples: ['please introduce yourself.', 'Please add new agenda items under the heading!'],
    counterExamples: ['Please add the figures to the report.'],
  },
  {
    id: 'en-action-label',
    lang: 'en',
    scope: 'start',
    kind: 'action',
    re: /^(?:\*\*|__)?(?:\[(?:actions?(?:\s+items?)?|todo|AI)\]\s*[:：—–-]?|(?:actions?(?:\s+(?:items?|points?|required))?|AI|todo|to\s?do|task|follow[- ]up|next\s+steps?)(?:\s*#?\s*\d+(?:\.\d+)*)?(?:\s*[(（][^)）\n]{1,60}[)）])?(?:\*\*|__)?\s*[:：—–-])\s*(?:\*\*|__)?(?=\S)/i,
    examples: [
      'ACTION: Dana to send the draft.',
      'Action item: update the wiki',
      'Action Point: Ana to write up',
      'Action #2: update the glossary (Dana)',
      '[ACTION] Lee to book the room',
      'AI (Sam): review the PR',
      '**Action Point**: Ana to write up',
    ],
    counterExamples: ['Actions were discussed at length.'],
  },
  {
    id: 'en-action-upper',
    lang: 'en',
    scope: 'start',
    kind: 'action',
    re: /^(?<owner>[A-Z]{2,}(?:\s+[A-Z]{2,})?(?:\s*\/\s*[A-Z]{2,}(?:\s+[A-Z]{2,})?)*)\s+TO\s+[A-Z]{2,}/,
    examples: ['CLERK TO WRITE to the highways team.', 'CLLR SMITH / CLERK TO ARRANGE THE ORDER'],
  },
  {
    id: 'en-decision-label',
    lang: 'en',
    scope: 'start',
    kind: 'decision',
    re: /^(?:\*\*|__)?(?:(?:Decisions?|Agreements?|Resolution(?:\s*#?\s*\d+)?|Outcome|Conclusion)(?:\*\*|__)?\s*[:：—–-]|(?:Decided|Agreed|Resolved|RESOLVED|AGREED|DECIDED|Approved|Accepted|Adopted)(?:\*\*|__)?\s*(?:[:：—–-]|that\b|\.\s|\s+(?=[a-z(])))/,
    examples: [
      'Decision: ship on Monday.',
      'RESOLVED that the accounts be approved.',
      'Agreed: move the call to Thursdays',
      'Resolution #2: publish the note',
    ],
    counterExamples: ['Decisions are made by consensus in this group and…'],
  },
  {
    id: 'en-we-agreed',
    lang: 'en',
    scope: 'within',
    kind: 'decision',
    re: /\b(?:[Ww]e|[Tt]he\s+(?:group|committee|board|council|team|meeting|WG|working\s+group|TSC|members|trustees|directors))\s+(?:have\s+)?(?:unanimously\s+)?(?:agreed|decided|resolved|approved|adopted|voted|concluded)\b|\b(?:[Aa]ll|[Ee]veryone|[Cc]onsensus)\s+(?:agreed|was\s+reached|in\s+favou?r)|\b[Ii]t\s+was\s+(?:unanimously\s+)?(?:resolved|agreed|decided|RESOLVED|AGREED)\b|\b[Ii]t\s+was\s+formally\s+noted\b|\bno\s+objections?\b|\b(?:were|was|been)\s+(?:\w+\s+and\s+)?(?:unanimously\s+)?(?:accepted|agreed|approved|adopted|endorsed|ratified|rejected)\b|^(?:The\s+)?(?:[Mm]inutes|[Aa]genda)(?:\s+of\s+[^.!]{1,60}?)?\s+(?:approved|adopted|accepted)\b|\b(?:in\s+(?:full\s+)?agreement|(?:[Bb]road|[Gg]eneral|[Ff]ull)\s+agreement|consensus\s+(?:that|to|on))\b|\b(?:[A-Z][\w]*|[Tt]he\s+\w+)\s+(?:has\s+|have\s+)?(?:decided|seems?\s+to\s+agree)\b|^(?:Agreed|Decided)\s+(?:on|to|that)\b/,
    examples: [
      'We agreed to keep the current schedule.',
      'All agreed.',
      'These were accepted by all.',
      'Broad agreement that the call moves.',
      'The EC decided there is no need for a vote.',
      'It was resolved to accept the quote.',
      'The board unanimously approved the budget.',
      'A memorial as requested by the family was reviewed and approved.',
      'Minutes approved!',
      'The minutes of the last meeting approved as read.',
    ],
    counterExamples: ['We discussed the schedule.'],
  },
  {
    id: 'en-motion',
    lang: 'en',
    scope: 'within',
    kind: 'decision',
    re: /\b(?:[Mm]otion|MOTION)\b[^.\n]{0,200}?\b(?:carried|passed|approved|adopted|CARRIED|PASSED)\b|\b(?:[Mm]otion|MOTION)\s+(?:by|made\s+by)\b|^(?:[Mm]otion|MOTION)(?:\s+text)?\s*[:：]|\b(?:[Pp]roposed|[Mm]oved)\s+by\b|\b(?:[Uu]nanimously|[Dd]uly)\s+(?:approved|agreed|adopted|carried|passed|elected)\b|\b(?:approved|carried|passed)\s+unanimously\b|\b(?:all|votes?)\s+in\s+favou?r\b/,
    examples: [
      'Motion by Ann, second by Bob, to approve the minutes. Motion carried.',
      'Proposed by: Jo. Unanimously approved.',
      'MOTION: accept the report',
    ],
    counterExamples: ['The motion was discussed.'],
  },
  {
    id: 'en-requirement',
    lang: 'en',
    scope: 'start',
    kind: 'requirement',
    re: /^(?:(?:All|Every|Each)\s+(?:members?|councillors?|directors?|trustees?|participants?|maintainers?|contributors?|teams?)\s+(?:should|must|are\s+(?:asked|requested|reminded|encouraged)\s+to|to)\s|(?:Members|Councillors|Participants|Contributors|Everyone)\s+(?:are|is)\s+(?:asked|requested|reminded|encouraged)\s+to\s|If\s+(?:interested|you\s+can|possible)[,.]?\s+[a-z]+|[Pp][Ll]ease\s+[a-z])/,
    examples: [
      'All members should read the policy before the AGM.',
      'Please review the draft before Friday.',
      'Councillors are asked to send comments.',
      'If interested, reach out!',
    ],
    counterExamples: ['All members were present.'],
  },
  {
    id: 'en-subject-task',
    lang: 'en',
    scope: 'start',
    kind: 'action',
    re: new RegExp(String.raw`^(?<owner>${EN_NAMES}|${EN_GROUP})\s+${EN_TASK_AUX}\s+(?!be\b)[a-z]`),
    examples: [
      'Dana to send the draft by Friday.',
      'Lee and Sam will review the PR',
      '@kim to update the docs',
      'The clerk will write to the council',
      'Everyone to read the proposal',
    ],
    counterExamples: ['The meeting will be held on Monday.', 'It will take time.'],
  },
  {
    id: 'en-name-colon-task',
    lang: 'en',
    scope: 'start',
    kind: 'action',
    re: new RegExp(
      String.raw`^(?:${EN_NAMES}|${EN_GROUP})\s*[:：]\s+(?:(?:I\s+will|[Ww]ill|to|[Ww]e\s+will)\s+[a-z]|(?:${EN_TASK_VERBS})\b)`,
    ),
    examples: ['Dana: will send the slides', 'Sam: I will fix the build', 'Ben: write up the retro notes'],
    counterExamples: ['Dana: the build is green.'],
  },
  {
    id: 'en-will',
    lang: 'en',
    scope: 'within',
    kind: 'action',
    re: new RegExp(
      String.raw`(?:^|,\s*|[-–—]\s+|\band\s+|\b[Ss]o\s+|\bthen\s+|:\s+|\n)(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|${EN_NAME}|${EN_GROUP})\s+(?:will|'ll|shall)\s+(?!be\s+(?:held|available|present|closed|open|on|in|at)\b|not\b)[a-z]|^(?:I\s+)?[Ww]ill\s+(?!be\b|not\b|(?:result|depend|mean|require|allow|happen|need|have|take|help|cost|affect|include|lead|come|make\s+sense)\b)[a-z][^?]*$`,
    ),
    examples: [
      'Rich: yeah, good point - I will take it to the list',
      'Jo reports the vendor called and they will replace the pump',
      'Jo has found a candidate, so the supervisors will set up an interview',
      'Will work out the branding after the conference',
    ],
    counterExamples: [
      'The next meeting will be held in May.',
      'Will the board approve it?',
      'Will result in a document for the archive',
    ],
  },
  {
    // `A draft agenda will be put together next week`: a task in the passive, its owner unnamed.
    id: 'en-passive-will',
    lang: 'en',
    scope: 'within',
    kind: 'action',
    re: /\bwill\s+be\s+(?:put\s+together|sent(?:\s+(?:out|around|round))?|circulated|drafted|prepared|shared|scheduled|organi[sz]ed|arranged|updated|published|posted|set\s+up|written(?:\s+up)?|finali[sz]ed|submitted|distributed|uploaded|booked|ordered)\b/,
    examples: [
      'A draft agenda will be put together next week and sent around',
      'The report will be circulated.',
    ],
    counterExamples: ['The next meeting will be held in May.'],
  },
  {
    // `… yes, we should add branch protection rules`: what the meeting holds must be done.
    id: 'en-we-should',
    lang: 'en',
    scope: 'within',
    kind: 'requirement',
    re: /\b[Ww]e\s+(?:should|must)\s+(?!not\b|be\b|have\b|discuss\b|consider\b|think\b)[a-z]/,
    examples: ['Guidance is yes, we should add branch protection rules.', 'We must read it beforehand.'],
    counterExamples: ['Should we create a new milestone?', 'We should discuss this later.'],
  },
  {
    // `Our plan is to use the issue tracker`: what the group has settled on.
    id: 'en-plan',
    lang: 'en',
    scope: 'within',
    kind: 'decision',
    re: /(?:^|[:,;]\s+)(?:[Oo]ur|[Tt]he)\s+plan\s+is\s+to\s+[a-z]/,
    examples: ['Rich: our plan is to use the issue tracker for this.', 'The plan is to ship in May.'],
    counterExamples: ['We discussed whether the plan is sound.'],
  },
  {
    // `Future calls: Set the notes to be editable by everyone.`, `Final call: tell your rep`: a topic, then
    // what to do about it.
    id: 'en-topic-imperative',
    lang: 'en',
    scope: 'start',
    kind: 'action',
    re: new RegExp(
      String.raw`^[A-Z][A-Za-z' -]{2,40}:\s+(?:${EN_TASK_VERBS})\b(?!\s+(?:of|on|from|for|is|was|are|were)\b)`,
    ),
    examples: [
      'Future community calls: Set the notes to be editable by everyone.',
      'Final call for action: tell your rep',
    ],
    counterExamples: [
      'Discussion: Review of the budget',
      'Budget: update was given by Lee.',
      'Finance: Update on the audit',
    ],
  },
  {
    // `Join the working group!`, `Add it to the host guide!`: an exclamation that asks for something.
    id: 'en-exclaimed',
    lang: 'en',
    scope: 'start',
    kind: 'requirement',
    re: new RegExp(String.raw`^(?:${EN_TASK_VERBS}|[Ss]ign\s+up|[Rr]egister|[Vv]ote)\b[^.!?\n]{0,120}!$`),
    examples: ['join the EPUB3 WG!', 'Sign up for the workshop!'],
    counterExamples: ['Send it.', 'Great work everyone!'],
  },
  {
    // `… (waiting for Gerald to get his access)`: what someone still has to do.
    id: 'en-waiting-for',
    lang: 'en',
    scope: 'within',
    kind: 'action',
    re: new RegExp(String.raw`\b(?:waiting|wait)\s+(?:for|on)\s+${EN_NAME}\s+to\s+[a-z]`),
    examples: ['Invites should work in HTML (waiting for Gerald to get his access to verify this)'],
    counterExamples: ['Waiting for the vendor.'],
  },
  {
    id: 'en-lets',
    lang: 'en',
    scope: 'within',
    kind: 'action',
    re: /(?:^|[:,;]\s+|\b[Ss]o\s+)(?:[Ll]et'?s'?|[Ll]et\s+us)\s+(?!me\b)[a-z]|^[A-Z][\w.-]{0,20}:\s+(?:[Dd]o|[Pp]lease)\s+[a-z]/,
    examples: [
      "SC: Let's come back to this in a March meeting.",
      'JB: So lets move the open issues to 1.1.',
      'AB: Do revisit the open PRs.',
    ],
    counterExamples: ['SC: The build is green.'],
  },
];

/**
 * A vote's outcome on a line or sentence of its own (`Motion carried.`, `Unanimously approved.`,
 * `(5/6 votes)`): it records the motion before it, which is the decision.
 */
export const CARRIED: { re: RegExp; examples: readonly string[] } = {
  re: /^no\s+objections?(?:\s+(?:were\s+)?(?:raised|made|received))?[.!]?\s*$|^(?:(?:result|outcome|vote)\s*[:：]\s*)?(?:\(?\s*(?:the\s+)?(?:motion\s+)?(?:was\s+)?(?:unanimously\s+|duly\s+)?(?:carried|passed|approved|adopted|accepted)(?:\s+(?:unanimously|nem\.?\s*con\.?)|\s+\d+\s*[–-]\s*\d+|\s+(?:by|with)\b[\s\S]{0,160}|\s*\([^)]{0,60}\)|\s*[,;][\s\S]{0,160})?[.!)]?|(?:all\s+in\s+favou?r|votes?\s*[:：]|vote\s+(?:was\s+)?unanimous|\(\s*\d+\s*(?:\/|-|–|to)\s*\d+(?:\s*votes?)?\s*\)|\d+\s*(?:votes?\s+)?(?:for|in\s+favou?r)\b)[^.]{0,80}[.]?)\s*$/i,
  examples: [
    'Motion carried.',
    'Unanimously approved.',
    'Result: Carried',
    '(5/6 votes)',
    'Carried unanimously.',
    'Motion carried by the vote of Ann yea, Bob yea.',
    'No objections raised.',
  ],
};

/** Who moved or seconded a motion, on a line of its own (`Proposed by: Jo`): part of the motion, not an item. */
export const MOVER: { re: RegExp; examples: readonly string[] } = {
  re: /^(?:proposed|moved|seconded|second(?:ed)?)\s+by\s*[:：]?\s*[^.]{0,60}[.]?\s*$|^(?:proposer|seconder)\s*[:：]\s*[^.]{0,60}[.]?\s*$/i,
  examples: ['Proposed by: Jo', 'Seconded by Lee Park.'],
};

/** Headings (or a label line alone, `会议结论：`) whose entries are items, with the kind they give. */
export const ITEM_HEADINGS: readonly { re: RegExp; kind: SectionKind; examples: readonly string[] }[] = [
  {
    re: /^(?:会议)?(?:结论|决议|决定|议定|议定事项|决定事项|决议事项|形成决议|表决结果|审议结果|研究结果)/,
    kind: 'decision',
    examples: ['会议结论', '决议', '议定事项'],
  },
  {
    re: /^(?:(?:会议)?(?:工作)?(?:要求|部署)|遗留问题|待办事项|待办|待解决问题|待修复问题|已知问题|注意事项|任务分工|分工|产出|下一步(?:工作|计划|安排)?|下步工作|工作(?:要求|部署|任务|安排)|任务分工|责任分工|后续(?:工作|跟进|安排)|跟进事项|行动项|会议要求|会议部署)/,
    kind: 'requirement',
    examples: ['遗留问题', '待办事项', '下一步工作'],
  },
  {
    // A topic before the word: `提交代码注意事项`, `会后任务分工`, `本周工作安排`.
    re: /^[^。；;，,：:]{1,16}?(?:注意事项|任务分工|责任分工|工作安排|工作要求|工作任务|待办事项|行动项)\s*$/,
    kind: 'requirement',
    examples: ['提交 PR 注意事项', '会后任务分工', '本周工作安排'],
  },
  {
    re: /^(?:decisions?(?:\s+(?:made|taken))?|resolutions?|motions?|votes?|voting|agreed|agreements?|outcomes?|meeting\s+(?:decisions|outcomes?))\b/i,
    kind: 'decision',
    examples: ['Decisions', 'Votes', 'Resolutions'],
  },
  {
    re: /^(?:(?:new\s+|open\s+)?action\s+(?:items?|points?|list|log)|actions?|next\s+steps|follow[- ]ups?|tasks?|to-?dos?|meeting\s+actions|(?:review\s+of\s+)?(?:duties|assignments))\b/i,
    kind: 'requirement',
    examples: ['Action items', 'Next steps', 'ACTIONS', 'Review of duties'],
  },
];

/** Headings of sections of record: what was reported, discussed or noted (items only by their own cues). */
export const FINDING_HEADINGS: readonly { re: RegExp; examples: readonly string[] }[] = [
  { re: /^(?:会议)?(?:主要)?(?:内容|情况|精神)/, examples: ['主要内容', '会议精神'] },
  {
    re: /^(?:discussions?|reports?|updates?|notes|minutes|information)\b/i,
    examples: ['Discussion', 'Reports', 'Notes'],
  },
];

/** Section headings whose entries report on earlier meetings' items (matched inside the heading). */
export const FOLLOW_UP_HEADINGS: readonly string[] = [
  '上次会议议定事项落实情况',
  '议定事项落实情况',
  '决定事项落实情况',
  '督办事项',
  '督办情况',
  'matters arising',
  'review of action items',
  'previous action items',
  'actions from the last meeting',
];

/** Headings of sections that hold no new items: attendance, reviews of earlier actions, notes of record. */
export const NO_ITEM_HEADINGS: readonly { re: RegExp; examples: readonly string[] }[] = [
  {
    re: /^(?:attendees|attendance|present|apologies|absent|regrets|participants|members\s+present|in\s+attendance|agenda|(?:next\s+meeting\s+)?agenda|status(?:\s+updates?)?|scribes?|出席(?:人员)?|列席(?:人员)?|请假(?:人员)?|缺席(?:人员)?|参会人员|与会人员|本期议题|会议议程|议程)(?:\s*[(（][^)）]*[)）])?\s*[:：]?\s*$/i,
    examples: ['Attendees', 'Apologies', '出席人员', 'Agenda', 'Status'],
  },
  {
    // A review of earlier actions, or any heading the ledger reads as a follow-up.
    re: new RegExp(
      String.raw`^(?:(?:review\s+of\s+)?(?:previous|past|prior|last\s+meeting'?s?|carried[- ]over|outstanding|completed)\s+(?:action\s+items?|actions?|action\s+points?)\b|上次会议(?:议定事项)?落实情况)|${alternation(FOLLOW_UP_HEADINGS)}`,
      'i',
    ),
    examples: ['Previous Action Items', 'Review of past actions', 'Review of action items', '督办事项'],
  },
];

/** Lines that close a document and are never items: distribution, issuing, signatures, attachments. */
export const CLOSING_LINES: readonly { re: RegExp; examples: readonly string[] }[] = [
  {
    re: /^(?:抄送|抄报|报送|主送|分送|发送|印发|本期发|送|附件|联系人|责任编辑|来源|编辑|审核|校对|分发)\s*[:：]/,
    examples: ['抄送：县委办公室', '附件：1. 名单', '本期发：各镇'],
  },
  {
    re: /(?:办公室|办公厅|秘书处|党政办|综合办|委员会)\s*[\d〇一二三四五六七八九十○]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*(?:印发|印|发)?\s*$/,
    examples: ['县人民政府办公室 2024年3月16日印发', '党政办公室2023年3月7日印'],
  },
  {
    re: /^[（(]?(?:此件公开发布|此件不公开|此件主动公开|此页无正文|共印\s*\d+\s*份)[）)]?$|^[（(]联系人[:：]/,
    examples: ['（此件公开发布）', '（联系人：王五）'],
  },
  {
    re: /(?:等(?:单位|部门)?(?:的)?(?:主要)?(?:负责人|负责同志|同志|代表|人员)|^(?:出席|列席|参加)(?:会议)?(?:人员|单位|领导)?\s*[:：]).{0,40}$|(?:参加|出席|列席)(?:了)?(?:会议|本次会议)[。.]?$/,
    examples: ['县发改局、县财政局等单位负责人参加会议。', '出席：张三、李四'],
  },
  {
    re: /^(?:Respectfully\s+submitted|Signed|Signature|Minutes\s+(?:taken|recorded|prepared)\s+by|Chair(?:man|person)?'?s?\s+signature|Date\s+approved|Approved\s+by\s+the\s+(?:board|council)\s+on)\b|^(?:The\s+)?meeting\s+(?:closed|ended|adjourned|was\s+(?:closed|adjourned))\b|^(?:Next\s+meeting|Date\s+of\s+(?:the\s+)?next\s+meeting)\b/i,
    examples: ['Respectfully submitted, Jo Bloggs, Clerk', 'Meeting closed at 9.15pm', 'Next meeting: 4 May'],
  },
  {
    re: /^(?:首页|当前位置|您当前的位置|打印本页|关闭窗口|分享到|扫一扫|相关链接|上一篇|下一篇|【打印】|【关闭】|字号|浏览次数|发布时间|信息来源)[:：\s]?/,
    examples: ['当前位置：首页 > 政务公开', '【打印】【关闭】', '上一篇：关于…'],
  },
];
