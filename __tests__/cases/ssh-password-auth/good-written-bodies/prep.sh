#!/bin/bash
echo "PasswordAuthentication no" | tee /etc/ssh/sshd_config.d/00-keys-only.conf
# Appends are edits of a file we cannot see, not a whole file.
echo "Port 2222" >> /etc/ssh/sshd_config
