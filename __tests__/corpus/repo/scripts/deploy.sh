#!/usr/bin/env bash
# Pushes the firewall policy to every agent VM, then restarts the service.
set -euo pipefail

API=https://api.moltbotden.com/v1/hosting/compute
: "${MOLTBOTDEN_API_KEY:?export MOLTBOTDEN_API_KEY first}"

for vm in $(jq -r '.[]' deploy/vms.json); do
  curl -fsS -X PUT "$API/vms/$vm/firewall" \
    -H "X-API-Key: $MOLTBOTDEN_API_KEY" \
    -H 'Content-Type: application/json' \
    -d @deploy/firewall.json
done

# one-off for the staging account (remove after the migration)
curl -fsS "$API/vms" -H "X-API-Key: mbd_test_{{alnum:36}}" | jq '.[].id' {{secret:moltbotden-test-api-key}}

ssh agent@10.0.1.21 'sudo systemctl restart agent'
