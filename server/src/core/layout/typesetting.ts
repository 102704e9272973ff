/**
 * The measures both outputs share. `gb` follows GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm, 版心 156 mm ×
 * 225 mm, 22 lines of 28 characters of 3号 (16 pt) 仿宋; title 2号 (22 pt) 小标宋; page numbers 4号 (14 pt).
 */

export const PAGE = { widthMm: 210, heightMm: 297 };

export const GB = {
  topMm: 37,
  leftMm: 28,
  textWidthMm: 156,
  textHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  bodyPt: 16,
  titlePt: 22,
  pageNumberPt: 14,
  /** The page number's 一字线 sits 7 mm below the text block. */
  pageNumberGapMm: 7,
};

/** Font families, first choice first; Word gets the first, the preview the whole list. */
export const GB_FONTS = {
  title: [
    '方正小标宋简体',
    'FZXiaoBiaoSong-B05S',
    '华文中宋',
    'STZhongsong',
    'SimSun',
    'Noto Serif CJK SC',
    'serif',
  ],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  hei: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'sans-serif'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', 'serif'],
  pageNumber: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'],
};

export const BUSINESS = {
  marginMm: 25,
  bodyPt: 11,
  titlePt: 18,
  headingPt: 13,
};

export const BUSINESS_FONTS = {
  body: ['Calibri', 'Carlito', 'Segoe UI', 'Helvetica Neue', 'Arial', 'sans-serif'],
};

/** The GB margin opposite the binding edge (切口): what the page leaves beside the text block. */
export const gbRightMm = PAGE.widthMm - GB.leftMm - GB.textWidthMm;
export const gbBottomMm = PAGE.heightMm - GB.topMm - GB.textHeightMm;
