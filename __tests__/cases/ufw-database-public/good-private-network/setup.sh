#!/bin/bash
ufw default deny incoming
ufw allow from 10.0.0.0/8 to any port 5432 proto tcp
ufw allow proto tcp from 10.0.1.5 to any port 6379
ufw deny 27017
