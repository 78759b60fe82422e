#!/usr/bin/env bash
# Registers a self-hosted GitLab runner on a fresh VM.
set -euo pipefail
curl -L https://packages.gitlab.com/install/repositories/runner/gitlab-runner/script.deb.sh | sudo bash
sudo apt-get install -y gitlab-runner
sudo gitlab-runner register --non-interactive --url https://gitlab.com \
  --token glrt-t1_{{token:27}}.01.{{lower:9}} \ {{secret:gitlab-runner-token}}
  --executor docker --docker-image alpine:3.20
