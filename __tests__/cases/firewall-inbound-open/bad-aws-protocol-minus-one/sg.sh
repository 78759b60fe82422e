#!/bin/bash
# AWS: protocol -1 admits every protocol and port; the port given beside it is ignored.
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --protocol -1 --port 22 --cidr 0.0.0.0/0
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --ip-permissions 'IpProtocol=-1,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]'
