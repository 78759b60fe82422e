#!/bin/bash
ufw default deny incoming
ufw allow from 203.0.113.5 to any port 22 proto tcp
ufw allow from 10.0.0.0/8 to any app OpenSSH
ufw allow 443/tcp
ufw allow 80,443/tcp
# ufw allow 22   (commented out on purpose)
echo "ufw allow 22"
