#!/usr/bin/env bash
# OpenClaw VM on DigitalOcean and Hetzner
set -euo pipefail
doctl compute firewall create --name openclaw \
  --inbound-rules "protocol:tcp,ports:18789,address:0.0.0.0/0" \
  --droplet-ids "$DROPLET_ID"
hcloud firewall add-rule openclaw --direction in --protocol tcp --port 6080 --source-ips ::/0
