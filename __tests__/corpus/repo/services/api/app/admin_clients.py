import anthropic

# Admin API: workspace and key management. Only the ops job should use this.
admin = anthropic.Anthropic(api_key="sk-ant-admin01-{{token:90}}") {{secret:anthropic-api-key}}
WORKSPACE_ID = "wrkspc_{{alnum:24}}"
