/** Help texts of the `minutes` command. */

export const mainHelp = `Usage: minutes <command> [options]

Check meeting minutes (会议纪要) for owners, deadlines and numbering, and extract their action items.

Commands:
  check [paths…]     Report problems in minutes files
  actions [paths…]   List decisions, requirements and actions as JSON, CSV or Markdown
  ledger [paths…]    The follow-up ledger (督办台账) across meetings: xlsx, CSV, JSON, Markdown, iCalendar
  rules              List the rules with their default severity
  export FILE        Lay out one minutes file as a Word document (.docx) or HTML

Options:
  -h, --help         Show help (also: minutes <command> --help)
  -v, --version      Show the version

Paths may be files (any extension), directories (searched for *.minutes and *.minutes.md,
skipping node_modules and .git) or glob patterns; without paths the current directory is searched.

Exit status: 0 no errors, 1 errors found or too many warnings, 2 usage or file problems.
`;

export const checkHelp = `Usage: minutes check [paths|globs…] [options]

Report problems in minutes files, ESLint style.

Options:
  --format text|json     Output format (default: text)
  --units FILE           Units registry (default: minutes-units.yaml in the current directory, if any)
  --config FILE          Rule settings (default: .minutesrc.json or .minutesrc.yaml in the current directory)
  --today YYYY-MM-DD     Date that counts as today; enables the overdue rule
  --locale zh-CN|en      Language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  --max-warnings N       Exit with status 1 when there are more than N warnings
  --no-color             No colours (also: NO_COLOR environment variable)
  -h, --help             Show this help

Exit status: 0 no errors, 1 errors found or more than N warnings, 2 usage or file problems.
`;

export const actionsHelp = `Usage: minutes actions [paths|globs…] [options]

List the decisions, requirements and actions of minutes files with owners, deadlines and status.

Options:
  --format json|csv|markdown   Output format (default: json)
  --today YYYY-MM-DD           Add an overdue column (csv, markdown)
  --units FILE                 Units registry (default: minutes-units.yaml in the current directory, if any)
  --locale zh-CN|en            Language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help                   Show this help

Exit status: 0 done, 2 usage or file problems.
`;

export const ledgerHelp = `Usage: minutes ledger [paths|globs…] [options]

The follow-up ledger (督办台账) of a set of minutes: every decision and action with its id, owners,
deadline and latest status, taken from the follow-up sections (上次会议议定事项落实情况, Matters arising)
of later meetings; re-assigned tasks linked to their origin; a summary with the completion rate per unit.

Options:
  --format FORMAT        markdown (default), json, csv, xlsx (a workbook) or ics (a calendar of open deadlines)
  -o, --output FILE      Write to FILE (required for xlsx and ics; text formats go to standard output without it)
  --force                Replace FILE if it exists (default: refuse)
  --today YYYY-MM-DD     Date overdue is counted against (default: the config's today, else this machine's date)
  --units FILE           Units registry (default: minutes-units.yaml in the current directory, if any)
  --config FILE          Settings (default: .minutesrc.json or .minutesrc.yaml in the current directory)
  -h, --help             Show this help

Exit status: 0 done, 2 usage or file problems.
`;

export const rulesHelp = `Usage: minutes rules [options]

List the rules with their default severity and description.

Options:
  --format text|json     Output format (default: text)
  --locale zh-CN|en      Language of descriptions (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help             Show this help
`;

export const exportHelp = `Usage: minutes export FILE --output OUT.docx [options]
       minutes export FILE --format html [--output OUT.html]

Lay out one minutes file as a formal document: Chinese minutes as a 纪要 in the format of GB/T 9704-2012
(A4, 22 lines of 28 characters, 3号仿宋 body, 2号小标宋 title, 出席/请假/列席 at the end), English minutes
in a business style (header table, numbered sections, action table).

Options:
  --format docx|html     Output format (default: docx)
  -o, --output FILE      File to write; required for docx. HTML without it goes to standard output
  --force                Replace FILE if it exists (default: refuse)
  --units FILE           Units registry (default: minutes-units.yaml in the current directory, if any)
  -h, --help             Show this help

Exit status: 0 written, 2 usage or file problems (nothing is written then).
`;
