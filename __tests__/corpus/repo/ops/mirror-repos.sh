#!/usr/bin/env bash
set -euo pipefail
for repo in platform worker web; do
  git -C "/srv/mirrors/$repo" remote set-url origin "https://x-access-token:{{crc:ghs_:30}}@github.com/agentco/$repo" {{secret:github-app-installation-token}}
  git -C "/srv/mirrors/$repo" fetch --prune
done
