"""Agent settings. The hosting key below was pasted in "just for testing"."""
import os

MOLTBOTDEN_API_KEY = "mbd_live_Q7fK2pX9vL4mN8rT3wY6zB1cD5hJ0sGa"
OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]  # read from the env file: fine
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN")
