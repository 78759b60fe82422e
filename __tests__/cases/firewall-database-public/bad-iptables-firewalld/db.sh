#!/bin/bash
iptables -A INPUT -p tcp --dport 5432 -j ACCEPT
firewall-cmd --permanent --add-port=6379/tcp
