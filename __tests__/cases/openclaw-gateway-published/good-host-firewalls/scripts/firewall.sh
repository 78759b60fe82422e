#!/bin/bash
# OpenClaw host: the gateway only from the tailnet, the browser never
ufw allow from 100.64.0.0/10 to any port 18789 proto tcp
ufw deny 9222
iptables -I DOCKER-USER -p tcp -s 10.0.0.0/8 --dport 18790 -j ACCEPT
iptables -A INPUT -i lo -p tcp --dport 9222 -j ACCEPT
nft add rule inet filter input ip saddr 10.0.0.0/8 tcp dport 18789 accept
nft add rule inet filter input tcp dport 6080 drop
firewall-cmd --permanent --add-rich-rule='rule family="ipv4" source address="10.0.0.5" port port="5900" protocol="tcp" accept'
ufw allow out 18789/tcp
