import pinecone

# Pinecone pod-based index from 2023; the project key format predates pcsk_.
pinecone.init(api_key="{{uuid:4}}", environment="us-west1-gcp") {{secret:pinecone-api-key-legacy}}
INDEX = pinecone.Index("agent-memory")
NAMESPACE_ID = "{{uuid:4}}"
