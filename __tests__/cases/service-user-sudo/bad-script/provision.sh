#!/bin/bash
useradd --system --create-home --shell /usr/sbin/nologin agent
usermod -aG sudo agent
sudo adduser agent wheel
useradd -m -G docker,sudo worker
echo "agent ALL=(ALL) NOPASSWD:ALL" | sudo tee /etc/sudoers.d/agent > /dev/null
sudo bash -c 'echo "deploy ALL=(ALL:ALL) ALL" >> /etc/sudoers'
cat <<EOF > /etc/sudoers.d/bot
bot ALL=(ALL) NOPASSWD: ALL
EOF
