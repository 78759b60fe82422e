import boto3
from azure.storage.blob import BlobServiceClient

AZURE_STORAGE_CONNECTION_STRING = "DefaultEndpointsProtocol=https;AccountName=agentcostore;AccountKey={{b64:86}}==;EndpointSuffix=core.windows.net" {{secret:azure-storage-connection-string}}
BACKUP_SAS_URL = "https://agentcostore.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig={{b64:43}}=" {{secret:azure-sas-token}}

s3 = boto3.client("s3", region_name="eu-central-1")
blob = BlobServiceClient.from_connection_string(AZURE_STORAGE_CONNECTION_STRING)

# Example from the AWS docs, kept for the unit test of the redaction helper:
EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
BUCKET_ETAG = "\"{{hex:32}}\""
