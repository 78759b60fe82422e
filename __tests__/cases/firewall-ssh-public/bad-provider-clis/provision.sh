#!/usr/bin/env bash
set -euo pipefail
doctl compute firewall create --name agent \
  --inbound-rules "protocol:tcp,ports:22,address:0.0.0.0/0 protocol:tcp,ports:443,address:0.0.0.0/0" \
  --droplet-ids "$DROPLET_ID"
hcloud firewall add-rule agent --direction in --protocol tcp --port 22 --source-ips ::/0
# no --source-ranges: gcloud defaults the source to 0.0.0.0/0
gcloud compute firewall-rules create agent-ssh --allow tcp:22 --target-tags agent
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --protocol tcp --port 22 --cidr 0.0.0.0/0
