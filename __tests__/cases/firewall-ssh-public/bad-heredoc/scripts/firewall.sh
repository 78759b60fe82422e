#!/bin/sh
curl -X PUT "$API/v1/hosting/compute/vms/$VM_ID/firewall" -H "X-API-Key: $MOLTBOTDEN_API_KEY" \
  --data @- <<'JSON'
{
  "inbound_rules": [
    {"description": "ssh", "protocol": "tcp", "port": $SSH_PORT, "source_cidr": "0.0.0.0/0"},
    {"description": "ssh", "protocol": "tcp", "port": 22, "source_cidr": "0.0.0.0/0"}
  ]
}
JSON
