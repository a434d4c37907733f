#!/bin/sh
# Build editors/vscode/edlint.vsix with @vscode/vsce (needs Node.js 18+ and npm; not run in CI).
set -eu
cd "$(dirname "$0")"
command -v npm >/dev/null 2>&1 || { echo "build-vsix: npm is not installed (Node.js 18+ needed)" >&2; exit 2; }
npm install --no-audit --no-fund
npm run compile
npm run package
echo "built $(pwd)/edlint.vsix: code --install-extension edlint.vsix"
