-- A second, independent LSP client: Neovim's built-in one (0.7 or later) talks to the language server over
-- stdio, headless. Run by test/nvim/run.sh, which opens a copy of the example minutes:
--   MINUTES_SERVER=dist/server.js nvim --headless -n -i NONE -u test/nvim/init.lua industrial-park-minutes.minutes
-- Prints what the server answers and quits with 0 when every check passes, 1 otherwise.

local server = os.getenv('MINUTES_SERVER') or 'dist/server.js'
local timeout_ms = 15000
local passed, failed = 0, 0

local function say(text)
  io.stdout:write(text .. '\n')
end

local function check(ok, name, detail)
  if ok then
    passed = passed + 1
    say('PASS ' .. name)
  else
    failed = failed + 1
    say('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
end

local function finish()
  say(string.format('nvim: %d passed, %d failed', passed, failed))
  io.stdout:flush()
  vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
  vim.cmd(failed == 0 and passed > 0 and 'qa!' or 'cq')
end

local function code_of(d)
  if type(d.code) == 'table' then
    return tostring(d.code.value)
  end
  return d.code and tostring(d.code) or ''
end

local function read_file(path)
  local f = io.open(path, 'r')
  if not f then
    return ''
  end
  local text = f:read('*a')
  f:close()
  return text
end

-- The first result of a synchronous request, or nil and an error text.
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout_ms)
  if not responses then
    return nil, tostring(err)
  end
  for _, response in pairs(responses) do
    if response.err then
      return nil, vim.inspect(response.err)
    end
    return response.result
  end
  return nil, 'no response'
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(file, ':h')
  vim.bo[bufnr].filetype = 'minutes'

  local diagnostics = nil
  local client_id = vim.lsp.start_client({
    name = 'structured-minutes',
    cmd = { 'node', server, '--stdio' },
    root_dir = dir,
    workspace_folders = { { uri = vim.uri_from_fname(dir), name = 'minutes' } },
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and vim.uri_to_fname(result.uri) == file then
          diagnostics = result.diagnostics
        end
      end,
    },
  })
  if not client_id then
    check(false, 'language server starts', 'vim.lsp.start_client failed for node ' .. server)
    return finish()
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics arrive by themselves once the document is open.
  local started = vim.loop.hrtime()
  vim.wait(timeout_ms, function()
    return diagnostics ~= nil and #diagnostics > 0
  end, 20)
  local ms = (vim.loop.hrtime() - started) / 1e6
  local codes = {}
  for _, d in ipairs(diagnostics or {}) do
    codes[code_of(d)] = true
    say(string.format('  %d:%d %s(%s) %s', d.range.start.line + 1, d.range.start.character + 1, d.source or '', code_of(d), d.message))
  end
  say(string.format('  %d diagnostics %.0f ms after attaching', diagnostics and #diagnostics or 0, ms))
  check(codes['missing-owner'] == true, 'publishDiagnostics reports missing-owner')

  local symbols, err = request(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } })
  local names = {}
  local decisions = nil
  for _, s in ipairs(symbols or {}) do
    table.insert(names, s.name)
    if s.name:find('会议决定', 1, true) then
      decisions = s
    end
  end
  say('  symbols: ' .. table.concat(names, ' | '))
  check(decisions ~= nil and decisions.children ~= nil and #decisions.children > 0, 'documentSymbol gives 会议决定 with its decisions', err)

  -- Type `@` in a decision line, then ask for completions there.
  local line = '一是加强组织领导，@'
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { '', '八、会议决定', line })
  local _, utf16 = vim.str_utfindex(line)
  local completion, cerr = request(bufnr, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = last + 2, character = utf16 },
    context = { triggerKind = 2, triggerCharacter = '@' },
  })
  local items = completion and (completion.items or completion) or {}
  local registry = read_file(dir .. '/minutes-units.yaml')
  local labels, known = {}, false
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
    if registry ~= '' and registry:find(item.label, 1, true) then
      known = true
    end
  end
  say('  completion after @: ' .. table.concat(labels, ' | ', 1, math.min(#labels, 10)))
  check(known, 'completion after @ offers units of minutes-units.yaml', cerr or (#labels .. ' items'))

  -- Neovim 0.7 does not offer workspace/configuration: settings reach the server pushed, as users send them.
  local client = vim.lsp.get_client_by_id(client_id)
  diagnostics = nil
  client.notify('workspace/didChangeConfiguration', { settings = { minutes = { locale = 'zh-CN' } } })
  local shown = nil
  local chinese = vim.wait(timeout_ms, function()
    for _, d in ipairs(diagnostics or {}) do
      if code_of(d) == 'missing-owner' then
        shown = d.message
        -- The message's own words (without the document's text it quotes) name the responsible unit: 责任单位.
        local own = d.message:gsub('“[^”]*”', '')
        return own:find('责任', 1, true) ~= nil
      end
    end
    return false
  end, 20)
  check(chinese, 'minutes.locale zh-CN pushed with didChangeConfiguration gives Chinese messages', shown)

  finish()
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      check(false, 'the check ran', tostring(err))
      finish()
    end
  end,
})

-- Whatever happens, do not hang.
vim.defer_fn(function()
  check(false, 'finished in time', 'gave up after 60 s')
  finish()
end, 60000)
