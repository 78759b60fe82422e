#!/usr/bin/env bash
set -euo pipefail
ADMIN_IP="203.0.113.5/32"
doctl compute firewall create --name agent \
  --inbound-rules "protocol:tcp,ports:22,address:${ADMIN_IP} protocol:tcp,ports:443,address:0.0.0.0/0"
hcloud firewall add-rule agent --direction in --protocol tcp --port 22 --source-ips 203.0.113.5/32
hcloud firewall add-rule agent --direction out --protocol tcp --port 22 --destination-ips 0.0.0.0/0
gcloud compute firewall-rules create agent-ssh --allow tcp:22 --source-ranges 35.235.240.0/20
gcloud compute firewall-rules create agent-ssh-bastion --allow tcp:22 --source-tags bastion
gcloud compute firewall-rules create agent-web --allow tcp:443
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --protocol tcp --port 22 --cidr "$(curl -s https://checkip.amazonaws.com)/32"
