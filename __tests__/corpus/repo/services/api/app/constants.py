API_KEY_HEADER_NAME = "X-API-Key"
API_KEY_PREFIX_LIVE = "mbd_live_"
API_KEY_PREFIX_TEST = "mbd_test_"
PASSWORD_RESET_TOKEN_EXPIRY_SECONDS = 3600
SECRET_MANAGER_PREFIX = "projects/agentco-prod/secrets/"
TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token"
ACCESS_TOKEN_COOKIE = "__Host-agentco_access_token"
REFRESH_TOKEN_COOKIE = "__Host-agentco_refresh_token"
SIGNING_KEY_ID = "agentco-2024-10"
AUTH_TOKEN_REGEX = r"^mbd_(live|test)_[A-Za-z0-9]{24,128}$"
DEFAULT_SECRET_NAME = "agentco-production-credentials"
TASK_LIST_RISK_SCORE_THRESHOLDS = {"low": 0.2, "medium": 0.5, "high": 0.8}
MAX_TOKENS_PER_COMPLETION = 4096
TOKENIZER = "cl100k_base"
PUBLIC_KEY_PINS = ["sha256/{{b64:43}}=", "sha256/{{b64:43}}="]
