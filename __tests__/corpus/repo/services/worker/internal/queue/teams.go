package queue

const (
	teamsWebhook    = "https://agentco.webhook.office.com/webhookb2/{{uuid:4}}@{{uuid:4}}/IncomingWebhook/{{hex:32}}/{{uuid:4}}" {{secret:microsoft-teams-webhook-url}}
	slackWorkflow   = "https://hooks.slack.com/triggers/T{{upper:9}}/A{{upper:11}}/{{digits:16}}/{{alnum:32}}" {{secret:slack-workflow-webhook-url}}
	powerAutomate   = "https://prod-27.westeurope.logic.azure.com:443/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={{token:43}}" {{secret:azure-logic-app-trigger-url}}
	statusPageURL   = "https://status.agentco.io/api/v2/summary.json"
	teamsCardSchema = "http://adaptivecards.io/schemas/adaptive-card.json"
)
