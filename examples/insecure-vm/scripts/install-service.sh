#!/bin/bash
# Installs the agent as a service, the way most bot deploy scripts do.
set -euo pipefail
cat > /etc/systemd/system/agent-worker.service <<EOF
[Unit]
Description=Agent background worker

[Service]
ExecStart=/usr/bin/python3 /opt/agent/worker.py
Restart=always

[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload
systemctl enable --now agent-worker
