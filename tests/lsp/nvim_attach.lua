-- Headless Neovim (0.7+) attaching `edlint lsp` to a Markdown buffer, as a user's config
-- would; the test reads what vim.diagnostic.get() saw from the file named in EDLINT_NVIM_OUT.
local out = vim.env.EDLINT_NVIM_OUT
local results = {}

local function record(tag, bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    local code = d.code or lsp.code or "?"
    table.insert(results, string.format("%s\t%d\t%d\t%s\t%s", tag, d.lnum, d.col, code, d.message))
  end
  table.insert(results, tag .. "\tend")
end

local function has(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    if (d.code or lsp.code) == code then
      return true
    end
  end
  return false
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.EDLINT_NVIM_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = "markdown"
  local client_id = vim.lsp.start_client({
    name = "edlint",
    cmd = { vim.env.EDLINT_BIN, "lsp" },
    root_dir = vim.env.EDLINT_NVIM_ROOT,
  })
  assert(client_id, "edlint lsp did not start")
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(30000, function() return has(bufnr, "doubled-word") end, 50) then
    table.insert(results, "timeout\topen")
  end
  record("open", bufnr)
  -- Type a fix the way an editor sends it: an incremental change of one line.
  local line = vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1]
  local fixed = line:gsub("the the", "the", 1)
  vim.api.nvim_buf_set_lines(bufnr, 7, 8, false, { fixed })
  if not vim.wait(30000, function() return not has(bufnr, "doubled-word") end, 50) then
    table.insert(results, "timeout\tchange")
  end
  record("change", bufnr)
  vim.lsp.stop_client(client_id)
end)
if not ok then
  table.insert(results, "error\t" .. tostring(err))
end
vim.fn.writefile(results, out)
vim.cmd("qa!")
