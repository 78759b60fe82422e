#!/bin/bash
echo "root:$ROOT_PASSWORD" | chpasswd
echo "agent:$(openssl rand -base64 24)" | chpasswd
passwd -l agent
echo "$NEW_PASS" | passwd --stdin deploy
usermod -p "$HASH" deploy
echo 'agent:<your-password>' | chpasswd
