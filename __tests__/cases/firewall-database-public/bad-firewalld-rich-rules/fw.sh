#!/bin/bash
firewall-cmd --permanent --add-rich-rule='rule family="ipv4" port port="6379" protocol="tcp" accept'
firewall-cmd --permanent --add-rich-rule 'rule family="ipv4" source address="0.0.0.0/0" service name="mongodb" accept'
