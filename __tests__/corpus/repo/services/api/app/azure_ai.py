from openai import AzureOpenAI
from azure.ai.textanalytics import TextAnalyticsClient
from azure.core.credentials import AzureKeyCredential
from azure.appconfiguration import AzureAppConfigurationClient

aoai = AzureOpenAI(
    azure_endpoint="https://agentco-eastus.openai.azure.com",
    api_key="{{alnum:52}}JQQJ99{{alnum:18}}ACOG{{alnum:4}}", {{secret:azure-ai-services-key}}
    api_version="2024-06-01",
)
AZURE_OPENAI_API_KEY_WESTEU = "{{hex:32}}" {{secret:azure-openai-api-key-legacy}}
language = TextAnalyticsClient("https://agentco-lang.cognitiveservices.azure.com", AzureKeyCredential("{{hex:32}}")) {{secret}}
APPCONFIG = "Endpoint=https://agentco-cfg.azconfig.io;Id={{alnum:4}}-l0-s0:{{alnum:20}};Secret={{b64:43}}=" {{secret:azure-app-configuration-connection-string}}
settings = AzureAppConfigurationClient.from_connection_string(APPCONFIG)
