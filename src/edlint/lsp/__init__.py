"""`edlint lsp`: a language server (pygls) that shows edlint's findings in the editor.

Only the command imports this package, and only :mod:`.server` imports pygls/lsprotocol:
``edlint check`` never pays for them. The modules:

- :mod:`.positions`: code-point offsets <-> LSP positions in the negotiated encoding;
- :mod:`.session`: the linting side (Linter + Workspace, config errors, the fast pass and
  the slow pass of server-backed rules such as grammar), thread-safe, no LSP types;
- :mod:`.actions`: code actions (fixes, fix all, suppression comments) as plain edits;
- :mod:`.server`: the protocol: documents, debouncing, publishing, requests.
"""
