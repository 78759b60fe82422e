#!/bin/sh
# the desktop only through a tunnel or from the office
ufw allow from 203.0.113.5 to any port 5900 proto tcp
iptables -A INPUT -i lo -p tcp --dport 9222 -j ACCEPT
nft add rule inet filter input ip saddr 198.51.100.0/24 tcp dport 6080 accept
