#!/bin/bash
# OpenClaw host: gateway and sandbox browser
ufw allow 18789/tcp
ufw allow proto tcp from any to any port 6080
iptables -I DOCKER-USER -p tcp --dport 18790 -j ACCEPT
nft add rule inet filter input tcp dport 9222 accept
firewall-cmd --permanent --add-port=18789/tcp
firewall-cmd --permanent --add-rich-rule='rule family="ipv4" port port="5900" protocol="tcp" accept'
