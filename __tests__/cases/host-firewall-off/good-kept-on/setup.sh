#!/bin/bash
ufw default deny incoming
ufw allow 443/tcp
ufw --force enable
systemctl enable --now ufw
systemctl disable --now apache2
iptables -P INPUT DROP
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -p tcp --dport 5432 -s 10.0.0.0/8 -j ACCEPT
firewall-cmd --zone=internal --add-source=10.0.0.0/8 --add-port=5432/tcp
