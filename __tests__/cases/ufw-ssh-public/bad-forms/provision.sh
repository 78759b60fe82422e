#!/usr/bin/env bash
set -e
sudo ufw allow ssh
ufw allow OpenSSH   # the app profile
ufw allow proto tcp from any to any port 22
if ! ufw status | grep -q 22; then ufw limit 22/tcp; fi
ufw allow in on eth0 to any port 22 comment 'admin'
ufw delete allow 22
ufw allow out 22
