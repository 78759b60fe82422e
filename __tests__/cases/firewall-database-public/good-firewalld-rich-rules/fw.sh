#!/bin/bash
firewall-cmd --permanent --add-rich-rule='rule family="ipv4" source address="10.0.1.0/24" port port="6379" protocol="tcp" accept'
# NOT inverts the match: whom it admits is everything but the list, which the rule cannot say.
firewall-cmd --permanent --add-rich-rule 'rule family="ipv4" source NOT address="10.0.0.0/8" service name="postgresql" reject'
firewall-cmd --permanent --add-rich-rule 'rule family="ipv4" source ipset="office" port port="5432" protocol="tcp" accept'
