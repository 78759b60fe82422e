#!/bin/bash
sudo tee /etc/systemd/system/openclaw.service > /dev/null <<'UNIT'
[Service]
User=openclaw
ExecStart=/usr/bin/openclaw gateway
UNIT
# A note written elsewhere is not a unit.
cat > /opt/openclaw/README <<EOF
[Service]
ExecStart=whatever
EOF
