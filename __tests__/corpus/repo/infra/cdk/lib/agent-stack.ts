import { Stack, StackProps, SecretValue, Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class AgentStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const apiKey = secretsmanager.Secret.fromSecretNameV2(this, 'ApiKey', 'agents/prod/moltbotden-api-key');
    const webhookSecret = new secretsmanager.Secret(this, 'WebhookSecret', {
      secretStringValue: SecretValue.unsafePlainText('whsec_{{alnum:32}}'), {{secret:stripe-webhook-secret}}
    });
    new lambda.Function(this, 'Webhooks', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist/webhooks'),
      timeout: Duration.seconds(15),
      environment: {
        API_KEY_SECRET_ARN: apiKey.secretArn,
        WEBHOOK_SECRET_ARN: webhookSecret.secretArn,
        ACCOUNT_ID: '{{digits:12}}',
      },
    });
  }
}
