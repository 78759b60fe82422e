import anthropic
import openai
from elevenlabs.client import ElevenLabs
from groq import Groq
from huggingface_hub import login
from pinecone import Pinecone

from .config import get_settings

settings = get_settings()

# TODO: move to the env file before launch
openai_client = openai.OpenAI(api_key="sk-proj-{{token:58}}T3BlbkFJ{{token:58}}") {{secret:openai-api-key}}
claude = anthropic.Anthropic(api_key=settings.anthropic_api_key.get_secret_value())
groq_client = Groq(api_key="gsk_{{alnum:52}}") {{secret:groq-api-key}}
voice = ElevenLabs(api_key="sk_{{hex:48}}") {{secret:elevenlabs-api-key}}
pc = Pinecone(api_key="pcsk_{{alnum:6}}_{{alnum:63}}") {{secret:pinecone-api-key}}
login(token="hf_{{alnum:34}}") {{secret:huggingface-access-token}}

MODEL = "claude-3-5-sonnet-20241022"
EMBEDDING_MODEL = "text-embedding-3-large"
TASK_LIST_PROMPT = "Summarise the task-list and the risk-score for the desk team."
