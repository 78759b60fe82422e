<?php
namespace Agentco\Legacy;

final class Billing
{
    private string $stripeKey = 'sk_live_{{alnum:24}}'; {{secret:stripe-live-secret-key}}
    private $api_secret = '{{alnum:40}}'; {{secret}}
    private string $currency = 'eur';

    public function __construct(private readonly string $apiBase = 'https://billing.agentco.io')
    {
        $api_token = getenv('BILLING_API_TOKEN');
        $this->client = new \GuzzleHttp\Client(['base_uri' => $this->apiBase, 'headers' => ['Authorization' => "Bearer {$api_token}"]]);
    }
}
