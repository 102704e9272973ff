/**
 * Traditional Chinese characters of the genre's vocabulary, each with its simplified form (one UTF-16 unit
 * each), so that minutes written in traditional script (會議決定, 負責, 責任單位, 時限) are read with the same
 * lexicon. Folding keeps every offset: the reader reads the folded text, the model keeps the original.
 */
const TRADITIONAL =
  '會議決認為強調負責單時務須應當辦結盡關於進導組織實現區縣鄉鎮開發與這個們門問題討論紀錄記員參請後將對間點項報歸檔據劃體係處長總經營規範層級協頭牽並從來過還邊達運動確際況狀態環質資費預審轉傳貫徹學習聽匯稅財廳職權設備計畫專內書簽訂約條則週著擴築維護繕電網絡訊號稱標準災險隱檢驗監執選舉頒佈黨團隊醫銀陳劉張楊趙黃吳鄭馮蔣韓溫葉鄧蕭羅盧東廣產業節屆銷價壓濟衛訪談試';
const SIMPLIFIED =
  '会议决认为强调负责单时务须应当办结尽关于进导组织实现区县乡镇开发与这个们门问题讨论纪录记员参请后将对间点项报归档据划体系处长总经营规范层级协头牵并从来过还边达运动确际况状态环质资费预审转传贯彻学习听汇税财厅职权设备计画专内书签订约条则周着扩筑维护缮电网络讯号称标准灾险隐检验监执选举颁布党团队医银陈刘张杨赵黄吴郑冯蒋韩温叶邓萧罗卢东广产业节届销价压济卫访谈试';

const FOLD = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) FOLD.set(TRADITIONAL[i], SIMPLIFIED[i]);
const ANY = new RegExp(`[${TRADITIONAL}]`, 'g');

/** The text with the traditional characters of the lexicon in simplified form, offsets unchanged. */
export function foldScript(text: string): string {
  return text.replace(ANY, (c) => FOLD.get(c) ?? c);
}
