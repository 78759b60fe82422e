#!/usr/bin/env bash
# Provision the agent VM. Run once after creating it.
set -euo pipefail
apt-get update && apt-get install -y python3-venv fail2ban
ufw allow 22
ufw allow 5432
ufw enable
chmod 644 /app/.env
useradd --system --create-home agent
usermod -aG sudo agent
setcap 'cap_net_bind_service=+ep' /usr/bin/python3.11
