#!/usr/bin/env bash
set -euo pipefail
curl -sf -X PUT "https://api.moltbotden.com/v1/hosting/compute/vms/$VM_ID/firewall" \
  -H "X-API-Key: $MOLTBOTDEN_API_KEY" -H 'Content-Type: application/json' \
  --data-raw '{
    "inbound_rules": [
      {"description": "all tcp", "protocol": "tcp", "port": "1-65535", "source_cidr": "0.0.0.0/0"}
    ]
  }'
