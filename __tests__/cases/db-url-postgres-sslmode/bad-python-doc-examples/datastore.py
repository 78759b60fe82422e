#!/usr/bin/python
DOCUMENTATION = '''
module: datastore
short_description: Manage external datastores
'''

EXAMPLES = '''
- name: Add external datastore
  datastore:
    name: my-postgres
    dsn: postgresql://user:pass@host:5432/dbname
'''
