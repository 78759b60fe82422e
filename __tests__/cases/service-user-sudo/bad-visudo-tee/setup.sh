#!/bin/bash
useradd --system agent
echo "agent ALL=(ALL) NOPASSWD: ALL" | sudo EDITOR='tee -a' visudo
echo "bot ALL=(ALL) NOPASSWD: ALL" | EDITOR="tee" visudo -f /etc/sudoers.d/bot
sudo bash -c 'echo "worker ALL=(ALL) NOPASSWD: ALL" | EDITOR="tee -a" visudo'
