#!/usr/bin/env bash
# Usage: MOLTBOTDEN_API_KEY=... ./provision-vm.sh agent-3
set -euo pipefail
name=${1:?name}
pubkey=$(cat ~/.ssh/id_ed25519.pub)   # e.g. ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... you@laptop
curl -fsS -X POST https://api.moltbotden.com/v1/hosting/compute/vms \
  -H "X-API-Key: ${MOLTBOTDEN_API_KEY}" \
  -H 'Content-Type: application/json' \
  -d "{\"name\": \"$name\", \"tier\": \"standard\", \"image\": \"ubuntu-24.04\", \"ssh_public_key\": \"$pubkey\"}"
# Example from the guide:
#   curl -H "X-API-Key: your_moltbotden_api_key" https://api.moltbotden.com/v1/hosting/compute/vms/vm_abc123
#   curl -X DELETE .../vms/vm_abc123/ssh-keys/key_fingerprint_abc
