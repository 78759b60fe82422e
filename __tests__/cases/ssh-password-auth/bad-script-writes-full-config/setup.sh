#!/bin/sh
# Replace the distribution's file with ours.
cat > /etc/ssh/sshd_config <<'EOF'
Port 2222
PermitRootLogin no
UsePAM yes
EOF
echo "PasswordAuthentication yes" > /etc/ssh/sshd_config.d/10-lab.conf
