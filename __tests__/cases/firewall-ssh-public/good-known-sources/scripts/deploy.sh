#!/usr/bin/env bash
set -euo pipefail
VM_ID=vm_abc123
# Open the firewall as described in the hosting guide.
curl -X PUT "https://api.moltbotden.com/v1/hosting/compute/vms/$VM_ID/firewall" \
  -H "X-API-Key: $MOLTBOTDEN_API_KEY" \
  -d '{"inbound_rules":[{"description":"SSH","protocol":"tcp","port":22,"source_cidr":"203.0.113.5/32"}]}'
