#!/bin/sh
# a build host with a VNC desktop
ufw allow 5900/tcp
ufw allow 9222
iptables -A INPUT -p tcp --dport 6080 -j ACCEPT
