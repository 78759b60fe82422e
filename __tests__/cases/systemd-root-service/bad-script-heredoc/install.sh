#!/bin/bash
set -euo pipefail
npm install -g openclaw
cat > /etc/systemd/system/openclaw.service <<EOF
[Unit]
Description=OpenClaw gateway
After=network-online.target

[Service]
ExecStart=/usr/bin/openclaw gateway
Restart=always

[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload
systemctl enable --now openclaw
