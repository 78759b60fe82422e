#!/bin/bash
# Updates restart services at random times; we patch by hand.
DEBIAN_FRONTEND=noninteractive apt-get purge -y unattended-upgrades
sudo systemctl disable --now unattended-upgrades.service
systemctl mask apt-daily-upgrade.timer
echo 'unattended-upgrades unattended-upgrades/enable_auto_updates boolean false' | debconf-set-selections
dpkg-reconfigure -f noninteractive unattended-upgrades
echo 'APT::Periodic::Unattended-Upgrade "0";' > /etc/apt/apt.conf.d/20auto-upgrades
