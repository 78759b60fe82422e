import os

from openai import OpenAI

PROVIDERS = {
    "openrouter": OpenAI(base_url="https://openrouter.ai/api/v1", api_key="sk-or-v1-{{hex:64}}"), {{secret:openrouter-api-key}}
    "deepseek": OpenAI(base_url="https://api.deepseek.com", api_key=os.environ["DEEPSEEK_API_KEY"]),
    "together": OpenAI(base_url="https://api.together.xyz/v1", api_key="tgp_v1_{{token:43}}"), {{secret:together-api-key}}
    "xai": OpenAI(base_url="https://api.x.ai/v1", api_key="xai-{{alnum:80}}"), {{secret:xai-api-key}}
    "perplexity": OpenAI(base_url="https://api.perplexity.ai", api_key="pplx-{{alnum:48}}"), {{secret:perplexity-api-key}}
    "fireworks": OpenAI(base_url="https://api.fireworks.ai/inference/v1", api_key="fw_{{alnum:24}}"), {{secret:fireworks-api-key}}
}

DEEPSEEK_FALLBACK_KEY = "sk-{{hex:32}}" {{secret:deepseek-api-key}}
MISTRAL_API_KEY = "{{alnum:32}}" {{secret:mistral-api-key}}
COHERE_API_KEY = "{{alnum:40}}" {{secret:cohere-api-key}}
REPLICATE_API_TOKEN = "r8_{{alnum:37}}" {{secret:replicate-api-token}}
GEMINI_API_KEY = "AIza{{token:35}}" {{secret:google-gemini-api-key}}
LANGSMITH_API_KEY = "lsv2_pt_{{hex:32}}_{{hex:10}}" {{secret:langsmith-personal-access-token}}

DEFAULT_MODEL = os.getenv("DEFAULT_MODEL", "gpt-4o-mini")
REQUEST_ID_HEADER = "x-request-id"
