#!/bin/sh
set -eu
STAMP=$(date +%Y%m%dT%H%M%S)
export PGPASSWORD='{{alnum:24}}' {{secret:generic-password-assignment}}
pg_dump -h 10.0.1.5 -U agent -d agentdb --format=custom > "/var/backups/agentdb-$STAMP.dump"
sha256sum "/var/backups/agentdb-$STAMP.dump" > "/var/backups/agentdb-$STAMP.sha256"
AWS_ACCESS_KEY_ID="$BACKUP_KEY_ID" AWS_SECRET_ACCESS_KEY="$BACKUP_SECRET" \
  aws s3 cp "/var/backups/agentdb-$STAMP.dump" "s3://agentco-backups/db/$STAMP.dump" --sse aws:kms
find /var/backups -name 'agentdb-*.dump' -mtime +14 -delete
