// The ledger tab's page: draws what the extension sends (the rows loaded so far, already filtered and
// ordered; per-unit counts) and sends back the filters chosen, the row clicked, the export button and
// the wish for more rows.
(function () {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);

  function element(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  function select(name, label, choices, value) {
    const options = choices.map(([v, text]) =>
      element('option', { value: v, textContent: text, selected: v === value }),
    );
    return element('label', {}, [label + ' ', element('select', { name }, options)]);
  }

  function date(name, label, value) {
    return element('label', {}, [label + ' ', element('input', { type: 'date', name, value })]);
  }

  function format(template, ...values) {
    return values.reduce((text, value, i) => text.replace(`{${i}}`, String(value)), template);
  }

  function filters(data) {
    const s = data.strings;
    const f = data.filter;
    const form = $('filters');
    form.replaceChildren(
      select('unit', s.unit, [['', s.any], ...data.options.units.map((u) => [u, u])], f.unit),
      select(
        'status',
        s.status,
        [['', s.any], ...Object.entries(s.statuses), ['overdue', s.overdue]],
        f.status,
      ),
      date('from', s.from, f.from),
      date('to', s.to, f.to),
      select(
        'meeting',
        s.meeting,
        [['', s.any], ...data.options.meetings.map((m) => [m.file, m.label])],
        f.meeting,
      ),
      element('button', { type: 'button', id: 'export', textContent: s.export }),
    );
    $('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  }

  function statusText(row, s) {
    const notes = [];
    if (row.status === 'done' && row.completedOn) notes.push(format(s.completed, row.completedOn));
    if (row.carriedTo) notes.push(format(s.carriedTo, row.carriedTo));
    if (row.overdue) notes.push(s.overdue);
    const name = s.statuses[row.status];
    return notes.length > 0 ? `${name} (${notes.join('; ')})` : name;
  }

  function table(id, headings, rows) {
    const t = $(id);
    t.tHead.replaceChildren(
      element(
        'tr',
        {},
        headings.map((h) => element('th', { textContent: h })),
      ),
    );
    t.tBodies[0].replaceChildren(...rows);
  }

  function draw(data) {
    const s = data.strings;
    filters(data);
    $('count').textContent = data.matched === 0 ? s.empty : format(s.count, data.matched, data.total);
    table(
      'ledger',
      s.columns,
      data.rows.map((row) => {
        const progress = [row.progress, row.origin ? format(s.continues, row.origin) : '']
          .filter(Boolean)
          .join('; ');
        const cells = [
          [row.meetingDate, row.title].filter(Boolean).join(' '),
          row.text,
          row.lead.join('、'),
          row.support.join('、'),
          row.deadline ? row.deadline.date || row.deadline.text : '',
          statusText(row, s),
          progress,
          row.id,
        ].map((text) => element('td', { textContent: text }));
        const tr = element(
          'tr',
          { className: `status-${row.status}${row.overdue ? ' overdue' : ''}`, tabIndex: 0 },
          cells,
        );
        tr.dataset.id = row.id;
        const open = () => vscode.postMessage({ type: 'open', uri: row.uri, line: row.range.start.line });
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (e) => (e.key === 'Enter' ? open() : undefined));
        return tr;
      }),
    );
    const left = data.matched - data.rows.length;
    $('more').replaceChildren(
      ...(left > 0
        ? [element('button', { type: 'button', textContent: format(s.more, Math.min(left, data.page)) })]
        : []),
    );
    $('summary-title').textContent = s.summaryTitle;
    table(
      'summary',
      s.summary,
      data.units.map((cells) =>
        element(
          'tr',
          {},
          cells.map((v, i) => {
            const rate = i === cells.length - 1;
            const text = rate ? (v === null ? '—' : `${Math.round(v * 100)}%`) : String(v);
            return element('td', { textContent: text });
          }),
        ),
      ),
    );
    $('dangling').textContent = data.dangling > 0 ? format(s.dangling, data.dangling) : '';
  }

  $('more').addEventListener('click', (e) => {
    if (e.target && e.target.tagName === 'BUTTON') vscode.postMessage({ type: 'more' });
  });
  $('filters').addEventListener('change', () => {
    const form = new FormData($('filters'));
    const filter = Object.fromEntries(
      ['unit', 'status', 'from', 'to', 'meeting'].map((k) => [k, String(form.get(k) || '')]),
    );
    vscode.postMessage({ type: 'filter', filter });
  });
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'data') draw(event.data);
  });
  vscode.postMessage({ type: 'ready' });
})();
