from unittest import mock

from app import clients

LEAKED_IN_TEST = "sk-ant-api03-{{token:93}}AA" {{secret:anthropic-api-key}}


def test_openai_client_uses_settings():
    with mock.patch.object(clients, "openai_client") as fake:
        fake.api_key = "sk-test-1234"
        assert fake.api_key.startswith("sk-")


def test_anthropic_key_shape():
    assert LEAKED_IN_TEST.startswith("sk-ant-")


def test_task_list_prompt_mentions_risk():
    assert "risk-score" in clients.TASK_LIST_PROMPT
    assert "task-list" in clients.TASK_LIST_PROMPT
