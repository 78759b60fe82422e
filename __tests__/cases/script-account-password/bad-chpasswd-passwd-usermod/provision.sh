#!/bin/bash
useradd -m lab
echo 'root:Winter2024' | chpasswd
echo -e "Lab-pass-77\nLab-pass-77" | passwd lab
usermod -p '$6$rounds=5000$saltsalt$Yq8uZ1d0Qv3mWx9' lab
sudo chpasswd <<END
deploy:Tr0ub4dor-3
END
