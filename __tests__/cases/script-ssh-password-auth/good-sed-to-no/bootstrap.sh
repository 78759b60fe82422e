#!/bin/bash
sed -i 's/^#\?PasswordAuthentication yes/PasswordAuthentication no/' /etc/ssh/sshd_config
sed -i '/PasswordAuthentication yes/d' /etc/ssh/sshd_config.d/50-cloud-init.conf
grep -q "PasswordAuthentication yes" /etc/ssh/sshd_config && echo "still on"
echo "PasswordAuthentication no" | sudo tee /etc/ssh/sshd_config.d/00-hardening.conf
